/// What the writers need beyond the graph.
public struct RenderOptions: Sendable {
    /// What kind of GraphML: plain, or with the yFiles graphics yEd needs to show labels.
    public enum GraphMLFlavor: String, Sendable, CaseIterable {
        /// Plain GraphML with `label` (Gephi) and `name` (Cytoscape) keys.
        case plain
        /// Adds yFiles node and edge graphics so yEd shows the labels.
        case yed
    }

    /// A title for the diagram; nil: none.
    public var title: String?
    /// Add a legend of the status styles (DOT, Mermaid).
    public var legend: Bool
    /// The page layout; nil means the format's built-in template.
    public var template: Template?
    /// Colours and line styles per status.
    public var theme: StatusTheme
    /// Longest label line in DOT and Mermaid, in characters; full text stays in tooltips and GraphML.
    public var maximumLabelLength: Int
    /// Plain GraphML, or with yFiles graphics.
    public var graphMLFlavor: GraphMLFlavor
    /// A generation time to stamp into the output; nil (the default) keeps output reproducible.
    public var timestamp: String?
    /// Edge text in DOT (inline, outside or none) and Mermaid (none drops it).
    public var edgeLabels: EdgeLabelPlacement
    /// Where `--graphml-flavor yed` puts each node and group; nil: a grid per group. The output step
    /// sets it from Graphviz's layout when `dot` is installed (writers never run a program).
    package var yedLayout: YEdLayout?
    /// DOT gives every node, edge and cluster an `id` (`n1`, `e1`, `g1`: by index, never from data),
    /// which Graphviz carries into its SVG; the HTML explorer finds the elements by them.
    package var elementIDs = false
    /// The findings a Markdown page shows (`--with-check`); nil: no findings section.
    package var findings: PageFindings?

    /// What `peergraph check` found, for a page: the findings and the moment they were measured from.
    package struct PageFindings: Sendable {
        package var findings: [Finding]
        package var asOf: String
    }

    /// Options; the defaults write what `peergraph` writes without options.
    public init(
        title: String? = nil, legend: Bool = false, template: Template? = nil, theme: StatusTheme = .builtIn,
        maximumLabelLength: Int = 40, graphMLFlavor: GraphMLFlavor = .plain, timestamp: String? = nil,
        edgeLabels: EdgeLabelPlacement = .auto
    ) {
        self.title = title
        self.legend = legend
        self.template = template
        self.theme = theme
        self.maximumLabelLength = maximumLabelLength
        self.graphMLFlavor = graphMLFlavor
        self.timestamp = timestamp
        self.edgeLabels = edgeLabels
    }
}
