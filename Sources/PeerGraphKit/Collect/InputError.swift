import Foundation

/// Bad or unreadable input: names the file and, for malformed content, where in it — line, column,
/// byte offset and JSON path as fields of their own, so a caller can point at the place.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (`<stdin>` for standard input).
    public var source: String
    /// The 1-based line of the problem, when it is at a place in the content.
    public var line: Int?
    /// The 1-based column (in bytes) on that line.
    public var column: Int?
    /// The 0-based byte offset from the start of the (decoded) document.
    public var byteOffset: Int?
    /// Where in the JSON document, e.g. `$.VpcPeerConnects[0].Vpc`.
    public var jsonPath: String?
    /// A place that is no position in bytes: a CSV row number (`3`) or a key of a names file (`$.vpc-1`).
    public var place: String?
    /// What is wrong.
    public var message: String

    /// An error about `source` as a whole, or at `place` (a row, a key) when given.
    public init(source: String, location place: String? = nil, message: String) {
        self.source = source
        self.place = place
        self.message = message
    }

    /// Wraps a JSON error with its position, computing line and column from the bytes.
    package init(source: String, bytes: [UInt8], syntaxError: JSONSyntaxError) {
        let offset = min(max(syntaxError.byteOffset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.init(source: source, message: syntaxError.message)
        self.line = line
        self.column = offset - lineStart + 1
        self.byteOffset = offset
        self.jsonPath = syntaxError.path.isEmpty ? nil : syntaxError.jsonPath
    }

    /// Where in the file, e.g. `3:17 (byte 45, $.VpcPeerConnects[0].Vpc)`; nil when the whole file is at fault.
    public var location: String? {
        guard let line, let column, let byteOffset else { return place }
        return "\(line):\(column) (byte \(byteOffset)\(jsonPath.map { ", \($0)" } ?? ""))"
    }

    /// `FILE:LOCATION: MESSAGE`, the one line the command prints.
    public var description: String {
        if let location { return "\(source):\(location): \(message)" }
        return "\(source): \(message)"
    }
}
