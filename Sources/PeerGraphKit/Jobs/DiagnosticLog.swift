import Foundation

/// The diagnostics of one job: passed on to the context as they happen, and kept for the result. Every
/// secret the job has learned is removed here, at the source, so that no caller of the library receives
/// one (an API's error text may echo what it was sent).
final class DiagnosticLog: Sendable {
    private let forward: @Sendable (Diagnostic) -> Void
    private let scrubber: SecretScrubber
    private let lock = NSLock()
    nonisolated(unsafe) private var kept: [Diagnostic] = []

    init(forwardingTo forward: @escaping @Sendable (Diagnostic) -> Void, scrubber: SecretScrubber) {
        self.forward = forward
        self.scrubber = scrubber
    }

    /// Records and passes on one diagnostic, without any known secret.
    func report(_ severity: Diagnostic.Severity, _ message: String) {
        let diagnostic = Diagnostic(severity, scrubber.scrub(message))
        lock.withLock { kept.append(diagnostic) }
        forward(diagnostic)
    }

    /// Everything reported so far.
    var all: [Diagnostic] { lock.withLock { kept } }
}
