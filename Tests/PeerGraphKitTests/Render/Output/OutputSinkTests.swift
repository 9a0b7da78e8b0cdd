import Testing

@testable import PeerGraphKit

@Suite struct OutputSinkTests {
    @Test func bytesArriveInOrderWhateverTheBufferSize() throws {
        let pieces = ["a", String(repeating: "b", count: 100), "", "ü", String(repeating: "c", count: 5)]
        for capacity in [1, 3, 16, 64, 1 << 16] {
            var flushed: [UInt8] = []
            var flushSizes: [Int] = []
            let sink = OutputSink(capacity: capacity) { bytes in
                flushed += bytes
                flushSizes.append(bytes.count)
            }
            for piece in pieces { sink.write(piece) }
            sink.write(byte: UInt8(ascii: "!"))
            try sink.finish()
            #expect(String(decoding: flushed, as: UTF8.self) == pieces.joined() + "!")
            #expect(sink.byteCount == flushed.count)
            #expect(sink.lastByte == UInt8(ascii: "!"))
            #expect(!flushSizes.contains(0))
        }
    }

    @Test func aFlushErrorIsReportedByFinishAndLaterWritesAreDropped() {
        struct Full: Error {}
        var calls = 0
        let sink = OutputSink(capacity: 16) { _ in
            calls += 1
            throw Full()
        }
        sink.write(String(repeating: "x", count: 40))
        sink.write(String(repeating: "y", count: 40))
        #expect(throws: Full.self) { try sink.finish() }
        #expect(calls == 1)
    }

    @Test func parallelBatchesGiveTheSameBytesAsOneByOne() {
        let count = 10_000
        let item: @Sendable (Int, OutputSink) -> Void = { index, sink in
            sink.write("item \(index): \(String(repeating: "•", count: index % 7))\n")
        }
        let sequential = OutputSink.collectingBytes { sink in for index in 0..<count { item(index, sink) } }
        for batchSize in [1, 7, 1024, count, count * 2] {
            let parallel = OutputSink.collectingBytes { $0.writeInOrder(count: count, batchSize: batchSize, item) }
            #expect(parallel == sequential, "batch size \(batchSize)")
        }
        #expect(OutputSink.collectingBytes { $0.writeInOrder(count: 0, item) }.isEmpty)
    }
}
