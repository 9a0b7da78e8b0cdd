import Foundation

/// The RAM role of the ECS instance, from its metadata service (config.json `EcsRamRole`, INI
/// `ecs_ram_role`, and the chain's fifth step). IMDSv2 first: a token from `PUT /latest/api/token`
/// before each read, sent as `X-aliyun-ecs-metadata-token`. When no token can be had, or a read with it
/// fails, the read is tried without one (IMDSv1), unless `ALIBABA_CLOUD_IMDSV1_DISABLED=true`. Every
/// request has a 1 s timeout, so that the chain stays fast off ECS.
package struct ECSRoleProvider: CredentialProvider {
    /// The role; nil: the one the metadata service names.
    package var roleName: String?

    package init(roleName: String? = nil) { self.roleName = roleName?.isEmpty == true ? nil : roleName }

    package var path: String { "ecs_ram_role" }

    static let tokenTTLSeconds = "21600"
    static let credentialsPath = "/latest/meta-data/ram/security-credentials/"

    package func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
        let v1Disabled = services.environment["ALIBABA_CLOUD_IMDSV1_DISABLED"]?.lowercased() == "true"
        var role = roleName
        if role == nil {
            let body = try await read(Self.credentialsPath, what: "the instance's RAM role", v1Disabled, services)
            let named = String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
                String($0).trimmingWhitespace()
            }
            guard let named, !named.isEmpty, !named.contains("/") else {
                throw CredentialError(service: "the ECS metadata service names no RAM role for this instance")
            }
            role = named
        }
        let name = role ?? ""
        let body = try await read(
            Self.credentialsPath + PercentEncoding.rfc3986(name), what: "the credentials of RAM role \(name)",
            v1Disabled, services)
        return try TemporaryCredentialsAnswer.read(
            body, requireSuccessCode: true, source: "the ECS instance RAM role \(name)", path: path)
    }

    /// A GET of `path`: with a fresh token when the service gives one, without when it does not (or
    /// the read with it failed) unless IMDSv1 is disabled.
    private func read(
        _ path: String, what: String, _ v1Disabled: Bool, _ services: CredentialServices
    ) async throws(CredentialError) -> [UInt8] {
        let token = try await sessionToken(v1Disabled, services)
        var headers: [(name: String, value: String)] = []
        if let token { headers.append((name: "x-aliyun-ecs-metadata-token", value: token)) }
        var outcome = await send("GET", path, headers: headers, services)
        if case .failure = outcome, token != nil, !v1Disabled {
            outcome = await send("GET", path, headers: [], services)
        }
        switch outcome {
        case .success(let body): return body
        case .failure(let why):
            throw CredentialError(service: "the ECS metadata service did not give \(what): \(why)")
        }
    }

    /// The IMDSv2 token, or nil when the service gives none and IMDSv1 may be used.
    private func sessionToken(
        _ v1Disabled: Bool, _ services: CredentialServices
    ) async throws(CredentialError)
        -> String?
    {
        switch await send(
            "PUT", "/latest/api/token",
            headers: [(name: "x-aliyun-ecs-metadata-token-ttl-seconds", value: Self.tokenTTLSeconds)], services)
        {
        case .success(let body):
            let token = String(decoding: body, as: UTF8.self).trimmingWhitespace()
            services.scrubber.add([token])
            return token.isEmpty ? nil : token
        case .failure(let why):
            if v1Disabled {
                throw CredentialError(
                    service:
                        "the ECS metadata service gave no session token (\(why)), and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids reading without one"
                )
            }
            return nil
        }
    }

    /// One request to the metadata service: the body of a 200, or why there was none.
    private func send(
        _ method: String, _ path: String, headers: [(name: String, value: String)], _ services: CredentialServices
    ) async -> Result<[UInt8], MetadataFailure> {
        let base = services.metadataEndpoint
        guard let url = URL(string: "\(base.scheme ?? "http")://\(APIRequest.hostHeader(base))\(path)") else {
            return .failure(MetadataFailure(text: "bad URL"))
        }
        let request = HTTPRequest(url: url, method: method, headers: headers, body: [], action: "ECS metadata")
        do {
            let response = try await services.transport.send(request, timeout: CredentialServices.metadataTimeout)
            services.log("ECS metadata \(method) \(path): HTTP \(response.status)")
            guard response.status == 200 else { return .failure(MetadataFailure(text: "HTTP \(response.status)")) }
            return .success(response.body)
        } catch {
            services.log("ECS metadata \(method) \(path): \(error == .timedOut ? "timed out" : "failed")")
            return .failure(MetadataFailure(text: error == .timedOut ? "no answer within 1 s" : "not reachable"))
        }
    }

    struct MetadataFailure: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }
}
