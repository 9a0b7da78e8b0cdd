/// Escapes untrusted text for Graphviz DOT double-quoted strings. Every string a DOT writer emits
/// inside quotes goes through here.
///
/// What Graphviz does to a quoted string (checked with Graphviz 2.43):
/// - the scanner only treats `\"` and `\\` specially, so backslashes are doubled first, then quotes
///   escaped; a trailing backslash then cannot swallow the closing quote;
/// - in labels and tooltips it then expands escapes (`\N`, `\G`, `\E`, `\n`, `\l`…) and decodes HTML
///   entities (`&#65;`, `&amp;`), so `&` is written as `&amp;` there;
/// - a raw NUL is a syntax error and other control characters make the SVG ill-formed, so they never
///   appear raw; a quoted string of 16,384 bytes or more is a syntax error, so text is capped below that.
public enum DOTEscaper {
    /// Longest text written inside one quoted string, in bytes of UTF-8 (before escaping doubles some).
    public static let maximumTextBytes = 4000

    /// An ID (node name): quoted, `\` and `"` escaped, control characters as `\xHH` text.
    /// Injective: two different ids never give the same quoted string.
    public static func quotedID(_ id: String) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(id.unicodeScalars.count + 2)
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default:
                if isControl(scalar) {
                    result += "\\x" + hex(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Text for a label, tooltip or other displayed attribute: quoted and escaped so that Graphviz
    /// shows exactly `text`. Lines are joined with `lineBreak` (`\n` centres, `\l` left-aligns).
    public static func quotedText(_ lines: [String], lineBreak: String = "\\n") -> String {
        var result = "\""
        var budget = maximumTextBytes
        for (index, line) in lines.enumerated() {
            if index > 0 { result += lineBreak }
            for scalar in line.unicodeScalars {
                budget -= Int(UTF8.width(scalar))
                if budget < 0 { return result + "…\"" }
                switch scalar {
                case "\\": result += "\\\\"
                case "\"": result += "\\\""
                case "&": result += "&amp;"
                case "\n": result += lineBreak
                case "\t": result += " "
                default:
                    if isControl(scalar) {
                        result += "\u{FFFD}"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return result + "\""
    }

    /// C0 and C1 controls and DEL, plus U+FFFE/U+FFFF, which Graphviz would pass into SVG unescaped.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F ... 0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
