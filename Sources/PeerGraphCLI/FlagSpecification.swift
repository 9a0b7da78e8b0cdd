/// One command-line option: its names, whether it takes a value, and whether it may repeat.
struct FlagSpecification: Sendable {
    var name: String
    var shortName: Character?
    var valueName: String?
    var repeatable = false
    /// Comma-separated values are split into several (`--status Activated,Accepting`).
    var splitsCommas = false
    /// The commands that accept it.
    var commands: Set<Subcommand> = [.draw, .check, .diff]

    var takesValue: Bool { valueName != nil }
}

/// peergraph's commands: draw (the default), `check`, `diff`.
enum Subcommand: String, Sendable {
    case draw, check, diff
}

/// The options of the draw command. Order is the order in `--help`.
enum Flags {
    /// The flags `command` accepts.
    static func of(_ command: Subcommand) -> [FlagSpecification] { all.filter { $0.commands.contains(command) } }

    static let all: [FlagSpecification] = [
        FlagSpecification(name: "format", shortName: "f", valueName: "FORMAT"),
        FlagSpecification(name: "output", shortName: "o", valueName: "FILE"),
        FlagSpecification(name: "group-by", valueName: "KEY", commands: [.draw, .diff]),
        FlagSpecification(name: "status", valueName: "STATUS", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "region", valueName: "REGION", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "owner", valueName: "ACCOUNT", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "vpc", valueName: "VPC_ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "name", valueName: "NAME", repeatable: true),
        FlagSpecification(name: "tag", valueName: "KEY[=VALUE]", repeatable: true),
        FlagSpecification(name: "resource-group", valueName: "ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "connection", valueName: "ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "exclude-deleted"),
        FlagSpecification(name: "title", valueName: "TEXT", commands: [.draw, .diff]),
        FlagSpecification(name: "legend", commands: [.draw, .diff]),
        FlagSpecification(name: "template", valueName: "FILE", commands: [.draw, .diff]),
        FlagSpecification(name: "theme", valueName: "FILE", commands: [.draw, .diff]),
        FlagSpecification(name: "graphml-flavor", valueName: "FLAVOR", commands: [.draw, .diff]),
        FlagSpecification(name: "max-label", valueName: "N", commands: [.draw, .diff]),
        FlagSpecification(name: "edge-labels", valueName: "WHERE", commands: [.draw, .diff]),
        FlagSpecification(name: "timestamp", commands: [.draw, .diff]),
        FlagSpecification(name: "markdown", commands: [.draw, .diff]),
        FlagSpecification(name: "collapse", valueName: "KEY", commands: [.draw]),
        FlagSpecification(name: "render", valueName: "FORMAT", commands: [.draw, .diff]),
        FlagSpecification(name: "layout", valueName: "ENGINE", commands: [.draw, .diff]),
        FlagSpecification(name: "strict"),
        FlagSpecification(name: "names", valueName: "FILE"),
        FlagSpecification(name: "vpc-names"),
        FlagSpecification(name: "focus", valueName: "VPC_ID", repeatable: true, splitsCommas: true),
        FlagSpecification(name: "depth", valueName: "N"),
        FlagSpecification(name: "redact"),
        FlagSpecification(name: "redact-cidrs"),
        FlagSpecification(name: "fail-on", valueName: "SEVERITY", commands: [.check]),
        FlagSpecification(name: "as-of", valueName: "DATE", commands: [.check]),
        FlagSpecification(name: "expiry-days", valueName: "N", commands: [.check]),
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
