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
