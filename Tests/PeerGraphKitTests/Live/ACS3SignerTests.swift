import Foundation
import Testing

@testable import PeerGraphKit

/// The recorded requests of the official SDK (`Fixtures/vectors`, copied from shared/api/vectors).
struct SigningVector: Sendable, CustomStringConvertible {
    var name: String
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
    var data: Data
    var description: String { name }

    /// Every request vector: single files, the request of errors.json, and each step of the sequences.
    static func all() throws -> [SigningVector] {
        let folder = TestPaths.fixture("vectors")
        var vectors: [SigningVector] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            if object["signing"] != nil {
                vectors.append(SigningVector(name: file, data: data))
            } else if let request = object["request"] as? [String: Any] {
                vectors.append(
                    SigningVector(name: "\(file) request", data: try JSONSerialization.data(withJSONObject: request)))
            }
            for (index, step) in ((object["steps"] as? [[String: Any]]) ?? []).enumerated() {
                if let request = step["request"] {
                    vectors.append(
                        SigningVector(
                            name: "\(file) step \(index + 1)", data: try JSONSerialization.data(withJSONObject: request)
                        ))
                }
            }
        }
        return vectors
    }
}

@Suite struct ACS3SignerTests {
    static let vectors = (try? SigningVector.all()) ?? []

    @Test func thereAreSeventeenRequestVectors() {
        #expect(Self.vectors.count == 17)
    }

    /// Our APIRequest from the vector's API-level inputs.
    static func request(for inputs: [String: Any]) -> APIRequest {
        let params = inputs["params"] as? [String: Any] ?? [:]
        if inputs["action"] as? String == "DescribeRegions" {
            return .describeRegions(language: params["AcceptLanguage"] as? String ?? "zh-CN")
        }
        var filters = APIRequest.ListFilters()
        filters.instanceID = params["InstanceId"] as? String
        filters.name = params["Name"] as? String
        filters.vpcIDs = params["VpcId"] as? [String] ?? []
        filters.resourceGroupID = params["ResourceGroupId"] as? String
        filters.tags = (params["Tags"] as? [[String: String]] ?? []).map {
            ConnectionFilter.TagCriterion(key: $0["Key"]!, value: $0["Value"])
        }
        return .listVpcPeerConnections(
            region: params["RegionId"] as? String, filters: filters,
            maxResults: params["MaxResults"] as? Int, nextToken: params["NextToken"] as? String)
    }

    static func credentials(_ inputs: [String: Any]) -> AlibabaCredentials {
        let c = inputs["credentials"] as! [String: Any]
        return AlibabaCredentials(
            accessKeyID: c["access_key_id"] as! String, accessKeySecret: c["access_key_secret"] as! String,
            securityToken: c["security_token"] as? String, source: "vector")
    }

    @Test(arguments: vectors)
    func placesParametersLikeTheSDK(vector: SigningVector) throws {
        let object = vector.object
        let inputs = try #require(object["inputs"] as? [String: Any])
        let serialized = try #require(object["serialized"] as? [String: Any])
        let request = Self.request(for: inputs)
        let pairs = { (list: Any?) in ((list as? [[String]]) ?? []).map { ($0[0], $0[1]) } }
        #expect(request.query.sorted { $0.0 < $1.0 }.elementsEqual(pairs(serialized["query_params"]), by: ==))
        #expect((request.body ?? []).elementsEqual(pairs(serialized["body_params"]), by: ==))
        #expect(PercentEncoding.formBody(request.body ?? []) == serialized["body"] as? String)
        #expect(SHA256.hexHash(serialized["body"] as? String ?? "") == serialized["body_sha256"] as? String)
    }

    @Test(arguments: vectors)
    func reproducesEverySigningStep(vector: SigningVector) throws {
        let object = vector.object
        let inputs = try #require(object["inputs"] as? [String: Any])
        let serialized = try #require(object["serialized"] as? [String: Any])
        let signing = try #require(object["signing"] as? [String: Any])
        let request = Self.request(for: inputs)
        let signature = ACS3Signer.sign(
            method: "POST", query: request.query, headers: try #require(signing["headers_signed"] as? [String: String]),
            body: Array((serialized["body"] as? String ?? "").utf8), credentials: Self.credentials(inputs))
        #expect(signature.canonicalQueryString == signing["canonical_query_string"] as? String)
        #expect(signature.canonicalHeaders == signing["canonical_headers"] as? String)
        #expect(signature.signedHeaders == signing["signed_headers"] as? String)
        #expect(signature.hashedPayload == signing["hashed_payload"] as? String)
        #expect(signature.canonicalRequest == signing["canonical_request"] as? String)
        #expect(SHA256.hexHash(signature.canonicalRequest) == signing["hashed_canonical_request"] as? String)
        #expect(signature.stringToSign == signing["string_to_sign"] as? String)
        #expect(signature.signature == signing["signature"] as? String)
        #expect(signature.authorization == signing["authorization"] as? String)
    }

    /// The minimal vectors use the header set our client sends: our whole request builder must produce
    /// the recorded Authorization, URL query and body.
    @Test(arguments: vectors.filter { $0.name.hasPrefix("minimal_") })
    func ourRequestBuilderSignsTheMinimalVectors(vector: SigningVector) throws {
        let object = vector.object
        let inputs = try #require(object["inputs"] as? [String: Any])
        let signing = try #require(object["signing"] as? [String: Any])
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: inputs["date"] as! String))
        let signed = Self.request(for: inputs).signed(
            endpoint: URL(string: "https://\(inputs["endpoint"] as! String)")!, credentials: Self.credentials(inputs),
            date: date, nonce: inputs["nonce"] as? String)
        #expect(signed.header("authorization") == signing["authorization"] as? String)
        let query = signing["canonical_query_string"] as! String
        #expect(
            signed.url.absoluteString == "https://\(inputs["endpoint"] as! String)/"
                + (query.isEmpty ? "" : "?" + query))
        #expect(
            String(decoding: signed.body, as: UTF8.self) == (object["serialized"] as! [String: Any])["body"] as? String)
    }

    @Test func signsTheHostWithItsPortAndAFreshNoncePerRequest() {
        let credentials = AlibabaCredentials(accessKeyID: "id", accessKeySecret: "secret", source: "test")
        let request = APIRequest.listVpcPeerConnections(region: "cn-hangzhou", filters: .init())
        let first = request.signed(endpoint: URL(string: "http://127.0.0.1:8123")!, credentials: credentials)
        let second = request.signed(endpoint: URL(string: "http://127.0.0.1:8123")!, credentials: credentials)
        #expect(first.url.absoluteString == "http://127.0.0.1:8123/")
        #expect(first.header("x-acs-signature-nonce") != second.header("x-acs-signature-nonce"))
        #expect(first.header("x-acs-signature-nonce")?.count == 32)
        #expect(
            first.header("authorization")?.contains(
                "SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            ) == true)
    }

    @Test(arguments: [
        ("a b", "a%20b", "a+b"), ("*", "%2A", "%2A"), ("~", "~", "~"), ("/", "%2F", "%2F"), ("ü", "%C3%BC", "%C3%BC"),
        ("+&=,", "%2B%26%3D%2C", "%2B%26%3D%2C"), ("AZaz09-_.", "AZaz09-_.", "AZaz09-_."),
    ])
    func percentEncodings(text: String, rfc3986: String, form: String) {
        #expect(PercentEncoding.rfc3986(text) == rfc3986)
        #expect(PercentEncoding.form(text) == form)
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let credentials = AlibabaCredentials(
            accessKeyID: "LTAI5tExampleKeyID", accessKeySecret: "SuperSecretValue123",
            securityToken: "TokenValue456", source: "environment")
        let shown = "\(credentials) \(String(reflecting: credentials))"
        #expect(!shown.contains("SuperSecretValue123"))
        #expect(!shown.contains("TokenValue456"))
        #expect(!shown.contains("LTAI5tExampleKeyID"))
    }
}
