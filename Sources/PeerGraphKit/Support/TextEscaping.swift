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

    /// Text for Markdown (GitHub-flavoured): punctuation that could start markup is backslash-escaped,
    /// `<`, `>` and `&` become entities, line breaks become spaces, so a table cell stays one cell.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", "!", "|", "~", "\"", ":", "@":
                result += "\\" + String(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
