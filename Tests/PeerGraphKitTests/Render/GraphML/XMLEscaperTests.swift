import Testing

@testable import PeerGraphKit

@Suite struct XMLEscaperTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        (#"<script>alert("x")</script>"#, #"&lt;script&gt;alert("x")&lt;/script&gt;"#),
        ("]]>", "]]&gt;"),
        ("cr\rlf\ntab\t", "cr&#13;lf\ntab\t"),
        ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
        ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
        ("中文 😀 \u{200F}", "中文 😀 \u{200F}"),
    ])
    func escapesText(input: String, expected: String) {
        #expect(XMLEscaper.text(input) == expected)
        // The streaming writer used by GraphMLWriter gives the same bytes.
        #expect(
            String(decoding: OutputSink.collectingBytes { XMLEscaper.writeText(input, to: $0) }, as: UTF8.self)
                == expected)
    }

    @Test(arguments: [
        (#"say "hi""#, "say &quot;hi&quot;"),
        ("a\nb\tc\rd", "a&#10;b&#9;c&#13;d"),
        ("<&>", "&lt;&amp;&gt;"),
    ])
    func escapesAttributes(input: String, expected: String) {
        #expect(XMLEscaper.attribute(input) == expected)
    }

    /// The streaming writer skips clean words eight bytes at a time; it must give what the plain
    /// scalar-by-scalar `text` gives, with the special bytes at every offset of a word.
    @Test func streamingAgreesWithThePlainEscaper() {
        var random = SystemRandomNumberGenerator()
        let specials = [
            "&", "<", ">", "\n", "\t", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "中",
            "😀",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                Int.random(in: 0..<10, using: &random) == 0 ? specials.randomElement(using: &random)! : "a"
            }.joined()
            let streamed = String(
                decoding: OutputSink.collectingBytes { XMLEscaper.writeText(text, to: $0) }, as: UTF8.self)
            #expect(streamed == XMLEscaper.text(text))
        }
    }

    /// The GraphML edge label is written piece by piece; it must be the escaped text of the lines
    /// joined, as it was built before, for names and statuses with everything that needs escaping.
    @Test func edgeLabelPiecesAreTheEscapedJoinedLines() {
        let names: [String?] = [nil, "", "a&b", "<x>\r\ny", "\u{FFFE}\u{0}中", "plain-name", "tab\tname"]
        let statuses: [PeeringStatus?] = [nil, .activated, .expired, .unknown("Odd<&>"), .unknown("")]
        let business: [BusinessStatus?] = [nil, .normal, .financialLocked, .unknown("x&y")]
        let bandwidths: [Int64?] = [nil, -1, 0, 1024]
        for (index, name) in names.enumerated() {
            for status in statuses {
                for biz in business {
                    let connection = PeeringConnection(
                        id: "pcc-\(index)&<", name: name, requester: VPCEndpoint(vpcID: "vpc-a"),
                        accepter: VPCEndpoint(vpcID: "vpc-b"), bandwidthMbps: bandwidths[index % bandwidths.count],
                        status: status, businessStatus: biz)
                    for prefix in ["", "+ ", "<removed> "] {
                        let written = String(
                            decoding: OutputSink.collectingBytes { sink in
                                var writer = XMLEscaper.TextWriter(sink: sink)
                                GraphText.writeEdgeLines(connection, prefix: prefix, to: &writer)
                            }, as: UTF8.self)
                        let lines = GraphText.edgeLines(connection)
                        #expect(lines == plainEdgeLines(connection))
                        #expect(written == XMLEscaper.text(prefix + lines.joined(separator: "\n")))
                    }
                }
            }
        }
    }

    /// The edge lines as they were defined before they were given piece by piece.
    private func plainEdgeLines(_ connection: PeeringConnection) -> [String] {
        let name = connection.name.flatMap { $0.isEmpty ? nil : $0 } ?? connection.id.text
        var details: [String] = []
        if let bandwidth = GraphText.bandwidth(connection.bandwidthMbps) { details.append(bandwidth) }
        if let status = connection.status, status != .activated { details.append(status.apiValue) }
        if connection.businessStatus == .financialLocked { details.append("FinancialLocked") }
        return details.isEmpty ? [name] : [name, details.joined(separator: " · ")]
    }
}
