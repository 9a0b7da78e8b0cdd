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
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect { try InputReader().read([.directory(empty.path)]) } throws: { "\($0)".hasSuffix("directory has no *.json files") }
    }

    @Test func refusesFilesLargerThanTheLimit() throws {
        let reader = InputReader(maximumFileSize: 10)
        #expect { try reader.read([.file(TestPaths.fixture("shape-page.json").path)]) } throws: {
            "\($0)".contains("larger than the 10 bytes accepted")
        }
    }
}
