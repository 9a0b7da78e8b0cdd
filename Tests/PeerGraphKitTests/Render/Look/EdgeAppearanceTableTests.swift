import Testing

@testable import PeerGraphKit

@Suite struct EdgeAppearanceTableTests {
    /// One edge for every status (the eight, an unknown one, none) with every business status.
    private static let connections: [PeeringConnection] = {
        let statuses: [PeeringStatus?] = PeeringStatus.known + [.unknown("Migrating"), nil]
        let businesses: [BusinessStatus?] = [nil, .normal, .financialLocked, .unknown("Frozen")]
        return statuses.enumerated().flatMap { statusIndex, status in
            businesses.enumerated().map { businessIndex, business in
                PeeringConnection(
                    id: ConnectionID("pcc-\(statusIndex)-\(businessIndex)"),
                    requester: VPCEndpoint(vpcID: VPCID("vpc-a\(statusIndex)")),
                    accepter: VPCEndpoint(vpcID: VPCID("vpc-b\(businessIndex)")), status: status,
                    businessStatus: business)
            }
        }
    }()

    private static func expectSameAsEdgeByEdge(_ graph: PeerGraph, theme: StatusTheme) {
        let table = EdgeAppearanceTable(graph, theme: theme)
        for index in graph.edges.indices {
            #expect(
                table.appearance(ofEdge: index) == EdgeAppearance.of(graph.edges[index], in: graph, theme: theme),
                "edge \(graph.edges[index].id.text)")
        }
    }

    @Test func givesEachEdgeWhatItsStatusGives() throws {
        let graph = PeerGraph(connections: Self.connections)
        Self.expectSameAsEdgeByEdge(graph, theme: .builtIn)
        // A theme with a row for the unknown status, and a FinancialLocked overlay of its own.
        let theme = try StatusTheme(
            text: "Activated #00AA00 solid\nMigrating #AA00AA dashed\nFinancialLocked #FF0000 dotted\n* #000000 dotted",
            source: "theme")
        Self.expectSameAsEdgeByEdge(graph, theme: theme)
        // Every edge with a known status or none is in the table; only the unknown one is decided edge by edge.
        let table = EdgeAppearanceTable(graph, theme: theme)
        let unlisted = graph.edges.indices.filter { table.slot(ofEdge: $0) == nil }
        #expect(unlisted.allSatisfy { graph.edges[$0].status == .unknown("Migrating") })
        #expect(unlisted.count == 4)
    }

    @Test func aDiffGraphIsDecidedByChange() {
        var marks = PeerGraph.ChangeMarks()
        marks.connections[Self.connections[0].id] = .added
        marks.connections[Self.connections[1].id] = .removed
        marks.connections[Self.connections[2].id] = .changed
        let graph = PeerGraph(connections: Self.connections, grouping: .region, names: NameMap(), changes: marks)
        Self.expectSameAsEdgeByEdge(graph, theme: .builtIn)
        let table = EdgeAppearanceTable(graph, theme: .builtIn)
        #expect(graph.edges.indices.allSatisfy { table.slot(ofEdge: $0) == nil })
    }
}
