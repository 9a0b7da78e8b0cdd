import Foundation

/// Sends signed Alibaba Cloud RPC calls with retries. Every attempt gets a fresh date and nonce and is
/// signed again; throttling, server errors, timeouts and dropped connections are retried with backoff,
/// anything else fails at once.
package struct AlibabaCloudClient: Sendable {
    package var transport: HTTPTransport
    /// The keys that sign each call; nil: anonymous calls (AssumeRoleWithOIDC, whose token is the credential).
    package var credentials: AlibabaCredentials?
    /// Seconds allowed for each request.
    package var timeout: Double
    package var retryPolicy: RetryPolicy
    /// Receives one line per request for `--verbose`; never given a secret.
    package var log: @Sendable (String) -> Void
    /// Waits between attempts; replaceable in tests.
    package var sleep: @Sendable (Double) async throws -> Void
    /// Removes the credentials' secrets, and every signature sent, from all that comes back: response
    /// bodies (page data that is drawn and saved) and error excerpts.
    package let scrubber: SecretScrubber

    package init(
        transport: HTTPTransport, credentials: AlibabaCredentials?, timeout: Double = 10,
        retryPolicy: RetryPolicy = RetryPolicy(),
        log: @escaping @Sendable (String) -> Void = { _ in },
        sleep: @escaping @Sendable (Double) async throws -> Void = {
            try await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000))
        },
        scrubber: SecretScrubber = SecretScrubber()
    ) {
        self.scrubber = scrubber
        scrubber.add(credentials?.secrets ?? [])
        self.transport = transport
        self.credentials = credentials
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.log = log
        self.sleep = sleep
    }

    /// Calls `request` at `endpoint` and returns the body of the successful (HTTP 2xx) response, after
    /// `validate` accepted it (a body it rejects counts as a malformed response, and is retried).
    /// `answerIsCredentials`: a successful body is new credentials, read as they came (scrubbing could
    /// cut a new key that happens to share a run of bytes with an old secret); it is never shown or saved,
    /// and errors are scrubbed as always.
    package func call<Result>(
        _ request: APIRequest, endpoint: URL, region: String?, answerIsCredentials: Bool = false,
        validate: ([UInt8]) throws(APIError.Reason) -> Result
    ) async throws(APIError) -> Result {
        var attempt = 0
        while true {
            attempt += 1
            let started = Date()
            let signed =
                credentials.map { request.signed(endpoint: endpoint, credentials: $0) }
                ?? request.unsigned(endpoint: endpoint)
            if let authorization = signed.header("authorization"), let range = authorization.range(of: "Signature=") {
                scrubber.add([String(authorization[range.upperBound...])])
            }
            let failure: APIError.Reason
            var retryAfter: Int?
            do {
                var response = try await transport.send(signed, timeout: timeout)
                // Scrub before anything reads the body: before it is cut into an excerpt, drawn or saved.
                if !(answerIsCredentials && (200..<300).contains(response.status)) {
                    response.body = scrubber.scrub(response.body)
                }
                response.headers = response.headers.mapValues { scrubber.scrub($0) }
                let elapsed = Int(Date().timeIntervalSince(started) * 1000)
                log(
                    "\(region ?? "-") \(request.action) attempt \(attempt): HTTP \(response.status), \(response.body.count) bytes, \(elapsed) ms"
                )
                if (200..<300).contains(response.status) {
                    do {
                        return try validate(response.body)
                    } catch {
                        failure = error
                    }
                } else if (300..<400).contains(response.status) {
                    failure = .redirected(
                        status: response.status,
                        location: response.headers["location"].map { Self.printable($0, limit: 200) })
                } else {
                    failure = Self.errorReason(response)
                    retryAfter = response.headers["x-acs-retry-after"].flatMap { Int($0.trimmingWhitespace()) }
                }
            } catch {
                log(
                    "\(region ?? "-") \(request.action) attempt \(attempt): \(error == .timedOut ? "timed out" : "failed")"
                )
                failure = .transport(error)
            }
            let apiError = APIError(region: region, action: request.action, reason: failure, attempts: attempt)
            guard apiError.isRetryable || (retryAfter ?? 0) > 0, attempt <= retryPolicy.maximumRetries else {
                throw apiError
            }
            let wait = retryPolicy.delay(
                beforeRetry: attempt - 1, throttled: apiError.isThrottling, retryAfterMilliseconds: retryAfter)
            log("\(region ?? "-") \(request.action): retrying in \(Int(wait * 1000)) ms")
            do {
                try await sleep(wait)
            } catch {
                throw apiError
            }
        }
    }

    /// Reads the error body `{Code, Message, RequestId, Recommend}` (or lower-case keys); anything else
    /// becomes an HTTP error with a short printable excerpt.
    static func errorReason(_ response: HTTPResponse) -> APIError.Reason {
        var fields: [String: String] = [:]
        var scanner = JSONScanner(bytes: response.body)
        if scanner.peek() == UInt8(ascii: "{"), var cursor = try? scanner.beginObject() {
            while let key = try? scanner.nextKey(&cursor) {
                if scanner.peek() == UInt8(ascii: "\""), let value = try? scanner.readString() {
                    fields[key.text.lowercased()] = value
                } else if (try? scanner.skipValue()) == nil {
                    break
                }
            }
        }
        if let code = fields["code"], !code.isEmpty {
            return .service(
                code: printable(code, limit: 100), message: printable(fields["message"] ?? "", limit: 500),
                requestID: fields["requestid"].map { printable($0, limit: 100) },
                recommend: fields["recommend"].map { printable($0, limit: 300) }, status: response.status)
        }
        let text = String(decoding: response.body.prefix(400), as: UTF8.self)
        return .http(
            status: response.status, contentType: response.headers["content-type"], excerpt: printable(text, limit: 120)
        )
    }

    /// Text from the network made safe for one line of a terminal: controls become spaces, runs of
    /// white space collapse, and it is cut at `limit` characters.
    static func printable(_ text: String, limit: Int) -> String {
        let collapsed = TextEscaping.terminal(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
