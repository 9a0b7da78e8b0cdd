import Foundation
import Testing

/// Standard input, child processes and signals, as the binary meets them.
@Suite(.serialized) struct ProcessSafetyTests {
    let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path

    /// Runs `script` with sh, `$PEERGRAPH` naming the binary; returns its exit status, output and the seconds it took.
    static func shell(
        _ script: String, environment: [String: String] = [:], timeout: Double = 30
    ) throws -> (code: Int32, stdout: String, stderr: String, seconds: Double) {
        var env = ProcessInfo.processInfo.environment
        env["PEERGRAPH"] = CLIPaths.binary.path
        env.merge(environment) { $1 }
        let outcome = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: env, timeout: timeout)
        return (outcome.code, outcome.stdout, outcome.stderr, outcome.seconds)
    }

    @Test func standardInputClosedOrADirectoryIsOneLineAndExitThree() throws {
        for redirect in ["<&-", "< /"] {
            let result = try Self.shell("\"$PEERGRAPH\" - \(redirect)")
            #expect(result.code == 3, "\(redirect): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(redirect): \(result.stderr)")
            #expect(result.stderr.hasPrefix("peergraph: error: <stdin>: "))
        }
    }

    @Test func garbageOnStandardInputIsRefusedBeforeItEnds() throws {
        // 3 GB of garbage under a 1.5 GB address-space limit: only a refusal after the first bytes ends the
        // run cleanly (0.2.0 read standard input whole first: gigabytes of memory, then a crash here).
        let result = try Self.shell(
            "ulimit -v 1500000; head -c 3000000000 /dev/zero | tr '\\0' 'x' | \"$PEERGRAPH\" -", timeout: 30)
        #expect(result.code == 3)
        #expect(result.stderr.contains("<stdin>:1:1 (byte 0): expected a page object"))
        #expect(result.seconds < 10)
    }

    @Test func aFIFOInAFolderNeverBlocksTheRun() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            atPath: pages + "/cn-hangzhou-page-1.json", toPath: folder.appendingPathComponent("a.json").path)
        #expect(mkfifo(folder.appendingPathComponent("b.json").path, 0o600) == 0)
        let result = try Self.shell("\"$PEERGRAPH\" \"\(folder.path)\" > /dev/null", timeout: 20)
        #expect(result.code == 0)
        #expect(
            result.stderr == "peergraph: warning: \(folder.path)/b.json: skipped: a named pipe, not a regular file\n")
        #expect(result.seconds < 10)
    }

    @Test func aSmallAddressSpaceEndsInAnErrorNeverASpin() throws {
        for limit in stride(from: 80_000, through: 240_000, by: 20_000) {
            let result = try Self.shell("ulimit -v \(limit); \"$PEERGRAPH\" \"\(pages)\" > /dev/null", timeout: 30)
            #expect(result.seconds < 20, "ulimit -v \(limit) took \(result.seconds) s")
            #expect(
                result.code == 0 || !result.stderr.isEmpty, "ulimit -v \(limit): exit \(result.code) without a message")
        }
    }

    /// A stand-in `dot` that records what it was started with, then sleeps or writes a picture.
    static func fakeGraphviz(in folder: URL, sleep: Bool) throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            report="\(folder.path)/report"
            grep -E '^(SigBlk|SigIgn):' /proc/self/status > "$report"
            echo "pid $$" >> "$report"
            for last; do :; done
            echo "folder $(dirname "$last")" >> "$report"
            echo "mode $(stat -c %a "$(dirname "$last")")" >> "$report"
            echo "credentials $(env | grep -c '^ALIBABA_CLOUD_')" >> "$report"
            \(sleep ? "exec sleep 60" : "")
            while [ $# -gt 0 ]; do [ "$1" = -o ] && { echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > "$2"; }; shift; done
            """
        let dot = bin.appendingPathComponent("dot")
        try Data(script.utf8).write(to: dot)
        chmod(dot.path, 0o755)
        return bin
    }

    static func report(_ folder: URL) -> [String: String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("report"), encoding: .utf8)) ?? ""
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if parts.count == 2 {
                fields[parts[0].trimmingCharacters(in: CharacterSet(charactersIn: ":"))] = parts[1].trimmingCharacters(
                    in: .whitespaces)
            }
        }
        return fields
    }

    @Test func graphvizStartsWithDefaultSignalsAPrivateFolderAndNoCredentials() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = try Self.fakeGraphviz(in: folder, sleep: false)
        let result = try Self.shell(
            "\"$PEERGRAPH\" \"\(pages)\" --render svg -o \"\(folder.path)/out.svg\"",
            environment: ["PATH": "\(bin.path):/usr/bin:/bin", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "s3cret"])
        #expect(result.code == 0, "\(result.stderr)")
        let report = Self.report(folder)
        // Signals 1 to 31 (SIGHUP, SIGINT, SIGPIPE, SIGTERM…): none blocked, none ignored. (Bits above are
        // the C library's own real-time signals, which no program can set.)
        let standard: UInt64 = 0x7FFF_FFFF
        #expect(report["SigBlk"].flatMap { UInt64($0, radix: 16) }.map { $0 & standard } == 0)
        #expect(report["SigIgn"].flatMap { UInt64($0, radix: 16) }.map { $0 & standard } == 0)
        #expect(report["mode"] == "700")
        #expect(report["credentials"] == "0")
        let renderFolder = try #require(report["folder"])
        #expect(!FileManager.default.fileExists(atPath: renderFolder))
    }

    @Test func aSignalStopsGraphvizAndRemovesItsFolder() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = try Self.fakeGraphviz(in: folder, sleep: true)
        let script = """
            "$PEERGRAPH" "\(pages)" --render svg -o "\(folder.path)/out.svg" & pid=$!
            while [ ! -s "\(folder.path)/report" ] || ! grep -q '^mode' "\(folder.path)/report"; do sleep 0.1; done
            kill -INT $pid; wait $pid; echo "exit $?"
            """
        let result = try Self.shell(script, environment: ["PATH": "\(bin.path):/usr/bin:/bin"], timeout: 40)
        #expect(result.stdout.contains("exit 130"), "\(result.stdout) \(result.stderr)")
        let report = Self.report(folder)
        let child = try #require(report["pid"].flatMap { pid_t($0) })
        // Stopped means gone or a zombie (an orphan waits for init to reap it, which a container's init may
        // do late): poll for up to three seconds.
        var running = true
        for _ in 0..<30 where running {
            Thread.sleep(forTimeInterval: 0.1)
            running = Self.isRunning(child)
        }
        #expect(!running, "Graphviz still runs after peergraph was stopped")
        #expect(!FileManager.default.fileExists(atPath: try #require(report["folder"])))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.svg").path))
    }

    /// True while `pid` exists and is no zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) {
            // pid (comm) STATE …: the state follows the last ')'.
            guard let close = stat.lastIndex(of: ")") else { return true }
            return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
        }
        return kill(pid, 0) == 0 && !FileManager.default.fileExists(atPath: "/proc")
    }
}
