/// Writes the findings of `peergraph check` as a terminal report, JSON or Markdown.
package struct CheckReportWriter: Sendable {
    package var format: ReportFormat
    package var asOf: String

    package init(format: ReportFormat, asOf: String) {
        self.format = format
        self.asOf = asOf
    }

    package func write(_ findings: [Finding], graph: PeerGraph, to sink: OutputSink) {
        switch format {
        case .text: writeText(findings, graph: graph, to: sink)
        case .json: writeJSON(findings, graph: graph, to: sink)
        case .markdown: writeMarkdown(findings, graph: graph, to: sink)
        }
    }

    private func counts(_ findings: [Finding]) -> [Finding.Severity: Int] {
        Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
    }

    private func summary(_ findings: [Finding]) -> String {
        let count = counts(findings)
        return
            "\(Plural.count(count[.error] ?? 0, "error")), \(Plural.count(count[.warning] ?? 0, "warning")), \(count[.info] ?? 0) info"
    }

    /// "1 VPC, 2 connections".
    static func size(of graph: PeerGraph) -> String {
        "\(Plural.count(graph.nodes.count, "VPC")), \(Plural.count(graph.edges.count, "connection"))"
    }

    private func writeText(_ findings: [Finding], graph: PeerGraph, to sink: OutputSink) {
        sink.write("peergraph check: \(Self.size(of: graph)), as of \(TextEscaping.terminal(asOf))\n")
        for severity in Finding.Severity.allCases.reversed() {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            sink.write(
                "\n\(severity.name.uppercased())\(severity == .info || group.count == 1 ? "" : "S") (\(group.count))\n")
            for finding in group {
                let ids = finding.connectionIDs.map { TextEscaping.terminal($0.text) }.joined(separator: ", ")
                sink.write("  \(finding.kind.rawValue)  \(ids)\n")
                sink.write(
                    "      VPCs: \(finding.vpcIDs.map { TextEscaping.terminal($0.text) }.joined(separator: ", "))\n")
                if !finding.cidrs.isEmpty {
                    sink.write("      CIDRs: \(finding.cidrs.map(TextEscaping.terminal).joined(separator: ", "))\n")
                }
                sink.write("      \(TextEscaping.terminal(finding.message))\n")
            }
        }
        sink.write(findings.isEmpty ? "\nNo findings.\n" : "\n\(summary(findings))\n")
    }

    private func writeJSON(_ findings: [Finding], graph: PeerGraph, to sink: OutputSink) {
        let count = counts(findings)
        sink.write("{\n  \"as_of\": \(JSONEscaper.quoted(asOf)),\n")
        sink.write("  \"vpcs\": \(graph.nodes.count),\n  \"connections\": \(graph.edges.count),\n")
        sink.write(
            "  \"summary\": {\"error\": \(count[.error] ?? 0), \"warning\": \(count[.warning] ?? 0), \"info\": \(count[.info] ?? 0)},\n"
        )
        sink.write("  \"findings\": [")
        for (index, finding) in findings.enumerated() {
            sink.write(index == 0 ? "\n" : ",\n")
            sink.write(
                "    {\"severity\": \(JSONEscaper.quoted(finding.severity.name)), \"kind\": \(JSONEscaper.quoted(finding.kind.rawValue)), "
            )
            sink.write(
                "\"connections\": [\(finding.connectionIDs.map { JSONEscaper.quoted($0.text) }.joined(separator: ", "))], "
            )
            sink.write("\"vpcs\": [\(finding.vpcIDs.map { JSONEscaper.quoted($0.text) }.joined(separator: ", "))], ")
            sink.write("\"cidrs\": [\(finding.cidrs.map(JSONEscaper.quoted).joined(separator: ", "))], ")
            sink.write("\"message\": \(JSONEscaper.quoted(finding.message))}")
        }
        sink.write(findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    private func writeMarkdown(_ findings: [Finding], graph: PeerGraph, to sink: OutputSink) {
        sink.write("## VPC peering check\n\n")
        sink.write("\(Self.size(of: graph)), as of \(TextEscaping.markdown(asOf)): **\(summary(findings))**.\n")
        guard !findings.isEmpty else {
            sink.write("\nNo findings.\n")
            return
        }
        sink.write(
            "\n| Severity | Finding | Connections | VPCs | CIDRs | Explanation |\n| --- | --- | --- | --- | --- | --- |\n"
        )
        for finding in findings {
            let cells = [
                finding.severity.name, finding.kind.rawValue,
                finding.connectionIDs.map { TextEscaping.markdown($0.text) }.joined(separator: "<br>"),
                finding.vpcIDs.map { TextEscaping.markdown($0.text) }.joined(separator: "<br>"),
                finding.cidrs.map(TextEscaping.markdown).joined(separator: "<br>"),
                TextEscaping.markdown(finding.message),
            ]
            sink.write("| \(cells.joined(separator: " | ")) |\n")
        }
    }
}
