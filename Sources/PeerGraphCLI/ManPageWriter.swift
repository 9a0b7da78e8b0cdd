import PeerGraphKit

/// The man page (`peergraph --help-man > peergraph.1`), from the same declarations and prose as `--help`.
enum ManPageWriter {
    static func page() -> String {
        var lines = [
            ".TH PEERGRAPH 1 \(PeerGraphJobs.releaseDate) \"peergraph \(PeerGraphJobs.version)\" \"User Commands\"",
            ".SH NAME", "peergraph \\- \(roff(Subcommand.draw.overview))", ".SH SYNOPSIS",
        ]
        for command in Subcommand.allCases {
            if command != .draw { lines.append(".PP") }
            lines += command.usage.prefix(2).map { ".B \(roff($0))\n.br" }
        }
        lines += [".SH DESCRIPTION", roff(Subcommand.draw.arguments)]
        for command in Subcommand.allCases {
            lines += [".SH \(command == .draw ? "OPTIONS" : "\(command.rawValue.uppercased()) COMMAND")"]
            if command != .draw { lines += [roff(command.arguments)] }
            for section in HelpSection.allCases {
                // Drawing lists every option; check and diff list what they have that drawing has not, or says otherwise.
                let options = OptionTable.of(command).filter {
                    $0.section == section
                        && (command == .draw || !$0.commands.contains(.draw) || $0.helpByCommand[command] != nil)
                }
                guard !options.isEmpty else { continue }
                if command == .draw && section != .options { lines += [".SS \(roff(section.rawValue))"] }
                for option in options {
                    let value = option.value.name.map { " \\fI\(roff($0))\\fR" } ?? ""
                    let short = option.shortName.map { "\\fB\\-\($0)\\fR, " } ?? ""
                    lines += [
                        ".TP", "\(short)\\fB\\-\\-\(roff(option.name))\\fR\(value)", roff(option.help(for: command)),
                    ]
                }
            }
        }
        lines += [".SH EXIT STATUS", roff(Subcommand.draw.exitCodes), ".SH EXAMPLES"]
        lines += [".nf"] + Subcommand.allCases.flatMap(\.examples).map(roff) + [".fi"]
        lines += [".SH SEE ALSO", "dot(1)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe in roff: backslashes and hyphens escaped, no line starting with a control character.
    static func roff(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
