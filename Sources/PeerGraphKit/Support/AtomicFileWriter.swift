import Foundation

/// Writes a file so that readers see either the old content or the complete new content, never a part.
///
/// Bytes go to a temporary file in the destination's folder (same file system, so the final rename is
/// atomic), which is flushed and renamed over the destination on success, and removed on failure.
public final class AtomicFileWriter {
    public let destination: String
    private let temporaryPath: String
    private let descriptor: Int32
    private var isClosed = false

    /// Temporary files still open, so that a signal handler can remove them.
    nonisolated(unsafe) private static var openTemporaryPaths: [String] = []
    private static let lock = NSLock()

    /// Creates the temporary file next to `destination`.
    public init(destination: String) throws(OutputError) {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(destination: destination, message: "is a directory")
        }
        var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).peergraph-XXXXXX").utf8CString)
        // Create and register under the lock the signal handler takes, so a signal can never find the
        // file created but not yet registered (and leave it behind).
        let (descriptor, path, failure) = Self.lock.withLock { () -> (Int32, String, Int32) in
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return (descriptor, "", errno) }
            let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            Self.openTemporaryPaths.append(path)
            return (descriptor, path, 0)
        }
        guard descriptor >= 0 else {
            throw OutputError(destination: destination, message: "cannot create a file in \(folder): \(String(cString: strerror(failure)))")
        }
        self.descriptor = descriptor
        temporaryPath = path
        // mkstemp creates 0600; give the file the permissions a normal new file would get.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try write(buffer) }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(destination: destination, message: "write failed: \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    /// Flushes to disk and renames the temporary file over the destination.
    public func commit() throws(OutputError) {
        guard !isClosed else { return }
        isClosed = true
        defer { forget() }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporaryPath)
            throw OutputError(destination: destination, message: "flush failed: \(reason)")
        }
        close(descriptor)
        if rename(temporaryPath, destination) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(destination: destination, message: "cannot replace the file: \(reason)")
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    public func discard() {
        guard !isClosed else { return }
        isClosed = true
        close(descriptor)
        unlink(temporaryPath)
        forget()
    }

    deinit { discard() }

    private func forget() {
        Self.lock.withLock { Self.openTemporaryPaths.removeAll { $0 == temporaryPath } }
    }

    /// Removes every temporary file still open; for signal handlers, just before exiting.
    public static func removeAllTemporaryFiles() {
        lock.withLock {
            for path in openTemporaryPaths { unlink(path) }
            openTemporaryPaths.removeAll()
        }
    }
}
