/// "1 connection", "2 connections": every count peergraph writes in words goes through here.
package enum Plural {
    /// `count` and `noun`, the noun with an `s` (or `plural`) unless the count is one.
    package static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
