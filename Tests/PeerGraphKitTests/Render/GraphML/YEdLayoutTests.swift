import Foundation
import Testing

@testable import PeerGraphKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--graphml-flavor yed` opens as a finished diagram: every VPC has a place, groups are yEd group
/// nodes around their members, from Graphviz's layout or a grid.
@Suite struct YEdLayoutTests {
    /// Seven VPCs in three regions, one connection between two VPCs twice.
    static let graph: PeerGraph = {
        let connections = [
            LegendAndLabelTests.connection("pcc-1", "vpc-a", "vpc-b"),
            LegendAndLabelTests.connection("pcc-2", "vpc-a", "vpc-c", regions: ("cn-hangzhou", "cn-shanghai")),
            LegendAndLabelTests.connection("pcc-3", "vpc-c", "vpc-d", regions: ("cn-shanghai", "cn-shanghai")),
            LegendAndLabelTests.connection("pcc-4", "vpc-e", "vpc-a", regions: ("ap-southeast-1", "cn-hangzhou")),
            LegendAndLabelTests.connection("pcc-5", "vpc-e", "vpc-f", regions: ("ap-southeast-1", "ap-southeast-1")),
            LegendAndLabelTests.connection("pcc-6", "vpc-g", "vpc-e", regions: ("ap-southeast-1", "ap-southeast-1")),
            LegendAndLabelTests.connection("pcc-7", "vpc-a", "vpc-b"),
        ]
        return PeerGraph(connections: connections, grouping: .region)
    }()

    static func overlap(_ a: YEdLayout.Box, _ b: YEdLayout.Box) -> Bool {
        min(a.x + a.width, b.x + b.width) > max(a.x, b.x) && min(a.y + a.height, b.y + b.height) > max(a.y, b.y)
    }

    static func inside(_ a: YEdLayout.Box, _ b: YEdLayout.Box) -> Bool {
        a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height
    }

    /// What a layout must be, wherever it came from: a box per node and group, members inside their
    /// group, no two nodes or groups on each other.
    static func expectSound(_ layout: YEdLayout, of graph: PeerGraph) {
        #expect(layout.nodes.count == graph.nodes.count)
        #expect(layout.groups.count == graph.groups.count)
        for (index, box) in layout.nodes.enumerated() {
            #expect(box.width > 0 && box.height > 0)
            for other in layout.nodes[(index + 1)...] { #expect(!overlap(box, other), "nodes \(index) overlap") }
        }
        for (index, group) in graph.groups.enumerated() {
            for member in group.nodeIndices { #expect(inside(layout.nodes[member], layout.groups[index])) }
            for other in layout.groups[(index + 1)...] { #expect(!overlap(layout.groups[index], other)) }
        }
    }

    @Test func theGridPutsEveryGroupAroundItsMembersAndNothingOnAnythingElse() {
        let graph = Self.graph
        let layout = YEdLayout.grid(for: graph, labels: NodeLabelContext(graph))
        Self.expectSound(layout, of: graph)
        #expect(layout.bends.allSatisfy { $0.isEmpty })
        // Room for the longest label line.
        let widest = graph.nodes.indices.map { layout.nodes[$0].width }.min() ?? 0
        #expect(widest >= 120)
    }

    @Test func aGraphvizAnswerIsReadByNameWithYDownAndEdgesFoundByTheirEnds() throws {
        // Two VPCs in one cluster and two edges between them, as `dot -Tjson` writes them (points,
        // y up, sizes in inches), the edges listed in another order than the DOT declared them.
        let graph = PeerGraph(
            connections: [
                LegendAndLabelTests.connection("pcc-1", "vpc-a", "vpc-b"),
                LegendAndLabelTests.connection("pcc-2", "vpc-b", "vpc-a"),
            ], grouping: .region)
        let json = """
            {"bb": "0,0,300,200", "objects": [
              {"_gvid": 0, "name": "cluster_1", "bb": "8,8,292,192", "nodes": [1, 2]},
              {"_gvid": 1, "name": "vpc-a", "pos": "50,100", "width": "1", "height": "0.5"},
              {"_gvid": 2, "name": "vpc-b", "pos": "250,100", "width": "1", "height": "0.5"}],
             "edges": [
              {"_gvid": 0, "tail": 2, "head": 1, "pos": "e,86,90 214,90 180,60 120,60 86,90"},
              {"_gvid": 1, "tail": 1, "head": 2, "pos": "e,214,110 86,110 120,110 180,110 214,110"}]}
            """
        let layout = try #require(YEdLayout.fromGraphviz(json: Array(json.utf8), graph: graph))
        let a = try #require(graph.nodes.firstIndex { $0.id.text == "vpc-a" })
        #expect(layout.nodes[a] == YEdLayout.Box(x: 14, y: 82, width: 72, height: 36))
        #expect(layout.groups[0] == YEdLayout.Box(x: 8, y: 8, width: 284, height: 184))
        let backwards = try #require(graph.edges.firstIndex { $0.id.text == "pcc-2" })
        // The middle of the one cubic piece, y flipped: (214 + 3·180 + 3·120 + 86) / 8, 200 − 67.5.
        #expect(layout.bends[backwards] == [YEdLayout.Point(x: 150, y: 132.5)])
        #expect(layout.bends[1 - backwards] == [YEdLayout.Point(x: 150, y: 90)])
        // Not a layout of this graph: a VPC missing.
        let partial = json.replacingOccurrences(of: "\"vpc-b\"", with: "\"vpc-z\"")
        #expect(YEdLayout.fromGraphviz(json: Array(partial.utf8), graph: graph) == nil)
        #expect(YEdLayout.fromGraphviz(json: Array("{\"bb\": \"0,0,nan,1\"}".utf8), graph: graph) == nil)
    }

    @Test func aSplineOfSeveralPiecesBendsAtEachMiddleAndJoin() {
        let bends = YEdLayout.bends(ofSpline: "e,9,0 0,0 1,0 2,0 3,0 4,0 5,0 6,0")
        #expect(bends.map(\.x) == [1.5, 3, 4.5])
        #expect(YEdLayout.bends(ofSpline: "0,0 1,1").isEmpty)
    }

    @Test func graphvizsOwnLayoutIsSound() throws {
        guard GraphvizRenderer.findExecutable("dot") != nil else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI installs Graphviz")
            return
        }
        let graph = Self.graph
        var options = RenderOptions(maximumLabelLength: 1000)
        options.legend = false
        let dot = OutputSink.collectingBytes { PeerGraphPipeline.render(graph, format: .dot, options: options, to: $0) }
        let (json, _) = try GraphvizRenderer(format: "json", engine: "dot", edgeCount: graph.edges.count).render(dot)
        let layout = try #require(YEdLayout.fromGraphviz(json: json, graph: graph))
        Self.expectSound(layout, of: graph)
        #expect(layout.bends.allSatisfy { !$0.isEmpty })
    }

    @Test func theYEdFlavorNestsEachGroupsMembersInItsGroupNode() throws {
        let graph = Self.graph
        let text = String(
            decoding: OutputSink.collectingBytes {
                PeerGraphPipeline.render(graph, format: .graphml, options: RenderOptions(graphMLFlavor: .yed), to: $0)
            }, as: UTF8.self)
        let document = try XMLDocument(xmlString: text)
        // By hand: FoundationXML's attribute(forName:) finds nothing in a document with a default namespace.
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name }?.stringValue
        }
        func children(_ element: XMLElement?, _ name: String) -> [XMLElement] {
            (element?.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
        }
        func descendants(_ element: XMLElement, _ name: String) -> [XMLElement] {
            let below = (element.children ?? []).compactMap { $0 as? XMLElement }
            return below.filter { $0.localName == name } + below.flatMap { descendants($0, name) }
        }
        let top = try #require(children(document.rootElement(), "graph").first)
        let groups = children(top, "node").filter { attribute($0, "yfiles.foldertype") == "group" }
        try #require(groups.count == graph.groups.count)
        for (index, group) in graph.groups.enumerated() {
            let element = groups[index]
            #expect(attribute(element, "id") == "g\(index + 1)")
            let members = children(children(element, "graph").first, "node").compactMap {
                attribute($0, "id")
            }
            #expect(members == group.nodeIndices.map { "n\($0 + 1)" })
            #expect(descendants(element, "GroupNode").count == 2)
        }
        // Every VPC has a place, and edges stay in the top graph.
        let placed = descendants(top, "ShapeNode").flatMap { children($0, "Geometry") }.filter {
            attribute($0, "x") != nil && attribute($0, "y") != nil
        }
        #expect(placed.count == graph.nodes.count)
        #expect(children(top, "edge").count == graph.edges.count)
        // The plain flavor stays flat.
        let plain = String(
            decoding: OutputSink.collectingBytes {
                PeerGraphPipeline.render(graph, format: .graphml, options: RenderOptions(), to: $0)
            }, as: UTF8.self)
        #expect(!plain.contains("foldertype") && !plain.contains("<graph id=\"g1:\""))
    }
}
