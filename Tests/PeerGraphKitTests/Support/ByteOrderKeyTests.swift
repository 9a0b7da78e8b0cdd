import Testing

@testable import PeerGraphKit

@Suite struct ByteOrderKeyTests {
    /// Strings of every length around the word edges (7, 8, 9, 15, 16, 17, 23, 24, 25), from bytes that
    /// include NUL, 0x7F, 0x80 and 0xFF (in UTF-8: multi-byte scalars), plus small and large strings.
    private var samples: [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "Z", "\u{0}", "\u{7F}", "é", "\u{FFFF}", "😀", "0", "-", "~"]
        var strings = (0..<3_000).map { _ in
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                .joined()
        }
        for length in 0...40 { strings.append(String(repeating: "x", count: length)) }
        strings += ["2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z\u{0}", "vpc-bp1abcdefghijklmnopqrst"]
        return strings
    }

    @Test func wordLoadsMakeTheKeyTheByteLoopMakes() {
        for string in samples {
            #expect(ByteOrderKey(string) == ByteOrderKey.byteByByte(string), "\(string.debugDescription)")
        }
    }

    @Test func keysOrderAsTheBytesDoWhereTheyDecide() {
        let strings = samples
        for _ in 0..<20_000 {
            let a = strings.randomElement()!
            let b = strings.randomElement()!
            let bytes = a.utf8.elementsEqual(b.utf8) ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
            guard let order = ByteOrderKey(a).order(comparedTo: ByteOrderKey(b)) else {
                // Undecided only for two strings longer than 24 bytes that share the first 24.
                #expect(a.utf8.count > 24 && b.utf8.count > 24 && a.utf8.prefix(24).elementsEqual(b.utf8.prefix(24)))
                continue
            }
            #expect(order.signum() == bytes, "\(a.debugDescription) vs \(b.debugDescription)")
        }
    }
}
