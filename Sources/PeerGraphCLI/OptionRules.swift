import PeerGraphKit

/// An option given where it changes nothing is a mistake worth saying, not a silent no-op. What each
/// option applies to is in its declaration; this checks a command line against those declarations.
enum OptionRules {
    /// - Parameters:
    ///   - format: the graph format written (DOT when `--render` draws a picture).
    ///   - isReport: check, or diff writing a report: the look options change nothing.
    ///   - isLive: no INPUT: live collection runs.
    ///   - allRegions: `--region all` was given.
    static func refuseOptionsThatDoNothing(
        _ parsed: ParsedArguments, command: Subcommand, format: OutputRequest.Format, isReport: Bool, isLive: Bool,
        allRegions: Bool
    ) throws(UsageError) {
        if allRegions && !isLive {
            throw UsageError("--region all is for live collection, which runs only when no INPUT is given")
        }
        for option in parsed.given {
            if isReport && option.graphOnly {
                throw UsageError(
                    """
                    --\(option.name) shapes a drawn graph; \(command.rawValue) writes a report here (diff draws with \
                    --format dot, mermaid or graphml)
                    """)
            }
            if !isReport, let needed = option.needs, !format.capabilities.contains(needed) {
                let names = OutputRequest.Format.allCases.filter { $0.capabilities.contains(needed) }.map(\.rawValue)
                    .sorted()
                    .joined(separator: " or ")
                let drawn = parsed.has(LookOptions.render) ? "--render (DOT)" : "--format \(format.rawValue)"
                throw UsageError("--\(option.name) does nothing for \(drawn); it applies to \(names)")
            }
            if !isLive && option.liveOnly {
                throw UsageError("--\(option.name) is for live collection, which runs only when no INPUT is given")
            }
        }
        if parsed.has(LookOptions.layout) && !parsed.has(LookOptions.render) {
            throw UsageError("--layout chooses the Graphviz engine for --render; without --render it does nothing")
        }
    }
}
