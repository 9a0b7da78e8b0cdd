/// STS `AssumeRole` on top of other credentials: config.json `RamRoleArn` and `ChainableRamRoleArn`,
/// the INI `ram_role_arn`, `--assume-role`, and each member of `--accounts`. Signed with ACS3, as the
/// STS SDK does.
package struct AssumeRoleProvider: CredentialProvider {
    /// The credentials that call AssumeRole (shared, so that many roles assumed from one source fetch it once).
    package var source: RefreshingCredentials
    package var role: RoleRequest
    package var sts: STSSettings

    package init(source: RefreshingCredentials, role: RoleRequest, sts: STSSettings = STSSettings()) {
        self.source = source
        self.role = role
        self.sts = sts
    }

    package var path: String { "ram_role_arn/\(source.provider.path)" }

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        let base = try await source.current()
        let endpoint = services.stsEndpoint(sts)
        let role = role
        let path = path
        do {
            return try await services.client(base).call(
                .assumeRole(role), endpoint: endpoint, region: nil, answerIsCredentials: true
            ) {
                body throws(APIError.Reason) in
                do throws(CredentialError) {
                    return try TemporaryCredentialsAnswer.read(
                        body, prefix: "Credentials.", source: "AssumeRole \(role.arn)", path: path)
                } catch {
                    throw .malformedResponse(error.message)
                }
            }
        } catch {
            throw CredentialError("AssumeRole of \(role.arn) failed", apiError: error)
        }
    }
}
