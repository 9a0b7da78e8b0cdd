/// A template or theme file that cannot be used: names the file, the line and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template or theme file.
    public var source: String
    /// The 1-based line of the problem, when it is on one.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error in `source` at `line`.
    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: MESSAGE`.
    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
