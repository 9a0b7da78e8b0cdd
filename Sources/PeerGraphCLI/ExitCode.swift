import PeerGraphKit

/// The process exit codes, as documented in the README.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// `check` found problems or `diff` found differences.
    case findings = 1
    case usage = 2
    case input = 3
    case api = 4
    case output = 5
    /// An error peergraph did not expect: a bug.
    case internalError = 70

    /// The one place that turns an error into its exit code and message.
    static func describe(_ error: Error) -> (ExitCode, String) {
        switch error {
        case let error as UsageError: return (.usage, error.description)
        case let error as PeerGraphError:
            switch error.category {
            case .request: return (.usage, error.description)
            case .input: return (.input, error.description)
            case .api: return (.api, error.description)
            case .output: return (.output, error.description)
            }
        default:
            return (
                .internalError,
                "internal error: \(error). This is a bug in peergraph; please report it with the command that caused it"
            )
        }
    }
}
