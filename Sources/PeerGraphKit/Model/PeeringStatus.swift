/// The lifecycle state of a peering connection (`Status` in the API).
///
/// The known cases are the ones the VpcPeer API documents; any other value is kept as `.unknown`
/// so that a status the API adds later still parses, filters and renders.
public enum PeeringStatus: Sendable, Hashable {
    case creating, accepting, updating, rejected, expired, activated, deleting, deleted
    case unknown(String)

    /// Every documented status, in the order the API lists them.
    public static let known: [PeeringStatus] = [
        .creating, .accepting, .updating, .rejected, .expired, .activated, .deleting, .deleted,
    ]

    /// Parses the API spelling exactly (`Activated`); anything else becomes `.unknown`.
    public init(apiValue: String) {
        self = Self.known.first { $0.apiValue == apiValue } ?? .unknown(apiValue)
    }

    /// The spelling the API uses.
    public var apiValue: String {
        switch self {
        case .creating: "Creating"
        case .accepting: "Accepting"
        case .updating: "Updating"
        case .rejected: "Rejected"
        case .expired: "Expired"
        case .activated: "Activated"
        case .deleting: "Deleting"
        case .deleted: "Deleted"
        case .unknown(let value): value
        }
    }

    /// A connection still on its way to `Activated` or to removal.
    public var isTransitional: Bool {
        switch self {
        case .creating, .accepting, .updating, .deleting: true
        default: false
        }
    }

    /// A connection that no longer carries traffic and never will again.
    public var isGone: Bool {
        switch self {
        case .rejected, .expired, .deleted: true
        default: false
        }
    }
}
