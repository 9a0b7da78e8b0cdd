import Foundation

/// STS `AssumeRoleWithOIDC`: a role for an OIDC token (ACK RRSA, GitHub Actions), from the environment
/// (`ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE`), a
/// config.json `OIDC` profile or an INI `oidc_role_arn` section. The call is anonymous; the token file is
/// read afresh at every fetch, because its issuer rotates it.
package struct OIDCRoleProvider: CredentialProvider {
    package var roleARN: String
    package var providerARN: String
    package var tokenFile: String
    package var sessionName: String
    package var durationSeconds: Int
    package var policy: String?
    package var sts: STSSettings

    package init(
        roleARN: String, providerARN: String, tokenFile: String, sessionName: String = RoleRequest.defaultSessionName,
        durationSeconds: Int = RoleRequest.defaultDuration, policy: String? = nil, sts: STSSettings = STSSettings()
    ) {
        self.roleARN = roleARN
        self.providerARN = providerARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.policy = policy
        self.sts = sts
    }

    package var path: String { "oidc_role_arn" }

    /// The token is 4 to 20,000 characters (the SDK's limits).
    static let tokenLengths = 4...20_000

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        guard let data = try CredentialFile.contents(atPath: tokenFile, shownAs: "the OIDC token file \(tokenFile)"),
            let text = String(data: data, encoding: .utf8)
        else {
            throw CredentialError("cannot read the OIDC token file \(tokenFile)")
        }
        let token = text.trimmingWhitespace()
        guard Self.tokenLengths.contains(token.utf8.count) else {
            throw CredentialError("the OIDC token file \(tokenFile) does not hold a token (4 to 20000 characters)")
        }
        services.scrubber.add([token])
        try RoleRequest(arn: roleARN, sessionName: sessionName, durationSeconds: durationSeconds).validate(
            "the OIDC role")
        let request = APIRequest.assumeRoleWithOIDC(
            roleARN: roleARN, providerARN: providerARN, token: token, sessionName: sessionName,
            durationSeconds: durationSeconds, policy: policy)
        let roleARN = roleARN
        do {
            return try await services.client(nil).call(
                request, endpoint: services.stsEndpoint(sts), region: nil, answerIsCredentials: true
            ) {
                body throws(APIError.Reason) in
                do throws(CredentialError) {
                    return try TemporaryCredentialsAnswer.read(
                        body, prefix: "Credentials.", source: "AssumeRoleWithOIDC \(roleARN)", path: "oidc_role_arn")
                } catch {
                    throw .malformedResponse(error.message)
                }
            }
        } catch {
            throw CredentialError("AssumeRoleWithOIDC of \(roleARN) failed", apiError: error)
        }
    }
}
