/// Writes a Mermaid flowchart. Node and subgraph ids are generated (`v1`, `g1`, `l1`), never taken from
/// data, so no VPC id can collide with a keyword (`end`, `click`, `o`, `x`…); every label is quoted and
/// goes through `MermaidEscaper`. Edge colours come from `linkStyle` lines whose indexes are the edge
/// order of this file.
package struct MermaidWriter: GraphWriter {
    package var options: RenderOptions

    /// Mermaid's default `maxEdges`; GitHub and most renderers refuse larger diagrams.
    package static let defaultEdgeLimit = 500
    /// Mermaid's default `maxTextSize`, in characters.
    package static let defaultTextLimit = 50_000

    package init(options: RenderOptions) {
        self.options = options
    }

    package func write(_ graph: PeerGraph, to sink: OutputSink) {
        let template = options.template ?? OutputFormat.mermaid.defaultTemplate()
        var linkCount = 0
        var linksByStyle: [String: [Int]] = [:]
        template.render(into: sink) { placeholder in
            switch placeholder {
            case "front_matter": writeFrontMatter(to: sink)
            case "timestamp":
                if let timestamp = options.timestamp {
                    sink.write(" Generated at \(MermaidEscaper.commentText(timestamp)).")
                }
            case "body": writeBody(graph, to: sink, linkCount: &linkCount, linksByStyle: &linksByStyle)
            case "legend":
                if options.legend {
                    writeLegend(graph, to: sink, linkCount: &linkCount, linksByStyle: &linksByStyle)
                }
            case "link_styles": writeLinkStyles(linksByStyle, to: sink)
            default: break
            }
        }
    }

    /// mermaid wraps any label line wider than this (200 by default), which broke VPC ids after `vpc-`
    /// and account ids after `account`: the longest line peergraph writes fits in it.
    static let wrappingWidth = 480

    /// Straight edge segments. With mermaid's default curve (`basis`) an edge label is put at the middle
    /// of the drawn curve, away from the space dagre's layout kept free for it, and two of the
    /// 11-connection sample's labels were drawn over each other and over a VPC; on straight segments
    /// each label stays in its own space (measured in Chromium by `.ci/validate/validate-mermaid`).
    static let curve = "linear"

    /// YAML front matter: the title (a double-quoted YAML scalar), and the layout settings.
    private func writeFrontMatter(to sink: OutputSink) {
        sink.write("---\n")
        if let title = options.title, !title.isEmpty { sink.write("title: \(MermaidEscaper.yamlQuoted(title))\n") }
        sink.write("config:\n  flowchart:\n    wrappingWidth: \(Self.wrappingWidth)\n    curve: \(Self.curve)\n---\n")
    }

    private func writeBody(
        _ graph: PeerGraph, to sink: OutputSink, linkCount: inout Int, linksByStyle: inout [String: [Int]]
    ) {
        let groupOfNode = graph.groupIndexByNode
        let labels = NodeLabelContext(graph)
        if graph.isDiff {
            let added = options.theme.entry(for: .added), removed = options.theme.entry(for: .removed)
            sink.write(
                "  classDef added fill:\(added.fill ?? "#FFFFFF"),stroke:\(added.color),color:\(added.text ?? added.color)\n"
            )
            sink.write(
                "  classDef removed fill:\(removed.fill ?? "#FFFFFF"),stroke:\(removed.color),color:\(removed.text ?? removed.color),stroke-dasharray:4 3\n"
            )
        }
        if graph.hasExternalNodes {
            sink.write(
                "  classDef external fill:\(ExternalAccountLook.fill),stroke:\(ExternalAccountLook.border),color:\(ExternalAccountLook.text),stroke-dasharray:4 3\n"
            )
        }
        for (groupIndex, group) in graph.groups.enumerated() {
            let label = GraphText.shortened(group.label, to: max(options.maximumLabelLength, 64))
            sink.write("  subgraph g\(groupIndex + 1)[\(MermaidEscaper.quotedLabel([label]))]\n")
            // On every core, as the edges are: a region of a large mesh has thousands of nodes.
            let members = group.nodeIndices
            sink.writeInOrder(count: members.count) { member, sink in
                let nodeIndex = members[member]
                writeNode(graph.nodes[nodeIndex], index: nodeIndex, in: graph, labels: labels, indent: "    ", to: sink)
            }
            sink.write("  end\n")
        }
        for (index, node) in graph.nodes.enumerated() where groupOfNode[index] == nil {
            writeNode(node, index: index, in: graph, labels: labels, indent: "  ", to: sink)
        }
        // Link styles are numbered in edge order, so they are gathered first, one edge after another;
        // then the edges are written on every core.
        let table = EdgeAppearanceTable(graph, theme: options.theme)
        let looks = graph.edges.indices.map(table.appearance(ofEdge:))
        var styles: [EdgeAppearance: String] = [:]
        for look in looks {
            let style = styles[look] ?? Self.linkStyle(look)
            styles[look] = style
            linksByStyle[style, default: []].append(linkCount)
            linkCount += 1
        }
        // As in DOT: past 30 edges, edge text no longer fits legibly (and mermaid lays labels over each other).
        let hasLabels = options.edgeLabels.resolved(edgeCount: graph.edges.count) != .none
        sink.writeInOrder(count: graph.edges.count) { index, sink in
            writeEdge(
                graph.edges[index], ends: graph.edgeEndpoints[index], look: looks[index], hasLabel: hasLabels, to: sink)
        }
    }

    private func writeEdge(
        _ connection: PeeringConnection, ends: (requester: Int, accepter: Int), look: EdgeAppearance, hasLabel: Bool,
        to sink: OutputSink
    ) {
        sink.write("  v")
        sink.write(String(ends.requester + 1))
        sink.write(" ")
        sink.write(Self.arrow(look.line))
        if hasLabel {
            var label = GraphText.edgeLines(connection).map { GraphText.shortened($0, to: options.maximumLabelLength) }
            label[0] = look.labelPrefix + label[0]
            sink.write("|")
            sink.write(MermaidEscaper.quotedLabel(label))
            sink.write("|")
        }
        sink.write(" v")
        sink.write(String(ends.accepter + 1))
        sink.write("\n")
    }

    private func writeNode(
        _ node: VPCNode, index: Int, in graph: PeerGraph, labels: NodeLabelContext, indent: String, to sink: OutputSink
    ) {
        let label = GraphText.nodeLines(node, in: labels).map {
            GraphText.shortened($0, to: options.maximumLabelLength)
        }
        let style =
            switch graph.change(ofNode: node.id) {
            case .added: "added"
            case .removed: "removed"
            default: node.isExternal ? "external" : "vpc"
            }
        sink.write("\(indent)v\(index + 1)[\(MermaidEscaper.quotedLabel(label))]:::\(style)\n")
    }

    /// The legend as one compact block (no sample nodes or links, which mermaid draws as empty boxes):
    /// a line per style the drawing uses, saying its colour and line in words.
    private func writeLegend(
        _ graph: PeerGraph, to sink: OutputSink, linkCount: inout Int, linksByStyle: inout [String: [Int]]
    ) {
        var lines = LegendEntry.entries(for: graph, theme: options.theme).map(Self.legendLine)
        if graph.hasExternalNodes { lines.append("grey dashed box — \(ExternalAccountLook.legendText)") }
        guard !lines.isEmpty else { return }
        sink.write("  subgraph legend[\"Legend\"]\n")
        sink.write("    legendText[\(MermaidEscaper.quotedLabel(lines))]:::legend\n")
        sink.write("  end\n")
    }

    /// `green solid — Activated: connected: traffic flows`.
    package static func legendLine(_ entry: LegendEntry) -> String {
        "\(ColorName.of(entry.color)) \(entry.line.rawValue) — \(entry.text)"
    }

    private func writeLinkStyles(_ linksByStyle: [String: [Int]], to sink: OutputSink) {
        // Sorted by first link index, so the output is deterministic.
        for (style, links) in linksByStyle.sorted(by: { $0.value[0] < $1.value[0] }) {
            sink.write("  linkStyle \(links.map(String.init).joined(separator: ",")) \(style)\n")
        }
    }

    /// Solid `-->`, dashed and dotted `-.->`, bold `==>`.
    static func arrow(_ line: StatusTheme.LineStyle) -> String {
        switch line {
        case .solid: "-->"
        case .dashed, .dotted: "-.->"
        case .bold: "==>"
        }
    }

    /// The CSS of a link: its colour, the dash pattern of its status, thick when bold.
    static func linkStyle(_ look: EdgeAppearance) -> String {
        var css = "stroke:\(look.color),color:\(look.color)"
        switch look.baseLine {
        case .dashed: css += ",stroke-dasharray:6 4"
        case .dotted: css += ",stroke-dasharray:2 3"
        case .solid, .bold: break
        }
        if look.line == .bold || look.baseLine == .bold { css += ",stroke-width:3px" }
        return css
    }

    /// Warnings for diagrams past mermaid's default limits, for the caller to print.
    package static func limitWarnings(edgeCount: Int, characterCount: Int) -> [String] {
        var warnings: [String] = []
        if edgeCount > defaultEdgeLimit {
            warnings.append(
                "the Mermaid diagram has \(edgeCount) edges; mermaid refuses more than \(defaultEdgeLimit) by default (GitHub too): draw regions or accounts with --collapse, or fewer connections with filters (--region, --status, --vpc, --focus)"
            )
        }
        if characterCount > defaultTextLimit {
            warnings.append(
                "the Mermaid diagram has \(characterCount) characters; mermaid refuses more than \(defaultTextLimit) by default (GitHub too): use --collapse or filters to draw less"
            )
        }
        return warnings
    }
}
