/// What changed between two snapshots of a mesh: connections added, removed and changed (field by
/// field, old → new), and VPCs that appeared or vanished.
package struct SnapshotDiff: Sendable {
    /// One field of one connection that changed.
    package struct FieldChange: Sendable, Equatable {
        /// The API's field name, e.g. `Status`, `Vpc.Ipv4Cidrs`.
        package var field: String
        package var old: String?
        package var new: String?
    }

    package struct Change: Sendable, Equatable {
        package var id: ConnectionID
        package var fields: [FieldChange]
    }

    package var added: [PeeringConnection]
    package var removed: [PeeringConnection]
    package var changed: [Change]
    package var vpcsAdded: [VPCID]
    package var vpcsRemoved: [VPCID]

    package var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && vpcsAdded.isEmpty && vpcsRemoved.isEmpty
    }

    /// Compares two deduplicated lists of connections.
    package init(old: [PeeringConnection], new: [PeeringConnection]) {
        // Ids byte for byte: two connections whose ids differ only in Unicode form are two connections.
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byID = { (a: PeeringConnection, b: PeeringConnection) in a.id < b.id }
        added = new.filter { oldByID[$0.id] == nil }.sorted(by: byID)
        removed = old.filter { newByID[$0.id] == nil }.sorted(by: byID)
        changed = new.sorted(by: byID).compactMap { connection in
            guard let before = oldByID[connection.id] else { return nil }
            let fields = Self.fields(before, connection)
            return fields.isEmpty ? nil : Change(id: connection.id, fields: fields)
        }
        let oldVPCs = Set(old.flatMap { [$0.requester.vpcID, $0.accepter.vpcID] })
        let newVPCs = Set(new.flatMap { [$0.requester.vpcID, $0.accepter.vpcID] })
        vpcsAdded = newVPCs.subtracting(oldVPCs).sorted()
        vpcsRemoved = oldVPCs.subtracting(newVPCs).sorted()
    }

    /// The compared fields (API names); `GmtModified` is left out: it changes with every change.
    static let comparedFields = ConnectionField.with(.diff)

    static func fields(_ old: PeeringConnection, _ new: PeeringConnection) -> [FieldChange] {
        comparedFields.compactMap { field in
            let before = field.value(of: old).flatMap { $0.isEmpty ? nil : $0 }
            let after = field.value(of: new).flatMap { $0.isEmpty ? nil : $0 }
            let same = ByteOrder.same(before ?? "", after ?? "") && (before == nil) == (after == nil)
            return same ? nil : FieldChange(field: field.apiName, old: before, new: after)
        }
    }

    /// For drawing: the change of each connection id (unchanged ones are absent).
    package var changeKinds: [ConnectionID: ChangeKind] {
        var kinds: [ConnectionID: ChangeKind] = [:]
        for connection in added { kinds[connection.id] = .added }
        for connection in removed { kinds[connection.id] = .removed }
        for change in changed { kinds[change.id] = .changed }
        return kinds
    }
}
