/// What an STS `AssumeRole` asks for: the role, the session's name and length, and optional limits.
package struct RoleRequest: Sendable, Equatable {
    /// `acs:ram::ACCOUNT:role/NAME`.
    package var arn: String
    /// 2–64 letters, digits and `. @ - _`.
    package var sessionName: String
    /// 900 to the role's maximum (3600–43200).
    package var durationSeconds: Int
    package var externalID: String?
    /// A policy document that narrows the role's permissions.
    package var policy: String?

    package static let defaultSessionName = "peergraph"
    package static let defaultDuration = 3600
    package static let durations = 900...43200

    package init(
        arn: String, sessionName: String = RoleRequest.defaultSessionName,
        durationSeconds: Int = RoleRequest.defaultDuration, externalID: String? = nil, policy: String? = nil
    ) {
        self.arn = arn
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.externalID = externalID
        self.policy = policy
    }

    /// The role ARN of `name` in `account`.
    package static func arn(account: String, roleName: String) -> String { "acs:ram::\(account):role/\(roleName)" }

    /// The account id of a role ARN `acs:ram::DIGITS:role/NAME`, or nil when it is not one.
    package static func account(ofARN arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "acs", parts[1] == "ram", parts[2].isEmpty, parts[4].hasPrefix("role/"),
            parts[4].count > 5, isAccountID(String(parts[3]))
        else { return nil }
        return String(parts[3])
    }

    /// Decimal digits only, as Alibaba Cloud account ids are (1 to 20 of them).
    package static func isAccountID(_ text: String) -> Bool {
        (1...20).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// What is wrong with a session name, if anything.
    package static func problem(withSessionName name: String) -> String? {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
        return (2...64).contains(name.utf8.count) && allowed
            ? nil : "a role session name is 2 to 64 letters, digits and . @ - _"
    }

    /// The local checks every official library makes before calling STS.
    package func validate(_ place: String) throws(CredentialError) {
        if RoleRequest.account(ofARN: arn) == nil {
            throw CredentialError(
                "\(place): \(arn.debugDescription) is not a role ARN like acs:ram::ACCOUNT_ID:role/NAME")
        }
        if let problem = RoleRequest.problem(withSessionName: sessionName) {
            throw CredentialError("\(place): \(problem) (got \(sessionName.debugDescription))")
        }
        if !RoleRequest.durations.contains(durationSeconds) {
            throw CredentialError("\(place): a role session lasts 900 to 43200 seconds (got \(durationSeconds))")
        }
    }
}
