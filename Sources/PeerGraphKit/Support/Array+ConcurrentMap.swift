import Foundation

extension Array where Element: Sendable {
    /// `(0 ..< count).map(transform)`, computed in chunks on every core.
    ///
    /// For the passes that read one value out of each of hundreds of thousands of connections: the
    /// connections' boxes lie scattered over the heap once sorted, and such a pass waits on memory, not
    /// on compute, so two cores waiting at once take half the time. (Gathering the connections
    /// themselves in a new order is such a pass too: each copy retains a box somewhere in memory.) Each
    /// element is initialized exactly once, by the one chunk that owns its index, before this returns;
    /// `transform` must not throw (it cannot) or trap. `ConcurrentMapTests` holds it to `map`, for plain
    /// values and for references, whose counts must come out as `map`'s do.
    init(concurrentlyMapping count: Int, minimumChunk: Int = 16_384, _ transform: @Sendable (Int) -> Element) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = Swift.max(1, Swift.min(cores * 4, count / Swift.max(minimumChunk, 1)))
        guard chunks > 1 else {
            self = (0..<count).map(transform)
            return
        }
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }  // count > 1 here: never taken
            let target = Target(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in count * chunk / chunks..<count * (chunk + 1) / chunks {
                    (target.base + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }

    /// The array's storage, shared by the chunks: each writes only its own indices.
    private struct Target: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
    }
}
