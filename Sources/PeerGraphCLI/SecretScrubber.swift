import Foundation

/// Replaces secrets (access key secret, security token) in anything shown to the user. Every message
/// peergraph prints goes through one of these; the secrets are added as soon as credentials are known.
final class SecretScrubber: @unchecked Sendable {
    private var secrets: [String] = []
    private let lock = NSLock()

    func add(_ newSecrets: [String]) {
        lock.withLock { secrets += newSecrets.filter { !$0.isEmpty } }
    }

    func scrub(_ text: String) -> String {
        lock.withLock {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[redacted]") }
        }
    }
}
