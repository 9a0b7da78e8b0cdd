import Foundation

/// Finds credentials in the official libraries' order:
/// 1. `ALIBABA_CLOUD_ACCESS_KEY_ID` + `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (+ `ALIBABA_CLOUD_SECURITY_TOKEN`);
/// 2. OIDC from `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE`;
/// 3. `~/.aliyun/config.json`, profile `--profile`, `ALIBABA_CLOUD_PROFILE` or its `current` (skipped with
///    `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`);
/// 4. the INI file `ALIBABA_CLOUD_CREDENTIALS_FILE`, `~/.alibabacloud/credentials.ini` or `credentials`,
///    section as for the profile or `default`;
/// 5. the ECS instance RAM role (skipped with `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`);
/// 6. `ALIBABA_CLOUD_CREDENTIALS_URI`.
///
/// Unlike the official libraries, a source that is configured and fails is the answer: its error, never
/// a silent fall-through to the next source. Only the ECS step, which is there on any machine, passes
/// to the credentials URI (or to the summary of what was looked for) when no metadata service answers,
/// unless `ALIBABA_CLOUD_ECS_METADATA` named the role. An explicit `--profile` skips steps 1 and 2.
package struct CredentialChain: Sendable {
    package var environment: [String: String]
    package var homeDirectory: String
    /// `--profile`.
    package var profile: String?

    package init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory(), profile: String? = nil
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.profile = profile
    }

    private func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    private func isTrue(_ name: String) -> Bool { environment[name]?.lowercased() == "true" }

    /// The profile asked for: `--profile`, else `ALIBABA_CLOUD_PROFILE`.
    var requestedProfile: String? { profile ?? variable("ALIBABA_CLOUD_PROFILE") }

    var cliProfiles: CLIProfileReader {
        CLIProfileReader(
            path: (homeDirectory as NSString).appendingPathComponent(".aliyun/config.json"), environment: environment)
    }

    var iniProfiles: INIProfileReader {
        let candidates: [String]
        if let path = variable("ALIBABA_CLOUD_CREDENTIALS_FILE") {
            candidates = [path]
        } else {
            let folder = (homeDirectory as NSString).appendingPathComponent(".alibabacloud")
            candidates = ["credentials.ini", "credentials"].map { (folder as NSString).appendingPathComponent($0) }
        }
        return INIProfileReader(
            path: candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0],
            environment: environment)
    }

    /// The provider of the first source that is configured. Reads files only; nothing is fetched.
    package func provider(services: CredentialServices) throws(CredentialError) -> any CredentialProvider {
        if profile == nil, let id = variable("ALIBABA_CLOUD_ACCESS_KEY_ID"),
            let secret = variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        {
            return StaticCredentialProvider(
                AlibabaCredentials(
                    accessKeyID: id, accessKeySecret: secret, securityToken: variable("ALIBABA_CLOUD_SECURITY_TOKEN"),
                    source: "environment variables", providerPath: "env"))
        }
        if profile == nil, let role = variable("ALIBABA_CLOUD_ROLE_ARN"),
            let provider = variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
            let file = variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE")
        {
            return ChainStepProvider(
                step: nil, source: "the OIDC environment variables",
                OIDCRoleProvider(
                    roleARN: role, providerARN: provider, tokenFile: file,
                    sessionName: variable("ALIBABA_CLOUD_ROLE_SESSION_NAME") ?? RoleRequest.defaultSessionName))
        }
        if !isTrue("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"),
            let found = try cliProfiles.provider(named: requestedProfile, services: services)
        {
            return found
        }
        if let found = try iniProfiles.provider(section: requestedProfile ?? "default", services: services) {
            return found
        }
        if let profile = requestedProfile {
            throw CredentialError(
                "no profile \(profile.debugDescription) in ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini")
        }
        var lastSteps = ImplicitSourcesProvider()
        if !isTrue("ALIBABA_CLOUD_ECS_METADATA_DISABLED") {
            let named = variable("ALIBABA_CLOUD_ECS_METADATA")
            let ecs = ChainStepProvider(
                step: nil, source: "the ECS instance RAM role", ECSRoleProvider(roleName: named))
            // The user named the role: this is the source they chose, and its failure is the answer.
            if named != nil { return ecs }
            lastSteps.metadata = ecs
        }
        if let text = variable("ALIBABA_CLOUD_CREDENTIALS_URI") {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
                throw CredentialError("ALIBABA_CLOUD_CREDENTIALS_URI is not an http(s) URL")
            }
            lastSteps.uri = ChainStepProvider(
                step: nil, source: "ALIBABA_CLOUD_CREDENTIALS_URI", CredentialsURIProvider(url: url))
        }
        return lastSteps
    }

    static let nothingConfigured = """
        no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET \
        (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure a profile in ~/.aliyun/config.json \
        ('aliyun configure') or ~/.alibabacloud/credentials.ini, or run where a role is given \
        (OIDC variables, an ECS instance RAM role, ALIBABA_CLOUD_CREDENTIALS_URI)
        """

    /// The region to use when `--region` is not given: `ALIBABA_CLOUD_REGION_ID`, else the profile's `region_id`.
    public func defaultRegion() -> String? {
        if let region = variable("ALIBABA_CLOUD_REGION_ID") { return region }
        guard !isTrue("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") else { return nil }
        return cliProfiles.region(of: requestedProfile)
    }
}
