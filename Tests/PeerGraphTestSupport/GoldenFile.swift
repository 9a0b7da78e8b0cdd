import Foundation
import Testing

/// Compares text with a reviewed golden file and, when they differ, records a unified diff of the lines.
///
/// `PEERGRAPH_UPDATE_GOLDEN=1 swift test` rewrites the file instead and fails the test on purpose, so a
/// recording run is never mistaken for a passing one. The one helper of both test targets.
public enum GoldenFile {
    /// True in a recording run.
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment["PEERGRAPH_UPDATE_GOLDEN"] == "1" }

    /// Records an issue (with the diff) unless `actual` is the content of `url`.
    public static func check(
        _ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isUpdating {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "rewrote \(url.path); review the diff, then run the tests again without PEERGRAPH_UPDATE_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(url.path) (record it with PEERGRAPH_UPDATE_GOLDEN=1)",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        Issue.record(
            "\(url.lastPathComponent) differs (- golden, + actual):\n\(diff(expected, actual))",
            sourceLocation: sourceLocation)
    }

    /// A unified diff (3 lines of context, at most `limit` lines shown) of two texts.
    public static func diff(_ old: String, _ new: String, limit: Int = 60) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        // Trim the common head and tail, then an LCS table over the middle (golden files differ in a few places).
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let x = Array(a[start..<endA]), y = Array(b[start..<endB])
        guard x.count * y.count <= 4_000_000 else {
            return
                "@@ line \(start + 1) @@\n-\(a[safe: start])\n+\(b[safe: start])\n(the changed region is too large to diff)"
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines = ["@@ -\(start + 1) +\(start + 1) @@"]
        lines += a[max(0, start - 3)..<start].map { " \($0)" }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count && j < y.count && x[i] == y[j] {
                lines.append(" \(x[i])")
                i += 1
                j += 1
            } else if j < y.count && (i == x.count || table[i][j + 1] >= table[i + 1][j]) {
                lines.append("+\(y[j])")
                j += 1
            } else {
                lines.append("-\(x[i])")
                i += 1
            }
        }
        lines += a[endA..<min(a.count, endA + 3)].map { " \($0)" }
        if lines.count > limit { lines = Array(lines.prefix(limit)) + ["… \(lines.count - limit) more lines"] }
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Substring {
    fileprivate subscript(safe index: Int) -> Substring { index < count ? self[index] : "<end>" }
}
