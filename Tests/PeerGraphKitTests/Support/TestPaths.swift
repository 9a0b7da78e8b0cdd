import Foundation

/// Paths of the package, fixtures and golden files, found from this file's location.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/PeerGraphKitTests/Fixtures")
    static let golden = packageRoot.appendingPathComponent("Tests/PeerGraphKitTests/Golden")
    static let samples = packageRoot.appendingPathComponent("samples")
    static let templates = packageRoot.appendingPathComponent("templates")

    /// Where tests leave files for `.ci/run` to check with the real consumers.
    static var artifacts: URL {
        if let custom = ProcessInfo.processInfo.environment["PEERGRAPH_ARTIFACTS_DIR"], !custom.isEmpty {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.appendingPathComponent(".build/peergraph-artifacts")
    }

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static func fixtureBytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: fixture(name))) }
}
