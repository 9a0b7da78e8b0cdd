import Foundation

/// What the three jobs share: the stages, the diagnostics, and the graph recipe's filter, focus and redaction.
struct Job: Sendable {
    let context: JobContext
    let diagnostics: DiagnosticLog
    let gatherer: ConnectionGatherer
    let emitter: OutputEmitter
    let timer: PhaseTimer

    init(_ context: JobContext) {
        self.context = context
        diagnostics = DiagnosticLog(forwardingTo: context.report, scrubber: context.scrubber)
        gatherer = ConnectionGatherer(context: context, diagnostics: diagnostics)
        emitter = OutputEmitter(context: context, diagnostics: diagnostics)
        timer = PhaseTimer(enabled: context.reportsTimings, diagnostics: diagnostics)
    }

    func result(_ outcome: JobResult.Outcome) -> JobResult {
        JobResult(outcome: outcome, diagnostics: diagnostics.all)
    }

    /// An output naming one of the files read (however it is spelled) would destroy it: refused before
    /// anything is read or written. Only regular files are replaced, so only they are compared.
    func refuseOutputOverInputs(_ output: String?, _ collects: [CollectRequest], extra: [String?] = []) throws {
        guard let output, let target = AtomicFileWriter.identity(of: output) else { return }
        for file in collects.flatMap(\.filesRead) + extra.compactMap({ $0 })
        where AtomicFileWriter.identity(of: file) == target {
            throw RequestError("-o \(output) is the input \(file): writing it would destroy it")
        }
    }

    /// Filter, focus and redact: the connections that will be drawn or checked.
    func narrow(
        _ connections: [PeeringConnection], _ recipe: GraphRecipe, _ collect: CollectRequest
    ) -> (connections: [PeeringConnection], filtered: FilterResult) {
        var filter = recipe.filter
        // Every region was asked for: the connections are all wanted, whatever regions they name.
        if case .live(let live) = collect.origin, live.regions == .all { filter.regions = [] }
        let filtered = filter.apply(to: connections)
        var kept = filtered.kept
        if !recipe.focus.isEmpty { kept = GraphTransforms.focus(kept, on: recipe.focus, depth: recipe.depth) }
        if let redaction = recipe.redaction {
            let salt = context.environment["PEERGRAPH_REDACT_SALT"] ?? ""
            kept = GraphTransforms.redact(kept, cidrs: redaction.cidrs, salt: salt)
        }
        return (kept, filtered)
    }

    /// The accounts a live run listed, as the graph's owners are spelled (pseudonyms when redacting).
    func scannedAccounts(_ gathered: ConnectionGatherer.Gathered, _ recipe: GraphRecipe) -> Set<String>? {
        guard recipe.redaction != nil else { return gathered.scannedAccounts }
        return GraphTransforms.redactedAccounts(
            gathered.scannedAccounts, salt: context.environment["PEERGRAPH_REDACT_SALT"] ?? "")
    }

    func warnIfEmpty(_ filtered: FilterResult, kept: [PeeringConnection], _ recipe: GraphRecipe) {
        if let why = filtered.emptyExplanation {
            diagnostics.report(.warning, "the graph is empty: \(why)")
        } else if kept.isEmpty && !recipe.focus.isEmpty {
            diagnostics.report(
                .warning, "the graph is empty: no connection touches --focus \(recipe.focus.joined(separator: ", "))")
        }
    }

    /// A VPC that connections give two owners: an id was probably rounded on the way (not said when
    /// redacting: the warning would name the accounts).
    func warnAboutOwners(_ graph: PeerGraph, _ recipe: GraphRecipe) {
        guard recipe.redaction == nil else { return }
        for warning in graph.ownerConflictWarnings { diagnostics.report(.warning, "\(warning)") }
    }

    /// With keep-going: names the accounts and regions that failed; true when some did.
    func reportFailures(_ failures: [APIError]) -> Bool {
        guard !failures.isEmpty else { return false }
        for failure in failures { diagnostics.report(.error, "\(failure)") }
        let regions = failures.filter { $0.region != nil }
        let accounts = failures.filter { $0.region == nil }
        var parts: [String] = []
        if !accounts.isEmpty {
            parts.append(
                "\(Plural.count(accounts.count, "account")) that could not be reached (\(accounts.compactMap(\.account).joined(separator: ", ")))"
            )
        }
        if !regions.isEmpty {
            let names = regions.map { failure in
                failure.account.map { "\($0) \(failure.region ?? "")" } ?? failure.region ?? ""
            }
            parts.append("\(Plural.count(regions.count, "region")) that failed (\(names.joined(separator: ", ")))")
        }
        diagnostics.report(.warning, "--keep-going: the result leaves out \(parts.joined(separator: " and "))")
        return true
    }
}
