import Foundation

/// Big values a finished job is done with, kept so they are not freed one by one just before the
/// process exits (the operating system reclaims the memory at once; freeing 200,000 connections takes
/// about half a second). Like clang's `-disable-free`. Used only when `JobContext.keepsValuesUntilExit`.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keepUntilExit(_ values: Any...) {
        lock.withLock { kept.append(contentsOf: values) }
    }
}
