import Foundation

/// Reads input sources into peering connections, in the order given (directories in name order).
public struct InputReader: Sendable {
    /// Files larger than this are refused before reading: real exports are far smaller, and reading an
    /// arbitrary file whole would let a wrong argument exhaust memory.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 2 << 30) {
        self.maximumFileSize = maximumFileSize
    }

    /// All connections of all sources, in input order, not yet deduplicated. Files are read and decoded
    /// in parallel on every core; the first error in input order is the one reported.
    public func read(_ sources: [InputSource]) throws(InputError) -> [PeeringConnection] {
        enum Job: Sendable { case file(String), standardInput }
        var jobs: [Job] = []
        for source in sources {
            switch source {
            case .file(let path): jobs.append(.file(path))
            case .directory(let path): jobs += try jsonFiles(in: path).map { .file($0) }
            case .standardInput: jobs.append(.standardInput)
            }
        }
        let results = ResultSlots(count: jobs.count)
        let work = jobs
        // One worker per core takes the next file until none is left; each keeps its own string table,
        // so that ids repeated across files are stored once per worker, not once per connection.
        let workers = min(work.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let strings = StringTable()
            while let index = results.claimNext() {
                let result: Result<[PeeringConnection], InputError>
                do throws(InputError) {
                    switch work[index] {
                    case .file(let path): result = .success(try decode(readFile(path), source: path, strings: strings))
                    case .standardInput:
                        let data = FileHandle.standardInput.readDataToEndOfFile()
                        result = .success(try decode([UInt8](data), source: InputSource.standardInput.displayName, strings: strings))
                    }
                } catch {
                    result = .failure(error)
                }
                results.store(result, at: index)
            }
        }
        var connections: [PeeringConnection] = []
        connections.reserveCapacity(results.totalSuccessCount)
        for index in 0 ..< work.count {
            // Take each file's connections out of its slot, so they are freed as soon as they are copied.
            switch results.take(at: index) {
            case .success(let some): connections += some
            case .failure(let error): throw error
            case nil: continue
            }
        }
        return connections
    }

    /// Decodes one document, turning a JSON error into an `InputError` with line, column and path.
    public func decode(_ bytes: [UInt8], source: String) throws(InputError) -> [PeeringConnection] {
        try decode(bytes, source: source, strings: StringTable())
    }

    private func decode(_ bytes: [UInt8], source: String, strings: StringTable) throws(InputError) -> [PeeringConnection] {
        do {
            return try PeeringDocumentDecoder().decode(bytes, strings: strings)
        } catch {
            throw InputError(source: source, bytes: bytes, syntaxError: error)
        }
    }

    /// The `*.json` and `*.jsonl` files directly in `directory`, sorted by name (byte order).
    public func jsonFiles(in directory: String) throws(InputError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(source: directory, message: "cannot list directory: \(Self.reason(error))")
        }
        let files = names
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") }
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { (directory as NSString).appendingPathComponent($0) }
        if files.isEmpty {
            throw InputError(source: directory, message: "directory has no *.json files")
        }
        return files
    }

    /// Reads a file whole through one descriptor, so that pipes (`<(command)`) and devices work too.
    /// The first bytes are checked before the rest is read: a file that does not start like JSON (a
    /// binary, a log, a wrong argument) fails at once, without loading it into memory.
    private func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(source: path, message: errno == ENOENT ? "no such file" : "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(source: path, message: "cannot read: \(String(cString: strerror(errno)))") }
        let isRegularFile = status.st_mode & S_IFMT == S_IFREG
        let size = isRegularFile ? Int(status.st_size) : 0
        let tooLarge = { (size: Int) in InputError(source: path, message: "file of \(size) bytes is larger than the \(maximumFileSize) bytes accepted") }
        if size > maximumFileSize { throw tooLarge(size) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 1)
        while true {
            let wanted: Int
            if bytes.isEmpty {
                wanted = 4096  // a first look
            } else if isRegularFile && bytes.count <= size {
                wanted = size + 1 - bytes.count  // the rest, and one byte more to see the end, within the capacity reserved
            } else {
                wanted = 1 << 16  // a pipe, or a file that grew while being read
            }
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let count = bytes.withUnsafeMutableBufferPointer { Foundation.read(descriptor, $0.baseAddress! + start, wanted) }
            if count < 0 && errno == EINTR {
                bytes.removeLast(wanted)
                continue
            }
            guard count >= 0 else { throw InputError(source: path, message: "cannot read: \(String(cString: strerror(errno)))") }
            bytes.removeLast(wanted - count)
            if count == 0 { return bytes }
            if start == 0 { try sniff(bytes, path: path) }
            if bytes.count > maximumFileSize { throw tooLarge(bytes.count) }
        }
    }

    /// One slot per file, filled from several threads.
    private final class ResultSlots: @unchecked Sendable {
        private var slots: [Result<[PeeringConnection], InputError>?]
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

        func store(_ result: Result<[PeeringConnection], InputError>, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        func take(at index: Int) -> Result<[PeeringConnection], InputError>? {
            lock.withLock {
                defer { slots[index] = nil }
                return slots[index]
            }
        }

        var totalSuccessCount: Int {
            lock.withLock { slots.reduce(0) { total, slot in if case .success(let some)? = slot { total + some.count } else { total } } }
        }
    }

    /// Fails unless `head`, the first bytes of a file, starts like JSON (`{` or `[` after white space).
    private func sniff(_ head: [UInt8], path: String) throws(InputError) {
        var scanner = JSONScanner(bytes: head)
        guard let first = scanner.peek() else { return }
        if first != UInt8(ascii: "{") && first != UInt8(ascii: "[") {
            throw InputError(source: path, bytes: head,
                             syntaxError: scanner.unexpected("a page object, an array of pages or connections, or JSON Lines of connections"))
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
