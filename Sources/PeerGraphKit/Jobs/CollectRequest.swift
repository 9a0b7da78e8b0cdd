import Foundation

/// Where a job's connections come from: saved responses or the live API, plus friendly names.
public struct CollectRequest: Sendable {
    /// Saved responses, or the live API.
    public enum Origin: Sendable {
        /// Files, folders and standard input, in this order.
        case inputs([InputSource])
        /// Every page of every region the request names.
        case live(LiveRequest)
    }

    /// Saved responses, or the live API.
    public var origin: Origin
    /// Foreign and special files in input folders are errors, not warnings.
    public var strict: Bool
    /// A names file (JSON or CSV of id → name) for VPCs and accounts.
    public var namesFile: String?

    /// A request to read `origin`.
    public init(_ origin: Origin, strict: Bool = false, namesFile: String? = nil) {
        self.origin = origin
        self.strict = strict
        self.namesFile = namesFile
    }

    /// Reads the command-line style `arguments`: `-` is standard input, a folder is every `*.json` in it.
    public static func inputs(_ arguments: [String], strict: Bool = false, namesFile: String? = nil) -> CollectRequest {
        CollectRequest(.inputs(arguments.map(InputSource.init(argument:))), strict: strict, namesFile: namesFile)
    }

    /// The files this request reads (inputs, files in input folders, the names file): an output must not be one.
    public var filesRead: [String] {
        var files: [String] = []
        if case .inputs(let sources) = origin {
            for source in sources {
                switch source {
                case .file(let path): files.append(path)
                case .directory(let folder):
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                    files += names.map { (folder as NSString).appendingPathComponent($0) }
                case .standardInput: break
                }
            }
        }
        return files + [namesFile].compactMap { $0 }
    }
}
