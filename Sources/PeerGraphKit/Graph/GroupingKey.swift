/// How VPCs are grouped in the drawing (`--group-by`).
public enum GroupingKey: String, Sendable, CaseIterable {
    case region
    case owner
    case regionAndOwner = "region,owner"
    case none

    /// The group label of `node`, or nil when the node belongs to no group.
    func label(of node: VPCNode) -> String? {
        switch self {
        case .region: node.region
        case .owner: node.owner.map { "account \($0)" }
        case .regionAndOwner:
            switch (node.region, node.owner) {
            case (nil, nil): nil
            case let (region, owner): "\(region ?? "unknown region") · account \(owner ?? "unknown")"
            }
        case .none: nil
        }
    }
}
