/// How one edge looks, decided in one place for every writer: by status (theme) normally, by change
/// in a diff graph (added green and bold, removed grey and dotted, changed orange, unchanged faint).
package struct EdgeAppearance: Sendable, Hashable {
    package var color: String
    package var line: StatusTheme.LineStyle
    /// The status line style under a business-status overlay (for DOT's combined styles).
    package var baseLine: StatusTheme.LineStyle
    /// `+ `, `− `, `~ ` in diff graphs.
    package var labelPrefix: String

    package static func of(_ connection: PeeringConnection, in graph: PeerGraph, theme: StatusTheme) -> EdgeAppearance {
        if !graph.changes.isEmpty || !graph.nodeChanges.isEmpty {
            switch graph.change(ofConnection: connection.id) ?? .unchanged {
            case .added: return EdgeAppearance(color: "#2E7D32", line: .bold, baseLine: .solid, labelPrefix: "+ ")
            case .removed: return EdgeAppearance(color: "#9E9E9E", line: .dotted, baseLine: .dotted, labelPrefix: "− ")
            case .changed: return EdgeAppearance(color: "#EF6C00", line: .bold, baseLine: .dashed, labelPrefix: "~ ")
            case .unchanged: return EdgeAppearance(color: "#90A4AE", line: .solid, baseLine: .solid, labelPrefix: "")
            }
        }
        let entry = theme.entry(for: connection.status)
        let overlay = theme.overlay(for: connection.businessStatus)
        return EdgeAppearance(
            color: (overlay ?? entry).color, line: overlay?.line ?? entry.line, baseLine: entry.line, labelPrefix: "")
    }
}
