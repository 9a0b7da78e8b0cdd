/// Which accounts a live run listed, saved beside its pages (`--save-raw`), so that reading the snapshot
/// back marks the same external accounts and names the same accounts as the run did:
/// `{"PeerGraphSnapshot": 1, "Accounts": [{"AccountId": "…", "DisplayName": "…"}]}`.
package struct SnapshotManifest: Sendable, Equatable {
    /// The file's name in a snapshot folder.
    package static let fileName = "peergraph-accounts.json"

    package var accounts: [(id: String, displayName: String?)]

    package init(accounts: [(id: String, displayName: String?)]) { self.accounts = accounts }

    package static func == (lhs: SnapshotManifest, rhs: SnapshotManifest) -> Bool {
        lhs.accounts.elementsEqual(rhs.accounts) { $0.id == $1.id && $0.displayName == $1.displayName }
    }

    /// The document's bytes.
    package var bytes: [UInt8] {
        let entries = accounts.map { account in
            var fields = ["\"AccountId\": \(JSONEscaper.quoted(account.id))"]
            if let name = account.displayName { fields.append("\"DisplayName\": \(JSONEscaper.quoted(name))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return Array(
            "{\n  \"PeerGraphSnapshot\": 1,\n  \"Accounts\": [\n\(entries.joined(separator: ",\n"))\n  ]\n}\n".utf8)
    }

    /// The manifest `bytes` hold, or nil when they are another document (a page); an error when they
    /// start like a manifest and are not one.
    package static func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> SnapshotManifest? {
        var scanner = JSONScanner(bytes: bytes)
        do {
            guard scanner.peek() == UInt8(ascii: "{") else { return nil }
            var cursor = try scanner.beginObject()
            guard let first = try scanner.nextKey(&cursor), first == "PeerGraphSnapshot" else { return nil }
        } catch {
            return nil
        }
        let fields = try AnswerFields(bytes)
        var accounts: [(id: String, displayName: String?)] = []
        for index in 0..<fields.count("Accounts") {
            guard let id = fields["Accounts.\(index).AccountId"], RoleRequest.isAccountID(id) else {
                throw JSONSyntaxError("a peergraph snapshot manifest names an account whose id is not digits", at: 0)
            }
            accounts.append((id, fields["Accounts.\(index).DisplayName"]))
        }
        return SnapshotManifest(accounts: accounts)
    }
}
