import Foundation

/// The sections of the official libraries' INI file (`~/.alibabacloud/credentials.ini`), each `type`
/// made into its provider: `access_key`, `sts`, `ram_role_arn`, `ecs_ram_role`, `oidc_role_arn` and
/// `credentials_uri`. `rsa_key_pair` and `bearer` are refused with what to do instead.
struct INIProfileReader {
    var path: String
    var environment: [String: String]

    /// The provider of `[section]`, or nil when the file or the section is not there.
    func provider(section: String, services: CredentialServices) throws(CredentialError) -> (any CredentialProvider)? {
        guard let data = try CredentialFile.contents(atPath: path, shownAs: path),
            let text = String(data: data, encoding: .utf8), let values = Self.iniSection(section, in: text)
        else { return nil }
        let place = "\(path) section [\(section)]"
        func value(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
        func required(_ key: String) throws(CredentialError) -> String {
            guard let found = value(key) else { throw CredentialError("\(place) has no \(key)") }
            return found
        }
        func keys(token: Bool) throws(CredentialError) -> StaticCredentialProvider {
            StaticCredentialProvider(
                AlibabaCredentials(
                    accessKeyID: try required("access_key_id"), accessKeySecret: try required("access_key_secret"),
                    securityToken: token ? try required("security_token") : nil, source: place))
        }
        func role(_ arnKey: String) throws(CredentialError) -> RoleRequest {
            let role = RoleRequest(
                arn: try required(arnKey), sessionName: value("role_session_name") ?? RoleRequest.defaultSessionName,
                durationSeconds: value("duration_seconds").flatMap { Int($0) } ?? RoleRequest.defaultDuration,
                externalID: value("external_id"), policy: value("policy"))
            try role.validate(place)
            return role
        }
        let sts = STSSettings(region: value("sts_region"), vpc: value("enable_vpc")?.lowercased() == "true")
        let inner: any CredentialProvider
        let type = value("type") ?? "access_key"
        switch type.lowercased() {
        case "access_key": inner = try keys(token: false)
        case "sts": inner = try keys(token: true)
        case "ram_role_arn":
            inner = AssumeRoleProvider(
                source: RefreshingCredentials(try keys(token: false), services: services), role: try role("role_arn"),
                sts: sts)
        case "ecs_ram_role": inner = ECSRoleProvider(roleName: value("role_name"))
        case "oidc_role_arn":
            let role = try role("role_arn")
            inner = OIDCRoleProvider(
                roleARN: role.arn, providerARN: try required("oidc_provider_arn"),
                tokenFile: try required("oidc_token_file_path"), sessionName: role.sessionName,
                durationSeconds: role.durationSeconds, policy: role.policy, sts: sts)
        case "credentials_uri":
            guard let url = URL(string: try required("credentials_uri")),
                ["http", "https"].contains(url.scheme?.lowercased() ?? "")
            else { throw CredentialError("\(place): credentials_uri is not an http(s) URL") }
            inner = CredentialsURIProvider(url: url)
        case "rsa_key_pair":
            throw CredentialError(
                "\(place) has type rsa_key_pair, which peergraph refuses: it is deprecated; use ram_role_arn")
        default:
            throw CredentialError(
                "\(place) has type \(type), which peergraph refuses (it takes access_key, sts, ram_role_arn, ecs_ram_role, oidc_role_arn and credentials_uri)"
            )
        }
        return ChainStepProvider(step: "profile", source: "\(path) [\(section)]", inner)
    }

    /// The `key = value` pairs of `[name]`, with `#`/`;` comments stripped and keys in lower case.
    static func iniSection(_ name: String, in text: String) -> [String: String]? {
        var current: String?
        var values: [String: String]?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(where: { $0 == "#" || $0 == ";" }) { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                current = String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if current == name { values = values ?? [:] }
                continue
            }
            guard current == name, let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            values?[key] = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }
}
