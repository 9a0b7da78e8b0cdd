/// The graph formats peergraph writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case dot, graphml, mermaid, json
    /// A documentation page: the Mermaid diagram, its legend, a table of connections, check findings.
    case markdown

    /// What a format can show besides the graph, so that an option asking for it elsewhere is refused.
    public enum Capability: String, Sendable, CaseIterable {
        /// A legend of the status styles.
        case legend
        /// Label lines cut to a length (the full text stays in tooltips).
        case labelLength
        /// Edge text placed inline, outside or not at all.
        case edgeLabelPlacement
        /// A generation time in a comment.
        case timestamp
        /// A Markdown fence around the text.
        case markdownFence
        /// yFiles graphics for yEd.
        case yFilesGraphics
        /// The findings of `peergraph check` on the page.
        case checkFindings
    }

    /// What this format can show.
    public var capabilities: Set<Capability> {
        switch self {
        case .dot: [.legend, .labelLength, .edgeLabelPlacement, .timestamp]
        case .mermaid: [.legend, .labelLength, .edgeLabelPlacement, .timestamp, .markdownFence]
        case .graphml: [.timestamp, .yFilesGraphics]
        case .json: []
        case .markdown: [.labelLength, .edgeLabelPlacement, .timestamp, .checkFindings]
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .dot: "dot"
        case .graphml: "graphml"
        case .mermaid: "mmd"
        case .json: "json"
        case .markdown: "md"
        }
    }

    /// The placeholders a template of this format may use.
    public var placeholders: Set<String> {
        switch self {
        case .dot: ["timestamp", "title", "layout", "body", "legend"]
        case .mermaid: ["front_matter", "timestamp", "body", "legend", "link_styles"]
        case .graphml: ["timestamp", "namespaces", "keys", "graph_data", "body"]
        case .json: ["body"]
        case .markdown: ["title", "timestamp", "summary", "diagram", "legend", "body", "findings"]
        }
    }

    /// The built-in template text (from `templates/`).
    public var defaultTemplateText: String {
        switch self {
        case .dot: DefaultTemplates.dot
        case .mermaid: DefaultTemplates.mermaid
        case .graphml: DefaultTemplates.graphml
        case .json: "{{body}}"
        case .markdown: DefaultTemplates.markdown
        }
    }

    /// The template file name under `templates/`.
    public var templateFileName: String { "\(rawValue).template" }

    /// The built-in template, parsed.
    public func defaultTemplate() -> Template {
        // The built-in text is checked by the test suite, so parsing it cannot fail.
        do {
            return try Template(
                text: defaultTemplateText, source: "built-in \(templateFileName)", allowed: placeholders)
        } catch {
            fatalError("the built-in \(templateFileName) does not parse: \(error)")
        }
    }

    /// A writer for this format.
    package func makeWriter(options: RenderOptions) -> GraphWriter {
        switch self {
        case .dot: DOTWriter(options: options)
        case .mermaid: MermaidWriter(options: options)
        case .graphml: GraphMLWriter(options: options)
        case .json: NodeLinkJSONWriter(options: options)
        case .markdown: MarkdownPageWriter(options: options)
        }
    }
}
