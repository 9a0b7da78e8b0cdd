import Foundation
import Testing

@testable import PeerGraphKit

/// What peergraph writes never destroys what it should not (the binary, as a user runs it).
@Suite(.serialized) struct OutputSafetyTests {
    let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path
    /// What peergraph writes for the pages on standard output.
    var golden: Data { Data(((try? EndToEndTests.spawn([pages]))?.stdout ?? "").utf8) }

    func fileType(_ path: String) -> mode_t {
        var status = stat()
        lstat(path, &status)
        return status.st_mode & S_IFMT
    }

    @Test func aFIFOIsWrittenInPlaceNeverReplaced() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let result = try EndToEndTests.spawn([pages, "-q", "-o", fifo])
        let read = out.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(result.code == 0, "\(result.stderr)")
        #expect(fileType(fifo) == S_IFIFO)
        #expect(read.count > 1000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test func characterDevicesStayDevicesAndAFullDeviceIsExitFive() throws {
        let null = try EndToEndTests.spawn([pages, "-o", "/dev/null"])
        #expect(null.code == 0)
        #expect(fileType("/dev/null") == S_IFCHR)
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = try EndToEndTests.spawn([pages, "-o", "/dev/full"])
            #expect(full.code == 5)
            #expect(full.stderr.contains("/dev/full: write failed: No space left on device"))
            #expect(fileType("/dev/full") == S_IFCHR)
        }
    }

    @Test func devStdoutWritesToStandardOutput() throws {
        let result = try EndToEndTests.spawn([pages, "-o", "/dev/stdout"])
        #expect(result.code == 0)
        #expect(Data(result.stdout.utf8) == golden)
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real.dot").path
        let link = folder.appendingPathComponent("link.dot").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.dot")
        #expect(try EndToEndTests.spawn([pages, "-o", link]).code == 0)
        #expect(fileType(link) == S_IFLNK)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == golden)
        // A dangling link creates its target.
        let dangling = folder.appendingPathComponent("dangling.dot").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "created.dot")
        #expect(try EndToEndTests.spawn([pages, "-o", dangling]).code == 0)
        #expect(fileType(dangling) == S_IFLNK)
        #expect(try Data(contentsOf: folder.appendingPathComponent("created.dot")) == golden)
    }

    @Test func theReplacementKeepsThePermissionsOfTheFileItReplaces() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("private.dot").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        #expect(try EndToEndTests.spawn([pages, "-o", target]).code == 0)
        var status = stat()
        stat(target, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        let fresh = folder.appendingPathComponent("new.dot").path
        #expect(try EndToEndTests.spawn([pages, "-o", fresh]).code == 0)
        stat(fresh, &status)
        let mask = umask(0)
        umask(mask)
        #expect(status.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test func aLongButValidNameWorks() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "m", count: 245) + ".dot"  // 249 bytes, the limit is 255
        let result = try EndToEndTests.spawn([pages, "-o", folder.appendingPathComponent(name).path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test func outputNamingAnInputIsAUsageErrorAndTouchesNothing() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("snap")
        try FileManager.default.copyItem(atPath: pages, toPath: snapshot.path)
        let page = snapshot.appendingPathComponent("cn-hangzhou-page-1.json").path
        let before = try Data(contentsOf: URL(fileURLWithPath: page))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("alias.json").path, withDestinationPath: page)
        for output in [
            page, folder.appendingPathComponent("alias.json").path,
            snapshot.appendingPathComponent("../snap/cn-hangzhou-page-1.json").path,
        ] {
            for input in [snapshot.path, page] {
                let result = try EndToEndTests.spawn([input, "-o", output])
                #expect(result.code == 2, "\(input) -o \(output)")
                #expect(result.stderr.contains("writing it would destroy it"))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == before)
        // A device as both is no danger: /dev/null in, /dev/null out is an empty input (exit 3), not a usage error.
        #expect(try EndToEndTests.spawn(["/dev/null", "-o", "/dev/null"]).code == 3)
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        // Enough output to fill the pipe: 600 connections.
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("big.json")
        let connections = (0..<600).map { index in
            "{\"InstanceId\":\"pcc-\(index)\",\"Vpc\":{\"VpcId\":\"vpc-a\(index)\"},\"AcceptingVpc\":{\"VpcId\":\"vpc-b\(index)\"}}"
        }
        try Data("[\(connections.joined(separator: ","))]".utf8).write(to: input)
        // peergraph's standard output is a pipe whose reading end is closed: every write fails with EPIPE.
        let out = Pipe(), err = Pipe()
        let direct = Process()
        direct.executableURL = CLIPaths.binary
        // -q: 600 connections also get the warning that no picture shows them legibly; nothing else may be said.
        direct.arguments = [input.path, "-q"]
        direct.standardOutput = out
        direct.standardError = err
        try out.fileHandleForReading.close()
        try direct.run()
        try out.fileHandleForWriting.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        direct.waitUntilExit()
        #expect(direct.terminationStatus == 0)
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
    }

    @Test func saveRawRefusesAFolderWithForeignFiles() throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) {
            try SnapshotWriter.write([.init(name: "x-page-0001.json", bytes: [])], to: folder.path)
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("notes.txt")) == Data("mine".utf8))
    }
}
