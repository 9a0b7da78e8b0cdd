/// Ways to narrow or reshape the connections before drawing: focus on a VPC, redact account ids and
/// CIDR blocks for public documents, collapse a big mesh to regions or accounts.
public enum GraphTransforms {
    /// The connections within `depth` hops of `vpcID` (either direction).
    public static func focus(_ connections: [PeeringConnection], on vpcIDs: [String], depth: Int) -> [PeeringConnection] {
        var adjacency: [String: [String]] = [:]
        for c in connections {
            adjacency[c.requester.vpcID, default: []].append(c.accepter.vpcID)
            adjacency[c.accepter.vpcID, default: []].append(c.requester.vpcID)
        }
        var reached = Set(vpcIDs)
        var frontier = vpcIDs
        for _ in 0 ..< depth {
            frontier = frontier.flatMap { adjacency[$0] ?? [] }.filter { reached.insert($0).inserted }
        }
        // Keep edges between reached VPCs when at least one end is strictly inside the radius; simpler and
        // what users expect: every connection whose both ends were reached.
        return connections.filter { reached.contains($0.requester.vpcID) && reached.contains($0.accepter.vpcID) }
    }

    /// Replaces owner account ids (and, with `cidrs`, CIDR blocks) by stable pseudonyms: the same id
    /// always gives the same pseudonym (a keyed hash, `salt` being the key), so redacted snapshots
    /// still diff, but the id cannot be read back.
    public static func redact(_ connections: [PeeringConnection], cidrs: Bool, salt: String) -> [PeeringConnection] {
        func pseudonym(_ prefix: String, _ value: String) -> String {
            prefix + HMACSHA256.authenticationCode(key: Array(("peergraph-redact:" + salt).utf8), message: Array(value.utf8)).hexString.prefix(10)
        }
        func endpoint(_ e: VPCEndpoint) -> VPCEndpoint {
            guard cidrs else { return e }
            return VPCEndpoint(vpcID: e.vpcID, ipv4CIDRs: e.ipv4CIDRs.map { pseudonym("cidr4-", $0) }, ipv6CIDRs: e.ipv6CIDRs.map { pseudonym("cidr6-", $0) })
        }
        return connections.map { c in
            var copy = c
            copy.requesterOwner = c.requesterOwner.map { pseudonym("account-", $0) }
            copy.accepterOwner = c.accepterOwner.map { pseudonym("account-", $0) }
            copy.requester = endpoint(c.requester)
            copy.accepter = endpoint(c.accepter)
            return copy
        }
    }
}

extension PeerGraph {
    /// The aggregated graph: one node per region, account or region+account, one edge per
    /// (from, to, status) carrying the number of connections and their total bandwidth. Connections inside
    /// one group become a single loop per group with the statuses in its label, because renderers (mermaid)
    /// draw several loops on one node as one.
    public func collapsed(by key: GroupingKey, accountNames: [String: String] = [:]) -> PeerGraph {
        let labelOf = nodes.map { key.label(of: $0, accountNames: accountNames) ?? "unknown" }
        var members: [String: Int] = [:]
        for label in labelOf { members[label, default: 0] += 1 }
        struct Bucket { var count = 0; var bandwidth: Int64 = 0; var unlimited = 0; var ids: [String] = []; var statuses: [String] = [] }
        var buckets: [String: (from: String, to: String, status: PeeringStatus?, bucket: Bucket)] = [:]
        for (connection, ends) in zip(edges, edgeEndpoints) {
            let from = labelOf[ends.requester], to = labelOf[ends.accepter]
            let status = from == to ? nil : connection.status
            let id = from == to ? "\(from) → \(to)" : "\(from) → \(to) · \(status?.apiValue ?? "unknown status")"
            var entry = buckets[id] ?? (from, to, status, Bucket())
            entry.bucket.statuses.append(connection.status?.apiValue ?? "unknown status")
            entry.bucket.count += 1
            entry.bucket.ids.append(connection.id)
            if let mbps = connection.bandwidthMbps {
                if mbps < 0 { entry.bucket.unlimited += 1 } else { entry.bucket.bandwidth += mbps }
            }
            buckets[id] = entry
        }
        let collapsedNodes = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { label in
            VPCNode(id: label, caption: [label, "\(members[label]!) VPC\(members[label]! == 1 ? "" : "s")"])
        }
        var collapsedEdges: [(PeeringConnection, Int)] = buckets.map { id, entry in
            let b = entry.bucket
            var name = "\(b.count) connection\(b.count == 1 ? "" : "s")"
            if b.unlimited > 0 && b.unlimited < b.count { name += " (\(b.unlimited) unlimited)" }
            var status = entry.status
            if entry.from == entry.to {
                // A loop: its statuses in its label, drawn in the style of the liveliest one.
                let counts = Dictionary(grouping: b.statuses, by: { $0 }).mapValues(\.count)
                name += " inside: " + counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
                status = counts["Activated"] != nil ? .activated : counts.keys.sorted().first.map(PeeringStatus.init(apiValue:))
            }
            let connection = PeeringConnection(
                id: id, name: name, description: b.ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ", "),
                requester: VPCEndpoint(vpcID: entry.from), accepter: VPCEndpoint(vpcID: entry.to),
                bandwidthMbps: b.unlimited == b.count && b.count > 0 ? -1 : b.bandwidth, status: status)
            return (connection, b.count)
        }
        collapsedEdges.sort { PeerGraph.edgeOrder($0.0, $1.0) }
        return PeerGraph(nodes: collapsedNodes, edges: collapsedEdges.map(\.0), grouping: .none, edgeCounts: collapsedEdges.map(\.1))
    }
}
