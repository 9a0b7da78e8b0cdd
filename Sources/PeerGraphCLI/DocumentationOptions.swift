import PeerGraphKit

/// The options that keep a documentation file current: write into a Markdown file's block, or check
/// that a file or block is what peergraph would write.
enum DocumentationOptions {
    static let inject = OptionDeclaration(
        "inject", .file("FILE"), section: .documentation, commands: [.draw],
        help: """
            Replace the block between <!-- peergraph:begin --> and <!-- peergraph:end --> of the Markdown FILE \
            (Mermaid in a fence unless --format says otherwise); every other byte of FILE stays.
            """)
    static let block = OptionDeclaration(
        "block", .text("NAME"), section: .documentation, commands: [.draw],
        help: "With --inject: the block <!-- peergraph:begin name=NAME --> of a file with several.")
    static let check = OptionDeclaration(
        "check", section: .documentation, commands: [.draw],
        help: """
            Write nothing: exit 1 with a unified diff on standard error when -o FILE or the --inject block is \
            not what peergraph would write, 0 when it is current.
            """)

    static let withCheck = OptionDeclaration(
        "with-check", section: .documentation, commands: [.draw],
        help: "With --format markdown: add what 'peergraph check' finds to the page (--as-of, --expiry-days)."
    ).with(\.needs, .checkFindings)

    static let all = [inject, block, check, withCheck]

    /// `--with-check` and how its findings are measured, or nil.
    static func pageCheck(
        _ parsed: ParsedArguments, collect: CollectRequest
    ) throws(UsageError) -> OutputRequest.PageCheck? {
        guard parsed.has(withCheck) else {
            for option in [CheckOptions.asOf, CheckOptions.expiryDays] where parsed.has(option) {
                throw UsageError("--\(option.name) measures the findings of --with-check; without it it does nothing")
            }
            return nil
        }
        var settings = CheckRequest(collect: collect)
        try CheckOptions.apply(parsed, to: &settings)
        return OutputRequest.PageCheck(asOf: settings.asOf, expiryDays: settings.expiryDays)
    }

    /// Where the output goes, with --inject and --check taken into account.
    static func destination(_ parsed: ParsedArguments) throws(UsageError) -> OutputRequest.Destination {
        let destination = GeneralOptions.destination(parsed)
        if parsed.has(block) && !parsed.has(inject) { throw UsageError("--block names a block of --inject FILE") }
        guard let file = parsed.value(inject) else {
            if parsed.has(check) && destination == .standardOutput {
                throw UsageError("--check compares with a file: name it with -o FILE or --inject FILE")
            }
            return destination
        }
        guard destination == .standardOutput else {
            throw UsageError("--inject writes into FILE; it cannot go with -o")
        }
        if parsed.has(LookOptions.render) {
            throw UsageError("--inject puts text into Markdown; it cannot go with --render")
        }
        let name = parsed.value(block)
        if let name, !MarkdownBlock.isName(name) {
            throw UsageError("--block takes a name of letters, digits, '.', '_' and '-' (got '\(name)')")
        }
        return .markdownBlock(file: file, block: name)
    }
}
