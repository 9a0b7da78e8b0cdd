import Foundation

/// Writing to standard output and standard error with plain `write(2)`, so a closed pipe is an error
/// we report (exit code 5) rather than a crash.
package enum StandardStreams {
    /// Writes all of `bytes` to file descriptor `descriptor`.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try write(buffer, to: descriptor) }
    }

    /// Writes all of `bytes` to file descriptor `descriptor`, retrying interrupted writes.
    package static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) throws(OutputError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(
                    destination: descriptor == 1 ? "<stdout>" : "<stderr>", systemError: errno, doing: "write failed")
            }
            written += result
        }
    }
}
