/// Merges copies of the same connection into one.
///
/// Pages of several regions list a cross-region peering in both regions, and users pass overlapping
/// snapshots. For each `InstanceId` (byte for byte) the copy with the latest `GmtModified` wins; copies
/// modified at the same time are ranked by their content, so the winner never depends on input order.
package enum ConnectionDeduplicator {
    /// One connection per id, in the order the ids first appear.
    ///
    /// Found by hashing the id's bytes, not by sorting: no consumer needs connections by id (the graph,
    /// the diff and the checks each put them in their own order), and the result stays in input order,
    /// where the connections lie in memory one after another, for the passes that read them next. (The
    /// sort by id took 60–70 ms of L on one core, and left the graph reading its connections in random
    /// order.) The table holds, a slot a word, the top 32 bits of an id's hash and its position in the
    /// result plus one (0: empty), so most probes that miss touch no connection. The hash is the standard
    /// library's seeded one: ids crafted to collide (they are untrusted) cannot make the probing quadratic.
    /// `ConnectionDeduplicatorTests` holds it to a plain list search.
    package static func deduplicate(_ connections: [PeeringConnection]) -> [PeeringConnection] {
        precondition(connections.count < 1 << 31, "more than 2^31 connections")
        var bits = 4
        while 1 << bits < connections.count * 2 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        var kept: [PeeringConnection] = []
        kept.reserveCapacity(connections.count)
        for connection in connections {
            let tag = hash(connection.id) & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: tag >> (64 - bits))
            while true {
                let entry = slots[slot]
                if entry == 0 {
                    kept.append(connection)
                    slots[slot] = tag | UInt64(kept.count)
                    break
                }
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if entry & 0xFFFF_FFFF_0000_0000 == tag, connection.id == kept[position].id {
                    if isPreferred(connection, over: kept[position]) { kept[position] = connection }
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return kept
    }

    private static func hash(_ id: ConnectionID) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(id)  // its bytes
        return UInt64(UInt(bitPattern: hasher.finalize()))
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
