import Foundation

/// Finds credentials the way Alibaba Cloud's SDKs do, for the kinds that need no extra API call:
/// 1. `ALIBABA_CLOUD_ACCESS_KEY_ID` + `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (+ `ALIBABA_CLOUD_SECURITY_TOKEN`);
/// 2. `~/.aliyun/config.json` (the `aliyun` CLI's), profile `--profile`, `ALIBABA_CLOUD_PROFILE` or its
///    `current`, modes `AK` and `StsToken` (skipped when `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`);
/// 3. the INI file `ALIBABA_CLOUD_CREDENTIALS_FILE`, `~/.alibabacloud/credentials.ini` or
///    `~/.alibabacloud/credentials`, section as for the profile or `default`, `type = access_key`.
/// An explicit `--profile` skips the environment variables: the user asked for that profile.
public struct CredentialChain: Sendable {
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

    /// A configuration problem: what is missing or unsupported, and where to fix it.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What is missing or unsupported, and where to fix it.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    private var requestedProfile: String? {
        profile ?? environment["ALIBABA_CLOUD_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
    }
    private var configPath: String { (homeDirectory as NSString).appendingPathComponent(".aliyun/config.json") }
    private var cliProfilesDisabled: Bool { environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"]?.lowercased() == "true" }

    /// The first credentials the chain yields.
    package func resolve() throws(Failure) -> AlibabaCredentials {
        if profile == nil, let id = environment["ALIBABA_CLOUD_ACCESS_KEY_ID"], !id.isEmpty,
            let secret = environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"], !secret.isEmpty
        {
            return AlibabaCredentials(
                accessKeyID: id, accessKeySecret: secret,
                securityToken: environment["ALIBABA_CLOUD_SECURITY_TOKEN"], source: "environment variables")
        }
        if !cliProfilesDisabled, let credentials = try fromCLIConfig() { return credentials }
        if let credentials = try fromINIFile() { return credentials }
        if let profile = requestedProfile {
            throw Failure(
                message:
                    "no profile \(profile.debugDescription) in ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini"
            )
        }
        throw Failure(
            message: """
                no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET \
                (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or configure a profile in ~/.aliyun/config.json \
                ('aliyun configure') or ~/.alibabacloud/credentials.ini
                """)
    }

    /// The region to use when `--region` is not given: `ALIBABA_CLOUD_REGION_ID`, else the profile's `region_id`.
    public func defaultRegion() -> String? {
        if let region = environment["ALIBABA_CLOUD_REGION_ID"], !region.isEmpty { return region }
        guard !cliProfilesDisabled, let selected = try? selectedCLIProfile() else { return nil }
        return (selected["region_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func loadCLIConfig() throws(Failure) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: configPath) else { return nil }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(message: "~/.aliyun/config.json is not valid JSON")
        }
        return object
    }

    private func selectedCLIProfile() throws(Failure) -> [String: Any]? {
        guard let config = try loadCLIConfig() else { return nil }
        let name = requestedProfile ?? (config["current"] as? String) ?? "default"
        let profiles = config["profiles"] as? [[String: Any]] ?? []
        return profiles.first { ($0["name"] as? String) == name }
    }

    private func fromCLIConfig() throws(Failure) -> AlibabaCredentials? {
        guard let selected = try selectedCLIProfile() else { return nil }
        let name = selected["name"] as? String ?? "?"
        let mode = selected["mode"] as? String ?? "AK"
        let id = selected["access_key_id"] as? String ?? ""
        let secret = selected["access_key_secret"] as? String ?? ""
        switch mode {
        case "AK", "StsToken":
            guard !id.isEmpty, !secret.isEmpty else {
                throw Failure(
                    message:
                        "~/.aliyun/config.json profile \(name.debugDescription) has no access_key_id or access_key_secret"
                )
            }
            let token = mode == "StsToken" ? selected["sts_token"] as? String : nil
            if mode == "StsToken" && (token ?? "").isEmpty {
                throw Failure(
                    message: "~/.aliyun/config.json profile \(name.debugDescription) (StsToken) has no sts_token")
            }
            return AlibabaCredentials(
                accessKeyID: id, accessKeySecret: secret, securityToken: token,
                source: "~/.aliyun/config.json profile \(name)")
        default:
            throw Failure(
                message: """
                    ~/.aliyun/config.json profile \(name.debugDescription) uses mode \(mode), which peergraph does not support \
                    (only AK and StsToken); use such a profile or the ALIBABA_CLOUD_ACCESS_KEY_* environment variables
                    """)
        }
    }

    private func fromINIFile() throws(Failure) -> AlibabaCredentials? {
        let candidates: [String]
        if let path = environment["ALIBABA_CLOUD_CREDENTIALS_FILE"], !path.isEmpty {
            candidates = [path]
        } else {
            let folder = (homeDirectory as NSString).appendingPathComponent(".alibabacloud")
            candidates = [
                (folder as NSString).appendingPathComponent("credentials.ini"),
                (folder as NSString).appendingPathComponent("credentials"),
            ]
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
            let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { return nil }
        let section = requestedProfile ?? "default"
        guard let values = Self.iniSection(section, in: text) else { return nil }
        let type = values["type"] ?? "access_key"
        guard type == "access_key" else {
            throw Failure(
                message:
                    "\(path) section [\(section)] has type \(type), which peergraph does not support (only access_key)")
        }
        guard let id = values["access_key_id"], !id.isEmpty, let secret = values["access_key_secret"], !secret.isEmpty
        else {
            throw Failure(message: "\(path) section [\(section)] has no access_key_id or access_key_secret")
        }
        return AlibabaCredentials(accessKeyID: id, accessKeySecret: secret, source: "\(path) [\(section)]")
    }

    /// The `key = value` pairs of `[name]`, with `#`/`;` comments stripped.
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
