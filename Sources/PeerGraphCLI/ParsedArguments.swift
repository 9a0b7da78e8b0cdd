import Foundation

/// The command line split into positional arguments and option values, checked against the flags.
struct ParsedArguments: Sendable, Equatable {
    var positionals: [String] = []
    /// Values per flag name, in the order given; a flag without a value records an empty string.
    var values: [String: [String]] = [:]

    /// Parses `arguments` (without the program name). `--flag value`, `--flag=value`, `-f value`,
    /// `-fvalue`; `--` ends the options; `-` alone is a positional (standard input).
    init(_ arguments: [String], command: Subcommand = .draw) throws(UsageError) {
        let flags = OptionTable.of(command)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let flag: OptionDeclaration
            var inlineValue: String?
            let shown: String
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name: Substring
                if let equals = body.firstIndex(of: "=") {
                    name = body[..<equals]
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = body
                }
                shown = "--\(name)"
                guard let match = flags.first(where: { $0.name == name }) else {
                    if let other = OptionTable.named(String(name)) {
                        let users = other.commands.map(\.mention).sorted().joined(separator: " and ")
                        throw UsageError("option '\(shown)' is not used by \(command.mention) (only by \(users))")
                    }
                    throw UsageError("unknown option '\(shown)'\(Self.suggestion(for: String(name), among: flags))")
                }
                flag = match
            } else {
                // Short options may be clustered: `-qf json` is `-q -f json`; the first that takes a
                // value takes the rest of the word (`-fjson`) or the next argument.
                var letters = Substring(argument.dropFirst())
                var found: OptionDeclaration?
                while let letter = letters.first {
                    guard let match = flags.first(where: { $0.shortName == letter }) else {
                        throw UsageError(
                            "unknown option '-\(letter)' (in '\(argument)')\(Self.suggestion(for: String(argument.dropFirst()), among: flags))"
                        )
                    }
                    letters = letters.dropFirst()
                    if match.takesValue || letters.isEmpty {
                        found = match
                        break
                    }
                    try record(match, value: "")
                }
                guard let match = found else { continue }
                flag = match
                shown = "-\(match.shortName.map(String.init) ?? "")"
                if !letters.isEmpty {
                    inlineValue = String(letters.hasPrefix("=") ? letters.dropFirst() : letters)
                }
            }
            var value = ""
            if flag.takesValue {
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw UsageError("option '\(shown)' needs a value (\(flag.value.name ?? ""))")
                    }
                    value = arguments[index]
                    index += 1
                }
            } else if inlineValue != nil {
                throw UsageError("option '\(shown)' takes no value")
            }
            try record(flag, value: value)
        }
    }

    /// Records one occurrence of `flag` with `value` ("" for a flag without a value).
    private mutating func record(_ flag: OptionDeclaration, value: String) throws(UsageError) {
        if !flag.repeatable, values[flag.name] != nil {
            throw UsageError("option '--\(flag.name)' given more than once")
        }
        let parts =
            flag.splitsCommas
            ? value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : [value]
        if flag.takesValue && parts.allSatisfy(\.isEmpty) {
            throw UsageError("option '--\(flag.name)' needs a non-empty value")
        }
        values[flag.name, default: []] += parts.filter { !$0.isEmpty || !flag.takesValue }
    }

    func has(_ option: OptionDeclaration) -> Bool { values[option.name] != nil }
    func value(_ option: OptionDeclaration) -> String? { values[option.name]?.last }
    func list(_ option: OptionDeclaration) -> [String] { values[option.name] ?? [] }

    /// The declarations of the options given, in table order.
    var given: [OptionDeclaration] { OptionTable.all.filter { values[$0.name] != nil } }

    /// ` (did you mean '--format'?)` when a known flag is close to `name`.
    static func suggestion(for name: String, among flags: [OptionDeclaration]) -> String {
        let candidates = flags.map { ($0.name, EditDistance.between(name, $0.name)) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return "" }
        return " (did you mean '--\(best.0)'?)"
    }
}
