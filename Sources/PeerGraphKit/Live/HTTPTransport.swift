import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP request ready to send. Header names are lower-case.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The API action, for messages.
    public var action: String

    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
}

/// An HTTP response. Header names are lower-case.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// A failure below HTTP: no response at all.
public enum TransportError: Error, Sendable, Equatable {
    /// No complete response within the timeout.
    case timedOut
    /// The connection failed or dropped; the message says how.
    case connectionFailed(String)
}

/// Sends HTTP requests. Two implementations: URLSession for real use, and test doubles.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse
}

/// The URLSession transport (FoundationNetworking on Linux). One ephemeral session: no cookies, no cache.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        urlRequest.httpBody = Data(request.body)
        let prepared = urlRequest
        let session = session
        // URLSession's timeout restarts with every byte; this deadline bounds the whole exchange.
        do {
            return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
                group.addTask {
                    let (data, response) = try await session.data(for: prepared)
                    guard let http = response as? HTTPURLResponse else { throw TransportError.connectionFailed("not an HTTP response") }
                    var headers: [String: String] = [:]
                    for (key, value) in http.allHeaderFields {
                        if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                    }
                    return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data))
                }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                    throw TransportError.timedOut
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch let error as TransportError {
            throw error
        } catch let error as URLError {
            throw error.code == .timedOut ? .timedOut : .connectionFailed(Self.describe(error))
        } catch is CancellationError {
            throw .connectionFailed("cancelled")
        } catch {
            throw .connectionFailed((error as NSError).localizedDescription)
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection lost"
        case .cannotFindHost: "host not found"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: "TLS failed"
        default: error.localizedDescription
        }
    }
}
