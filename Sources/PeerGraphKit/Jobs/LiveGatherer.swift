import Foundation

/// The live half of collecting: credentials, the accounts to list, their regions, every page of every
/// region of every account, which accounts were listed (for external accounts), and VPC names if asked.
struct LiveGatherer: Sendable {
    let context: JobContext
    let diagnostics: DiagnosticLog

    /// What a live collection found, besides the connections.
    struct Findings: Sendable {
        var collection: LiveCollector.Collection
        var vpcNames: [ExactText: String] = [:]
        var accountNames: [ExactText: String] = [:]
        /// The accounts that were listed; nil when one of them is not known (external accounts are not marked).
        var scannedAccounts: Set<String>?
    }

    /// Credentials, accounts, regions, then every page of every region of every account (and VPC names if asked).
    func collect(_ live: LiveRequest, filter: ConnectionFilter) async throws -> Findings {
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
        let log: @Sendable (String) -> Void = { [diagnostics] line in diagnostics.report(.log, line) }
        let transport = live.transport ?? SocketHTTPTransport.forEndpoint(live.endpoint)
        let retryPolicy = RetryPolicy(maximumRetries: live.maximumRetries)
        let services = CredentialServices(
            transport: transport, endpointOverride: live.endpoint, environment: environment, timeout: live.timeout,
            retryPolicy: retryPolicy, log: log, scrubber: context.scrubber)
        let planner = AccountPlanner(live: live, chain: chain, services: services) { [diagnostics] in
            diagnostics.report(.warning, $0)
        }
        var (accounts, regionCredentials) = try await planner.plan()
        if accounts.count > 1 { log("accounts: \(accounts.count)") }
        let client = AlibabaCloudClient(
            transport: transport, credentials: nil, timeout: live.timeout, retryPolicy: retryPolicy, log: log,
            scrubber: context.scrubber)
        var collector = LiveCollector(
            client: client, endpointOverride: live.endpoint, filters: APIRequest.ListFilters(filter),
            concurrency: live.concurrency ?? (accounts.count == 1 ? 8 : 32))
        if live.regions == .all {
            collector.client.credentials = try await regionCredentials.current()
            regions = try await collector.allRegions()
            log("DescribeRegions: \(regions.count) regions")
        }
        regions = Array(Set(regions)).sorted()
        // Which account each set of credentials belongs to, asked while the pages are fetched.
        let planned = accounts
        async let identified = Self.identify(planned, services: services)
        let collection = try await collector.collect(
            accounts: planned, regions: regions, keepGoing: live.keepGoing,
            perAccount: planned.count == 1 ? nil : LiveRequest.perAccountConcurrency
        ) {
            [diagnostics] event in
            switch event {
            case .page(let region, let page, let count):
                diagnostics.report(.progress, "\(region): page \(page), \(count) connections")
            case .regionDone(let region, let count):
                diagnostics.report(.progress, "\(region): done, \(count) connections")
            case .regionFailed(let region): diagnostics.report(.progress, "\(region): failed")
            }
        }
        for (index, id) in await identified { accounts[index].id = id }
        var findings = Findings(collection: collection)
        let listed = accounts.indices.filter { !collection.failedAccounts.contains($0) }.map { accounts[$0].id }
        if listed.allSatisfy({ $0 != nil }) { findings.scannedAccounts = Set(listed.compactMap { $0 }) }
        for account in accounts {
            if let id = account.id, let name = account.displayName, !name.isEmpty {
                findings.accountNames[ExactText(id)] = name
            }
        }
        if let folder = live.saveRawDirectory {
            if collection.failures.isEmpty {
                try Self.saveRaw(collection, accounts: accounts, scanned: findings.scannedAccounts, to: folder)
            } else {
                // A snapshot without some regions would read back as their connections deleted.
                diagnostics.report(
                    .warning,
                    """
                    --save-raw: \(folder) was left as it was, because \(Self.failedParts(collection.failures)) failed
                    """)
            }
        }
        if live.vpcNames {
            findings.vpcNames = try await Self.vpcNames(of: collection, accounts: accounts, collector: collector)
            log("DescribeVpcs: \(findings.vpcNames.count) names")
        }
        return findings
    }

    /// `2 regions`, `1 account`, `1 account and 2 regions`.
    private static func failedParts(_ failures: [APIError]) -> String {
        let accounts = failures.filter { $0.region == nil }.count, regions = failures.count - accounts
        return [
            accounts > 0 ? Plural.count(accounts, "account") : nil, regions > 0 ? Plural.count(regions, "region") : nil,
        ]
        .compactMap { $0 }.joined(separator: " and ")
    }

    /// The ids of the accounts whose id is not known yet, from GetCallerIdentity (a failure only means
    /// that external accounts are not marked, and is logged).
    private static func identify(_ accounts: [AccountTarget], services: CredentialServices) async -> [(Int, String)] {
        var found: [(Int, String)] = []
        for (index, account) in accounts.enumerated() where account.id == nil {
            do {
                let credentials = try await account.credentials.current()
                let id = try await CallerIdentity.account(
                    client: services.client(credentials), endpoint: services.stsEndpoint())
                found.append((index, id))
            } catch {
                services.log("GetCallerIdentity: \(error); external accounts are not marked")
            }
        }
        return found
    }

    /// VPC names from DescribeVpcs, each account asked for the VPCs it owns (with one account, for all).
    private static func vpcNames(
        of collection: LiveCollector.Collection, accounts: [AccountTarget], collector: LiveCollector
    ) async throws -> [ExactText: String] {
        var names: [ExactText: String] = [:]
        for (index, account) in accounts.enumerated() where !collection.failedAccounts.contains(index) {
            var byRegion: [ExactText: Set<ExactText>] = [:]
            for connection in collection.connections {
                for (endpoint, region, owner) in [
                    (connection.requester, connection.requesterRegion, connection.requesterOwner),
                    (connection.accepter, connection.accepterRegion, connection.accepterOwner),
                ] {
                    guard let region, accounts.count == 1 || (owner != nil && owner == account.id) else { continue }
                    byRegion[ExactText(region), default: []].insert(ExactText(endpoint.vpcID.text))
                }
            }
            if byRegion.isEmpty { continue }
            var scoped = collector
            scoped.client.credentials = try await account.credentials.current()
            names.merge(
                try await scoped.vpcNames(byRegion: byRegion.map { ($0.key.string, $0.value.sorted().map(\.string)) })
            ) { $1 }
        }
        return names
    }

    /// Writes every page as `REGION-page-NNNN.json` (`ACCOUNT-REGION-page-NNNN.json` when several
    /// accounts were listed) into one snapshot folder, all or nothing.
    private static func saveRaw(
        _ collection: LiveCollector.Collection, accounts: [AccountTarget], scanned: Set<String>?, to folder: String
    ) throws {
        var files: [SnapshotWriter.File] = []
        if scanned != nil {
            let listed = accounts.compactMap { account in account.id.map { (id: $0, displayName: account.displayName) }
            }
            files.append(
                SnapshotWriter.File(name: SnapshotManifest.fileName, bytes: SnapshotManifest(accounts: listed).bytes))
        }
        for result in collection.results {
            let account = accounts[result.accountIndex]
            let prefix = accounts.count == 1 ? "" : SnapshotWriter.fileStem(account.id ?? account.label ?? "") + "-"
            for (index, body) in result.pages.enumerated() {
                let name = prefix + SnapshotWriter.pageFileName(region: result.region, page: index + 1)
                files.append(SnapshotWriter.File(name: name, bytes: body))
            }
        }
        try SnapshotWriter.write(files, to: folder)
    }
}
