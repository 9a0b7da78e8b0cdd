/// Merges copies of the same connection into one.
///
/// Pages of several regions list a cross-region peering in both regions, and users pass overlapping
/// snapshots. For each `InstanceId` (byte for byte) the copy with the latest `GmtModified` wins; copies
/// modified at the same time are ranked by their content, so the winner never depends on input order.
package enum ConnectionDeduplicator {
    /// One connection per id, in the order the ids first appear.
    ///
    /// Found by hashing the id's bytes, not by sorting: no consumer needs connections by id (the graph,
    /// the diff and the checks each put them in their own order), and the result stays in input order.
    /// (The sort by id took 60–70 ms of L on one core.)
    ///
    /// Reading each connection's box and id waits on memory, so the hashes are computed on every core
    /// first. The table then holds, a slot a word, the top 32 bits of an id's hash and the index of the
    /// copy kept for it plus one (0: empty): a probe touches a connection only when the tags match, and
    /// input without duplicates (the usual case for one region's pages) comes back as it is, without
    /// retaining each connection into a new array. The hash is the standard library's seeded one: ids
    /// crafted to collide (they are untrusted) cannot make the probing quadratic.
    /// `ConnectionDeduplicatorTests` holds it to a dictionary by id.
    package static func deduplicate(_ connections: [PeeringConnection]) -> [PeeringConnection] {
        precondition(connections.count < 1 << 31, "more than 2^31 connections")
        let hashes = [UInt64](concurrentlyMapping: connections.count) { hash(connections[$0].id) }
        var bits = 4
        while 1 << bits < connections.count * 2 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        // For each distinct id in first-seen order, the index of the copy kept.
        var kept: [Int] = []
        kept.reserveCapacity(connections.count)
        for index in connections.indices {
            let tag = hashes[index] & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: tag >> (64 - bits))
            while true {
                let entry = slots[slot]
                if entry == 0 {
                    kept.append(index)
                    slots[slot] = tag | UInt64(kept.count)
                    break
                }
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if entry & 0xFFFF_FFFF_0000_0000 == tag, connections[index].id == connections[kept[position]].id {
                    if isPreferred(connections[index], over: connections[kept[position]]) { kept[position] = index }
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        // No duplicates: every index kept, in order.
        if kept.count == connections.count { return connections }
        let winners = kept
        return [PeeringConnection](concurrentlyMapping: winners.count) { connections[winners[$0]] }
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
