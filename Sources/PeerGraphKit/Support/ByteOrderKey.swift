/// A string's place in byte order, as integers: its first 24 UTF-8 bytes big-endian in three words, and
/// its length.
///
/// Building a graph compares each connection's `GmtModified` with the best one so far at both of its
/// ends, 400,000 comparisons on a large mesh; comparing two keys is three integer comparisons instead
/// of borrowing two strings' storage. For strings of up to 24 bytes (every API timestamp and account id)
/// the key decides alone: of two strings equal in their zero-padded bytes the shorter is a prefix of the
/// other, so the length breaks the tie in byte order. Longer strings that tie on the words are compared
/// in full by the caller (`isExact` is false for them).
struct ByteOrderKey: Sendable {
    private var words: (UInt64, UInt64, UInt64)
    private var count: Int

    /// The key of `string`.
    init(_ string: String) {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = string.withBorrowedUTF8 { bytes in
            for position in 0..<24 {
                let byte = position < bytes.count ? UInt64(bytes[position]) : 0
                switch position {
                case 0..<8: words.0 = words.0 << 8 | byte
                case 8..<16: words.1 = words.1 << 8 | byte
                default: words.2 = words.2 << 8 | byte
                }
            }
            return bytes.count
        }
        self.words = words
        self.count = count
    }

    /// The byte order of the two strings when the keys decide it (negative, zero or positive), or nil
    /// when both are longer than 24 bytes and agree on those: then only the strings can tell.
    func order(comparedTo other: ByteOrderKey) -> Int? {
        if words.0 != other.words.0 { return words.0 < other.words.0 ? -1 : 1 }
        if words.1 != other.words.1 { return words.1 < other.words.1 ? -1 : 1 }
        if words.2 != other.words.2 { return words.2 < other.words.2 ? -1 : 1 }
        if count <= 24 || other.count <= 24 { return count - other.count }
        return nil
    }
}
