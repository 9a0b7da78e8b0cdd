/// Writes the graph as node-link JSON, the shape networkx's `node_link_graph` reads (networkx 3.4 and
/// later: `nx.node_link_graph(json.load(f))`; earlier: `link="edges"`), with every attribute:
/// `{"directed": true, "multigraph": true, "graph": {…}, "nodes": [{"id": …}], "edges": [{"source", "target", "key", …}]}`.
/// Nodes are keyed by VPC id, edges by connection id; owner ids are strings (exact), bandwidth a number.
package struct NodeLinkJSONWriter: GraphWriter {
    package var options: RenderOptions
    private static let edgeFields = ConnectionField.with(.nodeLinkJSON)

    package init(options: RenderOptions) {
        self.options = options
    }

    package func write(_ graph: PeerGraph, to sink: OutputSink) {
        let q = JSONEscaper.quoted
        sink.write("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {")
        var graphFields = ["\"grouping\": \(q(graph.grouping.rawValue))"]
        if let title = options.title { graphFields.insert("\"title\": \(q(title))", at: 0) }
        sink.write(graphFields.joined(separator: ", "))
        sink.write("},\n  \"nodes\": [")
        let groupOfNode = graph.groupIndexByNode
        let labels = NodeLabelContext(graph)
        for (index, node) in graph.nodes.enumerated() {
            var fields = [
                "\"id\": \(q(node.id.text))",
                "\"label\": \(q(GraphText.nodeLines(node, in: labels).joined(separator: "\n")))",
            ]
            if let name = node.displayName { fields.append("\"name\": \(q(name))") }
            if let region = node.region { fields.append("\"region\": \(q(region))") }
            if let owner = node.owner { fields.append("\"owner\": \(q(owner))") }
            fields.append("\"ipv4_cidrs\": [\(node.ipv4CIDRs.map(q).joined(separator: ", "))]")
            fields.append("\"ipv6_cidrs\": [\(node.ipv6CIDRs.map(q).joined(separator: ", "))]")
            if let group = groupOfNode[index] { fields.append("\"group\": \(q(graph.groups[group].label))") }
            if let change = graph.change(ofNode: node.id) { fields.append("\"change\": \(q(change.rawValue))") }
            if graph.hasExternalNodes { fields.append("\"external\": \(node.isExternal)") }
            sink.write(index == 0 ? "\n    {" : ",\n    {")
            sink.write(fields.joined(separator: ", "))
            sink.write("}")
        }
        sink.write(graph.nodes.isEmpty ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": [")
        let looks = EdgeAppearanceTable(graph, theme: options.theme)
        for (number, connection) in graph.edges.enumerated() {
            let look = looks.appearance(ofEdge: number)
            var fields = [
                "\"source\": \(q(connection.requester.vpcID.text))", "\"target\": \(q(connection.accepter.vpcID.text))",
                "\"key\": \(q(connection.id.text))", "\"connection_id\": \(q(connection.id.text))",
                "\"label\": \(q(look.labelPrefix + GraphText.edgeLines(connection).joined(separator: "\n")))",
            ]
            for index in Self.edgeFields.indices {
                Self.edgeFields[index].withValue(of: connection) { value in
                    guard let value else { return }
                    let field = Self.edgeFields[index]
                    fields.append("\(q(field.outputName)): \(field.kind == .integer ? value : q(value))")
                }
            }
            fields.append("\"tags\": \(JSONEscaper.tagObject(connection.tags))")
            fields.append("\"color\": \(q(look.color))")
            fields.append("\"line_style\": \(q(look.baseLine.rawValue))")
            if let change = graph.change(ofConnection: connection.id) {
                fields.append("\"change\": \(q(change.rawValue))")
            }
            if let aggregate = graph.aggregate(ofEdge: number) {
                fields.append("\"connection_count\": \(aggregate.count)")
            }
            sink.write(number == 0 ? "\n    {" : ",\n    {")
            sink.write(fields.joined(separator: ", "))
            sink.write("}")
        }
        sink.write(graph.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
