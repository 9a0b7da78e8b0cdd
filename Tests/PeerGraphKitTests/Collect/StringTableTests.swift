import Testing

@testable import PeerGraphKit

@Suite struct StringTableTests {
    private func string(_ table: StringTable, _ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { table.string(for: $0) }
    }

    @Test func equalTextGivesOneStoredString() {
        let table = StringTable()
        let first = string(table, "vpc-bp1corenet00000a01-long")
        let second = string(table, "vpc-bp1corenet00000a01-long")
        #expect(first == second)
        // The same storage, not just an equal string: that is what saves the memory.
        #expect(
            first.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                == second.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
    }

    @Test func accountIDsAreTheirDigitsWhateverTheCacheHolds() {
        // More values than the cache has slots, so that values share slots and evict each other; the
        // edges of UInt64, and values that differ only in high bits (one multiplier apart).
        let table = StringTable()
        var values: [UInt64] = [0, 1, 9, 10, 999_999_999_999_999, 1_000_000_000_000_000, UInt64.max, UInt64.max - 1]
        values += (0..<10_000).map { _ in UInt64.random(in: 0...UInt64.max) }
        values += (0..<64).map { UInt64(1) << $0 }
        let rounds = values + values.shuffled() + values.reversed()
        for value in rounds {
            #expect(table.decimalText(value) == String(value))
        }
        // A repeat is the storage the table holds for those digits (ids of more than 15 digits).
        let long: UInt64 = 1_234_567_890_123_456_789
        let first = table.decimalText(long)
        let fromTable = string(table, String(long))
        #expect(
            first.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                == fromTable.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
    }

    @Test func distinctTextStaysDistinctThroughGrowth() {
        let table = StringTable(capacity: 4)
        // Many more strings than the first table holds, with shared prefixes and suffixes, empty, NUL and multi-byte.
        var texts = (0..<5_000).map { "vpc-\(String(repeating: "0", count: 20))\($0)" }
        texts += ["", "short", "exactly15bytes!", "sixteen-bytes-xx", "nul\u{0}inside-a-long-string", "多字节的专有网络名称很长很长"]
        let stored = texts.map { string(table, $0) }
        #expect(stored == texts)
        // Asked again (in another order), every text comes back equal, and as the storage stored first:
        // growing moved every entry to where a look-up finds it.
        for (text, first) in zip(texts, stored).reversed() {
            let again = string(table, text)
            #expect(again == text)
            if text.utf8.count > 15 {
                #expect(
                    again.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                        == first.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
            }
        }
    }

    private func identity(_ list: [String]) -> UnsafePointer<String>? {
        list.withUnsafeBufferPointer { $0.baseAddress }
    }

    @Test func entriesAreNumberedOncePerDistinctText() {
        let table = StringTable()
        let first = Array("vpc-bp1corenet00000a01-long".utf8).withUnsafeBufferPointer { table.entry(for: $0) }
        let other = Array("vpc-bp1corenet00000a02-long".utf8).withUnsafeBufferPointer { table.entry(for: $0) }
        let again = Array("vpc-bp1corenet00000a01-long".utf8).withUnsafeBufferPointer { table.entry(for: $0) }
        #expect(first.number != nil && first.number == again.number && first.number != other.number)
        // Short strings are not stored, so they have no number.
        #expect(Array("vpc-short".utf8).withUnsafeBufferPointer { table.entry(for: $0) }.number == nil)
    }

    @Test func aVPCsRepeatedBlocksShareOneArrayAndOnlyEqualListsAreHandedBack() {
        let table = StringTable()
        let blocks = ["10.0.0.0/16", "172.16.0.0/12"]
        let first = table.sharedBlocks(blocks, vpc: 7, family: 0)
        let repeated = table.sharedBlocks(Array(blocks), vpc: 7, family: 0)
        #expect(repeated == blocks && identity(repeated) == identity(first))
        // Another VPC, the other family, or other blocks: never the stored array.
        for (list, vpc, family) in [
            (blocks, 8, 0), (blocks, 7, 1), (["10.0.0.0/16"], 7, 0), (["10.0.0.0/8", "172.16.0.0/12"], 7, 0),
        ] {
            let given = Array(list)
            let shared = table.sharedBlocks(given, vpc: vpc, family: family)
            #expect(shared == list)
            #expect(identity(shared) == identity(given))
        }
        // Canonically equal but different bytes stay different; an empty list stays empty.
        let accented = table.sharedBlocks(["caf\u{E9}"], vpc: 9, family: 0)
        #expect(Array(table.sharedBlocks(["cafe\u{301}"], vpc: 9, family: 0)[0].utf8) == Array("cafe\u{301}".utf8))
        #expect(Array(accented[0].utf8) == Array("caf\u{E9}".utf8))
        #expect(table.sharedBlocks([], vpc: 100_000, family: 1).isEmpty)
    }
}
