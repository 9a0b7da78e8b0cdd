/// Something a job has to say besides its output: a warning, a failed region, progress, a log line.
///
/// Jobs report diagnostics as they happen (through `JobContext.report`) and also return them in the
/// `JobResult`; a caller decides which to show (the command line hides warnings with `--quiet`,
/// progress unless standard error is a terminal, and log lines unless `--verbose`).
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How much it matters, which decides whether and how it is shown.
    public enum Severity: String, Sendable, Equatable, CaseIterable {
        /// Part of the result is missing (a region that failed with keep-going).
        case error
        /// The result is complete but may not be what was meant.
        case warning
        /// A message from Graphviz while rendering a picture.
        case graphviz
        /// Live collection progress: pages and regions done.
        case progress
        /// One line of the request log (never a secret).
        case log
        /// The time and peak memory of one phase.
        case timing
        /// One line of the unified diff `--check` shows for a stale file (quotes the file's text).
        case difference
    }

    /// How much it matters.
    public var severity: Severity
    /// The text, without a prefix; may quote untrusted data, so print it through a terminal escaper.
    public var message: String

    /// A diagnostic of `severity` saying `message`.
    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }

    /// `severity: message`.
    public var description: String { "\(severity.rawValue): \(message)" }
}
