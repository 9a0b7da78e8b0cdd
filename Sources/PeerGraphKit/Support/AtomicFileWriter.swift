import Foundation

/// Writes an output file so that it can never destroy what it should not.
///
/// - A regular file or a missing path is replaced atomically: bytes go to a temporary file in the same
///   folder (same file system), which is flushed and renamed over the destination on success and
///   removed on failure, so readers see the old content or the complete new one. The replacement keeps
///   the permissions (and, where allowed, the owner) of the file it replaces; a new file gets the
///   umask's default.
/// - A symbolic link is followed, and its final target is replaced the same way: the link stays a link.
///   A dangling link creates its target.
/// - A character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is opened and written
///   in place, never replaced. `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to that descriptor.
/// - A directory or a block device is an error.
package final class AtomicFileWriter {
    /// The path as the user gave it (for messages).
    package let destination: String
    /// The file that is written: `destination` with symbolic links followed.
    package let target: String
    /// True when the destination is written in place (a device, FIFO or socket).
    package let isInPlace: Bool
    private let temporaryPath: String?
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var registration: ProcessCleanup.Token?
    private var isClosed = false

    /// Opens `destination` for writing as described above.
    package init(destination: String) throws(OutputError) {
        self.destination = destination
        if let inherited = Self.inheritedDescriptor(destination) {
            target = destination
            isInPlace = true
            temporaryPath = nil
            descriptor = inherited
            ownsDescriptor = false
            return
        }
        let resolved = try Self.followLinks(destination)
        target = resolved
        var status = stat()
        if stat(resolved, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputError(destination: destination, message: "is a directory")
            case S_IFBLK:
                throw OutputError(
                    destination: destination, message: "is a block device; peergraph does not write to disks")
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                let opened = open(resolved, O_WRONLY | O_CLOEXEC | O_NOCTTY)
                guard opened >= 0 else {
                    throw OutputError(
                        destination: destination,
                        message: "cannot open for writing: \(String(cString: strerror(errno)))")
                }
                isInPlace = true
                temporaryPath = nil
                descriptor = opened
                ownsDescriptor = true
                return
            default:
                break
            }
        } else if errno != ENOENT {
            throw OutputError(destination: destination, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        let existing: stat? = stat(resolved, &status) == 0 ? status : nil
        let folder = (resolved as NSString).deletingLastPathComponent
        // A short name of its own, so that a long but valid destination name still fits the limit;
        // registered before it exists, so that a signal always finds it.
        let prefix = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".peergraph-")
        guard
            let (path, token, created) = ProcessCleanup.createRegistered(
                prefix: prefix, action: { .removeFile($0) },
                create: { path -> Int32? in
                    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                    return descriptor >= 0 ? descriptor : nil
                })
        else {
            throw OutputError(
                destination: destination,
                message: "cannot create a file in \(folder.isEmpty ? "." : folder): \(String(cString: strerror(errno)))"
            )
        }
        registration = token
        descriptor = created
        ownsDescriptor = true
        temporaryPath = path
        isInPlace = false
        if let existing {
            // Keep what the replaced file had: its permission bits, and its owner where we may set it.
            fchmod(created, existing.st_mode & 0o7777)
            if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                _ = fchown(created, existing.st_uid, existing.st_gid)
            }
        } else {
            // mkstemp creates 0600; give the file the permissions a normal new file would get.
            let mask = umask(0)
            umask(mask)
            fchmod(created, 0o666 & ~mask)
        }
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`: the descriptor itself, so that
    /// output goes where the shell sent it (opening the path again would start at offset 0 of a file).
    private static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), number >= 0, fcntl(number, F_GETFD) >= 0 {
                    return number
                }
            }
            return nil
        }
    }

    /// `path` with every symbolic link in its last component followed (at most 40, like the kernel).
    static func followLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count >= 0 else {
                throw OutputError(
                    destination: path, message: "cannot read the symbolic link: \(String(cString: strerror(errno)))")
            }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                link.hasPrefix("/")
                ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        throw OutputError(destination: path, message: "too many levels of symbolic links")
    }

    /// Appends bytes.
    package func write(_ bytes: [UInt8]) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try write(buffer) }
    }

    /// Appends bytes.
    package func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        try StandardStreams.write(bytes, to: descriptor, destination: destination)
    }

    /// Flushes to disk and renames the temporary file over the target (or closes a file written in place).
    package func commit() throws(OutputError) {
        guard !isClosed else { return }
        isClosed = true
        defer { ProcessCleanup.unregister(registration) }
        guard let temporaryPath else {
            if ownsDescriptor { close(descriptor) }
            return
        }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let failure = errno
            close(descriptor)
            unlink(temporaryPath)
            throw OutputError(destination: destination, systemError: failure, doing: "flush failed")
        }
        close(descriptor)
        if rename(temporaryPath, target) != 0 {
            let failure = errno
            unlink(temporaryPath)
            throw OutputError(destination: destination, systemError: failure, doing: "cannot replace the file")
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    package func discard() {
        guard !isClosed else { return }
        isClosed = true
        if ownsDescriptor { close(descriptor) }
        if let temporaryPath { unlink(temporaryPath) }
        ProcessCleanup.unregister(registration)
    }

    deinit { discard() }

    /// The device and inode of the regular file `path` names (links followed), when it is one: only a
    /// regular file is replaced, so only one can be destroyed by being both input and output.
    package static func identity(of path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

/// A file's device and inode: two paths name the same file when these are equal.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
}
