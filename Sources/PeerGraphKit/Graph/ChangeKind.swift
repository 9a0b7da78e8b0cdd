/// How a connection or VPC differs between two snapshots.
package enum ChangeKind: String, Sendable {
    case added, removed, changed, unchanged

    /// What a diff graph puts before an edge's label: `+ `, `− `, `~ `, or nothing.
    package var labelPrefix: String {
        switch self {
        case .added: "+ "
        case .removed: "− "
        case .changed: "~ "
        case .unchanged: ""
        }
    }
}
