/// What `--check` shows when a file is stale: a unified diff (`diff -u`, `patch` and `git apply` read
/// it) of the file as it is against the file as peergraph would write it.
///
/// One hunk from the first changed line to the last, with three lines of context: not always the
/// smallest diff, but a correct one, in time linear in the files (a documentation job's files are
/// small, and a hostile file must not make it quadratic).
package enum UnifiedDiff {
    /// The diff's lines (no line breaks), empty when `old` equals `new`.
    package static func lines(old: [UInt8], new: [UInt8], oldName: String, newName: String) -> [String] {
        guard old != new else { return [] }
        let before = split(old), after = split(new)
        var prefix = 0
        while prefix < before.count && prefix < after.count && before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix && suffix < after.count - prefix
            && before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        {
            suffix += 1
        }
        let context = 3
        let start = max(0, prefix - context)
        let oldEnd = min(before.count, before.count - suffix + context)
        let newEnd = min(after.count, after.count - suffix + context)
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        lines.append("@@ -\(range(start, oldEnd - start)) +\(range(start, newEnd - start)) @@")
        // A last line without a line break is marked as diff marks it.
        func add(_ mark: String, _ slice: ArraySlice<Line>) {
            for line in slice {
                lines.append(mark + line.text)
                if !line.ended { lines.append("\\ No newline at end of file") }
            }
        }
        add(" ", before[start..<prefix])
        add("-", before[prefix..<(before.count - suffix)])
        add("+", after[prefix..<(after.count - suffix)])
        add(" ", before[(before.count - suffix)..<oldEnd])
        return lines
    }

    /// A line and whether a line break ended it.
    private struct Line: Equatable {
        var text: String
        var ended: Bool
    }

    private static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? bytes.count
            lines.append(Line(text: String(decoding: bytes[start..<end], as: UTF8.self), ended: newline != nil))
            start = end + 1
        }
        return lines
    }

    /// `start,count` in diff's 1-based numbering (`0,0` for nothing at the start).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }
}
