import Testing

@testable import PeerGraphKit

@Suite struct XMLEscaperTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        (#"<script>alert("x")</script>"#, #"&lt;script&gt;alert("x")&lt;/script&gt;"#),
        ("]]>", "]]&gt;"),
        ("cr\rlf\ntab\t", "cr&#13;lf\ntab\t"),
        ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
        ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
        ("中文 😀 \u{200F}", "中文 😀 \u{200F}"),
    ])
    func escapesText(input: String, expected: String) {
        #expect(XMLEscaper.text(input) == expected)
        // The streaming writer used by GraphMLWriter gives the same bytes.
        #expect(
            String(decoding: OutputSink.collectingBytes { XMLEscaper.writeText(input, to: $0) }, as: UTF8.self)
                == expected)
    }

    @Test(arguments: [
        (#"say "hi""#, "say &quot;hi&quot;"),
        ("a\nb\tc\rd", "a&#10;b&#9;c&#13;d"),
        ("<&>", "&lt;&amp;&gt;"),
    ])
    func escapesAttributes(input: String, expected: String) {
        #expect(XMLEscaper.attribute(input) == expected)
    }

    /// The streaming writer skips clean words eight bytes at a time; it must give what the plain
    /// scalar-by-scalar `text` gives, with the special bytes at every offset of a word.
    @Test func streamingAgreesWithThePlainEscaper() {
        var random = SystemRandomNumberGenerator()
        let specials = [
            "&", "<", ">", "\n", "\t", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "中",
            "😀",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                Int.random(in: 0..<10, using: &random) == 0 ? specials.randomElement(using: &random)! : "a"
            }.joined()
            let streamed = String(
                decoding: OutputSink.collectingBytes { XMLEscaper.writeText(text, to: $0) }, as: UTF8.self)
            #expect(streamed == XMLEscaper.text(text))
        }
    }
}
