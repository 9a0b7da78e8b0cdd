import PeerGraphKit

/// `peergraph check [INPUT ...]`: what the mesh hides.
enum CheckCommand {
    static func request(_ parsed: ParsedArguments) throws(UsageError) -> CheckRequest {
        let (filter, allRegions) = try FilterOptions.filter(parsed)
        let isLive = parsed.positionals.isEmpty
        let live = isLive ? try LiveOptions.request(parsed, regions: filter.regions, allRegions: allRegions) : nil
        var request = CheckRequest(collect: GeneralOptions.collect(parsed.positionals, parsed, live: live))
        request.recipe = try RecipeOptions.recipe(parsed, filter: filter)
        if let word = try GeneralOptions.formatWord(parsed) {
            guard let value = CheckRequest.Format(rawValue: word) else {
                throw UsageError("unknown check format '\(word)' (expected text, json, markdown)")
            }
            request.format = value
        }
        request.destination = GeneralOptions.destination(parsed)
        try CheckOptions.apply(parsed, to: &request)
        try OptionRules.refuseOptionsThatDoNothing(
            parsed, command: .check, format: .dot, isReport: true, isLive: isLive, allRegions: allRegions)
        return request
    }

    static func run(_ parsed: ParsedArguments, _ context: CommandLineContext) async throws -> ExitCode {
        let request = try request(parsed)
        return context.exitCode(of: try await PeerGraphJobs.check(request, context: context.job(parsed)))
    }
}
