import Foundation
import Testing

/// Runs `peergraph` as a user would: in this process with its streams captured (`run`), or the real
/// binary (`spawn`) where the process itself is what is tested.
@Suite(.serialized) struct EndToEndTests {
    typealias Result = InProcessRun.Result

    static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Result {
        try await InProcessRun.run(arguments, stdin: stdin)
    }

    /// The real binary.
    static func spawn(_ arguments: [String], stdin: Data? = nil, in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = CLIPaths.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let hub = CLIPaths.samples.appendingPathComponent("hub-and-spoke/connections.json").path
    let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path

    @Test func drawsTheSampleAsDOTOnStandardOutput() throws {
        let result = try Self.spawn([hub])
        #expect(result.code == 0)
        #expect(result.stderr.isEmpty)
        let golden = try String(
            contentsOf: CLIPaths.samples.appendingPathComponent("hub-and-spoke/mesh.dot"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test(arguments: ["dot", "graphml", "mermaid"])
    func writesEachFormatToAFile(format: String) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.\(format)")
        let legend = format == "graphml" ? [] : ["--legend"]
        let result = try await Self.run(
            [pages, "--format", format] + legend + ["--title", "Multi-region, multi-account mesh", "-o", target.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let ext = format == "mermaid" ? "mmd" : format
        let golden = try Data(contentsOf: CLIPaths.samples.appendingPathComponent("multi-region/mesh.\(ext)"))
        #expect(try Data(contentsOf: target) == golden)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.\(format)"])
    }

    @Test func readsStandardInput() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: hub))
        let fromStdin = try await Self.run(["-", "-f", "mermaid"], stdin: data)
        let fromFile = try await Self.run([hub, "-f", "mermaid"])
        #expect(fromStdin.code == 0)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test func badInputFailsWithOneLineExitCodeThreeAndLeavesTheOutputAlone() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.json")
        try Data(
            #"{"VpcPeerConnects":[{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-1"},"AcceptingVpc":{"VpcId":7}}]}"#.utf8
        ).write(to: bad)
        let target = folder.appendingPathComponent("mesh.dot")
        try Data("previous content\n".utf8).write(to: target)
        let result = try await Self.run([hub, bad.path, "-o", target.path])
        #expect(result.code == 3)
        #expect(
            result.stderr
                == "peergraph: error: \(bad.path):1:91 (byte 90, $.VpcPeerConnects[0].AcceptingVpc.VpcId): expected a string or null, found a number\n"
        )
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous content\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.json", "mesh.dot"])
    }

    @Test func aGigabyteOfGarbageFailsAtOnceWithoutLoadingIt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage.json")
        try Data("\u{7F}ELF garbage".utf8).write(to: garbage)
        let handle = try FileHandle(forWritingTo: garbage)
        try handle.truncate(atOffset: 1 << 30)  // a sparse 1 GiB file
        try handle.close()
        let started = Date()
        let result = try Self.spawn([garbage.path, "-o", folder.appendingPathComponent("out.dot").path])
        #expect(result.code == 3)
        #expect(result.stderr == "peergraph: error: \(garbage.path): is an executable (ELF), not JSON\n")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.dot").path))
    }

    @Test func unwritableOutputIsExitCodeFive() throws {
        let result = try Self.spawn([hub, "-o", "/nonexistent-folder/mesh.dot"])
        #expect(result.code == 5)
        #expect(
            result.stderr.hasPrefix(
                "peergraph: error: /nonexistent-folder/mesh.dot: cannot create a file in /nonexistent-folder"))
    }

    @Test func usageErrorsAreExitCodeTwoWithAHint() async throws {
        let result = try await Self.run([hub, "--formt", "dot"])
        #expect(result.code == 2)
        #expect(
            result.stderr
                == "peergraph: error: unknown option '--formt' (did you mean '--format'?)\nRun 'peergraph --help' for usage.\n"
        )
        #expect(try await Self.run([]).code == 2)
    }

    @Test func explainsAnEmptyGraph() async throws {
        let result = try await Self.run([hub, "--region", "eu-central-1"])
        #expect(result.code == 0)
        #expect(
            result.stderr
                == "peergraph: warning: the graph is empty: all 6 connections were removed by the filters (--region removed 6)\n"
        )
        #expect(result.stdout.contains("digraph"))
        let quiet = try await Self.run([hub, "--region", "eu-central-1", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func filtersNarrowTheGraph() async throws {
        let result = try await Self.run([pages, "--status", "Activated", "--region", "ap-southeast-1", "-f", "graphml"])
        #expect(result.code == 0)
        // core-hz-sg and shop-core are Activated and touch Singapore.
        #expect(result.stdout.components(separatedBy: "<edge ").count - 1 == 2)
    }

    @Test func customTemplatesAndThemesAreUsedAndChecked() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("my.template")
        try Data("digraph custom {\n{{body}}\n}\n".utf8).write(to: template)
        let result = try await Self.run([hub, "--template", template.path])
        #expect(result.code == 0)
        #expect(result.stdout.hasPrefix("digraph custom {\n"))
        try Data("graph {{nonsense}}".utf8).write(to: template)
        let bad = try await Self.run([hub, "--template", template.path])
        #expect(bad.code == 3)
        #expect(bad.stderr.contains("my.template:1: unknown placeholder {{nonsense}}"))
        let theme = folder.appendingPathComponent("theme.tsv")
        try Data("Activated #000000 bold\n* #123456 dotted\n".utf8).write(to: theme)
        let themed = try await Self.run([hub, "--theme", theme.path])
        #expect(themed.stdout.contains("color=\"#000000\""))
    }

    @Test func versionAndHelp() throws {
        #expect(try Self.spawn(["--version"]).stdout.hasPrefix("peergraph "))
        let help = try Self.spawn(["-h"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("USAGE: peergraph"))
    }

    /// `peergraph … | head`: the reader has what it wanted; the run ends quietly with 0 (see the README).
    @Test func aClosedPipeEndsQuietlyNotACrash() async throws {
        // Output far larger than a pipe buffer; the reader goes away after 10 bytes.
        let connections = (0..<3000).map { index in
            #"{"InstanceId":"pcc-\#(index)","Vpc":{"VpcId":"vpc-\#(index)"},"AcceptingVpc":{"VpcId":"vpc-\#(index + 1)"}}"#
        }
        let input = Data(("[" + connections.joined(separator: ",") + "]").utf8)
        let process = Process()
        process.executableURL = CLIPaths.binary
        process.arguments = ["-", "-f", "graphml"]
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        _ = try out.fileHandleForReading.read(upToCount: 10)
        try out.fileHandleForReading.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(message.isEmpty, "\(message)")
    }
}

@Suite struct SignalTests {
    /// SIGTERM or Ctrl-C while the output is being written: no temporary file, the old file untouched.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalLeavesNoPartialOutput(signalNumber: Int32) async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("mesh.graphml")
        try Data("old\n".utf8).write(to: target)
        let connections = (0..<60_000).map {
            #"{"InstanceId":"pcc-\#($0)","Name":"n\#($0)","Vpc":{"VpcId":"vpc-\#($0 % 5000)"},"AcceptingVpc":{"VpcId":"vpc-\#($0 % 4999 + 1)"}}"#
        }
        let input = Data(("[" + connections.joined(separator: ",") + "]").utf8)
        var sawTemporaryFile = false
        for _ in 0..<5 where !sawTemporaryFile {
            let process = Process()
            process.executableURL = CLIPaths.binary
            process.arguments = ["-", "-f", "graphml", "-o", target.path]
            let stdin = Pipe()
            process.standardInput = stdin
            process.standardError = FileHandle.nullDevice
            try process.run()
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
            // Wait for the temporary file to appear, then interrupt.
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline {
                if (try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains(where: {
                    $0.hasPrefix(".peergraph-")
                }) {
                    sawTemporaryFile = true
                    kill(process.processIdentifier, signalNumber)
                    break
                }
                usleep(1000)
            }
            process.waitUntilExit()
            if sawTemporaryFile {
                #expect(process.terminationReason == .exit)
                #expect(process.terminationStatus == 128 + signalNumber)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mesh.graphml"])
            if sawTemporaryFile { #expect(try String(contentsOf: target, encoding: .utf8) == "old\n") }
            try Data("old\n".utf8).write(to: target)
        }
        #expect(sawTemporaryFile, "never caught peergraph while writing; the test could not interrupt it")
    }
}
