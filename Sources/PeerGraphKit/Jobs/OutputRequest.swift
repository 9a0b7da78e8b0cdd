import Foundation

/// Where a job's output goes and, for a graph, in which format and look.
public struct OutputRequest: Sendable {
    /// Where the bytes go.
    public enum Destination: Sendable, Equatable {
        /// The context's `writeOutput`.
        case standardOutput
        /// This file, replaced atomically (all or nothing); a FIFO or device is written in place.
        case file(String)
        /// The block between `<!-- peergraph:begin -->` and `<!-- peergraph:end -->` of this Markdown
        /// file (the one named `block`, or its only one), replaced atomically; every other byte stays.
        case markdownBlock(file: String, block: String?)

        /// The file, if any.
        public var path: String? {
            switch self {
            case .standardOutput: nil
            case .file(let path), .markdownBlock(let path, _): path
            }
        }
    }

    /// A picture drawn by Graphviz from the DOT.
    public struct Picture: Sendable, Equatable {
        /// `svg`, `png` or `pdf`.
        public var format: String
        /// The Graphviz engine; nil: dot for small graphs, sfdp for large ones.
        public var engine: String?

        /// A picture in `format`, laid out by `engine`.
        public init(format: String, engine: String? = nil) {
            self.format = format
            self.engine = engine
        }
    }

    /// The graph formats.
    public typealias Format = OutputFormat
    /// Where edge text goes in DOT and Mermaid.
    public typealias EdgeLabels = EdgeLabelPlacement
    /// Plain GraphML, or with yFiles graphics.
    public typealias GraphMLFlavor = RenderOptions.GraphMLFlavor

    /// Where the bytes go.
    public var destination: Destination = .standardOutput
    /// The graph format (drawing, and diff as a graph).
    public var format: OutputFormat = .dot
    /// The look of the graph.
    public var look = RenderOptions()
    /// A template file replacing the format's built-in one.
    public var templateFile: String?
    /// A theme file replacing the built-in status theme.
    public var themeFile: String?
    /// Stamp the generation time into the output.
    public var timestamp = false
    /// Graphviz draws a picture of the DOT instead; nil: the text format.
    public var picture: Picture?
    /// Wrap Mermaid in a ```mermaid fence.
    public var markdownFence = false
    /// Write nothing: compare what would be written with the file (or its block) and report the
    /// difference (`JobResult.Outcome.findings` and a unified diff, `Diagnostic.Severity.difference`).
    public var checksOnly = false
    /// A Markdown page (`--format markdown`) also shows what `peergraph check` finds, measured so.
    public var pageCheck: PageCheck?

    /// How the findings of a page are measured (`--with-check`, `--as-of`, `--expiry-days`).
    public struct PageCheck: Sendable {
        /// Ages and expiry are measured from this moment.
        public var asOf: Date
        /// Connections expiring within this many days are reported.
        public var expiryDays: Int

        /// Findings as of `asOf`, expiry within `expiryDays`.
        public init(asOf: Date = Date(), expiryDays: Int = 30) {
            self.asOf = asOf
            self.expiryDays = expiryDays
        }
    }

    /// Standard output, DOT, the default look.
    public init() {}
}
