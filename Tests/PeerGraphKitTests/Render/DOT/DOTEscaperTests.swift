import Testing

@testable import PeerGraphKit

@Suite struct DOTEscaperTests {
    @Test(arguments: [
        ("vpc-123", #""vpc-123""#),
        ("a b", #""a b""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"trailing\"#, #""trailing\\""#),
        (#"\""#, #""\\\"""#),
        (#"\N\G"#, #""\\N\\G""#),
        ("line\nbreak", #""line\x0Abreak""#),
        ("nul\u{0}", #""nul\x00""#),
        ("]; a -> b [", #""]; a -> b [""#),
        ("node", #""node""#),
        ("%5", #""\x255""#),
        ("100%", #""100\x25""#),
        ("😀 \u{200F}", "\"😀 \u{200F}\""),
    ])
    func quotesIDs(id: String, expected: String) {
        #expect(DOTEscaper.quotedID(id) == expected)
    }

    @Test func idsStayDistinct() {
        // An escaped control character must not equal the same text typed literally.
        #expect(DOTEscaper.quotedID("a\nb") != DOTEscaper.quotedID(#"a\x0Ab"#))
        #expect(DOTEscaper.quotedID(#"a\b"#) != DOTEscaper.quotedID(#"a\\b"#))
        #expect(DOTEscaper.quotedID("%") != DOTEscaper.quotedID(#"\x25"#))
    }

    @Test(arguments: [
        (["plain"], #""plain""#),
        ([#"a "quoted" \ name"#], #""a \"quoted\" \\ name""#),
        (["&#65; &amp;"], #""&amp;#65; &amp;amp;""#),
        ([#"\N \E \l"#], #""\\N \\E \\l""#),
        (["two", "lines"], #""two\nlines""#),
        (["data\nnewline"], #""data\nnewline""#),
        (["tab\there"], #""tab here""#),
        (["bell\u{7}del\u{7F}"], "\"bell\u{FFFD}del\u{FFFD}\""),
        ([#"end\"#], #""end\\""#),
    ])
    func escapesDisplayedText(lines: [String], expected: String) {
        #expect(DOTEscaper.quotedText(lines) == expected)
    }

    @Test func theBudgetCountsOutputBytes() {
        // 5,000 `&` would be 25,000 bytes as `&amp;`, past Graphviz's 16,384-byte string limit: 800 fit.
        let quoted = DOTEscaper.quotedText([String(repeating: "&", count: 5_000)])
        #expect(quoted == "\"" + String(repeating: "&amp;", count: 800) + "…\"")
        // 1,333 C1 controls become three-byte U+FFFD each (3,999 bytes); the next one does not fit.
        let controls = DOTEscaper.quotedText([String(repeating: "\u{85}", count: 2_000)])
        #expect(controls == "\"" + String(repeating: "\u{FFFD}", count: 1_333) + "…\"")
        // Newlines, as the two bytes `\n`, count two each.
        let lines = DOTEscaper.quotedText([String(repeating: "\n", count: 3_000)])
        #expect(lines == "\"" + String(repeating: "\\n", count: 2_000) + "…\"")
    }

    @Test func capsTextBelowGraphvizStringLimit() {
        let quoted = DOTEscaper.quotedText([String(repeating: "\\", count: 20_000)])
        #expect(quoted.utf8.count < 16_384)
        #expect(quoted.hasSuffix("…\""))
    }

    /// The writer skips most bytes of text that fits its budget; it must give what a plain scalar-by-
    /// scalar escaper gives, for any text, any split into pieces, and budgets that run out anywhere.
    @Test func escapingAgreesWithAPlainReferenceEscaper() {
        var random = SystemRandomNumberGenerator()
        let alphabet: [String] = [
            "a", "Z", " ", "\\", "\"", "&", "\n", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "é",
            "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "😀", "中", "\u{301}", "%",
        ]
        for round in 0..<600 {
            let pieceCount = Int.random(in: 1...4, using: &random)
            // Half the rounds are mostly plain text, which the writer skips eight bytes at a time: the
            // special characters then fall at every offset of a word.
            let plainShare = round.isMultiple(of: 2) ? 0 : 9
            let pieces = (0..<pieceCount).map { _ in
                (0..<Int.random(in: 0...1_500, using: &random)).map { _ in
                    Int.random(in: 0..<10, using: &random) < plainShare ? "a" : alphabet.randomElement(using: &random)!
                }
                .joined()
            }
            let lines = pieces.chunked(by: 2)
            let written = String(
                decoding: OutputSink.collectingBytes { sink in
                    var writer = DOTEscaper.QuotedTextWriter(sink: sink, lineBreak: "\\n")
                    for line in lines {
                        writer.startLine()
                        for piece in line { writer.append(piece) }
                    }
                    writer.finish()
                }, as: UTF8.self)
            #expect(written == Self.reference(lines.map { $0.joined() }))
        }
    }

    /// Scalar by scalar, the budget counted in UTF-8 bytes of the output.
    private static func reference(_ lines: [String]) -> String {
        var result = "\""
        var budget = DOTEscaper.maximumTextBytes
        for (index, line) in lines.enumerated() {
            if index > 0 { result += "\\n" }
            for scalar in line.unicodeScalars {
                let replacement: String
                switch scalar {
                case "\\": replacement = "\\\\"
                case "\"": replacement = "\\\""
                case "&": replacement = "&amp;"
                case "\n": replacement = "\\n"
                case "\t": replacement = " "
                default: replacement = TextEscaping.isControl(scalar) ? "\u{FFFD}" : String(scalar)
                }
                if budget < replacement.utf8.count { return result + "…\"" }
                budget -= replacement.utf8.count
                result += replacement
            }
        }
        return result + "\""
    }
}

private extension Array {
    /// Consecutive groups of up to `size` elements.
    func chunked(by size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
