import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct SnapshotWriterTests {
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func pages(_ regions: [String], count: Int = 1, content: String = "{}") -> [SnapshotWriter.File] {
        regions.flatMap { region in
            (1...count).map {
                SnapshotWriter.File(
                    name: SnapshotWriter.pageFileName(region: region, page: $0), bytes: Array(content.utf8))
            }
        }
    }

    @Test func regionIdsGiveDistinctValidNamesThatStayInTheFolder() throws {
        let long = String(repeating: "r", count: 300)
        let regions = ["cn.a", "cn_a", "cn/a", "cn-a", "../x", "", "é", "e\u{301}", long, long + "x", "a\u{0}b"]
        let names = regions.map { SnapshotWriter.pageFileName(region: $0, page: 1) }
        #expect(Set(names).count == regions.count)
        for name in names {
            #expect(!name.contains("/") && !name.hasPrefix(".") && name.utf8.count <= 255, "\(name)")
            #expect(SnapshotWriter.isPageFileName(name))
        }
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/snap"
        try SnapshotWriter.write(Self.pages(regions), to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == names.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["snap"])
    }

    @Test func aRerunReplacesTheWholeSnapshot() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/snap"
        try SnapshotWriter.write(
            Self.pages(["cn-hangzhou", "cn-shanghai"], count: 3, content: "{\"run\":1}"), to: target)
        try SnapshotWriter.write(Self.pages(["cn-hangzhou"], count: 1, content: "{\"run\":2}"), to: target)
        let names = try FileManager.default.contentsOfDirectory(atPath: target)
        #expect(names == ["cn-hangzhou-page-0001.json"])
        #expect(try String(contentsOfFile: target + "/" + names[0], encoding: .utf8) == "{\"run\":2}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["snap"])
    }

    @Test func aFailureLeavesTheEarlierSnapshot() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/snap"
        try SnapshotWriter.write(Self.pages(["cn-hangzhou"], content: "{\"run\":1}"), to: target)
        // Two files of one name: the second cannot be created, so the run fails half-way.
        let clash = Self.pages(["cn-beijing"]) + Self.pages(["cn-beijing"])
        #expect(throws: OutputError.self) { try SnapshotWriter.write(clash, to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["cn-hangzhou-page-0001.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["snap"])
    }

    @Test func aFolderWithOtherFilesIsRefusedNotEmptied() throws {
        let target = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: target) }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target + "/README.md"))
        #expect { try SnapshotWriter.write(Self.pages(["cn-hangzhou"]), to: target) } throws: {
            "\($0)".contains("holds \"README.md\", which is not a page peergraph saved")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["README.md"])
    }
}
