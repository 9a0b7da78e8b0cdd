import Foundation
import PeerGraphKit

/// Big values the command is done with, kept so they are not freed one by one just before the process
/// exits (the operating system reclaims the memory at once; freeing 200,000 connections takes about half
/// a second). Like clang's `-disable-free`. Only the executable's run uses it.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keepUntilExit(_ values: Any...) {
        lock.withLock { kept.append(contentsOf: values) }
    }
}

/// The `peergraph` command: arguments in, exit code out. Errors become one line on standard error.
public struct PeerGraphCommand: Sendable {
    /// Where messages go; replaceable in tests.
    public var writeError: @Sendable (String) -> Void
    /// Where output goes when no `-o` is given; replaceable in tests.
    public var writeOutput: @Sendable ([UInt8]) throws -> Void
    /// The environment, for credentials and the default region.
    public var environment: [String: String]
    /// Whether standard error is a terminal (progress is shown only there).
    public var errorIsTerminal: Bool

    private let scrubber = SecretScrubber()

    public init(
        writeError: @escaping @Sendable (String) -> Void = { try? StandardStreams.write(Array(($0 + "\n").utf8), to: 2) },
        writeOutput: @escaping @Sendable ([UInt8]) throws -> Void = { try StandardStreams.write($0, to: 1) },
        environment: [String: String] = ProcessInfo.processInfo.environment,
        errorIsTerminal: Bool = isatty(2) == 1
    ) {
        self.writeError = writeError
        self.writeOutput = writeOutput
        self.environment = environment
        self.errorIsTerminal = errorIsTerminal
    }

    /// Prints one message line, with any secret removed and any control or format character (escape
    /// sequences, bidi overrides) neutralised: messages quote region ids from the API, Graphviz's
    /// warnings about nodes, keys of a names file.
    private func say(_ message: String) {
        writeError(TextEscaping.terminal(scrubber.scrub(message)))
    }

    /// Runs the command with `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String]) async -> ExitCode {
        do {
            var arguments = arguments
            var command = Subcommand.draw
            if arguments.first == "help" && !FileManager.default.fileExists(atPath: "help") {
                // `peergraph help [check|diff]`, as git and swift do.
                let topic = arguments.dropFirst().first.flatMap(Subcommand.init(rawValue:)) ?? .draw
                try writeOutput(Array(HelpText.text(for: topic).utf8))
                return .success
            }
            if let first = arguments.first, let subcommand = Subcommand(rawValue: first), subcommand != .draw {
                command = subcommand
                arguments.removeFirst()
            } else if let first = arguments.first, let suggestion = Self.mistypedCommand(first) {
                throw UsageError("'\(first)' is neither a command nor a file or folder (did you mean 'peergraph \(suggestion)'?)")
            }
            let parsed = try ParsedArguments(arguments, flags: Flags.of(command), command: command)
            if parsed.has("help") {
                try writeOutput(Array(HelpText.text(for: command).utf8))
                return .success
            }
            if parsed.has("version") {
                try writeOutput(Array("peergraph \(PeerGraphVersion.current)\n".utf8))
                return .success
            }
            let options = try DrawOptions(parsed, command: command)
            try refuseOutputOverInput(options)
            switch command {
            case .draw: return try await draw(options)
            case .check: return try await check(options)
            case .diff: return try await diff(options)
            }
        } catch let error as OutputError where error.isBrokenPipe {
            // The reader has what it wanted (`peergraph … | head`): stop quietly.
            return .success
        } catch {
            let (code, message) = Self.describe(error)
            say("peergraph: error: \(message)")
            if code == .usage { say("Run 'peergraph\(arguments.first.flatMap { Subcommand(rawValue: $0) }.map { " \($0.rawValue)" } ?? "") --help' for usage.") }
            return code
        }
    }

    /// The command `word` was probably meant to be: it is no file or folder, and close to a command name.
    static func mistypedCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !word.contains("/"), !FileManager.default.fileExists(atPath: word) else { return nil }
        let commands = ["check", "diff", "help"]
        let best = commands.min { EditDistance.between(word.lowercased(), $0) < EditDistance.between(word.lowercased(), $1) }
        guard let best, EditDistance.between(word.lowercased(), best) <= 2 else { return nil }
        return best
    }

    /// `-o` naming one of the inputs (the same file, however it is spelled) would destroy it: a usage
    /// error before anything is read or written.
    private func refuseOutputOverInput(_ options: DrawOptions) throws {
        guard let output = options.outputPath, let target = AtomicFileWriter.identity(of: output) else { return }
        var inputs = options.inputs.filter { $0 != "-" }
        inputs += [options.namesPath, options.templatePath, options.themePath].compactMap { $0 }
        for input in inputs {
            var files = [input]
            if case .directory(let folder) = InputSource(argument: input) {
                files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.map { (folder as NSString).appendingPathComponent($0) } ?? []
            }
            for file in files where AtomicFileWriter.identity(of: file) == target {
                throw UsageError("-o \(output) is the input \(file): writing it would destroy it")
            }
        }
    }

    /// The one place that turns an error into its exit code and message.
    static func describe(_ error: Error) -> (ExitCode, String) {
        switch error {
        case let error as UsageError: (.usage, error.description)
        case let error as CredentialChain.Failure: (.usage, error.description)
        case let error as InputError: (.input, error.description)
        case let error as TemplateError: (.input, error.description)
        case let error as APIError: (.api, error.description)
        case let error as OutputError: (.output, error.description)
        default: (.output, "\(error)")
        }
    }

    /// Connections from files (or live, when `inputs` is empty), deduplicated, with names.
    struct Gathered {
        var connections: [PeeringConnection]
        var failures: [APIError] = []
        var names = NameMap()
    }

    private func gather(_ inputs: [String], _ options: DrawOptions, missingRegion: String? = nil) async throws -> Gathered {
        if inputs.filter({ $0 == "-" }).count > 1 { throw UsageError("'-' (standard input) given more than once") }
        var gathered: Gathered
        if inputs.isEmpty {
            let (collection, vpcNames) = try await collectLive(options, missingRegion: missingRegion)
            gathered = Gathered(connections: ConnectionDeduplicator.deduplicate(collection.connections), failures: collection.failures)
            gathered.names = NameMap(vpcNames: vpcNames)
        } else {
            let collected = try PeerGraphPipeline.collectWithWarnings(
                inputs.map(InputSource.init(argument:)), reader: InputReader(strict: options.strict))
            gathered = Gathered(connections: collected.connections)
            if !options.quiet { for warning in collected.warnings { say("peergraph: warning: \(warning)") } }
        }
        if let path = options.namesPath { gathered.names = gathered.names.merging(try NameMapReader.read(path: path)) }
        return gathered
    }

    /// Filter, focus and redact: the connections that will be drawn or checked.
    private func narrow(_ connections: [PeeringConnection], _ options: DrawOptions) -> (connections: [PeeringConnection], filtered: FilterResult) {
        var filter = options.filter
        if options.live.allRegions { filter.regions = [] }
        let filtered = filter.apply(to: connections)
        var kept = filtered.kept
        if !options.focus.isEmpty { kept = GraphTransforms.focus(kept, on: options.focus, depth: options.depth) }
        if options.redact {
            kept = GraphTransforms.redact(kept, cidrs: options.redactCIDRs, salt: environment["PEERGRAPH_REDACT_SALT"] ?? "")
        }
        return (kept, filtered)
    }

    private func warnIfEmpty(_ filtered: FilterResult, kept: [PeeringConnection], _ options: DrawOptions) {
        guard !options.quiet else { return }
        if let why = filtered.emptyExplanation {
            say("peergraph: warning: the graph is empty: \(why)")
        } else if kept.isEmpty && !options.focus.isEmpty {
            say("peergraph: warning: the graph is empty: no connection touches --focus \(options.focus.joined(separator: ", "))")
        }
    }

    /// With PEERGRAPH_TIMINGS=1, the time each phase took, on standard error (for performance work).
    private func time<T>(_ phase: String, _ body: () async throws -> T) async rethrows -> T {
        guard environment["PEERGRAPH_TIMINGS"] == "1" else { return try await body() }
        let start = Date()
        defer {
            var usage = rusage()
            #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
            getrusage(RUSAGE_SELF, &usage)
            #endif
            // ru_maxrss is in KiB on Linux and in bytes on macOS.
            #if os(Linux)
            let peak = Int(usage.ru_maxrss) / 1024
            #else
            let peak = Int(usage.ru_maxrss) / (1024 * 1024)
            #endif
            say("peergraph: timing: \(phase) \(Int(Date().timeIntervalSince(start) * 1000)) ms, peak memory so far \(peak) MiB")
        }
        return try await body()
    }

    private func draw(_ options: DrawOptions) async throws -> ExitCode {
        let renderOptions = try makeRenderOptions(options)
        let gathered = try await time("collect") { try await gather(options.inputs, options) }
        let (connections, filtered) = await time("filter") { narrow(gathered.connections, options) }
        warnIfEmpty(filtered, kept: connections, options)
        var graph = await time("graph") {
            PeerGraph(connections: connections, grouping: options.grouping, names: options.redact ? gathered.names.withoutAccounts : gathered.names)
        }
        warnAboutOwners(graph, options)
        if let key = options.collapse { graph = graph.collapsed(by: key, names: options.redact ? NameMap() : gathered.names) }
        try await time("render") { try emitGraph(graph, options: options, renderOptions: renderOptions) }
        ProcessLifetime.keepUntilExit(graph, gathered, connections)
        return reportFailures(gathered.failures)
    }

    private func check(_ options: DrawOptions) async throws -> ExitCode {
        let gathered = try await gather(options.inputs, options)
        let (connections, filtered) = narrow(gathered.connections, options)
        warnIfEmpty(filtered, kept: connections, options)
        let graph = PeerGraph(connections: connections, grouping: .none)
        warnAboutOwners(graph, options)
        let findings = MeshChecker(asOf: options.asOf, expiryDays: options.expiryDays).check(graph)
        let writer = CheckReportWriter(format: options.reportFormat, asOf: APITimestamp.format(options.asOf))
        try emit(options) { writer.write(findings, graph: graph, to: $0) }
        let failed = reportFailures(gathered.failures)
        if failed != .success { return failed }
        if let threshold = options.failOn, findings.contains(where: { $0.severity >= threshold }) { return .findings }
        return .success
    }

    private func diff(_ options: DrawOptions) async throws -> ExitCode {
        let renderOptions = try makeRenderOptions(options)
        let old = try await gather([options.inputs[0]], options)
        let new = try await gather(Array(options.inputs.dropFirst()), options,
                                   missingRegion: "diff needs NEW: give a second snapshot, or --region REGION to compare OLD with the live API")
        let oldConnections = narrow(old.connections, options).connections
        let newConnections = narrow(new.connections, options).connections
        let difference = SnapshotDiff(old: oldConnections, new: newConnections)
        if options.isGraphDiff {
            var graph = PeerGraph(connections: newConnections + difference.removed, grouping: options.grouping, names: old.names.merging(new.names))
            graph.changes = difference.changeKinds
            for vpc in difference.vpcsAdded { graph.nodeChanges[ExactText(vpc)] = .added }
            for vpc in difference.vpcsRemoved { graph.nodeChanges[ExactText(vpc)] = .removed }
            try emitGraph(graph, options: options, renderOptions: renderOptions)
        } else {
            let writer = DiffReportWriter(format: options.reportFormat)
            try emit(options) { writer.write(difference, to: $0) }
        }
        let failed = reportFailures(old.failures + new.failures)
        if failed != .success { return failed }
        return difference.isEmpty ? .success : .findings
    }

    /// A VPC that connections give two owners: an id was probably rounded on the way.
    private func warnAboutOwners(_ graph: PeerGraph, _ options: DrawOptions) {
        guard !options.quiet, !options.redact else { return }
        for warning in graph.ownerConflictWarnings { say("peergraph: warning: \(warning)") }
    }

    /// With --keep-going: name the regions that failed; exit code 4.
    private func reportFailures(_ failures: [APIError]) -> ExitCode {
        guard !failures.isEmpty else { return .success }
        for failure in failures { say("peergraph: error: \(failure)") }
        let names = failures.compactMap(\.region).joined(separator: ", ")
        say("peergraph: warning: --keep-going: the result leaves out \(Plural.count(failures.count, "region")) that failed (\(names))")
        return .api
    }

    /// Renders the graph in the chosen format (or through Graphviz) to the output.
    private func emitGraph(_ graph: PeerGraph, options: DrawOptions, renderOptions: RenderOptions) throws {
        let format: OutputFormat = options.render != nil ? .dot : options.format
        if let picture = options.render {
            guard picture == "svg" || options.outputPath != nil else {
                throw UsageError("--render \(picture) writes binary data: give -o FILE")
            }
            let dot = OutputSink.collectingBytes { PeerGraphPipeline.render(graph, format: .dot, options: renderOptions, to: $0) }
            let renderer = GraphvizRenderer(format: picture, engine: options.layout, edgeCount: graph.edges.count)
            let (bytes, warnings) = try renderer.render(dot)
            for line in warnings.split(whereSeparator: \.isNewline) where !options.quiet { say("peergraph: graphviz: \(line)") }
            try emit(options) { sink in bytes.withUnsafeBufferPointer { sink.write(bytes: $0) } }
            return
        }
        let fence = options.markdownFence && format == .mermaid
        let byteCount = try emit(options) { sink in
            if fence { sink.write("```mermaid\n") }
            PeerGraphPipeline.render(graph, format: format, options: renderOptions, to: sink)
            if fence { sink.write("```\n") }
        }
        if format == .mermaid && !options.quiet {
            for warning in MermaidWriter.limitWarnings(edgeCount: graph.edges.count, characterCount: byteCount) {
                say("peergraph: warning: \(warning)")
            }
        }
    }

    /// Writes what `body` produces to -o FILE (atomically) or standard output; returns the byte count.
    @discardableResult
    private func emit(_ options: DrawOptions, _ body: (OutputSink) -> Void) throws -> Int {
        if let path = options.outputPath {
            let file = try AtomicFileWriter(destination: path)
            let sink = OutputSink { try file.write($0) }
            body(sink)
            do {
                try sink.finish()
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            return sink.byteCount
        }
        let sink = OutputSink { try writeOutput(Array($0)) }
        body(sink)
        try sink.finish()
        return sink.byteCount
    }

    /// Live mode: credentials, regions, then every page of every region (and VPC names if asked).
    private func collectLive(_ options: DrawOptions, missingRegion: String? = nil) async throws -> (LiveCollector.Collection, [ExactText: String]) {
        // $HOME first, as the SDKs and the aliyun CLI do (on Linux NSHomeDirectory() ignores it).
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let chain = CredentialChain(environment: environment, homeDirectory: home, profile: options.live.profile)
        var regions = options.filter.regions
        if regions.isEmpty && !options.live.allRegions {
            guard let region = chain.defaultRegion() else {
                if let missingRegion { throw UsageError(missingRegion) }
                throw UsageError("""
                    no input and no region: give saved API responses (files, directories or -), or collect live with \
                    --region REGION (or --region all, or set ALIBABA_CLOUD_REGION_ID or a profile region_id)
                    """)
            }
            regions = [region]
        }
        let credentials = try chain.resolve()
        scrubber.add(credentials.secrets)
        let verbose = options.verbose
        let log: @Sendable (String) -> Void = { line in if verbose { say("peergraph: \(line)") } }
        log("credentials: \(credentials)")
        let client = AlibabaCloudClient(
            transport: SocketHTTPTransport.forEndpoint(options.live.endpoint), credentials: credentials, timeout: options.live.timeout,
            retryPolicy: RetryPolicy(maximumRetries: options.live.maximumRetries), log: log, scrubber: scrubber)
        let collector = LiveCollector(client: client, endpointOverride: options.live.endpoint, filters: options.filter.apiFilters,
                                      concurrency: options.live.concurrency)
        if options.live.allRegions {
            regions = try await collector.allRegions()
            log("DescribeRegions: \(regions.count) regions")
        }
        regions = Array(Set(regions)).sorted()
        let showProgress = errorIsTerminal && !options.quiet && !verbose
        let collection = try await collector.collect(regions: regions, keepGoing: options.live.keepGoing) { event in
            guard showProgress else { return }
            switch event {
            case let .page(region, page, count): say("peergraph: \(region): page \(page), \(count) connections")
            case let .regionDone(region, count): say("peergraph: \(region): done, \(count) connections")
            case let .regionFailed(region): say("peergraph: \(region): failed")
            }
        }
        if let folder = options.live.saveRawDirectory {
            if collection.failures.isEmpty {
                try saveRaw(collection, to: folder)
            } else {
                // A snapshot without some regions would read back as their connections deleted.
                say("peergraph: warning: --save-raw: \(folder) was left as it was, because \(Plural.count(collection.failures.count, "region")) failed")
            }
        }
        var names: [ExactText: String] = [:]
        if options.vpcNames {
            var byRegion: [ExactText: Set<ExactText>] = [:]
            for connection in collection.connections {
                if let region = connection.requesterRegion { byRegion[ExactText(region), default: []].insert(ExactText(connection.requester.vpcID)) }
                if let region = connection.accepterRegion { byRegion[ExactText(region), default: []].insert(ExactText(connection.accepter.vpcID)) }
            }
            names = try await collector.vpcNames(byRegion: byRegion.map { ($0.key.string, $0.value.sorted().map(\.string)) })
            log("DescribeVpcs: \(names.count) names")
        }
        return (collection, names)
    }

    /// Writes every page as `REGION-page-NNNN.json` into one snapshot folder, all or nothing (SnapshotWriter).
    private func saveRaw(_ collection: LiveCollector.Collection, to folder: String) throws {
        var files: [SnapshotWriter.File] = []
        for result in collection.results {
            for (index, body) in result.pages.enumerated() {
                files.append(SnapshotWriter.File(name: SnapshotWriter.pageFileName(region: result.region, page: index + 1), bytes: body))
            }
        }
        try SnapshotWriter.write(files, to: folder)
    }

    private func makeRenderOptions(_ options: DrawOptions) throws -> RenderOptions {
        var render = RenderOptions(
            title: options.title, legend: options.legend, maximumLabelLength: options.maximumLabelLength,
            graphMLFlavor: options.graphMLFlavor, edgeLabels: options.edgeLabels)
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
