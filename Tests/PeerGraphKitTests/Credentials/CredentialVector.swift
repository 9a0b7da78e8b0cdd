import Foundation
import Testing

@testable import PeerGraphKit

/// One recorded vector of `Fixtures/credentials` (copied from the official libraries' recordings):
/// its environment, files, requests and answers, and what the library returned.
struct CredentialVector {
    struct Exchange {
        var method: String
        var host: String
        var path: String
        /// The API action (`x-acs-action` or the query's `Action`), if any.
        var action: String?
        var requestTarget: String
        var headers: [(String, String)]
        var body: String
        var status: Int
        var responseBody: String
    }

    let json: [String: Any]
    let exchanges: [Exchange]

    init(_ name: String) throws {
        let data = try Data(contentsOf: TestPaths.fixture("credentials/\(name).json"))
        json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        exchanges = (json["exchanges"] as? [[String: Any]] ?? []).map { exchange in
            let headers = (exchange["headers"] as? [[String]] ?? []).map { ($0[0], $0[1]) }
            let host = headers.first { $0.0.lowercased() == "host" }?.1 ?? ""
            let query = Dictionary(
                (exchange["query_decoded"] as? [[String]] ?? []).map { ($0[0], $0[1]) }, uniquingKeysWith: { $1 })
            let response = exchange["response"] as? [String: Any] ?? [:]
            return Exchange(
                method: exchange["method"] as! String, host: host, path: exchange["path"] as! String,
                action: headers.first { $0.0.lowercased() == "x-acs-action" }?.1 ?? query["Action"],
                requestTarget: exchange["request_target"] as! String, headers: headers,
                body: exchange["body"] as? String ?? "", status: response["status"] as? Int ?? 0,
                responseBody: response["body"] as? String ?? "")
        }
    }

    var environment: [String: String] { json["environment"] as? [String: String] ?? [:] }
    var files: [String: String] { json["files"] as? [String: String] ?? [:] }
    /// What the library returned: its credentials' key id, or nil when it raised.
    var resultKeyID: String? {
        let result = (json["library"] as? [String: Any])?["result"] as? [String: Any]
        return (result?["credentials"] as? [String: Any])?["access_key_id"] as? String
            ?? result?["access_key_id"] as? String
    }

    /// A home folder holding the vector's files, and its environment with `$HOME` filled in.
    func materialise() throws -> (home: String, environment: [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("vector-home-\(UUID().uuidString)")
        for (path, text) in files {
            let url = home.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = environment.mapValues {
            $0.replacingOccurrences(of: "$HOME", with: home.path).replacingOccurrences(of: "$PORT", with: "8080")
        }
        environment["HOME"] = home.path
        return (home.path, environment)
    }
}

/// Answers each request with the next exchange of a vector, after checking that it is the same kind of
/// request (method, host, path, action); records what was sent.
final class VectorReplay: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: [CredentialVector.Exchange]
    private(set) var sent: [HTTPRequest] = []

    init(_ vector: CredentialVector) { remaining = vector.exchanges }

    /// `METHOD host path [action]` of each request sent.
    var sentKinds: [String] { lock.withLock { sent.map(Self.kind) } }

    static func kind(_ request: HTTPRequest) -> String {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let action = request.header("x-acs-action") ?? components?.queryItems?.first { $0.name == "Action" }?.value
        let path = components?.percentEncodedPath ?? ""
        return
            "\(request.method) \(components?.host ?? "") \(path.isEmpty ? "/" : path)\(action.map { " \($0)" } ?? "")"
    }

    static func kind(_ exchange: CredentialVector.Exchange) -> String {
        let host = exchange.host.split(separator: ":").first.map(String.init) ?? ""
        return "\(exchange.method) \(host) \(exchange.path)\(exchange.action.map { " \($0)" } ?? "")"
    }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        let next = lock.withLock { () -> CredentialVector.Exchange? in
            sent.append(request)
            return remaining.isEmpty ? nil : remaining.removeFirst()
        }
        guard let next else { throw .connectionFailed("no more recorded exchanges") }
        // The recorded service was unreachable, or answered: the same here.
        if next.status == 0 { throw .timedOut }
        return HTTPResponse(status: next.status, headers: [:], body: Array(next.responseBody.utf8))
    }
}

extension CredentialServices {
    /// Services over `transport`, with no retries and no sleeping.
    static func replaying(_ transport: HTTPTransport, environment: [String: String] = [:]) -> CredentialServices {
        CredentialServices(
            transport: transport, environment: environment, retryPolicy: RetryPolicy(maximumRetries: 0))
    }
}
