/// A set of VPCs drawn together: a DOT cluster, a Mermaid subgraph, a GraphML `group` value.
package struct NodeGroup: Sendable, Hashable {
    /// What the group is, as shown to the user, e.g. `cn-hangzhou` or `account 1234…`.
    package var label: String
    /// Indices into `PeerGraph.nodes`, ascending.
    package var nodeIndices: [Int]
}
