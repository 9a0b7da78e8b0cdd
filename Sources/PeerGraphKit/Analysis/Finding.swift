/// Something a peering mesh hides, found by `MeshChecker`.
public struct Finding: Sendable, Equatable {
    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case info = 0, warning = 1, error = 2

        public var name: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        public init?(name: String) {
            guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = match
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

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

    public var severity: Severity
    public var kind: Kind
    public var connectionIDs: [String]
    public var vpcIDs: [String]
    public var cidrs: [String]
    /// One line that says what is wrong and why it matters.
    public var message: String

    public init(severity: Severity, kind: Kind, connectionIDs: [String], vpcIDs: [String], cidrs: [String] = [], message: String) {
        self.severity = severity
        self.kind = kind
        self.connectionIDs = connectionIDs
        self.vpcIDs = vpcIDs
        self.cidrs = cidrs
        self.message = message
    }
}
