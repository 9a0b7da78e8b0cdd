import Foundation

/// Writes GraphML that is valid against the GraphML 1.0 schema and loses nothing: every attribute is a
/// `<key>` declared once with its type, and networkx reads back exactly the values that went in
/// (except characters XML 1.0 cannot hold, which become U+FFFD).
///
/// Choices, each for a real reader:
/// - node and edge ids are generated (`n1`, `e1`): GraphML ids must be NMTOKENs, VPC ids need not be;
///   the real ids are the `vpc_id` and `connection_id` data;
/// - owner ids are `string` keys: igraph reads `long` through a double and would corrupt 18-digit ids;
/// - no key is named `id` (networkx would confuse it with the element id);
/// - `label` is what Gephi shows, `name` what Cytoscape shows; `--graphml-flavor yed` adds yFiles
///   graphics, because yEd shows labels only from those;
/// - tags are kept whole in `tags`, a JSON object (`json.loads` it); tag keys that can be GraphML
///   attribute names (`attr.name` must be an NMTOKEN: letters, digits, `.`, `_`, `-`) also get a key of
///   their own, `tag:KEY`, so they can be filtered on in Gephi and networkx directly.
package struct GraphMLWriter: GraphWriter {
    package var options: RenderOptions

    package init(options: RenderOptions) {
        self.options = options
    }

    static let nodeKeys: [GraphMLKey] = [
        .nodeLabel, .nodeName, .nodeVPCID, .nodeRegion, .nodeOwner, .nodeIPv4, .nodeIPv6, .nodeGroup,
    ]
    /// The connection fields every edge carries, in table order.
    static let edgeFields = ConnectionField.with(.graphML)
    static let graphKeys: [GraphMLKey] = [.graphTitle, .graphGrouping]
    /// Each edge data element's opening, made once: an edge has about sixteen, and each opening written
    /// in four pieces was two thirds of the calls that write an edge.
    private static let edgeFieldOpenings = edgeFields.map { dataOpening(GraphMLKey.edge($0).id) }
    private static let edgeLabelOpening = dataOpening(GraphMLKey.edgeLabel.id)
    private static let edgeConnectionIDOpening = dataOpening(GraphMLKey.edgeConnectionID.id)
    private static let edgeTagsOpening = dataOpening(GraphMLKey.edgeTags.id)
    private static let edgeColorOpening = dataOpening(GraphMLKey.edgeColor.id)
    private static let edgeLineStyleOpening = dataOpening(GraphMLKey.edgeLineStyle.id)

    /// The edge keys: label and id, the connection fields, then tags and look.
    static func edgeKeys(summed: Bool) -> [GraphMLKey] {
        [.edgeLabel, .edgeConnectionID] + edgeFields.map { GraphMLKey.edge($0, summed: summed) } + [
            .edgeTags, .edgeColor, .edgeLineStyle,
        ]
    }

    package func write(_ graph: PeerGraph, to sink: OutputSink) {
        let template = options.template ?? OutputFormat.graphml.defaultTemplate()
        let tagKeys = Self.tagKeys(for: graph)
        template.render(into: sink) { placeholder in
            switch placeholder {
            case "timestamp":
                if let timestamp = options.timestamp {
                    sink.write(" Generated at \(XMLEscaper.commentText(timestamp)).")
                }
            case "namespaces":
                if options.graphMLFlavor == .yed {
                    sink.write("\n    xmlns:y=\"http://www.yworks.com/xml/graphml\"")
                }
            case "keys": writeKeys(tagKeys: tagKeys, graph: graph, to: sink)
            case "graph_data": writeGraphData(graph, to: sink)
            case "body": writeBody(graph, tagKeys: tagKeys, to: sink)
            default: break
            }
        }
    }

    /// One key per distinct tag key in the graph that can be an attribute name, sorted, with ids
    /// `e_tag1`, `e_tag2`…
    static func tagKeys(for graph: PeerGraph) -> TagKeys {
        var tags = Set<ExactText>()
        for connection in graph.edges {
            for tag in connection.tags where isAttributeName(tag.key) { tags.insert(ExactText(tag.key)) }
        }
        var result = TagKeys()
        for (index, tag) in tags.sorted().enumerated() {
            let key = GraphMLKey.tag(number: index + 1, key: tag.string)
            result.keys.append(key)
            result.idByTag[tag] = key.id
        }
        return result
    }

    /// The tag keys of a graph, and each tag's key id: found by lookup, so writing an edge's tags takes
    /// time in its own tags, not in all the tag keys of the graph (that walk was quadratic).
    struct TagKeys {
        var keys: [GraphMLKey] = []
        var idByTag: [ExactText: String] = [:]
    }

    private func writeKeys(tagKeys: TagKeys, graph: PeerGraph, to sink: OutputSink) {
        let isDiff = graph.isDiff
        let isCollapsed = graph.isCollapsed
        let extra =
            (isDiff ? [GraphMLKey.nodeChange, .edgeChange] : [])
            + (isCollapsed ? [.edgeConnectionCount] : [])
            + (graph.hasExternalNodes ? [.nodeExternal] : [])
        // A collapsed edge sums many connections: its bandwidth and count are declared `long`, which
        // holds any sum of 32-bit bandwidths.
        let edgeKeys = Self.edgeKeys(summed: isCollapsed)
        for key in Self.graphKeys + Self.nodeKeys + edgeKeys + tagKeys.keys + extra {
            sink.write(
                "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(XMLEscaper.attribute(key.name))\" attr.type=\"\(key.type)\"/>\n"
            )
        }
        if options.graphMLFlavor == .yed {
            sink.write("  <key id=\"\(GraphMLKey.nodeGraphicsID)\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
            sink.write("  <key id=\"\(GraphMLKey.edgeGraphicsID)\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n")
        }
    }

    private func writeGraphData(_ graph: PeerGraph, to sink: OutputSink) {
        if let title = options.title, !title.isEmpty {
            Self.data(GraphMLKey.graphTitle, title, indent: "    ", to: sink)
        }
        Self.data(GraphMLKey.graphGrouping, graph.grouping.rawValue, indent: "    ", to: sink)
    }

    private func writeBody(_ graph: PeerGraph, tagKeys: TagKeys, to sink: OutputSink) {
        let groupOfNode = graph.groupIndexByNode
        let labels = NodeLabelContext(graph)
        let looks = EdgeAppearanceTable(graph, theme: options.theme)
        if options.graphMLFlavor == .yed {
            let layout = options.yedLayout ?? YEdLayout.grid(for: graph, labels: labels)
            // yEd's groups are group nodes whose nested graph holds their members; edges stay at the top.
            for (groupIndex, group) in graph.groups.enumerated() {
                writeGroupNode(groupIndex, label: group.label, box: layout.groups[groupIndex], to: sink)
                let members = group.nodeIndices
                sink.writeInOrder(count: members.count) { index, sink in
                    writeNode(
                        members[index], in: graph, labels: labels, group: groupIndex, box: layout.nodes[members[index]],
                        indent: "        ", to: sink)
                }
                sink.write("      </graph>\n    </node>\n")
            }
            for index in graph.nodes.indices where groupOfNode[index] == nil {
                writeNode(index, in: graph, labels: labels, group: nil, box: layout.nodes[index], to: sink)
            }
            sink.writeInOrder(count: graph.edges.count) { index, sink in
                writeEdge(index, in: graph, looks: looks, tagKeys: tagKeys, bends: layout.bends[index], to: sink)
            }
            return
        }
        sink.writeInOrder(count: graph.nodes.count) { index, sink in
            writeNode(index, in: graph, labels: labels, group: groupOfNode[index], to: sink)
        }
        sink.writeInOrder(count: graph.edges.count) { index, sink in
            writeEdge(index, in: graph, looks: looks, tagKeys: tagKeys, to: sink)
        }
    }

    /// The opening of a yEd group node `gN` (its label, its box open and closed) up to its nested graph.
    private func writeGroupNode(_ index: Int, label: String, box: YEdLayout.Box, to sink: OutputSink) {
        let id = "g\(index + 1)"
        sink.write("    <node id=\"\(id)\" yfiles.foldertype=\"group\">\n")
        Self.data(.nodeLabel, label, to: sink)
        sink.write("      <data key=\"\(GraphMLKey.nodeGraphicsID)\"><y:ProxyAutoBoundsNode><y:Realizers active=\"0\">")
        for closed in [false, true] {
            let size = closed ? YEdLayout.Box(x: box.x, y: box.y, width: 200, height: 40) : box
            sink.write("<y:GroupNode>\(Self.geometry(size))")
            sink.write(
                "<y:Fill color=\"#FAFBFC\" transparent=\"false\"/><y:BorderStyle color=\"#90A4AE\" type=\"line\" width=\"1.0\"/>"
            )
            sink.write(
                "<y:NodeLabel alignment=\"left\" autoSizePolicy=\"node_width\" backgroundColor=\"#ECEFF1\" fontSize=\"12\" modelName=\"internal\" modelPosition=\"t\" textColor=\"#37474F\">"
            )
            XMLEscaper.writeText(label, to: sink)
            sink.write(
                "</y:NodeLabel><y:Shape type=\"roundrectangle\"/><y:State closed=\"\(closed)\" closedHeight=\"40.0\" closedWidth=\"200.0\" innerGraphDisplayEnabled=\"false\"/></y:GroupNode>"
            )
        }
        sink.write("</y:Realizers></y:ProxyAutoBoundsNode></data>\n")
        sink.write("      <graph id=\"\(id):\" edgedefault=\"directed\">\n")
    }

    /// `<y:Geometry …/>` of a box, in whole points (deterministic, and finer than anyone places a box).
    private static func geometry(_ box: YEdLayout.Box) -> String {
        "<y:Geometry height=\"\(Self.points(box.height))\" width=\"\(Self.points(box.width))\" x=\"\(Self.points(box.x))\" y=\"\(Self.points(box.y))\"/>"
    }

    private static func points(_ value: Double) -> String { String(Int(value.rounded())) }

    private func writeNode(
        _ index: Int, in graph: PeerGraph, labels: NodeLabelContext, group: Int?, box: YEdLayout.Box? = nil,
        indent: String = "    ", to sink: OutputSink
    ) {
        let node = graph.nodes[index]
        let inner = indent + "  "
        sink.write(indent)
        sink.write("<node id=\"n")
        sink.write(String(index + 1))
        sink.write("\">\n")
        let label = GraphText.nodeLines(node, in: labels).joined(separator: "\n")
        Self.data(.nodeLabel, label, indent: inner, to: sink)
        Self.data(.nodeName, node.id.text, indent: inner, to: sink)
        Self.data(.nodeVPCID, node.id.text, indent: inner, to: sink)
        Self.data(.nodeRegion, node.region, indent: inner, to: sink)
        Self.data(.nodeOwner, node.owner, indent: inner, to: sink)
        Self.data(
            .nodeIPv4, node.ipv4CIDRs.isEmpty ? nil : node.ipv4CIDRs.joined(separator: " "), indent: inner, to: sink)
        Self.data(
            .nodeIPv6, node.ipv6CIDRs.isEmpty ? nil : node.ipv6CIDRs.joined(separator: " "), indent: inner, to: sink)
        Self.data(.nodeGroup, group.map { graph.groups[$0].label }, indent: inner, to: sink)
        if graph.isDiff {
            Self.data(.nodeChange, (graph.change(ofNode: node.id) ?? .unchanged).rawValue, indent: inner, to: sink)
        }
        if graph.hasExternalNodes {
            Self.data(.nodeExternal, node.isExternal ? "true" : "false", indent: inner, to: sink)
        }
        if options.graphMLFlavor == .yed {
            let size = YEdLayout.nodeSize(
                lines: label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            let geometry = box ?? YEdLayout.Box(x: 0, y: 0, width: size.width, height: size.height)
            sink.write(inner)
            sink.write("<data key=\"\(GraphMLKey.nodeGraphicsID)\"><y:ShapeNode>\(Self.geometry(geometry))")
            let look = node.isExternal ? ExternalAccountLook.self : nil
            sink.write(
                "<y:Fill color=\"\(look?.fill ?? "#F5F7FA")\"/><y:BorderStyle color=\"\(look?.border ?? "#607D8B")\" type=\"\(look == nil ? "line" : "dashed")\" width=\"1.0\"/>"
            )
            sink.write(
                "<y:NodeLabel fontSize=\"10\">\(XMLEscaper.text(label))</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n"
            )
        }
        sink.write(indent)
        sink.write("</node>\n")
    }

    private func writeEdge(
        _ number: Int, in graph: PeerGraph, looks: EdgeAppearanceTable, tagKeys: TagKeys,
        bends: [YEdLayout.Point] = [], to sink: OutputSink
    ) {
        let connection = graph.edges[number]
        let ends = graph.edgeEndpoints[number]
        let look = looks.appearance(ofEdge: number)
        let color = look.color
        sink.write("    <edge id=\"e")
        sink.write(String(number + 1))
        sink.write("\" source=\"n")
        sink.write(String(ends.requester + 1))
        sink.write("\" target=\"n")
        sink.write(String(ends.accepter + 1))
        sink.write("\">\n")
        // The label is escaped as its pieces come; yEd's graphics repeat it, so only yEd builds it.
        sink.write(Self.edgeLabelOpening)
        var labelWriter = XMLEscaper.TextWriter(sink: sink)
        GraphText.writeEdgeLines(connection, prefix: look.labelPrefix, to: &labelWriter)
        sink.write(Self.dataClosing)
        Self.data(opening: Self.edgeConnectionIDOpening, connection.id.text, to: sink)
        // By index, not `for field in`: a copied field retains its strings, on every core, for every edge.
        for index in Self.edgeFields.indices {
            Self.edgeFields[index].withValue(of: connection) {
                Self.data(opening: Self.edgeFieldOpenings[index], $0, to: sink)
            }
        }
        Self.data(
            opening: Self.edgeTagsOpening, connection.tags.isEmpty ? nil : JSONEscaper.tagObject(connection.tags),
            to: sink)
        Self.data(opening: Self.edgeColorOpening, color, to: sink)
        Self.data(opening: Self.edgeLineStyleOpening, look.baseLine.rawValue, to: sink)
        if graph.isDiff {
            Self.data(.edgeChange, (graph.change(ofConnection: connection.id) ?? .unchanged).rawValue, to: sink)
        }
        if let aggregate = graph.aggregate(ofEdge: number) {
            Self.data(.edgeConnectionCount, String(aggregate.count), to: sink)
        }
        // Tags are sorted by key: a repeated key keeps its first value, and every other key still gets its data.
        var previous: String?
        for tag in connection.tags {
            defer { previous = tag.key }
            if let previous, ByteOrder.same(previous, tag.key) { continue }
            guard let id = tagKeys.idByTag[ExactText(tag.key)] else { continue }
            Self.data(id, tag.value, to: sink)
        }
        if options.graphMLFlavor == .yed {
            let label = look.labelPrefix + GraphText.edgeLines(connection).joined(separator: "\n")
            let lineType =
                switch look.baseLine {
                case .solid, .bold: "line"
                case .dashed: "dashed"
                case .dotted: "dotted"
                }
            sink.write(
                "      <data key=\"\(GraphMLKey.edgeGraphicsID)\"><y:PolyLineEdge>\(Self.path(bends))<y:LineStyle color=\"\(color)\" type=\"\(lineType)\" width=\"\(look.line == .bold ? "3.0" : "1.5")\"/>"
            )
            sink.write(
                "<y:Arrows source=\"none\" target=\"standard\"/><y:EdgeLabel>\(XMLEscaper.text(label))</y:EdgeLabel></y:PolyLineEdge></data>\n"
            )
        }
        sink.write("    </edge>\n")
    }

    /// `<y:Path>` through the bends (from the centre of one node to the centre of the other), or nothing.
    private static func path(_ bends: [YEdLayout.Point]) -> String {
        guard !bends.isEmpty else { return "" }
        let points = bends.map { "<y:Point x=\"\(Self.points($0.x))\" y=\"\(Self.points($0.y))\"/>" }.joined()
        return "<y:Path sx=\"0.0\" sy=\"0.0\" tx=\"0.0\" ty=\"0.0\">\(points)</y:Path>"
    }

    /// True for the tag keys that are safe as `attr.name` (an NMTOKEN) in every reader: ASCII letters,
    /// digits, `.`, `_` and `-`.
    static func isAttributeName(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }

    /// `<data key="…">value</data>`, or nothing for nil.
    private static func data(_ key: GraphMLKey, _ value: String?, indent: String = "      ", to sink: OutputSink) {
        data(key.id, value, indent: indent, to: sink)
    }

    /// `<data key="…">` at an edge's indent.
    private static func dataOpening(_ key: String) -> String { "      <data key=\"\(key)\">" }

    private static let dataClosing = "</data>\n"

    /// `data`, with the opening made before.
    private static func data(opening: String, _ value: String?, to sink: OutputSink) {
        guard let value else { return }
        sink.write(opening)
        XMLEscaper.writeText(value, to: sink)
        sink.write(dataClosing)
    }

    private static func data(_ key: String, _ value: String?, indent: String = "      ", to sink: OutputSink) {
        guard let value else { return }
        sink.write(indent)
        sink.write("<data key=\"")
        sink.write(key)
        sink.write("\">")
        XMLEscaper.writeText(value, to: sink)
        sink.write("</data>\n")
    }
}
