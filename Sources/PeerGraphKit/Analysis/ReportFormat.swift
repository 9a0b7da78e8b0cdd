/// The formats of the `check` and `diff` reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}
