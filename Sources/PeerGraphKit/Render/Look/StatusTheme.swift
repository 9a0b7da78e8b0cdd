/// How each connection status is drawn: colour, line style and a word for the legend.
///
/// Loaded from `templates/theme.tsv` (built in) or `--theme FILE`: one line per status,
/// `STATUS  #RRGGBB  solid|dashed|dotted|bold  description`, `*` for statuses not listed, and the
/// business status `FinancialLocked` as an overlay.
public struct StatusTheme: Sendable, Equatable {
    /// A line style every format can express.
    public enum LineStyle: String, Sendable, CaseIterable {
        case solid, dashed, dotted, bold
    }

    public struct Entry: Sendable, Equatable {
        public var status: String
        /// `#RRGGBB`.
        public var color: String
        public var line: LineStyle
        public var meaning: String
    }

    /// Entries in file order; `*` is the fallback, `FinancialLocked` the business-status overlay.
    public var entries: [Entry]

    public static let fallbackStatus = "*"
    public static let financialLockedStatus = "FinancialLocked"

    /// Parses the theme text; `source` names it in errors.
    public init(text: String, source: String) throws(TemplateError) {
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 3 else {
                throw TemplateError(source: source, line: index + 1, message: "expected STATUS COLOUR STYLE [MEANING]")
            }
            guard Self.isHexColor(fields[1]) else {
                throw TemplateError(source: source, line: index + 1, message: "colour \(fields[1].debugDescription) is not #RRGGBB")
            }
            guard let style = LineStyle(rawValue: fields[2]) else {
                throw TemplateError(source: source, line: index + 1,
                                    message: "style \(fields[2].debugDescription) is not one of solid, dashed, dotted, bold")
            }
            guard fields[0].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "*" || $0 == "-" || $0 == "_" }) else {
                throw TemplateError(source: source, line: index + 1, message: "status \(fields[0].debugDescription) must be a word")
            }
            entries.append(Entry(status: fields[0], color: fields[1].uppercased(), line: style,
                                 meaning: fields.dropFirst(3).joined(separator: " ")))
        }
        guard entries.contains(where: { $0.status == Self.fallbackStatus }) else {
            throw TemplateError(source: source, line: nil, message: "theme has no '*' line for statuses it does not list")
        }
        self.entries = entries
    }

    /// The entry drawing `status` (the fallback for unknown or missing statuses).
    public func entry(for status: PeeringStatus?) -> Entry {
        let name = status?.apiValue ?? ""
        return entries.first { $0.status == name && name != Self.financialLockedStatus }
            ?? entries.first { $0.status == Self.fallbackStatus }!
    }

    /// The overlay for a business status, if the theme has one for it.
    public func overlay(for businessStatus: BusinessStatus?) -> Entry? {
        guard businessStatus == .financialLocked else { return nil }
        return entries.first { $0.status == Self.financialLockedStatus }
    }

    private static func isHexColor(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count == 7 && utf8[0] == UInt8(ascii: "#") && utf8.dropFirst().allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0)
        }
    }
}

import Foundation

extension StatusTheme {
    /// The theme from `templates/theme.tsv`, built in.
    public static let builtIn: StatusTheme = {
        // Checked by the test suite, so parsing cannot fail.
        try! StatusTheme(text: DefaultTemplates.theme, source: "built-in theme.tsv")
    }()
}
