/// Numbers strings in order of first appearance, byte for byte: equal bytes, one number.
///
/// The decoder hands out one stored string for every repeat of an id (`StringTable`), so most ids
/// repeat the storage of one numbered before. Such a string is found by the address and length of its
/// bytes, which the `String` value itself holds: its bytes are not read, hashed or compared. Those
/// bytes lie scattered over the heap; finding each of L's 400,000 VPC ends by its bytes took 240–280 ms
/// of the graph, on one thread. Any other string is found by its bytes, and its storage remembered.
///
/// The same address and length is the same bytes in memory: the caller holds every string numbered
/// while the numbering lives, so no storage is freed and reused under a remembered address.
/// `FirstSeenNumberingTests` holds this to a plain byte-keyed dictionary.
struct FirstSeenNumbering {
    /// The distinct strings, by number.
    private(set) var strings: [String] = []
    private var byBytes: [ExactText: Int] = [:]
    /// Open addressing, linear probing, two words a slot: a stored string's bytes address, and its
    /// length in the high 32 bits and its number plus one in the low 32 (0: an empty slot). One slot is
    /// one memory read, where a `Dictionary` reads its bitmap, keys and values apart.
    private var slots: [UInt64] = Array(repeating: 0, count: 2 * 1024)
    private var used = 0

    /// A numbering with room for `capacity` distinct strings found by their bytes before it grows:
    /// growing hashes every stored string again, from scattered memory. (On L, room for half the
    /// connections, 3 MiB, took the graph from 434 to 359 ms, medians of 6 alternating runs.)
    init(capacity: Int = 0) { byBytes.reserveCapacity(capacity) }

    /// The number of `string`, numbering it if it is new.
    mutating func number(_ string: String) -> Int { number(string, storedAt: Self.storageKey(of: string)) }

    /// `number(string)`, given `storageKey(of: string)`: the caller may find the keys of many strings
    /// first, on every core (`PeerGraph` does), and then number them here in order.
    mutating func number(_ string: String, storedAt key: StorageKey?) -> Int {
        guard let key else { return numberByBytes(string) }
        switch probe(key) {
        case .numbered(let number): return number
        case .empty(let slot):
            let number = numberByBytes(string)
            guard number < 0xFFFF_FFFF else { return number }  // past what a slot holds: by bytes only
            slots[2 * slot] = key.address
            slots[2 * slot + 1] = key.count << 32 | UInt64(number + 1)
            used += 1
            if used * 2 > slots.count / 2 { grow() }
            return number
        }
    }

    /// The number of the string whose bytes are stored at `key`, if such a string was numbered: reads
    /// nothing but the numbering's own slots, so a caller holding the keys need not touch the string.
    func number(storedAt key: StorageKey) -> Int? {
        if case .numbered(let number) = probe(key) { return number }
        return nil
    }

    /// Where a string's own bytes lie: their address and length.
    struct StorageKey: BitwiseCopyable {
        var address: UInt64
        var count: UInt64
    }

    private enum Probe {
        case numbered(Int)
        case empty(slot: Int)
    }

    private func probe(_ key: StorageKey) -> Probe {
        let mask = slots.count / 2 - 1
        var slot = Self.home(key.address, mask: mask)
        while slots[2 * slot + 1] != 0 {
            if slots[2 * slot] == key.address, slots[2 * slot + 1] >> 32 == key.count {
                return .numbered(Int(slots[2 * slot + 1] & 0xFFFF_FFFF) - 1)
            }
            slot = (slot + 1) & mask
        }
        return .empty(slot: slot)
    }

    private mutating func numberByBytes(_ string: String) -> Int {
        if let known = byBytes[ExactText(string)] { return known }
        byBytes[ExactText(string)] = strings.count
        strings.append(string)
        return strings.count - 1
    }

    /// The address and length of a string's own stored bytes; nil for a string of up to 15 bytes, which
    /// may be small (kept inside the `String` value, where a borrowed pointer is to a temporary copy).
    /// Reads only the `String` value, not its bytes.
    static func storageKey(of string: String) -> StorageKey? {
        guard string.utf8.count > 15, string.utf8.count < 1 << 31 else { return nil }
        return string.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { StorageKey(address: UInt64(UInt(bitPattern: $0)), count: UInt64(bytes.count)) }
        } ?? nil
    }

    /// Fibonacci hashing of the address: allocations are 16-byte aligned, so the low bits are all
    /// alike; the multiplication mixes the bits that differ into the upper half, of which `mask` keeps
    /// the slot. Addresses come from the allocator, not from the input.
    private static func home(_ address: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count / 2 - 1
        for slot in 0..<old.count / 2 where old[2 * slot + 1] != 0 {
            var target = Self.home(old[2 * slot], mask: mask)
            while slots[2 * target + 1] != 0 { target = (target + 1) & mask }
            slots[2 * target] = old[2 * slot]
            slots[2 * target + 1] = old[2 * slot + 1]
        }
    }
}
