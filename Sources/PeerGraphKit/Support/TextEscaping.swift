/// Escaping for the human-readable reports (`check`, `diff`): terminal text and Markdown. Like the graph
/// formats, every string from the input goes through one of these.
public enum TextEscaping {
    /// Text safe to print on a terminal: control and format characters (escape sequences, bidi
    /// overrides) become spaces, so input can neither move the cursor nor recolour the screen.
    public static func terminal(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
    }

    /// Text for a Markdown (GitHub-flavoured) table cell or sentence: the characters that act anywhere
    /// in a line (emphasis, code, links, strikethrough, cell separators, escapes) are backslash-escaped,
    /// `<`, `>` and `&` become entities (no HTML), line breaks become spaces, so a cell stays one cell.
    /// Line-start markup (`#`, `-`, `+`, `>`) cannot occur: peergraph never starts a line with data.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result += "\\" + String(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
