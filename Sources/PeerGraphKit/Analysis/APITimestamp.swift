import Foundation

/// The API's timestamps (`2025-01-15T08:30:00Z`, also with fractional seconds or an offset) and the
/// dates users type (`2025-01-15`).
package enum APITimestamp {
    /// Parses a timestamp or a plain date (midnight UTC); nil when it is neither.
    package static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: trimmed) { return date }
        }
        // The API sometimes omits the seconds: 2025-01-15T08:30Z.
        if trimmed.count == 17, trimmed.hasSuffix("Z") {
            return parse(String(trimmed.dropLast()) + ":00Z")
        }
        return nil
    }

    /// `2025-01-15T08:30:00Z`.
    package static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// "3 days", "5 hours", "12 minutes".
    package static func describe(duration seconds: Double) -> String {
        let value = abs(seconds)
        func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        if value >= 2 * 86_400 { return plural(Int(value / 86_400), "day") }
        if value >= 2 * 3600 { return plural(Int(value / 3600), "hour") }
        return plural(max(Int(value / 60), 0), "minute")
    }
}
