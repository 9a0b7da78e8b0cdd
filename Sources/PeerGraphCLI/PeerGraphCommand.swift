import Foundation
import PeerGraphKit

/// The `peergraph` command: arguments in, exit code out. Errors become one line on standard error.
public struct PeerGraphCommand {
    /// Where messages go; replaceable in tests.
    public var writeError: (String) -> Void
    /// Where output goes when no `-o` is given; replaceable in tests.
    public var writeOutput: ([UInt8]) throws -> Void

    public init(
        writeError: @escaping (String) -> Void = { try? StandardStreams.write(Array(($0 + "\n").utf8), to: 2) },
        writeOutput: @escaping ([UInt8]) throws -> Void = { try StandardStreams.write($0, to: 1) }
    ) {
        self.writeError = writeError
        self.writeOutput = writeOutput
    }

    /// Runs the command with `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String]) -> ExitCode {
        do {
            let parsed = try ParsedArguments(arguments, flags: Flags.all)
            if parsed.has("help") {
                try writeOutput(Array(HelpText.draw.utf8))
                return .success
            }
            if parsed.has("version") {
                try writeOutput(Array("peergraph \(HelpText.version)\n".utf8))
                return .success
            }
            return try draw(DrawOptions(parsed))
        } catch {
            let (code, message) = Self.describe(error)
            writeError("peergraph: error: \(message)")
            if code == .usage { writeError("Run 'peergraph --help' for usage.") }
            return code
        }
    }

    /// The one place that turns an error into its exit code and message.
    static func describe(_ error: Error) -> (ExitCode, String) {
        switch error {
        case let error as UsageError: (.usage, error.description)
        case let error as InputError: (.input, error.description)
        case let error as TemplateError: (.input, error.description)
        case let error as OutputError: (.output, error.description)
        default: (.output, "\(error)")
        }
    }

    private func draw(_ options: DrawOptions) throws -> ExitCode {
        guard !options.inputs.isEmpty else {
            throw UsageError("no input: give saved API responses as files or directories, or - for standard input")
        }
        if options.inputs.filter({ $0 == "-" }).count > 1 { throw UsageError("'-' (standard input) given more than once") }
        let renderOptions = try makeRenderOptions(options)

        let connections = try PeerGraphPipeline.collect(options.inputs.map(InputSource.init(argument:)))
        let (graph, filtered) = PeerGraphPipeline.graph(connections, filter: options.filter, grouping: options.grouping)
        if let why = filtered.emptyExplanation, !options.quiet {
            writeError("peergraph: warning: the graph is empty: \(why)")
        }

        var byteCount = 0
        if let path = options.outputPath {
            let file = try AtomicFileWriter(destination: path)
            let sink = OutputSink { bytes in byteCount += bytes.count; try file.write(bytes) }
            PeerGraphPipeline.render(graph, format: options.format, options: renderOptions, to: sink)
            do {
                try sink.finish()
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        } else {
            let sink = OutputSink { bytes in byteCount += bytes.count; try writeOutput(bytes) }
            PeerGraphPipeline.render(graph, format: options.format, options: renderOptions, to: sink)
            try sink.finish()
        }
        if options.format == .mermaid && !options.quiet {
            for warning in MermaidWriter.limitWarnings(edgeCount: graph.edges.count, characterCount: byteCount) {
                writeError("peergraph: warning: \(warning)")
            }
        }
        return .success
    }

    private func makeRenderOptions(_ options: DrawOptions) throws -> RenderOptions {
        var render = RenderOptions(
            title: options.title, legend: options.legend, maximumLabelLength: options.maximumLabelLength,
            graphMLFlavor: options.graphMLFlavor)
        if let path = options.templatePath {
            render.template = try Template(text: try readText(path), source: path, allowed: options.format.placeholders)
        }
        if let path = options.themePath {
            render.theme = try StatusTheme(text: try readText(path), source: path)
        }
        if options.timestamp {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            render.timestamp = formatter.string(from: Date())
        }
        return render
    }

    private func readText(_ path: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(source: path, message: "file is not UTF-8 text")
        }
        return text
    }
}
