/// Account ids that were probably damaged on the way to peergraph.
///
/// Owner ids exceed 2^53, so a tool that reads JSON numbers as 64-bit floats rounds them:
/// `aliyun … --pager` and jq 1.6 turn `253460731706911258` into `253460731706911260`, the shortest
/// decimal form of the nearest double. peergraph cannot undo that, but it can say so.
enum AccountIDCheck {
    /// True when `text` is above 2^53 and exactly the shortest decimal form of a double, ending in zeros:
    /// what a float-based tool prints. A real id has that form only by chance (about one in 30).
    static func looksRounded(_ text: String) -> Bool {
        // Cheap tests first: this runs for every owner id of every file. Ids above 2^53 have 16+ digits.
        guard text.utf8.count >= 16, text.utf8.last == UInt8(ascii: "0"), let value = UInt64(text), value > 1 << 53
        else { return false }
        let double = Double(value)
        guard double < 18_446_744_073_709_551_615 else { return false }
        // Swift prints the shortest form that reads back as the same double: "2.5346073170691126e+17".
        let parts = double.description.lowercased().split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return false }
        let digits = parts[0].filter { $0 != "." }
        guard digits.count <= exponent + 1 else { return false }
        return digits + String(repeating: "0", count: exponent + 1 - digits.count) == text
    }

    /// A warning for the first owner id of `connections` that looks rounded, if any.
    static func roundedIDWarning(_ connections: [PeeringConnection], source: String) -> InputWarning? {
        for connection in connections {
            guard let owner = roundedOwner(of: connection) else { continue }
            return InputWarning(
                source: source,
                message: """
                    account id \(owner) looks rounded by a tool that reads numbers as floating point (aliyun --pager, \
                    jq 1.6); save the API's response as it came
                    """)
        }
        return nil
    }

    /// The requester's owner id if it looks rounded, else the accepter's if it does. (Not a loop over an
    /// array of the two: making that array for each connection was most of this check's time.)
    private static func roundedOwner(of connection: PeeringConnection) -> String? {
        if let owner = connection.requesterOwner, looksRounded(owner) { return owner }
        if let owner = connection.accepterOwner, looksRounded(owner) { return owner }
        return nil
    }

    /// A warning for each VPC (at most five, then a count) that two connections give different owners:
    /// one of the ids was probably rounded. The graph finds them while it merges what connections say.
    static func ownerConflictWarnings(_ conflicts: [PeerGraph.OwnerConflict]) -> [InputWarning] {
        var warnings = conflicts.prefix(5).map { conflict in
            InputWarning(
                source: nil,
                message: """
                    VPC \(conflict.vpcID) appears with two owners, \(conflict.owners.0) and \(conflict.owners.1): an account id was \
                    probably rounded on the way (aliyun --pager, jq 1.6)
                    """)
        }
        if conflicts.count > 5 {
            warnings.append(
                InputWarning(source: nil, message: "\(conflicts.count - 5) more VPCs appear with two owners"))
        }
        return warnings
    }
}
