import Foundation
import Testing

@testable import PeerGraphKit

/// Ids that are canonically equivalent but byte-distinct ("é" against "e" + U+0301) are distinct
/// everywhere: graph, groups, collapse, check, diff, filters, names, tags.
@Suite struct ExactIdentityTests {
    static let composed = "r-\u{E9}"
    static let decomposed = "r-e\u{301}"

    static func connection(
        _ id: String, _ from: String, _ to: String, region: String? = nil, toRegion: String? = nil,
        fromBlocks: [String] = [], toBlocks: [String] = [], status: PeeringStatus = .activated
    ) -> PeeringConnection {
        PeeringConnection(
            id: ConnectionID(id), requester: VPCEndpoint(vpcID: VPCID(from), ipv4CIDRs: fromBlocks),
            accepter: VPCEndpoint(vpcID: VPCID(to), ipv4CIDRs: toBlocks),
            requesterRegion: region, accepterRegion: toRegion ?? region, status: status)
    }

    @Test func canonicallyEquivalentIdsReallyAreEqualAsSwiftStrings() {
        #expect(Self.composed == Self.decomposed)  // the trap this suite is about
        #expect(!ByteOrder.same(Self.composed, Self.decomposed))
    }

    @Test func regionsStayTwoGroupsAndCollapseToTwoNodes() {
        let connections = [
            Self.connection("pcc-1", "vpc-a", "vpc-b", region: Self.composed),
            Self.connection("pcc-2", "vpc-c", "vpc-d", region: Self.decomposed),
        ]
        let graph = PeerGraph(connections: connections, grouping: .region)
        #expect(graph.groups.count == 2)
        let collapsed = graph.collapsed(by: .region)  // crashed in 0.2.0
        #expect(collapsed.nodes.count == 2)
        #expect(collapsed.edges.count == 2)
    }

    @Test func checkSeesTheOverlapBetweenTwoSuchVPCs() {
        let connections = [
            Self.connection(
                "pcc-1", "vpc-hub", "vpc-\u{E9}", fromBlocks: ["192.168.0.0/16"], toBlocks: ["10.0.0.0/16"]),
            Self.connection("pcc-2", "vpc-hub", "vpc-e\u{301}", toBlocks: ["10.0.1.0/24"]),
        ]
        let findings = MeshChecker().check(PeerGraph(connections: connections, grouping: .none))
        let ambiguous = findings.filter { $0.kind == .ambiguousRoutes }
        #expect(ambiguous.count == 1)
        // Peers in byte order: "e" + U+0301 (65 CC 81) before "é" (C3 A9).
        #expect(ambiguous.first?.cidrs == ["10.0.1.0/24", "10.0.0.0/16"])
    }

    @Test func diffKeepsTwoConnectionsApart() {
        let old = [Self.connection("pcc-\u{E9}", "vpc-a", "vpc-b")]
        let new = [Self.connection("pcc-e\u{301}", "vpc-a", "vpc-b")]
        let diff = SnapshotDiff(old: old, new: new)
        #expect(diff.added.count == 1)
        #expect(diff.removed.count == 1)
        #expect(diff.changed.isEmpty)
        var renamed = old[0]
        renamed.name = Self.decomposed
        var before = old[0]
        before.name = Self.composed
        #expect(SnapshotDiff(old: [before], new: [renamed]).changed.first?.fields.map(\.field) == ["Name"])
    }

    @Test func filtersAndNamesCompareBytes() {
        let connections = [Self.connection("pcc-1", "vpc-a", "vpc-b", region: Self.composed)]
        var filter = ConnectionFilter()
        filter.regions = [Self.decomposed]
        #expect(filter.apply(to: connections).kept.isEmpty)
        filter.regions = [Self.composed]
        #expect(filter.apply(to: connections).kept.count == 1)
        let names = NameMap(vpcNames: [ExactText("vpc-\u{E9}"): "one", ExactText("vpc-e\u{301}"): "two"])
        #expect(names.vpcName("vpc-\u{E9}") == "one")
        #expect(names.vpcName("vpc-e\u{301}") == "two")
        #expect(
            GraphTransforms.focus([Self.connection("pcc-1", "vpc-\u{E9}", "vpc-x")], on: ["vpc-e\u{301}"], depth: 1)
                .isEmpty)
    }

    @Test func tagOrderIsAStrictWeakOrder() {
        let tags = [
            PeeringTag(key: Self.composed, value: "1"), PeeringTag(key: Self.decomposed, value: "1"),
            PeeringTag(key: Self.composed, value: Self.decomposed),
            PeeringTag(key: Self.composed, value: Self.composed), PeeringTag(key: "a", value: ""),
        ]
        for a in tags {
            #expect(!(a < a))
            for b in tags {
                #expect(!(a < b && b < a))
                // Incomparable exactly when equal byte for byte.
                #expect((!(a < b) && !(b < a)) == (ByteOrder.same(a.key, b.key) && ByteOrder.same(a.value, b.value)))
                for c in tags where a < b && b < c { #expect(a < c) }
            }
        }
        #expect(Set(tags).count == tags.count)
    }
}

/// `--collapse`: buckets keyed by their parts, sums that fit their type, the business status carried.
@Suite struct CollapseTests {
    @Test func labelTextCannotMergeTwoBuckets() {
        let connections = [
            ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b", region: "x → y", toRegion: "z"),
            ExactIdentityTests.connection("pcc-2", "vpc-c", "vpc-d", region: "x", toRegion: "y → z"),
        ]
        let collapsed = PeerGraph(connections: connections).collapsed(by: .region)
        #expect(collapsed.edges.count == 2)
        #expect(collapsed.edges.indices.map { collapsed.aggregate(ofEdge: $0)?.count } == [1, 1])
    }

    @Test func sumsAreDeclaredLongInGraphML() {
        var big = [ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b", region: "r1", toRegion: "r2")]
        big.append(ExactIdentityTests.connection("pcc-2", "vpc-c", "vpc-d", region: "r1", toRegion: "r2"))
        for index in big.indices { big[index].bandwidthMbps = 2_000_000_000 }
        let collapsed = PeerGraph(connections: big).collapsed(by: .region)
        #expect(collapsed.edges.map(\.bandwidthMbps) == [4_000_000_000])
        let graphml = String(
            decoding: OutputSink.collectingBytes { GraphMLWriter(options: RenderOptions()).write(collapsed, to: $0) },
            as: UTF8.self)
        #expect(
            graphml.contains(#"<key id="e_bandwidth_mbps" for="edge" attr.name="bandwidth_mbps" attr.type="long"/>"#))
        #expect(
            graphml.contains(
                #"<key id="e_connection_count" for="edge" attr.name="connection_count" attr.type="long"/>"#))
        #expect(graphml.contains("<data key=\"e_bandwidth_mbps\">4000000000</data>"))
    }

    @Test func aLockedConnectionStaysLockedAndMostVisible() {
        var locked = ExactIdentityTests.connection("pcc-1", "vpc-a", "vpc-b", region: "r1", toRegion: "r2")
        locked.businessStatus = .financialLocked
        locked.bandwidthMbps = 100
        let normal = ExactIdentityTests.connection("pcc-2", "vpc-c", "vpc-d", region: "r1", toRegion: "r2")
        let collapsed = PeerGraph(connections: [locked, normal]).collapsed(by: .region)
        #expect(collapsed.edges.count == 2)
        #expect(collapsed.edges.filter { $0.businessStatus == .financialLocked }.count == 1)
        let dot = String(
            decoding: OutputSink.collectingBytes { DOTWriter(options: RenderOptions()).write(collapsed, to: $0) },
            as: UTF8.self)
        let lockedLine = dot.split(separator: "\n").first { $0.contains("FinancialLocked") && $0.contains("->") }
        #expect(lockedLine?.contains("penwidth=4.0") == true)
    }
}

/// Ids are types compared by their bytes, and so are connections: nothing in the model is equal by
/// Unicode canonical equivalence (0.2.0's synthesized `==` made "é" and "e\u{301}" one connection).
@Suite struct ByteIdentifierTests {
    @Test func idsAreEqualAndOrderedByBytes() {
        let composed = VPCID("vpc-\u{E9}"), decomposed = VPCID("vpc-e\u{301}")
        #expect("vpc-\u{E9}" == "vpc-e\u{301}")  // Swift's String
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(decomposed < composed)  // 'e' (0x65) before 0xC3
        #expect(ConnectionID("pcc-a") < ConnectionID("pcc-b"))
    }

    @Test func connectionsDifferingOnlyInUnicodeFormAreTwoConnections() {
        let a = PeeringConnection(
            id: "pcc-1", name: "caf\u{E9}", requester: VPCEndpoint(vpcID: "vpc-a"),
            accepter: VPCEndpoint(vpcID: "vpc-b"))
        var b = a
        b.name = "cafe\u{301}"
        #expect(a != b)
        var c = a
        c.requester = VPCEndpoint(vpcID: "vpc-a", ipv4CIDRs: ["10.0.0.0/8"])
        #expect(a != c)
        #expect(a == a && Set([a, b, c]).count == 3)
    }
}
