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
}
