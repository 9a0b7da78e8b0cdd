/// Escapes untrusted text for Mermaid flowchart labels written as `"…"`. Every string the Mermaid writer
/// emits goes through here; ids are never taken from data (see `MermaidWriter`).
///
/// Mermaid decodes `#name;` and `#NNN;` into HTML entities, so anything that could end the quoted
/// string, start a comment or directive, or be read as markup is written as a numeric entity: `#` first
/// (`#35;`, so data cannot spell an entity itself), then `"`, `<`, `>`, `&`, backtick, `%`, the
/// bracket and pipe characters, and `:` and `;`: before parsing, mermaid strips the last `;` of any line
/// matching `style.*:\S*#.*;` or `classDef.*:\S*#.*;`, which would corrupt an entity if data could
/// supply the `:`. Line breaks in data become spaces, since a raw newline would let data
/// start a new statement; the writer joins its own label lines with `<br>`.
package enum MermaidEscaper {
    /// Longest label text, in characters, before it is cut with `…` (mermaid's whole-diagram limit is
    /// 50,000 characters).
    package static let maximumTextCharacters = 2000

    /// A quoted label from lines of text.
    package static func quotedLabel(_ lines: [String]) -> String {
        "\"" + lines.map(escape).joined(separator: "<br>") + "\""
    }

    /// The escaped text of one line, without quotes.
    package static func escape(_ text: String) -> String {
        // Most label text (ids, blocks, regions, most names) is printable ASCII with nothing to replace
        // and is short: it is its own escaped text, without building a copy scalar by scalar.
        if text.utf8.count <= maximumTextCharacters, text.utf8.allSatisfy(isPlainASCII) { return text }
        return escapeByScalars(text)
    }

    /// Printable ASCII that `escapeByScalars` keeps as it is.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
            UInt8(ascii: "`"), UInt8(ascii: "%"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: "\\"):
            false
        default: byte >= 0x20 && byte < 0x7F
        }
    }

    /// `escape` scalar by scalar: the plain version, for any text.
    static func escapeByScalars(_ text: String) -> String {
        var result = ""
        var remaining = maximumTextCharacters
        for scalar in text.unicodeScalars {
            remaining -= 1
            if remaining < 0 { return result + "…" }
            switch scalar {
            case "#", "\"", "<", ">", "&", "`", "%", "[", "]", "{", "}", "(", ")", "|", ";", ":", "\\":
                result += "#\(scalar.value);"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}", "\u{85}":
                result += " "
            default:
                if TextEscaping.isControl(scalar) || !XMLEscaper.isAllowed(scalar) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, controls as spaces, and `#`, `:`, `;`, `%` as
    /// `\xHH` escapes so that mermaid's line-based pre-passes (comments, `style…;`) never see them.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars.prefix(maximumTextCharacters) {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "#", ":", ";", "%": result += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            default:
                if TextEscaping.isControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}"
                    || !XMLEscaper.isAllowed(scalar)
                {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Text for a `%%` comment line: no line breaks or controls.
    static func commentText(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { !TextEscaping.isControl($0) && $0 != "\u{2028}" && $0 != "\u{2029}" }))
    }
}
