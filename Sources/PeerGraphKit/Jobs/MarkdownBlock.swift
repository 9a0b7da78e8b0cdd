/// A generated block inside a Markdown file, between `<!-- peergraph:begin -->` (or
/// `<!-- peergraph:begin name=NAME -->`) and `<!-- peergraph:end -->`, each marker a line of its own.
/// `--inject FILE` replaces what lies between the two marker lines and leaves every other byte of the
/// file as it was: the markers themselves, the rest of the text, its line endings.
package enum MarkdownBlock {
    /// One pair of markers: where the content between them starts and ends (byte offsets), the block's
    /// name, the line of its begin marker, and the line ending that marker uses.
    struct Span: Equatable {
        var name: String?
        var line: Int
        var contentStart: Int
        var contentEnd: Int
        var lineEnding: [UInt8]
    }

    static let begin = "<!-- peergraph:begin"
    static let end = "<!-- peergraph:end -->"

    /// `file` with the content of the block named `name` (or of its only block when `name` is nil)
    /// replaced by `content`. `content` ends with a line break (one is added otherwise) and takes the
    /// line ending of the begin marker's line (CRLF files stay CRLF). Throws, naming `source` and the
    /// line, when a marker is missing, unterminated, nested or misspelt, when names repeat, when `name`
    /// names no block, or when the file has several blocks and `name` is nil.
    package static func splice(
        _ file: [UInt8], source: String, name: String?, content: [UInt8]
    ) throws(InputError) -> [UInt8] {
        let spans = try self.spans(in: file, source: source)
        let span: Span
        if let name {
            guard let found = spans.first(where: { $0.name == name }) else {
                let names = spans.compactMap(\.name)
                throw InputError(
                    source: source,
                    message: "no block named '\(name)'"
                        + (names.isEmpty
                            ? " (its blocks have no names)" : " (its blocks: \(names.joined(separator: ", ")))"))
            }
            span = found
        } else {
            guard spans.count == 1, let only = spans.first else {
                let names = spans.map { $0.name ?? "(unnamed)" }.joined(separator: ", ")
                throw InputError(
                    source: source,
                    message: "has \(spans.count) peergraph blocks (\(names)): choose one with --block NAME")
            }
            span = only
        }
        var body = content
        if body.last != UInt8(ascii: "\n") { body.append(UInt8(ascii: "\n")) }
        if span.lineEnding == [UInt8(ascii: "\r"), UInt8(ascii: "\n")] {
            var converted: [UInt8] = []
            converted.reserveCapacity(body.count + body.count / 16)
            for (index, byte) in body.enumerated() {
                if byte == UInt8(ascii: "\n") && (index == 0 || body[index - 1] != UInt8(ascii: "\r")) {
                    converted.append(UInt8(ascii: "\r"))
                }
                converted.append(byte)
            }
            body = converted
        }
        return Array(file[..<span.contentStart]) + body + Array(file[span.contentEnd...])
    }

    /// Every marker pair of `file`, in order; an error for any marker out of place.
    static func spans(in file: [UInt8], source: String) throws(InputError) -> [Span] {
        var spans: [Span] = []
        var open: Span?
        var names = Set<String>()
        var lineStart = 0, lineNumber = 1
        while lineStart < file.count {
            let newline = file[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let next = newline.map { $0 + 1 } ?? file.count
            var textEnd = newline ?? file.count
            if textEnd > lineStart && file[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
            let text = String(decoding: file[lineStart..<textEnd], as: UTF8.self).trimmingWhitespace()
            if text.hasPrefix(Self.begin) {
                if let open {
                    throw error(
                        source, lineNumber, "a peergraph:begin marker inside the block that begins on line \(open.line)"
                    )
                }
                let name = try Self.name(inBeginMarker: text, source: source, line: lineNumber)
                if let name, !names.insert(name).inserted {
                    throw error(source, lineNumber, "a second block named '\(name)'")
                }
                open = Span(
                    name: name, line: lineNumber, contentStart: next, contentEnd: next,
                    lineEnding: Array(file[textEnd..<next]))
            } else if text == Self.end {
                guard var span = open else {
                    throw error(source, lineNumber, "a peergraph:end marker without a begin")
                }
                span.contentEnd = lineStart
                spans.append(span)
                open = nil
            } else if text.hasPrefix("<!-- peergraph:") {
                throw error(
                    source, lineNumber,
                    "unknown marker (expected \(Self.begin) -->, \(Self.begin) name=NAME --> or \(Self.end))")
            }
            lineStart = next
            lineNumber += 1
        }
        if let open {
            throw error(source, open.line, "the peergraph block that begins here has no \(Self.end)")
        }
        guard !spans.isEmpty else {
            throw InputError(source: source, message: "has no \(Self.begin) --> … \(Self.end) block to replace")
        }
        return spans
    }

    private static func error(_ source: String, _ line: Int, _ message: String) -> InputError {
        var error = InputError(source: source, message: message)
        error.line = line
        return error
    }

    /// `prod` of `<!-- peergraph:begin name=prod -->`, nil for `<!-- peergraph:begin -->`.
    private static func name(inBeginMarker text: String, source: String, line: Int) throws(InputError) -> String? {
        guard text.hasSuffix("-->") else {
            throw error(source, line, "the peergraph:begin marker does not end with -->")
        }
        let inner = String(text.dropFirst(Self.begin.count).dropLast(3)).trimmingWhitespace()
        if inner.isEmpty { return nil }
        let name = String(inner.dropFirst("name=".count))
        guard inner.hasPrefix("name="), isName(name) else {
            throw error(source, line, "a block name is name=NAME, NAME of letters, digits, '.', '_' and '-'")
        }
        return name
    }

    /// Letters, digits, `.`, `_`, `-`: what `--block` accepts.
    package static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 100
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }
}
