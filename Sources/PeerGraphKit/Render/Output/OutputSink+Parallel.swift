import Foundation

extension OutputSink {
    /// Writes items `0 ..< count` in order, rendering them on every core: consecutive batches of items
    /// are written into buffers of their own at the same time, and appended here in order while the
    /// next batches are being rendered. The output is byte for byte what writing the items one after
    /// another gives; at most two windows of a few batches per core are held in memory at once.
    ///
    /// `writeItem` is called from several threads at once, so it must only read shared state.
    package func writeInOrder(
        count: Int, batchSize: Int = 512, _ writeItem: @escaping @Sendable (Int, OutputSink) -> Void
    ) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count > batchSize else {
            for item in 0..<count { writeItem(item, self) }
            return
        }
        let batchCount = (count + batchSize - 1) / batchSize
        let window = cores * 2
        let windows = stride(from: 0, to: batchCount, by: window).map { $0..<min($0 + window, batchCount) }
        var pending = RenderedWindow(batches: windows[0], batchSize: batchSize, itemCount: count, writeItem: writeItem)
        for next in windows.dropFirst() {
            let following = RenderedWindow(batches: next, batchSize: batchSize, itemCount: count, writeItem: writeItem)
            pending.writeWhenDone(to: self)
            pending = following
        }
        pending.writeWhenDone(to: self)
    }
}

/// One window of batches, rendered in the background as soon as it is made.
private final class RenderedWindow: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    private let done = DispatchGroup()

    init(batches: Range<Int>, batchSize: Int, itemCount: Int, writeItem: @escaping @Sendable (Int, OutputSink) -> Void)
    {
        slots = Array(repeating: [], count: batches.count)
        done.enter()
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: batches.count) { offset in
                let batch = batches.lowerBound + offset
                let items = batch * batchSize..<min((batch + 1) * batchSize, itemCount)
                let bytes = OutputSink.collectingBytes { sink in for item in items { writeItem(item, sink) } }
                lock.withLock { slots[offset] = bytes }
            }
            done.leave()
        }
    }

    /// Waits for every batch of the window, then appends them to `sink` in order.
    func writeWhenDone(to sink: OutputSink) {
        done.wait()
        for bytes in lock.withLock({ slots }) { bytes.withUnsafeBufferPointer { sink.write(bytes: $0) } }
    }
}
