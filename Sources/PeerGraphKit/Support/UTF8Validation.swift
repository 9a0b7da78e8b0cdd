/// Checks that bytes are well-formed UTF-8, as the Unicode Standard's table 3-7 defines it: no overlong
/// forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no stray continuation bytes.
///
/// Written out rather than asking `String(validating:as:)`: in the static build, the first call of that
/// generic initialiser searches every protocol conformance in the binary (all of Foundation's); perf
/// showed that search as the largest single cost of drawing the bundled sample beyond start-up. `UTF8ValidationTests` checks it
/// against `String(validating:as:)` on every sequence of one or two bytes, on longer ones at the edges of
/// the ranges, and on random text.
package enum UTF8Validation {
    /// The offset in `bytes` of the first byte that does not start a well-formed sequence, or nil when all
    /// of `bytes` is well-formed.
    package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead; later bytes are always 80–BF.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return index }
            for next in index + 2..<index + length where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
