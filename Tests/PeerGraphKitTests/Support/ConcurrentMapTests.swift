import Testing

@testable import PeerGraphKit

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 7, 63, 64, 65, 1_000, 4_097])
    func mapsAsMapDoes(count: Int) {
        // Small chunks, so that even small counts are split over several threads, at uneven edges.
        let transform: @Sendable (Int) -> UInt64 = { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }
        let mapped = [UInt64](concurrentlyMapping: count, minimumChunk: 16, transform)
        #expect(mapped == (0..<count).map(transform))
    }

    @Test func readsSharedValuesOnEveryCore() {
        let strings = (0..<50_000).map { "vpc-bp1-id-\($0)" }  // up to 24 bytes: a key decides
        let keys = [ByteOrderKey](concurrentlyMapping: strings.count, minimumChunk: 1_000) { ByteOrderKey(strings[$0]) }
        let plain = strings.map(ByteOrderKey.init)
        #expect(keys.count == plain.count)
        #expect(zip(keys, plain).allSatisfy { $0.order(comparedTo: $1) == 0 })
    }

    final class Counted: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    /// References copied on several threads at once are retained once each, as `map` does: while the
    /// array lives, each object is shared by it and the source; once both are gone, every object is freed.
    @Test func referencesAreRetainedOnceEach() {
        weak var probe: Counted?
        var mapped: [Counted] = []
        do {
            let objects = (0..<5_000).map(Counted.init)
            probe = objects[4_999]
            mapped = [Counted](concurrentlyMapping: objects.count, minimumChunk: 64) { objects[4_999 - $0] }
            #expect(mapped.map(\.value) == (0..<5_000).reversed())
            #expect(zip(mapped, objects.reversed()).allSatisfy { $0 === $1 })
        }
        #expect(probe != nil)  // held by `mapped` alone now
        #expect(mapped.indices.allSatisfy { isKnownUniquelyReferenced(&mapped[$0]) })
        mapped = []
        #expect(probe == nil)
    }
}
