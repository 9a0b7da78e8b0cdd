import Foundation

extension APIRequest {
    /// STS and ResourceManager, for which `--endpoint` also stands in.
    package static let stsVersion = "2015-04-01"

    /// STS `AssumeRole` (2015-04-01), ACS3-signed as the STS SDK sends it: every parameter in the query,
    /// no body. Spaces are `%20` (the canonical form), never `+`.
    package static func assumeRole(_ role: RoleRequest) -> APIRequest {
        var query: [(String, String)] = [
            ("DurationSeconds", String(role.durationSeconds)), ("RoleArn", role.arn),
            ("RoleSessionName", role.sessionName),
        ]
        if let externalID = role.externalID { query.append(("ExternalId", externalID)) }
        if let policy = role.policy { query.append(("Policy", policy)) }
        return APIRequest(
            action: "AssumeRole", version: stsVersion, query: query.sorted { ByteOrder.less($0.0, $1.0) }, body: nil)
    }

    /// STS `AssumeRoleWithOIDC`: anonymous (the token is the credential), its parameters in a form body
    /// so that the token stays out of the URL and of any log of it.
    package static func assumeRoleWithOIDC(
        roleARN: String, providerARN: String, token: String, sessionName: String, durationSeconds: Int,
        policy: String?
    ) -> APIRequest {
        var body: [(String, String)] = [
            ("DurationSeconds", String(durationSeconds)), ("OIDCProviderArn", providerARN), ("OIDCToken", token),
            ("RoleArn", roleARN), ("RoleSessionName", sessionName),
        ]
        if let policy { body.append(("Policy", policy)) }
        return APIRequest(
            action: "AssumeRoleWithOIDC", version: stsVersion, query: [],
            body: body.sorted { ByteOrder.less($0.0, $1.0) })
    }

    /// STS `GetCallerIdentity`: which account the credentials belong to (every identity may call it).
    package static func getCallerIdentity() -> APIRequest {
        APIRequest(action: "GetCallerIdentity", version: stsVersion, query: [], body: nil)
    }

    /// ResourceManager `ListAccounts` (2020-03-31): one page of the Resource Directory's members.
    package static func listAccounts(pageNumber: Int, pageSize: Int = 100) -> APIRequest {
        APIRequest(
            action: "ListAccounts", version: "2020-03-31",
            query: [("PageNumber", String(pageNumber)), ("PageSize", String(pageSize))], body: nil)
    }

    /// The request without a signature, in the RPC form anonymous calls take: `Action`, `Format`,
    /// `Timestamp` and `Version` in the query, the parameters in the form body; no AccessKey, no token.
    package func unsigned(endpoint: URL, date: Date = Date()) -> HTTPRequest {
        var parameters = [
            ("Action", action), ("Format", "JSON"), ("Timestamp", Self.timestamp(date)), ("Version", version),
        ]
        parameters += query
        let canonical = ACS3Signer.canonicalQueryString(parameters)
        let bodyBytes = Array((body.map(PercentEncoding.formBody) ?? "").utf8)
        var headers: [(name: String, value: String)] = [
            (name: "accept", value: "application/json"),
            (name: "user-agent", value: "peergraph/\(PeerGraphVersion.current)"),
        ]
        if body != nil { headers.append((name: "content-type", value: "application/x-www-form-urlencoded")) }
        let url = URL(string: "\(endpoint.scheme ?? "https")://\(Self.hostHeader(endpoint))/?\(canonical)") ?? endpoint
        return HTTPRequest(
            url: url, method: "POST", headers: headers.sorted { $0.name < $1.name }, body: bodyBytes, action: action)
    }
}
