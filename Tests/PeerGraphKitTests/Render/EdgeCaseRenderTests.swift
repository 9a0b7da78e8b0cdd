import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct EdgeCaseRenderTests {
    static func render(_ graph: PeerGraph, _ format: OutputFormat, _ options: RenderOptions = RenderOptions()) -> String
    {
        String(
            decoding: OutputSink.collectingBytes { format.makeWriter(options: options).write(graph, to: $0) },
            as: UTF8.self)
    }

    @Test func aRepeatedTagKeyKeepsEveryOtherKey() {
        var connection = ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b")
        connection.tags = [
            PeeringTag(key: "a", value: "1"), PeeringTag(key: "a", value: "2"), PeeringTag(key: "b", value: "3"),
            PeeringTag(key: "c", value: "4"),
        ]
        let graphml = Self.render(PeerGraph(connections: [connection]), .graphml)
        #expect(graphml.contains("<data key=\"e_tag1\">1</data>"))
        #expect(!graphml.contains("<data key=\"e_tag1\">2</data>"))
        #expect(graphml.contains("<data key=\"e_tag2\">3</data>"))
        #expect(graphml.contains("<data key=\"e_tag3\">4</data>"))
    }

    @Test func aLockedConnectionIsTheWidestLine() {
        var locked = ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b")
        locked.businessStatus = .financialLocked
        locked.bandwidthMbps = 100
        var wide = ExactIdentityTests.connection("pcc-2", "vpc-c", "vpc-d")
        wide.bandwidthMbps = -1
        let dot = Self.render(PeerGraph(connections: [locked, wide]), .dot)
        let lines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(lines.first { $0.contains("pcc-1") }?.contains("penwidth=4.0") == true)
        #expect(lines.first { $0.contains("pcc-2") }?.contains("penwidth=3.0") == true)
    }

    @Test func hostileTextKeepsEveryDOTStringUnderGraphvizsLimit() throws {
        var connection = ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b")
        connection.name = String(repeating: "&", count: 5_000)
        connection.description = String(repeating: "\n", count: 9_000)
        let dot = Self.render(PeerGraph(connections: [connection]), .dot)
        // Every quoted string below 16,384 bytes.
        var inString = false, escaped = false, length = 0, longest = 0
        for byte in dot.utf8 {
            if inString {
                length += 1
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    longest = max(longest, length)
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                length = 0
            }
        }
        #expect(longest < 16_384)
        guard let (status, message) = try Self.layOut(dot) else { return }
        #expect(status == 0, "\(message)")
        #expect(message.isEmpty, "\(message)")
    }

    /// Graphviz's exit status and messages for `dot -Tsvg` of `text`; nil without Graphviz.
    static func layOut(_ text: String) throws -> (Int32, String)? {
        guard let dotPath = GraphvizRenderer.findExecutable("dot") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-layout-\(UUID().uuidString).dot")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath)
        process.arguments = ["-Tsvg", "-o", "/dev/null", file.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test func aClusterLabelOfLineBreaksIsOneLineAndGraphvizPlacesXLabels() throws {
        let connections = [ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b", region: "\n\n")]
        let dot = Self.render(
            PeerGraph(connections: connections, grouping: .region), .dot, RenderOptions(edgeLabels: .outside))
        #expect(dot.contains("label=\"  \";"))
        guard let (status, _) = try Self.layOut(dot) else { return }
        #expect(status == 0)  // 134 (abort in xlabels.c) with a "\n\n" cluster label
    }
}

@Suite struct ReportTextTests {
    @Test func markdownNeverAutolinksData() throws {
        for (text, expected) in [
            ("see www.evil.example now", "see www\\.evil.example now"),
            ("http://evil.example/x", "http\\://evil.example/x"),
            ("mail admin@evil.example", "mail admin@\u{2060}evil.example"),
            ("10.0.0.0/8: fine", "10.0.0.0/8: fine"),
        ] {
            #expect(TextEscaping.markdown(text) == expected)
        }
        // GitHub's own renderer, when it is installed (CI installs cmarkgfm).
        let lines = [
            "www.evil.example", "https://evil.example/a", "WWW.EVIL.EXAMPLE", "x@evil.example", "mailto:x@evil.example",
            "xmpp:x@evil.example/r",
        ]
        let markdown = lines.map { "| \(TextEscaping.markdown($0)) |" }.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sys, cmarkgfm; print(cmarkgfm.github_flavored_markdown_to_html(sys.stdin.read()))",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return }
        #expect(!html.contains("<a "), "\(html)")
        #expect(html.contains("evil.example"))
    }

    @Test func countsAreSingularWhenThereIsOne() {
        let graph = PeerGraph(connections: [ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-a")])
        #expect(CheckReportWriter.size(of: graph) == "1 VPC, 1 connection")
        let text = String(
            decoding: OutputSink.collectingBytes {
                CheckReportWriter(format: .text, asOf: "now").write([], graph: graph, to: $0)
            }, as: UTF8.self)
        #expect(text.hasPrefix("peergraph check: 1 VPC, 1 connection, as of now"))
        let diff = SnapshotDiff(old: [], new: [ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b")])
        #expect(
            DiffReportWriter.summary(diff) == "1 added, 0 removed, 0 changed connection; 2 VPCs appeared, 0 vanished")
        #expect(Plural.count(1, "region") == "1 region")
        #expect(Plural.count(0, "region") == "0 regions")
    }
}

@Suite struct DomainRuleTests {
    static let asOf = APITimestamp.parse("2026-06-01T00:00:00Z")!

    @Test func gmtExpiredMattersOnlyWhileWaiting() {
        var activated = ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b", status: .activated)
        activated.expiresAt = "2025-01-01T00:00:00Z"  // the API's own sample looks like this
        var waiting = ExactIdentityTests.connection("pcc-2", "vpc-c", "vpc-d", status: .accepting)
        waiting.expiresAt = "2025-01-01T00:00:00Z"
        let findings = MeshChecker(asOf: Self.asOf).check(
            PeerGraph(connections: [activated, waiting], grouping: .none))
        #expect(findings.filter { $0.kind == .expired }.map(\.connectionIDs) == [["pcc-2"]])
    }

    @Test func aHubWithManySpokesInOneBlockIsOneFinding() {
        let spokes = (0..<2_000).map { index in
            ExactIdentityTests.connection(
                "pcc-\(index)", "vpc-hub", "vpc-spoke-\(index)", fromBlocks: ["192.168.0.0/16"],
                toBlocks: ["10.0.0.0/16"])
        }
        let findings = MeshChecker().check(PeerGraph(connections: spokes, grouping: .none)).filter {
            $0.kind == .ambiguousRoutes
        }
        #expect(findings.count == 1)  // 1,999,000 in 0.2.0
        #expect(findings[0].vpcIDs.count == 1 + MeshChecker.maximumPeersListed)
        #expect(findings[0].message.contains("is peered with 2000 VPCs whose blocks overlap"))
        #expect(findings[0].message.contains("and 1990 more"))
    }
}
