/// Credentials that are already known: an AccessKey pair or a fixed STS token.
package struct StaticCredentialProvider: CredentialProvider {
    package var credentials: AlibabaCredentials

    package init(_ credentials: AlibabaCredentials) { self.credentials = credentials }

    package var path: String { credentials.providerPath }

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        credentials
    }
}
