import Foundation

/// Reads input sources into peering connections, in the order given (directories in name order).
public struct InputReader: Sendable {
    /// Files larger than this are refused before reading: real exports are far smaller, and reading an
    /// arbitrary file whole would let a wrong argument exhaust memory.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 2 << 30) {
        self.maximumFileSize = maximumFileSize
    }

    /// All connections of all sources, not yet deduplicated.
    public func read(_ sources: [InputSource]) throws(InputError) -> [PeeringConnection] {
        var connections: [PeeringConnection] = []
        for source in sources {
            switch source {
            case .file(let path):
                connections += try decode(readFile(path), source: path)
            case .directory(let path):
                for file in try jsonFiles(in: path) {
                    connections += try decode(readFile(file), source: file)
                }
            case .standardInput:
                let data = FileHandle.standardInput.readDataToEndOfFile()
                connections += try decode([UInt8](data), source: source.displayName)
            }
        }
        return connections
    }

    /// Decodes one document, turning a JSON error into an `InputError` with line, column and path.
    public func decode(_ bytes: [UInt8], source: String) throws(InputError) -> [PeeringConnection] {
        do {
            return try PeeringDocumentDecoder().decode(bytes)
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

    private func readFile(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(source: path, message: "no such file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileSize {
            throw InputError(source: path, message: "file of \(size) bytes is larger than the \(maximumFileSize) bytes accepted")
        }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw InputError(source: path, message: "cannot read: \(Self.reason(error))")
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
