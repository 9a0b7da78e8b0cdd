import Testing

@testable import PeerGraphKit

@Suite struct PackedStringsTests {
    @Test func writesEachStringAsItWasGiven() {
        let strings = ["\"vpc-a\"", "", "中文 😀", String(repeating: "x", count: 70_000), "\u{0}nul"]
        let packed = PackedStrings(strings)
        #expect(packed.count == strings.count)
        for (index, string) in strings.enumerated() {
            #expect(packed[index] == string)
            #expect(OutputSink.collectingBytes { packed.write(index, to: $0) } == Array(string.utf8))
        }
        #expect(PackedStrings([]).count == 0)
    }
}
