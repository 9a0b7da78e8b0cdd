/// Writes Graphviz DOT: a `digraph` with VPCs as nodes (quoted VPC ids), connections as edges styled
/// by status, groups as `cluster_N` subgraphs. Every quoted string goes through `DOTEscaper`.
public struct DOTWriter: GraphWriter {
    public var options: RenderOptions

    public init(options: RenderOptions) {
        self.options = options
    }

    public func write(_ graph: PeerGraph, to sink: OutputSink) {
        let template = options.template ?? OutputFormat.dot.defaultTemplate()
        template.render(into: sink) { placeholder in
            switch placeholder {
            case "timestamp": if let timestamp = options.timestamp { sink.write(" Generated at \(DOTEscaper.commentSafe(timestamp)).") }
            case "title": writeTitle(to: sink)
            case "body": writeBody(graph, to: sink)
            case "legend": if options.legend { writeLegend(for: graph, to: sink) }
            default: break
            }
        }
    }

    private func writeTitle(to sink: OutputSink) {
        guard let title = options.title, !title.isEmpty else { return }
        sink.write("  label=\(DOTEscaper.quotedText([title]));\n  labelloc=t;\n  fontsize=16;\n")
    }

    private func writeBody(_ graph: PeerGraph, to sink: OutputSink) {
        let groupOfNode = graph.groupIndexByNode
        for (groupIndex, group) in graph.groups.enumerated() {
            sink.write("  subgraph cluster_\(groupIndex + 1) {\n")
            sink.write("    label=\(DOTEscaper.quotedText([GraphText.shortened(group.label, to: options.maximumLabelLength)]));\n")
            for nodeIndex in group.nodeIndices { writeNode(graph.nodes[nodeIndex], indent: "    ", to: sink) }
            sink.write("  }\n")
        }
        for (index, node) in graph.nodes.enumerated() where groupOfNode[index] == nil {
            writeNode(node, indent: "  ", to: sink)
        }
        for connection in graph.edges { writeEdge(connection, to: sink) }
    }

    private func writeNode(_ node: VPCNode, indent: String, to sink: OutputSink) {
        let label = GraphText.nodeLines(node).map { GraphText.shortened($0, to: options.maximumLabelLength) }
        sink.write(indent)
        sink.write(DOTEscaper.quotedID(node.id))
        sink.write(" [label=\(DOTEscaper.quotedText(label)), tooltip=\(DOTEscaper.quotedText(GraphText.nodeDetails(node), lineBreak: "&#10;"))];\n")
    }

    private func writeEdge(_ connection: PeeringConnection, to sink: OutputSink) {
        let entry = options.theme.entry(for: connection.status)
        let overlay = options.theme.overlay(for: connection.businessStatus)
        let label = GraphText.edgeLines(connection).map { GraphText.shortened($0, to: options.maximumLabelLength) }
        sink.write("  ")
        sink.write(DOTEscaper.quotedID(connection.requester.vpcID))
        sink.write(" -> ")
        sink.write(DOTEscaper.quotedID(connection.accepter.vpcID))
        sink.write(" [label=\(DOTEscaper.quotedText(label))")
        sink.write(", tooltip=\(DOTEscaper.quotedText(GraphText.edgeDetails(connection), lineBreak: "&#10;"))")
        sink.write(", color=\"\((overlay ?? entry).color)\", fontcolor=\"\((overlay ?? entry).color)\"")
        sink.write(", style=\(Self.style(entry.line, overlay: overlay?.line))")
        sink.write(", penwidth=\(Self.penWidth(connection.bandwidthMbps))];\n")
    }

    /// DOT `style` for a status line, with the business-status overlay added (`dashed` + `bold` → `"dashed,bold"`).
    static func style(_ line: StatusTheme.LineStyle, overlay: StatusTheme.LineStyle?) -> String {
        guard let overlay, overlay != line else { return line.rawValue }
        return "\"\(line.rawValue),\(overlay.rawValue)\""
    }

    /// Thicker lines for more bandwidth; unlimited draws thickest.
    static func penWidth(_ mbps: Int64?) -> String {
        guard let mbps else { return "1.0" }
        switch mbps {
        case ..<0: return "3.0"
        case ..<200: return "1.0"
        case ..<500: return "1.5"
        case ..<1000: return "2.0"
        case ..<5000: return "2.5"
        default: return "3.0"
        }
    }

    /// A cluster of sample edges, one per status in the theme. Its node names contain `\l`, which an
    /// escaped VPC id never does (VPC ids have their backslashes doubled), so they cannot collide.
    private func writeLegend(for graph: PeerGraph, to sink: OutputSink) {
        sink.write("  subgraph cluster_legend {\n    label=\"Legend\";\n    fontsize=10;\n")
        sink.write("    node [shape=point, width=0.05, style=invis, label=\"\"];\n")
        for (index, entry) in options.theme.entries.enumerated() {
            let from = "\"\\legend\(index)a\"", to = "\"\\legend\(index)b\""
            let name = entry.status == StatusTheme.fallbackStatus ? "other" : entry.status
            let text = entry.meaning.isEmpty ? name : "\(name): \(entry.meaning)"
            sink.write("    \(from) -> \(to) [label=\(DOTEscaper.quotedText([text])), color=\"\(entry.color)\", ")
            sink.write("fontcolor=\"\(entry.color)\", style=\(entry.line.rawValue), arrowhead=none, minlen=2];\n")
        }
        sink.write("  }\n")
    }
}

extension DOTEscaper {
    /// Text for a `//` comment: no line breaks or controls.
    static func commentSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) && $0 != "\u{2028}" && $0 != "\u{2029}" }))
    }
}
