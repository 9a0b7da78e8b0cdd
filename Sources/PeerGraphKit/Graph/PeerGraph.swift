/// The VPC peering mesh: VPCs as nodes, connections as directed edges (requester → accepter).
///
/// Everything is in a deterministic order so that the same input always renders to the same bytes:
/// nodes by VPC id, edges by (requester, accepter, connection id), groups by label (byte order).
public struct PeerGraph: Sendable {
    public var nodes: [VPCNode]
    /// The connections, each an edge from `requester.vpcID` to `accepter.vpcID`.
    public var edges: [PeeringConnection]
    /// Groups for drawing; empty when grouping is `.none`. Nodes without a group value are in none.
    public var groups: [NodeGroup]
    public var grouping: GroupingKey
    /// For each edge, the indices of its requester and accepter in `nodes`.
    public var edgeEndpoints: [(requester: Int, accepter: Int)]
    /// For a collapsed graph: how many connections each edge stands for.
    public var edgeCounts: [Int]?
    /// For a diff graph: how each connection changed (absent: unchanged). Empty for ordinary graphs.
    public var changes: [String: ChangeKind] = [:]
    /// For a diff graph: VPCs that appeared or vanished.
    public var nodeChanges: [String: ChangeKind] = [:]

    /// Builds the graph from deduplicated, filtered connections; `names` gives friendly names to VPCs
    /// (node labels) and accounts (owner group labels).
    public init(connections: [PeeringConnection], grouping: GroupingKey = .region, names: NameMap = NameMap()) {
        self.grouping = grouping
        edges = connections.sorted(by: Self.edgeOrder)

        // Later-modified connections speak last, so their region and owner win.
        var builders: [String: VPCNodeBuilder] = [:]
        let byModification = edges.sorted {
            let left = $0.modifiedAt ?? "", right = $1.modifiedAt ?? ""
            return left != right ? left.utf8.lexicographicallyPrecedes(right.utf8) : Self.edgeOrder($0, $1)
        }
        for connection in byModification {
            builders[connection.requester.vpcID, default: VPCNodeBuilder(id: connection.requester.vpcID)]
                .add(connection.requester, region: connection.requesterRegion, owner: connection.requesterOwner)
            builders[connection.accepter.vpcID, default: VPCNodeBuilder(id: connection.accepter.vpcID)]
                .add(connection.accepter, region: connection.accepterRegion, owner: connection.accepterOwner)
        }
        nodes = builders.values.map { $0.node }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        for index in nodes.indices { nodes[index].displayName = names.vpcs[nodes[index].id] }

        var indexByID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { indexByID[node.id] = index }
        edgeEndpoints = edges.map { (indexByID[$0.requester.vpcID]!, indexByID[$0.accepter.vpcID]!) }

        var members: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            if let label = grouping.label(of: node, accountNames: names.accounts) { members[label, default: []].append(index) }
        }
        groups = members
            .map { NodeGroup(label: $0.key, nodeIndices: $0.value) }
            .sorted { $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) }
    }

    /// A graph of given nodes and edges, already in order (for collapsed graphs).
    init(nodes: [VPCNode], edges: [PeeringConnection], grouping: GroupingKey, edgeCounts: [Int]?) {
        self.nodes = nodes
        self.edges = edges
        self.grouping = grouping
        self.groups = []
        self.edgeCounts = edgeCounts
        var indexByID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { indexByID[node.id] = index }
        edgeEndpoints = edges.map { (indexByID[$0.requester.vpcID]!, indexByID[$0.accepter.vpcID]!) }
    }

    /// requester, then accepter, then connection id, all in byte order.
    static func edgeOrder(_ left: PeeringConnection, _ right: PeeringConnection) -> Bool {
        if left.requester.vpcID != right.requester.vpcID {
            return left.requester.vpcID.utf8.lexicographicallyPrecedes(right.requester.vpcID.utf8)
        }
        if left.accepter.vpcID != right.accepter.vpcID {
            return left.accepter.vpcID.utf8.lexicographicallyPrecedes(right.accepter.vpcID.utf8)
        }
        return left.id.utf8.lexicographicallyPrecedes(right.id.utf8)
    }

    /// For each node, the index of its group in `groups`, or nil.
    public var groupIndexByNode: [Int?] {
        var result = [Int?](repeating: nil, count: nodes.count)
        for (groupIndex, group) in groups.enumerated() {
            for node in group.nodeIndices { result[node] = groupIndex }
        }
        return result
    }
}

/// Accumulates what the connections say about one VPC.
private struct VPCNodeBuilder {
    var id: String
    var region: String?
    var owner: String?
    var ipv4: Set<String> = []
    var ipv6: Set<String> = []

    init(id: String) { self.id = id }

    mutating func add(_ endpoint: VPCEndpoint, region: String?, owner: String?) {
        if let region, !region.isEmpty { self.region = region }
        if let owner, !owner.isEmpty { self.owner = owner }
        ipv4.formUnion(endpoint.ipv4CIDRs)
        ipv6.formUnion(endpoint.ipv6CIDRs)
    }

    var node: VPCNode {
        VPCNode(
            id: id, region: region, owner: owner,
            ipv4CIDRs: ipv4.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            ipv6CIDRs: ipv6.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
