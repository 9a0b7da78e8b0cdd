/// `--help` of each command, generated from the option declarations and the command's prose.
enum HelpWriter {
    static let width = 104
    static let column = 26

    static func text(for command: Subcommand) -> String {
        var lines = ["OVERVIEW: \(command.overview)", ""]
        lines.append("USAGE: " + command.usage[0])
        lines += command.usage.dropFirst().map { "       " + $0 }
        lines += ["", command == .draw ? "ARGUMENTS:" : "DESCRIPTION:"]
        lines += wrap(command.arguments, indent: 2)
        let options = OptionTable.of(command)
        for section in HelpSection.allCases {
            let inSection = options.filter { $0.section == section }
            guard !inSection.isEmpty else { continue }
            lines += ["", "\(section.rawValue):"]
            for option in inSection { lines += entry(option.synopsis, option.help(for: command)) }
        }
        lines += ["", "EXIT CODES:"] + wrap(command.exitCodes, indent: 2)
        lines += ["", "EXAMPLES:"] + command.examples.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `  -f, --format FORMAT     help…`, the help wrapped under its own column.
    static func entry(_ synopsis: String, _ help: String) -> [String] {
        let head = "  " + synopsis
        var wrapped = wrap(help, indent: column)
        if head.count + 2 <= column {
            wrapped[0] = head.padding(toLength: column, withPad: " ", startingAt: 0) + wrapped[0].dropFirst(column)
            return wrapped
        }
        return [head] + wrapped
    }

    /// `text` in lines of at most `width` characters, each indented by `indent` spaces.
    static func wrap(_ text: String, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = margin
        for word in text.split(separator: " ") {
            if line.count > indent && line.count + 1 + word.count > width {
                lines.append(line)
                line = margin
            }
            line += (line.count > indent ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}
