import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct MeshCheckerTests {
    static let asOf = APITimestamp.parse("2025-09-01T00:00:00Z")!

    static func fixtureGraph() throws -> PeerGraph {
        let connections = try InputReader().read([.file(TestPaths.fixture("check-mesh.json").path)])
        return PeerGraph(connections: ConnectionDeduplicator.deduplicate(connections), grouping: .none)
    }

    /// The findings expected were written by hand from the fixture's design, before the checker ran on it.
    @Test func findsExactlyWhatTheFixtureWasDesignedToHide() throws {
        let findings = MeshChecker(asOf: Self.asOf, expiryDays: 30).check(try Self.fixtureGraph())
        let expected = try String(contentsOf: TestPaths.fixture("check-mesh.expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        let actual = findings.map {
            "\($0.severity.name)\t\($0.kind.rawValue)\t\($0.connectionIDs.map(\.text).joined(separator: ","))\t\($0.vpcIDs.map(\.text).joined(separator: ","))"
        }
        #expect(actual == expected)
    }

    @Test func explainsWithCIDRsAndAges() throws {
        let findings = MeshChecker(asOf: Self.asOf, expiryDays: 30).check(try Self.fixtureGraph())
        let overlap = try #require(findings.first { $0.kind == .overlappingCIDRs && $0.connectionIDs == ["pcc-04"] })
        #expect(overlap.cidrs == ["2408:4000::/48", "2408:4000:0:1::/64"])
        #expect(
            overlap.message
                == "2408:4000::/48 overlaps 2408:4000:0:1::/64: the two VPCs' address spaces overlap, so no route between them can be added"
        )
        #expect(
            findings.first { $0.kind == .stuckTransition && $0.severity == .warning }?.message
                == "Updating for 4 hours: longer than such a change should take")
        #expect(
            findings.first { $0.kind == .pendingAcceptance && $0.connectionIDs == ["pcc-06"] }?.message
                == "waiting for the accepter (account 1508367521843309) for 7 days")
        #expect(
            findings.first { $0.kind == .malformedCIDR }?.message.hasPrefix(
                "\"10.300.0.0/16\" is not a CIDR block: \"300\" is not a number from 0 to 255") == true)
    }

    @Test func expiryWindowAndDateAreConfigurable() throws {
        let graph = try Self.fixtureGraph()
        let narrow = MeshChecker(asOf: Self.asOf, expiryDays: 3).check(graph)
        #expect(!narrow.contains { $0.kind == .expiringSoon })
        let later = MeshChecker(asOf: APITimestamp.parse("2025-09-10")!, expiryDays: 30).check(graph)
        #expect(later.contains { $0.kind == .expired && $0.severity == .error && $0.connectionIDs == ["pcc-06"] })
    }
}

@Suite struct SnapshotDiffTests {
    @Test func reportsAddedRemovedChangedAndVPCs() {
        let a = makeConnection("pcc-1", "vpc-a", "vpc-b", status: .accepting, bandwidth: 100)
        let b = makeConnection("pcc-2", "vpc-b", "vpc-c")
        var a2 = a
        a2.status = .activated
        a2.bandwidthMbps = 200
        a2.tags = [PeeringTag(key: "env", value: "prod")]
        let c = makeConnection("pcc-3", "vpc-a", "vpc-d")
        let diff = SnapshotDiff(old: [a, b], new: [a2, c])
        #expect(diff.added.map(\.id) == ["pcc-3"])
        #expect(diff.removed.map(\.id) == ["pcc-2"])
        #expect(
            diff.changed == [
                SnapshotDiff.Change(
                    id: "pcc-1",
                    fields: [
                        .init(field: "Status", old: "Accepting", new: "Activated"),
                        .init(field: "Bandwidth", old: "100", new: "200"),
                        .init(field: "Tags", old: nil, new: "env=prod"),
                    ])
            ])
        #expect(diff.vpcsAdded == ["vpc-d"])
        #expect(diff.vpcsRemoved == ["vpc-c"])
        #expect(SnapshotDiff(old: [a, b], new: [b, a]).isEmpty)
    }

    @Test func aNewModificationTimeAloneIsNoChange() {
        let a = makeConnection("pcc-1", "vpc-a", "vpc-b", modified: "2025-01-01T00:00:00Z")
        let b = makeConnection("pcc-1", "vpc-a", "vpc-b", modified: "2025-02-01T00:00:00Z")
        #expect(SnapshotDiff(old: [a], new: [b]).isEmpty)
    }
}

@Suite struct GraphTransformTests {
    let connections = [
        makeConnection("pcc-1", "vpc-a", "vpc-b", regions: ("r1", "r1"), owners: ("1", "1"), bandwidth: 100),
        makeConnection("pcc-2", "vpc-b", "vpc-c", regions: ("r1", "r2"), owners: ("1", "2"), bandwidth: -1),
        makeConnection("pcc-3", "vpc-a", "vpc-c", regions: ("r1", "r2"), owners: ("1", "2"), bandwidth: 300),
        makeConnection("pcc-4", "vpc-c", "vpc-d", status: .accepting, regions: ("r2", "r2"), owners: ("2", "2")),
        makeConnection("pcc-5", "vpc-d", "vpc-e", regions: ("r2", "r3"), owners: ("2", "3")),
    ]

    @Test func focusKeepsNeighboursUpToTheDepth() {
        #expect(GraphTransforms.focus(connections, on: ["vpc-a"], depth: 1).map(\.id) == ["pcc-1", "pcc-2", "pcc-3"])
        #expect(
            GraphTransforms.focus(connections, on: ["vpc-a"], depth: 2).map(\.id) == [
                "pcc-1", "pcc-2", "pcc-3", "pcc-4",
            ])
        #expect(GraphTransforms.focus(connections, on: ["vpc-e"], depth: 0).isEmpty)
        #expect(GraphTransforms.focus(connections, on: ["vpc-x"], depth: 3).isEmpty)
    }

    @Test func collapseCountsConnectionsAndBandwidthPerStatus() {
        let graph = PeerGraph(connections: connections).collapsed(by: .region)
        #expect(graph.nodes.map(\.id) == ["r1", "r2", "r3"])
        #expect(graph.nodes.map(\.caption) == [["r1", "2 VPCs"], ["r2", "2 VPCs"], ["r3", "1 VPC"]])
        #expect(graph.edges.map(\.id) == ["r1 → r1", "r1 → r2 · Activated", "r2 → r2", "r2 → r3 · Activated"])
        #expect(graph.edges[2].name == "1 connection inside: 1 Accepting")
        #expect(graph.edges[2].status == .accepting)
        #expect(graph.edges.indices.map { graph.aggregate(ofEdge: $0)?.count } == [1, 2, 1, 1])
        let crossRegion = graph.edges[1]
        #expect(crossRegion.name == "2 connections (1 unlimited)")
        #expect(crossRegion.bandwidthMbps == 300)
        #expect(crossRegion.description == "pcc-2, pcc-3")
    }

    @Test func redactionIsStableAndHidesIDs() {
        let once = GraphTransforms.redact(connections, cidrs: true, salt: "s")
        let twice = GraphTransforms.redact(connections.reversed(), cidrs: true, salt: "s")
        #expect(once.first { $0.id == "pcc-2" }?.accepterOwner == twice.first { $0.id == "pcc-2" }?.accepterOwner)
        #expect(
            once.allSatisfy { $0.requesterOwner?.hasPrefix("account-") == true && $0.requesterOwner != "account-1" })
        #expect(
            GraphTransforms.redact(connections, cidrs: false, salt: "other")[0].requesterOwner != once[0].requesterOwner
        )
    }

    @Test func namesLabelNodesAndAccountGroups() {
        let graph = PeerGraph(
            connections: connections, grouping: .owner,
            names: NameMap(vpcs: ["vpc-a": "Core"], accounts: ["1": "Production"]))
        #expect(GraphText.nodeLines(graph.nodes[0]).first == "Core")
        #expect(graph.groups.map(\.label) == ["Production (account 1)", "account 2", "account 3"])
    }

    @Test func readsNameFilesInJSONAndCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("names.json"), nested = folder.appendingPathComponent("nested.json")
        let csv = folder.appendingPathComponent("names.csv")
        try Data(#"{"vpc-a": "Core", "1508367521843309": "Production"}"#.utf8).write(to: json)
        try Data(#"{"vpcs": {"vpc-a": "Core"}, "accounts": {"1508367521843309": "Production"}}"#.utf8).write(to: nested)
        try Data("id,name\nvpc-a,\"Core, \"\"main\"\"\"\n1508367521843309,Production\n".utf8).write(to: csv)
        let expected = NameMap(vpcs: ["vpc-a": "Core"], accounts: ["1508367521843309": "Production"])
        #expect(try NameMapReader.read(path: json.path) == expected)
        #expect(try NameMapReader.read(path: nested.path) == expected)
        #expect(
            try NameMapReader.read(path: csv.path)
                == NameMap(vpcs: ["vpc-a": "Core, \"main\""], accounts: ["1508367521843309": "Production"]))
        try Data("vpc-a\n".utf8).write(to: csv)
        #expect { try NameMapReader.read(path: csv.path) } throws: {
            "\($0)".hasSuffix(":1: expected two fields: id,name")
        }
    }
}
