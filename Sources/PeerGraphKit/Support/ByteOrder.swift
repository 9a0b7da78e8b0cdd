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
                // One stored string (a `StringTable` hands out the same storage for every repeat of an id):
                // equal without reading the bytes, which are far away in memory.
                if left.baseAddress == right.baseAddress { return left.count - right.count }
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
    ///
    /// Sorted in two steps, because the callers' majors are either all equal (one run: a sort of ids) or
    /// nearly all distinct (edges keyed by the ranks of their ends, where only parallel edges tie): first by
    /// `(major, index)`, integers only, then each run of equal majors by its strings. `string` is called
    /// only for indices in runs, and each of those strings' first 24 bytes is read once into a `ByteOrderKey`,
    /// so comparing two ids of up to 24 bytes is comparing integers.
    package static func sortedIndices(count: Int, major: (Int) -> UInt64, string: (Int) -> String) -> [Int] {
        var byMajor = (0..<count).map { MajorKey(major: major($0), index: $0) }
        byMajor.sort { ($0.major, $0.index) < ($1.major, $1.index) }
        var order = byMajor.map(\.index)
        var runStart = 0
        while runStart < count {
            var runEnd = runStart + 1
            while runEnd < count, byMajor[runEnd].major == byMajor[runStart].major { runEnd += 1 }
            if runEnd - runStart > 1 { sortRun(&order[runStart..<runEnd], string: string) }
            runStart = runEnd
        }
        return order
    }

    /// Sorts indices (already in ascending order) by the byte order of their strings, then by index.
    private static func sortRun(_ run: inout ArraySlice<Int>, string: (Int) -> String) {
        var keys = run.map { SortKey(key: ByteOrderKey(string($0)), index: $0) }
        sort(&keys, string: string)
        for (position, key) in zip(run.indices, keys) { run[position] = key.index }
    }

    private static func sort(_ keys: inout [SortKey], string: (Int) -> String) {
        keys.sort { a, b in
            let order = a.key.order(comparedTo: b.key) ?? compare(string(a.index), string(b.index))
            return order != 0 ? order < 0 : a.index < b.index
        }
    }

    private struct MajorKey {
        var major: UInt64
        var index: Int
    }

    private struct SortKey {
        var key: ByteOrderKey
        var index: Int
    }
}
