import PeerGraphKit

/// The filters: which connections are kept. Repeating one, or a comma list, allows several values.
enum FilterOptions {
    static let status = OptionDeclaration(
        "status", .choice("STATUS", GraphRecipe.Filter.knownStatuses), section: .filters,
        help: GraphRecipe.Filter.knownStatuses.joined(separator: ", ") + "."
    ).with(\.repeatable, true).with(\.splitsCommas, true)
    static let region = OptionDeclaration(
        "region", .text("REGION"), section: .filters,
        help: """
            Either end of the connection is in REGION. With no INPUT: the regions to collect ('all' asks Vpc \
            DescribeRegions; default ALIBABA_CLOUD_REGION_ID, else the profile's region_id).
            """
    ).with(\.repeatable, true).with(\.splitsCommas, true)
    static let owner = OptionDeclaration(
        "owner", .text("ACCOUNT"), section: .filters, help: "Either end is owned by account ACCOUNT."
    )
    .with(\.repeatable, true).with(\.splitsCommas, true)
    static let vpc = OptionDeclaration("vpc", .text("VPC_ID"), section: .filters, help: "Either end is VPC_ID.")
        .with(\.repeatable, true).with(\.splitsCommas, true)
    static let name = OptionDeclaration(
        "name", .text("NAME"), section: .filters, help: "The connection's name is NAME (* matches any characters)."
    ).with(\.repeatable, true)
    static let tag = OptionDeclaration(
        "tag", .text("KEY[=VALUE]"), section: .filters, help: "The connection has tag KEY (with VALUE)."
    )
    .with(\.repeatable, true)
    static let resourceGroup = OptionDeclaration(
        "resource-group", .text("ID"), section: .filters, help: "The connection is in resource group ID."
    ).with(\.repeatable, true).with(\.splitsCommas, true)
    static let connection = OptionDeclaration(
        "connection", .text("ID"), section: .filters, help: "The connection's id (InstanceId) is ID."
    ).with(\.repeatable, true).with(\.splitsCommas, true)
    static let excludeDeleted = OptionDeclaration(
        "exclude-deleted", section: .filters, help: "Leave out connections whose status is Deleted.")

    static let all = [status, region, owner, vpc, name, tag, resourceGroup, connection, excludeDeleted]

    /// The filter, and whether `--region all` asked for every region.
    static func filter(_ parsed: ParsedArguments) throws(UsageError) -> (filter: GraphRecipe.Filter, allRegions: Bool) {
        var filter = GraphRecipe.Filter()
        filter.statuses = parsed.list(status)
        filter.regions = parsed.list(region)
        filter.owners = parsed.list(owner)
        filter.vpcIDs = parsed.list(vpc)
        filter.names = parsed.list(name)
        filter.addTags(parsed.list(tag))
        if let emptyKey = filter.tags.first(where: { $0.key.isEmpty }) {
            throw UsageError("--tag needs a key before '=' (got '=\(emptyKey.value ?? "")')")
        }
        filter.resourceGroupIDs = parsed.list(resourceGroup)
        filter.connectionIDs = parsed.list(connection)
        var allRegions = false
        if filter.regions.contains("all") {
            guard filter.regions == ["all"] else {
                throw UsageError("--region all cannot be combined with other regions")
            }
            allRegions = true
            filter.regions = []
        }
        filter.excludeDeleted = parsed.has(excludeDeleted)
        let known = GraphRecipe.Filter.knownStatuses
        for status in filter.statuses where !known.contains(where: { $0.lowercased() == status.lowercased() }) {
            let hint = EditDistance.closest(
                to: status.lowercased(), among: known, by: { $0.lowercased() }, within: max(2, status.count / 3))
            throw UsageError(
                """
                unknown --status '\(status)'\(hint.map { " (did you mean '\($0)'?)" } ?? "") (expected \(known.joined(separator: ", ")))
                """)
        }
        return (filter, allRegions)
    }
}
