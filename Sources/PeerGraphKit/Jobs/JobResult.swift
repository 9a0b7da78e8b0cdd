/// How a job ended, when it did not throw.
public struct JobResult: Sendable {
    /// What the job found, for the exit status.
    public enum Outcome: Sendable, Equatable {
        /// Done; nothing to report (check: no finding at the threshold; diff: no difference).
        case clean
        /// `check` found problems at or above the threshold, or `diff` found differences.
        case findings
        /// Done without some regions, which failed (keep-going): the result is incomplete.
        case partial
    }

    /// What the job found.
    public var outcome: Outcome
    /// Everything the job reported, in order.
    public var diagnostics: [Diagnostic]

    /// A result.
    public init(outcome: Outcome, diagnostics: [Diagnostic]) {
        self.outcome = outcome
        self.diagnostics = diagnostics
    }
}
