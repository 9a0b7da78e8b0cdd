/// How VPCs are grouped in the drawing (`--group-by`).
public enum GroupingKey: String, Sendable, CaseIterable {
    case region
    case owner
    case regionAndOwner = "region,owner"
    case none

    /// The group label of `node`, or nil when the node belongs to no group. Accounts with a friendly
    /// name show it first: `Production (account 1508…)`; an account the run did not list says so:
    /// `external account 2000…`.
    func label(of node: VPCNode, names: NameMap = NameMap()) -> String? {
        func account(_ owner: String?) -> String {
            guard let owner else { return "account unknown" }
            let kind = node.isExternal ? "external account" : "account"
            if let name = names.accountName(owner), !name.isEmpty { return "\(name) (\(kind) \(owner))" }
            return "\(kind) \(owner)"
        }
        switch self {
        case .region: return node.region
        case .owner: return node.owner.map { account($0) }
        case .regionAndOwner:
            if node.region == nil && node.owner == nil { return nil }
            return "\(node.region ?? "unknown region") · \(account(node.owner))"
        case .none: return nil
        }
    }
}
