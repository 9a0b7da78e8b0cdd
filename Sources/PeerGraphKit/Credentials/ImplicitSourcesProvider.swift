/// The chain's last steps. The metadata service is tried on any machine (it answers only on ECS):
/// when it gives nothing, the credentials URI is next if one is set (and its failure is the answer),
/// else the error says what was looked for.
struct ImplicitSourcesProvider: CredentialProvider {
    var metadata: (any CredentialProvider)?
    var uri: (any CredentialProvider)?

    var path: String { [metadata, uri].compactMap { $0?.path }.joined(separator: "|") }

    func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        var reason: String?
        if let metadata {
            do {
                return try await metadata.fetch(services)
            } catch {
                services.log("credentials: \(error.message); next: \(uri == nil ? "none" : "the credentials URI")")
                reason = error.message
            }
        }
        if let uri { return try await uri.fetch(services) }
        throw CredentialError(CredentialChain.nothingConfigured + (reason.map { " (\($0))" } ?? ""))
    }
}
