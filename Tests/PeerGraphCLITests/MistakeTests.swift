import Foundation
import Testing

@testable import PeerGraphCLI
@testable import PeerGraphKit

/// Mistakes that 0.2.0 let pass silently (or misread) are usage errors that say what to do.
@Suite struct MistakeTests {
    struct Outcome {
        var code: ExitCode
        var stdout: String
        var stderr: String
    }

    /// Runs the command in this process, capturing what it writes.
    static func run(_ arguments: [String]) async -> Outcome {
        let out = ByteBox(), err = ByteBox()
        let command = PeerGraphCommand(
            writeError: { err.append(Array(($0 + "\n").utf8)) }, writeOutput: { out.append($0) },
            environment: ["HOME": "/nonexistent"], errorIsTerminal: false)
        let code = await command.run(arguments)
        return Outcome(
            code: code, stdout: String(decoding: out.bytes, as: UTF8.self),
            stderr: String(decoding: err.bytes, as: UTF8.self))
    }

    static let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path

    @Test(arguments: [
        (["--status", "Actived"], "did you mean 'Activated'?"),
        (["--markdown"], "--markdown does nothing for --format dot; it applies to mermaid"),
        (["--layout", "neato"], "--layout chooses the Graphviz engine for --render"),
        (["-f", "mermaid", "--graphml-flavor", "yed"], "--graphml-flavor does nothing for --format mermaid"),
        (["-f", "graphml", "--edge-labels", "none"], "--edge-labels does nothing for --format graphml"),
        (["-f", "json", "--legend"], "--legend does nothing for --format json"),
        (["-f", "graphml", "--max-label", "20"], "--max-label does nothing for --format graphml"),
        (["--render", "svg", "--markdown"], "--markdown does nothing for --render (DOT)"),
        (["-f", "png"], "--format png is a picture: Graphviz draws it, with --render png -o FILE"),
        (["-f", "pdf"], "with --render pdf -o FILE"),
        (["--render", "png", "-o", "x.svg"], "--render png writes PNG, but -o x.svg says .svg"),
    ])
    func drawingMistakesAreUsageErrors(arguments: [String], message: String) async {
        let outcome = await Self.run([Self.pages] + arguments)
        #expect(outcome.code == .usage)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func reportsRefuseGraphLookOptions() async {
        let check = await Self.run(["check", Self.pages, "--legend"])
        #expect(check.code == .usage)
        let diff = await Self.run(["diff", Self.pages, Self.pages, "--title", "x"])
        #expect(diff.code == .usage)
        #expect(diff.stderr.contains("--title shapes a drawn graph"))
        let graph = await Self.run(["diff", Self.pages, Self.pages, "-f", "mermaid", "--title", "x", "--markdown"])
        #expect(graph.code == .success, "\(graph.stderr)")
        #expect(graph.stdout.hasPrefix("```mermaid\n"))
    }

    @Test(arguments: [("chek", "check"), ("dif", "diff"), ("Check", "check"), ("hlep", "help")])
    func mistypedCommandsGetADidYouMean(word: String, meant: String) async {
        let outcome = await Self.run([word, Self.pages])
        #expect(outcome.code == .usage)
        #expect(
            outcome.stderr.contains(
                "'\(word)' is neither a command nor a file or folder (did you mean 'peergraph \(meant)'?)"))
    }

    @Test func aFileNamedLikeACommandIsStillAFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-mistake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("chek")
        try FileManager.default.copyItem(atPath: Self.pages + "/cn-hangzhou-page-1.json", toPath: file.path)
        let outcome = await Self.run([file.path])
        #expect(outcome.code == .success, "\(outcome.stderr)")
    }

    @Test func helpIsACommand() async {
        let draw = await Self.run(["help"])
        #expect(draw.code == .success)
        #expect(draw.stdout == HelpWriter.text(for: .draw))
        let check = await Self.run(["help", "check"])
        #expect(check.stdout == HelpWriter.text(for: .check))
    }

    @Test func mmdIsMermaidAndShortOptionsCluster() async {
        let mmd = await Self.run([Self.pages, "-qf", "mmd"])
        #expect(mmd.code == .success, "\(mmd.stderr)")
        #expect(mmd.stdout.contains("flowchart LR"))
        let clustered = await Self.run([Self.pages, "-qfjson"])
        #expect(clustered.stdout.hasPrefix("{"))
        let unknown = await Self.run([Self.pages, "-qz"])
        #expect(unknown.code == .usage)
        #expect(unknown.stderr.contains("unknown option '-z' (in '-qz')"))
    }

    @Test func roundedIdsAreWarnedAboutOnTheCommandLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-owners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pages.json")
        try Data(
            """
            [{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-b"},"OwnerId":253460731706911258},
             {"InstanceId":"pcc-2","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-c"},"OwnerId":253460731706911260}]
            """.utf8
        ).write(to: file)
        let outcome = await Self.run([file.path])
        #expect(outcome.code == .success)
        #expect(outcome.stderr.contains("\(file.path): account id 253460731706911260 looks rounded"))
        #expect(outcome.stderr.contains("VPC vpc-a appears with two owners, 253460731706911258 and 253460731706911260"))
        let quiet = await Self.run([file.path, "-q"])
        #expect(quiet.stderr.isEmpty)
    }
}
