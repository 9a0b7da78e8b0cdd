/// How the collected connections become the graph that is drawn or checked.
public struct GraphRecipe: Sendable {
    /// Which connections to keep.
    public typealias Filter = ConnectionFilter
    /// How nodes are grouped, or collapsed.
    public typealias Grouping = GroupingKey

    /// Which connections to keep.
    public var filter = ConnectionFilter()
    /// Keep only these VPCs and their neighbours up to `depth` hops; empty: every VPC.
    public var focus: [String] = []
    /// Hops from the focus VPCs.
    public var depth = 1
    /// Replace account ids (and CIDR blocks) by stable pseudonyms; nil: no redaction.
    public var redaction: Redaction?
    /// How nodes are grouped into clusters.
    public var grouping: GroupingKey = .region
    /// Draw one node per region, account or both instead of one per VPC; nil: VPCs.
    public var collapse: GroupingKey?

    /// What redaction hides.
    public struct Redaction: Sendable, Equatable {
        /// CIDR blocks too, not only account ids.
        public var cidrs: Bool

        /// A redaction; account ids always, CIDR blocks when `cidrs`.
        public init(cidrs: Bool = false) { self.cidrs = cidrs }
    }

    /// The recipe that draws every connection, grouped by region.
    public init() {}
}
