/// Writes Graphviz DOT: a `digraph` with VPCs as nodes (quoted VPC ids), connections as edges styled
/// by status, groups as `cluster_N` subgraphs. Every quoted string goes through `DOTEscaper`.
package struct DOTWriter: GraphWriter {
    package var options: RenderOptions

    package init(options: RenderOptions) {
        self.options = options
    }

    package func write(_ graph: PeerGraph, to sink: OutputSink) {
        let template = options.template ?? OutputFormat.dot.defaultTemplate()
        template.render(into: sink) { placeholder in
            switch placeholder {
            case "timestamp":
                if let timestamp = options.timestamp {
                    sink.write(" Generated at \(DOTEscaper.commentSafe(timestamp)).")
                }
            case "title": writeTitle(to: sink)
            case "layout":
                if let attributes = DOTLayout.attributes(edgeCount: graph.edges.count, isCollapsed: graph.isCollapsed) {
                    sink.write("  graph [\(attributes)];\n")
                }
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
        let nodeLabels = NodeLabelContext(graph)
        for (groupIndex, group) in graph.groups.enumerated() {
            sink.write("  subgraph cluster_\(groupIndex + 1) {\n")
            if options.elementIDs { sink.write("    id=\"g\(groupIndex + 1)\";\n") }
            // A cluster label is one line: a label of nothing but line breaks has no width but some height,
            // and Graphviz 2.43 then aborts while placing any xlabel (xlabels.c:219, lblenclosing; found
            // by the random corpus, seed 42).
            let caption = group.label.replacingOccurrences(of: "\n", with: " ")
            sink.write(
                "    label=\(DOTEscaper.quotedText([GraphText.shortened(caption, to: max(options.maximumLabelLength, 64))]));\n"
            )
            let members = group.nodeIndices
            sink.writeInOrder(count: members.count) { index, sink in
                writeNode(members[index], in: graph, labels: nodeLabels, indent: "    ", to: sink)
            }
            sink.write("  }\n")
        }
        for index in graph.nodes.indices where groupOfNode[index] == nil {
            writeNode(index, in: graph, labels: nodeLabels, indent: "  ", to: sink)
        }
        let labels = options.edgeLabels.resolved(edgeCount: graph.edges.count)
        // Each VPC's quoted id is made once, not at each of its edges' ends; each look's attributes once
        // per look, not piece by piece at every edge.
        let quotedIDs = PackedStrings(graph.nodes.map { DOTEscaper.quotedID($0.id.text) })
        let looks = EdgeAppearanceTable(graph, theme: options.theme)
        let lookAttributes = PackedStrings(looks.appearances.map(Self.lookAttributes))
        sink.writeInOrder(count: graph.edges.count) { index, sink in
            let ends = graph.edgeEndpoints[index]
            sink.write("  ")
            quotedIDs.write(ends.requester, to: sink)
            sink.write(" -> ")
            quotedIDs.write(ends.accepter, to: sink)
            writeEdgeAttributes(
                index, in: graph, looks: looks, lookAttributes: lookAttributes, labels: labels, to: sink)
        }
    }

    private func writeNode(
        _ number: Int, in graph: PeerGraph, labels: NodeLabelContext, indent: String, to sink: OutputSink
    ) {
        let node = graph.nodes[number]
        let label = GraphText.nodeLines(node, in: labels).map {
            GraphText.shortened($0, to: options.maximumLabelLength)
        }
        sink.write(indent)
        DOTEscaper.writeQuotedID(node.id.text, to: sink)
        sink.write(options.elementIDs ? " [id=\"n\(number + 1)\", label=" : " [label=")
        DOTEscaper.writeQuotedText(label, to: sink)
        sink.write(", tooltip=")
        var tooltip = DOTEscaper.QuotedTextWriter(sink: sink, lineBreak: "&#10;")
        GraphText.writeNodeDetails(node, to: &tooltip)
        tooltip.finish()
        switch graph.change(ofNode: node.id) {
        case .added:
            let look = options.theme.entry(for: .added)
            sink.write(", fillcolor=\"\(look.fill ?? "#FFFFFF")\", color=\"\(look.color)\"")
        case .removed:
            let look = options.theme.entry(for: .removed)
            sink.write(
                ", style=\"rounded,filled,dashed\", fillcolor=\"\(look.fill ?? "#FFFFFF")\", color=\"\(look.color)\", fontcolor=\"\(look.text ?? look.color)\""
            )
        default:
            if node.isExternal {
                sink.write(
                    ", style=\"rounded,filled,dashed\", fillcolor=\"\(ExternalAccountLook.fill)\", color=\"\(ExternalAccountLook.border)\", fontcolor=\"\(ExternalAccountLook.text)\""
                )
            }
        }
        sink.write("];\n")
    }

    /// ` [label=…, tooltip=…, …];` of one edge, after its two ends; `lookAttributes` holds
    /// `lookAttributes(_:)` of each of `looks.appearances`.
    private func writeEdgeAttributes(
        _ number: Int, in graph: PeerGraph, looks: EdgeAppearanceTable, lookAttributes: PackedStrings,
        labels: EdgeLabelPlacement, to sink: OutputSink
    ) {
        let connection = graph.edges[number]
        let slot = looks.slot(ofEdge: number)
        let look = slot.map { looks.appearances[$0] } ?? looks.appearance(ofEdge: number)
        sink.write(options.elementIDs ? " [id=\"e\(number + 1)\", " : " [")
        if labels != .none {
            var label = GraphText.edgeLines(connection).map { GraphText.shortened($0, to: options.maximumLabelLength) }
            if !look.labelPrefix.isEmpty { label[0] = look.labelPrefix + label[0] }
            sink.write(labels == .outside ? "xlabel=" : "label=")
            DOTEscaper.writeQuotedText(label, to: sink)
            sink.write(", tooltip=")
        } else {
            sink.write("tooltip=")
        }
        var tooltip = DOTEscaper.QuotedTextWriter(sink: sink, lineBreak: "&#10;")
        GraphText.writeEdgeDetails(connection, to: &tooltip)
        tooltip.finish()
        if let slot { lookAttributes.write(slot, to: sink) } else { sink.write(Self.lookAttributes(look)) }
        // An explicit penwidth cancels `bold`, so a bold line (FinancialLocked, a diff's added and changed
        // edges) is drawn wider than any bandwidth: it stays the most visible edge.
        sink.write(look.line == .bold ? Self.boldPenWidth : Self.penWidth(connection.bandwidthMbps))
        sink.write("];\n")
    }

    /// An edge's colour and style attributes, up to the value of its `penwidth`.
    static func lookAttributes(_ look: EdgeAppearance) -> String {
        let style = Self.style(look.baseLine, overlay: look.line == look.baseLine ? nil : look.line)
        return ", color=\"\(look.color)\", fontcolor=\"\(look.color)\", style=\(style), penwidth="
    }

    /// DOT `style` for a status line, with the business-status overlay added (`dashed` + `bold` → `"dashed,bold"`).
    static func style(_ line: StatusTheme.LineStyle, overlay: StatusTheme.LineStyle?) -> String {
        guard let overlay, overlay != line else { return line.rawValue }
        return "\"\(line.rawValue),\(overlay.rawValue)\""
    }

    /// Wider than the widest bandwidth line.
    static let boldPenWidth = "4.0"

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

    /// A legend's line sample: a 36-point cell whose bottom border is the line, above an empty cell of
    /// the same height so that the line sits at the middle of its row of text. Bold lines are drawn
    /// twice as wide as the others, as their edges are.
    static func lineSample(color: String, line: StatusTheme.LineStyle) -> String {
        let (width, style) =
            switch line {
            case .solid: ("2", "")
            case .dashed: ("2", " style=\"dashed\"")
            case .dotted: ("2", " style=\"dotted\"")
            case .bold: ("4", "")
            }
        return
            "<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"36\" height=\"6\" sides=\"b\" border=\"\(width)\" color=\"\(color)\"\(style)></td></tr><tr><td height=\"5\"></td></tr></table>"
    }

    /// A table of the status styles in one plain node. Its text comes from the theme, not from input
    /// data, and still goes through the HTML escaper. The node name `\legend` has a single backslash
    /// before a letter, which an escaped VPC id never has (their backslashes are doubled), so it cannot
    /// collide with a VPC.
    private func writeLegend(for graph: PeerGraph, to sink: OutputSink) {
        sink.write(
            "  \"\\legend\" [shape=plain, fontsize=9, label=<<table border=\"1\" color=\"#B0BEC5\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\">"
        )
        sink.write("<tr><td colspan=\"2\" align=\"left\"><b>Legend</b></td></tr>")
        // Only the styles the drawing uses, each drawn as a short line of its own colour, dash pattern
        // and width (a cell's bottom border: Graphviz draws it with the same pen as an edge).
        for entry in LegendEntry.entries(for: graph, theme: options.theme) {
            sink.write("<tr><td>\(Self.lineSample(color: entry.color, line: entry.line))</td>")
            sink.write("<td align=\"left\">\(DOTEscaper.htmlText(entry.text))</td></tr>")
        }
        if graph.hasExternalNodes {
            sink.write(
                "<tr><td><table border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"36\" height=\"9\" border=\"1\" style=\"dashed\" color=\"\(ExternalAccountLook.border)\" bgcolor=\"\(ExternalAccountLook.fill)\"></td></tr></table></td><td align=\"left\">\(DOTEscaper.htmlText(ExternalAccountLook.legendText))</td></tr>"
            )
        }
        sink.write("</table>>];\n")
    }
}
