import Testing

@testable import PeerGraphKit

@Suite struct WordScanTests {
    /// Words built to sit on the edges of each test: the value itself, its neighbours, 0, 0x7F, 0x80, 0xFF.
    private static func words(around values: [UInt8], count: Int) -> [[UInt8]] {
        var random = SystemRandomNumberGenerator()
        let edges: [UInt8] = values.flatMap { [$0 &- 1, $0, $0 &+ 1] } + [0, 0x7F, 0x80, 0xFF]
        var words: [[UInt8]] = []
        for _ in 0..<count {
            var word: [UInt8] = []
            for _ in 0..<8 {
                let byte: UInt8 =
                    Bool.random(using: &random)
                    ? edges.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                word.append(byte)
            }
            words.append(word)
        }
        return words
    }

    private static func load(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { WordScan.word($0, at: 0)! }
    }

    @Test func eachTestAgreesWithAByteLoop() {
        let specials: [UInt8] = [0x20, 0x22, 0x26, 0x3C, 0x5C, 0x7F, 0xC2, 0xEF]
        for bytes in Self.words(around: specials, count: 20_000) {
            let word = Self.load(bytes)
            for value in specials {
                #expect(WordScan.hasByte(word, equalTo: value) == bytes.contains(value))
            }
            for limit: UInt8 in [1, 0x20, 0x21, 0x80] {
                #expect(WordScan.hasByte(word, below: limit) == bytes.contains { $0 < limit })
            }
            #expect(WordScan.hasNonASCII(word) == bytes.contains { $0 >= 0x80 })
        }
    }

    @Test func aWordIsReadOnlyWhereEightBytesAreLeft() {
        let bytes: [UInt8] = Array(0..<12)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(WordScan.word(buffer, at: 4) != nil)
            #expect(WordScan.word(buffer, at: 5) == nil)
            #expect(WordScan.word(buffer, at: -1) == nil)
            #expect(WordScan.word(UnsafeBufferPointer(rebasing: buffer[0..<7]), at: 0) == nil)
        }
        [UInt8]().withUnsafeBufferPointer { #expect(WordScan.word($0, at: 0) == nil) }
    }
}
