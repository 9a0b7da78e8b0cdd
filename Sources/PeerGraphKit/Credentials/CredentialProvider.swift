/// One source of credentials: static keys, an STS role, the ECS metadata service, a credentials URI.
/// Each source is its own type, tested on its own; `CredentialChain` puts them in the official order.
package protocol CredentialProvider: Sendable {
    /// The provider path the credentials will carry, outermost first (`ram_role_arn/static_ak`).
    var path: String { get }
    /// Fetches credentials now (no caching: `RefreshingCredentials` keeps them for the run).
    func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials
}

/// Credentials that are already known: an AccessKey pair or a fixed STS token.
package struct StaticCredentialProvider: CredentialProvider {
    package var credentials: AlibabaCredentials

    package init(_ credentials: AlibabaCredentials) { self.credentials = credentials }

    package var path: String { credentials.providerPath }

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        credentials
    }
}

/// Another provider's credentials, said to come from one step of the chain: `source` says where to
/// look, and the step's name (`cli_profile`, `profile`) goes first in the provider path, as the
/// official libraries name it (steps that are one provider, like `ecs_ram_role`, have no name of their own).
package struct ChainStepProvider: CredentialProvider {
    package var step: String?
    package var source: String
    package var inner: any CredentialProvider

    package init(step: String?, source: String, _ inner: any CredentialProvider) {
        self.step = step
        self.source = source
        self.inner = inner
    }

    package var path: String { step.map { "\($0)/\(inner.path)" } ?? inner.path }

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        do {
            return try await inner.fetch(services).from(source, path: path)
        } catch {
            var failure = error
            failure.message = "\(source): \(error.message)"
            throw failure
        }
    }
}
