import Foundation

/// The wall time and peak memory of each phase of a job, as `timing` diagnostics (for performance work).
struct PhaseTimer: Sendable {
    let enabled: Bool
    let diagnostics: DiagnosticLog

    func time<T>(_ phase: String, _ body: () async throws -> T) async rethrows -> T {
        guard enabled else { return try await body() }
        let start = Date()
        defer {
            diagnostics.report(
                .timing,
                """
                \(phase) \(Int(Date().timeIntervalSince(start) * 1000)) ms, peak memory so far \(Self.peakMemoryMiB) MiB
                """)
        }
        return try await body()
    }

    private static var peakMemoryMiB: Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024  // KiB on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / (1024 * 1024)  // bytes on macOS
        #endif
    }
}
