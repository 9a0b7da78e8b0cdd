import Foundation
import PeerGraphKit

/// Saved API responses (a file, a folder of pages, or "-") drawn as Graphviz DOT.
func drawSavedPages(_ folder: String) async throws -> String {
    let output = Collected()
    let request = DrawRequest(collect: .inputs([folder]))
    let context = JobContext(writeOutput: { output.append($0) }, report: { print("peergraph: \($0)") })
    _ = try await PeerGraphJobs.draw(request, context: context)
    return output.text
}

/// The live API through a transport of your own (a proxy, a recorder, a test double), drawn as Mermaid.
func drawLive(through transport: HTTPTransport) async throws -> String {
    var live = LiveRequest()
    live.regions = .named(["cn-hangzhou"])
    live.transport = transport
    var request = DrawRequest(collect: CollectRequest(.live(live)))
    request.output.format = .mermaid
    request.output.look.title = "Production mesh"
    let credentials = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": "AKID-EXAMPLE", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "SECRET-EXAMPLE",
    ]
    let output = Collected()
    let context = JobContext(writeOutput: { output.append($0) }, environment: credentials)
    let result = try await PeerGraphJobs.draw(request, context: context)
    precondition(result.outcome == .clean)
    return output.text
}

/// A transport that answers every call with one recorded page.
struct RecordedTransport: HTTPTransport {
    var page: String

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(page.utf8))
    }
}

/// Collects the output, which arrives in chunks (from any thread).
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    func append(_ more: [UInt8]) { lock.withLock { bytes += more } }
    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
