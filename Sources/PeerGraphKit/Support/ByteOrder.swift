import Foundation

/// Byte-order (UTF-8) comparison of strings, the order peergraph sorts everything by. Swift's `<` on
/// strings compares Unicode-canonically, which is slower and not byte order.
package enum ByteOrder {
    /// True when `a` sorts before `b` by their UTF-8 bytes.
    @inline(__always)
    package static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// True when `a` and `b` have the same UTF-8 bytes. Swift's `==` on strings is Unicode canonical
    /// equivalence ("é" == "e\u{301}"); ids are byte strings, and two that differ in bytes are two ids.
    @inline(__always)
    package static func same(_ a: String, _ b: String) -> Bool { compare(a, b) == 0 }

    /// Both absent, or both present and equal byte for byte.
    package static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): same(a, b)
        default: false
        }
    }

    /// The same strings in the same order, byte for byte.
    package static func sameList(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }

    /// The byte order of `a` and `b`: negative, zero or positive.
    package static func compare(_ a: String, _ b: String) -> Int {
        // Borrow the UTF-8 storage (no copy for native strings); fall back for bridged ones.
        let result = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                if common > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                    let order = memcmp(leftBase, rightBase, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
        if let order = result ?? nil { return order }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// The indices of `strings` in the byte order of the strings they point at (stable: equal strings
    /// keep their order).
    ///
    /// Sorting hundreds of thousands of ids is a large part of building a graph, so each string's first
    /// eight bytes are read once into an integer; most comparisons are then one integer comparison, and
    /// only strings that share those bytes are compared in full.
    package static func sortedIndices(of strings: [String]) -> [Int] {
        sortedIndices(count: strings.count, major: { _ in 0 }, string: { strings[$0] })
    }

    /// The indices `0 ..< count` sorted by `major` first, then by the byte order of `string`, then by index.
    package static func sortedIndices(count: Int, major: (Int) -> UInt64, string: (Int) -> String) -> [Int] {
        var keys = (0..<count).map { index in
            SortKey(major: major(index), prefix: prefix(of: string(index)), index: index)
        }
        keys.sort { a, b in
            if a.major != b.major { return a.major < b.major }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let order = compare(string(a.index), string(b.index))
            return order != 0 ? order < 0 : a.index < b.index
        }
        return keys.map(\.index)
    }

    private struct SortKey {
        var major: UInt64
        var prefix: UInt64
        var index: Int
    }

    /// The first eight UTF-8 bytes as a big-endian integer, zero-padded: comparing two prefixes gives
    /// the byte order of the strings whenever the prefixes differ.
    private static func prefix(of string: String) -> UInt64 {
        var result: UInt64 = 0
        var taken = 0
        for byte in string.utf8.prefix(8) {
            result = result << 8 | UInt64(byte)
            taken += 1
        }
        return taken == 0 ? 0 : result << (8 * (8 - UInt64(taken)))
    }
}
