import Foundation
import PeerGraphTestSupport
import Testing

@testable import PeerGraphKit

/// `templates/` is the one source of truth; the binary carries a generated copy so that it works when
/// copied alone. This test fails when the copy is stale, and regenerates it with PEERGRAPH_UPDATE_GOLDEN=1.
@Suite struct DefaultTemplatesTests {
    static let files: [(name: String, file: String, embedded: String)] = [
        ("dot", "dot.template", DefaultTemplates.dot),
        ("graphml", "graphml.template", DefaultTemplates.graphml),
        ("mermaid", "mermaid.template", DefaultTemplates.mermaid),
        ("markdown", "markdown.template", DefaultTemplates.markdown),
        ("explorerScript", "explorer.js", DefaultTemplates.explorerScript),
        ("explorerStyle", "explorer.css", DefaultTemplates.explorerStyle),
        ("theme", "theme.tsv", DefaultTemplates.theme),
    ]

    /// The Swift source of `DefaultTemplates.swift` for the current `templates/` files.
    static func generatedSource() throws -> String {
        var lines = [
            "// swift-format-ignore-file",
            "// (the raw strings below are the files' bytes, not code to lay out)",
            "// Generated from templates/ by DefaultTemplatesTests; do not edit. After changing a file in templates/,",
            "// run `PEERGRAPH_UPDATE_GOLDEN=1 swift test --filter DefaultTemplatesTests` to rewrite this file.",
            "",
            "/// The contents of `templates/`, built into the binary so that it works when copied alone.",
            "enum DefaultTemplates {",
        ]
        for entry in files {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(entry.file), encoding: .utf8)
            precondition(!text.contains("\"\"\"##"), "\(entry.file) contains the raw-string delimiter")
            lines.append("    /// `templates/\(entry.file)`.")
            lines.append("    static let \(entry.name) = ##\"\"\"\n\(text)\n\"\"\"##")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func embeddedTemplatesMatchTheFiles() throws {
        let sourceFile = TestPaths.packageRoot.appendingPathComponent(
            "Sources/PeerGraphKit/Render/Look/DefaultTemplates.swift")
        try GoldenFile.check(try Self.generatedSource(), against: sourceFile)
        for entry in Self.files where !GoldenFile.isUpdating {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(entry.file), encoding: .utf8)
            #expect(entry.embedded == text, "templates/\(entry.file) differs from the built-in copy")
        }
    }
}
