import Foundation

/// What a signal must undo before the process ends: temporary files and folders to remove, a snapshot
/// folder to put back, a child process to stop.
///
/// The signal handler is a plain C function that runs on whichever thread the kernel picks and calls only
/// async-signal-safe functions (`unlink`, `rmdir`, `rename`, `access`, `kill`, `_exit`). It therefore
/// needs no helper thread: under a small address-space limit (`ulimit -v`) a thread may never be
/// created, and a handler that waits for one (libdispatch's signal sources) leaves the process deaf to
/// SIGTERM. Entries are C strings allocated before they are published in a fixed table; a slot is
/// cleared before its strings are retired, and retired strings are never freed while the process runs
/// (a handler that read the slot a moment earlier may still be using them; a run retires a handful).
package enum ProcessCleanup {
    /// Slots in the table; a run uses a few at a time.
    static let capacity = 64

    /// One thing to undo.
    enum Action {
        /// Remove a file.
        case removeFile(String)
        /// Remove the named files inside a folder, then the folder.
        case removeFolder(String, contents: [String])
        /// Put `backup` back at `original` if `original` is missing (a snapshot swap was interrupted).
        case restore(backup: String, original: String)
    }

    /// One published entry: C strings only, read by the handler.
    private struct Entry {
        var kind: Int32  // 1 file, 2 folder, 3 restore
        var first: UnsafeMutablePointer<CChar>
        /// Folder: NUL-separated names ending in an empty name. Restore: the original path.
        var second: UnsafeMutablePointer<CChar>?
    }

    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    /// The child process to stop (0: none).
    nonisolated(unsafe) private static let child: UnsafeMutablePointer<pid_t> = {
        let pointer = UnsafeMutablePointer<pid_t>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
    /// The signal that is ending the process (0: none yet), set first thing by the handler.
    nonisolated(unsafe) private static let stoppingSignal: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
    /// A buffer the handler builds `folder/name` paths in.
    nonisolated(unsafe) private static let scratch: UnsafeMutablePointer<CChar> = .allocate(
        capacity: Int(PATH_MAX) * 2 + 2)
    private static let lock = NSLock()

    /// A registration, to be ended with `unregister` once the thing no longer needs undoing.
    package struct Token: Sendable {
        let slot: Int
    }

    /// Publishes `action`; nil when the table is full (then the action is simply not undone on a signal).
    static func register(_ action: Action) -> Token? {
        _ = slots  // allocate the table before any handler can run
        let entry = UnsafeMutablePointer<Entry>.allocate(capacity: 1)
        switch action {
        case .removeFile(let path):
            entry.initialize(to: Entry(kind: 1, first: strdup(path), second: nil))
        case .removeFolder(let path, let contents):
            // Our own file names (no NUL in them), each ended by a NUL, then an empty name.
            let bytes = (contents.flatMap { Array($0.utf8) + [0] } + [0]).map { CChar(bitPattern: $0) }
            let block = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            block.initialize(from: bytes, count: bytes.count)
            entry.initialize(to: Entry(kind: 2, first: strdup(path), second: block))
        case .restore(let backup, let original):
            entry.initialize(to: Entry(kind: 3, first: strdup(backup), second: strdup(original)))
        }
        return lock.withLock {
            for slot in 0..<capacity where slots[slot] == nil {
                slots[slot] = entry
                return Token(slot: slot)
            }
            return nil
        }
    }

    /// Creates a new file or folder `prefix` + random characters, registered for removal *before* it
    /// exists, so that a signal can never find it created but not registered. `create` makes the path
    /// (`open` with `O_EXCL`, `mkdir`) and returns a value, or nil with errno set (EEXIST: another name
    /// is tried). Returns the path, the registration and what `create` returned.
    static func createRegistered<T>(
        prefix: String, action: (String) -> Action, create: (String) -> T?
    ) -> (path: String, token: Token?, value: T)? {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let path = prefix + String((0..<12).map { _ in letters.randomElement(using: &generator) ?? "x" })
            let token = register(action(path))
            if let value = create(path) { return (path, token, value) }
            let failure = errno
            unregister(token)
            errno = failure
            guard failure == EEXIST else { return nil }
        }
        return nil
    }

    /// Ends a registration: the thing is done or undone by the normal path.
    static func unregister(_ token: Token?) {
        guard let token else { return }
        lock.withLock { slots[token.slot] = nil }
        // The entry and its strings stay allocated: a handler may be reading them right now.
    }

    /// Names the child process a signal must stop (0 for none).
    static func setChild(_ pid: pid_t) {
        child.pointee = pid
    }

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (undo, then exit 128 + n) and ignores SIGPIPE
    /// (a closed pipe becomes a write error that peergraph handles).
    package static func installSignalHandlers() {
        _ = slots
        _ = child
        _ = scratch
        _ = stoppingSignal
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, peergraphSignalHandler)
        }
    }

    /// Called by a thread that saw its child end: if a signal is ending the process (the handler stopped
    /// the child), waits for the handler's exit instead of going on to report the child's failure.
    static func waitIfStopping() {
        guard stoppingSignal.pointee != 0 else { return }
        while true { pause() }
    }

    /// Undoes every registered action; for the signal handler (async-signal-safe).
    static func undoAll(signal number: Int32) {
        stoppingSignal.pointee = number
        let pid = child.pointee
        if pid > 0 { kill(pid, SIGTERM) }
        for slot in 0..<capacity {
            guard let entry = slots[slot] else { continue }
            switch entry.pointee.kind {
            case 1:
                unlink(entry.pointee.first)
            case 2:
                if var name = entry.pointee.second {
                    while name.pointee != 0 {
                        if joinPath(entry.pointee.first, name) { unlink(scratch) }
                        while name.pointee != 0 { name += 1 }
                        name += 1
                    }
                }
                rmdir(entry.pointee.first)
            case 3:
                if let original = entry.pointee.second, access(original, F_OK) != 0 {
                    rename(entry.pointee.first, original)
                }
            default:
                break
            }
        }
    }

    /// Writes `folder/name` into `scratch` with no allocation; false when it does not fit.
    private static func joinPath(_ folder: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>) -> Bool {
        let limit = Int(PATH_MAX) * 2
        var length = 0
        var source = folder
        while source.pointee != 0 {
            guard length < limit else { return false }
            scratch[length] = source.pointee
            length += 1
            source += 1
        }
        scratch[length] = CChar(UInt8(ascii: "/"))
        length += 1
        source = name
        while source.pointee != 0 {
            guard length < limit else { return false }
            scratch[length] = source.pointee
            length += 1
            source += 1
        }
        scratch[length] = 0
        return true
    }
}

/// The handler of SIGINT, SIGTERM and SIGHUP: undo, then exit as shells expect (128 + n).
private func peergraphSignalHandler(_ number: Int32) {
    ProcessCleanup.undoAll(signal: number)
    _exit(128 + number)
}
