/// Merges copies of the same connection into one.
///
/// Pages of several regions list a cross-region peering in both regions, and users pass overlapping
/// snapshots. For each `InstanceId` the copy with the latest `GmtModified` wins; copies modified at the
/// same time are ranked by their content, so the result never depends on input order.
public enum ConnectionDeduplicator {
    /// One connection per id, sorted by id.
    public static func deduplicate(_ connections: [PeeringConnection]) -> [PeeringConnection] {
        var winners: [String: PeeringConnection] = [:]
        winners.reserveCapacity(connections.count)
        for connection in connections {
            if let current = winners[connection.id], !isPreferred(connection, over: current) { continue }
            winners[connection.id] = connection
        }
        return winners.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// True when `candidate` should replace `current`.
    static func isPreferred(_ candidate: PeeringConnection, over current: PeeringConnection) -> Bool {
        let candidateTime = candidate.modifiedAt ?? ""
        let currentTime = current.modifiedAt ?? ""
        if candidateTime != currentTime { return currentTime.utf8.lexicographicallyPrecedes(candidateTime.utf8) }
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
