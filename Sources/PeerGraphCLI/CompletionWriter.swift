/// Shell completions for bash, zsh and fish (`peergraph completions SHELL`), from the option declarations.
enum CompletionWriter {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: bash()
        case .zsh: zsh()
        case .fish: fish()
        }
    }

    /// Words that cannot break a shell script: option names, value names and choices are ours, not data.
    private static func words(_ list: [String]) -> String { list.joined(separator: " ") }

    private static func bash() -> String {
        var cases: [String] = []
        for option in OptionTable.all where option.takesValue {
            let action =
                switch option.value {
                case .choice(_, let choices): "COMPREPLY=($(compgen -W \"\(words(choices))\" -- \"$cur\"))"
                case .directory: "COMPREPLY=($(compgen -d -- \"$cur\"))"
                case .file: "COMPREPLY=($(compgen -f -- \"$cur\"))"
                default: "COMPREPLY=()"
                }
            let names = ["--\(option.name)"] + (option.shortName.map { ["-\($0)"] } ?? [])
            cases.append("    \(names.joined(separator: "|"))) \(action); return ;;")
        }
        let perCommand = Subcommand.allCases.map { command in
            "    \(command.rawValue)) options=\"\(words(OptionTable.of(command).map { "--\($0.name)" }))\" ;;"
        }
        return """
            # bash completion for peergraph (peergraph completions bash > /etc/bash_completion.d/peergraph)
            _peergraph() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command=draw options
              case "${COMP_WORDS[1]}" in check|diff) command=${COMP_WORDS[1]} ;; esac
              case "$prev" in
            \(cases.joined(separator: "\n"))
              esac
              case "$command" in
            \(perCommand.joined(separator: "\n"))
              esac
              if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
              elif [[ $COMP_CWORD -eq 1 ]]; then
                COMPREPLY=($(compgen -W "check diff help completions" -- "$cur") $(compgen -f -- "$cur"))
              else
                COMPREPLY=($(compgen -f -- "$cur"))
              fi
            }
            complete -o filenames -F _peergraph peergraph

            """
    }

    private static func zsh() -> String {
        func specs(_ command: Subcommand) -> String {
            OptionTable.of(command).map { option in
                let help = option.help(for: command).prefix(70).replacingOccurrences(of: "'", with: "")
                    .replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
                    .replacingOccurrences(of: ":", with: " ")
                let action =
                    switch option.value {
                    case .none: ""
                    case .choice(let name, let choices): ":\(name):(\(words(choices)))"
                    case .file(let name): ":\(name):_files"
                    case .directory(let name): ":\(name):_files -/"
                    case .text(let name): ":\(name): "
                    }
                let repeatable = option.repeatable ? "*" : ""
                return "    '\(repeatable)--\(option.name)[\(help)]\(action)'"
            }.joined(separator: " \\\n")
        }
        return """
            #compdef peergraph
            # zsh completion for peergraph (peergraph completions zsh > "${fpath[1]}/_peergraph")
            _peergraph() {
              case "$words[2]" in
                check) shift words; (( CURRENT-- )); _arguments -s \\
            \(specs(.check)) \\
                '*:input:_files' ;;
                diff) shift words; (( CURRENT-- )); _arguments -s \\
            \(specs(.diff)) \\
                '*:snapshot:_files' ;;
                *) _arguments -s \\
            \(specs(.draw)) \\
                '1:command or input:(check diff help completions)' '*:input:_files' ;;
              esac
            }
            _peergraph "$@"

            """
    }

    private static func fish() -> String {
        var lines = [
            "# fish completion for peergraph (peergraph completions fish > ~/.config/fish/completions/peergraph.fish)"
        ]
        lines.append("complete -c peergraph -n '__fish_use_subcommand' -a 'check diff help completions'")
        for option in OptionTable.all {
            let commands = option.commands.map(\.rawValue).sorted()
            let condition =
                option.commands.count == Subcommand.allCases.count
                ? ""
                : " -n '"
                    + (option.commands.contains(.draw)
                        ? "not __fish_seen_subcommand_from \(words(Subcommand.allCases.filter { !option.commands.contains($0) }.map(\.rawValue)))"
                        : "__fish_seen_subcommand_from \(words(commands))") + "'"
            var line = "complete -c peergraph\(condition) -l \(option.name)"
            if let short = option.shortName { line += " -s \(short)" }
            switch option.value {
            case .none: break
            case .choice(_, let choices): line += " -x -a '\(words(choices))'"
            case .file: line += " -r -F"
            case .directory: line += " -x -a '(__fish_complete_directories)'"
            case .text: line += " -x"
            }
            let help = option.help.prefix(80).replacingOccurrences(of: "'", with: "\\'")
            lines.append(line + " -d '\(help)'")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
