import Foundation
import Testing

@testable import PeerGraphKit

/// Every consumer of the field table shows every field the table gives it: a new entry reaches GraphML,
/// both JSON writers, the tooltips and diff without another edit.
@Suite struct ConnectionFieldTests {
    /// A connection with every field set, each to a value that appears nowhere else.
    static let full: PeeringConnection = {
        PeeringConnection(
            id: "pcc-full", name: "v-name", description: "v-description",
            requester: VPCEndpoint(vpcID: "vpc-req", ipv4CIDRs: ["10.1.0.0/16"], ipv6CIDRs: ["2408:1::/56"]),
            accepter: VPCEndpoint(vpcID: "vpc-acc", ipv4CIDRs: ["10.2.0.0/16"], ipv6CIDRs: ["2408:2::/56"]),
            requesterRegion: "v-region-1", accepterRegion: "v-region-2", requesterOwner: "1111", accepterOwner: "2222",
            bandwidthMbps: 4321, status: .activated, businessStatus: .normal, createdAt: "v-created",
            modifiedAt: "v-modified",
            expiresAt: "v-expires", resourceGroupID: "v-rg", tags: [PeeringTag(key: "k", value: "v-tag")],
            linkType: "v-link",
            managedService: "v-managed")
    }()

    static func render(_ format: OutputFormat) -> String {
        let graph = PeerGraph(connections: [full], grouping: .none)
        return String(
            decoding: OutputSink.collectingBytes { format.makeWriter(options: RenderOptions()).write(graph, to: $0) },
            as: UTF8.self)
    }

    @Test func everyFieldHasAValueInTheFullConnection() {
        for field in ConnectionField.all { #expect(field.value(of: Self.full)?.isEmpty == false, "\(field.apiName)") }
        #expect(Set(ConnectionField.all.map(\.apiName)).count == ConnectionField.all.count)
        #expect(Set(ConnectionField.all.map(\.outputName)).count == ConnectionField.all.count)
    }

    @Test func graphMLDeclaresAndWritesEveryGraphMLField() throws {
        let graphml = Self.render(.graphml)
        for field in ConnectionField.with(.graphML) {
            let value = try #require(field.value(of: Self.full))
            #expect(
                graphml.contains("<key id=\"e_\(field.outputName)\" for=\"edge\" attr.name=\"\(field.outputName)\""),
                "\(field.apiName)")
            #expect(graphml.contains("<data key=\"e_\(field.outputName)\">\(value)</data>"), "\(field.apiName)")
        }
    }

    @Test func bothJSONWritersCarryTheirFields() throws {
        let nodeLink = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.render(.json).utf8)) as? [String: Any])
        let edge = try #require((nodeLink["edges"] as? [[String: Any]])?.first)
        for field in ConnectionField.with(.nodeLinkJSON) {
            let value = try #require(field.value(of: Self.full))
            #expect("\(edge[field.outputName] ?? "missing")" == value, "\(field.outputName)")
        }
        let api = try #require(
            try JSONSerialization.jsonObject(with: Data(ConnectionJSON.object(Self.full).utf8)) as? [String: Any])
        for field in ConnectionField.with(.apiJSON) {
            #expect("\(api[field.apiName] ?? "missing")" == field.value(of: Self.full), "\(field.apiName)")
        }
    }

    @Test func theTooltipShowsEveryTooltipField() {
        let dot = Self.render(.dot)
        for field in ConnectionField.with(.tooltip) {
            switch field.tooltip {
            case .line(let label): #expect(dot.contains(label + (field.value(of: Self.full) ?? "")), "\(field.apiName)")
            case .bandwidth(let label): #expect(dot.contains(label + "4321"), "\(field.apiName)")
            case .end(let label, _):
                #expect(dot.contains(label + (field.value(of: Self.full) ?? "")), "\(field.apiName)")
            case nil: Issue.record("\(field.apiName) is for tooltips but says not how")
            }
        }
    }

    @Test func diffSeesAChangeInEveryComparedField() {
        var other = Self.full
        other.name = "changed"
        other.description = "changed"
        other.status = .deleting
        other.businessStatus = .financialLocked
        other.bandwidthMbps = 1
        other.requester = VPCEndpoint(vpcID: "vpc-req2", ipv4CIDRs: ["10.9.0.0/16"], ipv6CIDRs: ["2408:9::/56"])
        other.accepter = VPCEndpoint(vpcID: "vpc-acc2", ipv4CIDRs: ["10.8.0.0/16"], ipv6CIDRs: ["2408:8::/56"])
        other.requesterRegion = "changed"
        other.accepterRegion = "changed"
        other.requesterOwner = "3333"
        other.accepterOwner = "4444"
        other.createdAt = "changed"
        other.expiresAt = "changed"
        other.resourceGroupID = "changed"
        other.tags = [PeeringTag(key: "k", value: "changed")]
        other.linkType = "changed"
        other.managedService = "changed"
        let changed = Set(SnapshotDiff.fields(Self.full, other).map(\.field))
        #expect(changed == Set(ConnectionField.with(.diff).map(\.apiName)))
    }
}
