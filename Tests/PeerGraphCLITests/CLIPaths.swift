import Foundation
import Testing

enum CLIPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("samples")

    /// The built `peergraph` binary: beside the test bundle, where `swift test` builds it.
    static var binary: URL {
        // PEERGRAPH_BINARY runs the end-to-end tests against another build (e.g. an older release, to see
        // that a new test fails there).
        if let other = ProcessInfo.processInfo.environment["PEERGRAPH_BINARY"], !other.isEmpty {
            return URL(fileURLWithPath: other)
        }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("peergraph")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return url
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/peergraph")
    }
}
