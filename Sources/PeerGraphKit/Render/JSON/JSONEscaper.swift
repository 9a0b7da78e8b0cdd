/// Writes strings as JSON string literals (RFC 8259): quotes, backslashes and control characters escaped,
/// as are U+2028/U+2029 (JavaScript line breaks) and U+FFFE/U+FFFF (which XML cannot hold, so JSON
/// embedded in GraphML stays lossless); everything else as UTF-8.
package enum JSONEscaper {
    package static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}"
                    || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A JSON object of tags, `{"key":"value",…}`, in tag order.
    package static func tagObject(_ tags: [PeeringTag]) -> String {
        "{" + tags.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }
}
