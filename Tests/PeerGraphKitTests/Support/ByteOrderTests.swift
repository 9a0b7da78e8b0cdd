import Testing

@testable import PeerGraphKit

@Suite struct ByteOrderTests {
    /// The plain definition the fast sort must agree with: UTF-8 bytes compared lexicographically.
    private func byteLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    @Test func sortedIndicesAgreeWithByteOrderAndAreStable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "pcc-", "pcc-bp1", "\u{0}", "é", "e\u{301}", "😀", "Z", "~"]
        var strings = (0..<2_000).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                .joined()
        }
        strings += ["", "", "pcc-bp1", "pcc-bp1", "pcc-bp1\u{0}", "abcdefgh", "abcdefgh", "abcdefghi", "abcdefg"]
        let expected = strings.indices.sorted { a, b in
            strings[a].utf8.elementsEqual(strings[b].utf8) ? a < b : byteLess(strings[a], strings[b])
        }
        #expect(ByteOrder.sortedIndices(of: strings) == expected)
    }

    @Test func sortedIndicesAgreeWithThePlainSortOnMajorsStringsAndIndex() {
        // Long shared prefixes (past the 16 bytes read into integers) and majors that repeat in runs.
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["vpc-0123456789ab", "vpc-0123456789abc", "c", "\u{0}", "é", "e\u{301}", "x"]
        let strings = (0..<3_000).map { _ in
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                .joined()
        }
        let major = strings.map { _ in UInt64.random(in: 0...40, using: &generator) << 32 }
        let expected = strings.indices.sorted { a, b in
            if major[a] != major[b] { return major[a] < major[b] }
            return strings[a].utf8.elementsEqual(strings[b].utf8) ? a < b : byteLess(strings[a], strings[b])
        }
        #expect(
            ByteOrder.sortedIndices(count: strings.count, major: { major[$0] }, string: { strings[$0] }) == expected)
    }

    @Test func theMajorKeyComesFirst() {
        let strings = ["b", "a", "c", "a"]
        let major: [UInt64] = [1, 2, 1, 1]
        let order = ByteOrder.sortedIndices(count: 4, major: { major[$0] }, string: { strings[$0] })
        #expect(order == [3, 0, 2, 1])
    }

    @Test func lessIsByteOrderNotUnicodeOrder() {
        // "é" precomposed (C3 A9) sorts after "e" + combining accent (65 CC 81) by bytes, although
        // Swift's == says they are equal.
        #expect(ByteOrder.less("e\u{301}", "\u{E9}"))
        #expect(!ByteOrder.less("\u{E9}", "e\u{301}"))
        #expect(ByteOrder.less("Z", "a"))
        #expect(ByteOrder.less("ab", "ab\u{0}"))
    }
}
