/// A VPC in the graph, with what every connection that names it says about it.
package struct VPCNode: Sendable, Hashable {
    /// The VPC's id; in a collapsed graph, the group's label (its identity there).
    package var id: VPCID
    /// The VPC's region; when connections disagree, the one from the latest-modified connection.
    package var region: String?
    /// The owning account, as exact decimal digits.
    package var owner: String?
    /// Union of the IPv4 CIDR blocks reported by every connection, in the API's order (primary first), first seen first.
    package var ipv4CIDRs: [String]
    /// Union of the IPv6 CIDR blocks reported by every connection, in the API's order, first seen first.
    package var ipv6CIDRs: [String]
    /// A friendly name (`--names`, `--vpc-names`), shown above the id.
    package var displayName: String?
    /// Label lines that replace id, CIDRs and region: for the nodes of a collapsed graph.
    package var caption: [String]?
    /// Its owner is an account the run did not list (the other side of a cross-account peering):
    /// what the graph shows of it is only what the listed accounts' connections say.
    package var isExternal = false

    package init(
        id: VPCID, region: String? = nil, owner: String? = nil, ipv4CIDRs: [String] = [], ipv6CIDRs: [String] = [],
        displayName: String? = nil, caption: [String]? = nil
    ) {
        self.displayName = displayName
        self.caption = caption
        self.id = id
        self.region = region
        self.owner = owner
        self.ipv4CIDRs = ipv4CIDRs
        self.ipv6CIDRs = ipv6CIDRs
    }
}
