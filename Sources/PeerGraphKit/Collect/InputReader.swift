import Foundation

/// Reads input sources into peering connections, in the order given (directories in name order).
///
/// A file named on the command line must be peering data. A folder is a snapshot, and one foreign file
/// must not sink it: in a folder, JSON that is not a `ListVpcPeerConnections` response (a manifest, a
/// saved API error body) and anything that is not a regular file (a FIFO, a socket, a device) is skipped
/// with a warning, or refused with `strict`. Files may be gzip-compressed and UTF-16 with a byte order
/// mark; standard input is read like a file.
package struct InputReader: Sendable {
    /// Files larger than this are refused before reading (and gzip data may not expand past it): real
    /// exports are far smaller, and reading an arbitrary file whole would let a wrong argument exhaust memory.
    package var maximumFileSize: Int
    /// Foreign and special files in folders are errors instead of warnings.
    package var strict: Bool
    /// The descriptor read for `InputSource.standardInput`.
    package var standardInput: Int32

    /// A reader; `standardInput` is the descriptor read for the input `-`.
    package init(maximumFileSize: Int = 2 << 30, strict: Bool = false, standardInput: Int32 = 0) {
        self.maximumFileSize = maximumFileSize
        self.strict = strict
        self.standardInput = standardInput
    }

    /// What the sources held, and what was skipped or looked suspicious.
    package struct Collected: Sendable {
        package var connections: [PeeringConnection]
        package var warnings: [InputWarning]
        /// The manifests of saved snapshots: which accounts their runs listed.
        package var manifests: [SnapshotManifest] = []
    }

    /// All connections of all sources, in input order, not yet deduplicated.
    package func read(_ sources: [InputSource]) throws(InputError) -> [PeeringConnection] {
        try collect(sources).connections
    }

    /// All connections of all sources, in input order, not yet deduplicated, with the warnings. Files
    /// are read and decoded in parallel on every core; the first error in input order is the one reported.
    package func collect(_ sources: [InputSource]) throws(InputError) -> Collected {
        enum Job: Sendable {
            case file(String, inFolder: Bool)
            case standardInput
            case skipped(InputWarning)
        }
        var jobs: [Job] = []
        for source in sources {
            switch source {
            case .file(let path): jobs.append(.file(path, inFolder: false))
            case .directory(let path):
                for entry in try folderEntries(in: path) {
                    if let problem = entry.problem {
                        let warning = InputWarning(source: entry.path, message: "skipped: \(problem)")
                        if strict { throw InputError(source: entry.path, message: "\(problem) (--strict)") }
                        jobs.append(.skipped(warning))
                    } else {
                        jobs.append(.file(entry.path, inFolder: true))
                    }
                }
            case .standardInput: jobs.append(.standardInput)
            }
        }
        let results = ResultSlots(count: jobs.count)
        // The workers' string tables are freed on another thread once all files are read (see
        // `BackgroundRelease`), alongside the deduplication that follows.
        let tables = BackgroundRelease()
        let work = jobs
        // One worker per core takes the next file until none is left; each keeps its own string table,
        // so that ids repeated across files are stored once per worker, not once per connection.
        let workers = min(work.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let strings = StringTable()
            while let index = results.claimNext() {
                let result: Result<FileResult, InputError>
                do throws(InputError) {
                    switch work[index] {
                    case .file(let path, let inFolder):
                        result = .success(
                            try decodeFile(readFile(path), source: path, inFolder: inFolder, strings: strings))
                    case .standardInput:
                        let name = InputSource.standardInput.displayName
                        if standardInput == 0 && StandardDescriptors.standardInputWasClosed {
                            throw InputError(source: name, message: "standard input is closed")
                        }
                        let bytes = try readDescriptor(standardInput, name: name)
                        result = .success(try decodeFile(bytes, source: name, inFolder: false, strings: strings))
                    case .skipped(let warning):
                        result = .success(FileResult(connections: [], warnings: [warning], manifest: nil))
                    }
                } catch {
                    result = .failure(error)
                }
                results.store(result, at: index)
            }
            tables.add(strings)
        }
        tables.releaseAll()
        var connections: [PeeringConnection] = []
        var warnings: [InputWarning] = []
        var manifests: [SnapshotManifest] = []
        connections.reserveCapacity(results.totalSuccessCount)
        for index in 0..<work.count {
            // Take each file's connections out of its slot, so they are freed as soon as they are copied.
            switch results.take(at: index) {
            case .success(let some):
                connections += some.connections
                warnings += some.warnings
                if let manifest = some.manifest { manifests.append(manifest) }
            case .failure(let error): throw error
            case nil: continue
            }
        }
        return Collected(connections: connections, warnings: warnings, manifests: manifests)
    }

    /// One file's connections and warnings, or the manifest it is.
    struct FileResult: Sendable {
        var connections: [PeeringConnection]
        var warnings: [InputWarning]
        var manifest: SnapshotManifest?
    }

    /// Decodes one document, turning a JSON error into an `InputError` with line, column and path.
    package func decode(_ bytes: [UInt8], source: String) throws(InputError) -> [PeeringConnection] {
        try decodeFile(bytes, source: source, inFolder: false, strings: StringTable()).connections
    }

    /// Decompresses and transcodes `raw` as needed, decodes it, and checks its account ids. In a folder,
    /// a document that is valid JSON but not peering data is skipped with a warning (unless `strict`).
    private func decodeFile(
        _ raw: [UInt8], source: String, inFolder: Bool, strings: StringTable
    ) throws(InputError) -> FileResult {
        let bytes = try DocumentEncoding.utf8JSON(raw, source: source, limit: maximumFileSize)
        do {
            if let manifest = try SnapshotManifest.read(bytes) {
                return FileResult(connections: [], warnings: [], manifest: manifest)
            }
            let connections = try PeeringDocumentDecoder().decode(bytes, strings: strings)
            return FileResult(
                connections: connections,
                warnings: AccountIDCheck.roundedIDWarning(connections, source: source).map { [$0] } ?? [],
                manifest: nil)
        } catch {
            if inFolder && !strict, let foreign = error.foreign {
                return FileResult(
                    connections: [], warnings: [InputWarning(source: source, message: Self.describe(foreign))],
                    manifest: nil)
            }
            throw InputError(source: source, bytes: bytes, syntaxError: error)
        }
    }

    /// The warning for a skipped foreign document.
    static func describe(_ foreign: JSONSyntaxError.ForeignDocument) -> String {
        switch foreign {
        case .notPeeringData:
            return "skipped: not a ListVpcPeerConnections response (no \"VpcPeerConnects\", no connection fields)"
        case .apiError(let code, let message, let requestID):
            var text = "skipped: a saved API error response: \(code)"
            if let message, !message.isEmpty { text += ": \(message.prefix(300))" }
            if let requestID, !requestID.isEmpty { text += " (request id \(requestID.prefix(100)))" }
            return text
        }
    }

    /// A file of a folder, and why it cannot be read (nil: it can).
    struct FolderEntry {
        var path: String
        var problem: String?
    }

    /// The `*.json`, `*.jsonl` and `*.json.gz` files directly in `directory`, sorted by name (byte order).
    package func jsonFiles(in directory: String) throws(InputError) -> [String] {
        try folderEntries(in: directory).map(\.path)
    }

    /// The data files of `directory` in name order, each with what is wrong with it, if anything: a name
    /// that is not a regular file (a FIFO would block the run, a device would never end) is looked at
    /// with stat, never opened.
    func folderEntries(in directory: String) throws(InputError) -> [FolderEntry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(source: directory, message: "cannot list directory: \(Self.reason(error))")
        }
        let entries =
            names
            .filter {
                $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".json.gz") || $0.hasSuffix(".jsonl.gz")
            }
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { name -> FolderEntry in
                let path = (directory as NSString).appendingPathComponent(name)
                var status = stat()
                guard stat(path, &status) == 0 else {
                    return FolderEntry(path: path, problem: "cannot read: \(String(cString: strerror(errno)))")
                }
                switch status.st_mode & S_IFMT {
                case S_IFREG: return FolderEntry(path: path, problem: nil)
                case S_IFIFO: return FolderEntry(path: path, problem: "a named pipe, not a regular file")
                case S_IFSOCK: return FolderEntry(path: path, problem: "a socket, not a regular file")
                case S_IFCHR, S_IFBLK: return FolderEntry(path: path, problem: "a device, not a regular file")
                case S_IFDIR: return FolderEntry(path: path, problem: "a folder (folders are not read recursively)")
                default: return FolderEntry(path: path, problem: "not a regular file")
                }
            }
        if entries.isEmpty {
            throw InputError(source: directory, message: "directory has no *.json files")
        }
        return entries
    }

    /// Reads a file whole through one descriptor, so that pipes (`<(command)`) and devices work too.
    private func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(
                source: path,
                message: errno == ENOENT ? "no such file" : "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try readDescriptor(descriptor, name: path)
    }

    /// Reads `descriptor` to its end, within `maximumFileSize`. The first bytes are checked before the
    /// rest is read: data that does not start like JSON (a binary, a log, a wrong argument) fails at
    /// once, without loading it into memory.
    func readDescriptor(_ descriptor: Int32, name path: String) throws(InputError) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InputError(
                source: path, message: errno == EBADF ? "is closed" : "cannot read: \(String(cString: strerror(errno)))"
            )
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw InputError(source: path, message: "is a directory, not a file") }
        let isRegularFile = status.st_mode & S_IFMT == S_IFREG
        let size = isRegularFile ? Int(status.st_size) : 0
        let tooLarge = { (size: Int) in
            InputError(
                source: path, message: "file of \(size) bytes is larger than the \(maximumFileSize) bytes accepted")
        }
        if size > maximumFileSize { throw tooLarge(size) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 1)
        while true {
            let wanted: Int
            if bytes.isEmpty {
                wanted = 4096  // a first look
            } else if isRegularFile && bytes.count <= size {
                // The rest, and one byte more to see the end, within the capacity reserved.
                wanted = size + 1 - bytes.count
            } else {
                wanted = 1 << 16  // a pipe, or a file that grew while being read
            }
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let count = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { Foundation.read(descriptor, $0 + start, wanted) } ?? 0
            }
            if count < 0 && errno == EINTR {
                bytes.removeLast(wanted)
                continue
            }
            guard count >= 0 else {
                throw InputError(
                    source: path,
                    message: errno == EISDIR
                        ? "is a directory, not a file" : "cannot read: \(String(cString: strerror(errno)))")
            }
            bytes.removeLast(wanted - count)
            if count == 0 { return bytes }
            if start == 0 { try DocumentEncoding.sniff(bytes, source: path) }
            if bytes.count > maximumFileSize { throw tooLarge(bytes.count) }
        }
    }

    /// One slot per file, filled from several threads.
    private final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<FileResult, InputError>?]
        private var nextIndex = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// The next slot no worker has taken yet, if any.
        func claimNext() -> Int? {
            lock.withLock {
                guard nextIndex < slots.count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }

        func store(_ result: Result<FileResult, InputError>, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        func take(at index: Int) -> Result<FileResult, InputError>? {
            lock.withLock {
                defer { slots[index] = nil }
                return slots[index]
            }
        }

        var totalSuccessCount: Int {
            lock.withLock {
                slots.reduce(0) { total, slot in
                    if case .success(let some)? = slot { total + some.connections.count } else { total }
                }
            }
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
