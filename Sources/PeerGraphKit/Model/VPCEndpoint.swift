/// One side of a peering connection: a VPC and the CIDR blocks the API reported for it.
public struct VPCEndpoint: Sendable, Hashable {
    /// The VPC id (`VpcId`), e.g. `vpc-bp1abc…`. Never empty.
    public var vpcID: VPCID
    /// IPv4 CIDR blocks (`Ipv4Cidrs`), as the API wrote them.
    public var ipv4CIDRs: [String]
    /// IPv6 CIDR blocks (`Ipv6Cidrs`), as the API wrote them.
    public var ipv6CIDRs: [String]

    /// Equal when the id and every block are equal byte for byte (String's `==` is canonical equivalence).
    public static func == (lhs: VPCEndpoint, rhs: VPCEndpoint) -> Bool {
        lhs.vpcID == rhs.vpcID && ByteOrder.sameList(lhs.ipv4CIDRs, rhs.ipv4CIDRs)
            && ByteOrder.sameList(lhs.ipv6CIDRs, rhs.ipv6CIDRs)
    }

    /// Hashes the bytes, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(vpcID)
        for block in ipv4CIDRs + ["\u{0}"] + ipv6CIDRs { hasher.combine(ExactText(block)) }
    }

    /// An end: VPC `vpcID` with its IPv4 and IPv6 blocks, primary first.
    public init(vpcID: VPCID, ipv4CIDRs: [String] = [], ipv6CIDRs: [String] = []) {
        self.vpcID = vpcID
        self.ipv4CIDRs = ipv4CIDRs
        self.ipv6CIDRs = ipv6CIDRs
    }
}
