/// Writes `peergraph diff` as a terminal report, JSON or Markdown.
package struct DiffReportWriter: Sendable {
    package var format: ReportFormat

    package init(format: ReportFormat) {
        self.format = format
    }

    package func write(_ diff: SnapshotDiff, to sink: OutputSink) {
        switch format {
        case .text: writeText(diff, to: sink)
        case .json: writeJSON(diff, to: sink)
        case .markdown: writeMarkdown(diff, to: sink)
        }
    }

    static func summary(_ diff: SnapshotDiff) -> String {
        let connections = diff.added.count + diff.removed.count + diff.changed.count
        return
            "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed \(connections == 1 ? "connection" : "connections"); "
            + "\(Plural.count(diff.vpcsAdded.count, "VPC")) appeared, \(diff.vpcsRemoved.count) vanished"
    }

    private static func line(_ connection: PeeringConnection) -> String {
        var text = "\(connection.id)  \(connection.requester.vpcID) -> \(connection.accepter.vpcID)"
        if let name = connection.name, !name.isEmpty { text += "  \"\(name)\"" }
        if let status = connection.status { text += "  \(status.apiValue)" }
        return text
    }

    private func writeText(_ diff: SnapshotDiff, to sink: OutputSink) {
        guard !diff.isEmpty else {
            sink.write("No differences.\n")
            return
        }
        if !diff.added.isEmpty {
            sink.write("Added connections (\(diff.added.count)):\n")
            for connection in diff.added { sink.write("  + \(TextEscaping.terminal(Self.line(connection)))\n") }
        }
        if !diff.removed.isEmpty {
            sink.write("Removed connections (\(diff.removed.count)):\n")
            for connection in diff.removed { sink.write("  - \(TextEscaping.terminal(Self.line(connection)))\n") }
        }
        if !diff.changed.isEmpty {
            sink.write("Changed connections (\(diff.changed.count)):\n")
            for change in diff.changed {
                sink.write("  ~ \(TextEscaping.terminal(change.id.text))\n")
                for field in change.fields {
                    sink.write(
                        "      \(field.field): \(TextEscaping.terminal(field.old ?? "(none)")) -> \(TextEscaping.terminal(field.new ?? "(none)"))\n"
                    )
                }
            }
        }
        if !diff.vpcsAdded.isEmpty {
            sink.write(
                "VPCs appeared: \(diff.vpcsAdded.map { TextEscaping.terminal($0.text) }.joined(separator: ", "))\n")
        }
        if !diff.vpcsRemoved.isEmpty {
            sink.write(
                "VPCs vanished: \(diff.vpcsRemoved.map { TextEscaping.terminal($0.text) }.joined(separator: ", "))\n")
        }
        sink.write("\n\(Self.summary(diff))\n")
    }

    private func writeJSON(_ diff: SnapshotDiff, to sink: OutputSink) {
        func list(_ connections: [PeeringConnection]) -> String {
            connections.isEmpty
                ? "[]"
                : "[\n" + connections.map { "    " + ConnectionJSON.object($0) }.joined(separator: ",\n") + "\n  ]"
        }
        sink.write("{\n  \"equal\": \(diff.isEmpty),\n")
        sink.write("  \"added\": \(list(diff.added)),\n")
        sink.write("  \"removed\": \(list(diff.removed)),\n")
        sink.write("  \"changed\": [")
        for (index, change) in diff.changed.enumerated() {
            sink.write(index == 0 ? "\n" : ",\n")
            let fields = change.fields.map {
                "\(JSONEscaper.quoted($0.field)): [\(Self.json($0.old)), \(Self.json($0.new))]"
            }
            sink.write(
                "    {\"id\": \(JSONEscaper.quoted(change.id.text)), \"fields\": {\(fields.joined(separator: ", "))}}")
        }
        sink.write(diff.changed.isEmpty ? "],\n" : "\n  ],\n")
        sink.write(
            "  \"vpcs_added\": [\(diff.vpcsAdded.map { JSONEscaper.quoted($0.text) }.joined(separator: ", "))],\n")
        sink.write(
            "  \"vpcs_removed\": [\(diff.vpcsRemoved.map { JSONEscaper.quoted($0.text) }.joined(separator: ", "))]\n}\n"
        )
    }

    private static func json(_ value: String?) -> String { value.map(JSONEscaper.quoted) ?? "null" }

    private func writeMarkdown(_ diff: SnapshotDiff, to sink: OutputSink) {
        sink.write("## VPC peering changes\n\n\(Self.summary(diff)).\n")
        func table(_ title: String, _ connections: [PeeringConnection]) {
            guard !connections.isEmpty else { return }
            sink.write(
                "\n### \(title)\n\n| Connection | Requester | Accepter | Name | Status |\n| --- | --- | --- | --- | --- |\n"
            )
            for c in connections {
                let cells = [
                    c.id.text, c.requester.vpcID.text, c.accepter.vpcID.text, c.name ?? "", c.status?.apiValue ?? "",
                ].map(
                    TextEscaping.markdown)
                sink.write("| \(cells.joined(separator: " | ")) |\n")
            }
        }
        table("Added", diff.added)
        table("Removed", diff.removed)
        if !diff.changed.isEmpty {
            sink.write("\n### Changed\n\n| Connection | Field | Old | New |\n| --- | --- | --- | --- |\n")
            for change in diff.changed {
                for field in change.fields {
                    let cells = [change.id.text, field.field, field.old ?? "–", field.new ?? "–"].map(
                        TextEscaping.markdown)
                    sink.write("| \(cells.joined(separator: " | ")) |\n")
                }
            }
        }
        if !diff.vpcsAdded.isEmpty {
            sink.write(
                "\nVPCs appeared: \(diff.vpcsAdded.map { TextEscaping.markdown($0.text) }.joined(separator: ", ")).\n")
        }
        if !diff.vpcsRemoved.isEmpty {
            sink.write(
                "\nVPCs vanished: \(diff.vpcsRemoved.map { TextEscaping.markdown($0.text) }.joined(separator: ", ")).\n"
            )
        }
    }
}
