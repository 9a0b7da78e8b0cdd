import Foundation

/// Collects what a `CollectRequest` names: saved responses or every page of every live region,
/// deduplicated, with friendly names. The first stage of every job.
struct ConnectionGatherer: Sendable {
    /// Connections, failed regions (with keep-going) and names.
    struct Gathered: Sendable {
        var connections: [PeeringConnection]
        var failures: [APIError] = []
        var names = NameMap()
        /// The accounts a live run listed; nil for saved responses or when one was not known.
        var scannedAccounts: Set<String>?
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
            if !collected.manifests.isEmpty {
                let accounts = collected.manifests.flatMap(\.accounts)
                gathered.scannedAccounts = Set(accounts.map(\.id))
                var names: [ExactText: String] = [:]
                for account in accounts { if let name = account.displayName { names[ExactText(account.id)] = name } }
                gathered.names = NameMap(vpcNames: [:], accountNames: names)
            }
        case .live(let live):
            let found = try await LiveGatherer(context: context, diagnostics: diagnostics).collect(live, filter: filter)
            gathered = Gathered(
                connections: ConnectionDeduplicator.deduplicate(found.collection.connections),
                failures: found.collection.failures)
            gathered.names = NameMap(vpcNames: found.vpcNames, accountNames: found.accountNames)
            gathered.scannedAccounts = found.scannedAccounts
        }
        if let path = request.namesFile { gathered.names = gathered.names.merging(try NameMapReader.read(path: path)) }
        return gathered
    }
}
