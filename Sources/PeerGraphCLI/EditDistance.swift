/// Levenshtein distance, for did-you-mean suggestions.
enum EditDistance {
    static func between(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension EditDistance {
    /// The candidate closest to `word` (comparing `key` of each), if it is within `limit` edits.
    static func closest(
        to word: String, among candidates: [String], by key: (String) -> String = { $0 }, within limit: Int
    ) -> String? {
        guard let best = candidates.min(by: { between(word, key($0)) < between(word, key($1)) }),
            between(word, key(best)) <= limit
        else { return nil }
        return best
    }
}
