import Testing

@testable import PeerGraphKit

/// `PeerGraph` finds each VPC's region, owner and blocks on integers (edge indices and `ByteOrderKey`s);
/// this is the plain version, strings compared at every end, that it must agree with.
@Suite struct PeerGraphNodeTests {
    private struct PlainNode: Equatable {
        var region: String?
        var owner: String?
        var ipv4: [String] = []
        var ipv6: [String] = []
        var regionModified = ""
        var ownerModified = ""
        var secondOwner: [String]?
    }

    private func plainNodes(_ graph: PeerGraph) -> [PlainNode] {
        var nodes = [PlainNode](repeating: PlainNode(), count: graph.nodes.count)
        var last = [(ipv4: [String], ipv6: [String])?](repeating: nil, count: graph.nodes.count)
        for (edge, ends) in zip(graph.edges, graph.edgeEndpoints) {
            let modified = edge.modifiedAt ?? ""
            for (index, endpoint, region, owner) in [
                (ends.requester, edge.requester, edge.requesterRegion, edge.requesterOwner),
                (ends.accepter, edge.accepter, edge.accepterRegion, edge.accepterOwner),
            ] {
                var node = nodes[index]
                if let region, !region.isEmpty, node.region == nil || !ByteOrder.less(modified, node.regionModified) {
                    (node.region, node.regionModified) = (region, modified)
                }
                if node.secondOwner == nil, let owner, !owner.isEmpty, let known = node.owner,
                    !ByteOrder.same(owner, known)
                {
                    node.secondOwner = [known, owner]
                }
                if let owner, !owner.isEmpty, node.owner == nil || !ByteOrder.less(modified, node.ownerModified) {
                    (node.owner, node.ownerModified) = (owner, modified)
                }
                if last[index].map({ !ByteOrder.sameList($0.ipv4, endpoint.ipv4CIDRs) }) ?? true {
                    node.ipv4 += endpoint.ipv4CIDRs
                }
                if last[index].map({ !ByteOrder.sameList($0.ipv6, endpoint.ipv6CIDRs) }) ?? true {
                    node.ipv6 += endpoint.ipv6CIDRs
                }
                last[index] = (endpoint.ipv4CIDRs, endpoint.ipv6CIDRs)
                nodes[index] = node
            }
        }
        return nodes.map { node in
            var unique = node
            var seen4: [String] = []
            var seen6: [String] = []
            for block in node.ipv4 where !seen4.contains(where: { ByteOrder.same($0, block) }) { seen4.append(block) }
            for block in node.ipv6 where !seen6.contains(where: { ByteOrder.same($0, block) }) { seen6.append(block) }
            (unique.ipv4, unique.ipv6, unique.regionModified, unique.ownerModified) = (seen4, seen6, "", "")
            return unique
        }
    }

    @Test func nodesAgreeWithThePlainVersionOnRandomMeshes() {
        var generator = SystemRandomNumberGenerator()
        // Timestamps that tie, share 24 bytes and differ after them, are empty or absent.
        let times: [String?] = [
            nil, "", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z",
            "2024-01-01T00:00:00Z-and-more-1", "2024-01-01T00:00:00Z-and-more-2", "2024-01-01T00:00:00",
        ]
        let regions: [String?] = [nil, "", "cn-hangzhou", "cn-beijing", "e\u{301}", "\u{E9}"]
        let owners: [String?] = [nil, "", "1234567890123456", "1234567890123457", "12345678901234567890123456"]
        let blocks = [[], ["10.0.0.0/16"], ["10.0.0.0/16", "10.1.0.0/16"], ["10.1.0.0/16"], ["fd00::/8"]]
        // Small meshes, where every case meets every other, then meshes large enough that the nodes are
        // described in parts at once, one per core (`PeerGraph.minimumNodesPerPart`).
        let sizes =
            (0..<200).map { _ in (Int.random(in: 1...8, using: &generator), Int.random(in: 1...30, using: &generator)) }
            + (0..<2).map { _ in (Int.random(in: 2_200...4_000, using: &generator), 10_000) }
        for (vpcs, connectionCount) in sizes {
            let connections = (0..<connectionCount).map { index in
                PeeringConnection(
                    id: ConnectionID("pcc-\(Int.random(in: 0...5, using: &generator))-\(index)"),
                    requester: VPCEndpoint(
                        vpcID: VPCID("vpc-\(Int.random(in: 0..<vpcs, using: &generator))"),
                        ipv4CIDRs: blocks.randomElement(using: &generator)!,
                        ipv6CIDRs: blocks.randomElement(using: &generator)!),
                    accepter: VPCEndpoint(
                        vpcID: VPCID("vpc-\(Int.random(in: 0..<vpcs, using: &generator))"),
                        ipv4CIDRs: blocks.randomElement(using: &generator)!),
                    requesterRegion: regions.randomElement(using: &generator)!,
                    accepterRegion: regions.randomElement(using: &generator)!,
                    requesterOwner: owners.randomElement(using: &generator)!,
                    accepterOwner: owners.randomElement(using: &generator)!,
                    modifiedAt: times.randomElement(using: &generator)!)
            }
            let graph = PeerGraph(connections: connections, grouping: .none)
            if connectionCount == 10_000 { #expect(graph.nodes.count >= 2 * PeerGraph.minimumNodesPerPart) }
            let plain = plainNodes(graph)
            let conflicts = Dictionary(
                graph.ownerConflicts.map { ($0.vpcID, $0) }, uniquingKeysWith: { first, _ in first })
            let fast = graph.nodes.map { node in
                let conflict = conflicts[node.id]
                return PlainNode(
                    region: node.region, owner: node.owner, ipv4: node.ipv4CIDRs, ipv6: node.ipv6CIDRs,
                    secondOwner: conflict.map { [$0.owners.0, $0.owners.1] })
            }
            #expect(fast.count == plain.count)
            for (mine, theirs) in zip(fast, plain) {
                #expect(ByteOrder.same(mine.region, theirs.region))
                #expect(ByteOrder.same(mine.owner, theirs.owner))
                #expect(ByteOrder.sameList(mine.ipv4, theirs.ipv4) && ByteOrder.sameList(mine.ipv6, theirs.ipv6))
                #expect(
                    mine.secondOwner.map { ByteOrder.sameList($0, theirs.secondOwner ?? []) }
                        ?? (theirs.secondOwner == nil))
            }
        }
    }

    @Test func byteOrderKeysAgreeWithByteOrder() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["2024-01-01T00:00:00Z", "\u{0}", "a", "é", "e\u{301}", "0123456789"]
        let strings = (0..<400).map { _ in
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for a in strings.prefix(100) {
            for b in strings {
                let plain = ByteOrder.compare(a, b).signum()
                if let order = ByteOrderKey(a).order(comparedTo: ByteOrderKey(b)) {
                    #expect(order.signum() == plain, "\(Array(a.utf8)) vs \(Array(b.utf8))")
                } else {
                    #expect(a.utf8.count > 24 && b.utf8.count > 24)
                }
            }
        }
    }
}
