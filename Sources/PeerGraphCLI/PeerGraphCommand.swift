import Foundation
import PeerGraphKit

/// The `peergraph` command: arguments in, exit code out. Errors become one line on standard error.
public struct PeerGraphCommand: Sendable {
    private var context: CommandLineContext

    /// A command writing to the given streams (by default the process's own).
    public init(
        writeError: @escaping @Sendable (String) -> Void = {
            try? JobContext.descriptorWriter(2)(Array(($0 + "\n").utf8))
        },
        writeOutput: @escaping @Sendable ([UInt8]) throws -> Void = JobContext.descriptorWriter(1),
        standardInput: FileHandle = FileHandle(fileDescriptor: 0, closeOnDealloc: false),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        errorIsTerminal: Bool = isatty(2) == 1
    ) {
        context = CommandLineContext(
            writeError: writeError, writeOutput: writeOutput, standardInput: standardInput, environment: environment,
            errorIsTerminal: errorIsTerminal)
    }

    /// Runs the command with `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String]) async -> ExitCode {
        var command = Subcommand.draw
        do {
            var arguments = arguments
            if let text = try Self.informationRequested(arguments) {
                try context.writeOutput(Array(text.utf8))
                return .success
            }
            if let first = arguments.first, let subcommand = Subcommand(rawValue: first), subcommand != .draw {
                command = subcommand
                arguments.removeFirst()
            } else if let first = arguments.first, let suggestion = Self.mistypedCommand(first) {
                throw UsageError(
                    "'\(first)' is neither a command nor a file or folder (did you mean 'peergraph \(suggestion)'?)")
            }
            let parsed = try ParsedArguments(arguments, command: command)
            if parsed.has(GeneralOptions.help) {
                try context.writeOutput(Array(HelpWriter.text(for: command).utf8))
                return .success
            }
            if parsed.has(GeneralOptions.version) {
                try context.writeOutput(Array("peergraph \(PeerGraphJobs.version)\n".utf8))
                return .success
            }
            switch command {
            case .draw: return try await DrawCommand.run(parsed, context)
            case .check: return try await CheckCommand.run(parsed, context)
            case .diff: return try await DiffCommand.run(parsed, context)
            }
        } catch let error as PeerGraphError where error.isClosedOutput {
            // The reader has what it wanted (`peergraph … | head`): stop quietly.
            return .success
        } catch {
            let (code, message) = ExitCode.describe(error)
            context.say("peergraph: error: \(message)")
            if code == .usage {
                context.say("Run 'peergraph\(command == .draw ? "" : " \(command.rawValue)") --help' for usage.")
            }
            return code
        }
    }

    /// The text of `help [COMMAND]`, `completions SHELL` or `--help-man`, when that is what was asked.
    static func informationRequested(_ arguments: [String]) throws(UsageError) -> String? {
        guard let first = arguments.first, !FileManager.default.fileExists(atPath: first) else { return nil }
        switch first {
        case "help":
            // `peergraph help [check|diff]`, as git and swift do.
            return HelpWriter.text(for: arguments.dropFirst().first.flatMap(Subcommand.init(rawValue:)) ?? .draw)
        case "completions":
            let shells = CompletionWriter.Shell.allCases.map(\.rawValue).joined(separator: ", ")
            guard arguments.count == 2, let shell = CompletionWriter.Shell(rawValue: arguments[1]) else {
                throw UsageError("completions takes one shell: \(shells)")
            }
            return CompletionWriter.script(for: shell)
        case "--help-man": return ManPageWriter.page()
        default: return nil
        }
    }

    /// The command `word` was probably meant to be: it is no file or folder, and close to a command name.
    static func mistypedCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !word.contains("/"), !FileManager.default.fileExists(atPath: word) else {
            return nil
        }
        return EditDistance.closest(to: word.lowercased(), among: ["check", "diff", "help", "completions"], within: 2)
    }
}
