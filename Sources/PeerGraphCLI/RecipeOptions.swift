import PeerGraphKit

/// The options that say which part of the mesh becomes the graph, and how it is grouped.
enum RecipeOptions {
    static let groupBy = OptionDeclaration(
        "group-by", .choice("KEY", GraphRecipe.Grouping.allCases.map(\.rawValue)), section: .options,
        commands: [.draw, .diff],
        help: "region (default), owner, region,owner or none."
    ).with(\.graphOnly, true)
    static let collapse = OptionDeclaration(
        "collapse", .choice("KEY", ["region", "owner", "region,owner"]), section: .options, commands: [.draw],
        help: """
            Draw regions, accounts or region,owner pairs instead of VPCs: edges carry the number of connections and \
            total bandwidth per status.
            """)
    static let focus = OptionDeclaration(
        "focus", .text("VPC_ID"), section: .options,
        help: "Only VPC_ID and its neighbours up to --depth N hops (default 1)."
    ).with(\.repeatable, true).with(\.splitsCommas, true)
    static let depth = OptionDeclaration(
        "depth", .text("N"), section: .options, help: "Hops from the --focus VPCs (0 to 100).")
    static let redact = OptionDeclaration(
        "redact", section: .options,
        help: "Replace account ids by stable pseudonyms (PEERGRAPH_REDACT_SALT salts them).")
    static let redactCIDRs = OptionDeclaration(
        "redact-cidrs", section: .options, help: "Redact CIDR blocks too (implies --redact).")

    static let all = [groupBy, collapse, focus, depth, redact, redactCIDRs]

    static func recipe(_ parsed: ParsedArguments, filter: GraphRecipe.Filter) throws(UsageError) -> GraphRecipe {
        var recipe = GraphRecipe()
        recipe.filter = filter
        if let key = parsed.value(collapse) {
            guard let value = GraphRecipe.Grouping(rawValue: key.lowercased().replacingOccurrences(of: " ", with: "")),
                value != .none
            else {
                throw UsageError("unknown --collapse '\(key)' (expected region, owner, region,owner)")
            }
            recipe.collapse = value
        }
        recipe.focus = parsed.list(focus)
        if let text = parsed.value(depth) {
            guard let value = Int(text), (0...100).contains(value) else {
                throw UsageError("--depth takes a number from 0 to 100 (got '\(text)')")
            }
            guard !recipe.focus.isEmpty else { throw UsageError("--depth goes with --focus") }
            recipe.depth = value
        }
        if parsed.has(redact) || parsed.has(redactCIDRs) {
            recipe.redaction = GraphRecipe.Redaction(cidrs: parsed.has(redactCIDRs))
        }
        if let text = parsed.value(groupBy) {
            guard let value = GraphRecipe.Grouping(rawValue: text.lowercased().replacingOccurrences(of: " ", with: ""))
            else {
                throw UsageError(
                    "unknown grouping '\(text)' (expected \(GraphRecipe.Grouping.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            recipe.grouping = value
        }
        return recipe
    }
}
