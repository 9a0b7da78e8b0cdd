import Testing

@testable import PeerGraphKit

@Suite struct TextEscapingTests {
    @Test(arguments: [
        ("plain", "plain"), ("\u{1B}[31mred\u{1B}[0m", " [31mred [0m"), ("bell\u{7}", "bell "),
        ("rtl\u{202E}x", "rtl x"),
        ("line\nbreak", "line break"), ("中文 😀", "中文 😀"),
    ])
    func terminalTextCannotControlTheTerminal(input: String, expected: String) {
        #expect(TextEscaping.terminal(input) == expected)
    }

    @Test(arguments: [
        ("a | b", "a \\| b"), ("<script>", "&lt;script&gt;"),
        ("**bold** _it_ `code` [link](x) ~~s~~", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~"),
        ("a\\b", "a\\\\b"), ("line\nbreak", "line break"), ("&amp;", "&amp;amp;"),
        ("pcc-1: 10.0.0.0/8", "pcc-1: 10.0.0.0/8"),
    ])
    func markdownStaysText(input: String, expected: String) {
        #expect(TextEscaping.markdown(input) == expected)
    }
}
