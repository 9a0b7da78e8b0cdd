import Foundation

/// Collects what a `CollectRequest` names: saved responses or every page of every live region,
/// deduplicated, with friendly names. The first stage of every job.
struct ConnectionGatherer: Sendable {
    /// Connections, failed regions (with keep-going) and names.
    struct Gathered: Sendable {
        var connections: [PeeringConnection]
        var failures: [APIError] = []
        var names = NameMap()
    }

    let context: JobContext
    let diagnostics: DiagnosticLog

    func gather(_ request: CollectRequest, filter: ConnectionFilter) async throws -> Gathered {
        var gathered: Gathered
        switch request.origin {
        case .inputs(let sources):
            if sources.filter({ $0 == .standardInput }).count > 1 {
                throw RequestError("'-' (standard input) given more than once")
            }
            let reader = InputReader(strict: request.strict, standardInput: context.standardInput.fileDescriptor)
            let collected = try reader.collect(sources)
            gathered = Gathered(connections: ConnectionDeduplicator.deduplicate(collected.connections))
            for warning in collected.warnings { diagnostics.report(.warning, "\(warning)") }
        case .live(let live):
            let (collection, vpcNames) = try await collectLive(live, filter: filter)
            gathered = Gathered(
                connections: ConnectionDeduplicator.deduplicate(collection.connections), failures: collection.failures)
            gathered.names = NameMap(vpcNames: vpcNames)
        }
        if let path = request.namesFile { gathered.names = gathered.names.merging(try NameMapReader.read(path: path)) }
        return gathered
    }

    /// Credentials, regions, then every page of every region (and VPC names if asked).
    private func collectLive(
        _ live: LiveRequest, filter: ConnectionFilter
    ) async throws -> (LiveCollector.Collection, [ExactText: String]) {
        let environment = context.environment
        // $HOME first, as the SDKs and the aliyun CLI do (on Linux NSHomeDirectory() ignores it).
        let home = live.homeDirectory ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let chain = CredentialChain(environment: environment, homeDirectory: home, profile: live.profile)
        var regions: [String] = []
        switch live.regions {
        case .named(let named) where !named.isEmpty: regions = named
        case .all: break
        case .default, .named:
            guard let region = chain.defaultRegion() else {
                throw RequestError(
                    live.missingRegionMessage ?? """
                        no input and no region: give saved API responses (files, directories or -), or collect live with \
                        --region REGION (or --region all, or set ALIBABA_CLOUD_REGION_ID or a profile region_id)
                        """)
            }
            regions = [region]
        }
        let credentials = try chain.resolve()
        context.scrubber.add(credentials.secrets)
        let log: @Sendable (String) -> Void = { [diagnostics] line in diagnostics.report(.log, line) }
        log("credentials: \(credentials)")
        let client = AlibabaCloudClient(
            transport: live.transport ?? SocketHTTPTransport.forEndpoint(live.endpoint), credentials: credentials,
            timeout: live.timeout, retryPolicy: RetryPolicy(maximumRetries: live.maximumRetries), log: log,
            scrubber: context.scrubber)
        let collector = LiveCollector(
            client: client, endpointOverride: live.endpoint, filters: APIRequest.ListFilters(filter),
            concurrency: live.concurrency)
        if live.regions == .all {
            regions = try await collector.allRegions()
            log("DescribeRegions: \(regions.count) regions")
        }
        regions = Array(Set(regions)).sorted()
        let collection = try await collector.collect(regions: regions, keepGoing: live.keepGoing) {
            [diagnostics] event in
            switch event {
            case .page(let region, let page, let count):
                diagnostics.report(.progress, "\(region): page \(page), \(count) connections")
            case .regionDone(let region, let count):
                diagnostics.report(.progress, "\(region): done, \(count) connections")
            case .regionFailed(let region): diagnostics.report(.progress, "\(region): failed")
            }
        }
        if let folder = live.saveRawDirectory {
            if collection.failures.isEmpty {
                try Self.saveRaw(collection, to: folder)
            } else {
                // A snapshot without some regions would read back as their connections deleted.
                diagnostics.report(
                    .warning,
                    """
                    --save-raw: \(folder) was left as it was, because \(Plural.count(collection.failures.count, "region")) failed
                    """)
            }
        }
        var names: [ExactText: String] = [:]
        if live.vpcNames {
            var byRegion: [ExactText: Set<ExactText>] = [:]
            for connection in collection.connections {
                if let region = connection.requesterRegion {
                    byRegion[ExactText(region), default: []].insert(ExactText(connection.requester.vpcID.text))
                }
                if let region = connection.accepterRegion {
                    byRegion[ExactText(region), default: []].insert(ExactText(connection.accepter.vpcID.text))
                }
            }
            names = try await collector.vpcNames(
                byRegion: byRegion.map { ($0.key.string, $0.value.sorted().map(\.string)) })
            log("DescribeVpcs: \(names.count) names")
        }
        return (collection, names)
    }

    /// Writes every page as `REGION-page-NNNN.json` into one snapshot folder, all or nothing.
    private static func saveRaw(_ collection: LiveCollector.Collection, to folder: String) throws {
        var files: [SnapshotWriter.File] = []
        for result in collection.results {
            for (index, body) in result.pages.enumerated() {
                let name = SnapshotWriter.pageFileName(region: result.region, page: index + 1)
                files.append(SnapshotWriter.File(name: name, bytes: body))
            }
        }
        try SnapshotWriter.write(files, to: folder)
    }
}
