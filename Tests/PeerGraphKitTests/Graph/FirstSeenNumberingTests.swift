import Testing

@testable import PeerGraphKit

@Suite struct FirstSeenNumberingTests {
    /// The plain version: a dictionary keyed by bytes.
    private func plainNumbers(_ strings: [String]) -> (numbers: [Int], distinct: [String]) {
        var numbers: [ExactText: Int] = [:]
        var distinct: [String] = []
        let result = strings.map { string in
            if let number = numbers[ExactText(string)] { return number }
            numbers[ExactText(string)] = distinct.count
            distinct.append(string)
            return distinct.count - 1
        }
        return (result, distinct)
    }

    /// A fresh copy with its own storage (a `String` made from bytes is never the same storage).
    private func freshCopy(_ string: String) -> String { String(decoding: Array(string.utf8), as: UTF8.self) }

    @Test func numbersAsThePlainDictionaryDoes() {
        // Long and short ids, the same bytes in shared and in separate storage, ids that are prefixes of
        // others, NULs, and two Unicode forms of one text (two ids: they differ in bytes).
        let pool = [
            "vpc-bp1aaaaaaaaaaaaaaaaaaaa", "vpc-bp1aaaaaaaaaaaaaaaaaaa", "vpc-bp1aaaaaaaaaaaaaaaaaaaab", "vpc-1",
            "vpc-short", "", "vpc-\u{0}-with-a-nul-inside-it", "vpc-caf\u{E9}-long-enough-id",
            "vpc-cafe\u{301}-long-enough-id",
            String(repeating: "x", count: 15), String(repeating: "x", count: 16), String(repeating: "x", count: 17),
        ]
        var generator = SystemRandomNumberGenerator()
        var strings: [String] = []
        for _ in 0..<20_000 {
            let string = pool.randomElement(using: &generator)!
            strings.append(Bool.random(using: &generator) ? string : freshCopy(string))
        }
        var numbering = FirstSeenNumbering()
        let numbers = strings.map { numbering.number($0) }
        let plain = plainNumbers(strings)
        #expect(numbers == plain.numbers)
        #expect(numbering.strings.count == plain.distinct.count)
        #expect(zip(numbering.strings, plain.distinct).allSatisfy { ByteOrder.same($0, $1) })
    }

    @Test func manyDistinctStoragesGrowTheTable() {
        // More storages than the first table holds, each id in two storages, interleaved.
        let ids = (0..<10_000).map { "vpc-bp1-long-enough-\($0)" }
        let strings = ids + ids.map(freshCopy) + ids.reversed()
        var numbering = FirstSeenNumbering()
        let numbers = strings.map { numbering.number($0) }
        #expect(numbers == plainNumbers(strings).numbers)
        #expect(numbering.strings.count == ids.count)
    }

    @Test func keysFoundFirstNumberAsTheStringsDo() {
        // The graph's way: every string's storage key first, then a look-up by key, and the string only
        // when the key is new. Shared and separate storage, short strings (no key), growth.
        let ids = (0..<2_000).map { "vpc-bp1-long-enough-\($0)" } + ["vpc-1", "", "vpc-short"]
        var generator = SystemRandomNumberGenerator()
        let strings = (0..<8_000).map { _ in
            let id = ids.randomElement(using: &generator)!
            return Bool.random(using: &generator) ? id : freshCopy(id)
        }
        let keys = strings.map(FirstSeenNumbering.storageKey(of:))
        #expect(keys.contains { $0 == nil } && keys.contains { $0 != nil })
        var numbering = FirstSeenNumbering()
        var numbers: [Int] = []
        for (string, key) in zip(strings, keys) {
            numbers.append(key.flatMap(numbering.number(storedAt:)) ?? numbering.number(string, storedAt: key))
        }
        #expect(numbers == plainNumbers(strings).numbers)
        // A key is only ever found for the storage it was numbered with.
        var fresh = FirstSeenNumbering()
        _ = fresh.number(strings[0])
        #expect(FirstSeenNumbering.storageKey(of: freshCopy(strings[0])).flatMap(fresh.number(storedAt:)) == nil)
    }
}
