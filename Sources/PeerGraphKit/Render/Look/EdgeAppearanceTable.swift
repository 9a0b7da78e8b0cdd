/// The `EdgeAppearance` of every edge of a graph, decided once per status instead of once per edge.
///
/// Finding a status's theme row compares status names and copies the row's strings; done for each of
/// 200,000 edges on two render threads, that is reference counting on the same shared objects from both
/// threads at every edge. A mesh's edges have at most nine statuses (eight and none) and two business looks, so their
/// appearances are made up front; an unknown status, and every edge of a diff graph, is decided as
/// before. `EdgeAppearanceTableTests` checks it against `EdgeAppearance.of` edge by edge.
package struct EdgeAppearanceTable: Sendable {
    /// The appearances made up front, by `slot`.
    package let appearances: [EdgeAppearance]
    private let graph: PeerGraph
    private let theme: StatusTheme

    package init(_ graph: PeerGraph, theme: StatusTheme) {
        self.graph = graph
        self.theme = theme
        let statuses: [PeeringStatus?] = PeeringStatus.known + [nil]
        appearances = statuses.flatMap { status in
            [BusinessStatus?.none, .financialLocked].map { business in
                EdgeAppearance.of(status: status, businessStatus: business, theme: theme)
            }
        }
    }

    /// Where edge `index`'s appearance is in `appearances`, or nil when it is decided edge by edge.
    package func slot(ofEdge index: Int) -> Int? {
        if graph.isDiff { return nil }
        let connection = graph.edges[index]
        let status: Int
        switch connection.status {
        case .creating: status = 0
        case .accepting: status = 1
        case .updating: status = 2
        case .rejected: status = 3
        case .expired: status = 4
        case .activated: status = 5
        case .deleting: status = 6
        case .deleted: status = 7
        case nil: status = 8
        case .unknown: return nil
        }
        return status * 2 + (connection.businessStatus == .financialLocked ? 1 : 0)
    }

    /// How edge `index` looks.
    package func appearance(ofEdge index: Int) -> EdgeAppearance {
        if let slot = slot(ofEdge: index) { return appearances[slot] }
        return EdgeAppearance.of(graph.edges[index], in: graph, theme: theme)
    }
}
