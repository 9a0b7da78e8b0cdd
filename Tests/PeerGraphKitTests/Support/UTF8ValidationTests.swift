import Testing

@testable import PeerGraphKit

@Suite struct UTF8ValidationTests {
    /// The plain answer: the standard library's validation, and where the first sequence that cannot be
    /// completed starts (what peergraph's error messages point at).
    private static func check(_ bytes: [UInt8]) {
        let offset = bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset(in:))
        let valid = String(validating: bytes, as: UTF8.self) != nil
        #expect((offset == nil) == valid, "\(bytes.map { String($0, radix: 16) })")
        guard let offset else { return }
        // Everything before is well-formed, and no sequence of one to four bytes starting there is.
        #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
        for length in 1...min(4, bytes.count - offset) {
            #expect(String(validating: bytes[offset..<offset + length], as: UTF8.self) == nil, "\(bytes) at \(offset)")
        }
    }

    /// Each edge of the table 3-7 ranges, and a little beyond.
    private static let edges: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
        0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]

    @Test func agreesOnEverySequenceOfOneOrTwoBytes() {
        for first in 0...255 {
            Self.check([UInt8(first)])
            for second in 0...255 { Self.check([UInt8(first), UInt8(second)]) }
        }
    }

    @Test func agreesOnLongerSequencesAtTheEdges() {
        for lead in 0xC0...0xFF {
            for second in Self.edges {
                for third in Self.edges { Self.check([UInt8(lead), second, third]) }
            }
        }
        for lead in Self.edges where lead >= 0xF0 {
            for second in Self.edges {
                for third in Self.edges {
                    for fourth in Self.edges { Self.check([lead, second, third, fourth]) }
                }
            }
        }
    }

    @Test func agreesOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["a", "é", "中", "😀", "\u{10FFFF}", "\u{FFFF}"].map { Array($0.utf8) }
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Int.random(in: 0..<6, using: &generator) == 0 {
                    bytes.append(Self.edges.randomElement(using: &generator)!)
                } else {
                    bytes += pieces.randomElement(using: &generator)!
                }
            }
            Self.check(bytes)
        }
    }
}
