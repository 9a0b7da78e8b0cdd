/// Merges copies of the same connection into one.
///
/// Pages of several regions list a cross-region peering in both regions, and users pass overlapping
/// snapshots. For each `InstanceId` the copy with the latest `GmtModified` wins; copies modified at the
/// same time are ranked by their content, so the result never depends on input order.
package enum ConnectionDeduplicator {
    /// One connection per id, sorted by id.
    package static func deduplicate(_ connections: [PeeringConnection]) -> [PeeringConnection] {
        // Sorted by id (stable, so each run of equal ids stays in input order), then one pass keeps the
        // preferred connection of each run: the result is sorted by id, and nothing is hashed.
        // Each id's key is made once, in input order (where the connections lie in memory), and serves both
        // the sort and the comparison of neighbours: real ids fit a key whole, so the ids themselves,
        // scattered in memory once sorted, are read again only for longer ones.
        let keys = connections.map { ByteOrderKey($0.id.text) }
        let order = ByteOrder.sortedIndices(keys: keys, string: { connections[$0].id.text })
        func sameID(_ a: Int, _ b: Int) -> Bool {
            let order =
                keys[a].order(comparedTo: keys[b]) ?? ByteOrder.compare(connections[a].id.text, connections[b].id.text)
            return order == 0
        }
        var kept: [PeeringConnection] = []
        kept.reserveCapacity(connections.count)
        var runStart = 0
        while runStart < order.count {
            var winner = order[runStart]
            var next = runStart + 1
            while next < order.count, sameID(order[next], winner) {
                if isPreferred(connections[order[next]], over: connections[winner]) { winner = order[next] }
                next += 1
            }
            kept.append(connections[winner])
            runStart = next
        }
        return kept
    }

    static func isPreferred(_ candidate: PeeringConnection, over current: PeeringConnection) -> Bool {
        let candidateTime = candidate.modifiedAt ?? ""
        let currentTime = current.modifiedAt ?? ""
        if candidateTime != currentTime { return ByteOrder.less(currentTime, candidateTime) }
        // Byte for byte identical copies compare equal here, and the first one stays.
        return tieBreakKey(current).lexicographicallyPrecedes(tieBreakKey(candidate))
    }

    private static let tieBreakFields = ConnectionField.with(.tieBreak)

    /// A total order over the content of two copies with the same modification time.
    private static func tieBreakKey(_ connection: PeeringConnection) -> [UInt8] {
        var key: [UInt8] = []
        for field in tieBreakFields {
            field.withValue(of: connection) { value in
                // Presence first, so that nil and "" differ.
                key.append(value == nil ? 0 : 1)
                key.append(contentsOf: value?.utf8 ?? "".utf8)
                key.append(0)
            }
        }
        return key
    }
}
