/// An AccessKey pair, with a security token for STS credentials. Never printed: `description` shows
/// only the key id's first characters and where the credentials came from.
public struct AlibabaCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyID: String
    public var accessKeySecret: String
    public var securityToken: String?
    /// Where they came from, for `--verbose`: e.g. `environment`, `~/.aliyun/config.json profile default`.
    public var source: String

    public init(accessKeyID: String, accessKeySecret: String, securityToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken?.isEmpty == true ? nil : securityToken
        self.source = source
    }

    /// The secrets, for scrubbing them from anything shown to the user.
    public var secrets: [String] {
        [accessKeySecret, securityToken].compactMap { $0 }.filter { $0.count >= 4 }
    }

    public var description: String {
        "\(securityToken == nil ? "AccessKey" : "STS") \(accessKeyID.prefix(4))… from \(source)"
    }

    public var debugDescription: String { description }
}
