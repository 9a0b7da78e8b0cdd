import Foundation

/// The profiles of the aliyun CLI's `~/.aliyun/config.json`, each mode made into its provider:
/// `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn` (its `source_profile` resolved the same way,
/// recursively, a cycle refused), `EcsRamRole`, `OIDC` and `CredentialsURI`. Mode names are matched
/// without regard to case, as the CLI does. Modes peergraph cannot honour are refused with what to do.
struct CLIProfileReader {
    var path: String
    var environment: [String: String]
    static let shownPath = "~/.aliyun/config.json"

    /// The profiles, or nil when there is no file.
    func load() throws(CredentialError) -> (current: String?, profiles: [[String: Any]])? {
        guard let data = try CredentialFile.contents(atPath: path, shownAs: Self.shownPath) else { return nil }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CredentialError("\(Self.shownPath) is not valid JSON")
        }
        return (object["current"] as? String, object["profiles"] as? [[String: Any]] ?? [])
    }

    /// The profile `name` (nil: the file's `current`, else `default`), if the file has it.
    func profile(_ name: String?) throws(CredentialError) -> [String: Any]? {
        guard let (current, profiles) = try load() else { return nil }
        let wanted = name ?? current ?? "default"
        return profiles.first { ($0["name"] as? String) == wanted }
    }

    /// The profile's `region_id`, if any.
    func region(of name: String?) -> String? {
        guard let selected = try? profile(name) else { return nil }
        return (selected["region_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The provider of profile `name`, or nil when the file or the profile is not there.
    func provider(
        named name: String?, services: CredentialServices
    ) throws(CredentialError) -> (any CredentialProvider)? {
        guard let selected = try profile(name) else { return nil }
        let profileName = selected["name"] as? String ?? "?"
        return ChainStepProvider(
            step: "cli_profile", source: "\(Self.shownPath) profile \(profileName)",
            try provider(for: selected, visited: [], services: services))
    }

    private func provider(
        for profile: [String: Any], visited: [String], services: CredentialServices
    ) throws(CredentialError) -> any CredentialProvider {
        let name = profile["name"] as? String ?? "?"
        let place = "\(Self.shownPath) profile \(name.debugDescription)"
        func text(_ key: String) -> String? { (profile[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ key: String) -> Int? {
            (profile[key] as? NSNumber)?.intValue ?? (profile[key] as? String).flatMap { Int($0) }
        }
        func required(_ key: String, _ mode: String) throws(CredentialError) -> String {
            guard let value = text(key) else { throw CredentialError("\(place) (\(mode)) has no \(key)") }
            return value
        }
        let sts = STSSettings(
            region: text("sts_region"), vpc: (profile["enable_vpc"] as? Bool) ?? false, host: text("sts_endpoint"))
        func role(_ mode: String) throws(CredentialError) -> RoleRequest {
            let role = RoleRequest(
                arn: try required("ram_role_arn", mode),
                sessionName: text("ram_session_name") ?? text("role_session_name") ?? RoleRequest.defaultSessionName,
                durationSeconds: number("expired_seconds") ?? RoleRequest.defaultDuration,
                externalID: text("external_id"), policy: text("policy"))
            try role.validate("\(place) (\(mode))")
            return role
        }
        func keys(_ mode: String, token: Bool) throws(CredentialError) -> StaticCredentialProvider {
            let id = try required("access_key_id", mode), secret = try required("access_key_secret", mode)
            let sts = token ? try required("sts_token", mode) : text("sts_token")
            return StaticCredentialProvider(
                AlibabaCredentials(accessKeyID: id, accessKeySecret: secret, securityToken: sts, source: place))
        }
        let mode = text("mode") ?? "AK"
        switch mode.lowercased() {
        case "ak":
            return try keys("AK", token: false)
        case "ststoken":
            return try keys("StsToken", token: true)
        case "ramrolearn":
            let source = RefreshingCredentials(try keys("RamRoleArn", token: false), services: services)
            return AssumeRoleProvider(source: source, role: try role("RamRoleArn"), sts: sts)
        case "chainableramrolearn":
            let sourceName = try required("source_profile", "ChainableRamRoleArn")
            guard !visited.contains(sourceName), sourceName != name else {
                throw CredentialError(
                    "\(place) (ChainableRamRoleArn): its source_profile chain loops (\((visited + [name, sourceName]).joined(separator: " → ")))"
                )
            }
            guard let source = try self.profile(sourceName) else {
                throw CredentialError(
                    "\(place) (ChainableRamRoleArn): source_profile \(sourceName.debugDescription) is not in \(Self.shownPath)"
                )
            }
            let inner = try provider(for: source, visited: visited + [name], services: services)
            return AssumeRoleProvider(
                source: RefreshingCredentials(inner, services: services), role: try role("ChainableRamRoleArn"),
                sts: sts)
        case "ecsramrole":
            return ECSRoleProvider(roleName: text("ram_role_name"))
        case "oidc":
            let role = try role("OIDC")
            return OIDCRoleProvider(
                roleARN: role.arn, providerARN: try required("oidc_provider_arn", "OIDC"),
                tokenFile: try required("oidc_token_file", "OIDC"), sessionName: role.sessionName,
                durationSeconds: role.durationSeconds, policy: role.policy, sts: sts)
        case "credentialsuri":
            guard let text = text("credentials_uri") ?? environment["ALIBABA_CLOUD_CREDENTIALS_URI"],
                let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "")
            else {
                throw CredentialError("\(place) (CredentialsURI) has no http(s) credentials_uri")
            }
            return CredentialsURIProvider(url: url)
        default:
            throw CredentialError("\(place) uses mode \(mode), which peergraph refuses: \(Self.refusal(mode))")
        }
    }

    /// Why a mode is refused, and what to use instead.
    static func refusal(_ mode: String) -> String {
        switch mode.lowercased() {
        case "cloudsso", "oauth":
            return """
                it needs an interactive sign-in and writes tokens back to the file, which a documentation job must \
                not do; sign in with the aliyun CLI and give peergraph the STS credentials it exports \
                (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), or \
                use a RamRoleArn, ChainableRamRoleArn or OIDC profile
                """
        case "external":
            return """
                it runs the program in process_command, and peergraph never runs a program named in a \
                credentials file; run it yourself and pass its credentials in the ALIBABA_CLOUD_* environment \
                variables, or serve them at ALIBABA_CLOUD_CREDENTIALS_URI
                """
        case "rsakeypair", "ramrolearnwithrolename":
            return
                "it is deprecated; use a ChainableRamRoleArn profile whose source_profile is an AK or EcsRamRole profile"
        case "bearertoken":
            return
                "a bearer token works for a few products only, not VpcPeer; use an AK, StsToken or RamRoleArn profile"
        default:
            return
                "it is not a mode of the aliyun CLI that gives AccessKey or STS credentials; use AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC or CredentialsURI"
        }
    }
}
