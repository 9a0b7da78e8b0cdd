import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct EdgeLabelPlacementTests {
    /// A chain of `count` connections, each with a name.
    private func graph(edges count: Int) -> PeerGraph {
        PeerGraph(
            connections: (0..<count).map { index in
                PeeringConnection(
                    id: "pcc-\(index)", name: "link \(index)",
                    requester: VPCEndpoint(vpcID: "vpc-\(index)"), accepter: VPCEndpoint(vpcID: "vpc-\(index + 1)"),
                    bandwidthMbps: 100, status: .activated)
            })
    }

    private func dot(_ graph: PeerGraph, _ placement: EdgeLabelPlacement) -> String {
        String(
            decoding: OutputSink.collectingBytes {
                DOTWriter(options: RenderOptions(edgeLabels: placement)).write(graph, to: $0)
            }, as: UTF8.self)
    }

    private func edgeLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(" -> ") }
    }

    @Test func autoIsInlineUpToTheLimitAndNoneAbove() {
        #expect(EdgeLabelPlacement.automaticLimit == 30)
        #expect(EdgeLabelPlacement.auto.resolved(edgeCount: EdgeLabelPlacement.automaticLimit) == .inline)
        #expect(EdgeLabelPlacement.auto.resolved(edgeCount: EdgeLabelPlacement.automaticLimit + 1) == .none)
        #expect(EdgeLabelPlacement.none.resolved(edgeCount: 5) == .none)
        #expect(EdgeLabelPlacement.outside.resolved(edgeCount: 5) == .outside)

        let small = edgeLines(dot(graph(edges: 3), .auto))
        #expect(small.count == 3 && small.allSatisfy { $0.contains(" [label=\"link ") && !$0.contains("xlabel") })
        let large = edgeLines(dot(graph(edges: EdgeLabelPlacement.automaticLimit + 1), .auto))
        #expect(large.count == EdgeLabelPlacement.automaticLimit + 1)
        #expect(large.allSatisfy { $0.contains(" [tooltip=\"pcc-") && !$0.contains("label=") })
        // And the compact layout, top to bottom, from the same size on (the template's below it).
        #expect(
            dot(graph(edges: EdgeLabelPlacement.automaticLimit + 1), .auto).contains(
                "  graph [rankdir=TB, nodesep=0.25, ranksep=0.6];"))
        #expect(!dot(graph(edges: 3), .auto).contains("rankdir=TB"))
        let outside = edgeLines(dot(graph(edges: 40), .outside))
        #expect(outside.allSatisfy { $0.contains(" [xlabel=\"link ") })
    }

    @Test func aCollapsedGraphGetsRanksFurtherApartForItsLabelledEdges() {
        let collapsed = graph(edges: 3).collapsed(by: .region)
        #expect(dot(collapsed, .auto).contains("  graph [ranksep=1.5];"))
        #expect(!dot(graph(edges: 3), .auto).contains("ranksep=1.5"))
    }

    @Test func noneLeavesTheTextToTheTooltip() {
        let lines = edgeLines(dot(graph(edges: 3), .none))
        #expect(lines.allSatisfy { $0.contains(" [tooltip=\"pcc-") && !$0.contains("label=") })
        let mermaid = String(
            decoding: OutputSink.collectingBytes {
                MermaidWriter(options: RenderOptions(edgeLabels: .none)).write(graph(edges: 3), to: $0)
            }, as: UTF8.self)
        let links = mermaid.split(separator: "\n").filter { $0.hasPrefix("  v") && $0.contains("-->") }
        #expect(links.count == 3 && links.allSatisfy { !$0.contains("|") })
    }

    /// Graphviz itself reads the outside labels as labels of the edges (skipped without Graphviz).
    @Test func graphvizPlacesOutsideLabels() throws {
        let dotPath = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let dotPath else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath)
        process.arguments = ["-Tjson"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(dot(graph(edges: 3), .outside).utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(
            edges.compactMap { $0["xlabel"] as? String }.sorted() == [
                "link 0\\n100 Mbps", "link 1\\n100 Mbps", "link 2\\n100 Mbps",
            ])
        // Laid out: Graphviz gave each outside label a position.
        #expect(edges.allSatisfy { $0["xlp"] != nil })
    }
}
