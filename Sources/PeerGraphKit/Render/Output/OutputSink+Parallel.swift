import Foundation

extension OutputSink {
    /// Writes items `0 ..< count` in order, rendering them on every core: consecutive batches of items
    /// are written into buffers of their own at the same time, and appended here in order while the
    /// next batches are being rendered. The output is byte for byte what writing the items one after
    /// another gives; at most two windows of a few batches per core are held in memory at once.
    ///
    /// The calling thread renders each window itself, with the pool's workers (`concurrentPerform`), and
    /// a background task appends the window before while it does. (Rendering in a background task
    /// instead, with the calling thread waiting to append, left a 2-core machine rendering on one
    /// thread: Linux's dispatch pool added the second worker late or never. On L, under the profiler,
    /// all of DOT's VPC lists, 0.15 s, and the first 0.12 s of its edge list were rendered on one core.)
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
        let appender = WindowAppender(sink: self)
        for first in stride(from: 0, to: batchCount, by: window) {
            let batches = first..<min(first + window, batchCount)
            let slots = ConcurrentSlots<[UInt8]>(count: batches.count, initial: [])
            DispatchQueue.concurrentPerform(iterations: batches.count) { offset in
                let batch = batches.lowerBound + offset
                let items = batch * batchSize..<min((batch + 1) * batchSize, count)
                slots.set(offset, OutputSink.collectingBytes { sink in for item in items { writeItem(item, sink) } })
            }
            appender.append(slots.all)
        }
        appender.finish()
    }
}

/// Appends rendered windows to a sink in the background, one at a time and in order: `append` waits
/// until the window before is in the sink, so at most one window waits while the next is rendered.
/// Between `append` and `finish` only the background task touches the sink.
private final class WindowAppender: @unchecked Sendable {
    private let sink: OutputSink
    private let appending = DispatchGroup()

    init(sink: OutputSink) { self.sink = sink }

    func append(_ window: [[UInt8]]) {
        appending.wait()
        appending.enter()
        DispatchQueue.global().async { [self] in
            for bytes in window { bytes.withUnsafeBufferPointer { sink.write(bytes: $0) } }
            appending.leave()
        }
    }

    /// Waits for the last window.
    func finish() { appending.wait() }
}
