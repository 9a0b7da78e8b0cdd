import Foundation
import PeerGraphTestSupport
import Testing

@testable import PeerGraphCLI
@testable import PeerGraphKit

/// `--help`, the shell completions and the man page all come from the option declarations: each is
/// pinned or loaded by its real consumer, and none can leave an option out.
@Suite struct GeneratedDocumentationTests {
    static let golden = CLIPaths.packageRoot.appendingPathComponent("Tests/PeerGraphCLITests/Golden")

    /// The tools are installed by CI (`PEERGRAPH_REQUIRE_TOOLS=1`), where a missing one fails the test.
    static func tool(_ name: String) -> String? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        if ProcessInfo.processInfo.environment["PEERGRAPH_REQUIRE_TOOLS"] == "1" {
            Issue.record("\(name) is not installed")
        }
        return nil
    }

    static func run(_ tool: String, _ arguments: [String], stdin: String = "") throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: Subcommand.allCases)
    func helpOfEachCommandMatchesItsGoldenFile(command: Subcommand) throws {
        let name = command == .draw ? "help.txt" : "help-\(command.rawValue).txt"
        try GoldenFile.check(HelpWriter.text(for: command), against: Self.golden.appendingPathComponent(name))
    }

    @Test(arguments: Subcommand.allCases)
    func helpListsEveryOptionOfItsCommandAndNoOther(command: Subcommand) {
        let help = HelpWriter.text(for: command)
        for option in OptionTable.all {
            #expect(
                help.contains("--\(option.name)") == option.commands.contains(command)
                    || help.contains("--\(option.name) "),
                "\(command): --\(option.name)")
            if option.commands.contains(command) {
                #expect(help.contains("  \(option.synopsis)"), "\(command): \(option.synopsis)")
            }
        }
        #expect(
            !help.split(separator: "\n").contains { $0.count > HelpWriter.width },
            "a help line is wider than \(HelpWriter.width)")
    }

    @Test func everyOptionIsDeclaredOnceAndEveryChoiceParses() throws {
        let names = OptionTable.all.map(\.name), shorts = OptionTable.all.compactMap(\.shortName)
        #expect(Set(names).count == names.count)
        #expect(Set(shorts).count == shorts.count)
        // A closed set is what the command accepts: each listed value parses (for some command that takes it).
        for option in OptionTable.all {
            guard case .choice(_, let choices) = option.value else { continue }
            for choice in choices {
                let accepted = option.commands.contains { command in
                    var arguments =
                        command == .draw
                        ? ["x.json"] : command == .diff ? [command.rawValue, "a", "b"] : [command.rawValue, "x.json"]
                    arguments += ["--\(option.name)", choice]
                    if option.name == "layout" { arguments += ["--render", "svg"] }
                    if option.name == "render" { arguments += ["-o", "x.\(choice)"] }
                    if let needed = option.needs,
                        let format = OutputFormat.allCases.first(where: { $0.capabilities.contains(needed) })
                    {
                        arguments += ["-f", format.rawValue]
                    }
                    let parsed = try? ParsedArguments(
                        Array(arguments.drop { Subcommand(rawValue: $0) != nil }), command: command)
                    guard let parsed else { return false }
                    switch command {
                    case .draw: return (try? DrawCommand.request(parsed)) != nil
                    case .check: return (try? CheckCommand.request(parsed)) != nil
                    case .diff: return (try? DiffCommand.request(parsed)) != nil
                    }
                }
                #expect(accepted, "--\(option.name) \(choice) is offered but no command accepts it")
            }
        }
    }

    @Test func bashLoadsItsCompletionAndCompletesOptionsAndValues() throws {
        guard let bash = Self.tool("bash") else { return }
        let script = CompletionWriter.script(for: .bash)
        #expect(try Self.run(bash, ["-n"], stdin: script).status == 0)
        let probe =
            script + """
                complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _peergraph; echo "${COMPREPLY[*]}"; }
                complete_words peergraph --form
                complete_words peergraph check --fail
                complete_words peergraph --format ''
                complete_words peergraph --edge-labels o
                complete_words peergraph diff --fail

                """
        let lines = try Self.run(bash, ["--norc", "-s"], stdin: probe).output.split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 5)
        #expect(lines[0] == "--format")
        #expect(lines[1] == "--fail-on")
        #expect(
            lines[2].split(separator: " ").contains("graphml") && lines[2].split(separator: " ").contains("mermaid"))
        #expect(lines[3] == "outside")
        #expect(lines[4] == "", "diff has no --fail-on")
    }

    @Test func zshAndFishParseTheirCompletions() throws {
        if let zsh = Self.tool("zsh") {
            let script = CompletionWriter.script(for: .zsh)
            let result = try Self.run(zsh, ["-n"], stdin: script)
            #expect(result.status == 0, "\(result.output)")
            for option in OptionTable.all { #expect(script.contains("--\(option.name)[")) }
        }
        if let fish = Self.tool("fish") {
            let script = CompletionWriter.script(for: .fish)
            let result = try Self.run(fish, ["--no-execute"], stdin: script)
            #expect(result.status == 0, "\(result.output)")
            // fish itself lists what it would complete after loading the script.
            let listed = try Self.run(
                fish, ["--no-config", "-c", "source; complete -C 'peergraph check --fa'"], stdin: script)
            #expect(listed.output.contains("--fail-on"), "\(listed.output)")
        }
    }

    @Test func theManPageIsCleanRoffAndNamesEveryOption() throws {
        let page = ManPageWriter.page()
        if let mandoc = Self.tool("mandoc") {
            let lint = try Self.run(mandoc, ["-T", "lint", "-W", "warning"], stdin: page)
            #expect(lint.status == 0, "\(lint.output)")
            let text = try Self.run(mandoc, ["-T", "ascii"], stdin: page).output
                .replacingOccurrences(of: ".\u{8}", with: "", options: .regularExpression)
            for option in OptionTable.all { #expect(text.contains("--\(option.name)"), "--\(option.name)") }
        }
    }

    @Test func theCommandPrintsCompletionsAndTheManPage() async {
        let out = ByteBox()
        let command = PeerGraphCommand(
            writeError: { _ in }, writeOutput: { out.append($0) }, environment: [:], errorIsTerminal: false)
        #expect(await command.run(["completions", "zsh"]) == .success)
        #expect(String(decoding: out.bytes, as: UTF8.self).hasPrefix("#compdef peergraph"))
        #expect(await command.run(["completions", "tcsh"]) == .usage)
        #expect(await command.run(["--help-man"]) == .success)
        #expect(String(decoding: out.bytes, as: UTF8.self).contains(".TH PEERGRAPH 1"))
    }
}
