/// Ways to narrow or reshape the connections before drawing: focus on a VPC, redact account ids and
/// CIDR blocks for public documents, collapse a big mesh to regions or accounts.
package enum GraphTransforms {
    /// The connections within `depth` hops of `vpcID` (either direction).
    package static func focus(
        _ connections: [PeeringConnection], on vpcIDs: [String], depth: Int
    ) -> [PeeringConnection] {
        var adjacency: [ExactText: [ExactText]] = [:]
        for c in connections {
            adjacency[ExactText(c.requester.vpcID.text), default: []].append(ExactText(c.accepter.vpcID.text))
            adjacency[ExactText(c.accepter.vpcID.text), default: []].append(ExactText(c.requester.vpcID.text))
        }
        var reached = Set(vpcIDs.map(ExactText.init))
        var frontier = Array(reached)
        for _ in 0..<depth {
            frontier = frontier.flatMap { adjacency[$0] ?? [] }.filter { reached.insert($0).inserted }
        }
        // Every connection whose both ends were reached.
        return connections.filter {
            reached.contains(ExactText($0.requester.vpcID.text)) && reached.contains(ExactText($0.accepter.vpcID.text))
        }
    }

    /// Replaces owner account ids (and, with `cidrs`, CIDR blocks) by stable pseudonyms: the same id
    /// always gives the same pseudonym (a keyed hash, `salt` being the key), so redacted snapshots
    /// still diff, but the id cannot be read back.
    package static func redact(_ connections: [PeeringConnection], cidrs: Bool, salt: String) -> [PeeringConnection] {
        func pseudonym(_ prefix: String, _ value: String) -> String { Self.pseudonym(prefix, value, salt: salt) }
        func endpoint(_ e: VPCEndpoint) -> VPCEndpoint {
            guard cidrs else { return e }
            return VPCEndpoint(
                vpcID: e.vpcID, ipv4CIDRs: e.ipv4CIDRs.map { pseudonym("cidr4-", $0) },
                ipv6CIDRs: e.ipv6CIDRs.map { pseudonym("cidr6-", $0) })
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

extension GraphTransforms {
    /// The pseudonym `redact` gives `value` (`account-…`, `cidr4-…`).
    package static func pseudonym(_ prefix: String, _ value: String, salt: String) -> String {
        prefix
            + HMACSHA256.authenticationCode(key: Array(("peergraph-redact:" + salt).utf8), message: Array(value.utf8))
            .hexString.prefix(10)
    }

    /// The account ids `redact` would give the accounts `ids`.
    package static func redactedAccounts(_ ids: Set<String>?, salt: String) -> Set<String>? {
        ids.map { Set($0.map { pseudonym("account-", $0, salt: salt) }) }
    }
}

extension PeerGraph {
    /// The aggregated graph: one node per region, account or region+account, one edge per
    /// (from, to, status, locked or not) carrying the number of connections and their total bandwidth.
    /// Connections inside one group become a single loop per group with the statuses in its label,
    /// because renderers (mermaid) draw several loops on one node as one.
    ///
    /// Groups and buckets are keyed by their parts byte for byte, never by label text: a label can
    /// contain the text that joins the parts of another (`x → y` + `z` against `x` + `y → z`). A bucket
    /// with a FinancialLocked connection is locked, so the collapsed edge stays the most visible one.
    package func collapsed(by key: GroupingKey, names: NameMap = NameMap()) -> PeerGraph {
        let labelOf = nodes.map { ExactText(key.label(of: $0, names: names) ?? "unknown") }
        var members: [ExactText: Int] = [:]
        for label in labelOf { members[label, default: 0] += 1 }
        struct BucketKey: Hashable {
            var from: ExactText
            var to: ExactText
            var status: ExactText?
            var locked: Bool
        }
        struct Bucket {
            var count = 0
            var bandwidth: Int64 = 0
            var unlimited = 0
            var ids: [String] = []
            var statuses: [ExactText] = []
        }
        var buckets: [BucketKey: Bucket] = [:]
        for (connection, ends) in zip(edges, edgeEndpoints) {
            let from = labelOf[ends.requester], to = labelOf[ends.accepter]
            let locked = connection.businessStatus == .financialLocked
            let bucketKey = BucketKey(
                from: from, to: to, status: from == to ? nil : connection.status.map { ExactText($0.apiValue) },
                locked: locked)
            var bucket = buckets[bucketKey] ?? Bucket()
            bucket.statuses.append(ExactText(connection.status?.apiValue ?? "unknown status"))
            bucket.count += 1
            bucket.ids.append(connection.id.text)
            if let mbps = connection.bandwidthMbps {
                if mbps < 0 { bucket.unlimited += 1 } else { bucket.bandwidth += mbps }
            }
            buckets[bucketKey] = bucket
        }
        // A group is external when every VPC in it is (an account that was not listed, grouped by owner).
        var internalLabels: Set<ExactText> = []
        for (index, label) in labelOf.enumerated() where !nodes[index].isExternal { internalLabels.insert(label) }
        let collapsedNodes = members.keys.sorted().map { label in
            var node = VPCNode(
                id: VPCID(label.string), caption: [label.string, Plural.count(members[label] ?? 0, "VPC")])
            node.isExternal = !internalLabels.contains(label)
            return node
        }
        var collapsedEdges: [(connection: PeeringConnection, aggregate: EdgeAggregate, key: BucketKey)] = buckets.map {
            bucketKey, b in
            var name = Plural.count(b.count, "connection")
            if b.unlimited > 0 && b.unlimited < b.count { name += " (\(b.unlimited) unlimited)" }
            var status = bucketKey.status.map { PeeringStatus(apiValue: $0.string) }
            if bucketKey.from == bucketKey.to {
                // A loop: its statuses in its label, drawn in the style of the liveliest one.
                var counts: [ExactText: Int] = [:]
                for status in b.statuses { counts[status, default: 0] += 1 }
                name +=
                    " inside: " + counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0.string)" }.joined(separator: ", ")
                status =
                    counts[ExactText("Activated")] != nil
                    ? .activated : counts.keys.sorted().first.map { PeeringStatus(apiValue: $0.string) }
            }
            let connection = PeeringConnection(
                id: ConnectionID(
                    Self.collapsedEdgeID(
                        bucketKey.from.string, bucketKey.to.string, status: bucketKey.status?.string,
                        locked: bucketKey.locked)),
                name: name, description: b.ids.sorted(by: ByteOrder.less).joined(separator: ", "),
                requester: VPCEndpoint(vpcID: VPCID(bucketKey.from.string)),
                accepter: VPCEndpoint(vpcID: VPCID(bucketKey.to.string)),
                bandwidthMbps: b.unlimited == b.count && b.count > 0 ? -1 : b.bandwidth, status: status,
                businessStatus: bucketKey.locked ? .financialLocked : nil)
            var statusCounts: [ExactText: Int] = [:]
            for status in b.statuses { statusCounts[status, default: 0] += 1 }
            let aggregate = EdgeAggregate(
                count: b.count, unlimitedCount: b.unlimited, bandwidthMbps: b.bandwidth, statusCounts: statusCounts,
                isLocked: bucketKey.locked, memberIDs: b.ids.sorted(by: ByteOrder.less))
            return (connection, aggregate, bucketKey)
        }
        // Ordered by the key's parts (the id is display text and may tie).
        collapsedEdges.sort { a, b in
            if a.key.from != b.key.from { return a.key.from < b.key.from }
            if a.key.to != b.key.to { return a.key.to < b.key.to }
            let left = a.key.status?.string ?? "", right = b.key.status?.string ?? ""
            if !ByteOrder.same(left, right) { return ByteOrder.less(left, right) }
            return !a.key.locked && b.key.locked
        }
        return PeerGraph(
            nodes: collapsedNodes, edges: collapsedEdges.map(\.connection), aggregates: collapsedEdges.map(\.aggregate))
    }

    /// The text that stands for a collapsed edge where an id is shown (tooltips, GraphML).
    static func collapsedEdgeID(_ from: String, _ to: String, status: String?, locked: Bool) -> String {
        var id = "\(from) → \(to)"
        if !ByteOrder.same(from, to) || status != nil { id += " · \(status ?? "unknown status")" }
        if locked { id += " · FinancialLocked" }
        return id
    }
}
