import Foundation

/// Check the mesh for what it hides (overlaps, duplicates, stuck or expiring connections).
public struct CheckRequest: Sendable {
    /// How much a finding matters.
    public typealias Severity = Finding.Severity
    /// The formats of the reports of check and diff.
    public typealias Format = ReportFormat

    /// Where the connections come from.
    public var collect: CollectRequest
    /// Which connections are checked (grouping and collapse do not apply).
    public var recipe = GraphRecipe()
    /// Ages and expiry are measured from this moment.
    public var asOf = Date()
    /// Connections expiring within this many days are reported.
    public var expiryDays = 30
    /// A finding at or above this severity makes the outcome `findings`; nil: never.
    public var failOn: Finding.Severity? = .error
    /// The report's format.
    public var format: ReportFormat = .text
    /// Where the report goes.
    public var destination: OutputRequest.Destination = .standardOutput

    /// A moment written like the API's times (`2025-09-01T12:00:00Z`) or a day (`2025-09-01`, midnight UTC).
    public static func date(parsing text: String) -> Date? { APITimestamp.parse(text) }

    /// A request to check what `collect` reads.
    public init(collect: CollectRequest) { self.collect = collect }
}
