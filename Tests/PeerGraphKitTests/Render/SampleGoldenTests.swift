import Foundation
import PeerGraphTestSupport
import Testing

@testable import PeerGraphKit

/// The committed outputs in `samples/` are the golden files: regenerating them must change nothing.
/// They were reviewed by hand and are checked by Graphviz, xmllint/xmlschema/networkx/igraph and
/// mermaid-js in `.ci/run`.
@Suite struct SampleGoldenTests {
    struct Sample: Sendable, CustomStringConvertible {
        var folder: String
        var input: String
        var title: String?
        var legend: Bool
        var description: String { folder }
    }

    static let samples = [
        Sample(folder: "hub-and-spoke", input: "connections.json", title: nil, legend: false),
        Sample(folder: "multi-region", input: "pages", title: "Multi-region, multi-account mesh", legend: true),
    ]

    static func render(_ sample: Sample, format: OutputFormat, inputOrderReversed: Bool = false) throws -> String {
        let folder = TestPaths.samples.appendingPathComponent(sample.folder)
        let input = folder.appendingPathComponent(sample.input).path
        var connections = try InputReader().read([InputSource(argument: input)])
        if inputOrderReversed { connections.reverse() }
        let (graph, _) = PeerGraphPipeline.graph(
            ConnectionDeduplicator.deduplicate(connections), filter: ConnectionFilter(), grouping: .region)
        let options = RenderOptions(title: sample.title, legend: sample.legend)
        return String(
            decoding: OutputSink.collectingBytes {
                PeerGraphPipeline.render(graph, format: format, options: options, to: $0)
            },
            as: UTF8.self)
    }

    static func fileExtension(_ format: OutputFormat) -> String {
        switch format {
        case .dot: "dot"
        case .graphml: "graphml"
        case .mermaid: "mmd"
        case .json: "json"
        case .markdown: "md"
        }
    }

    @Test(arguments: samples, OutputFormat.allCases)
    func sampleOutputsAreUpToDate(sample: Sample, format: OutputFormat) throws {
        let output = try Self.render(sample, format: format)
        let golden = TestPaths.samples.appendingPathComponent("\(sample.folder)/mesh.\(Self.fileExtension(format))")
        try GoldenFile.check(output, against: golden)
    }

    @Test(arguments: samples, OutputFormat.allCases)
    func outputDoesNotDependOnInputOrder(sample: Sample, format: OutputFormat) throws {
        #expect(
            try Self.render(sample, format: format) == Self.render(sample, format: format, inputOrderReversed: true))
    }
}
