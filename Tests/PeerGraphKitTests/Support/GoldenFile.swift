import Foundation
import Testing

/// Compares text with a reviewed golden file. `PEERGRAPH_UPDATE_GOLDEN=1 swift test` rewrites the file
/// instead and fails the test on purpose, so a recording run is never mistaken for a passing one.
enum GoldenFile {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["PEERGRAPH_UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("rewrote \(url.path); review the diff, then run the tests again without PEERGRAPH_UPDATE_GOLDEN",
                         sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path) (record it with PEERGRAPH_UPDATE_GOLDEN=1)", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            Issue.record("\(url.lastPathComponent) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)",
                         sourceLocation: sourceLocation)
        }
    }
}
