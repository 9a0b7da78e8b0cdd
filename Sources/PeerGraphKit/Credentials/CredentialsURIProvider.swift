import Foundation

/// Credentials from a URL (`ALIBABA_CLOUD_CREDENTIALS_URI`, config.json `CredentialsURI`, INI
/// `credentials_uri`): a plain GET, answered with HTTP 200 and `"Code": "Success"` and the four fields.
/// Messages name the URL without its query, which may carry a secret of its own.
package struct CredentialsURIProvider: CredentialProvider {
    package var url: URL

    package init(url: URL) { self.url = url }

    package var path: String { "credential_uri" }

    /// The URL as messages show it: scheme, host and path.
    var shownURL: String { "\(url.scheme ?? "http")://\(APIRequest.hostHeader(url))\(url.path)" }

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        let request = HTTPRequest(
            url: url, method: "GET", headers: [(name: "accept", value: "application/json")], body: [],
            action: "credentials URI")
        let response: HTTPResponse
        do {
            response = try await services.transport.send(request, timeout: services.timeout)
        } catch {
            throw CredentialError(
                service:
                    "the credentials URI \(shownURL) did not answer (\(error == .timedOut ? "timed out" : "not reachable"))"
            )
        }
        services.log("credentials URI \(shownURL): HTTP \(response.status)")
        guard response.status == 200 else {
            throw CredentialError(service: "the credentials URI \(shownURL) answered HTTP \(response.status)")
        }
        return try TemporaryCredentialsAnswer.read(
            response.body, requireSuccessCode: true, source: "the credentials URI \(shownURL)",
            path: path)
    }
}
