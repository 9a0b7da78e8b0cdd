/// A pull parser over UTF-8 JSON bytes (RFC 8259).
///
/// The decoder asks for exactly what it expects next (an object, a key, a string, an integer) and
/// skips what it does not need, so nothing is materialised as `Any` and integers are read exactly,
/// never through `Double`. Every error carries the byte offset where it was noticed. Malformed input
/// is rejected, not repaired: invalid UTF-8, raw control characters in strings, bad escapes,
/// numbers outside the JSON grammar, trailing commas and nesting deeper than `maximumDepth`.
struct JSONScanner {
    /// Nesting deeper than this is an error, so hostile input cannot exhaust memory or time.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    private(set) var offset: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated at the very start, as most JSON readers do.
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Where an object's or array's members are up to: before the first one or after one.
    struct ContainerCursor {
        fileprivate var isFirst = true
    }

    // MARK: - Looking ahead

    /// Skips white space and returns the next byte without consuming it, or nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// True when only white space is left.
    mutating func isAtEnd() -> Bool { peek() == nil }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func describeNext() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    private func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message, at: position ?? offset)
    }

    /// An error saying what was expected and what was found at the current position.
    func unexpected(_ expected: String) -> JSONSyntaxError {
        error("expected \(expected), found \(describeNext())")
    }

    // MARK: - Containers

    /// Consumes `{` and returns a cursor for `nextKey`.
    mutating func beginObject() throws -> ContainerCursor {
        guard peek() == UInt8(ascii: "{") else { throw unexpected("an object") }
        offset += 1
        return ContainerCursor()
    }

    /// Reads the next key and its colon, or consumes `}` and returns nil. The caller must then read
    /// or skip the value.
    mutating func nextKey(_ cursor: inout ContainerCursor) throws -> JSONKey? {
        guard let byte = peek() else { throw error("unterminated object: expected '\"' or '}', found end of input") }
        if byte == UInt8(ascii: "}") {
            offset += 1
            return nil
        }
        if !cursor.isFirst {
            guard byte == UInt8(ascii: ",") else { throw unexpected("',' or '}' after an object member") }
            offset += 1
            guard peek() == UInt8(ascii: "\"") else { throw unexpected("a key after ','") }
        }
        guard peek() == UInt8(ascii: "\"") else { throw unexpected("a key or '}'") }
        cursor.isFirst = false
        let key: JSONKey
        switch try scanString() {
        case .plain(let range):
            key = bytes.withUnsafeBufferPointer { JSONKey(utf8: UnsafeBufferPointer(rebasing: $0[range])) }
        case .unescaped(let string):
            key = Array(string.utf8).withUnsafeBufferPointer(JSONKey.init(utf8:))
        }
        guard peek() == UInt8(ascii: ":") else { throw unexpected("':' after a key") }
        offset += 1
        return key
    }

    /// Consumes `[` and returns a cursor for `nextElement`.
    mutating func beginArray() throws -> ContainerCursor {
        guard peek() == UInt8(ascii: "[") else { throw unexpected("an array") }
        offset += 1
        return ContainerCursor()
    }

    /// True when another element follows (its value is next to read); consumes `]` and returns false
    /// at the end of the array.
    mutating func nextElement(_ cursor: inout ContainerCursor) throws -> Bool {
        guard let byte = peek() else { throw error("unterminated array: expected a value or ']', found end of input") }
        if cursor.isFirst {
            cursor.isFirst = false
            if byte == UInt8(ascii: "]") {
                offset += 1
                return false
            }
            return true
        }
        switch byte {
        case UInt8(ascii: "]"):
            offset += 1
            return false
        case UInt8(ascii: ","):
            offset += 1
            if peek() == UInt8(ascii: "]") { throw error("trailing ',' before ']'") }
            return true
        default:
            throw unexpected("',' or ']' after an array element")
        }
    }

    // MARK: - Scalars

    /// Consumes `null` and returns true, or returns false (consuming nothing) if the next value is not null.
    mutating func consumeNull() throws -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try consumeLiteral("null")
        return true
    }

    private mutating func consumeLiteral(_ literal: StaticString) throws {
        let start = offset
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            offset + count <= bytes.count && bytes[offset..<offset + count].elementsEqual(expected)
        }
        guard matches else { throw error("invalid literal (expected \(literal))", at: start) }
        offset += count
    }

    /// Reads a string value, decoding escapes and validating UTF-8. With `table`, a long value seen
    /// before comes back as the string stored then, so repeated ids share one copy.
    mutating func readString(sharingWith table: StringTable? = nil) throws -> String {
        try readStringEntry(sharingWith: table).string
    }

    /// A string as `table` stores it, with its number there (nil when not stored: no table, short or
    /// escaped).
    mutating func readStringEntry(sharingWith table: StringTable?) throws -> (string: String, number: Int?) {
        switch try scanString() {
        case .plain(let range):
            return bytes.withUnsafeBufferPointer { all in
                let content = UnsafeBufferPointer(rebasing: all[range])
                // Valid UTF-8 already (checked when scanned), so decoding repairs nothing.
                return table?.entry(for: content) ?? (String(decoding: content, as: UTF8.self), nil)
            }
        case .unescaped(let string):
            return (string, nil)
        }
    }

    /// A scanned string: the range of its bytes when they needed no unescaping (checked to be valid
    /// UTF-8), or the unescaped string.
    private enum ScannedString {
        case plain(Range<Int>)
        case unescaped(String)
    }

    private mutating func scanString() throws -> ScannedString {
        guard peek() == UInt8(ascii: "\"") else { throw unexpected("a string") }
        let start = offset
        offset += 1
        let contentStart = offset
        var allBits: UInt8 = 0
        // Fast path: no escapes. First eight bytes at a time while none of them ends the string, starts an
        // escape or is a control character (most strings are ids, names and times: plain to their end).
        var position = offset
        bytes.withUnsafeBufferPointer { all in
            while let word = WordScan.word(all, at: position), !WordScan.hasByte(word, equalTo: UInt8(ascii: "\"")),
                !WordScan.hasByte(word, equalTo: UInt8(ascii: "\\")), !WordScan.hasByte(word, below: 0x20)
            {
                if WordScan.hasNonASCII(word) { allBits |= 0x80 }
                position += 8
            }
        }
        offset = position
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let range = contentStart..<offset
                offset += 1
                if allBits >= 0x80, let invalid = firstInvalidUTF8(in: range) {
                    throw error("invalid UTF-8 in string", at: invalid)
                }
                return .plain(range)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error(
                    "raw control character 0x\(String(byte, radix: 16, uppercase: true)) in string (must be escaped)")
            }
            allBits |= byte
            offset += 1
        }
        if offset >= bytes.count { throw error("unterminated string", at: start) }
        return .unescaped(try readEscapedString(from: contentStart))
    }

    private mutating func readEscapedString(from contentStart: Int) throws -> String {
        var buffer = Array(bytes[contentStart..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                // Escapes only add well-formed sequences, so a fault is in the input's own bytes.
                if buffer.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset(in:)) != nil {
                    throw error(
                        "invalid UTF-8 in string",
                        at: firstInvalidUTF8(in: contentStart..<offset - 1) ?? contentStart)
                }
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeStart = offset
                offset += 1
                guard offset < bytes.count else { break }
                let escaped = bytes[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try readUnicodeEscape(escapeStart: escapeStart)
                    buffer.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in string", at: escapeStart)
                }
            default:
                if byte < 0x20 {
                    throw error(
                        "raw control character 0x\(String(byte, radix: 16, uppercase: true)) in string (must be escaped)"
                    )
                }
                buffer.append(byte)
                offset += 1
            }
        }
        throw error("unterminated string", at: contentStart - 1)
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate escape when needed).
    /// A lone surrogate cannot be held by a Swift string and becomes U+FFFD.
    private mutating func readUnicodeEscape(escapeStart: Int) throws -> Unicode.Scalar {
        let high = try readHex4(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(high) {
            if offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                let save = offset
                offset += 2
                let low = try readHex4(escapeStart: save)
                if (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                offset = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func readHex4(escapeStart: Int) throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("truncated \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape (expected 4 hex digits)", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// The offset of the first byte in `range` that is not part of valid UTF-8, or nil when all are.
    private func firstInvalidUTF8(in range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: all[range])).map {
                range.lowerBound + $0
            }
        }
    }

    /// Reads a number and returns its text, checking it against the JSON number grammar.
    mutating func readNumberText() throws -> Substring {
        let range = try readNumberRange()
        return Substring(decoding: bytes[range], as: UTF8.self)
    }

    /// Reads a number, checking it against the JSON number grammar, and returns where its text is.
    private mutating func readNumberRange() throws -> Range<Int> {
        guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else {
            throw unexpected("a number")
        }
        let start = offset
        func digits() -> Int {
            let from = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("invalid number: no digits", at: start) }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw error("invalid number: leading zero", at: start)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw error("invalid number: no digits after '.'", at: start) }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digits() > 0 else { throw error("invalid number: no digits in exponent", at: start) }
        }
        return start..<offset
    }

    /// Reads a number that is a plain non-negative integer of up to 64 bits (digits only, no sign,
    /// fraction or exponent) and returns it; for any other number returns nil and consumes nothing,
    /// so that the caller can read it again the general way.
    mutating func readUInt64Digits() throws -> UInt64? {
        let start = offset
        let range = try readNumberRange()
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), !overflow1, !overflow2 else {
                offset = start
                return nil
            }
            value = sum
        }
        return value
    }

    /// Reads an integer exactly. Fractions, exponents and values beyond 64 bits are errors.
    mutating func readInt64() throws -> Int64 {
        let start = offset
        let text = try readNumberText()
        guard let value = Int64(text) else {
            if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                throw error("expected a whole number, found \(text.prefix(40))", at: start)
            }
            throw error("number \(text.prefix(40)) does not fit in 64 bits", at: start)
        }
        return value
    }

    // MARK: - Skipping

    /// Reads and discards one value of any type, checking that it is well-formed.
    mutating func skipValue() throws {
        // Iterative, so that deep nesting costs a small array, not the call stack.
        var openContainers: [(isObject: Bool, cursor: ContainerCursor)] = []
        repeat {
            if let top = openContainers.last {
                var cursor = top.cursor
                let more: Bool
                if top.isObject {
                    more = try nextKey(&cursor) != nil
                } else {
                    more = try nextElement(&cursor)
                }
                openContainers[openContainers.count - 1].cursor = cursor
                if !more {
                    openContainers.removeLast()
                    continue
                }
            }
            guard let byte = peek() else { throw unexpected("a value") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard openContainers.count < Self.maximumDepth else {
                    throw error("nesting deeper than \(Self.maximumDepth) levels")
                }
                offset += 1
                openContainers.append((byte == UInt8(ascii: "{"), ContainerCursor()))
            case UInt8(ascii: "\""): _ = try scanString()
            case UInt8(ascii: "t"): try consumeLiteral("true")
            case UInt8(ascii: "f"): try consumeLiteral("false")
            case UInt8(ascii: "n"): try consumeLiteral("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumberText()
            default: throw unexpected("a value")
            }
        } while !openContainers.isEmpty
    }
}
