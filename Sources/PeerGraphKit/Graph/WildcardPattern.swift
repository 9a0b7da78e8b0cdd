/// A name pattern where `*` matches any run of characters; without `*` it is an exact match.
struct WildcardPattern {
    private let parts: [Substring]
    private let isExact: Bool
    private let pattern: String

    init(pattern: String) {
        self.pattern = pattern
        parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        isExact = parts.count == 1
    }

    func matches(_ text: String) -> Bool {
        if isExact { return text == pattern }
        guard let first = parts.first, let last = parts.last, text.hasPrefix(first) else { return false }
        var rest = text.dropFirst(first.count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.range(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
