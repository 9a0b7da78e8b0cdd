/// One account a live run lists, and the credentials that reach it.
package struct AccountTarget: Sendable {
    /// The account id (decimal digits), when known: from a role ARN, Resource Directory or GetCallerIdentity.
    package var id: String?
    /// The account's display name from Resource Directory.
    package var displayName: String?
    /// How messages name it (`account 1000000000000002 (prod-network)`, `profile dev`); nil for the one
    /// account of a run that lists a single account, whose messages stay as they were.
    package var label: String?
    package var credentials: RefreshingCredentials

    package init(id: String?, displayName: String? = nil, label: String?, credentials: RefreshingCredentials) {
        self.id = id
        self.displayName = displayName
        self.label = label
        self.credentials = credentials
    }

    /// `account ID (NAME)`.
    package static func label(id: String, displayName: String?) -> String {
        let name = displayName.map { AlibabaCloudClient.printable($0, limit: 80) } ?? ""
        return name.isEmpty ? "account \(id)" : "account \(id) (\(name))"
    }
}
