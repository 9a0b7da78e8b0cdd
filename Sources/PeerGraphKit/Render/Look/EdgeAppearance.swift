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
        if graph.isDiff {
            let change = graph.change(ofConnection: connection.id) ?? .unchanged
            let entry = theme.entry(for: change)
            return EdgeAppearance(
                color: entry.color, line: entry.line, baseLine: entry.baseLine, labelPrefix: change.labelPrefix)
        }
        return of(status: connection.status, businessStatus: connection.businessStatus, theme: theme)
    }

    /// How an edge of a mesh with `status` and `businessStatus` looks.
    static func of(status: PeeringStatus?, businessStatus: BusinessStatus?, theme: StatusTheme) -> EdgeAppearance {
        let entry = theme.entry(for: status)
        let overlay = theme.overlay(for: businessStatus)
        return EdgeAppearance(
            color: (overlay ?? entry).color, line: overlay?.line ?? entry.line, baseLine: entry.line, labelPrefix: "")
    }
}
