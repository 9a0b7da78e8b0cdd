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

    @Test func theBudgetCountsEachInputByteOnce() {
        // 1,999 two-byte C1 controls fill 3,998 of the 4,000 bytes; the next two-byte scalar still fits.
        let text = String(repeating: "\u{85}", count: 1999) + "é" + "x"
        let quoted = DOTEscaper.quotedText([text])
        #expect(quoted == "\"" + String(repeating: "\u{FFFD}", count: 1999) + "é…\"")
    }

    @Test func capsTextBelowGraphvizStringLimit() {
        let quoted = DOTEscaper.quotedText([String(repeating: "\\", count: 20_000)])
        #expect(quoted.utf8.count < 16_384)
        #expect(quoted.hasSuffix("…\""))
    }
}
