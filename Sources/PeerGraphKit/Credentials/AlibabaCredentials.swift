import Foundation

/// An AccessKey pair, with a security token for STS credentials. Never printed: `description` shows
/// only the key id's first characters, where the credentials came from and the provider path.
package struct AlibabaCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package var accessKeyID: String
    package var accessKeySecret: String
    package var securityToken: String?
    /// When STS credentials stop working; nil: they do not expire (an AccessKey, a fixed token).
    package var expiration: Date?
    /// Where they came from, for `--verbose`: e.g. `environment variables`, `~/.aliyun/config.json profile default`.
    package var source: String
    /// The providers that made them, outermost first, as the official libraries name them:
    /// `cli_profile/ram_role_arn/static_ak`.
    package var providerPath: String

    package init(
        accessKeyID: String, accessKeySecret: String, securityToken: String? = nil, expiration: Date? = nil,
        source: String, providerPath: String? = nil
    ) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken?.isEmpty == true ? nil : securityToken
        self.expiration = expiration
        self.source = source
        self.providerPath = providerPath ?? (securityToken?.isEmpty == false ? "static_sts" : "static_ak")
    }

    /// STS credentials are fetched again this long before they expire, as the Python and Java libraries do.
    package static let refreshMargin: TimeInterval = 15 * 60

    /// The secrets, for scrubbing them from anything shown to the user.
    package var secrets: [String] {
        [accessKeySecret, securityToken].compactMap { $0 }.filter { $0.count >= 4 }
    }

    /// The same keys, said to come from `source` by `path` (a provider wrapping another names itself first).
    package func from(_ source: String, path: String) -> AlibabaCredentials {
        var copy = self
        copy.source = source
        copy.providerPath = path
        return copy
    }

    package var description: String {
        "\(securityToken == nil ? "AccessKey" : "STS") \(accessKeyID.prefix(4))… from \(source) (provider \(providerPath))"
    }

    package var debugDescription: String { description }
}
