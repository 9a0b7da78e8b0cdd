import Foundation

/// Writing to standard output and standard error with plain `write(2)`, so a closed pipe is an error
/// we report (exit code 5) rather than a crash.
public enum StandardStreams {
    /// Writes all of `bytes` to file descriptor `descriptor`.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(destination: descriptor == 1 ? "<stdout>" : "<stderr>", message: String(cString: strerror(errno)))
            }
            written += result
        }
    }
}

import PeerGraphKit
