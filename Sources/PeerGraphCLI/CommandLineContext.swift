import Foundation
import PeerGraphKit

/// The command line's world: its streams, environment and terminal, and how diagnostics are shown there.
struct CommandLineContext: Sendable {
    var writeError: @Sendable (String) -> Void
    var writeOutput: @Sendable ([UInt8]) throws -> Void
    var standardInput: FileHandle
    var environment: [String: String]
    var errorIsTerminal: Bool
    /// The context every job of this run gets; its scrubber learns the secrets, which `say` then removes.
    private let base: JobContext

    init(
        writeError: @escaping @Sendable (String) -> Void, writeOutput: @escaping @Sendable ([UInt8]) throws -> Void,
        standardInput: FileHandle, environment: [String: String], errorIsTerminal: Bool
    ) {
        self.writeError = writeError
        self.writeOutput = writeOutput
        self.standardInput = standardInput
        self.environment = environment
        self.errorIsTerminal = errorIsTerminal
        base = JobContext(
            standardInput: standardInput, writeOutput: writeOutput, environment: environment,
            reportsTimings: environment["PEERGRAPH_TIMINGS"] == "1", keepsValuesUntilExit: true)
    }

    /// Prints one message line, with any secret removed and any control or format character (escape
    /// sequences, bidi overrides) neutralised: messages quote region ids from the API, Graphviz's
    /// warnings about nodes, keys of a names file.
    func say(_ message: String) {
        writeError(base.printable(message))
    }

    /// The jobs' context: diagnostics shown as `--quiet` and `--verbose` say, progress only on a terminal.
    func job(_ parsed: ParsedArguments) -> JobContext {
        let quiet = parsed.has(GeneralOptions.quiet), verbose = parsed.has(LiveOptions.verbose)
        let showsProgress = errorIsTerminal && !quiet && !verbose
        let say = self.say
        var context = base
        context.report = { diagnostic in
            switch diagnostic.severity {
            case .error: say("peergraph: error: \(diagnostic.message)")
            case .warning where !quiet: say("peergraph: warning: \(diagnostic.message)")
            case .graphviz where !quiet: say("peergraph: graphviz: \(diagnostic.message)")
            case .progress where showsProgress, .log where verbose: say("peergraph: \(diagnostic.message)")
            case .timing: say("peergraph: timing: \(diagnostic.message)")
            case .difference where !quiet: say(diagnostic.message)
            default: break
            }
        }
        return context
    }

    /// The exit code of a job that finished.
    func exitCode(of result: JobResult) -> ExitCode {
        switch result.outcome {
        case .clean: .success
        case .findings: .findings
        case .partial: .api
        }
    }
}
