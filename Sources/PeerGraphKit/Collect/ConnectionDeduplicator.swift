/// Merges copies of the same connection into one.
///
/// Pages of several regions list a cross-region peering in both regions, and users pass overlapping
/// snapshots. For each `InstanceId` the copy with the latest `GmtModified` wins; copies modified at the
/// same time are ranked by their content, so the result never depends on input order.
public enum ConnectionDeduplicator {
    /// One connection per id, sorted by id.
    public static func deduplicate(_ connections: [PeeringConnection]) -> [PeeringConnection] {
        // Indices, not values: connections are large and copying them is what costs.
        var winners: [String: Int] = [:]
        winners.reserveCapacity(connections.count)
        for index in connections.indices {
            let id = connections[index].id
            if let current = winners[id], !isPreferred(connections[index], over: connections[current]) { continue }
            winners[id] = index
        }
        var kept = Array(winners.values)
        connections.withUnsafeBufferPointer { connections in
            kept.sort { ByteOrder.less(connections[$0].id, connections[$1].id) }
        }
        return kept.map { connections[$0] }
    }

    /// True when `candidate` should replace `current`.
    static func isPreferred(_ candidate: PeeringConnection, over current: PeeringConnection) -> Bool {
        let candidateTime = candidate.modifiedAt ?? ""
        let currentTime = current.modifiedAt ?? ""
        if candidateTime != currentTime { return ByteOrder.less(currentTime, candidateTime) }
        if candidate == current { return false }
        return tieBreakKey(current).lexicographicallyPrecedes(tieBreakKey(candidate))
    }

    /// A total order over the content of two copies with the same modification time.
    private static func tieBreakKey(_ connection: PeeringConnection) -> [UInt8] {
        let fields: [String?] = [
            connection.status?.apiValue, connection.businessStatus?.apiValue, connection.bandwidthMbps.map(String.init),
            connection.name, connection.description, connection.expiresAt, connection.createdAt,
            connection.requester.vpcID, connection.accepter.vpcID,
            connection.requester.ipv4CIDRs.joined(separator: ","), connection.requester.ipv6CIDRs.joined(separator: ","),
            connection.accepter.ipv4CIDRs.joined(separator: ","), connection.accepter.ipv6CIDRs.joined(separator: ","),
            connection.requesterRegion, connection.accepterRegion, connection.requesterOwner, connection.accepterOwner,
            connection.resourceGroupID, connection.linkType,
            connection.tags.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"),
        ]
        var key: [UInt8] = []
        for field in fields {
            // Presence first, so that nil and "" differ.
            key.append(field == nil ? 0 : 1)
            key.append(contentsOf: field?.utf8 ?? "".utf8)
            key.append(0)
        }
        return key
    }
}
