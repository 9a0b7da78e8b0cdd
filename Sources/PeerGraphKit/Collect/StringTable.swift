import Foundation

/// Hands out one stored `String` per distinct text, so that values repeated across thousands of
/// connections (VPC ids, account ids, resource groups) are held once instead of once per connection;
/// numbers its entries, and keeps one array per VPC of the blocks its connections repeat.
///
/// Strings of up to 15 UTF-8 bytes are stored inside the `String` value itself and need no table. Not
/// thread-safe: each decoding thread uses its own table.
final class StringTable {
    /// Open addressing, linear probing. A slot holds the top 32 bits of its string's hash (so most
    /// probes that miss are decided without touching the string) and its number plus one (0: an empty
    /// slot), and the stored string itself: a hit reads the slot and the string's bytes, nothing else.
    /// (With the strings in an array of their own, reading a hit's string from it was a second wait on
    /// memory per look-up: 29% of the look-up's time on L, where every connection names two VPCs.) A
    /// string's home slot is the top `bits` bits of its hash, which the slot's own tag holds: growing
    /// moves every entry without reading its string again. (Rehashing read each stored string from
    /// scattered memory, once per doubling: 4% of all CPU on L, where every connection has a resource
    /// group of its own.)
    private var slots: [Slot]
    private var bits: Int
    /// How many strings are stored; the next one's number.
    private var count = 0
    /// The latest block list of each VPC and family, by `vpc * 2 + family` (see `sharedBlocks`).
    private var blockLists: [[String]] = []

    private struct Slot {
        /// The top 32 bits of the hash, and the number plus one in the low 32; 0: empty.
        var key: UInt64 = 0
        /// The stored string; empty in an empty slot.
        var string = ""
    }

    init(capacity: Int = 64) {
        bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(), count: 1 << bits)
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
        while slots[slot].key != 0 {
            if slots[slot].key & 0xFFFF_FFFF_0000_0000 == tag, Self.equal(slots[slot].string, utf8) {
                return (slots[slot].string, Int(slots[slot].key & 0xFFFF_FFFF) - 1)
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: utf8, as: UTF8.self)
        count += 1
        slots[slot] = Slot(key: tag | UInt64(count), string: string)
        if count * 2 > slots.count { grow() }
        return (string, count - 1)
    }

    /// The decimal digits of `value` (an account id), stored once like any other string.
    ///
    /// A mesh has few accounts, each named by thousands of connections: a small cache by value answers
    /// most of them without hashing the digits, probing the table or comparing bytes, where the table's
    /// slots, shared with every other string, have long left the processor's cache. (On L, with 1,000
    /// accounts, reading account ids took 6.9% of all CPU, 4.4 points of it in the table's look-up and
    /// its memcmp; with the cache, 5.2%, most of it the retain of the string handed out.) Equal values
    /// have equal digits, so the cache only answers what the table would. `StringTableTests` holds it
    /// to `String(value)`.
    func decimalText(_ value: UInt64) -> String {
        if recentDecimals.isEmpty {
            recentDecimals = Array(repeating: DecimalSlot(value: 0, text: nil), count: 1 << Self.decimalCacheBits)
        }
        let slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.decimalCacheBits))
        if let text = recentDecimals[slot].text, recentDecimals[slot].value == value { return text }
        // UInt64.max has 20 digits.
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var start = scratch.count
            var rest = value
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return string(for: UnsafeBufferPointer(rebasing: scratch[start...]))
        }
        recentDecimals[slot] = DecimalSlot(value: value, text: text)
        return text
    }

    /// One entry of the account id cache: the latest value whose slot this is, and its digits.
    private struct DecimalSlot {
        var value: UInt64
        var text: String?
    }

    /// The account id cache, by the top bits of a multiplicative hash of the value; allocated when the
    /// first account id is read (4,096 slots of 24 bytes).
    private var recentDecimals: [DecimalSlot] = []
    private static let decimalCacheBits = 12

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
        // The home slot comes from the tag's 32 bits; 2^32 slots would be 96 GiB of table.
        precondition(bits < 32, "string table larger than 2^32 slots")
        var old = Array(repeating: Slot(), count: 1 << (bits + 1))
        swap(&old, &slots)
        bits += 1
        let mask = slots.count - 1
        for index in old.indices where old[index].key != 0 {
            var slot = home(old[index].key)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            // Swapped, not copied: the string moves without being retained here and released with
            // the old table, which would read every stored string's memory once per doubling.
            slots[slot].key = old[index].key
            swap(&slots[slot].string, &old[index].string)
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
