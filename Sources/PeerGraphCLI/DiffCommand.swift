import PeerGraphKit

/// `peergraph diff OLD [NEW]`: what changed, as a report or a graph.
enum DiffCommand {
    static func request(_ parsed: ParsedArguments) throws(UsageError) -> DiffRequest {
        let inputs = parsed.positionals
        guard (1...2).contains(inputs.count) else {
            throw UsageError(
                "diff takes OLD and NEW (files, directories or -), or OLD alone to compare with the live API")
        }
        let (filter, allRegions) = try FilterOptions.filter(parsed)
        var reportFormat = CheckRequest.Format.text
        var graphFormat = OutputRequest.Format.dot
        var drawsGraph = parsed.has(LookOptions.render)
        if let word = try GeneralOptions.formatWord(parsed) {
            if let value = CheckRequest.Format(rawValue: word) {
                reportFormat = value
            } else if let value = OutputRequest.Format(rawValue: word), value != .json {
                graphFormat = value
                drawsGraph = true
            } else {
                throw UsageError("unknown diff format '\(word)' (expected text, json, markdown, dot, mermaid, graphml)")
            }
        }
        let isLive = inputs.count < 2
        var live = isLive ? try LiveOptions.request(parsed, regions: filter.regions, allRegions: allRegions) : nil
        live?.missingRegionMessage =
            "diff needs NEW: give a second snapshot, or --region REGION to compare OLD with the live API"
        var request = DiffRequest(
            old: GeneralOptions.collect([inputs[0]], parsed, live: nil),
            new: GeneralOptions.collect(Array(inputs.dropFirst()), parsed, live: live))
        request.recipe = try RecipeOptions.recipe(parsed, filter: filter)
        request.reportFormat = reportFormat
        request.drawsGraph = drawsGraph
        request.output = try LookOptions.output(
            parsed, format: graphFormat, destination: GeneralOptions.destination(parsed))
        try OptionRules.refuseOptionsThatDoNothing(
            parsed, command: .diff, format: request.output.picture != nil ? .dot : graphFormat, isReport: !drawsGraph,
            isLive: isLive, allRegions: allRegions)
        return request
    }

    static func run(_ parsed: ParsedArguments, _ context: CommandLineContext) async throws -> ExitCode {
        let request = try request(parsed)
        return context.exitCode(of: try await PeerGraphJobs.diff(request, context: context.job(parsed)))
    }
}
