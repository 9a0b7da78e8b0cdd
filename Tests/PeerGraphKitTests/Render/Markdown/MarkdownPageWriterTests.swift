import Foundation
import Testing

@testable import PeerGraphKit

/// `--format markdown`: a page with the diagram, its legend, a row per connection and the findings;
/// data never becomes Markdown syntax.
@Suite struct MarkdownPageWriterTests {
    static func page(_ graph: PeerGraph, _ options: RenderOptions = RenderOptions()) -> String {
        String(
            decoding: OutputSink.collectingBytes { MarkdownPageWriter(options: options).write(graph, to: $0) },
            as: UTF8.self)
    }

    @Test func aPageHasItsDiagramLegendAndARowPerConnection() {
        var locked = LegendAndLabelTests.connection(
            "pcc-2", "vpc-b", "vpc-c", status: .accepting, owners: ("1", "2"), regions: ("cn-hangzhou", "cn-beijing"))
        locked.businessStatus = .financialLocked
        let graph = PeerGraph(connections: [LegendAndLabelTests.connection("pcc-1", "vpc-a", "vpc-b"), locked])
        let page = Self.page(graph, RenderOptions(title: "Prod"))
        #expect(page.hasPrefix("# Prod\n"))
        #expect(page.contains("\n3 VPCs, 2 connections in 2 regions and 2 accounts.\n"))
        #expect(page.contains("\n```mermaid\n---\nconfig:\n") && page.contains("\nflowchart LR\n"))
        #expect(page.contains("\n| line | meaning |\n"))
        #expect(
            page.contains(
                "\n## Connections\n\n| name | requester | accepter | regions | accounts | bandwidth | status |\n"))
        #expect(
            page.contains(
                "| pcc-2 | vpc-b | vpc-c | cn-hangzhou → cn-beijing | 1 → 2 |  | Accepting · FinancialLocked |"))
        #expect(!page.contains("## VPC peering check"))
    }

    @Test func dataInCellsIsNeverMarkdownSyntax() {
        var connection = LegendAndLabelTests.connection("pcc-1", "vpc-a", "vpc-b")
        connection.name = "x | y [link](http://evil.example) <b>"
        let page = Self.page(PeerGraph(connections: [connection]), RenderOptions(title: "# [t](http://e.example)"))
        #expect(page.hasPrefix("# \\# \\[t\\](http\\://e.example)\n"))
        let row = page.split(separator: "\n").first { $0.hasPrefix("| x") }
        #expect(
            row.map(String.init)
                == "| x \\| y \\[link\\](http\\://evil.example) &lt;b&gt; (pcc-1) | vpc-a | vpc-b | cn-hangzhou | 1 |  | Activated |"
        )
    }

    @Test func findingsAreAddedWhenGiven() {
        let graph = PeerGraph(
            connections: [LegendAndLabelTests.connection("pcc-1", "vpc-a", "vpc-b", status: .rejected)])
        var options = RenderOptions()
        options.findings = RenderOptions.PageFindings(
            findings: MeshChecker(asOf: Date(timeIntervalSince1970: 0), expiryDays: 30).check(graph), asOf: "1970-01-01"
        )
        let page = Self.page(graph, options)
        #expect(page.contains("\n## VPC peering check\n\n2 VPCs, 1 connection, as of 1970-01-01"))
    }
}
