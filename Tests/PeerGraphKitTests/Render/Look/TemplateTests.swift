import Testing

@testable import PeerGraphKit

@Suite struct TemplateTests {
    private func render(_ text: String, fills: [String: String]) throws -> String {
        let template = try Template(text: text, source: "t", allowed: Set(fills.keys).union(["body"]))
        let bytes = OutputSink.collectingBytes { sink in
            template.render(into: sink) { sink.write(fills[$0] ?? "") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func fillsPlaceholders() throws {
        #expect(try render("a {{title}} b {{ body }} c", fills: ["title": "T", "body": "B"]) == "a T b B c")
    }

    @Test func emptyPlaceholdersOnTheirOwnLineLeaveNoBlankLine() throws {
        let text = "start\n{{title}}\n{{body}}\nend\n"
        #expect(try render(text, fills: ["title": "", "body": "x\n"]) == "start\nx\nend\n")
        #expect(try render(text, fills: ["title": "T", "body": "x"]) == "start\nT\nx\nend\n")
    }

    @Test func rejectsUnknownAndMissingPlaceholders() {
        #expect { try Template(text: "{{body}} {{bogus}}", source: "my.template", allowed: ["body"]) } throws: {
            "\($0)".hasPrefix("my.template:1: unknown placeholder {{bogus}}")
        }
        #expect { try Template(text: "no body here", source: "my.template", allowed: ["body"]) } throws: {
            "\($0)" == "my.template: template has no {{body}} placeholder"
        }
        #expect { try Template(text: "line\n{{body", source: "my.template", allowed: ["body"]) } throws: {
            "\($0)" == "my.template:2: '{{' without a closing '}}'"
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func builtInTemplatesParse(format: OutputFormat) throws {
        _ = try Template(text: format.defaultTemplateText, source: "built-in", allowed: format.placeholders)
    }
}

@Suite struct StatusThemeTests {
    @Test func builtInThemeCoversEveryDocumentedStatus() throws {
        let theme = try StatusTheme(text: DefaultTemplates.theme, source: "theme.tsv")
        for status in PeeringStatus.known {
            #expect(theme.entries.contains { $0.status == status.apiValue }, "\(status.apiValue) has no style")
        }
        #expect(theme.entry(for: .unknown("Migrating")).status == "*")
        #expect(theme.entry(for: nil).status == "*")
        #expect(theme.overlay(for: .financialLocked)?.line == .bold)
        #expect(theme.overlay(for: .normal) == nil)
    }

    @Test(arguments: [
        ("Activated red solid\n* #000000 solid", "theme:1: colour \"red\" is not #RRGGBB"),
        (
            "Activated #00FF00 wavy\n* #000000 solid",
            "theme:1: style \"wavy\" is not one of solid, dashed, dotted, bold"
        ),
        ("Activated #00FF00 solid", "theme: theme has no '*' line for statuses it does not list"),
        ("Act\"ive #00FF00 solid\n* #000000 solid", "theme:1: status \"Act\\\"ive\" must be a word"),
        ("Activated\n* #000000 solid", "theme:1: expected STATUS COLOUR STYLE [MEANING]"),
    ])
    func rejectsBadThemes(text: String, message: String) {
        #expect { try StatusTheme(text: text, source: "theme") } throws: { "\($0)" == message }
    }
}
