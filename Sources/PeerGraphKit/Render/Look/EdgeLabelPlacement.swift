/// Where a diagram puts the text of its edges.
///
/// Graphviz `dot` lays an edge `label` out as an extra node in the middle of the edge, which is what
/// makes labelled meshes slow (the 500-connection benchmark mesh takes dot about 6 s with them) and
/// wide. Past 30 edges a picture scaled to a page's width cannot carry their text legibly (measured with
/// `.ci/validate/legibility`: at 60 connections the labelled layouts have text under 7 px or labels on
/// nodes), so by default only small diagrams get edge text; `inline` or `outside` put it back.
public enum EdgeLabelPlacement: String, Sendable, CaseIterable {
    /// Inline up to `automaticLimit` edges, none above.
    case auto
    /// DOT `label`: space is reserved on the edge.
    case inline
    /// DOT `xlabel`: placed next to the edge after layout.
    case outside
    /// No edge text in the drawing (tooltips and GraphML keep it).
    case none

    /// Above this many edges, `auto` leaves edge text out of DOT.
    public static let automaticLimit = 30

    /// The placement to use for a graph of `edgeCount` edges: `auto` resolved.
    public func resolved(edgeCount: Int) -> EdgeLabelPlacement {
        guard self == .auto else { return self }
        return edgeCount > Self.automaticLimit ? .none : .inline
    }
}
