/// Receives a multi-line text piece by piece, so that a writer can escape text for its format as it
/// comes, without first joining it into strings (see `GraphText.writeEdgeDetails`).
public protocol TextLineReceiver {
    /// Begins a line; called before the first line too.
    mutating func startLine()
    /// Adds `text` to the current line.
    mutating func append(_ text: String)
}

/// Collects the lines as strings.
public struct TextLineCollector: TextLineReceiver {
    public private(set) var lines: [String] = []

    public init() {}

    public mutating func startLine() { lines.append("") }

    public mutating func append(_ text: String) { lines[lines.count - 1] += text }
}
