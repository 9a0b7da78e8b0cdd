/// One command-line option: its names, whether it takes a value, and whether it may repeat.
struct FlagSpecification: Sendable {
    var name: String
    var shortName: Character?
    var valueName: String?
    var repeatable = false
    /// Comma-separated values are split into several (`--status Activated,Accepting`).
    var splitsCommas = false

    var takesValue: Bool { valueName != nil }
}

/// The options of the draw command. Order is the order in `--help`.
enum Flags {
    static let all: [FlagSpecification] = [
        FlagSpecification(name: "format", shortName: "f", valueName: "FORMAT"),
        FlagSpecification(name: "output", shortName: "o", valueName: "FILE"),
        FlagSpecification(name: "group-by", valueName: "KEY"),
        FlagSpecification(name: "status", valueName: "STATUS", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "region", valueName: "REGION", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "owner", valueName: "ACCOUNT", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "vpc", valueName: "VPC_ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "name", valueName: "NAME", repeatable: true),
        FlagSpecification(name: "tag", valueName: "KEY[=VALUE]", repeatable: true),
        FlagSpecification(name: "resource-group", valueName: "ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "connection", valueName: "ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "exclude-deleted"),
        FlagSpecification(name: "title", valueName: "TEXT"),
        FlagSpecification(name: "legend"),
        FlagSpecification(name: "template", valueName: "FILE"),
        FlagSpecification(name: "theme", valueName: "FILE"),
        FlagSpecification(name: "graphml-flavor", valueName: "FLAVOR"),
        FlagSpecification(name: "max-label", valueName: "N"),
        FlagSpecification(name: "timestamp"),
        FlagSpecification(name: "profile", valueName: "NAME"),
        FlagSpecification(name: "endpoint", valueName: "URL"),
        FlagSpecification(name: "timeout", valueName: "SECONDS"),
        FlagSpecification(name: "concurrency", valueName: "N"),
        FlagSpecification(name: "max-retries", valueName: "N"),
        FlagSpecification(name: "keep-going"),
        FlagSpecification(name: "save-raw", valueName: "DIR"),
        FlagSpecification(name: "verbose", shortName: "v"),
        FlagSpecification(name: "quiet", shortName: "q"),
        FlagSpecification(name: "help", shortName: "h"),
        FlagSpecification(name: "version"),
    ]
}
