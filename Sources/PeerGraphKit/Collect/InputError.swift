import Foundation

/// Bad or unreadable input: names the file and, for malformed content, the line, column, byte offset
/// and JSON path of the problem.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (`-` or `<stdin>` for standard input).
    public var source: String
    /// Where in the file, e.g. `3:17 (byte 45, $.VpcPeerConnects[0].Vpc)`; nil when the whole file is at fault.
    public var location: String?
    public var message: String

    public init(source: String, location: String? = nil, message: String) {
        self.source = source
        self.location = location
        self.message = message
    }

    /// Wraps a JSON error with its position, computing line and column from the bytes.
    public init(source: String, bytes: [UInt8], syntaxError: JSONSyntaxError) {
        let offset = min(max(syntaxError.byteOffset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0 ..< offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = offset - lineStart + 1
        var where_ = "\(line):\(column) (byte \(offset)"
        if !syntaxError.path.isEmpty { where_ += ", \(syntaxError.jsonPath)" }
        where_ += ")"
        self.init(source: source, location: where_, message: syntaxError.message)
    }

    public var description: String {
        if let location { return "\(source):\(location): \(message)" }
        return "\(source): \(message)"
    }
}
