import Foundation
import Testing

@testable import PeerGraphKit

/// The STS requests, byte for byte against the vectors computed for a Foundation-only client.
@Suite struct STSRequestTests {
    static let date = APITimestampDate.vector

    @Test func assumeRoleIsTheACS3RequestOfTheVector() throws {
        let vector = try CredentialVector("assume_role_acs3_minimal_computed")
        let recorded = vector.exchanges[0]
        let inputs = vector.json["inputs"] as! [String: Any]
        let role = RoleRequest(arn: inputs["role_arn"] as! String, policy: inputs["policy"] as? String)
        let request = APIRequest.assumeRole(role).signed(
            endpoint: URL(string: "https://sts.aliyuncs.com")!,
            credentials: AlibabaCredentials(accessKeyID: "testid", accessKeySecret: "testsecret", source: "vector"),
            date: Self.date, nonce: "0123456789abcdef0123456789abcdef")
        #expect(request.url.absoluteString == "https://sts.aliyuncs.com" + recorded.requestTarget)
        #expect(request.method == "POST")
        #expect(request.body.isEmpty)
        for (name, value) in recorded.headers where name.lowercased().hasPrefix("x-acs-") || name == "Authorization" {
            #expect(request.header(name.lowercased()) == value, "\(name)")
        }
        // The policy's spaces are %20 in the URL and the signature (never the `+` of the Python library).
        #expect(request.url.absoluteString.contains("%22Version%22%3A%20%221%22"))
    }

    @Test func assumeRoleWithOIDCIsAnonymousAndTheFormOfTheVector() throws {
        let vector = try CredentialVector("assume_role_with_oidc_post_form_computed")
        let recorded = vector.exchanges[0]
        let request = APIRequest.assumeRoleWithOIDC(
            roleARN: "acs:ram::1000000000000002:role/ResourceDirectoryAccountAccessRole",
            providerARN: "acs:ram::1000000000000001:oidc-provider/test-github", token: "eyJ.test-oidc-token.sig",
            sessionName: "peergraph", durationSeconds: 3600, policy: nil
        ).unsigned(endpoint: URL(string: "https://sts.aliyuncs.com")!, date: Self.date)
        #expect(request.url.absoluteString == "https://sts.aliyuncs.com" + recorded.requestTarget)
        #expect(String(decoding: request.body, as: UTF8.self) == recorded.body)
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.header("authorization") == nil)
        #expect(
            !request.url.absoluteString.contains("AccessKeyId") && !request.url.absoluteString.contains("OIDCToken"))
    }

    @Test func listAccountsAsksThePagesOfTheVector() throws {
        let vector = try CredentialVector("resourcemanager_list_accounts")
        let request = APIRequest.listAccounts(pageNumber: 1).signed(
            endpoint: ResourceDirectoryMember.endpoint,
            credentials: AlibabaCredentials(accessKeyID: "testid", accessKeySecret: "testsecret", source: "vector"))
        #expect(
            request.url.absoluteString == "https://resourcemanager.aliyuncs.com" + vector.exchanges[0].requestTarget)
        #expect(request.header("x-acs-version") == "2020-03-31")
        let (members, total) = try ResourceDirectoryMember.page(Array(vector.exchanges[0].responseBody.utf8))
        #expect(total == 3)
        #expect(members.map(\.id) == ["1000000000000001", "1000000000000002", "1000000000000003"])
        #expect(members[1].displayName == "prod-network")
        #expect(members.allSatisfy { $0.isUsable })
    }

    @Test func stsEndpointsAreGlobalRegionalOrVPC() {
        let services = CredentialServices(transport: VectorReplayStub())
        #expect(services.stsEndpoint().absoluteString == "https://sts.aliyuncs.com")
        var regional = services
        regional.environment = ["ALIBABA_CLOUD_STS_REGION": "cn-hangzhou"]
        #expect(regional.stsEndpoint().absoluteString == "https://sts.cn-hangzhou.aliyuncs.com")
        regional.environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true"
        #expect(regional.stsEndpoint().absoluteString == "https://sts-vpc.cn-hangzhou.aliyuncs.com")
        #expect(
            services.stsEndpoint(STSSettings(region: "ap-southeast-1", vpc: true)).absoluteString
                == "https://sts-vpc.ap-southeast-1.aliyuncs.com")
        // A region that makes no host name falls back to the global endpoint.
        #expect(
            services.stsEndpoint(STSSettings(region: "evil.example/x")).absoluteString == "https://sts.aliyuncs.com")
        var overridden = services
        overridden.endpointOverride = URL(string: "http://127.0.0.1:9")
        #expect(overridden.stsEndpoint(STSSettings(region: "cn-hangzhou")).absoluteString == "http://127.0.0.1:9")
    }

    @Test func roleARNsAndSessionNamesAreChecked() {
        #expect(RoleRequest.account(ofARN: "acs:ram::1000000000000002:role/peergraph-reader") == "1000000000000002")
        for bad in ["acs:ram::12x:role/r", "acs:ram:cn:1:role/r", "acs:ram::1:user/r", "acs:ram::1:role/", "arn"] {
            #expect(RoleRequest.account(ofARN: bad) == nil, "\(bad)")
        }
        #expect(RoleRequest.problem(withSessionName: "peergraph-ci.run@1_x") == nil)
        for bad in ["a", String(repeating: "a", count: 65), "has space", "ünï"] {
            #expect(RoleRequest.problem(withSessionName: bad) != nil, "\(bad)")
        }
    }
}

/// A transport that is never called.
struct VectorReplayStub: HTTPTransport {
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        throw .connectionFailed("not expected")
    }
}

enum APITimestampDate {
    /// 2025-01-15T08:30:00Z, the vectors' pinned time.
    static let vector = Date(timeIntervalSince1970: 1_736_929_800)
}
