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
    /// Lends the value (nil when absent) to `body`; a lent string is not retained, which matters when
    /// every core writes the same shared strings.
    private let lend: @Sendable (PeeringConnection, (String?) -> Void) -> Void

    init(
        _ apiName: String, _ outputName: String, _ kind: Kind = .text, uses: Uses, tooltip: Tooltip? = nil,
        _ lend: @escaping @Sendable (PeeringConnection, (String?) -> Void) -> Void
    ) {
        self.apiName = apiName
        self.outputName = outputName
        self.kind = kind
        self.uses = uses
        self.tooltip = tooltip
        self.lend = lend
    }

    /// Calls `body` with the value of the field in `connection` (nil when absent), without copying it.
    public func withValue(of connection: PeeringConnection, _ body: (String?) -> Void) {
        lend(connection, body)
    }

    /// The value of the field in `connection`, nil when absent.
    public func value(of connection: PeeringConnection) -> String? {
        var result: String?
        lend(connection) { result = $0 }
        return result
    }

    /// The fields that have `use`, in table order.
    public static func with(_ use: Uses) -> [ConnectionField] { all.filter { $0.uses.contains(use) } }

    private static let everywhereButTheEnds: Uses = [.graphML, .nodeLinkJSON, .apiJSON, .diff, .tieBreak]

    /// Every field, in the order the outputs list them.
    public static let all: [ConnectionField] = [
        ConnectionField("Name", "name", uses: .all, tooltip: .line("name: ")) { $1($0.name) },
        ConnectionField("Description", "description", uses: .all, tooltip: .line("description: ")) {
            $1($0.description)
        },
        ConnectionField("Status", "status", uses: .all, tooltip: .line("status: ")) { $1($0.status?.apiValue) },
        ConnectionField("BizStatus", "business_status", uses: .all, tooltip: .line("business status: ")) {
            $1($0.businessStatus?.apiValue)
        },
        ConnectionField("Bandwidth", "bandwidth_mbps", .integer, uses: .all, tooltip: .bandwidth("bandwidth: ")) {
            $1($0.bandwidthMbps.map(String.init))
        },
        ConnectionField(
            "Vpc.VpcId", "requester_vpc", uses: [.graphML, .tooltip, .diff, .tieBreak],
            tooltip: .end("requester: ", isRequester: true)
        ) {
            $1($0.requester.vpcID.text)
        },
        ConnectionField("Vpc.Ipv4Cidrs", "requester_ipv4_cidrs", uses: [.diff, .tieBreak]) {
            $1($0.requester.ipv4CIDRs.joined(separator: ", "))
        },
        ConnectionField("Vpc.Ipv6Cidrs", "requester_ipv6_cidrs", uses: [.diff, .tieBreak]) {
            $1($0.requester.ipv6CIDRs.joined(separator: ", "))
        },
        ConnectionField(
            "AcceptingVpc.VpcId", "accepter_vpc", uses: [.graphML, .tooltip, .diff, .tieBreak],
            tooltip: .end("accepter: ", isRequester: false)
        ) {
            $1($0.accepter.vpcID.text)
        },
        ConnectionField("AcceptingVpc.Ipv4Cidrs", "accepter_ipv4_cidrs", uses: [.diff, .tieBreak]) {
            $1($0.accepter.ipv4CIDRs.joined(separator: ", "))
        },
        ConnectionField("AcceptingVpc.Ipv6Cidrs", "accepter_ipv6_cidrs", uses: [.diff, .tieBreak]) {
            $1($0.accepter.ipv6CIDRs.joined(separator: ", "))
        },
        ConnectionField("RegionId", "requester_region", uses: everywhereButTheEnds) { $1($0.requesterRegion) },
        ConnectionField("AcceptingRegionId", "accepter_region", uses: everywhereButTheEnds) { $1($0.accepterRegion) },
        // Owner ids are text everywhere: readers that go through doubles would corrupt them as numbers.
        ConnectionField("OwnerId", "requester_owner", uses: everywhereButTheEnds) { $1($0.requesterOwner) },
        ConnectionField("AcceptingOwnerUid", "accepter_owner", uses: everywhereButTheEnds) { $1($0.accepterOwner) },
        ConnectionField("GmtCreate", "created", uses: .all, tooltip: .line("created: ")) { $1($0.createdAt) },
        // Every change changes GmtModified: diff leaves it out, and the deduplicator ranks by it first.
        ConnectionField(
            "GmtModified", "modified", uses: [.graphML, .nodeLinkJSON, .apiJSON, .tooltip], tooltip: .line("modified: ")
        ) {
            $1($0.modifiedAt)
        },
        ConnectionField("GmtExpired", "expires", uses: .all, tooltip: .line("expires: ")) { $1($0.expiresAt) },
        ConnectionField("ResourceGroupId", "resource_group", uses: .all, tooltip: .line("resource group: ")) {
            $1($0.resourceGroupID)
        },
        ConnectionField("LinkType", "link_type", uses: .all, tooltip: .line("link type: ")) { $1($0.linkType) },
        ConnectionField("ManagedService", "managed_service", uses: .all, tooltip: .line("managed by: ")) {
            $1($0.managedService)
        },
        ConnectionField("Tags", "tags", uses: [.diff, .tieBreak]) {
            $1($0.tags.isEmpty ? nil : $0.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        },
    ]
}
