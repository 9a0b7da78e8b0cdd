/// Escapes untrusted text for XML 1.0 character data and attribute values. Every string the GraphML
/// writer emits goes through here.
///
/// Characters that XML 1.0 cannot hold at all (C0 controls other than tab, newline and carriage
/// return, and U+FFFE/U+FFFF) become U+FFFD; everything else survives a round trip through a
/// conforming parser, including `\r` and, in attributes, tab and newline (written as character references
/// because parsers normalise them).
package enum XMLEscaper {
    /// Text content of an element.
    package static func text(_ string: String) -> String {
        escape(string, inAttribute: false)
    }

    /// The value of a double-quoted attribute.
    package static func attribute(_ string: String) -> String {
        escape(string, inAttribute: true)
    }

    /// Writes `text(string)` into `sink` without building a String: clean runs are copied as they are.
    package static func writeText(_ string: String, to sink: OutputSink) {
        string.withBorrowedUTF8 { writeText(utf8: $0, to: sink) }
    }

    /// Writes the text of lines as their pieces arrive (a `TextLineReceiver`), each piece as
    /// `writeText` writes it and a line feed between lines: the same bytes as `text` of the lines
    /// joined by line feeds, since `text` escapes each scalar on its own.
    package struct TextWriter: TextLineReceiver {
        private let sink: OutputSink
        private var isFirstLine = true

        package init(sink: OutputSink) { self.sink = sink }

        package mutating func startLine() {
            if isFirstLine {
                isFirstLine = false
            } else {
                sink.write(byte: UInt8(ascii: "\n"))
            }
        }

        package mutating func append(_ text: String) { XMLEscaper.writeText(text, to: sink) }
    }

    private static func writeText(utf8 bytes: UnsafeBufferPointer<UInt8>, to sink: OutputSink) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight clean bytes at a time: most text has nothing to escape.
            if let word = WordScan.word(bytes, at: index), !needsLook(word) {
                index += 8
                continue
            }
            let byte = bytes[index]
            let needsWork =
                byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == 0xEF
            if !needsWork || byte == 0x0A || byte == 0x09 {
                index += 1
                continue
            }
            // Find the whole scalar and escape it the one way `text` does.
            if index > runStart { sink.write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            let width = byte < 0x80 ? 1 : 3  // only ASCII and the EF lead byte get here
            let end = min(index + width, bytes.count)
            sink.write(text(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)))
            index = end
            runStart = index
        }
        if bytes.count > runStart { sink.write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }

    /// Whether one of the eight bytes may need escaping: the bytes the loop above looks at closely.
    @inline(__always)
    private static func needsLook(_ word: UInt64) -> Bool {
        WordScan.hasByte(word, below: 0x20) || WordScan.hasByte(word, equalTo: UInt8(ascii: "&"))
            || WordScan.hasByte(word, equalTo: UInt8(ascii: "<")) || WordScan.hasByte(word, equalTo: UInt8(ascii: ">"))
            || WordScan.hasByte(word, equalTo: 0xEF)
    }

    /// Text for an XML comment (`<!-- … -->`): characters XML allows, no line breaks or controls, and no
    /// `--`, which would end the comment.
    static func commentText(_ text: String) -> String {
        let kept = text.unicodeScalars.filter {
            isAllowed($0) && !TextEscaping.isControl($0) && $0 != "\u{2028}" && $0 != "\u{2029}"
        }
        var result = String(String.UnicodeScalarView(kept))
        while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
        return result
    }

    /// True when `scalar` may appear in an XML 1.0 document.
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ string: String, inAttribute: Bool) -> String {
        // Fast path: nothing to change.
        if string.utf8.allSatisfy({
            $0 >= 0x20 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<")
                && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "\"") && $0 != 0xEF
        }) {
            return string
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(string.unicodeScalars.count + 8)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default:
                if isAllowed(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\u{FFFD}"
                }
            }
        }
        return result
    }
}
