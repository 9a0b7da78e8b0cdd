import PeerGraphKit

/// The options that reach several accounts: profiles, roles, account ids, the Resource Directory.
enum AccountOptions {
    static let assumeRole = OptionDeclaration(
        "assume-role", .text("ARN"), section: .accounts,
        help: """
            Assume this role (acs:ram::ACCOUNT_ID:role/NAME) with the credentials found, and list its account; \
            repeat it for several accounts.
            """
    ).with(\.repeatable, true)
    static let accounts = OptionDeclaration(
        "accounts", .text("IDS|rd"), section: .accounts,
        help: """
            List these accounts (comma-separated ids), assuming --role-name in each; or rd: every member of the \
            Resource Directory (the credentials found are the management account's or a delegated administrator's, \
            and list their own account).
            """
    ).with(\.splitsCommas, true).with(\.repeatable, true)
    static let roleName = OptionDeclaration(
        "role-name", .text("NAME"), section: .accounts,
        help: """
            The role assumed in each account of --accounts (default ResourceDirectoryAccountAccessRole, which is broad: \
            a read-only role is better).
            """)
    static let excludeAccount = OptionDeclaration(
        "exclude-account", .text("ID"), section: .accounts, help: "Leave this account out of --accounts."
    ).with(\.splitsCommas, true).with(\.repeatable, true)
    static let roleSessionName = OptionDeclaration(
        "role-session-name", .text("NAME"), section: .accounts,
        help: "The session name of the roles assumed (default peergraph).")
    static let externalID = OptionDeclaration(
        "external-id", .text("ID"), section: .accounts, help: "The external id the roles' trust policies ask for.")
    static let roleDuration = OptionDeclaration(
        "role-duration", .text("SECONDS"), section: .accounts,
        help: "How long the roles' credentials last, 900 to 43200 (default 3600).")

    static let all = [assumeRole, accounts, roleName, excludeAccount, roleSessionName, externalID, roleDuration]

    /// The accounts part of the live request.
    static func apply(_ parsed: ParsedArguments, to live: inout LiveRequest) throws(UsageError) {
        let profiles = parsed.list(LiveOptions.profile)
        let roles = parsed.list(assumeRole)
        let ids = parsed.list(accounts)
        live.profile = profiles.count == 1 ? profiles[0] : nil
        if !roles.isEmpty && !ids.isEmpty {
            throw UsageError("--assume-role and --accounts are two ways to name accounts: give one of them")
        }
        if profiles.count > 1 && !(roles.isEmpty && ids.isEmpty) {
            throw UsageError(
                "several --profile options each list their own account; --assume-role and --accounts take one base profile"
            )
        }
        if profiles.count > 1 { live.accounts = .profiles(profiles) }
        if !roles.isEmpty {
            for arn in roles where LiveRequest.accountID(ofRoleARN: arn) == nil {
                throw UsageError(
                    "--assume-role takes a role ARN like acs:ram::1234567890123456:role/peergraph-reader (got '\(arn)')"
                )
            }
            live.accounts = .roles(roles)
        }
        if ids == ["rd"] {
            live.accounts = .resourceDirectory
        } else if !ids.isEmpty {
            for id in ids where !LiveRequest.isAccountID(id) {
                throw UsageError("--accounts takes account ids (digits) separated by commas, or rd (got '\(id)')")
            }
            live.accounts = .ids(ids)
        }
        let excluded = parsed.list(excludeAccount)
        for id in excluded where !LiveRequest.isAccountID(id) {
            throw UsageError("--exclude-account takes account ids (digits) (got '\(id)')")
        }
        live.excludedAccounts = excluded
        let manyAccounts: Bool
        switch live.accounts {
        case .ids, .resourceDirectory: manyAccounts = true
        default: manyAccounts = false
        }
        for option in [roleName, excludeAccount] where parsed.has(option) && !manyAccounts {
            throw UsageError("--\(option.name) applies to --accounts")
        }
        if let name = parsed.value(roleName) {
            guard !name.isEmpty, name.count <= 64,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
            else {
                throw UsageError("--role-name takes a RAM role name: letters, digits and - _ . (got '\(name)')")
            }
            live.roleName = name
        }
        if let name = parsed.value(roleSessionName) {
            if let problem = LiveRequest.problem(withRoleSessionName: name) {
                throw UsageError("--role-session-name: \(problem) (got '\(name)')")
            }
            live.roleSessionName = name
        }
        live.externalID = parsed.value(externalID)
        live.roleDurationSeconds =
            try LiveOptions.number(parsed, roleDuration, in: 900...43200) ?? live.roleDurationSeconds
    }
}
