import Foundation
import Testing

@testable import PeerGraphKit

/// The jobs run without a process: standard input, output and the environment come from the context,
/// and what they have to say comes back as values.
@Suite struct PeerGraphJobsTests {
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        private var said: [Diagnostic] = []
        func append(_ more: [UInt8]) { lock.withLock { bytes += more } }
        func report(_ diagnostic: Diagnostic) { lock.withLock { said.append(diagnostic) } }
        var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
        var diagnostics: [Diagnostic] { lock.withLock { said } }
    }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    func context(_ output: Output, stdin: Data = Data()) -> JobContext {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(stdin)
        try? pipe.fileHandleForWriting.close()
        return JobContext(
            standardInput: pipe.fileHandleForReading, writeOutput: { output.append($0) }, report: { output.report($0) })
    }

    @Test func standardInputComesFromTheContext() async throws {
        let page = try Data(contentsOf: Self.samples.appendingPathComponent("hub-and-spoke/connections.json"))
        let output = Output()
        var request = DrawRequest(collect: .inputs(["-"]))
        request.output.format = .json
        let result = try await PeerGraphJobs.draw(request, context: context(output, stdin: page))
        #expect(result.outcome == .clean)
        let graph = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
        #expect((graph["edges"] as? [Any])?.count == 6)
    }

    @Test func warningsAreValuesWithASeverityReportedAndReturned() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("hub-and-spoke/connections.json"),
            to: folder.appendingPathComponent("a.json"))
        try Data(#"{"manifest": true}"#.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let output = Output()
        let result = try await PeerGraphJobs.draw(
            DrawRequest(collect: .inputs([folder.path])), context: context(output))
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("manifest.json: skipped") == true)
        #expect(output.diagnostics == result.diagnostics)
    }

    @Test func aCheckWithFindingsSaysSoInItsOutcome() async throws {
        let fixture = Self.samples.deletingLastPathComponent().appendingPathComponent(
            "Tests/PeerGraphKitTests/Fixtures/check-mesh.json")
        var request = CheckRequest(collect: .inputs([fixture.path]))
        request.asOf = try #require(CheckRequest.date(parsing: "2025-09-01"))
        let output = Output()
        #expect(try await PeerGraphJobs.check(request, context: context(output)).outcome == .findings)
        request.failOn = nil
        #expect(try await PeerGraphJobs.check(request, context: context(output)).outcome == .clean)
    }

    @Test func liveCollectionWithoutARegionIsARequestError() async {
        let output = Output()
        let request = DrawRequest(collect: CollectRequest(.live(LiveRequest())))
        await #expect {
            _ = try await PeerGraphJobs.draw(request, context: context(output))
        } throws: { error in
            (error as? PeerGraphError)?.category == .request && "\(error)".contains("no input and no region")
        }
    }

    /// A library caller gets diagnostics without the secrets the job learned, not only the command line.
    @Test func diagnosticsNeverCarryASecret() {
        let scrubber = SecretScrubber()
        scrubber.add(["s3cr3t-access-key-secret-value"])
        let seen = Output()
        let log = DiagnosticLog(forwardingTo: { seen.report($0) }, scrubber: scrubber)
        log.report(.error, "the endpoint said: bad signature for s3cr3t-access-key-secret-value")
        #expect(!seen.diagnostics[0].message.contains("s3cr3t"))
        #expect(!log.all[0].message.contains("s3cr3t"))
    }
}
