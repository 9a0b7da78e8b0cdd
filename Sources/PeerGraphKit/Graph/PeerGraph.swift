import Foundation

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

    /// Whether some VPC belongs to an account the run did not list. Stored, not computed: writers ask
    /// it for every node, and a scan of all nodes each time made GraphML and JSON quadratic (L's GraphML
    /// spent half its CPU here).
    package private(set) var hasExternalNodes = false

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
        //
        // The connections' boxes lie scattered over the heap, and reading them one after another waited on
        // memory for 100 ms of L's graph: the storage of both ends' ids is read on every core first, and
        // the numbering then reads a box again only for an id it has not seen stored there before.
        var firstSeen = FirstSeenNumbering(capacity: connections.count / 2)
        let endKeys = [EndKeys](concurrentlyMapping: connections.count) { index in
            EndKeys(
                requester: FirstSeenNumbering.storageKey(of: connections[index].requester.vpcID.text),
                accepter: FirstSeenNumbering.storageKey(of: connections[index].accepter.vpcID.text))
        }
        let seenEnds = endKeys.indices.map { index in
            let keys = endKeys[index]
            let requester =
                keys.requester.flatMap(firstSeen.number(storedAt:))
                ?? firstSeen.number(connections[index].requester.vpcID.text, storedAt: keys.requester)
            let accepter =
                keys.accepter.flatMap(firstSeen.number(storedAt:))
                ?? firstSeen.number(connections[index].accepter.vpcID.text, storedAt: keys.accepter)
            return (requester, accepter)
        }
        let distinct = firstSeen.strings
        let seenInOrder = ByteOrder.sortedIndices(of: distinct)
        var rankOfSeen = [Int](repeating: 0, count: distinct.count)
        for (rank, seen) in seenInOrder.enumerated() { rankOfSeen[seen] = rank }
        let ends = seenEnds.map { (rankOfSeen[$0.0], rankOfSeen[$0.1]) }
        let order = ByteOrder.sortedIndices(
            count: connections.count, major: { UInt64(ends[$0].0) << 32 | UInt64(ends[$0].1) },
            string: { connections[$0].id.text })
        edges = [PeeringConnection](concurrentlyMapping: order.count) { connections[order[$0]] }
        edgeEndpoints = order.map { ends[$0] }

        // What each VPC is: region and owner from its latest-modified connection (ties: the later edge),
        // CIDR blocks from all of them.
        nodes = Self.describeNodes(
            ids: seenInOrder.map { distinct[$0] }, edges: edges, endpoints: edgeEndpoints,
            conflicts: &ownerConflicts)
        for index in nodes.indices { nodes[index].displayName = names.vpcName(nodes[index].id.text) }
        Self.markExternal(&nodes, outside: scannedAccounts)
        hasExternalNodes = nodes.contains { $0.isExternal }

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
        hasExternalNodes = nodes.contains { $0.isExternal }
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

extension PeerGraph {
    /// Where the ids of a connection's two ends are stored (`FirstSeenNumbering.storageKey(of:)`).
    private struct EndKeys: BitwiseCopyable {
        var requester: FirstSeenNumbering.StorageKey?
        var accepter: FirstSeenNumbering.StorageKey?
    }

    /// One end of an edge: the edge's index and whether the end is its accepter.
    private struct EdgeEnd {
        var edge: Int32
        var isAccepter: Bool
        static let none = EdgeEnd(edge: -1, isAccepter: false)
        var isNone: Bool { edge < 0 }
    }

    /// The node of each VPC id (in rank order) from the edges that touch it.
    ///
    /// A node's region and owner come from its latest-modified edge that gives one (ties: the later
    /// edge); its CIDR blocks are those of all its edges, first seen first. The loop over the 400,000
    /// ends of a large mesh is the graph's serial part, so it handles integers only: the winning end of
    /// each node is kept as an edge index, not as strings, the modification times are compared as
    /// `ByteOrderKey`s made once per edge, and the strings are fetched once per node at the end.
    /// (Copying what the loop reads into flat arrays in input order first, where the connections' boxes
    /// lie in memory, was measured slower: 1.45–1.96 s against 1.3–1.4 s on the 200,000 connections.)
    ///
    /// Large meshes are described in parts of the nodes (by rank) at once, one per core: each part walks
    /// all the edges in order and takes the ends of its own nodes, so every node still sees its ends in
    /// edge order and the result is the one pass's, node for node (the waiting is on memory, not on
    /// compute, and the cores wait at the same time). `PeerGraphNodeTests` holds the plain version
    /// (strings compared at every end, one pass) that this must match, on meshes large enough to split.
    private static func describeNodes(
        ids: [String], edges: [PeeringConnection], endpoints: [(requester: Int, accepter: Int)],
        conflicts: inout [OwnerConflict]
    ) -> [VPCNode] {
        let modified = [ByteOrderKey](concurrentlyMapping: edges.count) { ByteOrderKey(edges[$0].modifiedAt ?? "") }
        let partCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ids.count / minimumNodesPerPart))
        let bounds = (0...partCount).map { ids.count * $0 / partCount }
        let results = ConcurrentSlots<(nodes: [VPCNode], conflicts: [OwnerConflict])>(
            count: partCount, initial: ([], []))
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let described = describeNodes(
                bounds[part]..<bounds[part + 1], ids: ids, edges: edges, endpoints: endpoints, modified: modified)
            results.set(part, described)
        }
        let parts = results.all
        conflicts = parts.flatMap(\.conflicts)
        return parts.flatMap(\.nodes)
    }

    /// The fewest nodes `describeNodes` gives a part of its own (fewer are not worth a thread).
    static let minimumNodesPerPart = 1_024

    /// The nodes `range` (ranks) of `describeNodes`, with their owner conflicts.
    private static func describeNodes(
        _ range: Range<Int>, ids: [String], edges: [PeeringConnection], endpoints: [(requester: Int, accepter: Int)],
        modified: [ByteOrderKey]
    ) -> (nodes: [VPCNode], conflicts: [OwnerConflict]) {
        func isLater(_ edge: Int, than best: EdgeEnd) -> Bool {
            // Not earlier: an edge modified at the same time as the best so far wins, being later.
            let other = Int(best.edge)
            let order =
                modified[edge].order(comparedTo: modified[other])
                ?? ByteOrder.compare(edges[edge].modifiedAt ?? "", edges[other].modifiedAt ?? "")
            return order >= 0
        }
        func region(_ end: EdgeEnd) -> String? {
            end.isAccepter ? edges[Int(end.edge)].accepterRegion : edges[Int(end.edge)].requesterRegion
        }
        func owner(_ end: EdgeEnd) -> String? {
            end.isAccepter ? edges[Int(end.edge)].accepterOwner : edges[Int(end.edge)].requesterOwner
        }
        // The block lists alone, not the whole `VPCEndpoint`: a copy of it retains three things.
        func ipv4Blocks(_ end: EdgeEnd) -> [String] {
            end.isAccepter ? edges[Int(end.edge)].accepter.ipv4CIDRs : edges[Int(end.edge)].requester.ipv4CIDRs
        }
        func ipv6Blocks(_ end: EdgeEnd) -> [String] {
            end.isAccepter ? edges[Int(end.edge)].accepter.ipv6CIDRs : edges[Int(end.edge)].requester.ipv6CIDRs
        }

        // Indexed by rank − range.lowerBound.
        var regionEnd = [EdgeEnd](repeating: .none, count: range.count)
        var ownerEnd = regionEnd
        var lastEnd = regionEnd
        var secondOwner = [(String, String)?](repeating: nil, count: range.count)
        var ipv4 = [[String]](repeating: [], count: range.count)
        var ipv6 = ipv4
        func add(_ end: EdgeEnd, to node: Int) {
            let edge = Int(end.edge)
            if let given = region(end), !given.isEmpty, regionEnd[node].isNone || isLater(edge, than: regionEnd[node]) {
                regionEnd[node] = end
            }
            if let given = owner(end), !given.isEmpty {
                if secondOwner[node] == nil, !ownerEnd[node].isNone, let known = owner(ownerEnd[node]),
                    !ByteOrder.same(given, known)
                {
                    secondOwner[node] = (known, given)
                }
                if ownerEnd[node].isNone || isLater(edge, than: ownerEnd[node]) { ownerEnd[node] = end }
            }
            // A VPC's connections nearly always repeat the same blocks: adding them once keeps a node's
            // list short.
            let last = lastEnd[node]
            let blocks = ipv4Blocks(end)
            if last.isNone || !ByteOrder.sameList(blocks, ipv4Blocks(last)) { ipv4[node] += blocks }
            let blocks6 = ipv6Blocks(end)
            if last.isNone || !ByteOrder.sameList(blocks6, ipv6Blocks(last)) { ipv6[node] += blocks6 }
            lastEnd[node] = end
        }
        let first = range.lowerBound
        for (edge, ends) in endpoints.enumerated() {
            if range.contains(ends.requester) {
                add(EdgeEnd(edge: Int32(edge), isAccepter: false), to: ends.requester - first)
            }
            if range.contains(ends.accepter) {
                add(EdgeEnd(edge: Int32(edge), isAccepter: true), to: ends.accepter - first)
            }
        }
        let conflicts = range.compactMap { rank in
            secondOwner[rank - first].map { OwnerConflict(vpcID: VPCID(ids[rank]), owners: $0) }
        }
        let nodes = range.map { rank in
            let node = rank - first
            return VPCNode(
                id: VPCID(ids[rank]), region: regionEnd[node].isNone ? nil : region(regionEnd[node]),
                owner: ownerEnd[node].isNone ? nil : owner(ownerEnd[node]),
                ipv4CIDRs: uniqueInOrder(ipv4[node]), ipv6CIDRs: uniqueInOrder(ipv6[node]))
        }
        return (nodes, conflicts)
    }

    /// The API lists a VPC's primary block first: blocks keep that order, first seen first, never re-sorted.
    private static func uniqueInOrder(_ blocks: [String]) -> [String] {
        guard blocks.count > 1 else { return blocks }
        var seen: Set<ExactText> = []
        return blocks.filter { seen.insert(ExactText($0)).inserted }
    }
}
