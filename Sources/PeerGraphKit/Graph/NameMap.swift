/// Friendly names for VPCs and accounts (`--names FILE`, `--vpc-names`): the API returns none.
///
/// Ids are looked up byte for byte (`ExactText`), as everywhere else.
package struct NameMap: Sendable, Equatable {
    /// Name by VPC id.
    package var vpcs: [ExactText: String] = [:]
    /// Name by account id.
    package var accounts: [ExactText: String] = [:]

    /// A map of the given names.
    package init(vpcs: [String: String] = [:], accounts: [String: String] = [:]) {
        self.vpcs = Dictionary(vpcs.map { (ExactText($0.key), $0.value) }, uniquingKeysWith: { $1 })
        self.accounts = Dictionary(accounts.map { (ExactText($0.key), $0.value) }, uniquingKeysWith: { $1 })
    }

    /// A map of names keyed byte for byte (a `[String: String]` literal cannot hold two ids that differ
    /// only in their Unicode form).
    package init(vpcNames: [ExactText: String], accountNames: [ExactText: String] = [:]) {
        vpcs = vpcNames
        accounts = accountNames
    }

    /// The name of VPC `id`, if any.
    package func vpcName(_ id: String) -> String? { vpcs[ExactText(id)] }

    /// The name of account `id`, if any.
    package func accountName(_ id: String) -> String? { accounts[ExactText(id)] }

    /// Ids made only of digits are account ids; everything else is a VPC id.
    mutating func add(id: String, name: String) {
        if !id.isEmpty, id.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            accounts[ExactText(id)] = name
        } else {
            vpcs[ExactText(id)] = name
        }
    }

    /// The VPC names only (`--redact` keeps no account name).
    package var withoutAccounts: NameMap {
        var copy = self
        copy.accounts = [:]
        return copy
    }

    /// Merges `other` over this map.
    package func merging(_ other: NameMap) -> NameMap {
        var merged = self
        merged.vpcs.merge(other.vpcs) { $1 }
        merged.accounts.merge(other.accounts) { $1 }
        return merged
    }
}
