/// A GraphML `<key>`: its id, the element it describes, its `attr.name` and `attr.type`. Every key
/// peergraph writes is a constant here or comes from `ConnectionField`, so no id is spelled twice.
struct GraphMLKey: Sendable {
    var id: String
    var domain: String
    var name: String
    var type: String

    static let nodeLabel = GraphMLKey(id: "n_label", domain: "node", name: "label", type: "string")
    static let nodeName = GraphMLKey(id: "n_name", domain: "node", name: "name", type: "string")
    static let nodeVPCID = GraphMLKey(id: "n_vpc_id", domain: "node", name: "vpc_id", type: "string")
    static let nodeRegion = GraphMLKey(id: "n_region", domain: "node", name: "region", type: "string")
    static let nodeOwner = GraphMLKey(id: "n_owner", domain: "node", name: "owner", type: "string")
    static let nodeIPv4 = GraphMLKey(id: "n_ipv4_cidrs", domain: "node", name: "ipv4_cidrs", type: "string")
    static let nodeIPv6 = GraphMLKey(id: "n_ipv6_cidrs", domain: "node", name: "ipv6_cidrs", type: "string")
    static let nodeGroup = GraphMLKey(id: "n_group", domain: "node", name: "group", type: "string")
    static let nodeChange = GraphMLKey(id: "n_change", domain: "node", name: "change", type: "string")
    static let nodeExternal = GraphMLKey(id: "n_external", domain: "node", name: "external", type: "boolean")

    static let edgeLabel = GraphMLKey(id: "e_label", domain: "edge", name: "label", type: "string")
    static let edgeConnectionID = GraphMLKey(
        id: "e_connection_id", domain: "edge", name: "connection_id", type: "string")
    static let edgeTags = GraphMLKey(id: "e_tags", domain: "edge", name: "tags", type: "string")
    static let edgeColor = GraphMLKey(id: "e_color", domain: "edge", name: "color", type: "string")
    static let edgeLineStyle = GraphMLKey(id: "e_line_style", domain: "edge", name: "line_style", type: "string")
    static let edgeChange = GraphMLKey(id: "e_change", domain: "edge", name: "change", type: "string")
    static let edgeConnectionCount = GraphMLKey(
        id: "e_connection_count", domain: "edge", name: "connection_count", type: "long")

    /// The yFiles graphics of `--graphml-flavor yed` (declared with `yfiles.type`, not `attr.type`).
    static let nodeGraphicsID = "n_yfiles"
    static let edgeGraphicsID = "e_yfiles"

    static let graphTitle = GraphMLKey(id: "g_title", domain: "graph", name: "title", type: "string")
    static let graphGrouping = GraphMLKey(id: "g_grouping", domain: "graph", name: "grouping", type: "string")

    /// The edge key of a connection field: `e_` and its output name; a whole number is `int`, or `long`
    /// where it is a sum (collapsed graphs).
    static func edge(_ field: ConnectionField, summed: Bool = false) -> GraphMLKey {
        let type = field.kind == .integer ? (summed ? "long" : "int") : "string"
        return GraphMLKey(id: "e_\(field.outputName)", domain: "edge", name: field.outputName, type: type)
    }

    /// The key of a tag that can be an attribute name: `e_tag1`, `e_tag2`… named `tag:KEY`.
    static func tag(number: Int, key: String) -> GraphMLKey {
        GraphMLKey(id: "e_tag\(number)", domain: "edge", name: "tag:\(key)", type: "string")
    }
}
