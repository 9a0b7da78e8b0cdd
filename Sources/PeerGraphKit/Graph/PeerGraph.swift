/// The VPC peering mesh: VPCs as nodes, connections as directed edges (requester → accepter).
///
/// Everything is in a deterministic order so that the same input always renders to the same bytes:
/// nodes by VPC id, edges by (requester, accepter, connection id), groups by label (byte order).
package struct PeerGraph: Sendable {
    /// What the graph is: the mesh itself, the mesh collapsed to groups, or the changes between two snapshots.
    package enum Variant: Sendable {
        /// VPCs and their connections.
        case mesh
        /// Regions, accounts or both, each edge an aggregate of connections (one per edge, in edge order).
        case collapsed([EdgeAggregate])
        /// The new snapshot plus the removed connections, each marked with its change.
        case diff(ChangeMarks)
    }

    /// How each connection and VPC of a diff graph changed (absent: unchanged), by id byte for byte.
    package struct ChangeMarks: Sendable {
        package var connections: [ConnectionID: ChangeKind] = [:]
        package var vpcs: [VPCID: ChangeKind] = [:]

        package init(connections: [ConnectionID: ChangeKind] = [:], vpcs: [VPCID: ChangeKind] = [:]) {
            self.connections = connections
            self.vpcs = vpcs
        }
    }

    package private(set) var nodes: [VPCNode]
    /// The connections, each an edge from `requester.vpcID` to `accepter.vpcID` (in a collapsed graph,
    /// the drawing of each aggregate: see `EdgeAggregate`).
    package private(set) var edges: [PeeringConnection]
    /// Groups for drawing; empty when grouping is `.none`. Nodes without a group value are in none.
    package private(set) var groups: [NodeGroup]
    package private(set) var grouping: GroupingKey
    /// For each edge, the indices of its requester and accepter in `nodes`.
    package private(set) var edgeEndpoints: [(requester: Int, accepter: Int)]
    /// What the graph is.
    package private(set) var variant: Variant = .mesh

    /// True for the graph of a diff.
    package var isDiff: Bool {
        if case .diff = variant { return true }
        return false
    }

    /// True for a collapsed graph.
    package var isCollapsed: Bool {
        if case .collapsed = variant { return true }
        return false
    }

    /// The aggregate edge `index` stands for, in a collapsed graph.
    package func aggregate(ofEdge index: Int) -> EdgeAggregate? {
        if case .collapsed(let aggregates) = variant { return aggregates[index] }
        return nil
    }

    /// Two connections that name the same VPC with different owners: one of the ids was probably
    /// rounded on the way (see `AccountIDCheck`).
    package struct OwnerConflict: Sendable {
        package var vpcID: VPCID
        package var owners: (String, String)
    }

    /// VPCs that the connections give two owners, in node order.
    package private(set) var ownerConflicts: [OwnerConflict] = []

    /// Warnings about VPCs with two owners (at most five, then a count).
    package var ownerConflictWarnings: [InputWarning] { AccountIDCheck.ownerConflictWarnings(ownerConflicts) }

    /// How connection `id` changed, in a diff graph.
    package func change(ofConnection id: ConnectionID) -> ChangeKind? {
        guard case .diff(let marks) = variant else { return nil }
        return marks.connections[id]
    }

    /// How VPC `id` changed, in a diff graph.
    package func change(ofNode id: VPCID) -> ChangeKind? {
        guard case .diff(let marks) = variant else { return nil }
        return marks.vpcs[id]
    }

    /// Marks the VPCs whose owner is not one of `scannedAccounts` (nil: nothing is known, none is marked).
    private static func markExternal(_ nodes: inout [VPCNode], outside scannedAccounts: Set<String>?) {
        guard let scanned = scannedAccounts.map({ Set($0.map(ExactText.init)) }) else { return }
        for index in nodes.indices {
            if let owner = nodes[index].owner, !scanned.contains(ExactText(owner)) { nodes[index].isExternal = true }
        }
    }

    /// Whether some VPC belongs to an account the run did not list.
    package var hasExternalNodes: Bool { nodes.contains { $0.isExternal } }

    /// The graph of a diff: `connections` (the new snapshot and the removed ones) with their changes marked.
    package init(
        connections: [PeeringConnection], grouping: GroupingKey, names: NameMap, changes: ChangeMarks,
        scannedAccounts: Set<String>? = nil
    ) {
        self.init(connections: connections, grouping: grouping, names: names, scannedAccounts: scannedAccounts)
        variant = .diff(changes)
    }

    /// Builds the graph from deduplicated, filtered connections; `names` gives friendly names to VPCs
    /// (node labels) and accounts (owner group labels). With `scannedAccounts` (the accounts a live run
    /// listed), a VPC whose owner is not one of them is external.
    package init(
        connections: [PeeringConnection], grouping: GroupingKey = .region, names: NameMap = NameMap(),
        scannedAccounts: Set<String>? = nil
    ) {
        self.grouping = grouping
        // Each VPC id numbered in order of first appearance, then the distinct ids sorted once: nodes are
        // in that order, and edges sort by the ranks of their ends, then by connection id.
        var firstSeen: [ExactText: Int] = [:]
        var distinct: [String] = []
        let seenEnds = connections.map { connection in
            (
                Self.number(connection.requester.vpcID.text, in: &firstSeen, &distinct),
                Self.number(connection.accepter.vpcID.text, in: &firstSeen, &distinct)
            )
        }
        var rankOfSeen = [Int](repeating: 0, count: distinct.count)
        for (rank, seen) in ByteOrder.sortedIndices(of: distinct).enumerated() { rankOfSeen[seen] = rank }
        let ends = seenEnds.map { (rankOfSeen[$0.0], rankOfSeen[$0.1]) }
        let order = ByteOrder.sortedIndices(
            count: connections.count, major: { UInt64(ends[$0].0) << 32 | UInt64(ends[$0].1) },
            string: { connections[$0].id.text })
        edges = order.map { connections[$0] }
        edgeEndpoints = order.map { ends[$0] }

        // What each VPC is: region and owner from its latest-modified connection (ties: the later edge),
        // CIDR blocks from all of them.
        var builders = [VPCNodeBuilder](repeating: VPCNodeBuilder(id: ""), count: distinct.count)
        for (seen, rank) in rankOfSeen.enumerated() { builders[rank].id = distinct[seen] }
        for (connection, ends) in zip(edges, edgeEndpoints) {
            let modified = connection.modifiedAt ?? ""
            builders[ends.requester].add(
                connection.requester, region: connection.requesterRegion, owner: connection.requesterOwner,
                modified: modified)
            builders[ends.accepter].add(
                connection.accepter, region: connection.accepterRegion, owner: connection.accepterOwner,
                modified: modified)
        }
        nodes = builders.map(\.node)
        ownerConflicts = builders.compactMap { builder in
            builder.secondOwner.map { OwnerConflict(vpcID: VPCID(builder.id), owners: $0) }
        }
        for index in nodes.indices { nodes[index].displayName = names.vpcName(nodes[index].id.text) }
        Self.markExternal(&nodes, outside: scannedAccounts)

        // Groups by label byte for byte: two regions that differ only in their Unicode form are two groups.
        var members: [ExactText: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            if let label = grouping.label(of: node, names: names) {
                members[ExactText(label), default: []].append(index)
            }
        }
        groups =
            members
            .map { NodeGroup(label: $0.key.string, nodeIndices: $0.value) }
            .sorted { ByteOrder.less($0.label, $1.label) }
    }

    /// A collapsed graph: given nodes, and edges (already in order) each drawing its aggregate.
    init(nodes: [VPCNode], edges: [PeeringConnection], aggregates: [EdgeAggregate]) {
        precondition(edges.count == aggregates.count, "one aggregate per edge")
        self.nodes = nodes
        self.edges = edges
        self.grouping = .none
        self.groups = []
        self.variant = .collapsed(aggregates)
        var indexByID: [VPCID: Int] = [:]
        for (index, node) in nodes.enumerated() { indexByID[node.id] = index }
        edgeEndpoints = edges.map { edge in
            guard let requester = indexByID[edge.requester.vpcID], let accepter = indexByID[edge.accepter.vpcID]
            else {
                preconditionFailure("a collapsed edge names a node that is not in the graph")
            }
            return (requester, accepter)
        }
    }

    /// The number of `id` in order of first appearance, numbering it if it is new.
    private static func number(_ id: String, in numbers: inout [ExactText: Int], _ ids: inout [String]) -> Int {
        if let number = numbers[ExactText(id)] { return number }
        numbers[ExactText(id)] = ids.count
        ids.append(id)
        return ids.count - 1
    }

    /// requester, then accepter, then connection id, all in byte order.
    static func edgeOrder(_ left: PeeringConnection, _ right: PeeringConnection) -> Bool {
        if left.requester.vpcID != right.requester.vpcID { return left.requester.vpcID < right.requester.vpcID }
        if left.accepter.vpcID != right.accepter.vpcID { return left.accepter.vpcID < right.accepter.vpcID }
        return left.id < right.id
    }

    /// For each node, the index of its group in `groups`, or nil.
    package var groupIndexByNode: [Int?] {
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
    /// The first two different owners the connections gave, if they disagree.
    var secondOwner: (String, String)?
    var regionModified = ""
    var ownerModified = ""
    /// Every block each connection gave, repeats included, in the order given; made unique once, in `node`.
    var ipv4: [String] = []
    var ipv6: [String] = []
    /// The blocks the previous connection gave.
    var lastIPv4: [String] = []
    var lastIPv6: [String] = []

    init(id: String) { self.id = id }

    /// A connection modified at `modified` (or later) overrides what earlier ones said.
    mutating func add(_ endpoint: VPCEndpoint, region: String?, owner: String?, modified: String) {
        if let region, !region.isEmpty, self.region == nil || !ByteOrder.less(modified, regionModified) {
            self.region = region
            regionModified = modified
        }
        if secondOwner == nil, let owner, !owner.isEmpty, let known = self.owner, !ByteOrder.same(owner, known) {
            secondOwner = (known, owner)
        }
        if let owner, !owner.isEmpty, self.owner == nil || !ByteOrder.less(modified, ownerModified) {
            self.owner = owner
            ownerModified = modified
        }
        // A VPC's connections nearly always repeat the same blocks: adding them once keeps a node's list short.
        if !Self.same(endpoint.ipv4CIDRs, lastIPv4) {
            ipv4 += endpoint.ipv4CIDRs
            lastIPv4 = endpoint.ipv4CIDRs
        }
        if !Self.same(endpoint.ipv6CIDRs, lastIPv6) {
            ipv6 += endpoint.ipv6CIDRs
            lastIPv6 = endpoint.ipv6CIDRs
        }
    }

    var node: VPCNode {
        VPCNode(
            id: VPCID(id), region: region, owner: owner,
            ipv4CIDRs: Self.uniqueInOrder(ipv4), ipv6CIDRs: Self.uniqueInOrder(ipv6))
    }

    /// Equal byte for byte (`==` on strings is canonical equivalence, and blocks are written as given).
    private static func same(_ left: [String], _ right: [String]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { ByteOrder.same($0, $1) }
    }

    /// The API lists a VPC's primary block first: blocks keep that order, first seen first, never re-sorted.
    private static func uniqueInOrder(_ blocks: [String]) -> [String] {
        guard blocks.count > 1 else { return blocks }
        var seen: Set<ExactText> = []
        return blocks.filter { seen.insert(ExactText($0)).inserted }
    }
}
