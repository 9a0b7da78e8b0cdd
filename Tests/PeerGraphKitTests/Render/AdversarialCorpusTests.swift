import Foundation
import Testing

@testable import PeerGraphKit

/// Hostile strings in every field, rendered in every format. The test writes the input and the outputs
/// to `TestPaths.artifacts/adversarial/`; `.ci/run` then has Graphviz, xmllint/xmlschema/networkx/igraph
/// and mermaid-js read every output and `.ci/check-readback.py` compares what they read with the input.
@Suite struct AdversarialCorpusTests {
    /// Strings that have broken diagram tools: syntax characters and keywords of DOT, XML and Mermaid,
    /// escapes, controls, Unicode edge cases, empty and very long text.
    static let hostileStrings: [String] = [
        #"say "hi""#, #"back\slash"#, #"trailing\"#, #"\N \G \E \T \H \L \n \l"#, "line\nbreak", "tab\tbetween",
        "carriage\r\nreturn", "bell\u{7} escape\u{1B} del\u{7F} c1\u{85}\u{9B}", "nul\u{0}byte",
        "<script>alert(1)</script>", "</script><script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=1\">", "<svg onload=window.__pwned=1>", "]; a -> b [color=red]; //",
        "} digraph x { a", "end", "subgraph", "graph",
        "click v1 call alert()", "%%{init: {\"theme\": \"dark\"}}%%", "#quot; #35; #amp;", "&#65; &amp; &lt;", "&",
        "emoji 😀 family 👩‍👩‍👧 flag 🇯🇵", "RTL \u{202E}evil\u{202C} mark \u{200F}", "",
        String(repeating: "long ", count: 1000),
        "node", "edge", "strict", "style v1 fill:#f00", "classDef x fill:red", "linkStyle 0 stroke:red", "o", "x",
        "\u{FEFF}bom", "nonchar \u{FFFE}\u{FFFF}", "combining \u{301}\u{301}", "`backtick`", "a|b|c", "{{body}}", "-->",
        "A---oB", "<br>", "中文名称 连接", "]]> <!-- -->", "\u{2028}line sep\u{2029}", "\\\"", "' OR 1=1 --",
    ]

    /// VPC ids that are keywords, contain spaces, quotes, backslashes, controls or non-ASCII text.
    static let hostileVPCIDs: [String] = [
        "vpc-normal", "vpc with spaces", "node", "edge", "graph", "subgraph", "strict", "end", "click", "o", "x",
        #"vpc-"quoted""#, #"vpc\"#, "vpc-é", "vpc-😀", "vpc\nnewline", "default", "style", "-->", "vpc;semicolon",
    ]

    static func connections() -> [PeeringConnection] {
        let strings = hostileStrings
        let vpcs = hostileVPCIDs
        return strings.indices.map { index in
            let text = strings[index]
            let next = strings[(index + 1) % strings.count]
            let requester = vpcs[index % vpcs.count]
            let accepter =
                vpcs[(index * 7 + 3) % vpcs.count] == requester
                ? vpcs[(index + 1) % vpcs.count] : vpcs[(index * 7 + 3) % vpcs.count]
            return PeeringConnection(
                id: index % 5 == 0 && !text.isEmpty && text.utf8.count < 200 ? "pcc-\(index)-\(text)" : "pcc-\(index)",
                name: index % 11 == 10 ? nil : text,
                description: next,
                requester: VPCEndpoint(vpcID: VPCID(requester), ipv4CIDRs: ["10.\(index).0.0/16"]),
                accepter: VPCEndpoint(vpcID: VPCID(accepter), ipv6CIDRs: index % 3 == 0 ? ["2408:\(index)::/56"] : []),
                requesterRegion: index % 4 == 0
                    ? text.isEmpty ? "empty-region" : String(text.prefix(60)) : "cn-hangzhou",
                accepterRegion: "cn-shanghai",
                requesterOwner: "253460731706911258", accepterOwner: String(UInt64.max - UInt64(index)),
                bandwidthMbps: index % 2 == 0 ? -1 : Int64(index * 100),
                status: index % 9 == 8
                    ? .unknown(String(text.prefix(30))) : PeeringStatus.known[index % PeeringStatus.known.count],
                businessStatus: index % 6 == 0 ? .financialLocked : .normal,
                createdAt: "2025-01-01T00:00:00Z", modifiedAt: "2025-01-02T00:00:00Z",
                expiresAt: index % 5 == 0 ? text : nil,
                resourceGroupID: text.isEmpty ? nil : "rg-\(text.prefix(50))",
                tags: [
                    PeeringTag(key: "k\(index)-\(text.prefix(40))", value: next), PeeringTag(key: "env", value: text),
                ],
                linkType: "Gold")
        }
    }

    /// The connections as API JSON, written with Foundation's encoder (independent of our reader).
    static func inputJSON(_ connections: [PeeringConnection]) throws -> Data {
        func optional(_ value: String?) -> Any { value ?? NSNull() }
        let objects: [[String: Any]] = connections.map { connection in
            [
                "InstanceId": connection.id.text, "Name": optional(connection.name),
                "Description": optional(connection.description),
                "Vpc": [
                    "VpcId": connection.requester.vpcID.text, "Ipv4Cidrs": connection.requester.ipv4CIDRs,
                    "Ipv6Cidrs": connection.requester.ipv6CIDRs,
                ],
                "AcceptingVpc": [
                    "VpcId": connection.accepter.vpcID.text, "Ipv4Cidrs": connection.accepter.ipv4CIDRs,
                    "Ipv6Cidrs": connection.accepter.ipv6CIDRs,
                ],
                "RegionId": optional(connection.requesterRegion),
                "AcceptingRegionId": optional(connection.accepterRegion),
                // Owner ids as JSON numbers beyond 2^53, written verbatim.
                "OwnerId": NSDecimalNumber(string: connection.requesterOwner!),
                "AcceptingOwnerUid": NSDecimalNumber(string: connection.accepterOwner!),
                "Bandwidth": connection.bandwidthMbps!, "Status": connection.status!.apiValue,
                "BizStatus": connection.businessStatus!.apiValue,
                "GmtCreate": optional(connection.createdAt), "GmtModified": optional(connection.modifiedAt),
                "GmtExpired": optional(connection.expiresAt),
                "ResourceGroupId": optional(connection.resourceGroupID), "LinkType": optional(connection.linkType),
                "Tags": connection.tags.map { ["Key": $0.key, "Value": $0.value] },
            ]
        }
        return try JSONSerialization.data(
            withJSONObject: ["RequestId": "adversarial", "NextToken": "", "VpcPeerConnects": objects],
            options: [.sortedKeys])
    }

    /// Render variants written for the consumers: file name, format, options, grouping.
    static let variants: [(file: String, format: OutputFormat, options: RenderOptions, grouping: GroupingKey)] = [
        (
            "region.dot", .dot,
            RenderOptions(title: hostileStrings.joined(separator: " ").prefix(300).description, legend: true), .region
        ),
        ("owner.dot", .dot, RenderOptions(), .owner),
        ("outside.dot", .dot, RenderOptions(edgeLabels: .outside), .region),
        ("unlabelled.dot", .dot, RenderOptions(edgeLabels: .none), .none),
        ("region.graphml", .graphml, RenderOptions(title: hostileStrings.joined(separator: " ")), .region),
        ("yed.graphml", .graphml, RenderOptions(graphMLFlavor: .yed), .regionAndOwner),
        (
            "region.mmd", .mermaid,
            RenderOptions(title: hostileStrings.joined(separator: " ").prefix(300).description, legend: true), .region
        ),
        ("none.mmd", .mermaid, RenderOptions(), .none),
        ("unlabelled.mmd", .mermaid, RenderOptions(edgeLabels: .none), .region),
        ("region.json", .json, RenderOptions(title: hostileStrings.joined(separator: " ")), .region),
        ("page.md", .markdown, RenderOptions(title: hostileStrings.joined(separator: " ")), .region),
    ]

    @Test func everyStringSurvivesOurReader() throws {
        let original = Self.connections()
        let decoded = try InputReader().decode([UInt8](Self.inputJSON(original)), source: "adversarial")
        #expect(decoded.count == original.count)
        for (read, written) in zip(decoded.sorted { $0.id < $1.id }, original.sorted { $0.id < $1.id }) {
            #expect(read == written)
        }
    }

    @Test func writesTheCorpusForTheConsumers() throws {
        try Self.writeCorpus(Self.connections(), named: "adversarial")
    }

    /// Property-based: random connections from a seeded generator. The suite runs a fixed seed; run longer
    /// with `PEERGRAPH_FUZZ_SEED=n PEERGRAPH_FUZZ_COUNT=m swift test --filter randomCorpus`.
    @Test func randomCorpusSurvivesOurReaderAndIsWrittenForTheConsumers() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["PEERGRAPH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_127
        let count = environment["PEERGRAPH_FUZZ_COUNT"].flatMap(Int.init) ?? 40
        var generator = RandomConnectionGenerator(seed: seed)
        let connections = (0..<count).map { generator.connection(index: $0) }
        let decoded = try InputReader().decode([UInt8](Self.inputJSON(connections)), source: "random")
        #expect(
            decoded.sorted { $0.id < $1.id } == connections.sorted { $0.id < $1.id },
            "seed \(seed)")
        try Self.writeCorpus(connections, named: "random")
    }

    /// Seed 42 with 500 connections made Graphviz 2.43 abort (xlabels.c:219, lblenclosing) on 0.2.0's DOT:
    /// a region of nothing but line breaks as a cluster label. `.ci/run` lays out every DOT variant of it.
    @Test func seed42CorpusIsWrittenForGraphviz() throws {
        var generator = RandomConnectionGenerator(seed: 42)
        try Self.writeCorpus((0..<500).map { generator.connection(index: $0) }, named: "random-42")
    }

    /// Writes the input, every variant's output and a manifest under `TestPaths.artifacts/NAME`.
    static func writeCorpus(_ original: [PeeringConnection], named name: String) throws {
        let folder = TestPaths.artifacts.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = try Self.inputJSON(original)
        try input.write(to: folder.appendingPathComponent("input.json"))
        let connections = ConnectionDeduplicator.deduplicate(
            try InputReader().decode([UInt8](input), source: "input.json"))
        var manifest: [[String: Any]] = []
        for variant in Self.variants {
            let graph = PeerGraph(connections: connections, grouping: variant.grouping)
            let bytes = OutputSink.collectingBytes {
                variant.format.makeWriter(options: variant.options).write(graph, to: $0)
            }
            try Data(bytes).write(to: folder.appendingPathComponent(variant.file))
            // Shuffled input must give the same bytes.
            let shuffled = PeerGraph(connections: connections.shuffled(), grouping: variant.grouping)
            #expect(
                bytes
                    == OutputSink.collectingBytes {
                        variant.format.makeWriter(options: variant.options).write(shuffled, to: $0)
                    })
            // DOT's legend is one table node; Mermaid's one block node in a subgraph of its own (when the
            // graph draws any style), never sample links.
            let drawsLegend =
                variant.options.legend
                && (!LegendEntry.entries(for: graph, theme: variant.options.theme).isEmpty || graph.hasExternalNodes)
            let legendNodes = variant.options.legend && variant.format == .dot ? 1 : (drawsLegend ? 1 : 0)
            let legendGroups = drawsLegend && variant.format == .mermaid ? 1 : 0
            manifest.append([
                "file": variant.file, "format": variant.format.rawValue, "grouping": variant.grouping.rawValue,
                // yEd's groups are nodes too (group nodes holding their members).
                "nodes": graph.nodes.count + legendNodes
                    + (variant.options.graphMLFlavor == .yed ? graph.groups.count : 0),
                "edges": graph.edges.count,
                "groups": graph.groups.count + legendGroups, "legend": variant.options.legend,
                "maximumLabelLength": variant.options.maximumLabelLength,
                "edgeLabels": variant.options.edgeLabels.resolved(edgeCount: graph.edges.count).rawValue,
            ])
        }
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try manifestData.write(to: folder.appendingPathComponent("manifest.json"))
    }
}

/// Deterministic random connections whose strings come from everywhere: all seventeen Unicode planes,
/// controls, lone combining marks, BOM, noncharacters, the syntax of DOT, XML and Mermaid, empty and
/// 10,000-character strings. SplitMix64, so a seed means the same corpus on every machine.
struct RandomConnectionGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    static let fragments = [
        "\"", "\\", "\\N", "\\G", "\n", "\t", "\r", "<", ">", "&", "&amp;", "&#65;", "]]>", "<!--", "<script>", "{",
        "}", "[", "]",
        "(", ")", "|", ";", ":", ":::", "%%", "%%{init: {}}%%", "#", "#quot;", "#35;", "`", "-->", "---", "==>", "-.->",
        "o", "x",
        "end", "subgraph", "graph", "digraph", "node", "edge", "strict", "click", "style", "classDef", "linkStyle",
        "call",
        "javascript:alert(1)", "{{body}}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{200F}", "\u{202E}", "\u{2028}",
        "\u{85}", "\u{0}",
        "\u{1B}[31m", "\u{301}", "\u{20DD}", "😀", "👩‍👩‍👧", "🇯🇵", "中文", "العربية", " ",
    ]

    /// A random Unicode scalar from plane 0 to 16 (never a surrogate).
    mutating func scalar() -> Unicode.Scalar {
        while true {
            let plane = below(17)
            let value = UInt32(plane << 16) | UInt32(below(0x10000))
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }

    mutating func string(maximumLength: Int = 40) -> String {
        switch below(12) {
        case 0: return ""
        case 1: return String(repeating: "long·", count: 2000)
        case 2: return String(String.UnicodeScalarView((0..<below(maximumLength) + 1).map { _ in scalar() }))
        case 3:
            return "\u{301}\u{302}"
                + String(String.UnicodeScalarView((0..<below(5)).map { _ in Unicode.Scalar(UInt8(below(32))) }))
        default:
            return (0..<below(6) + 1).map { _ in
                below(3) == 0 ? String(scalar()) : Self.fragments[below(Self.fragments.count)]
            }.joined()
        }
    }

    mutating func connection(index: Int) -> PeeringConnection {
        func id() -> String {
            var text = string(maximumLength: 20)
            if text.isEmpty || text.utf8.count > 200 { text = "vpc-\(below(1000))" }
            return text
        }
        let requester = below(4) == 0 ? "vpc-shared" : id()
        var accepter = id()
        if accepter == requester { accepter += "-peer" }
        return PeeringConnection(
            id: "pcc-\(index)-\(below(3) == 0 ? id() : "")",
            name: below(8) == 0 ? nil : string(), description: string(),
            requester: VPCEndpoint(vpcID: VPCID(requester), ipv4CIDRs: [string(maximumLength: 8)]),
            accepter: VPCEndpoint(vpcID: VPCID(accepter), ipv6CIDRs: below(2) == 0 ? [] : [string(maximumLength: 8)]),
            requesterRegion: below(3) == 0 ? string(maximumLength: 10) : "cn-hangzhou",
            accepterRegion: string(maximumLength: 10),
            requesterOwner: String(next() % UInt64(Int64.max)), accepterOwner: String(next()),
            bandwidthMbps: below(2) == 0 ? -1 : Int64(below(100_000)),
            status: below(5) == 0
                ? .unknown(string(maximumLength: 10)) : PeeringStatus.known[below(PeeringStatus.known.count)],
            businessStatus: below(4) == 0 ? .financialLocked : .normal,
            createdAt: "2025-01-01T00:00:00Z", modifiedAt: "2025-01-02T00:00:00Z",
            expiresAt: below(3) == 0 ? string() : nil,
            resourceGroupID: below(2) == 0 ? nil : string(),
            tags: (0..<below(3)).map { _ in PeeringTag(key: string(maximumLength: 12), value: string()) },
            linkType: string(maximumLength: 10))
    }
}
