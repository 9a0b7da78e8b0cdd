/// Where a diagram puts the text of its edges.
///
/// Graphviz `dot` lays an edge `label` out as an extra node in the middle of the edge, which is what
/// makes labelled meshes slow: the 500-connection benchmark mesh takes dot about 6 s with them, 0.4 s
/// with external labels (`xlabel`, placed after the layout, sometimes overlapping). Small diagrams
/// look best with inline labels, so by default only large ones get external ones.
public enum EdgeLabelPlacement: String, Sendable, CaseIterable {
    /// Inline up to `automaticLimit` edges, outside above.
    case auto
    /// DOT `label`: space is reserved on the edge.
    case inline
    /// DOT `xlabel`: placed next to the edge after layout.
    case outside
    /// No edge text in the drawing (tooltips and GraphML keep it).
    case none

    /// Above this many edges, `auto` places labels outside.
    public static let automaticLimit = 200

    /// The placement to use for a graph of `edgeCount` edges: `auto` resolved.
    public func resolved(edgeCount: Int) -> EdgeLabelPlacement {
        guard self == .auto else { return self }
        return edgeCount > Self.automaticLimit ? .outside : .inline
    }
}
