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

    @Test func resultIsSortedByID() {
        let ids = ["pcc-3", "pcc-1", "pcc-2", "pcc-1"].map { connection($0, modified: nil) }
        #expect(ConnectionDeduplicator.deduplicate(ids).map(\.id) == ["pcc-1", "pcc-2", "pcc-3"])
    }
}
