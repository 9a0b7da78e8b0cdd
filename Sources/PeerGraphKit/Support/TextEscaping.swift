/// Escaping for the human-readable reports (`check`, `diff`): terminal text and Markdown. Like the graph
/// formats, every string from the input goes through one of these.
package enum TextEscaping {
    /// Text safe to print on a terminal: control and format characters (escape sequences, bidi
    /// overrides) become spaces, so input can neither move the cursor nor recolour the screen.
    package static func terminal(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                        || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
                }))
    }

    /// Text for a Markdown (GitHub-flavoured) table cell or sentence: the characters that act anywhere
    /// in a line (emphasis, code, links, strikethrough, cell separators, escapes) are backslash-escaped,
    /// `<`, `>` and `&` become entities (no HTML), line breaks become spaces, so a cell stays one cell.
    /// Line-start markup (`#`, `-`, `+`, `>`) cannot occur: peergraph never starts a line with data.
    ///
    /// GitHub also turns bare URLs, `www.` names and e-mail addresses into links (autolinks): the `:` of
    /// `://` is escaped, the dot of `www.` is escaped, and `@` is followed by an invisible word joiner
    /// (GitHub links `a@b.c` even with the `@` escaped, and `mailto:`/`xmpp:` need an address), so data
    /// never becomes a link.
    package static func markdown(_ text: String) -> String {
        var result = ""
        var trailingW = 0
        let scalars = Array(terminal(text).unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result += "\\" + String(scalar)
            case ":" where index + 1 < scalars.count && scalars[index + 1] == "/":
                result += "\\:"
            case "." where trailingW >= 3:
                result += "\\."
            case "@":
                result += "@\u{2060}"
            default:
                result.unicodeScalars.append(scalar)
            }
            trailingW = scalar == "w" || scalar == "W" ? trailingW + 1 : 0
        }
        return result
    }

    /// C0 and C1 controls and the two non-characters U+FFFE and U+FFFF: what no output format may hold raw.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}
