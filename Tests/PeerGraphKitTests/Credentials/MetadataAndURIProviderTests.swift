import Foundation
import Testing

@testable import PeerGraphKit

/// The ECS metadata service and credentials URI providers, replaying the official library's recorded
/// flows: the same requests in the same order (method, path, token headers), the same outcome.
@Suite struct MetadataAndURIProviderTests {
    /// The metadata-token headers of a request, names in lower case.
    static func tokenHeaders(_ headers: [(String, String)]) -> [String] {
        headers.filter { $0.0.lowercased().contains("metadata-token") }.map { "\($0.0.lowercased()): \($0.1)" }.sorted()
    }

    static func replay(
        _ name: String, role: String?, v1Disabled: Bool = false
    ) async throws -> (Result<AlibabaCredentials, CredentialError>, VectorReplay, CredentialVector) {
        let vector = try CredentialVector(name)
        let replay = VectorReplay(vector)
        let services = CredentialServices.replaying(
            replay, environment: v1Disabled ? ["ALIBABA_CLOUD_IMDSV1_DISABLED": "true"] : [:])
        let result: Result<AlibabaCredentials, CredentialError>
        do {
            result = .success(try await ECSRoleProvider(roleName: role).fetch(services))
        } catch {
            result = .failure(error)
        }
        // Request for request: what the library sent is what peergraph sends.
        #expect(replay.sent.count == vector.exchanges.count, "\(name): \(replay.sentKinds)")
        for (sent, recorded) in zip(replay.sent, vector.exchanges) {
            #expect(sent.method == recorded.method, "\(name)")
            let path = URLComponents(url: sent.url, resolvingAgainstBaseURL: false)?.percentEncodedPath
            #expect(sent.url.host == "100.100.100.200" && path == recorded.path, "\(name): \(sent.url)")
            #expect(
                Self.tokenHeaders(sent.headers.map { ($0.name, $0.value) }) == Self.tokenHeaders(recorded.headers),
                "\(name) \(recorded.method) \(recorded.path)")
        }
        return (result, replay, vector)
    }

    @Test(arguments: [
        ("ecs_imdsv2_role_discovery", nil as String?, false),
        ("ecs_imdsv2_named_role", "EcsRamRoleTest", false),
        ("ecs_imdsv2_hardened_default_client", nil, false),
        ("ecs_imdsv2_hardened_only", nil, true),
        ("ecs_imdsv1_fallback_no_token_service", nil, false),
        ("ecs_imdsv1_fallback_after_token_get_fails", "EcsRamRoleTest", false),
    ])
    func theMetadataServiceFlowsOfTheLibrary(name: String, role: String?, v1Disabled: Bool) async throws {
        let (result, _, vector) = try await Self.replay(name, role: role, v1Disabled: v1Disabled)
        let credentials = try result.get()
        #expect(credentials.accessKeyID == vector.resultKeyID)
        #expect(credentials.securityToken == "ststoken-ecs")
        #expect(credentials.providerPath == "ecs_ram_role")
        #expect(credentials.expiration == TemporaryCredentialsAnswer.parseExpiration("2035-01-15T09:30:00Z"))
    }

    @Test func withoutIMDSv1ATokenlessServiceIsAnError() async throws {
        let (result, _, _) = try await Self.replay(
            "ecs_imdsv1_disabled_no_token", role: "EcsRamRoleTest", v1Disabled: true)
        guard case .failure(let error) = result else {
            Issue.record("credentials without a token")
            return
        }
        #expect(error.message.contains("gave no session token (HTTP 404)"))
        #expect(error.message.contains("ALIBABA_CLOUD_IMDSV1_DISABLED=true"))
    }

    @Test func aHardenedInstanceWhoseTokenFailsIsAnError() async throws {
        let (result, _, _) = try await Self.replay("ecs_hardened_token_put_fails", role: "EcsRamRoleTest")
        guard case .failure(let error) = result else {
            Issue.record("credentials from a refused read")
            return
        }
        #expect(
            error.message
                == "the ECS metadata service did not give the credentials of RAM role EcsRamRoleTest: HTTP 403")
        #expect(error.isServiceFailure)
    }

    static func uri(_ name: String) async throws -> Result<AlibabaCredentials, CredentialError> {
        let vector = try CredentialVector(name)
        let replay = VectorReplay(vector)
        let provider = CredentialsURIProvider(url: URL(string: "http://127.0.0.1:8080/credentials?role=peergraph")!)
        defer {
            #expect(replay.sentKinds == ["GET 127.0.0.1 /credentials"])
            #expect(replay.sent.first?.url.query == "role=peergraph")
        }
        do {
            return .success(try await provider.fetch(.replaying(replay)))
        } catch {
            return .failure(error)
        }
    }

    @Test func theCredentialsURIMustAnswerSuccess() async throws {
        let ok = try await Self.uri("credentials_uri_ok").get()
        #expect(ok.accessKeyID == "STS.test-uri" && ok.securityToken == "ststoken-uri")
        let notSuccessResult = try await Self.uri("credentials_uri_code_not_success")
        let httpResult = try await Self.uri("credentials_uri_http_error")
        guard case .failure(let notSuccess) = notSuccessResult, case .failure(let http) = httpResult else {
            Issue.record("a failed credentials URI gave credentials")
            return
        }
        #expect(notSuccess.message.contains("its Code is Failed, not Success"))
        #expect(http.message == "the credentials URI http://127.0.0.1:8080/credentials answered HTTP 500")
        // The URI's query may hold a secret of its own: messages never show it.
        #expect(!notSuccess.message.contains("role=peergraph") && !http.message.contains("role=peergraph"))
    }

    /// Credential answers are read before scrubbing (they hold the new secrets), so their errors show
    /// none of what the answer said but a code-like word.
    @Test func aFailedAnswerEchoesNothingItSaid() {
        let secret = "EchoedSecret/With+Symbols=0123456789"
        for body in [
            #"{"Code":"\#(secret)"}"#,
            #"{"Code":"Success","AccessKeyId":"a","AccessKeySecret":"b","SecurityToken":"c","Expiration":"\#(secret)"}"#,
        ] {
            do {
                _ = try TemporaryCredentialsAnswer.read(
                    Array(body.utf8), requireSuccessCode: true, source: "s", path: "p")
                Issue.record("a bad answer gave credentials")
            } catch {
                #expect(!error.message.contains("EchoedSecret"), "\(error.message)")
            }
        }
    }

    @Test func answersWithoutEveryFieldAreRefused() {
        let missing = #"{"Code":"Success","AccessKeyId":"a","AccessKeySecret":"b","Expiration":"2035-01-15T09:30:00Z"}"#
        #expect(throws: CredentialError.self) {
            try TemporaryCredentialsAnswer.read(Array(missing.utf8), requireSuccessCode: true, source: "s", path: "p")
        }
        let badDate =
            #"{"Credentials":{"AccessKeyId":"a","AccessKeySecret":"b","SecurityToken":"c","Expiration":"soon"}}"#
        #expect(throws: CredentialError.self) {
            try TemporaryCredentialsAnswer.read(Array(badDate.utf8), prefix: "Credentials.", source: "s", path: "p")
        }
        #expect(throws: CredentialError.self) {
            try TemporaryCredentialsAnswer.read(Array("[[[[[[[[[[".utf8), source: "s", path: "p")
        }
    }
}
