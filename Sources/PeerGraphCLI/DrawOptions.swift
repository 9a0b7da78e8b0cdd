import Foundation
import PeerGraphKit

/// The options of every command, typed and validated.
struct DrawOptions {
    var command: Subcommand = .draw
    var inputs: [String]
    var format: OutputFormat = .dot
    /// `check` and `diff` reports.
    var reportFormat: ReportFormat = .text
    var markdownFence = false
    var collapse: GroupingKey?
    var render: String?
    var layout: String?
    var namesPath: String?
    var vpcNames = false
    var focus: [String] = []
    var depth = 1
    var redact = false
    var redactCIDRs = false
    var failOn: Finding.Severity? = .error
    var asOf: Date = Date()
    var expiryDays = 30
    var outputPath: String?
    var grouping: GroupingKey = .region
    var filter = ConnectionFilter()
    var title: String?
    var legend = false
    var templatePath: String?
    var themePath: String?
    var graphMLFlavor: RenderOptions.GraphMLFlavor = .plain
    var maximumLabelLength = 40
    var edgeLabels: EdgeLabelPlacement = .auto
    var timestamp = false
    var quiet = false
    /// Foreign and special files in input folders are errors, not warnings.
    var strict = false
    var verbose = false
    /// `diff` drawn as a graph rather than a report.
    var isGraphDiff = false
    /// Live collection.
    var live = LiveOptions()

    struct LiveOptions {
        var allRegions = false
        var profile: String?
        var endpoint: URL?
        var timeout: Double = 10
        var concurrency = 8
        var maximumRetries = 3
        var keepGoing = false
        var saveRawDirectory: String?
    }

    init(_ parsed: ParsedArguments, command: Subcommand = .draw) throws(UsageError) {
        self.command = command
        inputs = parsed.positionals
        if var format = parsed.value("format")?.lowercased() {
            if format == "mmd" { format = "mermaid" }
            if ["svg", "png", "pdf"].contains(format) {
                throw UsageError("--format \(format) is a picture: Graphviz draws it, with --render \(format)\(format == "svg" ? "" : " -o FILE")")
            }
            switch command {
            case .draw:
                guard let value = OutputFormat(rawValue: format) else {
                    throw UsageError("unknown format '\(format)' (expected \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                self.format = value
            case .check:
                guard let value = ReportFormat(rawValue: format) else { throw UsageError("unknown check format '\(format)' (expected text, json, markdown)") }
                reportFormat = value
            case .diff:
                if let value = ReportFormat(rawValue: format) {
                    reportFormat = value
                } else if let value = OutputFormat(rawValue: format), value != .json {
                    self.format = value
                    reportFormat = .text
                    isGraphDiff = true
                } else {
                    throw UsageError("unknown diff format '\(format)' (expected text, json, markdown, dot, mermaid, graphml)")
                }
            }
        }
        if command == .diff, parsed.has("render") { isGraphDiff = true }
        markdownFence = parsed.has("markdown")
        if let key = parsed.value("collapse") {
            guard let value = GroupingKey(rawValue: key.lowercased().replacingOccurrences(of: " ", with: "")), value != .none else {
                throw UsageError("unknown --collapse '\(key)' (expected region, owner, region,owner)")
            }
            collapse = value
        }
        if let render = parsed.value("render")?.lowercased() {
            guard ["svg", "png", "pdf"].contains(render) else { throw UsageError("unknown --render '\(render)' (expected svg, png, pdf)") }
            self.render = render
        }
        if let layout = parsed.value("layout")?.lowercased() {
            guard ["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"].contains(layout) else {
                throw UsageError("unknown --layout '\(layout)' (expected dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)")
            }
            self.layout = layout
        }
        namesPath = parsed.value("names")
        vpcNames = parsed.has("vpc-names")
        focus = parsed.list("focus")
        if let depth = parsed.value("depth") {
            guard let value = Int(depth), (0 ... 100).contains(value) else { throw UsageError("--depth takes a number from 0 to 100 (got '\(depth)')") }
            guard !focus.isEmpty else { throw UsageError("--depth goes with --focus") }
            self.depth = value
        }
        redact = parsed.has("redact") || parsed.has("redact-cidrs")
        redactCIDRs = parsed.has("redact-cidrs")
        if let failOn = parsed.value("fail-on")?.lowercased() {
            if failOn == "never" {
                self.failOn = nil
            } else {
                guard let value = Finding.Severity(name: failOn) else { throw UsageError("--fail-on takes error, warning, info or never (got '\(failOn)')") }
                self.failOn = value
            }
        }
        if let asOf = parsed.value("as-of") {
            guard let date = APITimestamp.parse(asOf) else { throw UsageError("--as-of takes a date like 2025-09-01 or 2025-09-01T12:00:00Z (got '\(asOf)')") }
            self.asOf = date
        }
        if let days = parsed.value("expiry-days") {
            guard let value = Int(days), (0 ... 3650).contains(value) else { throw UsageError("--expiry-days takes a number from 0 to 3650 (got '\(days)')") }
            expiryDays = value
        }
        if render != nil && (command == .check || (command == .draw && format != .dot && parsed.has("format"))) {
            throw UsageError("--render draws DOT with Graphviz; it cannot go with --format \(format.rawValue)")
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
        filter.connectionIDs = parsed.list("connection")
        if filter.regions.contains("all") {
            guard filter.regions == ["all"] else { throw UsageError("--region all cannot be combined with other regions") }
            live.allRegions = true
            filter.regions = []
        }
        filter.excludeDeleted = parsed.has("exclude-deleted")
        for status in filter.statuses where PeeringStatus(apiValue: status).isKnownCaseInsensitively == false {
            let names = PeeringStatus.known.map(\.apiValue)
            let best = names.min { EditDistance.between(status.lowercased(), $0.lowercased()) < EditDistance.between(status.lowercased(), $1.lowercased()) }
            let hint = best.flatMap { EditDistance.between(status.lowercased(), $0.lowercased()) <= max(2, status.count / 3) ? " (did you mean '\($0)'?)" : nil }
            throw UsageError("unknown --status '\(status)'\(hint ?? "") (expected \(names.joined(separator: ", ")))")
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
        if let placement = parsed.value("edge-labels") {
            guard let value = EdgeLabelPlacement(rawValue: placement.lowercased()) else {
                throw UsageError("unknown edge label placement '\(placement)' (expected \(EdgeLabelPlacement.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            edgeLabels = value
        }
        timestamp = parsed.has("timestamp")
        quiet = parsed.has("quiet")
        strict = parsed.has("strict")
        verbose = parsed.has("verbose")
        live.profile = parsed.value("profile")
        if let endpoint = parsed.value("endpoint") {
            guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/", url.query == nil else {
                throw UsageError("--endpoint takes a URL like https://vpcpeer.aliyuncs.com or http://127.0.0.1:8080 (got '\(endpoint)')")
            }
            live.endpoint = url
        }
        if let timeout = parsed.value("timeout") {
            guard let value = Double(timeout), value > 0, value <= 600 else {
                throw UsageError("--timeout takes seconds, more than 0 and at most 600 (got '\(timeout)')")
            }
            live.timeout = value
        }
        if let concurrency = parsed.value("concurrency") {
            guard let value = Int(concurrency), (1 ... 64).contains(value) else {
                throw UsageError("--concurrency takes a number from 1 to 64 (got '\(concurrency)')")
            }
            live.concurrency = value
        }
        if let retries = parsed.value("max-retries") {
            guard let value = Int(retries), (0 ... 10).contains(value) else {
                throw UsageError("--max-retries takes a number from 0 to 10 (got '\(retries)')")
            }
            live.maximumRetries = value
        }
        live.keepGoing = parsed.has("keep-going")
        live.saveRawDirectory = parsed.value("save-raw")
        try Self.refuseOptionsThatDoNothing(parsed, command: command, format: render != nil ? .dot : format,
                                            isReport: command == .check || (command == .diff && !isGraphDiff))
        if let render, let output = outputPath {
            let ext = (output as NSString).pathExtension.lowercased()
            let known = ["svg", "png", "pdf", "dot", "gv", "graphml", "mmd", "json", "html", "md"]
            if known.contains(ext) && ext != render {
                throw UsageError("--render \(render) writes \(render.uppercased()), but -o \(output) says .\(ext): name the file .\(render) or choose --render \(ext)")
            }
        }
        let isLive = command == .diff ? inputs.count < 2 : inputs.isEmpty
        if command == .diff && !(1 ... 2).contains(inputs.count) {
            throw UsageError("diff takes OLD and NEW (files, directories or -), or OLD alone to compare with the live API")
        }
        if vpcNames && !isLive { throw UsageError("--vpc-names asks the Vpc API for names; it works only in live collection (no INPUT)") }
        if !isLive {
            for flag in ["profile", "endpoint", "concurrency", "keep-going", "save-raw", "max-retries", "timeout"] where parsed.has(flag) {
                throw UsageError("--\(flag) is for live collection, which runs only when no INPUT is given")
            }
            if live.allRegions { throw UsageError("--region all is for live collection, which runs only when no INPUT is given") }
        }
    }
}

extension DrawOptions {
    /// The look options and the graph formats each one changes (what `--render` draws is DOT). An option
    /// given where it changes nothing is a mistake worth saying, not a silent no-op.
    static let formatsOfOption: [(flag: String, formats: Set<OutputFormat>)] = [
        ("legend", [.dot, .mermaid]),
        ("max-label", [.dot, .mermaid]),
        ("edge-labels", [.dot, .mermaid]),
        ("graphml-flavor", [.graphml]),
        ("markdown", [.mermaid]),
        ("timestamp", [.dot, .mermaid, .graphml]),
    ]

    /// The options that only shape a drawn graph, for the reports of check and diff.
    static let graphOnlyOptions = ["group-by", "title", "legend", "template", "theme", "graphml-flavor", "max-label", "edge-labels",
                                   "timestamp", "markdown", "render", "layout"]

    static func refuseOptionsThatDoNothing(_ parsed: ParsedArguments, command: Subcommand, format: OutputFormat, isReport: Bool) throws(UsageError) {
        if isReport {
            for flag in graphOnlyOptions where parsed.has(flag) {
                throw UsageError("--\(flag) shapes a drawn graph; \(command.rawValue) writes a report here (diff draws with --format dot, mermaid or graphml)")
            }
            return
        }
        for (flag, formats) in formatsOfOption where parsed.has(flag) && !formats.contains(format) {
            let names = formats.map(\.rawValue).sorted().joined(separator: " or ")
            throw UsageError("--\(flag) does nothing for \(parsed.has("render") ? "--render (DOT)" : "--format \(format.rawValue)"); it applies to \(names)")
        }
        if parsed.has("layout") && !parsed.has("render") {
            throw UsageError("--layout chooses the Graphviz engine for --render; without --render it does nothing")
        }
    }
}

extension PeeringStatus {
    /// True when the name matches a documented status in any letter case.
    var isKnownCaseInsensitively: Bool {
        PeeringStatus.known.contains { $0.apiValue.lowercased() == apiValue.lowercased() }
    }
}
