/// One side of a peering connection: a VPC and the CIDR blocks the API reported for it.
public struct VPCEndpoint: Sendable, Hashable {
    /// The VPC id (`VpcId`), e.g. `vpc-bp1abc…`. Never empty.
    public var vpcID: String
    /// IPv4 CIDR blocks (`Ipv4Cidrs`), as the API wrote them.
    public var ipv4CIDRs: [String]
    /// IPv6 CIDR blocks (`Ipv6Cidrs`), as the API wrote them.
    public var ipv6CIDRs: [String]

    /// An end: VPC `vpcID` with its IPv4 and IPv6 blocks, primary first.
    public init(vpcID: String, ipv4CIDRs: [String] = [], ipv6CIDRs: [String] = []) {
        self.vpcID = vpcID
        self.ipv4CIDRs = ipv4CIDRs
        self.ipv6CIDRs = ipv6CIDRs
    }
}
