import PeerGraphKit

/// The options of `check`: when it fails and how it measures time.
enum CheckOptions {
    static let failOn = OptionDeclaration(
        "fail-on", .choice("SEVERITY", ["error", "warning", "info", "never"]), section: .check, commands: [.check],
        help: "Exit 1 when a finding at or above SEVERITY exists: error (default), warning, info or never.")
    static let asOf = OptionDeclaration(
        "as-of", .text("DATE"), section: .check, commands: [.check, .draw],
        help: "Measure ages and expiry from DATE (default: now), e.g. 2025-09-01."
    ).with(\.helpByCommand, [.draw: "With --with-check: measure ages and expiry from DATE (default: now)."])
        .with(\.needs, .checkFindings)
    static let expiryDays = OptionDeclaration(
        "expiry-days", .text("N"), section: .check, commands: [.check, .draw],
        help: "Report connections expiring within N days (default 30)."
    ).with(\.helpByCommand, [.draw: "With --with-check: report connections expiring within N days (default 30)."])
        .with(\.needs, .checkFindings)

    static let all = [failOn, asOf, expiryDays]

    /// Fills the check's own fields of `request`.
    static func apply(_ parsed: ParsedArguments, to request: inout CheckRequest) throws(UsageError) {
        if let word = parsed.value(failOn)?.lowercased() {
            if word == "never" {
                request.failOn = nil
            } else {
                guard let value = CheckRequest.Severity(name: word) else {
                    throw UsageError("--fail-on takes error, warning, info or never (got '\(word)')")
                }
                request.failOn = value
            }
        }
        if let text = parsed.value(asOf) {
            guard let date = CheckRequest.date(parsing: text) else {
                throw UsageError("--as-of takes a date like 2025-09-01 or 2025-09-01T12:00:00Z (got '\(text)')")
            }
            request.asOf = date
        }
        request.expiryDays = try LiveOptions.number(parsed, expiryDays, in: 0...3650) ?? request.expiryDays
    }
}
