/// A connection as a one-line JSON object with the API's field names, for `diff --format json`.
package enum ConnectionJSON {
    private static let apiFields = ConnectionField.with(.apiJSON)

    package static func object(_ c: PeeringConnection) -> String {
        var fields: [String] = ["\"InstanceId\": \(JSONEscaper.quoted(c.id.text))"]
        for field in apiFields {
            field.withValue(of: c) { value in
                guard let value else { return }
                fields.append(
                    "\(JSONEscaper.quoted(field.apiName)): \(field.kind == .integer ? value : JSONEscaper.quoted(value))"
                )
            }
        }
        fields.append("\"Vpc\": \(endpoint(c.requester))")
        fields.append("\"AcceptingVpc\": \(endpoint(c.accepter))")
        fields.append(
            "\"Tags\": [\(c.tags.map { "{\"Key\": \(JSONEscaper.quoted($0.key)), \"Value\": \(JSONEscaper.quoted($0.value))}" }.joined(separator: ", "))]"
        )
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func endpoint(_ e: VPCEndpoint) -> String {
        "{\"VpcId\": \(JSONEscaper.quoted(e.vpcID.text)), \"Ipv4Cidrs\": [\(e.ipv4CIDRs.map(JSONEscaper.quoted).joined(separator: ", "))], "
            + "\"Ipv6Cidrs\": [\(e.ipv6CIDRs.map(JSONEscaper.quoted).joined(separator: ", "))]}"
    }
}
