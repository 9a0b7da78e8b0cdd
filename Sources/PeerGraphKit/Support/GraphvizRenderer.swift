import Foundation

/// Runs Graphviz on DOT text for `--render`: `dot` for small graphs, `sfdp` with overlap removal for
/// large ones (dot's layout time grows steeply with size), or the engine the user names.
///
/// The child starts with default signal dispositions and an empty signal mask (peergraph ignores
/// SIGPIPE, and a mask or an ignored signal would be inherited: Ctrl-C would leave `dot` running), is
/// stopped when a signal stops peergraph, and gets the environment without any `ALIBABA_CLOUD_*`
/// variable. Its files live in a private (0700) temporary folder that is removed on every exit path.
package struct GraphvizRenderer: Sendable {
    /// Graphs with more edges than this are laid out with sfdp unless an engine is named.
    package static let sfdpThreshold = 300

    package var format: String
    package var engine: String

    package init(format: String, engine: String?, edgeCount: Int) {
        self.format = format
        self.engine = engine ?? (edgeCount > Self.sfdpThreshold ? "sfdp" : "dot")
    }

    /// The picture, plus Graphviz's warnings (to pass on). Graphviz's errors are thrown as they are.
    package func render(_ dot: [UInt8]) throws(OutputError) -> (bytes: [UInt8], warnings: String) {
        guard let executable = Self.findExecutable("dot") else {
            throw OutputError(
                destination: "--render",
                message:
                    "Graphviz is not installed (no 'dot' on PATH): apt-get install graphviz, or brew install graphviz")
        }
        let names = ["graph.dot", "graph.out", "stderr"]
        // A private folder, registered for removal before it exists.
        guard
            let (folder, registration, _) = ProcessCleanup.createRegistered(
                prefix: (NSTemporaryDirectory() as NSString).appendingPathComponent("peergraph-render-"),
                action: { .removeFolder($0, contents: names) }, create: { mkdir($0, 0o700) == 0 ? true : nil })
        else {
            throw OutputError(
                destination: "--render",
                message: "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        defer {
            for name in names { unlink((folder as NSString).appendingPathComponent(name)) }
            rmdir(folder)
            ProcessCleanup.unregister(registration)
        }
        let input = (folder as NSString).appendingPathComponent("graph.dot")
        let output = (folder as NSString).appendingPathComponent("graph.out")
        let errors = (folder as NSString).appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: input, contents: Data(dot), attributes: [.posixPermissions: 0o600])
        else {
            throw OutputError(destination: "--render", message: "cannot write the DOT file for Graphviz")
        }
        var arguments = [executable, "-K\(engine)", "-T\(format)", "-o", output, input]
        if engine == "sfdp" { arguments.insert(contentsOf: ["-Goverlap=prism", "-Goutputorder=edgesfirst"], at: 1) }
        let status = try Self.run(arguments, standardError: errors)
        let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        guard status == 0, let bytes = FileManager.default.contents(atPath: output) else {
            let message = stderr.split(whereSeparator: \.isNewline).joined(separator: " / ")
            throw OutputError(
                destination: "--render",
                message:
                    "Graphviz (\(engine) -T\(format)) failed: \(message.isEmpty ? "exit status \(status)" : message)")
        }
        return ([UInt8](bytes), stderr)
    }

    /// The environment a child gets: ours without the credentials' variables.
    static func childEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        environment.filter { !$0.key.uppercased().hasPrefix("ALIBABA_CLOUD_") }.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// Starts `arguments[0]` with default signal handling, standard input and output on /dev/null and
    /// standard error into `standardError`; waits for it and returns its exit status.
    static func run(_ arguments: [String], standardError: String) throws(OutputError) -> Int32 {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD] { sigaddset(&defaults, number) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        let environment = childEnvironment().map { strdup($0) } + [nil]
        defer {
            for pointer in argv + environment { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environment)
        guard spawned == 0 else {
            throw OutputError(
                destination: "--render", message: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        ProcessCleanup.setChild(pid)
        defer { ProcessCleanup.setChild(0) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        // A signal that stops peergraph stops the child first: let the handler finish and exit 128 + n.
        ProcessCleanup.waitIfStopping()
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
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
