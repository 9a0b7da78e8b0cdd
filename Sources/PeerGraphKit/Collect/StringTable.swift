import Foundation

/// Hands out one stored `String` per distinct text, so that values repeated across thousands of
/// connections (VPC ids, account ids, resource groups) are held once instead of once per connection;
/// numbers its entries, and keeps one array per VPC of the blocks its connections repeat.
///
/// Strings of up to 15 UTF-8 bytes are stored inside the `String` value itself and need no table. Not
/// thread-safe: each decoding thread uses its own table.
final class StringTable {
    /// Open addressing, linear probing. A slot holds the top 32 bits of its string's hash (so most
    /// probes that miss are decided without touching the string) and its index in `strings` plus one;
    /// 0 is an empty slot. A string's home slot is the top `bits` bits of its hash, which the slot's
    /// own tag holds: growing moves every entry without reading its string again. (Rehashing read each
    /// stored string from scattered memory, once per doubling: 4% of all CPU on L, where every
    /// connection has a resource group of its own.)
    private var slots: [UInt64]
    private var bits: Int
    private var strings: [String] = []
    /// The latest block list of each VPC and family, by `vpc * 2 + family` (see `sharedBlocks`).
    private var blockLists: [[String]] = []

    init(capacity: Int = 64) {
        bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
    }

    /// The stored string equal to `utf8` (valid UTF-8), storing it first if it is new.
    func string(for utf8: UnsafeBufferPointer<UInt8>) -> String { entry(for: utf8).string }

    /// The stored string equal to `utf8` (valid UTF-8) and its number in this table, storing it first
    /// if it is new. Strings of up to 15 bytes are not stored and have no number.
    func entry(for utf8: UnsafeBufferPointer<UInt8>) -> (string: String, number: Int?) {
        if utf8.count <= 15 { return (String(decoding: utf8, as: UTF8.self), nil) }
        let tag = Self.hash(utf8) & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = home(tag)
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if Self.equal(strings[index], utf8) { return (strings[index], index) }
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: utf8, as: UTF8.self)
        strings.append(string)
        slots[slot] = tag | UInt64(strings.count)
        if strings.count * 2 > slots.count { grow() }
        return (string, strings.count - 1)
    }

    /// `blocks`, or an equal list given before for the same VPC and family: the connections of one VPC
    /// repeat its blocks, and sharing one array per VPC instead of one per connection end saves an
    /// allocation for each of 400,000 ends (24 MiB less peak memory on L). `vpc` is the number of the VPC id's
    /// entry; `family` is 0 for IPv4, 1 for IPv6. Only an equal list is ever handed back.
    func sharedBlocks(_ blocks: [String], vpc: Int, family: Int) -> [String] {
        guard !blocks.isEmpty else { return blocks }
        let slot = vpc * 2 + family
        if slot >= blockLists.count {
            blockLists.append(
                contentsOf: repeatElement([], count: max(slot + 1, blockLists.count * 2) - blockLists.count))
        }
        if ByteOrder.sameList(blockLists[slot], blocks) { return blockLists[slot] }
        blockLists[slot] = blocks
        return blocks
    }

    /// The first slot to probe for an entry or hash with the top 32 bits `tag`.
    private func home(_ tag: UInt64) -> Int { Int(truncatingIfNeeded: tag >> (64 - bits)) }

    private func grow() {
        // The home slot comes from the tag's 32 bits; 2^32 slots would be 32 GiB of table.
        precondition(bits < 32, "string table larger than 2^32 slots")
        let old = slots
        bits += 1
        slots = Array(repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = home(entry)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    private static func equal(_ string: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        string.withBorrowedUTF8 {
            guard $0.count == utf8.count else { return false }
            guard let left = $0.baseAddress, let right = utf8.baseAddress else { return true }  // both empty
            return memcmp(left, right, utf8.count) == 0
        }
    }

    /// The standard library's seeded hash: input crafted to collide (the text is untrusted) cannot
    /// turn the table's probing quadratic.
    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
