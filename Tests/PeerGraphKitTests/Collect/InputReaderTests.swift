import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct InputReaderTests {
    @Test func readsADirectoryInNameOrder() throws {
        let folder = TestPaths.samples.appendingPathComponent("multi-region/pages").path
        let files = try InputReader().jsonFiles(in: folder).map { ($0 as NSString).lastPathComponent }
        #expect(files == files.sorted())
        #expect(files.count == 6)
        let connections = try InputReader().read([.directory(folder)])
        // 11 connections, of which 5 cross regions and are listed in both regions' pages.
        #expect(connections.count == 16)
        #expect(ConnectionDeduplicator.deduplicate(connections).count == 11)
    }

    @Test func namesMissingFilesAndEmptyDirectories() throws {
        #expect { try InputReader().read([.file("/nonexistent/peers.json")]) } throws: {
            "\($0)" == "/nonexistent/peers.json: no such file"
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect { try InputReader().read([.directory(empty.path)]) } throws: {
            "\($0)".hasSuffix("directory has no *.json files")
        }
    }

    @Test func refusesFilesLargerThanTheLimit() throws {
        let reader = InputReader(maximumFileSize: 10)
        #expect { try reader.read([.file(TestPaths.fixture("shape-page.json").path)]) } throws: {
            "\($0)".contains("larger than the 10 bytes accepted")
        }
    }

    /// A named pipe stands for `peergraph <(aliyun vpcpeer ListVpcPeerConnections …)`: it can be read
    /// once only, so looking at its first bytes must not lose them (it did: found while reworking reads).
    @Test func readsPipesWholeAndStillChecksTheirStart() throws {
        let sample = try Data(contentsOf: TestPaths.samples.appendingPathComponent("hub-and-spoke/connections.json"))
        #expect(sample.count > 4096, "the sample must be longer than the first look")
        let expected = try InputReader().read([
            .file(TestPaths.samples.appendingPathComponent("hub-and-spoke/connections.json").path)
        ])
        for (content, limit) in [(sample, 1 << 30), (Data("garbage".utf8) + sample, 1 << 30), (sample, 5000)] {
            let fifo = FileManager.default.temporaryDirectory.appendingPathComponent(
                "peergraph-fifo-\(UUID().uuidString)"
            ).path
            #expect(mkfifo(fifo, 0o600) == 0)
            defer { unlink(fifo) }
            let writer = Thread {
                // Opening blocks until the reader opens; a reader that stops early makes the write fail, which is fine.
                guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
                try? handle.write(contentsOf: content)
                try? handle.close()
            }
            writer.start()
            let result = Result { try InputReader(maximumFileSize: limit).read([.file(fifo)]) }
            switch (result, content.first, limit) {
            case (.success(let connections), UInt8(ascii: "["), 1 << 30),
                (.success(let connections), UInt8(ascii: "{"), 1 << 30):
                #expect(connections == expected)
            case (.failure(let error), UInt8(ascii: "g"), _):
                #expect("\(error)".contains("found 'g'"))
            case (.failure(let error), _, 5000):
                #expect("\(error)".contains("larger than the 5000 bytes accepted"))
            default:
                Issue.record("unexpected \(result) for a pipe of \(content.count) bytes, limit \(limit)")
            }
        }
    }
}
