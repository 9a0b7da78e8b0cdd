/// One source of credentials: static keys, an STS role, the ECS metadata service, a credentials URI.
/// Each source is its own type, tested on its own; `CredentialChain` puts them in the official order.
package protocol CredentialProvider: Sendable {
    /// The provider path the credentials will carry, outermost first (`ram_role_arn/static_ak`).
    var path: String { get }
    /// Fetches credentials now (no caching: `RefreshingCredentials` keeps them for the run).
    func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials
}
