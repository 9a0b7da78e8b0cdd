import Foundation
import Testing

@testable import PeerGraphKit

/// Documentation that stays current: `--inject` rewrites one block of a Markdown file and nothing else;
/// `--check` writes nothing and says, by exit status and a diff, whether the file is current.
@Suite struct DocumentationTests {
    let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path

    static func write(_ text: String, to url: URL, mode: Int = 0o640) throws {
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    static func inode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) ?? -1
    }

    @Test func injectReplacesTheBlockAndKeepsEveryOtherByteAndTheMode() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = folder.appendingPathComponent("network.md")
        let before =
            "# Network\r\n\r\nWritten by hand.\r\n<!-- peergraph:begin -->\r\nstale\r\n<!-- peergraph:end -->\r\nEnd \u{00E9}"
        try Self.write(before, to: doc)
        let result = try await InProcessRun.run([pages, "--inject", doc.path, "--legend"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let after = try String(contentsOf: doc, encoding: .utf8)
        #expect(after.hasPrefix("# Network\r\n\r\nWritten by hand.\r\n<!-- peergraph:begin -->\r\n```mermaid\r\n"))
        #expect(after.hasSuffix("```\r\n\r\n| line | meaning |\r\n| --- | --- |\r\n") == false)
        #expect(after.hasSuffix("|\r\n<!-- peergraph:end -->\r\nEnd \u{00E9}"))
        #expect(!after.contains("stale"))
        // Every line break inside the block is CRLF, as the file's.
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: doc.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // The block is current now: --check says so and writes nothing; a second inject leaves the file alone.
        let inode = try Self.inode(doc)
        let check = try await InProcessRun.run([pages, "--inject", doc.path, "--legend", "--check"])
        #expect(check.code == 0 && check.stderr.isEmpty, "\(check.stderr)")
        #expect(try await InProcessRun.run([pages, "--inject", doc.path, "--legend"]).code == 0)
        #expect(try Self.inode(doc) == inode)
    }

    @Test func checkExitsOneWithADiffAndTouchesNothing() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = folder.appendingPathComponent("network.md")
        let stale = "intro\n<!-- peergraph:begin name=prod -->\nold\n<!-- peergraph:end -->\n"
        try Self.write(stale, to: doc)
        let result = try await InProcessRun.run([pages, "--inject", doc.path, "--block", "prod", "--check"])
        #expect(result.code == 1)
        #expect(result.stderr.contains("--- \(doc.path)\n+++ \(doc.path) (as peergraph writes it)\n@@ -1,4 +1,"))
        #expect(result.stderr.contains("\n-old\n+```mermaid\n"))
        #expect(try String(contentsOf: doc, encoding: .utf8) == stale)
        // -o FILE: a missing file is stale, and is not created.
        let dot = folder.appendingPathComponent("mesh.dot")
        #expect(try await InProcessRun.run([pages, "-o", dot.path, "--check"]).code == 1)
        #expect(!FileManager.default.fileExists(atPath: dot.path))
        #expect(try await InProcessRun.run([pages, "-o", dot.path]).code == 0)
        #expect(try await InProcessRun.run([pages, "-o", dot.path, "--check"]).code == 0)
        #expect(try await InProcessRun.run([pages, "-o", dot.path, "--check", "--title", "t"]).code == 1)
    }

    @Test func aBadFileOrBlockIsAnErrorNamingTheFileWhichStaysUntouched() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = folder.appendingPathComponent("network.md")
        for (text, block, message) in [
            (
                "no markers\n", nil as String?,
                "has no <!-- peergraph:begin --> … <!-- peergraph:end --> block to replace"
            ),
            (
                "<!-- peergraph:begin -->\nx\n", nil,
                "the peergraph block that begins here has no <!-- peergraph:end -->"
            ),
            ("<!-- peergraph:begin name=a -->\n<!-- peergraph:end -->\n", "b", "no block named 'b' (its blocks: a)"),
        ] {
            try Self.write(text, to: doc)
            let result = try await InProcessRun.run(
                [pages, "--inject", doc.path] + (block.map { ["--block", $0] } ?? []))
            #expect(result.code == 3, "\(result.stderr)")
            #expect(result.stderr.contains(doc.path) && result.stderr.contains(message), "\(result.stderr)")
            #expect(try String(contentsOf: doc, encoding: .utf8) == text)
        }
        let missing = try await InProcessRun.run([pages, "--inject", folder.appendingPathComponent("none.md").path])
        #expect(missing.code == 3)
    }

    @Test func aMarkdownPageGoesIntoABlockAsItIsAndShowsTheFindingsWithWithCheck() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = folder.appendingPathComponent("network.md")
        try Self.write("<!-- peergraph:begin -->\n<!-- peergraph:end -->\n", to: doc)
        let result = try await InProcessRun.run(
            [pages, "--inject", doc.path, "-f", "markdown", "--with-check", "--as-of", "2025-08-15"])
        #expect(result.code == 0, "\(result.stderr)")
        let text = try String(contentsOf: doc, encoding: .utf8)
        #expect(text.hasPrefix("<!-- peergraph:begin -->\n# VPC peering mesh\n"))
        #expect(text.contains("\n```mermaid\n") && text.contains("\n## VPC peering check\n"))
        #expect(text.contains("as of 2025-08-15T00:00:00Z: **2 errors, 4 warnings, 1 info**"))
        #expect(text.hasSuffix("\n<!-- peergraph:end -->\n"))
        for (arguments, message) in [
            (
                ["-f", "markdown", "--as-of", "2025-08-15"],
                "--as-of measures the findings of --with-check; without it it does nothing"
            ),
            (["--with-check"], "--with-check does nothing for --format dot; it applies to markdown"),
            (
                ["-f", "markdown", "--legend"],
                "--legend does nothing for --format markdown; it applies to dot or mermaid"
            ),
        ] {
            let refused = try await InProcessRun.run([pages] + arguments)
            #expect(refused.code == 2)
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
    }

    @Test func aPageOfMoreEdgesThanMermaidDrawsSaysSoAsMermaidOutputDoes() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try chainOfConnections(501, in: folder)
        for format in ["mermaid", "markdown"] {
            let result = try await InProcessRun.run(
                [input.path, "-f", format, "-o", folder.appendingPathComponent("out.\(format)").path])
            #expect(result.code == 0)
            #expect(
                result.stderr.contains("the Mermaid diagram has 501 edges; mermaid refuses more than 500"), "\(format)")
        }
    }

    @Test func theOptionsGoTogetherOnlyAsTheyCan() async throws {
        for (arguments, message) in [
            (["--check"], "--check compares with a file: name it with -o FILE or --inject FILE"),
            (["--block", "a"], "--block names a block of --inject FILE"),
            (["--inject", "a.md", "-o", "b.dot"], "--inject writes into FILE; it cannot go with -o"),
            (
                ["--inject", "a.md", "--block", "a b"],
                "--block takes a name of letters, digits, '.', '_' and '-' (got 'a b')"
            ),
            (["--inject", "a.md", "--render", "svg"], "--inject puts text into Markdown; it cannot go with --render"),
        ] {
            let result = try await InProcessRun.run([pages] + arguments)
            #expect(result.code == 2)
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// A page file of `count` connections in a chain (vpc-0 → vpc-1 → …), in `folder`.
func chainOfConnections(_ count: Int, in folder: URL) throws -> URL {
    let input = folder.appendingPathComponent("in.json")
    let connections = (0..<count).map {
        #"{"InstanceId": "pcc-\#($0)", "Vpc": {"VpcId": "vpc-\#($0)"}, "AcceptingVpc": {"VpcId": "vpc-\#($0 + 1)"}}"#
    }
    try Data(#"{"VpcPeerConnects": [\#(connections.joined(separator: ","))]}"#.utf8).write(to: input)
    return input
}

/// `--render html`: one file with its own script and style allowed by hash, data as JSON that cannot end
/// its block, SVG elements tied to the data by peergraph's ids.
@Suite struct ExplorerTests {
    @Test func thePageIsSelfContainedAndItsDataCannotEndItsBlock() async throws {
        guard GraphvizRenderer.findExecutable("dot") != nil else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs Graphviz")
            return
        }
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        let hostile = #"</script><script>window.__pwned=1</script><!--"#
        let json = """
            {"VpcPeerConnects": [{"InstanceId": "pcc-1", "Name": "\(hostile.replacingOccurrences(of: "/", with: "\\/"))",
              "Vpc": {"VpcId": "vpc-a&amp;b"}, "AcceptingVpc": {"VpcId": "vpc-c"}, "Status": "Activated"}]}
            """
        try Data(json.utf8).write(to: input)
        let page = folder.appendingPathComponent("mesh.html")
        let result = try await InProcessRun.run([input.path, "--render", "html", "-o", page.path])
        #expect(result.code == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("default-src 'none'; script-src 'sha256-"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        // The data block: one `</script>` ends it, and the hostile name is in it with `<` escaped.
        let data = try #require(html.range(of: "<script type=\"application/json\" id=\"peergraph-data\">"))
        let rest = html[data.upperBound...]
        let end = try #require(rest.range(of: "</script>"))
        let block = String(rest[..<end.lowerBound])
        #expect(!block.contains("<"))
        #expect(block.contains(#"\u003c/script>\u003cscript>window.__pwned=1\u003c/script>\u003c!--"#))
        // Elements by peergraph's ids, not by the (decoded) VPC ids.
        #expect(html.contains("<g id=\"n1\" class=\"node\">") && html.contains("<g id=\"e1\" class=\"edge\">"))
        #expect(!html.contains("<!--"))
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
    }

    @Test func theExplorerOfABigMeshGetsNoLegibilityWarningAPictureOfItDoes() async throws {
        guard GraphvizRenderer.findExecutable("dot") != nil else { return }
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try chainOfConnections(61, in: folder)
        let page = try await InProcessRun.run([
            input.path, "--render", "html", "-o", folder.appendingPathComponent("a.html").path,
        ])
        #expect(page.code == 0 && page.stderr.isEmpty, "\(page.stderr)")
        let picture = try await InProcessRun.run([
            input.path, "--render", "svg", "-o", folder.appendingPathComponent("a.svg").path,
        ])
        #expect(picture.code == 0 && picture.stderr.contains("more than one picture can show legibly"))
    }
}
