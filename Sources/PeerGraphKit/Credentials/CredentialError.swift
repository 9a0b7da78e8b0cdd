/// Credentials that could not be had: a configuration problem (what is missing or refused, and where
/// to fix it) or a credential service that failed (STS, the ECS metadata service, a credentials URI).
public struct CredentialError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, and what to do.
    public var message: String
    /// The service's error code (`EntityNotExist.Role`, `NoPermission`), when a service answered one.
    public var code: String?
    /// True when a service failed (exit code 4); false for a configuration problem (exit code 2).
    public var isServiceFailure: Bool

    /// A configuration problem.
    public init(_ message: String) {
        self.message = message
        self.isServiceFailure = false
    }

    /// A failure of a credential service, with its error code if it gave one.
    package init(service message: String, code: String? = nil) {
        self.message = message
        self.code = code
        self.isServiceFailure = true
    }

    /// A failed API call made for credentials (AssumeRole, AssumeRoleWithOIDC), said as `what` failed.
    package init(_ what: String, apiError: APIError) {
        var code: String?
        if case .service(let serviceCode, _, _, _, _) = apiError.reason { code = serviceCode }
        self.init(service: "\(what): \(apiError.reasonDescription)", code: code)
    }

    /// The message.
    public var description: String { message }
}
