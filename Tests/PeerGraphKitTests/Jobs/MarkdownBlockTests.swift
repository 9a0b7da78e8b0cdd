import Testing

@testable import PeerGraphKit

/// `--inject`: the block between the markers is replaced, every other byte stays, mistakes are errors
/// that name the file and the line.
@Suite struct MarkdownBlockTests {
    static func splice(_ file: String, _ name: String? = nil, _ content: String = "new\n") throws -> String {
        String(
            decoding: try MarkdownBlock.splice(
                Array(file.utf8), source: "doc.md", name: name, content: Array(content.utf8)),
            as: UTF8.self)
    }

    static func error(_ file: String, _ name: String? = nil) -> InputError? {
        do {
            _ = try MarkdownBlock.splice(Array(file.utf8), source: "doc.md", name: name, content: [])
            return nil
        } catch {
            return error
        }
    }

    @Test func onlyWhatLiesBetweenTheMarkersChanges() throws {
        let file = "# Doc\n\nbefore\n<!-- peergraph:begin -->\nold\nlines\n<!-- peergraph:end -->\nafter \u{00E9}\n"
        #expect(
            try Self.splice(file)
                == "# Doc\n\nbefore\n<!-- peergraph:begin -->\nnew\n<!-- peergraph:end -->\nafter \u{00E9}\n")
        // An empty block, content without a final line break, no break after the end marker.
        #expect(
            try Self.splice("<!-- peergraph:begin -->\n<!-- peergraph:end -->", nil, "x")
                == "<!-- peergraph:begin -->\nx\n<!-- peergraph:end -->")
        // Indented markers (in a list) are markers too.
        #expect(
            try Self.splice("- a\n  <!-- peergraph:begin -->\n  <!-- peergraph:end -->\n")
                == "- a\n  <!-- peergraph:begin -->\nnew\n  <!-- peergraph:end -->\n")
    }

    @Test func aCRLFFileStaysCRLFAndItsOtherLinesKeepTheirEndings() throws {
        let file = "a\r\n<!-- peergraph:begin -->\r\nold\r\n<!-- peergraph:end -->\r\nlf only\nend"
        #expect(
            try Self.splice(file, nil, "one\ntwo\r\n")
                == "a\r\n<!-- peergraph:begin -->\r\none\r\ntwo\r\n<!-- peergraph:end -->\r\nlf only\nend")
    }

    @Test func namedBlocksAreChosenByName() throws {
        let file =
            "<!-- peergraph:begin name=prod -->\np\n<!-- peergraph:end -->\n<!-- peergraph:begin name=dev -->\nd\n<!-- peergraph:end -->\n"
        #expect(
            try Self.splice(file, "dev")
                == "<!-- peergraph:begin name=prod -->\np\n<!-- peergraph:end -->\n<!-- peergraph:begin name=dev -->\nnew\n<!-- peergraph:end -->\n"
        )
        #expect(Self.error(file)?.message == "has 2 peergraph blocks (prod, dev): choose one with --block NAME")
        #expect(Self.error(file, "qa")?.message == "no block named 'qa' (its blocks: prod, dev)")
    }

    @Test func everyMarkerOutOfPlaceIsAnErrorAtItsLine() {
        let cases: [(String, Int?, String)] = [
            ("text\n", nil, "has no <!-- peergraph:begin --> … <!-- peergraph:end --> block to replace"),
            (
                "a\n<!-- peergraph:begin -->\nb\n", 2,
                "the peergraph block that begins here has no <!-- peergraph:end -->"
            ),
            ("<!-- peergraph:end -->\n", 1, "a peergraph:end marker without a begin"),
            (
                "<!-- peergraph:begin -->\n<!-- peergraph:begin -->\n<!-- peergraph:end -->\n", 2,
                "a peergraph:begin marker inside the block that begins on line 1"
            ),
            (
                "<!-- peergraph:begin name=a -->\n<!-- peergraph:end -->\n<!-- peergraph:begin name=a -->\n<!-- peergraph:end -->\n",
                3, "a second block named 'a'"
            ),
            (
                "<!-- peergraph:begin name=a b -->\n<!-- peergraph:end -->\n", 1,
                "a block name is name=NAME, NAME of letters, digits, '.', '_' and '-'"
            ),
            ("<!-- peergraph:begin\n<!-- peergraph:end -->\n", 1, "the peergraph:begin marker does not end with -->"),
            (
                "<!-- peergraph:stop -->\n", 1,
                "unknown marker (expected <!-- peergraph:begin -->, <!-- peergraph:begin name=NAME --> or <!-- peergraph:end -->)"
            ),
        ]
        for (file, line, message) in cases {
            let error = Self.error(file)
            #expect(error?.source == "doc.md")
            #expect(error?.line == line, "\(file.debugDescription)")
            #expect(error?.message == message, "\(file.debugDescription)")
        }
    }
}

/// `--check`'s diff: one hunk with three lines of context, in the form `patch` reads.
@Suite struct UnifiedDiffTests {
    static func diff(_ old: String, _ new: String) -> [String] {
        UnifiedDiff.lines(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b")
    }

    @Test func equalFilesHaveNoDiff() {
        #expect(Self.diff("x\ny\n", "x\ny\n").isEmpty)
    }

    @Test func oneHunkWithThreeLinesOfContext() {
        let old = (1...10).map { "l\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "l5\n", with: "five\n")
        #expect(
            Self.diff(old, new) == [
                "--- a", "+++ b", "@@ -2,7 +2,7 @@", " l2", " l3", " l4", "-l5", "+five", " l6", " l7", " l8",
            ])
        #expect(Self.diff("", "a\n") == ["--- a", "+++ b", "@@ -0,0 +1,1 @@", "+a"])
        #expect(
            Self.diff("a\n", "a") == ["--- a", "+++ b", "@@ -1,1 +1,1 @@", "-a", "+a", "\\ No newline at end of file"])
    }
}
