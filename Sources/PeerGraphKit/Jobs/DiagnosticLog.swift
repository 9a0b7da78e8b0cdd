import Foundation

/// The diagnostics of one job: passed on to the context as they happen, and kept for the result.
final class DiagnosticLog: Sendable {
    private let forward: @Sendable (Diagnostic) -> Void
    private let lock = NSLock()
    nonisolated(unsafe) private var kept: [Diagnostic] = []

    init(forwardingTo forward: @escaping @Sendable (Diagnostic) -> Void) { self.forward = forward }

    /// Records and passes on one diagnostic.
    func report(_ severity: Diagnostic.Severity, _ message: String) {
        let diagnostic = Diagnostic(severity, message)
        lock.withLock { kept.append(diagnostic) }
        forward(diagnostic)
    }

    /// Everything reported so far.
    var all: [Diagnostic] { lock.withLock { kept } }
}
