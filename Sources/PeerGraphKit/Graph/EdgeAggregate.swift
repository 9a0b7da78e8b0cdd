/// What one edge of a collapsed graph stands for: the connections between two groups (regions,
/// accounts) in one status, counted and summed. Its drawing is an ordinary edge whose name says the count
/// and whose description lists the members, so every writer draws it without a case of its own.
package struct EdgeAggregate: Sendable, Equatable {
    /// How many connections.
    package var count: Int
    /// How many of them have no bandwidth limit (`-1`).
    package var unlimitedCount: Int
    /// The sum of the limited bandwidths, in Mbit/s.
    package var bandwidthMbps: Int64
    /// How many connections are in each status, by status name (byte for byte).
    package var statusCounts: [ExactText: Int]
    /// One of them is FinancialLocked (the aggregate is then drawn as locked).
    package var isLocked: Bool
    /// Their ids, in byte order.
    package var memberIDs: [String]
}
