import PeerGraphKit

/// `peergraph [INPUT ...]`: draw the mesh.
enum DrawCommand {
    static func request(_ parsed: ParsedArguments) throws(UsageError) -> DrawRequest {
        let (filter, allRegions) = try FilterOptions.filter(parsed)
        let destination = try DocumentationOptions.destination(parsed)
        // Into a Markdown file, Mermaid is what GitHub draws: the default there.
        var format: OutputRequest.Format = parsed.has(DocumentationOptions.inject) ? .mermaid : .dot
        if let word = try GeneralOptions.formatWord(parsed) {
            guard let value = OutputRequest.Format(rawValue: word) else {
                throw UsageError(
                    "unknown format '\(word)' (expected \(OutputRequest.Format.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            format = value
        }
        if parsed.has(LookOptions.render) && format != .dot {
            throw UsageError("--render draws DOT with Graphviz; it cannot go with --format \(format.rawValue)")
        }
        let recipe = try RecipeOptions.recipe(parsed, filter: filter)
        var output = try LookOptions.output(parsed, format: format, destination: destination)
        output.checksOnly = parsed.has(DocumentationOptions.check)
        let isLive = parsed.positionals.isEmpty
        try OptionRules.refuseOptionsThatDoNothing(
            parsed, command: .draw, format: format, isReport: false, isLive: isLive, allRegions: allRegions)
        let live = isLive ? try LiveOptions.request(parsed, regions: filter.regions, allRegions: allRegions) : nil
        let collect = GeneralOptions.collect(parsed.positionals, parsed, live: live)
        output.pageCheck = try DocumentationOptions.pageCheck(parsed, collect: collect)
        return DrawRequest(collect: collect, recipe: recipe, output: output)
    }

    static func run(_ parsed: ParsedArguments, _ context: CommandLineContext) async throws -> ExitCode {
        let request = try request(parsed)
        return context.exitCode(of: try await PeerGraphJobs.draw(request, context: context.job(parsed)))
    }
}
