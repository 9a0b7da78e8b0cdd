import Foundation

/// Writing to standard output and standard error with plain `write(2)`, so a closed pipe is an error
/// we report (exit code 5) rather than a crash.
package enum StandardStreams {
    /// Writes all of `bytes` to file descriptor `descriptor`.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try write(buffer, to: descriptor) }
    }

    /// Writes all of `bytes` to file descriptor `descriptor`, retrying interrupted writes; an error names
    /// what it was `doing` and `destination` (by default `<stdout>`, `<stderr>` or `<fd N>`).
    package static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, destination: String? = nil,
        doing: String = "write failed"
    ) throws(OutputError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let name =
                    destination ?? (descriptor == 1 ? "<stdout>" : descriptor == 2 ? "<stderr>" : "<fd \(descriptor)>")
                throw OutputError(destination: name, systemError: errno, doing: doing)
            }
            written += result
        }
    }
}
