import Foundation

/// One value per index, each set by the thread that computed it (under `concurrentPerform`), and read
/// once all are done: the parallel writers' rendered batches, the graph's described parts.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private var values: [Value]
    private let lock = NSLock()

    init(count: Int, initial: Value) { values = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }

    /// Every value, by index.
    var all: [Value] { lock.withLock { values } }
}
