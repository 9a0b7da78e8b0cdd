import PeerGraphKit

/// The options every command has: format, output, messages, help.
enum GeneralOptions {
    static let format = OptionDeclaration(
        "format", short: "f",
        .choice("FORMAT", OutputRequest.Format.allCases.map(\.rawValue) + ["text", "markdown"]), section: .options,
        help: """
            dot (default), graphml, mermaid, json (node-link, as networkx reads it) or markdown (a documentation \
            page: the Mermaid diagram, its legend, a table of connections).
            """
    ).with(
        \.helpByCommand,
        [
            .check: "text (default), json or markdown.",
            .diff: """
            text (default), json or markdown for the report; dot, mermaid or graphml for a graph of NEW with added, \
            changed and removed connections marked.
            """,
        ])
    static let output = OptionDeclaration(
        "output", short: "o", .file("FILE"), section: .options,
        help: "Write to FILE (atomically: all or nothing) instead of standard output.")
    static let strict = OptionDeclaration(
        "strict", section: .options, help: "Refuse, instead of skipping, foreign files in input directories.")
    static let names = OptionDeclaration(
        "names", .file("FILE"), section: .options,
        help: "Friendly names: JSON {\"vpc-…\": \"name\", \"1508…\": \"account name\"} or CSV id,name.")
    static let quiet = OptionDeclaration("quiet", short: "q", section: .options, help: "Print no warnings.")
    static let help = OptionDeclaration("help", short: "h", section: .options, help: "Show this help.")
    static let version = OptionDeclaration("version", section: .options, help: "Show the version.")

    /// First and last in the OPTIONS section; the graph recipe's options go between.
    static let leading = [format, output]
    static let trailing = [strict, names, quiet, help, version]

    /// `-o FILE`, or standard output (also for `-o -`).
    static func destination(_ parsed: ParsedArguments) -> OutputRequest.Destination {
        guard let path = parsed.value(output), path != "-" else { return .standardOutput }
        return .file(path)
    }

    /// The `--format` word, lower-cased, with `mmd` read as `mermaid`; pictures are refused with a hint.
    static func formatWord(_ parsed: ParsedArguments) throws(UsageError) -> String? {
        guard var word = parsed.value(format)?.lowercased() else { return nil }
        if word == "mmd" { word = "mermaid" }
        if PictureFormat(rawValue: word) != nil {
            throw UsageError(
                "--format \(word) is a picture: Graphviz draws it, with --render \(word)\(word == "svg" ? "" : " -o FILE")"
            )
        }
        return word
    }

    /// The inputs and how they are read.
    static func collect(_ inputs: [String], _ parsed: ParsedArguments, live: LiveRequest?) -> CollectRequest {
        if let live { return CollectRequest(.live(live), strict: parsed.has(strict), namesFile: parsed.value(names)) }
        return .inputs(inputs, strict: parsed.has(strict), namesFile: parsed.value(names))
    }
}

/// What `--render` draws.
enum PictureFormat: String, CaseIterable {
    case svg, png, pdf, html
}

/// The Graphviz engines `--layout` names.
enum LayoutEngine: String, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi, osage, patchwork
}
