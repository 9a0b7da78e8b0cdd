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
        (words, count) = string.withBorrowedUTF8 { bytes in
            ((Self.word(bytes, at: 0), Self.word(bytes, at: 8), Self.word(bytes, at: 16)), bytes.count)
        }
    }

    /// The eight bytes from `start`, big-endian, zero past the end. A whole word is one load instead of
    /// eight shifts: keys are made for every connection (the dedupe, the graph's modification times) and
    /// every id sorted, in passes where the time is the wait for scattered strings, and a short loop body
    /// lets the processor wait for several at once. `byteByByte` is the plain version, which
    /// `ByteOrderKeyTests` holds this to.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt64 {
        guard bytes.count >= start + 8 else { return byteByByte(bytes, at: start) }
        return UInt64(bigEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    /// `word`, one byte at a time.
    static func byteByByte(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt64 {
        var word: UInt64 = 0
        for position in start..<start + 8 { word = word << 8 | (position < bytes.count ? UInt64(bytes[position]) : 0) }
        return word
    }

    /// The key made one byte at a time (the plain version, for tests).
    static func byteByByte(_ string: String) -> ByteOrderKey {
        string.withBorrowedUTF8 { bytes in
            ByteOrderKey(
                words: (byteByByte(bytes, at: 0), byteByByte(bytes, at: 8), byteByByte(bytes, at: 16)),
                count: bytes.count)
        }
    }

    private init(words: (UInt64, UInt64, UInt64), count: Int) {
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

extension ByteOrderKey: Equatable {
    /// The same words and length: the same first 24 bytes and length.
    static func == (lhs: ByteOrderKey, rhs: ByteOrderKey) -> Bool {
        lhs.words == rhs.words && lhs.count == rhs.count
    }
}
