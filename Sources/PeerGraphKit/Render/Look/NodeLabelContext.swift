/// What a drawing already says around its nodes, so that their labels need not repeat it: the region
/// box a VPC sits in, and whether the mesh spans accounts (then a VPC's account is worth a line,
/// unless the groups are the accounts).
package struct NodeLabelContext: Sendable, Equatable {
    /// Region groups show the region: labels leave it out.
    package var omitsRegion = false
    /// The mesh spans accounts and the groups are not by account: labels name the account.
    package var showsAccount = false

    /// Labels that say everything (a node on its own).
    package init() {}

    /// The context of `graph`'s nodes.
    package init(_ graph: PeerGraph) {
        omitsRegion = graph.grouping == .region || graph.grouping == .regionAndOwner
        guard graph.grouping != .owner && graph.grouping != .regionAndOwner, !graph.isCollapsed else { return }
        var owners: Set<ExactText> = []
        for node in graph.nodes {
            if let owner = node.owner { owners.insert(ExactText(owner)) }
            if owners.count > 1 {
                showsAccount = true
                return
            }
        }
    }
}
