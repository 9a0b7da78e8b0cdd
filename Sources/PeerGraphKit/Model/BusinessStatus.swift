/// The billing state of a peering connection (`BizStatus` in the API).
public enum BusinessStatus: Sendable, Hashable {
    case normal
    case financialLocked
    case unknown(String)

    /// Parses the API spelling exactly; anything else becomes `.unknown`.
    public init(apiValue: String) {
        switch apiValue {
        case "Normal": self = .normal
        case "FinancialLocked": self = .financialLocked
        default: self = .unknown(apiValue)
        }
    }

    /// The spelling the API uses.
    public var apiValue: String {
        switch self {
        case .normal: "Normal"
        case .financialLocked: "FinancialLocked"
        case .unknown(let value): value
        }
    }
}
