/// An AccessKey pair, with a security token for STS credentials. Never printed: `description` shows
/// only the key id's first characters and where the credentials came from.
package struct AlibabaCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package var accessKeyID: String
    package var accessKeySecret: String
    package var securityToken: String?
    /// Where they came from, for `--verbose`: e.g. `environment`, `~/.aliyun/config.json profile default`.
    package var source: String

    package init(accessKeyID: String, accessKeySecret: String, securityToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken?.isEmpty == true ? nil : securityToken
        self.source = source
    }

    /// The secrets, for scrubbing them from anything shown to the user.
    package var secrets: [String] {
        [accessKeySecret, securityToken].compactMap { $0 }.filter { $0.count >= 4 }
    }

    package var description: String {
        "\(securityToken == nil ? "AccessKey" : "STS") \(accessKeyID.prefix(4))… from \(source)"
    }

    package var debugDescription: String { description }
}
