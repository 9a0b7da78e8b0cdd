import Foundation

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

    package struct Entry: Sendable, Equatable {
        package var status: String
        /// `#RRGGBB`.
        package var color: String
        package var line: LineStyle
        /// The style under an overlay (`dashed,bold`: dashed, drawn bold); the line style itself otherwise.
        package var baseLine: LineStyle
        /// For VPCs (the change rows): the fill and text colours.
        package var fill: String?
        package var text: String?
        package var meaning: String
    }

    /// The status entries in file order; `*` is the fallback, `FinancialLocked` the business-status overlay.
    package var entries: [Entry]
    /// The `diff-…` rows: how diff graphs draw changes. A theme without them takes the built-in ones.
    package var changes: [ChangeKind: Entry] = [:]
    /// The prefix of the change rows' names.
    package static let changePrefix = "diff-"

    package static let fallbackStatus = "*"
    package static let financialLockedStatus = "FinancialLocked"

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
                throw TemplateError(
                    source: source, line: index + 1, message: "colour \(fields[1].debugDescription) is not #RRGGBB")
            }
            let styles = fields[2].split(separator: ",", omittingEmptySubsequences: false).map {
                LineStyle(rawValue: String($0))
            }
            guard (1...2).contains(styles.count), let style = styles.last ?? nil, let base = styles.first ?? nil else {
                throw TemplateError(
                    source: source, line: index + 1,
                    message: "style \(fields[2].debugDescription) is not one of solid, dashed, dotted, bold")
            }
            var rest = fields.dropFirst(3)
            var colors: [String: String] = [:]
            while let token = rest.first, let equals = token.firstIndex(of: "="),
                ["fill", "text"].contains(String(token[..<equals]))
            {
                let color = String(token[token.index(after: equals)...])
                guard Self.isHexColor(color) else {
                    throw TemplateError(
                        source: source, line: index + 1, message: "colour \(color.debugDescription) is not #RRGGBB")
                }
                colors[String(token[..<equals])] = color.uppercased()
                rest = rest.dropFirst()
            }
            guard
                fields[0].unicodeScalars.allSatisfy({
                    $0.properties.isAlphabetic || $0 == "*" || $0 == "-" || $0 == "_"
                })
            else {
                throw TemplateError(
                    source: source, line: index + 1, message: "status \(fields[0].debugDescription) must be a word")
            }
            let entry = Entry(
                status: fields[0], color: fields[1].uppercased(), line: style, baseLine: base, fill: colors["fill"],
                text: colors["text"], meaning: rest.joined(separator: " "))
            if fields[0].hasPrefix(Self.changePrefix) {
                guard let kind = ChangeKind(rawValue: String(fields[0].dropFirst(Self.changePrefix.count))) else {
                    throw TemplateError(
                        source: source, line: index + 1,
                        message:
                            "\(fields[0].debugDescription) is no change (diff-added, diff-changed, diff-removed, diff-unchanged)"
                    )
                }
                changes[kind] = entry
            } else {
                entries.append(entry)
            }
        }
        guard entries.contains(where: { $0.status == Self.fallbackStatus }) else {
            throw TemplateError(
                source: source, line: nil, message: "theme has no '*' line for statuses it does not list")
        }
        self.entries = entries
    }

    /// The entry drawing `status` (the fallback for unknown or missing statuses).
    package func entry(for status: PeeringStatus?) -> Entry {
        let name = status?.apiValue ?? ""
        // The parser refuses a theme without the fallback row, so the last resort is never reached.
        return entries.first { $0.status == name && name != Self.financialLockedStatus }
            ?? entries.first { $0.status == Self.fallbackStatus } ?? entries[0]
    }

    /// How a diff graph draws `change`: this theme's `diff-…` row, else the built-in one.
    package func entry(for change: ChangeKind) -> Entry {
        if let entry = changes[change] { return entry }
        guard let builtIn = Self.builtIn.changes[change] else {
            fatalError("the built-in theme has no diff-\(change.rawValue) row")
        }
        return builtIn
    }

    /// The overlay for a business status, if the theme has one for it.
    package func overlay(for businessStatus: BusinessStatus?) -> Entry? {
        guard businessStatus == .financialLocked else { return nil }
        return entries.first { $0.status == Self.financialLockedStatus }
    }

    private static func isHexColor(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count == 7 && utf8[0] == UInt8(ascii: "#")
            && utf8.dropFirst().allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0)
            }
    }
}

extension StatusTheme {
    /// The theme from `templates/theme.tsv`, built in.
    public static let builtIn: StatusTheme = {
        // Checked by the test suite, so parsing cannot fail.
        do {
            return try StatusTheme(text: DefaultTemplates.theme, source: "built-in theme.tsv")
        } catch {
            fatalError("the built-in theme does not parse: \(error)")
        }
    }()
}
