/// One VPC peering connection as `ListVpcPeerConnections` describes it.
///
/// Only `id` and the two VPC ids are required; every other field may be absent in the input and is
/// then `nil` (or empty for lists). Owner account ids are kept as exact decimal strings: they exceed
/// 2^53 and must never pass through `Double`.
public struct PeeringConnection: Sendable, Hashable {
    /// `InstanceId`, e.g. `pcc-bp1…`.
    public var id: String
    public var name: String?
    public var description: String?
    /// The VPC that asked for the peering (`Vpc`).
    public var requester: VPCEndpoint
    /// The VPC that accepted it (`AcceptingVpc`).
    public var accepter: VPCEndpoint
    /// `RegionId`: the requester's region.
    public var requesterRegion: String?
    /// `AcceptingRegionId`.
    public var accepterRegion: String?
    /// `OwnerId`: the requester's account, as exact decimal digits.
    public var requesterOwner: String?
    /// `AcceptingOwnerUid`, as exact decimal digits.
    public var accepterOwner: String?
    /// `Bandwidth` in Mbit/s; `-1` means no limit.
    public var bandwidthMbps: Int64?
    public var status: PeeringStatus?
    public var businessStatus: BusinessStatus?
    /// `GmtCreate`, `GmtModified`, `GmtExpired`: UTC timestamps as the API wrote them.
    public var createdAt: String?
    public var modifiedAt: String?
    public var expiresAt: String?
    public var resourceGroupID: String?
    /// Tags sorted by key, then value.
    public var tags: [PeeringTag]
    /// `LinkType`, e.g. `Gold` or `Platinum`.
    public var linkType: String?

    public init(
        id: String, name: String? = nil, description: String? = nil,
        requester: VPCEndpoint, accepter: VPCEndpoint,
        requesterRegion: String? = nil, accepterRegion: String? = nil,
        requesterOwner: String? = nil, accepterOwner: String? = nil,
        bandwidthMbps: Int64? = nil, status: PeeringStatus? = nil, businessStatus: BusinessStatus? = nil,
        createdAt: String? = nil, modifiedAt: String? = nil, expiresAt: String? = nil,
        resourceGroupID: String? = nil, tags: [PeeringTag] = [], linkType: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.requester = requester
        self.accepter = accepter
        self.requesterRegion = requesterRegion
        self.accepterRegion = accepterRegion
        self.requesterOwner = requesterOwner
        self.accepterOwner = accepterOwner
        self.bandwidthMbps = bandwidthMbps
        self.status = status
        self.businessStatus = businessStatus
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.expiresAt = expiresAt
        self.resourceGroupID = resourceGroupID
        self.tags = tags.sorted()
        self.linkType = linkType
    }
}
