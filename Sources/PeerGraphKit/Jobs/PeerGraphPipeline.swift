/// The whole job in three steps — collect, graph, render — for callers that want the usual path.
package enum PeerGraphPipeline {
    /// Reads the sources and merges duplicate connections.
    package static func collect(
        _ sources: [InputSource], reader: InputReader = InputReader()
    ) throws(InputError) -> [PeeringConnection] {
        ConnectionDeduplicator.deduplicate(try reader.read(sources))
    }

    /// Reads the sources and merges duplicate connections, with what the reader warned about.
    package static func collectWithWarnings(
        _ sources: [InputSource], reader: InputReader = InputReader()
    ) throws(InputError) -> (connections: [PeeringConnection], warnings: [InputWarning]) {
        let collected = try reader.collect(sources)
        return (ConnectionDeduplicator.deduplicate(collected.connections), collected.warnings)
    }

    /// Filters the connections and builds the graph; the filter result explains an empty graph.
    package static func graph(
        _ connections: [PeeringConnection], filter: ConnectionFilter, grouping: GroupingKey
    ) -> (graph: PeerGraph, filtered: FilterResult) {
        let filtered = filter.apply(to: connections)
        return (PeerGraph(connections: filtered.kept, grouping: grouping), filtered)
    }

    /// Renders `graph` in `format` into `sink`.
    package static func render(_ graph: PeerGraph, format: OutputFormat, options: RenderOptions, to sink: OutputSink) {
        format.makeWriter(options: options).write(graph, to: sink)
    }
}
