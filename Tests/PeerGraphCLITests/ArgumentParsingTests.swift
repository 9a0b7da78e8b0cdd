import Foundation
import PeerGraphTestSupport
import Testing

@testable import PeerGraphCLI
@testable import PeerGraphKit

/// Collects bytes written from a @Sendable closure.
final class ByteBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []
    func append(_ more: [UInt8]) { lock.withLock { stored += more } }
    var bytes: [UInt8] { lock.withLock { stored } }
}

@Suite struct ArgumentParsingTests {
    private func parse(_ arguments: [String]) throws -> DrawRequest {
        try DrawCommand.request(ParsedArguments(arguments))
    }

    private func inputs(_ request: DrawRequest) -> [InputSource] {
        guard case .inputs(let sources) = request.collect.origin else { return [] }
        return sources
    }

    @Test func acceptsBothValueSpellingsAndShortFlags() throws {
        let a = try parse(["in.json", "--format", "mermaid", "-o", "out.mmd", "--group-by=owner"])
        #expect(inputs(a) == [.file("in.json")])
        #expect(a.output.format == .mermaid)
        #expect(a.output.destination == .file("out.mmd"))
        #expect(a.recipe.grouping == .owner)
        let b = try parse(["-fgraphml", "--output=x.graphml", "-"])
        #expect(b.output.format == .graphml)
        #expect(b.output.destination == .file("x.graphml"))
        #expect(inputs(b) == [.standardInput])
    }

    @Test func repeatedAndCommaSeparatedFiltersAccumulate() throws {
        let options = try parse([
            "--status", "Activated,Accepting", "--status=Deleted", "--region", "cn-hangzhou",
            "--tag", "env=prod", "--tag", "team", "--name", "a,b", "--exclude-deleted",
        ])
        #expect(options.recipe.filter.statuses == ["Activated", "Accepting", "Deleted"])
        #expect(options.recipe.filter.regions == ["cn-hangzhou"])
        #expect(options.recipe.filter.tags == [.init(key: "env", value: "prod"), .init(key: "team")])
        #expect(options.recipe.filter.names == ["a,b"])
        #expect(options.recipe.filter.excludeDeleted)
    }

    @Test func edgeLabelPlacementIsAutoUnlessGiven() throws {
        #expect(try parse([]).output.look.edgeLabels == .auto)
        #expect(try parse(["--edge-labels", "OUTSIDE"]).output.look.edgeLabels == .outside)
        #expect(try parse(["--edge-labels=none"]).output.look.edgeLabels == EdgeLabelPlacement.none)
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(inputs(try parse(["--", "--format"])) == [.file("--format")])
    }

    @Test(arguments: [
        (["--fromat", "dot"], "unknown option '--fromat' (did you mean '--format'?)"),
        (["--legnd"], "unknown option '--legnd' (did you mean '--legend'?)"),
        (["--zzzzzzzz"], "unknown option '--zzzzzzzz'"),
        (["--format"], "option '--format' needs a value (FORMAT)"),
        (["--format", "svg"], "--format svg is a picture: Graphviz draws it, with --render svg"),
        (["--format", "tiff"], "unknown format 'tiff' (expected dot, graphml, mermaid, json, markdown)"),
        (["--group-by", "zone"], "unknown grouping 'zone' (expected region, owner, region,owner, none)"),
        (["--legend=yes"], "option '--legend' takes no value"),
        (["--title", "a", "--title", "b"], "option '--title' given more than once"),
        (["--max-label", "3"], "--max-label takes a number from 8 to 1000 (got '3')"),
        (["--edge-labels"], "option '--edge-labels' needs a value (WHERE)"),
        (
            ["--edge-labels", "sideways"],
            "unknown edge label placement 'sideways' (expected auto, inline, outside, none)"
        ),
        (
            ["--status", "Act!ve"],
            "unknown --status 'Act!ve' (expected Creating, Accepting, Updating, Rejected, Expired, Activated, Deleting, Deleted)"
        ),
        (
            ["--status", "Actived"],
            "unknown --status 'Actived' (did you mean 'Activated'?) (expected Creating, Accepting, Updating, Rejected, Expired, Activated, Deleting, Deleted)"
        ),
        (["--tag", "=v"], "--tag needs a key before '=' (got '=v')"),
        (["--graphml-flavor", "gephi"], "unknown GraphML flavor 'gephi' (expected plain, yed)"),
        (
            ["x.json", "--endpoint", "http://127.0.0.1:9"],
            "--endpoint is for live collection, which runs only when no INPUT is given"
        ),
        (
            ["--endpoint", "ftp://host"],
            "--endpoint takes a URL like https://vpcpeer.aliyuncs.com or http://127.0.0.1:8080 (got 'ftp://host')"
        ),
        (["--timeout", "0"], "--timeout takes seconds, more than 0 and at most 600 (got '0')"),
        (["--concurrency", "100"], "--concurrency takes a number from 1 to 64 (got '100')"),
        (["--region", "all,cn-hangzhou"], "--region all cannot be combined with other regions"),
    ])
    func rejectsBadCommandLines(arguments: [String], message: String) {
        #expect { _ = try parse(arguments) } throws: { "\($0)" == message }
    }

    @Test func errorsMapToDocumentedExitCodes() {
        #expect(ExitCode.describe(UsageError("x")).0 == .usage)
        #expect(ExitCode.describe(RequestError("x")).0 == .usage)
        #expect(ExitCode.describe(InputError(source: "f", message: "x")).0 == .input)
        #expect(ExitCode.describe(TemplateError(source: "f", line: 1, message: "x")).0 == .input)
        #expect(ExitCode.describe(OutputError(destination: "f", message: "x")).0 == .output)
        #expect(
            ExitCode.describe(APIError(region: "r", action: "a", reason: .transport(.timedOut), attempts: 1)).0 == .api)
        #expect(ExitCode.describe(CredentialError("x")).0 == .usage)
        #expect(
            ExitCode.usage.rawValue == 2 && ExitCode.input.rawValue == 3 && ExitCode.api.rawValue == 4
                && ExitCode.output.rawValue == 5)
    }

    /// An error no part of peergraph knows is a bug, and says so, instead of passing for an output error.
    @Test func anUnexpectedErrorIsAnInternalErrorAskingForAReport() {
        struct Surprise: Error {}
        let (code, message) = ExitCode.describe(Surprise())
        #expect(code == .internalError && code.rawValue == 70)
        #expect(message.contains("bug in peergraph") && message.contains("report"))
    }

    @Test func helpTextMatchesItsGoldenFile() async throws {
        let output = ByteBox()
        let code = await PeerGraphCommand(writeError: { _ in }, writeOutput: { output.append($0) }).run(["--help"])
        #expect(code == .success)
        let golden = CLIPaths.packageRoot.appendingPathComponent("Tests/PeerGraphCLITests/Golden/help.txt")
        try GoldenFile.check(String(decoding: output.bytes, as: UTF8.self), against: golden)
    }
}
