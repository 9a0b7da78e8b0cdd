/// Writes `--format markdown`: a documentation page of the mesh — a title, a one-line summary, the
/// Mermaid diagram in a fence (which GitHub draws), the legend as a table, a table of the connections
/// and, with `--with-check`, the findings of `peergraph check`. Every cell of data goes through
/// `TextEscaping.markdown`, as in the reports: GitHub's renderer turns none of it into a link or markup.
package struct MarkdownPageWriter: GraphWriter {
    package var options: RenderOptions

    package init(options: RenderOptions) {
        self.options = options
    }

    /// The title when none is given.
    static let defaultTitle = "VPC peering mesh"

    package func write(_ graph: PeerGraph, to sink: OutputSink) {
        let template = options.template ?? OutputFormat.markdown.defaultTemplate()
        template.render(into: sink) { placeholder in
            switch placeholder {
            case "title":
                let title = options.title.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultTitle
                // One line; `#` escaped too, so that a title ending in ` #` keeps it (a heading's closing sequence).
                let line = TextEscaping.markdown(title.replacingOccurrences(of: "\n", with: " "))
                sink.write("# \(line.replacingOccurrences(of: "#", with: "\\#"))")
            case "timestamp":
                if let timestamp = options.timestamp {
                    sink.write(" Generated at \(XMLEscaper.commentText(timestamp)).")
                }
            case "summary": sink.write(Self.summary(of: graph))
            case "diagram":
                sink.write("```mermaid\n")
                MermaidWriter(options: Self.diagramOptions(options)).write(graph, to: sink)
                sink.write("```\n")
            case "legend": LegendEntry.writeMarkdownTable(graph, theme: options.theme, to: sink)
            case "body": writeConnections(graph, to: sink)
            case "findings":
                if let check = options.findings {
                    sink.write("\n")
                    CheckReportWriter(format: .markdown, asOf: check.asOf).write(check.findings, graph: graph, to: sink)
                }
            default: break
            }
        }
    }

    /// The page's Mermaid diagram: the page has the title and the legend of its own, and `template` is
    /// the page's.
    static func diagramOptions(_ options: RenderOptions) -> RenderOptions {
        var diagram = options
        diagram.legend = false
        diagram.template = nil
        diagram.title = nil
        return diagram
    }

    /// The size of the page's Mermaid diagram, for mermaid's (and GitHub's) limits.
    package static func diagramByteCount(_ graph: PeerGraph, options: RenderOptions) -> Int {
        OutputSink.collectingBytes { MermaidWriter(options: diagramOptions(options)).write(graph, to: $0) }.count
    }

    /// "9 VPCs, 11 connections in 3 regions and 3 accounts."
    static func summary(of graph: PeerGraph) -> String {
        let regions = Set(graph.nodes.compactMap(\.region)).count
        let accounts = Set(graph.nodes.compactMap(\.owner)).count
        return "\(CheckReportWriter.size(of: graph)) in \(Plural.count(regions, "region")) and "
            + "\(Plural.count(accounts, "account"))."
    }

    private func writeConnections(_ graph: PeerGraph, to sink: OutputSink) {
        guard !graph.edges.isEmpty else {
            sink.write("No connections.\n")
            return
        }
        sink.write("| name | requester | accepter | regions | accounts | bandwidth | status |\n")
        sink.write("| --- | --- | --- | --- | --- | --- | --- |\n")
        for connection in graph.edges {
            let name = connection.name.flatMap { $0.isEmpty ? nil : $0 }
            var status = connection.status?.apiValue ?? ""
            if connection.businessStatus == .financialLocked { status += " · FinancialLocked" }
            let cells = [
                name.map { "\($0) (\(connection.id.text))" } ?? connection.id.text,
                connection.requester.vpcID.text, connection.accepter.vpcID.text,
                Self.pair(connection.requesterRegion, connection.accepterRegion),
                Self.pair(connection.requesterOwner, connection.accepterOwner),
                GraphText.bandwidth(connection.bandwidthMbps) ?? "", status,
            ]
            sink.write("| \(cells.map(TextEscaping.markdown).joined(separator: " | ")) |\n")
        }
    }

    /// `a → b`, or `a` when both are the same.
    private static func pair(_ first: String?, _ second: String?) -> String {
        let (a, b) = (first ?? "?", second ?? "?")
        return a == b ? a : "\(a) → \(b)"
    }
}
