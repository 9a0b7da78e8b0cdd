import Foundation

/// One RPC-style Alibaba Cloud API call before signing: which action, where each parameter goes.
package struct APIRequest: Sendable, Equatable {
    package var action: String
    package var version: String
    /// Parameters sent in the URL query, in order.
    package var query: [(String, String)]
    /// Parameters sent in the form body; nil for an operation with no body (no content-type is sent).
    package var body: [(String, String)]?

    package static func == (lhs: APIRequest, rhs: APIRequest) -> Bool {
        lhs.action == rhs.action && lhs.version == rhs.version && lhs.query.elementsEqual(rhs.query, by: ==)
            && (lhs.body ?? []).elementsEqual(rhs.body ?? [], by: ==) && (lhs.body == nil) == (rhs.body == nil)
    }

    /// The filters `ListVpcPeerConnections` accepts.
    package struct ListFilters: Sendable, Equatable {
        package var instanceID: String?
        package var name: String?
        package var vpcIDs: [String] = []
        package var resourceGroupID: String?
        package var tags: [ConnectionFilter.TagCriterion] = []

        package init() {}
    }

    /// `ListVpcPeerConnections` (VpcPeer 2022-01-01): body `InstanceId`, `MaxResults`, `Name`, `NextToken`,
    /// `RegionId`, `VpcId` (comma-joined); query `ResourceGroupId`, `Tags.N.Key`, `Tags.N.Value`.
    package static func listVpcPeerConnections(
        region: String?, filters: ListFilters, maxResults: Int? = 100, nextToken: String? = nil
    ) -> APIRequest {
        var body: [(String, String)] = []
        if let id = filters.instanceID { body.append(("InstanceId", id)) }
        if let maxResults { body.append(("MaxResults", String(maxResults))) }
        if let name = filters.name { body.append(("Name", name)) }
        if let nextToken, !nextToken.isEmpty { body.append(("NextToken", nextToken)) }
        if let region { body.append(("RegionId", region)) }
        if !filters.vpcIDs.isEmpty { body.append(("VpcId", filters.vpcIDs.joined(separator: ","))) }
        var query: [(String, String)] = []
        if let group = filters.resourceGroupID { query.append(("ResourceGroupId", group)) }
        for (index, tag) in filters.tags.enumerated() {
            query.append(("Tags.\(index + 1).Key", tag.key))
            if let value = tag.value { query.append(("Tags.\(index + 1).Value", value)) }
        }
        return APIRequest(
            action: "ListVpcPeerConnections", version: "2022-01-01", query: query,
            body: body.sorted { ByteOrder.less($0.0, $1.0) })
    }

    /// Vpc `DescribeRegions` (2016-04-28): query only, no body.
    package static func describeRegions(language: String = "en-US") -> APIRequest {
        APIRequest(action: "DescribeRegions", version: "2016-04-28", query: [("AcceptLanguage", language)], body: nil)
    }

    /// Vpc `DescribeVpcs` (2016-04-28): query only. Up to 20 VPC ids, pages of up to 50.
    package static func describeVpcs(
        region: String, vpcIDs: [String], pageNumber: Int, pageSize: Int = 50
    ) -> APIRequest {
        var query: [(String, String)] = [
            ("PageNumber", String(pageNumber)), ("PageSize", String(pageSize)), ("RegionId", region),
        ]
        if !vpcIDs.isEmpty { query.append(("VpcId", vpcIDs.joined(separator: ","))) }
        return APIRequest(action: "DescribeVpcs", version: "2016-04-28", query: query, body: nil)
    }

    /// The signed HTTP request for `endpoint` (scheme, host and optional port), with a fresh date and nonce
    /// unless given. Signs `host`, `content-type` when there is a body, and every `x-acs-*` header.
    package func signed(
        endpoint: URL, credentials: AlibabaCredentials, date: Date = Date(), nonce: String? = nil
    ) -> HTTPRequest {
        let bodyText = body.map(PercentEncoding.formBody) ?? ""
        let bodyBytes = Array(bodyText.utf8)
        var headers: [String: String] = [
            "host": Self.hostHeader(endpoint),
            "x-acs-action": action,
            "x-acs-version": version,
            "x-acs-date": Self.timestamp(date),
            "x-acs-signature-nonce": nonce ?? Self.makeNonce(),
            "x-acs-content-sha256": SHA256.hash(bodyBytes).hexString,
        ]
        if body != nil { headers["content-type"] = "application/x-www-form-urlencoded" }
        if let token = credentials.securityToken {
            headers["x-acs-accesskey-id"] = credentials.accessKeyID
            headers["x-acs-security-token"] = token
        }
        let signature = ACS3Signer.sign(
            method: "POST", query: query, headers: headers, body: bodyBytes, credentials: credentials)
        var components = "\(endpoint.scheme ?? "https")://\(Self.hostHeader(endpoint))/"
        if !signature.canonicalQueryString.isEmpty { components += "?" + signature.canonicalQueryString }
        var sent = headers.filter { $0.key != "host" }.map { (name: $0.key, value: $0.value) }
        sent.append((name: "authorization", value: signature.authorization))
        sent.append((name: "accept", value: "application/json"))
        sent.append((name: "user-agent", value: "peergraph/\(PeerGraphVersion.current)"))
        // The endpoint was checked when it was given; a URL that still does not parse goes to the endpoint
        // as it is (the server then rejects the signature) rather than crashing.
        return HTTPRequest(
            url: URL(string: components) ?? endpoint, method: "POST",
            headers: sent.sorted { $0.name < $1.name }, body: bodyBytes, action: action)
    }

    /// `host` or `host:port` when the port is not the scheme's default, as URLSession sends it.
    static func hostHeader(_ endpoint: URL) -> String {
        var host = endpoint.host ?? ""
        // An IPv6 literal keeps its brackets (`[::1]:8080`), which some URL parsers strip from `host`.
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        guard let port = endpoint.port else { return host }
        let isDefault = (endpoint.scheme == "https" && port == 443) || (endpoint.scheme == "http" && port == 80)
        return isDefault ? host : "\(host):\(port)"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    /// 16 random bytes as 32 lower-case hex characters.
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexString
    }
}
