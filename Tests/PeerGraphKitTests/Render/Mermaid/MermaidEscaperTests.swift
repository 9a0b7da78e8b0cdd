import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct MermaidEscaperTests {
    @Test(arguments: [
        ("plain name", "plain name"),
        (#"say "hi""#, "say #34;hi#34;"),
        ("#quot;", "#35;quot#59;"),
        ("style v1 fill:#f00", "style v1 fill#58;#35;f00"),
        ("<b>x</b>", "#60;b#62;x#60;/b#62;"),
        ("a & b", "a #38; b"),
        ("`code`", "#96;code#96;"),
        ("%% comment", "#37;#37; comment"),
        ("A[b](c){d}|e", "A#91;b#93;#40;c#41;#123;d#125;#124;e"),
        ("line\nclick v1 call alert()", "line click v1 call alert#40;#41;"),
        ("end", "end"),
        ("a\\b", "a#92;b"),
        ("bell\u{7}", "bell\u{FFFD}"),
        ("😀 \u{200F}中", "😀 \u{200F}中"),
    ])
    func escapesLabelText(input: String, expected: String) {
        #expect(MermaidEscaper.escape(input) == expected)
    }

    @Test func quotedLabelsJoinLinesWithBreaks() {
        #expect(MermaidEscaper.quotedLabel(["a\"", "b"]) == "\"a#34;<br>b\"")
    }

    @Test func neverLeavesARawQuoteNewlineOrHash() {
        let hostile = "\"\n#\r;\u{2028}%%{init}%%"
        let escaped = MermaidEscaper.escape(hostile)
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("\n"))
        #expect(!escaped.contains("\r"))
        #expect(!escaped.contains("\u{2028}"))
        #expect(!escaped.replacingOccurrences(of: #"#\d+;"#, with: "", options: .regularExpression).contains("#"))
    }

    @Test func capsLongText() {
        #expect(
            MermaidEscaper.escape(String(repeating: "x", count: 5000)).count == MermaidEscaper.maximumTextCharacters + 1
        )
    }

    /// Plain ASCII is returned as it is; everything else goes scalar by scalar. Both must give what the
    /// scalar-by-scalar version gives, at every length around the cap and with every byte class.
    @Test func thePlainASCIIShortcutAgreesWithEscapingByScalars() {
        var generator = SystemRandomNumberGenerator()
        let ascii = (0x00...0x7F).map { String(UnicodeScalar(UInt8($0))) }
        let other = ["é", "中", "😀", "\u{85}", "\u{2028}", "\u{FFFE}"]
        for round in 0..<400 {
            let length =
                round < 8 ? MermaidEscaper.maximumTextCharacters - 4 + round : Int.random(in: 0...60, using: &generator)
            let text = (0..<length).map { _ in
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: ascii.randomElement(using: &generator)!
                case 1 where round.isMultiple(of: 2): other.randomElement(using: &generator)!
                default: "a"
                }
            }.joined()
            #expect(MermaidEscaper.escape(text) == MermaidEscaper.escapeByScalars(text))
        }
        for length in MermaidEscaper.maximumTextCharacters - 1...MermaidEscaper.maximumTextCharacters + 1 {
            let text = String(repeating: "a", count: length)
            #expect(MermaidEscaper.escape(text) == MermaidEscaper.escapeByScalars(text))
        }
    }
}
