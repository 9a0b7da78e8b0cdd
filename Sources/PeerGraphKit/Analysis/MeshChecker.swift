import Foundation

/// Finds what a peering mesh hides: overlapping address space, ambiguous routes at hubs, duplicate
/// peerings, connections waiting or stuck, expiring or locked.
///
/// "Live" connections are those not Deleted, Rejected or Expired: only they carry, or will carry,
/// traffic, so only they count for overlaps and duplicates.
package struct MeshChecker: Sendable {
    /// The moment ages and expiry are measured from.
    package var asOf: Date
    /// Connections expiring within this many days of `asOf` are reported.
    package var expiryDays: Int
    /// A transitional state (Creating, Updating, Deleting) older than this is a warning.
    package var stuckAfter: Double = 3600

    package init(asOf: Date = Date(), expiryDays: Int = 30) {
        self.asOf = asOf
        self.expiryDays = expiryDays
    }

    /// Peers named in one ambiguous-routes finding, at most; the rest are counted.
    package static let maximumPeersListed = 10

    /// All findings, most severe first, then by kind and ids. The work grows about linearly with the
    /// mesh: blocks are parsed once per VPC, and overlaps among a hub's peers are found by one sorted sweep.
    package func check(_ graph: PeerGraph) -> [Finding] {
        var findings: [Finding] = []
        // Blocks by node index (node ids are unique byte for byte, so no id-keyed dictionary is needed).
        var blocksOfNode = [[CIDRBlock]](repeating: [], count: graph.nodes.count)
        // The connections of each node, gathered once, when the first malformed block needs them (a
        // search through all edges per malformed block would be quadratic on hostile input).
        var connectionsOfNode: [[ConnectionID]]?
        for (nodeIndex, node) in graph.nodes.enumerated() {
            for text in node.ipv4CIDRs + node.ipv6CIDRs {
                do {
                    blocksOfNode[nodeIndex].append(try CIDRBlock(text))
                } catch {
                    if connectionsOfNode == nil {
                        var lists = [[ConnectionID]](repeating: [], count: graph.nodes.count)
                        for (connection, ends) in zip(graph.edges, graph.edgeEndpoints) {
                            lists[ends.requester].append(connection.id)
                            if ends.accepter != ends.requester { lists[ends.accepter].append(connection.id) }
                        }
                        connectionsOfNode = lists
                    }
                    let users = (connectionsOfNode?[nodeIndex] ?? []).sorted()
                    findings.append(
                        Finding(
                            severity: .warning, kind: .malformedCIDR, connectionIDs: users, vpcIDs: [node.id],
                            cidrs: [text],
                            message: "\(error.description); it is left out of the overlap checks"))
                }
            }
        }
        let live = zip(graph.edges, graph.edgeEndpoints).filter { connection, _ in
            guard let status = connection.status else { return true }
            return status != .deleted && status != .rejected && status != .expired
        }

        // Overlap between the two ends of one connection.
        for (connection, ends) in live {
            let overlaps = Self.overlappingPairs(blocksOfNode[ends.requester], blocksOfNode[ends.accepter])
            guard !overlaps.isEmpty else { continue }
            findings.append(
                Finding(
                    severity: .error, kind: .overlappingCIDRs, connectionIDs: [connection.id],
                    vpcIDs: [connection.requester.vpcID, connection.accepter.vpcID],
                    cidrs: overlaps.flatMap { [$0.0.text, $0.1.text] },
                    message:
                        "\(Self.describe(overlaps)): the two VPCs' address spaces overlap, so no route between them can be added"
                ))
        }

        // A hub peered with VPCs whose blocks overlap each other.
        var peersOfNode = [[(peer: Int, connection: ConnectionID)]](repeating: [], count: graph.nodes.count)
        for (connection, ends) in live {
            peersOfNode[ends.requester].append((ends.accepter, connection.id))
            peersOfNode[ends.accepter].append((ends.requester, connection.id))
        }
        for hub in graph.nodes.indices where peersOfNode[hub].count > 1 {
            findings += ambiguousRoutes(hub: hub, peers: peersOfNode[hub], blocksOfNode: blocksOfNode, graph: graph)
        }

        // More than one live connection between the same two VPCs.
        var byPair: [Int: [PeeringConnection]] = [:]
        for (connection, ends) in live {
            let (low, high) = (min(ends.requester, ends.accepter), max(ends.requester, ends.accepter))
            byPair[low * graph.nodes.count + high, default: []].append(connection)
        }
        for pair in byPair.keys.sorted() {
            guard let connections = byPair[pair], connections.count > 1 else { continue }
            let ids = connections.map(\.id).sorted()
            let vpcs = [graph.nodes[pair / graph.nodes.count].id, graph.nodes[pair % graph.nodes.count].id]
            findings.append(
                Finding(
                    severity: .warning, kind: .duplicatePeering, connectionIDs: ids, vpcIDs: vpcs,
                    message:
                        "\(ids.count) live connections join \(vpcs[0]) and \(vpcs[1]); one is enough, and the others cost and confuse"
                ))
        }

        for connection in graph.edges {
            findings += timeFindings(connection)
            if connection.businessStatus == .financialLocked {
                findings.append(
                    Finding(
                        severity: .error, kind: .financialLocked, connectionIDs: [connection.id],
                        vpcIDs: [connection.requester.vpcID, connection.accepter.vpcID],
                        message:
                            "business status is FinancialLocked: the account has an overdue payment and the connection may stop carrying traffic"
                    ))
            }
        }
        return findings.sorted(by: Self.order)
    }

    /// One finding per set of the hub's peers whose blocks overlap: the peers' blocks are sorted by
    /// address, and a sweep with a stack of enclosing blocks puts each block in the group of its
    /// outermost enclosing block (CIDR blocks either nest or are apart). Linear after the sort, where
    /// checking every pair of peers was quadratic (2,000 spokes sharing a block: 2 million findings).
    private func ambiguousRoutes(
        hub: Int, peers: [(peer: Int, connection: ConnectionID)], blocksOfNode: [[CIDRBlock]], graph: PeerGraph
    ) -> [Finding] {
        var connectionOfPeer: [Int: ConnectionID] = [:]
        for (peer, connection) in peers where peer != hub {
            if let known = connectionOfPeer[peer], known < connection { continue }
            connectionOfPeer[peer] = connection
        }
        guard connectionOfPeer.count > 1 else { return [] }
        var entries: [(block: CIDRBlock, peer: Int)] = []
        for peer in connectionOfPeer.keys {
            for block in blocksOfNode[peer] { entries.append((block, peer)) }
        }
        entries.sort { a, b in
            if a.block.family != b.block.family { return a.block.family == .ipv4 }
            if a.block.high != b.block.high { return a.block.high < b.block.high }
            if a.block.low != b.block.low { return a.block.low < b.block.low }
            if a.block.prefixLength != b.block.prefixLength { return a.block.prefixLength < b.block.prefixLength }
            return a.peer < b.peer
        }
        var groups: [[Int]] = []  // indices into entries
        var stack: [Int] = []
        for index in entries.indices {
            while let top = stack.last, !entries[top].block.contains(entries[index].block) { stack.removeLast() }
            if stack.isEmpty { groups.append([]) }
            groups[groups.count - 1].append(index)
            stack.append(index)
        }
        // Groups with the same peers make one finding.
        var byPeers: [[Int]: [Int]] = [:]
        for group in groups {
            let peersInGroup = Array(Set(group.map { entries[$0].peer })).sorted {
                ByteOrder.less(graph.nodes[$0].id.text, graph.nodes[$1].id.text)
            }
            guard peersInGroup.count > 1 else { continue }
            byPeers[peersInGroup, default: []] += group
        }
        let hubID = graph.nodes[hub].id
        return byPeers.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { peersInGroup in
            let blocks = (byPeers[peersInGroup] ?? []).map { entries[$0] }
            let listed = peersInGroup.prefix(Self.maximumPeersListed)
            let ids = listed.map { graph.nodes[$0].id }
            let connections = listed.map { connectionOfPeer[$0] ?? "" }
            if peersInGroup.count == 2 {
                let overlaps = Self.overlappingPairs(
                    blocks.filter { $0.peer == peersInGroup[0] }.map(\.block),
                    blocks.filter { $0.peer == peersInGroup[1] }.map(\.block))
                return Finding(
                    severity: .warning, kind: .ambiguousRoutes, connectionIDs: connections, vpcIDs: [hubID] + ids,
                    cidrs: overlaps.flatMap { [$0.0.text, $0.1.text] },
                    message:
                        "\(hubID) is peered with \(ids[0]) and \(ids[1]), whose blocks overlap (\(Self.describe(overlaps))): its routes to them are ambiguous"
                )
            }
            let more = peersInGroup.count - listed.count
            let named = zip(listed, ids).map { peer, id in
                "\(id) (\(blocks.filter { $0.peer == peer }.map(\.block.text).joined(separator: ", ")))"
            }.joined(separator: ", ")
            return Finding(
                severity: .warning, kind: .ambiguousRoutes, connectionIDs: connections, vpcIDs: [hubID] + ids,
                cidrs: Array(
                    blocks.filter { listed.contains($0.peer) }.map(\.block.text).prefix(2 * Self.maximumPeersListed)),
                message:
                    "\(hubID) is peered with \(peersInGroup.count) VPCs whose blocks overlap: \(named)\(more > 0 ? " and \(more) more" : ""): its routes to them are ambiguous"
            )
        }
    }

    private func timeFindings(_ connection: PeeringConnection) -> [Finding] {
        var findings: [Finding] = []
        let vpcs = [connection.requester.vpcID, connection.accepter.vpcID]
        let status = connection.status
        if status == .accepting {
            let age = connection.createdAt.flatMap(APITimestamp.parse).map { asOf.timeIntervalSince($0) }.flatMap {
                $0 >= 0 ? $0 : nil
            }
            findings.append(
                Finding(
                    severity: .warning, kind: .pendingAcceptance, connectionIDs: [connection.id], vpcIDs: vpcs,
                    message:
                        "waiting for the accepter\(connection.accepterOwner.map { " (account \($0))" } ?? "")\(age.map { " for \(APITimestamp.describe(duration: $0))" } ?? "")"
                ))
        } else if let status, status == .creating || status == .updating || status == .deleting {
            let since = (connection.modifiedAt ?? connection.createdAt).flatMap(APITimestamp.parse)
            // A time after --as-of says nothing about how long it has been waiting.
            let age = since.map { asOf.timeIntervalSince($0) }.flatMap { $0 >= 0 ? $0 : nil }
            findings.append(
                Finding(
                    severity: (age ?? 0) > stuckAfter ? .warning : .info, kind: .stuckTransition,
                    connectionIDs: [connection.id], vpcIDs: vpcs,
                    message:
                        "\(status.apiValue)\(age.map { " for \(APITimestamp.describe(duration: $0))" } ?? "")\((age ?? 0) > stuckAfter ? ": longer than such a change should take" : "")"
                ))
        }
        if status == .expired {
            findings.append(
                Finding(
                    severity: .warning, kind: .expired, connectionIDs: [connection.id], vpcIDs: vpcs,
                    message:
                        "expired\(connection.expiresAt.map { " at \($0)" } ?? ""): it was never accepted; delete it or request it again"
                ))
        } else if status == .accepting, let text = connection.expiresAt, let expiry = APITimestamp.parse(text) {
            // GmtExpired is when an unaccepted request lapses: it matters only while the connection waits
            // (the API's own sample shows an Activated connection with a past GmtExpired).
            let left = expiry.timeIntervalSince(asOf)
            if left <= 0 {
                findings.append(
                    Finding(
                        severity: .error, kind: .expired, connectionIDs: [connection.id], vpcIDs: vpcs,
                        message: "expired at \(text), \(APITimestamp.describe(duration: left)) ago"))
            } else if left <= Double(expiryDays) * 86_400 {
                findings.append(
                    Finding(
                        severity: .warning, kind: .expiringSoon, connectionIDs: [connection.id], vpcIDs: vpcs,
                        message: "expires at \(text), in \(APITimestamp.describe(duration: left))"))
            }
        }
        return findings
    }

    static func overlappingPairs(_ left: [CIDRBlock], _ right: [CIDRBlock]) -> [(CIDRBlock, CIDRBlock)] {
        left.flatMap { a in right.filter { a.overlaps($0) }.map { (a, $0) } }
    }

    static func describe(_ pairs: [(CIDRBlock, CIDRBlock)]) -> String {
        pairs.map { "\($0.0.text) overlaps \($0.1.text)" }.joined(separator: ", ")
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.kind != b.kind {
            let kinds = Finding.Kind.allCases
            return (kinds.firstIndex(of: a.kind) ?? kinds.count) < (kinds.firstIndex(of: b.kind) ?? kinds.count)
        }
        return a.connectionIDs.lexicographicallyPrecedes(b.connectionIDs)
    }
}
