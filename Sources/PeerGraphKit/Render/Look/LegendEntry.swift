/// One row of a legend: a style that occurs in the graph, and what it means. Every format's legend is
/// built from these, so a legend lists only what the drawing shows, in the theme's order.
package struct LegendEntry: Sendable, Equatable {
    /// `Activated`, `other`, `FinancialLocked`, `added`.
    package var name: String
    package var meaning: String
    package var color: String
    package var line: StatusTheme.LineStyle

    /// `name: meaning`, or the name alone.
    package var text: String { meaning.isEmpty ? name : "\(name): \(meaning)" }

    /// The styles `graph` draws its edges with: by change in a diff graph, else by status (with the
    /// FinancialLocked overlay when a locked connection is drawn).
    package static func entries(for graph: PeerGraph, theme: StatusTheme) -> [LegendEntry] {
        if graph.isDiff {
            let used = Set(graph.edges.map { graph.change(ofConnection: $0.id) ?? .unchanged })
            return [ChangeKind.added, .changed, .removed, .unchanged].filter(used.contains).map { kind in
                let entry = theme.entry(for: kind)
                return LegendEntry(name: kind.rawValue, meaning: "", color: entry.color, line: entry.line)
            }
        }
        let usedStatuses = Set(graph.edges.map { theme.entry(for: $0.status).status })
        var rows = theme.entries.filter { usedStatuses.contains($0.status) }.map { entry in
            LegendEntry(
                name: entry.status == StatusTheme.fallbackStatus ? "other" : entry.status, meaning: entry.meaning,
                color: entry.color, line: entry.line)
        }
        if let locked = graph.edges.lazy.compactMap({ theme.overlay(for: $0.businessStatus) }).first {
            rows.append(
                LegendEntry(name: locked.status, meaning: locked.meaning, color: locked.color, line: locked.line))
        }
        return rows
    }

    /// The legend as a Markdown table: a row per style the diagram uses (and external accounts).
    package static func writeMarkdownTable(_ graph: PeerGraph, theme: StatusTheme, to sink: OutputSink) {
        let entries = LegendEntry.entries(for: graph, theme: theme)
        guard !entries.isEmpty || graph.hasExternalNodes else { return }
        sink.write("\n| line | meaning |\n| --- | --- |\n")
        for entry in entries {
            let line = "\(ColorName.of(entry.color)), \(entry.line.rawValue)"
            sink.write("| \(TextEscaping.markdown(line)) | \(TextEscaping.markdown(entry.text)) |\n")
        }
        if graph.hasExternalNodes {
            sink.write("| grey box, dashed | \(TextEscaping.markdown(ExternalAccountLook.legendText)) |\n")
        }
    }
}
