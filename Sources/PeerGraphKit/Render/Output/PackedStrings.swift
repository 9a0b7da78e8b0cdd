/// Strings made once and written many times, packed into one byte array.
///
/// Writers that repeat a node's quoted id at every edge end, or an edge look's attributes at every
/// edge, keep them here rather than in a `[String]`: each `String` read from shared storage is retained
/// and released, and on two render threads those reference counts are atomic operations on the same
/// cache lines.
package struct PackedStrings: Sendable {
    private let bytes: [UInt8]
    /// Where string `i` starts in `bytes`; one more entry than strings, the last is `bytes.count`.
    private let starts: [Int]

    package init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        starts.reserveCapacity(strings.count + 1)
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// How many strings there are.
    package var count: Int { starts.count - 1 }

    /// Writes string `index` into `sink`.
    package func write(_ index: Int, to sink: OutputSink) {
        let range = starts[index]..<starts[index + 1]
        bytes.withUnsafeBufferPointer { sink.write(bytes: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// String `index`, for tests.
    package subscript(index: Int) -> String {
        String(decoding: bytes[starts[index]..<starts[index + 1]], as: UTF8.self)
    }
}
