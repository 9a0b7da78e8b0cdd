/// A connection as a one-line JSON object with the API's field names, for `diff --format json`.
public enum ConnectionJSON {
    public static func object(_ c: PeeringConnection) -> String {
        var fields: [String] = ["\"InstanceId\": \(JSONEscaper.quoted(c.id))"]
        func add(_ key: String, _ value: String?) { if let value { fields.append("\(JSONEscaper.quoted(key)): \(JSONEscaper.quoted(value))") } }
        add("Name", c.name)
        add("Description", c.description)
        add("Status", c.status?.apiValue)
        add("BizStatus", c.businessStatus?.apiValue)
        if let bandwidth = c.bandwidthMbps { fields.append("\"Bandwidth\": \(bandwidth)") }
        add("RegionId", c.requesterRegion)
        add("AcceptingRegionId", c.accepterRegion)
        // Owner ids as strings: JSON readers that use doubles would corrupt them as numbers.
        add("OwnerId", c.requesterOwner)
        add("AcceptingOwnerUid", c.accepterOwner)
        add("GmtCreate", c.createdAt)
        add("GmtModified", c.modifiedAt)
        add("GmtExpired", c.expiresAt)
        add("ResourceGroupId", c.resourceGroupID)
        add("LinkType", c.linkType)
        add("ManagedService", c.managedService)
        fields.append("\"Vpc\": \(endpoint(c.requester))")
        fields.append("\"AcceptingVpc\": \(endpoint(c.accepter))")
        fields.append("\"Tags\": [\(c.tags.map { "{\"Key\": \(JSONEscaper.quoted($0.key)), \"Value\": \(JSONEscaper.quoted($0.value))}" }.joined(separator: ", "))]")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func endpoint(_ e: VPCEndpoint) -> String {
        "{\"VpcId\": \(JSONEscaper.quoted(e.vpcID)), \"Ipv4Cidrs\": [\(e.ipv4CIDRs.map(JSONEscaper.quoted).joined(separator: ", "))], "
            + "\"Ipv6Cidrs\": [\(e.ipv6CIDRs.map(JSONEscaper.quoted).joined(separator: ", "))]}"
    }
}
