/// Receives a multi-line text piece by piece, so that a writer can escape text for its format as it
/// comes, without first joining it into strings (see `GraphText.writeEdgeDetails`).
package protocol TextLineReceiver {
    /// Begins a line; called before the first line too.
    mutating func startLine()
    /// Adds `text` to the current line.
    mutating func append(_ text: String)
}
