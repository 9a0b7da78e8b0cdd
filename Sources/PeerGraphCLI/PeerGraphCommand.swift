import Foundation
import PeerGraphKit

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

    /// Prints one message line, with any secret removed.
    private func say(_ message: String) {
        writeError(scrubber.scrub(message))
    }

    /// Runs the command with `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String]) async -> ExitCode {
        do {
            let parsed = try ParsedArguments(arguments, flags: Flags.all)
            if parsed.has("help") {
                try writeOutput(Array(HelpText.draw.utf8))
                return .success
            }
            if parsed.has("version") {
                try writeOutput(Array("peergraph \(PeerGraphVersion.current)\n".utf8))
                return .success
            }
            return try await draw(DrawOptions(parsed))
        } catch {
            let (code, message) = Self.describe(error)
            say("peergraph: error: \(message)")
            if code == .usage { say("Run 'peergraph --help' for usage.") }
            return code
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

    private func draw(_ options: DrawOptions) async throws -> ExitCode {
        if options.inputs.filter({ $0 == "-" }).count > 1 { throw UsageError("'-' (standard input) given more than once") }
        let renderOptions = try makeRenderOptions(options)

        var filter = options.filter
        let connections: [PeeringConnection]
        var failedRegions: [APIError] = []
        if options.inputs.isEmpty {
            let collection = try await collectLive(options)
            connections = ConnectionDeduplicator.deduplicate(collection.connections)
            failedRegions = collection.failures
        } else {
            connections = try PeerGraphPipeline.collect(options.inputs.map(InputSource.init(argument:)))
        }
        if options.live.allRegions { filter.regions = [] }
        let (graph, filtered) = PeerGraphPipeline.graph(connections, filter: filter, grouping: options.grouping)
        if let why = filtered.emptyExplanation, !options.quiet {
            say("peergraph: warning: the graph is empty: \(why)")
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
                say("peergraph: warning: \(warning)")
            }
        }
        if !failedRegions.isEmpty {
            for failure in failedRegions { say("peergraph: error: \(failure)") }
            let names = failedRegions.compactMap(\.region).joined(separator: ", ")
            say("peergraph: warning: --keep-going: the graph leaves out \(failedRegions.count) region\(failedRegions.count == 1 ? "" : "s") that failed (\(names))")
            return .api
        }
        return .success
    }

    /// Live mode: credentials, regions, then every page of every region.
    private func collectLive(_ options: DrawOptions) async throws -> LiveCollector.Collection {
        // $HOME first, as the SDKs and the aliyun CLI do (on Linux NSHomeDirectory() ignores it).
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let chain = CredentialChain(environment: environment, homeDirectory: home, profile: options.live.profile)
        var regions = options.filter.regions
        if regions.isEmpty && !options.live.allRegions {
            guard let region = chain.defaultRegion() else {
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
            transport: URLSessionTransport(), credentials: credentials, timeout: options.live.timeout,
            retryPolicy: RetryPolicy(maximumRetries: options.live.maximumRetries), log: log)
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
        if let folder = options.live.saveRawDirectory { try saveRaw(collection, to: folder) }
        return collection
    }

    /// Writes every page as `REGION-page-NNNN.json`, each atomically: a snapshot peergraph reads back.
    private func saveRaw(_ collection: LiveCollector.Collection, to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(destination: folder, message: "cannot create the folder")
        }
        for result in collection.results {
            let safeRegion = String(result.region.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
            for (index, body) in result.pages.enumerated() {
                let name = String(format: "%@-page-%04d.json", safeRegion, index + 1)
                let file = try AtomicFileWriter(destination: (folder as NSString).appendingPathComponent(name))
                do {
                    try file.write(body)
                    try file.commit()
                } catch {
                    file.discard()
                    throw error
                }
            }
        }
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
