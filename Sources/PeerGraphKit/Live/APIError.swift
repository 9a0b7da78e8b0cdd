/// A failed API call: which region and action, what the service or the network said, how many attempts.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// Why the call failed.
    public enum Reason: Error, Sendable, Equatable {
        /// The service answered with an error body.
        case service(code: String, message: String, requestID: String?, recommend: String?, status: Int)
        /// An HTTP error without a usable error body (a proxy's HTML page, an empty body).
        case http(status: Int, contentType: String?, excerpt: String)
        /// No response: timeout, refused or dropped connection.
        case transport(TransportError)
        /// HTTP 200 whose body is not a valid page (truncated, not JSON).
        case malformedResponse(String)
        /// The service sent the same `NextToken` twice; following it would loop forever.
        case repeatedToken(String)
        /// More pages than any real account has: stopped.
        case tooManyPages(Int)
        /// A redirect (an API never redirects; it is not followed).
        case redirected(status: Int, location: String?)
        /// DescribeRegions named more regions than Alibaba Cloud has: not walked.
        case tooManyRegions(Int)
        /// The account's credentials could not be had (its role could not be assumed); the message says why.
        case credentials(message: String, code: String?)
    }

    /// The region asked, when the call was for one.
    public var region: String?
    /// The API action, e.g. `ListVpcPeerConnections`.
    public var action: String
    /// Why it failed.
    public var reason: Reason
    /// How many times it was tried (retries included).
    public var attempts: Int
    /// The account whose call it was, as messages name it (`account 1000000000000002 (prod-network)`),
    /// when several accounts are collected.
    public var account: String?

    /// A failure of `action` in `region` after `attempts` tries.
    public init(region: String?, action: String, reason: Reason, attempts: Int, account: String? = nil) {
        self.account = account
        self.region = region
        self.action = action
        self.reason = reason
        self.attempts = attempts
    }

    /// Whether trying again may help: throttling, server trouble, timeouts and dropped connections.
    public var isRetryable: Bool {
        switch reason {
        case .service(let code, _, _, _, let status):
            return code == "Throttling" || code.hasPrefix("Throttling.")
                || ["ServiceUnavailable", "InternalError", "UnknownError"].contains(code)
                || [500, 502, 503, 504].contains(status)
        case .http(let status, _, _):
            return status == 429 || [500, 502, 503, 504].contains(status)
        case .transport(.responseTooLarge):
            return false
        case .transport, .malformedResponse:
            return true
        case .repeatedToken, .tooManyPages, .redirected, .tooManyRegions, .credentials:
            return false
        }
    }

    /// Throttling waits longer between attempts.
    public var isThrottling: Bool {
        switch reason {
        case .service(let code, _, _, _, let status):
            code == "Throttling" || code.hasPrefix("Throttling.") || status == 429
        case .http(let status, _, _): status == 429
        default: false
        }
    }

    /// One line: account, region, action, attempts, and the reason (with the API's code and request id when given).
    public var description: String {
        var text = account.map { "\($0): " } ?? ""
        if case .credentials(let message, _) = reason { return text + message }
        text += region.map { "\($0): " } ?? ""
        text += "\(action) failed"
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text + ": " + reasonDescription
    }

    /// The reason alone, with the API's code and request id when given.
    public var reasonDescription: String {
        var text = ""
        switch reason {
        case .service(let code, let message, let requestID, let recommend, let status):
            text += "\(code): \(message) (HTTP \(status)"
            if let requestID { text += ", request id \(requestID)" }
            text += ")"
            if let recommend, !recommend.isEmpty { text += "; see \(recommend)" }
        case .http(let status, let contentType, let excerpt):
            text += "HTTP \(status) without an API error body"
            if let contentType { text += " (\(contentType))" }
            if !excerpt.isEmpty { text += ": \(excerpt)" }
        case .transport(.timedOut):
            text += "no response within the timeout"
        case .transport(.connectionFailed(let how)):
            text += "connection failed: \(how)"
        case .transport(.responseTooLarge(let limit)):
            text += "the response passed \(limit >> 20) MiB and was stopped (real pages are about 60 KB)"
        case .redirected(let status, let location):
            text +=
                "HTTP \(status) redirect\(location.map { " to \($0)" } ?? ""), not followed (the API never redirects; check --endpoint)"
        case .tooManyRegions(let count):
            text +=
                "DescribeRegions named \(count) regions, more than Alibaba Cloud has; not walking them (name the regions with --region)"
        case .malformedResponse(let why):
            text +=
                "the response is not \(action == "ListVpcPeerConnections" ? "a valid page" : "a valid answer"): \(why)"
        case .repeatedToken(let token):
            text += "the service sent NextToken \(token.prefix(40).debugDescription) twice; stopped instead of looping"
        case .tooManyPages(let count):
            text += "more than \(count) pages; stopped"
        case .credentials(let message, _):
            text += message
        }
        return text
    }
}
