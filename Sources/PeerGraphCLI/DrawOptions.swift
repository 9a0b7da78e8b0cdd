import PeerGraphKit

/// The draw command's options, typed and validated.
struct DrawOptions {
    var inputs: [String]
    var format: OutputFormat = .dot
    var outputPath: String?
    var grouping: GroupingKey = .region
    var filter = ConnectionFilter()
    var title: String?
    var legend = false
    var templatePath: String?
    var themePath: String?
    var graphMLFlavor: RenderOptions.GraphMLFlavor = .plain
    var maximumLabelLength = 40
    var timestamp = false
    var quiet = false

    init(_ parsed: ParsedArguments) throws(UsageError) {
        inputs = parsed.positionals
        if let format = parsed.value("format") {
            guard let value = OutputFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown format '\(format)' (expected \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            self.format = value
        }
        outputPath = parsed.value("output")
        if outputPath == "-" { outputPath = nil }
        if let grouping = parsed.value("group-by") {
            guard let value = GroupingKey(rawValue: grouping.lowercased().replacingOccurrences(of: " ", with: "")) else {
                throw UsageError("unknown grouping '\(grouping)' (expected \(GroupingKey.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            self.grouping = value
        }
        filter.statuses = parsed.list("status")
        filter.regions = parsed.list("region")
        filter.owners = parsed.list("owner")
        filter.vpcIDs = parsed.list("vpc")
        filter.names = parsed.list("name")
        filter.tags = parsed.list("tag").map(ConnectionFilter.TagCriterion.init(argument:))
        if let emptyKey = filter.tags.first(where: { $0.key.isEmpty }) {
            throw UsageError("--tag needs a key before '=' (got '=\(emptyKey.value ?? "")')")
        }
        filter.resourceGroupIDs = parsed.list("resource-group")
        filter.excludeDeleted = parsed.has("exclude-deleted")
        for status in filter.statuses where PeeringStatus(apiValue: status).isKnownCaseInsensitively == false {
            // A status we do not know may still be one the API added; accept it, but only if it is a word.
            guard status.allSatisfy({ $0.isLetter }) else { throw UsageError("--status '\(status)' is not a status name") }
        }
        title = parsed.value("title")
        legend = parsed.has("legend")
        templatePath = parsed.value("template")
        themePath = parsed.value("theme")
        if let flavor = parsed.value("graphml-flavor") {
            guard let value = RenderOptions.GraphMLFlavor(rawValue: flavor.lowercased()) else {
                throw UsageError("unknown GraphML flavor '\(flavor)' (expected plain, yed)")
            }
            graphMLFlavor = value
        }
        if let length = parsed.value("max-label") {
            guard let value = Int(length), value >= 8, value <= 1000 else {
                throw UsageError("--max-label takes a number from 8 to 1000 (got '\(length)')")
            }
            maximumLabelLength = value
        }
        timestamp = parsed.has("timestamp")
        quiet = parsed.has("quiet")
    }
}

extension PeeringStatus {
    /// True when the name matches a documented status in any letter case.
    var isKnownCaseInsensitively: Bool {
        PeeringStatus.known.contains { $0.apiValue.lowercased() == apiValue.lowercased() }
    }
}
