// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "peergraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "peergraph", targets: ["peergraph"]),
        .library(name: "PeerGraphKit", targets: ["PeerGraphKit"]),
    ],
    targets: [
        // All logic: collect → graph → render.
        .target(name: "PeerGraphKit"),
        // Argument parsing, help text and the error → exit code map, testable without spawning the binary.
        .target(name: "PeerGraphCLI", dependencies: ["PeerGraphKit"]),
        // A few lines: hands the arguments to PeerGraphCLI and exits with its code.
        .executableTarget(name: "peergraph", dependencies: ["PeerGraphCLI"]),
        // What both test targets share: the golden-file check with its diff.
        .target(name: "PeerGraphTestSupport", path: "Tests/PeerGraphTestSupport"),
        .testTarget(
            name: "PeerGraphKitTests",
            dependencies: ["PeerGraphKit", "PeerGraphTestSupport"],
            exclude: ["Fixtures"]
        ),
        // The README's library example, compiled against the library as a user imports it, and run.
        .testTarget(name: "ReadmeExampleTests", dependencies: ["PeerGraphKit"]),
        .testTarget(
            name: "PeerGraphCLITests",
            dependencies: ["PeerGraphCLI", "PeerGraphKit", "PeerGraphTestSupport"],
            exclude: ["Golden"]
        ),
    ]
)
