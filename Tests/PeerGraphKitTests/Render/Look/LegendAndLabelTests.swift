import Foundation
import Testing

@testable import PeerGraphKit

/// Legends list what the drawing uses, every style can be told from every other, and node labels say
/// what their box does not.
@Suite struct LegendAndLabelTests {
    static func connection(
        _ id: String, _ from: String, _ to: String, status: PeeringStatus = .activated,
        owners: (String, String) = ("1", "1"),
        regions: (String, String) = ("cn-hangzhou", "cn-hangzhou")
    ) -> PeeringConnection {
        var connection = PeeringConnection(
            id: ConnectionID(id), requester: VPCEndpoint(vpcID: VPCID(from)), accepter: VPCEndpoint(vpcID: VPCID(to)))
        connection.status = status
        connection.requesterOwner = owners.0
        connection.accepterOwner = owners.1
        connection.requesterRegion = regions.0
        connection.accepterRegion = regions.1
        return connection
    }

    @Test func theLegendListsOnlyTheStylesDrawn() {
        var locked = Self.connection("pcc-2", "vpc-b", "vpc-c", status: .accepting)
        locked.businessStatus = .financialLocked
        let graph = PeerGraph(connections: [Self.connection("pcc-1", "vpc-a", "vpc-b"), locked])
        let names = LegendEntry.entries(for: graph, theme: .builtIn).map(\.name)
        #expect(names == ["Activated", "Accepting", "FinancialLocked"])
        let plain = PeerGraph(connections: [Self.connection("pcc-1", "vpc-a", "vpc-b", status: .expired)])
        #expect(LegendEntry.entries(for: plain, theme: .builtIn).map(\.name) == ["Expired"])
    }

    @Test func theDOTLegendDrawsEachStyleAsALineOfItsOwnPenAndColour() {
        var locked = Self.connection("pcc-2", "vpc-b", "vpc-c", status: .accepting)
        locked.businessStatus = .financialLocked
        let graph = PeerGraph(
            connections: [
                Self.connection("pcc-1", "vpc-a", "vpc-b"), locked,
                Self.connection("pcc-3", "vpc-c", "vpc-d", status: .rejected),
            ])
        let dot = String(
            decoding: OutputSink.collectingBytes {
                PeerGraphPipeline.render(graph, format: .dot, options: RenderOptions(legend: true), to: $0)
            }, as: UTF8.self)
        let legend = String(dot[dot.range(of: "\"\\legend\"")!.lowerBound...])
        // A line is a cell's bottom border: Graphviz draws it with the edge's colour, dashes and width.
        for (color, pen) in [
            ("#2E7D32", "border=\"2\" color=\"#2E7D32\">"),
            ("#EF6C00", "border=\"2\" color=\"#EF6C00\" style=\"dashed\">"),
            ("#AD1457", "border=\"2\" color=\"#AD1457\" style=\"dotted\">"),
            ("#C62828", "border=\"4\" color=\"#C62828\">"),
        ] {
            #expect(legend.contains("sides=\"b\" \(pen)"), "\(color)")
        }
        #expect(legend.components(separatedBy: "sides=\"b\"").count - 1 == 4)
        // No box-drawing characters standing in for lines (they were as thin as text, whatever the pen).
        #expect(!legend.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) })
        #expect(legend.contains("Accepting: waiting for the accepter to accept"))
    }

    @Test func everyStyleOfTheBuiltInThemeCanBeToldApart() {
        let entries = StatusTheme.builtIn.entries
        for (index, entry) in entries.enumerated() {
            for other in entries[(index + 1)...] {
                #expect(entry.color != other.color, "\(entry.status) and \(other.status) share a colour")
                #expect(ColorName.of(entry.color) != ColorName.of(other.color), "\(entry.status), \(other.status)")
            }
            // Words that say something, not the status again.
            #expect(entry.meaning.lowercased() != entry.status.lowercased(), "\(entry.status)")
        }
    }

    @Test func colourNamesFollowTheHue() {
        for (hex, name) in [
            ("#2E7D32", "green"), ("#EF6C00", "orange"), ("#1565C0", "blue"), ("#00838F", "teal"),
            ("#6D4C41", "brown"), ("#AD1457", "magenta"), ("#F9A825", "amber"), ("#616161", "grey"),
            ("#6A1B9A", "purple"), ("#C62828", "red"), ("#FFFFFF", "white"), ("#000000", "black"),
        ] {
            #expect(ColorName.of(hex) == name, "\(hex)")
        }
    }

    @Test func labelsLeaveOutWhatTheBoxSaysAndNameTheAccountWhenItMatters() {
        let connections = [Self.connection("pcc-1", "vpc-a", "vpc-b", owners: ("111", "222"))]
        let byRegion = PeerGraph(connections: connections, grouping: .region)
        let context = NodeLabelContext(byRegion)
        #expect(GraphText.nodeLines(byRegion.nodes[0], in: context) == ["vpc-a", "account 111"])
        let byOwner = PeerGraph(connections: connections, grouping: .owner)
        #expect(GraphText.nodeLines(byOwner.nodes[0], in: NodeLabelContext(byOwner)) == ["vpc-a", "cn-hangzhou"])
        let oneAccount = PeerGraph(connections: [Self.connection("pcc-1", "vpc-a", "vpc-b")], grouping: .none)
        #expect(GraphText.nodeLines(oneAccount.nodes[0], in: NodeLabelContext(oneAccount)) == ["vpc-a", "cn-hangzhou"])
    }

    @Test func cidrBlocksAreOnePerLineNeverCutWithACountPastTheBudget() {
        let node = VPCNode(
            id: VPCID("vpc-a"), region: "cn-hangzhou", ipv4CIDRs: ["172.16.0.0/12", "192.168.100.0/24"],
            ipv6CIDRs: ["2408:4005:300:abcd::/56"])
        #expect(
            GraphText.nodeLines(node) == [
                "vpc-a", "172.16.0.0/12", "192.168.100.0/24", "2408:4005:300:abcd::/56", "cn-hangzhou",
            ])
        let many = VPCNode(id: VPCID("vpc-b"), ipv4CIDRs: (1...6).map { "10.\($0).0.0/16" }, ipv6CIDRs: ["2408::/56"])
        #expect(GraphText.nodeLines(many) == ["vpc-b", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "+4 more"])
    }
}
