import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP request ready to send. Header names are lower-case.
public struct HTTPRequest: Sendable {
    /// Where it goes.
    public var url: URL
    /// `GET` or `POST`.
    public var method: String
    /// The headers, in the order they are sent (signed requests depend on them).
    public var headers: [(name: String, value: String)]
    /// The body; empty for the API's calls.
    public var body: [UInt8]
    /// The API action, for messages.
    public var action: String

    /// The first value of header `name` (names are lower case), if any.
    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
}

/// An HTTP response. Header names are lower-case.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The headers, names in lower case.
    public var headers: [String: String]
    /// The body as received (already de-chunked).
    public var body: [UInt8]

    /// A response with `headers` under lower-case names.
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// A failure below HTTP: no response at all, or one that was stopped.
public enum TransportError: Error, Sendable, Equatable {
    /// No complete response within the timeout.
    case timedOut
    /// The connection failed or dropped; the message says how.
    case connectionFailed(String)
    /// The response body (after decompression) passed this many bytes and was stopped.
    case responseTooLarge(Int)
}

/// Sends HTTP requests. Two implementations: URLSession for real use, and test doubles.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse
}

/// The URLSession transport (FoundationNetworking on Linux). One ephemeral session: no cookies, no cache.
///
/// It talks only to the API, and only as much as it must: redirects are never followed (an API never
/// redirects, and following one would send the signed request and the STS token to whatever host the
/// `Location` names; the 3xx comes back as the response), and a body is stopped as soon as it passes
/// `maximumResponseSize` bytes after decompression (a `Content-Encoding: gzip` bomb, an endless chunked
/// body), so memory stays small whatever the server sends.
package final class URLSessionTransport: HTTPTransport {
    /// Real pages are about 60 KB; this leaves a thousandfold margin.
    package static let defaultMaximumResponseSize = 64 << 20

    private let session: URLSession
    private let delegate: Delegate

    /// `maximumConnectionsPerHost`: every account's and region's calls go to one host (vpcpeer.aliyuncs.com),
    /// so this is as high as `--concurrency` goes; lower, it would be the run's real bound.
    package init(
        maximumResponseSize: Int = URLSessionTransport.defaultMaximumResponseSize, maximumConnectionsPerHost: Int = 64
    ) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        delegate = Delegate(maximumResponseSize: maximumResponseSize)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    package func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        urlRequest.httpBody = Data(request.body)
        let task = session.dataTask(with: urlRequest)
        let delegate = delegate
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            delegate.start(task, continuation: continuation)
            // URLSession's timeout restarts with every byte; this deadline bounds the whole exchange.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { delegate.fail(task, with: .timedOut) }
            task.resume()
        }
        return try result.get()
    }

    /// Collects each task's response and body, refuses redirects, and stops bodies that grow too large.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        struct Exchange {
            var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
            var response: HTTPURLResponse?
            var body = Data()
        }

        let maximumResponseSize: Int
        private var exchanges: [Int: Exchange] = [:]
        private let lock = NSLock()

        init(maximumResponseSize: Int) { self.maximumResponseSize = maximumResponseSize }

        func start(
            _ task: URLSessionTask, continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>
        ) {
            lock.withLock { exchanges[task.taskIdentifier] = Exchange(continuation: continuation) }
        }

        /// Ends the exchange of `task` with `error`, if it is still going.
        func fail(_ task: URLSessionTask, with error: TransportError) {
            guard let exchange = lock.withLock({ exchanges.removeValue(forKey: task.taskIdentifier) }) else { return }
            task.cancel()
            exchange.continuation.resume(returning: .failure(error))
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
        ) {
            lock.withLock { exchanges[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let tooLarge = lock.withLock { () -> Bool in
                guard let count = exchanges[dataTask.taskIdentifier]?.body.count else { return false }
                if count + data.count > maximumResponseSize { return true }
                // Appended in place: copying the exchange out and back would copy the body for every chunk.
                exchanges[dataTask.taskIdentifier]?.body.append(data)
                return false
            }
            if tooLarge { fail(dataTask, with: .responseTooLarge(maximumResponseSize)) }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            guard let exchange = lock.withLock({ exchanges.removeValue(forKey: task.taskIdentifier) }) else { return }
            if let error {
                exchange.continuation.resume(returning: .failure(Self.transportError(error)))
                return
            }
            guard let http = exchange.response ?? task.response as? HTTPURLResponse else {
                exchange.continuation.resume(returning: .failure(.connectionFailed("not an HTTP response")))
                return
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            exchange.continuation.resume(
                returning: .success(
                    HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](exchange.body))))
        }

        private static func transportError(_ error: Error) -> TransportError {
            guard let error = error as? URLError else {
                return .connectionFailed((error as NSError).localizedDescription)
            }
            switch error.code {
            case .badURL:
                // swift-corelibs-foundation (Linux, Windows) before its fix for issue 5496 refuses every URL
                // whose host is an IPv6 literal; say so instead of "error -1000".
                let host = error.failingURL?.host ?? ""
                return .connectionFailed(
                    host.contains(":")
                        ? "this system's Foundation cannot reach IPv6 literal URLs (swift-corelibs-foundation issue 5496); use a host name"
                        : "bad URL")
            case .timedOut: return .timedOut
            case .cannotConnectToHost: return .connectionFailed("connection refused")
            case .networkConnectionLost: return .connectionFailed("connection lost")
            case .cannotFindHost: return .connectionFailed("host not found")
            case .notConnectedToInternet: return .connectionFailed("no network")
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
                return .connectionFailed("TLS failed")
            default: return .connectionFailed(error.localizedDescription)
            }
        }
    }
}
