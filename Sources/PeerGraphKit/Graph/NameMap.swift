/// Friendly names for VPCs and accounts (`--names FILE`, `--vpc-names`): the API returns none.
public struct NameMap: Sendable, Equatable {
    public var vpcs: [String: String] = [:]
    public var accounts: [String: String] = [:]

    public init(vpcs: [String: String] = [:], accounts: [String: String] = [:]) {
        self.vpcs = vpcs
        self.accounts = accounts
    }

    /// Ids made only of digits are account ids; everything else is a VPC id.
    mutating func add(id: String, name: String) {
        if !id.isEmpty, id.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            accounts[id] = name
        } else {
            vpcs[id] = name
        }
    }

    /// Merges `other` over this map.
    public func merging(_ other: NameMap) -> NameMap {
        NameMap(vpcs: vpcs.merging(other.vpcs) { $1 }, accounts: accounts.merging(other.accounts) { $1 })
    }
}
