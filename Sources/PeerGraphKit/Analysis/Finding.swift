/// Something a peering mesh hides, found by `MeshChecker`.
public struct Finding: Sendable, Equatable {
    /// How much a finding matters; `--fail-on` compares with it.
    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case info = 0, warning = 1, error = 2

        /// `info`, `warning` or `error`.
        public var name: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        /// The severity named `name` (any letter case).
        public init?(name: String) {
            guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = match
        }

        /// `info` < `warning` < `error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What was found; the order here is the order of the report.
    public enum Kind: String, Sendable, CaseIterable {
        /// The two VPCs of one connection have overlapping blocks: no route can be added.
        case overlappingCIDRs = "overlapping-cidrs"
        /// A VPC is peered with two VPCs whose blocks overlap each other.
        case ambiguousRoutes = "ambiguous-routes"
        /// More than one live connection joins the same two VPCs.
        case duplicatePeering = "duplicate-peering"
        /// Waiting for the accepter.
        case pendingAcceptance = "pending-acceptance"
        /// Creating, Updating or Deleting for a while.
        case stuckTransition = "stuck-transition"
        /// Expired, or expiring soon.
        case expired = "expired"
        case expiringSoon = "expiring-soon"
        /// Business status FinancialLocked.
        case financialLocked = "financial-locked"
        /// A CIDR block the input gives that is not a CIDR block.
        case malformedCIDR = "malformed-cidr"
    }

    /// How much it matters.
    public var severity: Severity
    /// What was found.
    public var kind: Kind
    /// The connections it is about, in byte order.
    public var connectionIDs: [ConnectionID]
    /// The VPCs it is about.
    public var vpcIDs: [VPCID]
    /// The CIDR blocks it is about (overlaps).
    public var cidrs: [String]
    /// One line that says what is wrong and why it matters.
    public var message: String

    /// A finding.
    public init(
        severity: Severity, kind: Kind, connectionIDs: [ConnectionID], vpcIDs: [VPCID], cidrs: [String] = [],
        message: String
    ) {
        self.severity = severity
        self.kind = kind
        self.connectionIDs = connectionIDs
        self.vpcIDs = vpcIDs
        self.cidrs = cidrs
        self.message = message
    }
}
