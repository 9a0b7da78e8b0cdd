import Foundation

/// Runs Graphviz on DOT text for `--render`: `dot` for small graphs, `sfdp` with overlap removal for
/// large ones (dot's layout time grows steeply with size), or the engine the user names.
public struct GraphvizRenderer: Sendable {
    /// Graphs with more edges than this are laid out with sfdp unless an engine is named.
    public static let sfdpThreshold = 300

    public var format: String
    public var engine: String

    public init(format: String, engine: String?, edgeCount: Int) {
        self.format = format
        self.engine = engine ?? (edgeCount > Self.sfdpThreshold ? "sfdp" : "dot")
    }

    /// The picture, plus Graphviz's warnings (to pass on). Graphviz's errors are thrown as they are.
    public func render(_ dot: [UInt8]) throws(OutputError) -> (bytes: [UInt8], warnings: String) {
        guard let executable = Self.findExecutable("dot") else {
            throw OutputError(destination: "--render", message: "Graphviz is not installed (no 'dot' on PATH): apt-get install graphviz, or brew install graphviz")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-render-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(destination: "--render", message: "cannot create a temporary folder")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("graph.dot"), output = folder.appendingPathComponent("graph.out")
        let errors = folder.appendingPathComponent("stderr")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["-K\(engine)", "-T\(format)", "-o", output.path, input.path]
        if engine == "sfdp" { arguments.insert(contentsOf: ["-Goverlap=prism", "-Goutputorder=edgesfirst"], at: 0) }
        process.arguments = arguments
        do {
            try Data(dot).write(to: input)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw OutputError(destination: "--render", message: "cannot run \(executable): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, let bytes = try? Data(contentsOf: output) else {
            let message = stderr.split(whereSeparator: \.isNewline).joined(separator: " / ")
            throw OutputError(destination: "--render", message: "Graphviz (\(engine) -T\(format)) failed: \(message.isEmpty ? "exit status \(process.terminationStatus)" : message)")
        }
        return ([UInt8](bytes), stderr)
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin:/opt/homebrew/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
