/// Tests eight bytes at once (SWAR: SIMD within a register), so that escapers skip runs of plain text
/// a word at a time instead of comparing each byte with every special value.
///
/// Each test is exact about whether *some* byte of the word matches, which is all the escapers ask:
/// they then look at those eight bytes one by one. `WordScanTests` checks every test against a plain
/// byte loop.
package enum WordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index` of `bytes`, or nil when fewer than eight are left. Bounds-checked:
    /// the load never reads past the buffer.
    @inline(__always)
    package static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        guard index >= 0, index <= bytes.count &- 8, let base = bytes.baseAddress else { return nil }
        return UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte of `word` is below `limit` (at most 128).
    @inline(__always)
    package static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is `value`.
    @inline(__always)
    package static func hasByte(_ word: UInt64, equalTo value: UInt8) -> Bool {
        let difference = word ^ (ones &* UInt64(value))
        return (difference &- ones) & ~difference & highBits != 0
    }

    /// Whether some byte of `word` is 0x80 or above (not ASCII).
    @inline(__always)
    package static func hasNonASCII(_ word: UInt64) -> Bool { word & highBits != 0 }
}
