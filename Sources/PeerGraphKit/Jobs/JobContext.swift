import Foundation

/// The world a job runs in: where standard input and output are, where diagnostics go, the environment.
///
/// The command line passes the process's streams; tests and library users pass their own, so a whole
/// run needs no process and no terminal.
public struct JobContext: Sendable {
    /// Read for the input `-`.
    public var standardInput: FileHandle
    /// Receives the output when no file is named, in chunks.
    public var writeOutput: @Sendable ([UInt8]) throws -> Void
    /// Receives each diagnostic as it happens.
    public var report: @Sendable (Diagnostic) -> Void
    /// The environment: credentials, the default region, `PEERGRAPH_REDACT_SALT`.
    public var environment: [String: String]
    /// Removes every secret the job learns from the text it is given; shared with the caller's messages.
    public let scrubber: SecretScrubber
    /// Report the time and peak memory of each phase (`Diagnostic.Severity.timing`).
    public var reportsTimings: Bool
    /// Keep the big values of a finished job alive until the process exits instead of freeing them one by
    /// one (about half a second for 200,000 connections); only for a process that exits right after.
    public var keepsValuesUntilExit: Bool

    /// A writer of whole chunks to file descriptor `descriptor` with plain `write(2)`: a closed pipe is an
    /// error the caller sees (`PeerGraphError.isClosedOutput`), not a crash.
    public static func descriptorWriter(_ descriptor: Int32) -> @Sendable ([UInt8]) throws -> Void {
        { bytes in try StandardStreams.write(bytes, to: descriptor) }
    }

    /// `text` fit for a terminal: every secret the job learned removed, control and format characters
    /// (escape sequences, bidi overrides) neutralised. Diagnostics quote untrusted data; print them through this.
    public func printable(_ text: String) -> String {
        TextEscaping.terminal(scrubber.scrub(text))
    }

    /// A context; by default it reads nothing, writes output and diagnostics nowhere, and has an empty
    /// environment.
    public init(
        standardInput: FileHandle = FileHandle(fileDescriptor: 0, closeOnDealloc: false),
        writeOutput: @escaping @Sendable ([UInt8]) throws -> Void = { _ in },
        report: @escaping @Sendable (Diagnostic) -> Void = { _ in },
        environment: [String: String] = [:],
        scrubber: SecretScrubber = SecretScrubber(),
        reportsTimings: Bool = false,
        keepsValuesUntilExit: Bool = false
    ) {
        self.standardInput = standardInput
        self.writeOutput = writeOutput
        self.report = report
        self.environment = environment
        self.scrubber = scrubber
        self.reportsTimings = reportsTimings
        self.keepsValuesUntilExit = keepsValuesUntilExit
    }
}
