import Testing
@testable import PeerGraphCLI
@testable import PeerGraphKit

@Suite struct ArgumentParsingTests {
    private func parse(_ arguments: [String]) throws -> DrawOptions {
        try DrawOptions(ParsedArguments(arguments, flags: Flags.all))
    }

    @Test func acceptsBothValueSpellingsAndShortFlags() throws {
        let a = try parse(["in.json", "--format", "mermaid", "-o", "out.mmd", "--group-by=owner"])
        #expect(a.inputs == ["in.json"])
        #expect(a.format == .mermaid)
        #expect(a.outputPath == "out.mmd")
        #expect(a.grouping == .owner)
        let b = try parse(["-fgraphml", "--output=x.graphml", "-"])
        #expect(b.format == .graphml)
        #expect(b.outputPath == "x.graphml")
        #expect(b.inputs == ["-"])
    }

    @Test func repeatedAndCommaSeparatedFiltersAccumulate() throws {
        let options = try parse(["--status", "Activated,Accepting", "--status=Deleted", "--region", "cn-hangzhou",
                                 "--tag", "env=prod", "--tag", "team", "--name", "a,b", "--exclude-deleted"])
        #expect(options.filter.statuses == ["Activated", "Accepting", "Deleted"])
        #expect(options.filter.regions == ["cn-hangzhou"])
        #expect(options.filter.tags == [.init(key: "env", value: "prod"), .init(key: "team")])
        #expect(options.filter.names == ["a,b"])
        #expect(options.filter.excludeDeleted)
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try parse(["--", "--format"]).inputs == ["--format"])
    }

    @Test(arguments: [
        (["--fromat", "dot"], "unknown option '--fromat' (did you mean '--format'?)"),
        (["--legnd"], "unknown option '--legnd' (did you mean '--legend'?)"),
        (["--zzzzzzzz"], "unknown option '--zzzzzzzz'"),
        (["--format"], "option '--format' needs a value (FORMAT)"),
        (["--format", "svg"], "unknown format 'svg' (expected dot, graphml, mermaid)"),
        (["--group-by", "zone"], "unknown grouping 'zone' (expected region, owner, region,owner, none)"),
        (["--legend=yes"], "option '--legend' takes no value"),
        (["--title", "a", "--title", "b"], "option '--title' given more than once"),
        (["--max-label", "3"], "--max-label takes a number from 8 to 1000 (got '3')"),
        (["--status", "Act!ve"], "--status 'Act!ve' is not a status name"),
        (["--tag", "=v"], "--tag needs a key before '=' (got '=v')"),
        (["--graphml-flavor", "gephi"], "unknown GraphML flavor 'gephi' (expected plain, yed)"),
    ])
    func rejectsBadCommandLines(arguments: [String], message: String) {
        #expect { _ = try parse(arguments) } throws: { "\($0)" == message }
    }

    @Test func errorsMapToDocumentedExitCodes() {
        #expect(PeerGraphCommand.describe(UsageError("x")).0 == .usage)
        #expect(PeerGraphCommand.describe(InputError(source: "f", message: "x")).0 == .input)
        #expect(PeerGraphCommand.describe(TemplateError(source: "f", line: 1, message: "x")).0 == .input)
        #expect(PeerGraphCommand.describe(OutputError(destination: "f", message: "x")).0 == .output)
        #expect(ExitCode.usage.rawValue == 2 && ExitCode.input.rawValue == 3 && ExitCode.api.rawValue == 4 && ExitCode.output.rawValue == 5)
    }

    @Test func helpTextMatchesItsGoldenFile() throws {
        var output: [UInt8] = []
        let code = PeerGraphCommand(writeError: { _ in }, writeOutput: { output += $0 }).run(["--help"])
        #expect(code == .success)
        let golden = CLIPaths.packageRoot.appendingPathComponent("Tests/PeerGraphCLITests/Golden/help.txt")
        try CLIGolden.check(String(decoding: output, as: UTF8.self), against: golden)
    }
}
