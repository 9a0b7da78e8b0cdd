/// Writes a `PeerGraph` in one output format, streaming into a sink.
public protocol GraphWriter: Sendable {
    func write(_ graph: PeerGraph, to sink: OutputSink)
}

/// The graph formats peergraph writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case dot, graphml, mermaid, json

    /// The placeholders a template of this format may use.
    public var placeholders: Set<String> {
        switch self {
        case .dot: ["timestamp", "title", "body", "legend"]
        case .mermaid: ["front_matter", "timestamp", "body", "legend", "link_styles"]
        case .graphml: ["timestamp", "namespaces", "keys", "graph_data", "body"]
        case .json: ["body"]
        }
    }

    /// The built-in template text (from `templates/`).
    public var defaultTemplateText: String {
        switch self {
        case .dot: DefaultTemplates.dot
        case .mermaid: DefaultTemplates.mermaid
        case .graphml: DefaultTemplates.graphml
        case .json: "{{body}}"
        }
    }

    /// The template file name under `templates/`.
    public var templateFileName: String { "\(rawValue).template" }

    /// The built-in template, parsed.
    public func defaultTemplate() -> Template {
        // The built-in text is checked by the test suite, so parsing it cannot fail.
        try! Template(text: defaultTemplateText, source: "built-in \(templateFileName)", allowed: placeholders)
    }

    /// A writer for this format.
    public func makeWriter(options: RenderOptions) -> GraphWriter {
        switch self {
        case .dot: DOTWriter(options: options)
        case .mermaid: MermaidWriter(options: options)
        case .graphml: GraphMLWriter(options: options)
        case .json: NodeLinkJSONWriter(options: options)
        }
    }
}

/// What the writers need beyond the graph.
public struct RenderOptions: Sendable {
    public enum GraphMLFlavor: String, Sendable, CaseIterable {
        /// Plain GraphML with `label` (Gephi) and `name` (Cytoscape) keys.
        case plain
        /// Adds yFiles node and edge graphics so yEd shows the labels.
        case yed
    }

    public var title: String?
    public var legend: Bool
    /// The page layout; nil means the format's built-in template.
    public var template: Template?
    public var theme: StatusTheme
    /// Longest label line in DOT and Mermaid, in characters; full text stays in tooltips and GraphML.
    public var maximumLabelLength: Int
    public var graphMLFlavor: GraphMLFlavor
    /// A generation time to stamp into the output; nil (the default) keeps output reproducible.
    public var timestamp: String?
    /// Edge text in DOT (inline, outside or none) and Mermaid (none drops it).
    public var edgeLabels: EdgeLabelPlacement

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

extension StatusTheme {
    /// The theme from `templates/theme.tsv`, built in.
    public static let builtIn: StatusTheme = {
        // Checked by the test suite, so parsing cannot fail.
        try! StatusTheme(text: DefaultTemplates.theme, source: "built-in theme.tsv")
    }()
}
