import Foundation

/// Turns a live request into the accounts to list, each with the credentials that reach it:
/// the chain's own account; several profiles; roles assumed on top of the base credentials; account ids
/// with one role name; or every usable member of the Resource Directory. Base credentials are fetched
/// at once (a configuration problem is the run's error); members' roles are assumed when their first
/// request needs them, at most once each.
package struct AccountPlanner: Sendable {
    /// The default role of Resource Directory members.
    package static let defaultRoleName = "ResourceDirectoryAccountAccessRole"

    package var live: LiveRequest
    package var chain: CredentialChain
    package var services: CredentialServices
    /// Receives the one-time warnings (the broad default role).
    package var warn: @Sendable (String) -> Void

    package init(
        live: LiveRequest, chain: CredentialChain, services: CredentialServices,
        warn: @escaping @Sendable (String) -> Void
    ) {
        self.live = live
        self.chain = chain
        self.services = services
        self.warn = warn
    }

    /// The accounts, and the credentials that ask DescribeRegions for `--region all`.
    package func plan() async throws -> (accounts: [AccountTarget], regionCredentials: RefreshingCredentials) {
        switch live.accounts {
        case .caller:
            let base = try await baseCredentials(chain)
            return ([AccountTarget(id: nil, label: nil, credentials: base)], base)
        case .profiles(let names):
            var accounts: [AccountTarget] = []
            for name in names {
                var own = chain
                own.profile = name
                accounts.append(
                    AccountTarget(id: nil, label: "profile \(name)", credentials: try await baseCredentials(own)))
            }
            return (accounts, accounts[0].credentials)
        case .roles(let arns):
            let base = try await baseCredentials(chain)
            let accounts = try arns.map { arn throws(CredentialError) in
                let role = roleRequest(arn)
                try role.validate("--assume-role")
                let id = RoleRequest.account(ofARN: arn)
                return AccountTarget(
                    id: id, label: "role \(arn)", credentials: assumed(role, from: base, label: "role \(arn)"))
            }
            return (accounts, base)
        case .ids(let ids):
            let base = try await baseCredentials(chain)
            let roleName = self.roleName()
            // Each account once, in the order given.
            var seen: Set<String> = []
            let wanted = ids.filter { !live.excludedAccounts.contains($0) && seen.insert($0).inserted }
            return (wanted.map { member(id: $0, displayName: nil, roleName: roleName, base: base) }, base)
        case .resourceDirectory:
            let base = try await baseCredentials(chain)
            let credentials = try await base.current()
            let client = services.client(credentials)
            let caller: String
            let members: [ResourceDirectoryMember]
            do {
                caller = try await CallerIdentity.account(client: client, endpoint: services.stsEndpoint())
            } catch {
                throw CredentialError("--accounts rd: GetCallerIdentity failed", apiError: error)
            }
            do {
                members = try await ResourceDirectoryMember.list(
                    client: client, endpoint: services.endpoint(ResourceDirectoryMember.endpoint))
            } catch {
                var failure = CredentialError("--accounts rd: Resource Directory ListAccounts failed", apiError: error)
                if case .service(_, _, _, _, 403) = error.reason {
                    failure.message +=
                        "; it needs the credentials of the management account or of a delegated administrator, allowed resourcemanager:ListAccounts"
                }
                throw failure
            }
            let usable = members.filter { $0.isUsable && !live.excludedAccounts.contains($0.id) }
            services.log(
                "ListAccounts: \(members.count) members, \(usable.count) to list (the others are not in a Success state or are excluded)"
            )
            let roleName = self.roleName()
            let accounts = usable.map { member -> AccountTarget in
                if member.id == caller {
                    return AccountTarget(
                        id: member.id, displayName: member.displayName,
                        label: AccountTarget.label(id: member.id, displayName: member.displayName), credentials: base)
                }
                return self.member(id: member.id, displayName: member.displayName, roleName: roleName, base: base)
            }
            return (accounts, base)
        }
    }

    /// The chain's credentials, fetched now: a source that is missing or fails ends the run here.
    private func baseCredentials(_ chain: CredentialChain) async throws -> RefreshingCredentials {
        let credentials = RefreshingCredentials(
            try chain.provider(services: services), services: services,
            label: chain.profile.map { "profile \($0)" } ?? (live.accounts == .caller ? nil : "the base credentials"))
        _ = try await credentials.current()
        return credentials
    }

    private func roleRequest(_ arn: String) -> RoleRequest {
        RoleRequest(
            arn: arn, sessionName: live.roleSessionName, durationSeconds: live.roleDurationSeconds,
            externalID: live.externalID)
    }

    private func assumed(_ role: RoleRequest, from base: RefreshingCredentials, label: String) -> RefreshingCredentials
    {
        RefreshingCredentials(AssumeRoleProvider(source: base, role: role), services: services, label: label)
    }

    private func member(
        id: String, displayName: String?, roleName: String, base: RefreshingCredentials
    ) -> AccountTarget {
        let label = AccountTarget.label(id: id, displayName: displayName)
        return AccountTarget(
            id: id, displayName: displayName, label: label,
            credentials: assumed(
                roleRequest(RoleRequest.arn(account: id, roleName: roleName)), from: base, label: label))
    }

    /// `--role-name`, else the directory's default role, with a warning that it is broad.
    private func roleName() -> String {
        if let name = live.roleName { return name }
        warn(
            """
            --role-name not given: assuming \(Self.defaultRoleName) in each account, which is broad (reported to \
            carry AdministratorAccess); a read-only role of your own is better (see the README)
            """)
        return Self.defaultRoleName
    }
}
