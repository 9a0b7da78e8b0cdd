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
package enum DOTEscaper {
    /// Longest text written inside one quoted string, in bytes of UTF-8 as written (after escaping:
    /// one hostile name of 5,000 `&` would otherwise become 25,000 bytes, past Graphviz's limit).
    package static let maximumTextBytes = 4000
    /// The most bytes one input byte can become (`&` → `&amp;`).
    static let maximumExpansion = 5

    /// An ID (node name): quoted, `\` and `"` escaped, control characters and `%` as `\xHH` text
    /// (Graphviz names its own anonymous objects `%N`: a node called `%5` would be confused with one;
    /// found by the random corpus). Injective: two different ids never give the same quoted string,
    /// because a literal backslash is always doubled.
    package static func quotedID(_ id: String) -> String {
        if isPlainID(id) { return "\"" + id + "\"" }
        var result = "\""
        result.unicodeScalars.reserveCapacity(id.unicodeScalars.count + 2)
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "%": result += "\\x25"
            default:
                if TextEscaping.isControl(scalar) {
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
    package static func quotedText(_ lines: [String], lineBreak: String = "\\n") -> String {
        String(
            decoding: OutputSink.collectingBytes { writeQuotedText(lines, lineBreak: lineBreak, to: $0) }, as: UTF8.self
        )
    }

    /// Writes `quotedText(lines, lineBreak:)` into `sink` without building a String: runs of bytes that
    /// need no escaping (most text) are copied as they are.
    package static func writeQuotedText(_ lines: [String], lineBreak: String = "\\n", to sink: OutputSink) {
        var writer = QuotedTextWriter(sink: sink, lineBreak: lineBreak)
        for line in lines {
            writer.startLine()
            writer.append(line)
        }
        writer.finish()
    }

    /// Writes one quoted text as its pieces arrive (a `TextLineReceiver`): the opening quote at once,
    /// each piece escaped, and the closing quote (after `…` if the text was cut) from `finish()`.
    package struct QuotedTextWriter: TextLineReceiver {
        private let sink: OutputSink
        private let lineBreak: String
        private var budget = DOTEscaper.maximumTextBytes
        private var isFirstLine = true
        private var isCut = false

        package init(sink: OutputSink, lineBreak: String = "\\n") {
            self.sink = sink
            self.lineBreak = lineBreak
            sink.write(byte: UInt8(ascii: "\""))
        }

        package mutating func startLine() {
            if isFirstLine {
                isFirstLine = false
            } else if !isCut {
                sink.write(lineBreak)
            }
        }

        package mutating func append(_ text: String) {
            guard !isCut else { return }
            isCut = !writeEscapedText(text, lineBreak: lineBreak, budget: &budget, to: sink)
        }

        package func finish() {
            sink.write(isCut ? "…\"" : "\"")
        }
    }

    /// Writes `quotedID(id)` into `sink`.
    package static func writeQuotedID(_ id: String, to sink: OutputSink) {
        if isPlainID(id) {
            sink.write(byte: UInt8(ascii: "\""))
            sink.write(id)
            sink.write(byte: UInt8(ascii: "\""))
        } else {
            sink.write(quotedID(id))
        }
    }

    /// Printable ASCII without \, " or %: quoted as it is (nearly every real id).
    static func isPlainID(_ id: String) -> Bool {
        id.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "%")
        }
    }

    /// Escapes one line; returns false when the byte budget ran out (the text is then cut at a scalar boundary).
    private static func writeEscapedText(
        _ text: String, lineBreak: String, budget: inout Int, to sink: OutputSink
    ) -> Bool {
        text.withBorrowedUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { sink.write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            // The budget counts output bytes. Text that fits even if every byte grew the most cannot be
            // cut: only the few bytes that may need replacing are looked at closely, and what it really
            // wrote is charged at the end.
            let fits = bytes.count * DOTEscaper.maximumExpansion <= budget
            var written = 0
            while index < bytes.count {
                // Eight plain bytes at a time: most text has nothing to replace. A word with a byte to look
                // at goes on byte by byte below.
                if fits, let word = WordScan.word(bytes, at: index), !needsLook(word) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if fits && byte >= 0x20 && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"")
                    && byte != UInt8(ascii: "&")
                    && byte != 0x7F && byte != 0xC2 && byte != 0xEF
                {
                    index += 1
                    continue
                }
                // Bytes that stand for themselves: printable ASCII but \ " &, and UTF-8 sequences other than
                // C1 controls (C2 80–9F) and the noncharacters U+FFFE/U+FFFF (EF BF BE/BF).
                let replacement: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "&"): replacement = "&amp;"
                case 0x0A: replacement = lineBreak
                case 0x09: replacement = " "
                case 0x00..<0x20, 0x7F: replacement = "\u{FFFD}"
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    replacement = "\u{FFFD}"
                    width = 2
                case 0xEF
                where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    replacement = "\u{FFFD}"
                    width = 3
                default: replacement = nil
                }
                // A scalar is charged what it becomes, and never split (continuation bytes are 10xxxxxx).
                if !fits && byte & 0xC0 != 0x80 {
                    let scalarWidth = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    let cost = replacement?.utf8.count ?? scalarWidth
                    if budget < cost {
                        flush(upTo: index)
                        return false
                    }
                    budget -= cost
                } else if fits, let replacement {
                    written += replacement.utf8.count - width
                }
                if let replacement {
                    flush(upTo: index)
                    sink.write(replacement)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(upTo: bytes.count)
            if fits { budget -= bytes.count + written }
            return true
        }
    }

    /// Whether one of the eight bytes may need replacing: the bytes the loop above looks at closely.
    @inline(__always)
    private static func needsLook(_ word: UInt64) -> Bool {
        WordScan.hasByte(word, below: 0x20) || WordScan.hasByte(word, equalTo: UInt8(ascii: "\\"))
            || WordScan.hasByte(word, equalTo: UInt8(ascii: "\"")) || WordScan.hasByte(word, equalTo: UInt8(ascii: "&"))
            || WordScan.hasByte(word, equalTo: 0x7F) || WordScan.hasByte(word, equalTo: 0xC2)
            || WordScan.hasByte(word, equalTo: 0xEF)
    }

    /// C0 and C1 controls and DEL, plus U+FFFE/U+FFFF, which Graphviz would pass into SVG unescaped.
    /// Text inside an HTML-like label: markup characters as entities, controls dropped.
    static func htmlText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars where !TextEscaping.isControl(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text for a `//` comment: no line breaks or controls.
    static func commentSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { !TextEscaping.isControl($0) && $0 != "\u{2028}" && $0 != "\u{2029}" }))
    }
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
