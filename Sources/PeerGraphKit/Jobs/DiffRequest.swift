/// Compare two snapshots: a report of what changed, or a graph of the new one with the changes marked.
public struct DiffRequest: Sendable {
    /// The old snapshot.
    public var old: CollectRequest
    /// The new snapshot (often live).
    public var new: CollectRequest
    /// Which connections are compared, and how the graph is built when one is drawn.
    public var recipe = GraphRecipe()
    /// The report's format when no graph is drawn.
    public var reportFormat: ReportFormat = .text
    /// Draw a graph of the changes instead of a report.
    public var drawsGraph = false
    /// Where the report or graph goes, and the graph's format and look.
    public var output = OutputRequest()

    /// A request to compare `old` with `new`.
    public init(old: CollectRequest, new: CollectRequest) {
        self.old = old
        self.new = new
    }
}
