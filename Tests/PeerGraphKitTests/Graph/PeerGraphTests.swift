import Testing

@testable import PeerGraphKit

/// Small connections for graph and filter tests.
func makeConnection(
    _ id: String, _ from: String, _ to: String, status: PeeringStatus = .activated,
    regions: (String, String) = ("cn-hangzhou", "cn-hangzhou"), owners: (String, String) = ("1", "1"),
    name: String? = nil, tags: [PeeringTag] = [], resourceGroup: String? = nil, modified: String? = nil,
    cidrs: ([String], [String]) = ([], []), bandwidth: Int64? = nil, business: BusinessStatus? = nil
) -> PeeringConnection {
    PeeringConnection(
        id: ConnectionID(id), name: name, requester: VPCEndpoint(vpcID: VPCID(from), ipv4CIDRs: cidrs.0),
        accepter: VPCEndpoint(vpcID: VPCID(to), ipv4CIDRs: cidrs.1),
        requesterRegion: regions.0, accepterRegion: regions.1, requesterOwner: owners.0, accepterOwner: owners.1,
        bandwidthMbps: bandwidth, status: status, businessStatus: business, modifiedAt: modified,
        resourceGroupID: resourceGroup, tags: tags)
}

@Suite struct PeerGraphTests {
    @Test func nodesAndEdgesAreSortedWhateverTheInputOrder() {
        let connections = [
            makeConnection("pcc-2", "vpc-b", "vpc-c"),
            makeConnection("pcc-1", "vpc-a", "vpc-b"),
            makeConnection("pcc-3", "vpc-a", "vpc-b"),
        ]
        for order in [connections, connections.reversed(), [connections[1], connections[2], connections[0]]] {
            let graph = PeerGraph(connections: order)
            #expect(graph.nodes.map(\.id) == ["vpc-a", "vpc-b", "vpc-c"])
            #expect(graph.edges.map(\.id) == ["pcc-1", "pcc-3", "pcc-2"])
            #expect(graph.edgeEndpoints.map(\.requester) == [0, 0, 1])
            #expect(graph.edgeEndpoints.map(\.accepter) == [1, 1, 2])
        }
    }

    @Test func nodesMergeCIDRsFromEveryConnection() {
        let graph = PeerGraph(connections: [
            makeConnection("pcc-1", "vpc-a", "vpc-b", cidrs: (["10.0.0.0/16"], [])),
            makeConnection("pcc-2", "vpc-c", "vpc-a", cidrs: ([], ["10.0.0.0/16", "172.16.0.0/12"])),
        ])
        #expect(
            graph.nodes[0]
                == VPCNode(id: "vpc-a", region: "cn-hangzhou", owner: "1", ipv4CIDRs: ["10.0.0.0/16", "172.16.0.0/12"]))
    }

    @Test func theLatestConnectionDecidesAVPCsRegionAndOwner() {
        let graph = PeerGraph(connections: [
            makeConnection(
                "pcc-1", "vpc-a", "vpc-b", regions: ("old-region", "x"), owners: ("111", "1"),
                modified: "2025-02-01T00:00:00Z"),
            makeConnection(
                "pcc-2", "vpc-a", "vpc-c", regions: ("new-region", "x"), owners: ("222", "1"),
                modified: "2025-03-01T00:00:00Z"),
        ])
        #expect(graph.nodes[0].region == "new-region")
        #expect(graph.nodes[0].owner == "222")
    }

    @Test(arguments: [
        (GroupingKey.region, ["ap-southeast-1", "cn-hangzhou"]),
        (.owner, ["account 1", "account 2"]),
        (.regionAndOwner, ["ap-southeast-1 · account 2", "cn-hangzhou · account 1"]),
        (.none, []),
    ])
    func groupsBy(key: GroupingKey, labels: [String]) {
        let graph = PeerGraph(
            connections: [
                makeConnection(
                    "pcc-1", "vpc-a", "vpc-b", regions: ("cn-hangzhou", "ap-southeast-1"), owners: ("1", "2"))
            ], grouping: key)
        #expect(graph.groups.map(\.label) == labels)
    }
}

@Suite struct ConnectionFilterTests {
    let connections = [
        makeConnection(
            "pcc-1", "vpc-a", "vpc-b", status: .activated, regions: ("cn-hangzhou", "cn-shanghai"), owners: ("1", "2"),
            name: "prod-link", tags: [PeeringTag(key: "env", value: "prod")], resourceGroup: "rg-1"),
        makeConnection(
            "pcc-2", "vpc-b", "vpc-c", status: .accepting, regions: ("cn-shanghai", "cn-shanghai"), owners: ("2", "2"),
            name: "dev-link", tags: [PeeringTag(key: "env", value: "dev")], resourceGroup: "rg-2"),
        makeConnection(
            "pcc-3", "vpc-c", "vpc-d", status: .deleted, regions: ("ap-southeast-1", "ap-southeast-1"),
            owners: ("3", "3"),
            name: "old", tags: [PeeringTag(key: "team", value: "x")]),
    ]

    private func kept(_ configure: (inout ConnectionFilter) -> Void) -> [String] {
        var filter = ConnectionFilter()
        configure(&filter)
        return filter.apply(to: connections).kept.map(\.id.text)
    }

    @Test func eachCriterion() {
        #expect(kept { $0.statuses = ["activated", "Accepting"] } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.excludeDeleted = true } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.regions = ["cn-hangzhou"] } == ["pcc-1"])
        #expect(kept { $0.regions = ["cn-shanghai"] } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.owners = ["2"] } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.vpcIDs = ["vpc-c"] } == ["pcc-2", "pcc-3"])
        #expect(kept { $0.names = ["prod-link"] } == ["pcc-1"])
        #expect(kept { $0.names = ["*-link"] } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.names = ["p*k"] } == ["pcc-1"])
        #expect(kept { $0.tags = [.init(argument: "env")] } == ["pcc-1", "pcc-2"])
        #expect(kept { $0.tags = [.init(argument: "env=dev")] } == ["pcc-2"])
        #expect(kept { $0.tags = [.init(argument: "env=dev"), .init(argument: "team")] } == ["pcc-2", "pcc-3"])
        #expect(kept { $0.resourceGroupIDs = ["rg-1", "rg-2"] } == ["pcc-1", "pcc-2"])
    }

    @Test func differentCriteriaMustAllHold() {
        #expect(
            kept {
                $0.regions = ["cn-shanghai"]
                $0.statuses = ["Accepting"]
            } == ["pcc-2"])
    }

    @Test func explainsAnEmptyResult() {
        var filter = ConnectionFilter()
        filter.statuses = ["Activated"]
        filter.regions = ["eu-central-1"]
        let result = filter.apply(to: connections)
        #expect(
            result.emptyExplanation
                == "all 3 connections were removed by the filters (--status removed 2, --region removed 1)")
        #expect(ConnectionFilter().apply(to: []).emptyExplanation == "the input has no peering connections")
        #expect(ConnectionFilter().apply(to: connections).emptyExplanation == nil)
    }
}
