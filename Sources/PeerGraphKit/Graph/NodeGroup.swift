/// A set of VPCs drawn together: a DOT cluster, a Mermaid subgraph, a GraphML `group` value.
public struct NodeGroup: Sendable, Hashable {
    /// What the group is, as shown to the user, e.g. `cn-hangzhou` or `account 1234…`.
    public var label: String
    /// Indices into `PeerGraph.nodes`, ascending.
    public var nodeIndices: [Int]
}
