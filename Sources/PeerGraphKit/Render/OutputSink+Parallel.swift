import Foundation

extension OutputSink {
    /// Writes items `0 ..< count` in order, rendering them on every core: consecutive batches of items
    /// are written into buffers of their own at the same time, then the buffers are appended here in
    /// order. The output is byte for byte what writing the items one after another gives; at most a
    /// few batches per core are held in memory at once.
    ///
    /// `writeItem` is called from several threads at once, so it must only read shared state.
    public func writeInOrder(count: Int, batchSize: Int = 1024, _ writeItem: @Sendable (Int, OutputSink) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count > batchSize else {
            for item in 0 ..< count { writeItem(item, self) }
            return
        }
        let batchCount = (count + batchSize - 1) / batchSize
        let window = cores * 4
        var firstBatch = 0
        while firstBatch < batchCount {
            let batches = firstBatch ..< min(firstBatch + window, batchCount)
            let rendered = RenderedBatches(count: batches.count)
            DispatchQueue.concurrentPerform(iterations: batches.count) { offset in
                let batch = batches.lowerBound + offset
                let items = batch * batchSize ..< min((batch + 1) * batchSize, count)
                rendered.store(OutputSink.collectingBytes { sink in for item in items { writeItem(item, sink) } }, at: offset)
            }
            for bytes in rendered.all { bytes.withUnsafeBufferPointer { write(bytes: $0) } }
            firstBatch = batches.upperBound
        }
    }
}

/// The bytes of each batch of a window, filled from several threads.
private final class RenderedBatches: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ bytes: [UInt8], at index: Int) { lock.withLock { slots[index] = bytes } }

    var all: [[UInt8]] { lock.withLock { slots } }
}
