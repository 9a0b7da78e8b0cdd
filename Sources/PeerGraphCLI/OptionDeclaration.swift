import PeerGraphKit

/// One command-line option, declared once: parsing, validation, `--help`, the shell completions and the
/// man page are all generated from these declarations (see `OptionTable`).
struct OptionDeclaration: Sendable {
    /// What the value is, for completions and for refusing values outside a closed set.
    enum Value: Sendable, Equatable {
        /// A flag without a value.
        case none
        /// Free text.
        case text(String)
        /// A path to a file.
        case file(String)
        /// A path to a folder.
        case directory(String)
        /// One of these words (from a `CaseIterable` enum).
        case choice(String, [String])

        var name: String? {
            switch self {
            case .none: nil
            case .text(let name), .file(let name), .directory(let name), .choice(let name, _): name
            }
        }
    }

    /// The long name, without `--`.
    var name: String
    var shortName: Character?
    var value: Value
    /// The help line; a command may have its own.
    var help: String
    var helpByCommand: [Subcommand: String] = [:]
    var section: HelpSection
    /// The commands that accept it.
    var commands: Set<Subcommand>
    var repeatable = false
    /// Comma-separated values are several (`--status Activated,Accepting`).
    var splitsCommas = false
    /// Only live collection uses it: refused when INPUT is given.
    var liveOnly = false
    /// It shapes a drawn graph: refused for the reports of check and diff.
    var graphOnly = false
    /// What the graph format must be able to show for it to change anything (what `--render` draws is
    /// DOT); nil: it applies to every format.
    var needs: OutputRequest.Format.Capability?

    init(
        _ name: String, short: Character? = nil, _ value: Value = .none, section: HelpSection,
        commands: Set<Subcommand> = Set(Subcommand.allCases), help: String
    ) {
        self.name = name
        self.shortName = short
        self.value = value
        self.section = section
        self.commands = commands
        self.help = help
    }

    var takesValue: Bool { value != .none }

    /// `-f, --format FORMAT`.
    var synopsis: String {
        let long = "--\(name)" + (value.name.map { " \($0)" } ?? "")
        return shortName.map { "-\($0), \(long)" } ?? long
    }

    func help(for command: Subcommand) -> String { helpByCommand[command] ?? help }

    /// The declaration with one more property set (declarations read as one expression each).
    func with<T>(_ property: WritableKeyPath<OptionDeclaration, T>, _ value: T) -> OptionDeclaration {
        var copy = self
        copy[keyPath: property] = value
        return copy
    }
}

/// The sections of `--help`, in order.
enum HelpSection: String, Sendable, CaseIterable {
    case options = "OPTIONS"
    case look = "LOOK (drawn graphs)"
    case documentation = "DOCUMENTATION (keep a file current)"
    case check = "CHECK"
    case live = "LIVE COLLECTION (when no INPUT is given)"
    case accounts = "MANY ACCOUNTS (live collection)"
    case filters = "FILTERS (repeat one, or give a comma list, for several values; different filters must all match)"
}
