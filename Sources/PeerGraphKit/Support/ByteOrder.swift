import Foundation

/// Byte-order (UTF-8) comparison of strings, the order peergraph sorts everything by. Swift's `<` on
/// strings compares Unicode-canonically, which is slower and not byte order.
public enum ByteOrder {
    /// True when `a` sorts before `b` by their UTF-8 bytes.
    @inline(__always)
    public static func less(_ a: String, _ b: String) -> Bool {
        // Borrow the UTF-8 storage (no copy for native strings); fall back for bridged ones.
        let result = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                if common > 0 {
                    let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
        return (result ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Each distinct string's rank in byte order: sort once, then compare integers.
    public static func ranks<S: Sequence>(of strings: S) -> [String: Int] where S.Element == String {
        let distinct = Array(Set(strings)).sorted(by: less)
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(distinct.count)
        for (rank, string) in distinct.enumerated() { ranks[string] = rank }
        return ranks
    }
}
