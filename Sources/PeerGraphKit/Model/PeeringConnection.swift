/// One VPC peering connection as `ListVpcPeerConnections` describes it.
///
/// Only `id` and the two VPC ids are required; every other field may be absent in the input and is
/// then `nil` (or empty for lists). Owner account ids are kept as exact decimal strings: they exceed
/// 2^53 and must never pass through `Double`.
///
/// A connection is a value, but its fields live in one immutable, shared box: sorting, grouping and
/// filtering hundreds of thousands of connections then copies one reference each, not a dozen strings
/// and arrays. Setting a field puts the changed fields in a new box (copy on write). Fields are read
/// with `_read` accessors, which lend the stored value instead of returning a retained copy: the
/// parallel writers read the same shared strings on every core, and retaining them there costs more
/// than the writing.
public struct PeeringConnection: Sendable, Hashable {
    private var storage: Storage

    /// `InstanceId`, e.g. `pcc-bp1…`.
    public var id: ConnectionID {
        _read { yield storage.fields.id }
        set { update { $0.id = newValue } }
    }
    /// `Name`; nil when absent.
    public var name: String? {
        _read { yield storage.fields.name }
        set { update { $0.name = newValue } }
    }
    /// `Description`; nil when absent.
    public var description: String? {
        _read { yield storage.fields.description }
        set { update { $0.description = newValue } }
    }
    /// The VPC that asked for the peering (`Vpc`).
    public var requester: VPCEndpoint {
        _read { yield storage.fields.requester }
        set { update { $0.requester = newValue } }
    }
    /// The VPC that accepted it (`AcceptingVpc`).
    public var accepter: VPCEndpoint {
        _read { yield storage.fields.accepter }
        set { update { $0.accepter = newValue } }
    }
    /// `RegionId`: the requester's region.
    public var requesterRegion: String? {
        _read { yield storage.fields.requesterRegion }
        set { update { $0.requesterRegion = newValue } }
    }
    /// `AcceptingRegionId`.
    public var accepterRegion: String? {
        _read { yield storage.fields.accepterRegion }
        set { update { $0.accepterRegion = newValue } }
    }
    /// `OwnerId`: the requester's account, as exact decimal digits.
    public var requesterOwner: String? {
        _read { yield storage.fields.requesterOwner }
        set { update { $0.requesterOwner = newValue } }
    }
    /// `AcceptingOwnerUid`, as exact decimal digits.
    public var accepterOwner: String? {
        _read { yield storage.fields.accepterOwner }
        set { update { $0.accepterOwner = newValue } }
    }
    /// `Bandwidth` in Mbit/s; `-1` means no limit.
    public var bandwidthMbps: Int64? {
        _read { yield storage.fields.bandwidthMbps }
        set { update { $0.bandwidthMbps = newValue } }
    }
    /// `Status`: one of the eight documented states, or the unknown text as given.
    public var status: PeeringStatus? {
        _read { yield storage.fields.status }
        set { update { $0.status = newValue } }
    }
    /// `BizStatus`: `Normal` or `FinancialLocked` (or the unknown text).
    public var businessStatus: BusinessStatus? {
        _read { yield storage.fields.businessStatus }
        set { update { $0.businessStatus = newValue } }
    }
    /// `GmtCreate`, `GmtModified`, `GmtExpired`: UTC timestamps as the API wrote them.
    public var createdAt: String? {
        _read { yield storage.fields.createdAt }
        set { update { $0.createdAt = newValue } }
    }
    /// `GmtModified`; the latest copy of a connection listed twice wins.
    public var modifiedAt: String? {
        _read { yield storage.fields.modifiedAt }
        set { update { $0.modifiedAt = newValue } }
    }
    /// `GmtExpired`: when an unaccepted request lapses.
    public var expiresAt: String? {
        _read { yield storage.fields.expiresAt }
        set { update { $0.expiresAt = newValue } }
    }
    /// `ResourceGroupId`.
    public var resourceGroupID: String? {
        _read { yield storage.fields.resourceGroupID }
        set { update { $0.resourceGroupID = newValue } }
    }
    /// Tags sorted by key, then value.
    public var tags: [PeeringTag] {
        _read { yield storage.fields.tags }
        set { update { $0.tags = newValue } }
    }
    /// `LinkType`, e.g. `Gold` or `Platinum`.
    public var linkType: String? {
        _read { yield storage.fields.linkType }
        set { update { $0.linkType = newValue } }
    }
    /// `ManagedService`: the Alibaba Cloud service that manages the connection (e.g. `SWAS`), if any.
    public var managedService: String? {
        _read { yield storage.fields.managedService }
        set { update { $0.managedService = newValue } }
    }

    /// A connection; only the id and the two VPC ends are required. Tags are sorted.
    public init(
        id: ConnectionID, name: String? = nil, description: String? = nil,
        requester: VPCEndpoint, accepter: VPCEndpoint,
        requesterRegion: String? = nil, accepterRegion: String? = nil,
        requesterOwner: String? = nil, accepterOwner: String? = nil,
        bandwidthMbps: Int64? = nil, status: PeeringStatus? = nil, businessStatus: BusinessStatus? = nil,
        createdAt: String? = nil, modifiedAt: String? = nil, expiresAt: String? = nil,
        resourceGroupID: String? = nil, tags: [PeeringTag] = [], linkType: String? = nil,
        managedService: String? = nil
    ) {
        storage = Storage(
            Fields(
                id: id, name: name, description: description, requester: requester, accepter: accepter,
                requesterRegion: requesterRegion, accepterRegion: accepterRegion,
                requesterOwner: requesterOwner, accepterOwner: accepterOwner,
                bandwidthMbps: bandwidthMbps, status: status, businessStatus: businessStatus,
                createdAt: createdAt, modifiedAt: modifiedAt, expiresAt: expiresAt,
                resourceGroupID: resourceGroupID, tags: tags.count > 1 ? tags.sorted() : tags, linkType: linkType,
                managedService: managedService))
    }

    /// Equal when every field is equal.
    public static func == (lhs: PeeringConnection, rhs: PeeringConnection) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    private struct Fields: Sendable, Hashable {
        var id: ConnectionID
        var name: String?
        var description: String?
        var requester: VPCEndpoint
        var accepter: VPCEndpoint
        var requesterRegion: String?
        var accepterRegion: String?
        var requesterOwner: String?
        var accepterOwner: String?
        var bandwidthMbps: Int64?
        var status: PeeringStatus?
        var businessStatus: BusinessStatus?
        var createdAt: String?
        var modifiedAt: String?
        var expiresAt: String?
        var resourceGroupID: String?
        var tags: [PeeringTag]
        var linkType: String?
        var managedService: String?

        /// Equal field by field, byte for byte: `String`'s `==` is canonical equivalence, and a
        /// connection named "é" is not one named "e\u{301}".
        static func == (lhs: Fields, rhs: Fields) -> Bool {
            let texts: [(String?, String?)] = [
                (lhs.name, rhs.name), (lhs.description, rhs.description), (lhs.requesterRegion, rhs.requesterRegion),
                (lhs.accepterRegion, rhs.accepterRegion), (lhs.requesterOwner, rhs.requesterOwner),
                (lhs.accepterOwner, rhs.accepterOwner), (lhs.createdAt, rhs.createdAt),
                (lhs.modifiedAt, rhs.modifiedAt),
                (lhs.expiresAt, rhs.expiresAt), (lhs.resourceGroupID, rhs.resourceGroupID),
                (lhs.linkType, rhs.linkType),
                (lhs.managedService, rhs.managedService),
                (lhs.status?.apiValue, rhs.status?.apiValue),
                (lhs.businessStatus?.apiValue, rhs.businessStatus?.apiValue),
            ]
            return lhs.id == rhs.id && lhs.requester == rhs.requester && lhs.accepter == rhs.accepter
                && lhs.bandwidthMbps == rhs.bandwidthMbps && lhs.tags == rhs.tags
                && texts.allSatisfy { ByteOrder.same($0.0, $0.1) }
        }

        /// Hashes the bytes of the identity and the ends, consistent with `==`.
        func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(requester)
            hasher.combine(accepter)
            hasher.combine(ExactText(modifiedAt ?? ""))
        }
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}
