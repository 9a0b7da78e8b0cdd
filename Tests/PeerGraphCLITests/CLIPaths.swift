import Foundation
import Testing

enum CLIPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("samples")

    /// The built `peergraph` binary: beside the test bundle, where `swift test` builds it.
    static var binary: URL {
        // PEERGRAPH_BINARY runs the end-to-end tests against another build (e.g. an older release, to see
        // that a new test fails there).
        if let other = ProcessInfo.processInfo.environment["PEERGRAPH_BINARY"], !other.isEmpty { return URL(fileURLWithPath: other) }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("peergraph")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/peergraph")
    }
}

/// Golden-file comparison for the CLI tests (same rules as in PeerGraphKitTests).
enum CLIGolden {
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["PEERGRAPH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("rewrote \(url.path); review it, then run the tests again", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing \(url.path)>"
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}
