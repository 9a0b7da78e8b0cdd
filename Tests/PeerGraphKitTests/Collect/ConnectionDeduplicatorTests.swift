import Testing

@testable import PeerGraphKit

@Suite struct ConnectionDeduplicatorTests {
    private func connection(
        _ id: String, modified: String?, status: PeeringStatus = .activated, name: String? = nil
    ) -> PeeringConnection {
        PeeringConnection(
            id: ConnectionID(id), name: name, requester: VPCEndpoint(vpcID: "vpc-a"),
            accepter: VPCEndpoint(vpcID: "vpc-b"),
            status: status, modifiedAt: modified)
    }

    @Test func theLatestModificationWins() {
        let old = connection("pcc-1", modified: "2025-01-01T00:00:00Z", status: .accepting)
        let new = connection("pcc-1", modified: "2025-02-01T00:00:00Z", status: .activated)
        #expect(ConnectionDeduplicator.deduplicate([old, new]) == [new])
        #expect(ConnectionDeduplicator.deduplicate([new, old]) == [new])
    }

    @Test func aMissingModificationTimeLosesToAnyTime() {
        let undated = connection("pcc-1", modified: nil, status: .creating)
        let dated = connection("pcc-1", modified: "2020-01-01T00:00:00Z")
        #expect(ConnectionDeduplicator.deduplicate([dated, undated]) == [dated])
    }

    @Test func tiesAreBrokenByContentNotInputOrder() {
        let a = connection("pcc-1", modified: "2025-01-01T00:00:00Z", name: "a")
        let b = connection("pcc-1", modified: "2025-01-01T00:00:00Z", name: "b")
        #expect(ConnectionDeduplicator.deduplicate([a, b]) == ConnectionDeduplicator.deduplicate([b, a]))
    }

    @Test func resultIsInTheOrderIDsFirstAppear() {
        let ids = ["pcc-3", "pcc-1", "pcc-2", "pcc-1", "pcc-3"].map { connection($0, modified: nil) }
        #expect(ConnectionDeduplicator.deduplicate(ids).map(\.id) == ["pcc-3", "pcc-1", "pcc-2"])
    }

    /// Input without duplicates comes back as it is (the path that builds no new array), and one
    /// duplicate at the very end is still found.
    @Test func inputWithoutDuplicatesComesBackAsItIs() {
        let unique = (0..<20_000).map { connection("pcc-\(($0 &* 7_919) % 20_000)", modified: nil) }
        #expect(ConnectionDeduplicator.deduplicate(unique) == unique)
        let newer = connection("pcc-0", modified: "2025-01-01T00:00:00Z")
        let merged = ConnectionDeduplicator.deduplicate(unique + [newer])
        #expect(merged.count == unique.count)
        #expect(merged[0] == newer)
        #expect(merged.dropFirst() == unique.dropFirst())
    }

    /// Many ids, most of them listed more than once, through a table that grows past its first sizes:
    /// the same as a dictionary by id.
    @Test func agreesWithADictionaryAtScale() {
        var generator = SystemRandomNumberGenerator()
        let times = [nil, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"]
        let input = (0..<30_000).map { index in
            connection(
                "pcc-\(Int.random(in: 0..<12_000, using: &generator))", modified: times[index % 3],
                name: "n\(index % 5)")
        }
        var positions: [ConnectionID: Int] = [:]
        var plain: [PeeringConnection] = []
        for candidate in input {
            if let position = positions[candidate.id] {
                if ConnectionDeduplicator.isPreferred(candidate, over: plain[position]) { plain[position] = candidate }
            } else {
                positions[candidate.id] = plain.count
                plain.append(candidate)
            }
        }
        #expect(ConnectionDeduplicator.deduplicate(input) == plain)
    }

    /// Neighbours are compared by keys of their first 24 bytes; the plain version compares the ids. Ids
    /// that share those bytes and differ after them, or differ only in length or by a NUL, stay apart.
    @Test func agreesWithComparingTheIDsThemselves() {
        var generator = SystemRandomNumberGenerator()
        let prefix = "pcc-0123456789abcdefghij"  // 24 bytes
        let ids = [
            "pcc-1", "pcc-1\u{0}", "pcc-10", prefix, prefix + "a", prefix + "b", prefix + "ab", prefix + "\u{0}",
            "caf\u{E9}", "cafe\u{301}",
        ]
        let times = [nil, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"]
        for _ in 0..<100 {
            let input = (0..<Int.random(in: 1...40, using: &generator)).map { index in
                connection(
                    ids.randomElement(using: &generator)!, modified: times.randomElement(using: &generator)!,
                    name: "n\(index % 3)")
            }
            let kept = ConnectionDeduplicator.deduplicate(input)
            // The plain version: the preferred copy of each distinct id (byte for byte), in first-seen order.
            var plain: [PeeringConnection] = []
            for candidate in input {
                if let index = plain.firstIndex(where: { ByteOrder.same($0.id.text, candidate.id.text) }) {
                    if ConnectionDeduplicator.isPreferred(candidate, over: plain[index]) { plain[index] = candidate }
                } else {
                    plain.append(candidate)
                }
            }
            #expect(kept == plain)
        }
    }
}
