/// The process exit codes, as documented in the README.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// `check` found problems or `diff` found differences.
    case findings = 1
    case usage = 2
    case input = 3
    case api = 4
    case output = 5
}
