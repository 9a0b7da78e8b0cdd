/// One field of a peering connection, described once: its name in the API and in the graph outputs, its
/// type, how to read it, and which outputs show it. GraphML's keys and data, both JSON writers, the
/// tooltips, `diff` and the deduplicator's tie-break walk `ConnectionField.all`, so a new API field is
/// one entry here plus its parsing in `PeeringDocumentDecoder`.
///
/// The id, the tags and the VPC ends as objects are written by each format in its own shape; they are
/// not in the table (the tags and the ends' CIDR blocks are, for `diff` and the tie-break).
public struct ConnectionField: Sendable {
    /// How a value is written where types exist (JSON numbers, GraphML `attr.type`).
    public enum Kind: Sendable, Equatable {
        /// A string.
        case text
        /// A whole number: a JSON number, a GraphML `int` (`long` where summed).
        case integer
    }

    /// Where the field appears.
    public struct Uses: OptionSet, Sendable {
        /// The bits.
        public let rawValue: Int
        /// The uses whose bits are `rawValue`.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A `<data>` of every GraphML edge.
        public static let graphML = Uses(rawValue: 1 << 0)
        /// An attribute of every node-link JSON edge.
        public static let nodeLinkJSON = Uses(rawValue: 1 << 1)
        /// A member of the API-shaped JSON object of `diff --format json`.
        public static let apiJSON = Uses(rawValue: 1 << 2)
        /// A line of the edge tooltip.
        public static let tooltip = Uses(rawValue: 1 << 3)
        /// Compared by `diff`.
        public static let diff = Uses(rawValue: 1 << 4)
        /// Ranks two copies of a connection modified at the same time.
        public static let tieBreak = Uses(rawValue: 1 << 5)
        /// Everywhere.
        public static let all: Uses = [.graphML, .nodeLinkJSON, .apiJSON, .tooltip, .diff, .tieBreak]
    }

    /// How the tooltip shows it.
    public enum Tooltip: Sendable {
        /// `label value` on a line of its own.
        case line(String)
        /// `label` and the bandwidth in words (`no limit`, `1024 Mbit/s`).
        case bandwidth(String)
        /// `label vpc, region, account owner`: one end of the connection.
        case end(String, isRequester: Bool)
    }

    /// The API's name, e.g. `BizStatus`, `Vpc.Ipv4Cidrs`.
    public let apiName: String
    /// The name in GraphML and node-link JSON, e.g. `business_status`.
    public let outputName: String
    /// How it is typed where types exist.
    public let kind: Kind
    /// Where it appears.
    public let uses: Uses
    /// How the tooltip shows it, when it does.
    public let tooltip: Tooltip?
    /// Which stored value it is.
    let accessor: Accessor

    init(
        _ accessor: Accessor, _ apiName: String, _ outputName: String, _ kind: Kind = .text, uses: Uses,
        tooltip: Tooltip? = nil
    ) {
        self.accessor = accessor
        self.apiName = apiName
        self.outputName = outputName
        self.kind = kind
        self.uses = uses
        self.tooltip = tooltip
    }

    /// Calls `body` with the value of the field in `connection` (nil when absent). The value is lent,
    /// not copied: a copied string is retained, on every core, for every edge (a closure per field cost
    /// GraphML about 3 % of its time; this switch is direct calls).
    @inline(__always)
    public func withValue(of connection: PeeringConnection, _ body: (String?) -> Void) {
        accessor.withValue(of: connection, body)
    }

    /// The value of the field in `connection`, nil when absent.
    public func value(of connection: PeeringConnection) -> String? {
        var result: String?
        withValue(of: connection) { result = $0 }
        return result
    }

    /// The fields that have `use`, in table order.
    public static func with(_ use: Uses) -> [ConnectionField] { all.filter { $0.uses.contains(use) } }

    private static let everywhereButTheEnds: Uses = [.graphML, .nodeLinkJSON, .apiJSON, .diff, .tieBreak]

    /// Every field, in the order the outputs list them.
    public static let all: [ConnectionField] = [
        ConnectionField(.name, "Name", "name", uses: .all, tooltip: .line("name: ")),
        ConnectionField(.description, "Description", "description", uses: .all, tooltip: .line("description: ")),
        ConnectionField(.status, "Status", "status", uses: .all, tooltip: .line("status: ")),
        ConnectionField(
            .businessStatus, "BizStatus", "business_status", uses: .all, tooltip: .line("business status: ")),
        ConnectionField(
            .bandwidthMbps, "Bandwidth", "bandwidth_mbps", .integer, uses: .all, tooltip: .bandwidth("bandwidth: ")),
        ConnectionField(
            .requesterVpc, "Vpc.VpcId", "requester_vpc", uses: [.graphML, .tooltip, .diff, .tieBreak],
            tooltip: .end("requester: ", isRequester: true)),
        ConnectionField(.requesterIpv4Cidrs, "Vpc.Ipv4Cidrs", "requester_ipv4_cidrs", uses: [.diff, .tieBreak]),
        ConnectionField(.requesterIpv6Cidrs, "Vpc.Ipv6Cidrs", "requester_ipv6_cidrs", uses: [.diff, .tieBreak]),
        ConnectionField(
            .accepterVpc, "AcceptingVpc.VpcId", "accepter_vpc", uses: [.graphML, .tooltip, .diff, .tieBreak],
            tooltip: .end("accepter: ", isRequester: false)),
        ConnectionField(.accepterIpv4Cidrs, "AcceptingVpc.Ipv4Cidrs", "accepter_ipv4_cidrs", uses: [.diff, .tieBreak]),
        ConnectionField(.accepterIpv6Cidrs, "AcceptingVpc.Ipv6Cidrs", "accepter_ipv6_cidrs", uses: [.diff, .tieBreak]),
        ConnectionField(.requesterRegion, "RegionId", "requester_region", uses: everywhereButTheEnds),
        ConnectionField(.accepterRegion, "AcceptingRegionId", "accepter_region", uses: everywhereButTheEnds),
        // Owner ids are text everywhere: readers that go through doubles would corrupt them as numbers.
        ConnectionField(.requesterOwner, "OwnerId", "requester_owner", uses: everywhereButTheEnds),
        ConnectionField(.accepterOwner, "AcceptingOwnerUid", "accepter_owner", uses: everywhereButTheEnds),
        ConnectionField(.created, "GmtCreate", "created", uses: .all, tooltip: .line("created: ")),
        // Every change changes GmtModified: diff leaves it out, and the deduplicator ranks by it first.
        ConnectionField(
            .modified, "GmtModified", "modified", uses: [.graphML, .nodeLinkJSON, .apiJSON, .tooltip],
            tooltip: .line("modified: ")),
        ConnectionField(.expires, "GmtExpired", "expires", uses: .all, tooltip: .line("expires: ")),
        ConnectionField(
            .resourceGroup, "ResourceGroupId", "resource_group", uses: .all, tooltip: .line("resource group: ")),
        ConnectionField(.linkType, "LinkType", "link_type", uses: .all, tooltip: .line("link type: ")),
        ConnectionField(
            .managedService, "ManagedService", "managed_service", uses: .all, tooltip: .line("managed by: ")),
        ConnectionField(.tags, "Tags", "tags", uses: [.diff, .tieBreak]),
    ]
}

extension ConnectionField {
    /// The stored value behind each field: one case per table entry, read by one switch.
    enum Accessor: Sendable {
        case name
        case description
        case status
        case businessStatus
        case bandwidthMbps
        case requesterVpc
        case requesterIpv4Cidrs
        case requesterIpv6Cidrs
        case accepterVpc
        case accepterIpv4Cidrs
        case accepterIpv6Cidrs
        case requesterRegion
        case accepterRegion
        case requesterOwner
        case accepterOwner
        case created
        case modified
        case expires
        case resourceGroup
        case linkType
        case managedService
        case tags

        @inline(__always)
        func withValue(of connection: PeeringConnection, _ body: (String?) -> Void) {
            switch self {
            case .name: body(connection.name)
            case .description: body(connection.description)
            case .status: body(connection.status?.apiValue)
            case .businessStatus: body(connection.businessStatus?.apiValue)
            case .bandwidthMbps: body(connection.bandwidthMbps.map(String.init))
            case .requesterVpc: body(connection.requester.vpcID.text)
            case .requesterIpv4Cidrs: body(connection.requester.ipv4CIDRs.joined(separator: ", "))
            case .requesterIpv6Cidrs: body(connection.requester.ipv6CIDRs.joined(separator: ", "))
            case .accepterVpc: body(connection.accepter.vpcID.text)
            case .accepterIpv4Cidrs: body(connection.accepter.ipv4CIDRs.joined(separator: ", "))
            case .accepterIpv6Cidrs: body(connection.accepter.ipv6CIDRs.joined(separator: ", "))
            case .requesterRegion: body(connection.requesterRegion)
            case .accepterRegion: body(connection.accepterRegion)
            case .requesterOwner: body(connection.requesterOwner)
            case .accepterOwner: body(connection.accepterOwner)
            case .created: body(connection.createdAt)
            case .modified: body(connection.modifiedAt)
            case .expires: body(connection.expiresAt)
            case .resourceGroup: body(connection.resourceGroupID)
            case .linkType: body(connection.linkType)
            case .managedService: body(connection.managedService)
            case .tags:
                body(
                    connection.tags.isEmpty
                        ? nil : connection.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
            }
        }
    }
}
