import Foundation
import Testing

@testable import PeerGraphKit

/// The two STS providers on their own, against recorded answers: what they send, what they make of
/// the answer, how they fail.
@Suite struct RoleProviderTests {
    /// Records each request and answers with `answers` in turn.
    final class Scripted: HTTPTransport, @unchecked Sendable {
        let lock = NSLock()
        var answers: [(Int, String)]
        var sent: [HTTPRequest] = []
        init(_ answers: [(Int, String)]) { self.answers = answers }
        func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
            let (status, body) = lock.withLock {
                sent.append(request)
                return answers.removeFirst()
            }
            return HTTPResponse(status: status, headers: [:], body: Array(body.utf8))
        }
    }

    static let base = StaticCredentialProvider(
        AlibabaCredentials(accessKeyID: "testid", accessKeySecret: "testsecret", source: "test"))

    @Test func assumeRoleSignsWithTheSourceAndReadsTheCredentials() async throws {
        let answer = try CredentialVector("assume_role_acs3_minimal_computed").exchanges[0].responseBody
        let transport = Scripted([(200, answer)])
        let services = CredentialServices.replaying(transport)
        let provider = AssumeRoleProvider(
            source: RefreshingCredentials(Self.base, services: services),
            role: RoleRequest(
                arn: "acs:ram::1000000000000002:role/ResourceDirectoryAccountAccessRole", externalID: "x-1"))
        let credentials = try await provider.fetch(services)
        #expect(credentials.accessKeyID == "STS.test-1000000000000002")
        #expect(credentials.securityToken == "ststoken-1000000000000002")
        #expect(credentials.providerPath == "ram_role_arn/static_ak")
        #expect(credentials.expiration == TemporaryCredentialsAnswer.parseExpiration("2035-01-15T09:30:00Z"))
        let request = try #require(transport.sent.first)
        #expect(request.url.host == "sts.aliyuncs.com")
        #expect(request.header("x-acs-action") == "AssumeRole")
        #expect(request.header("authorization")?.contains("Credential=testid,") == true)
        #expect(request.url.query?.contains("ExternalId=x-1") == true)
    }

    @Test func aMissingRoleIsAServiceErrorWithItsCode() async throws {
        let vector = try CredentialVector("assume_role_error_role_not_found").exchanges[0]
        let services = CredentialServices.replaying(Scripted([(vector.status, vector.responseBody)]))
        let provider = AssumeRoleProvider(
            source: RefreshingCredentials(Self.base, services: services),
            role: RoleRequest(arn: "acs:ram::1000000000000002:role/no-such-role"))
        do {
            _ = try await provider.fetch(services)
            Issue.record("a missing role gave credentials")
        } catch {
            #expect(error.code == "EntityNotExist.Role")
            #expect(error.isServiceFailure)
            #expect(
                error.message.hasPrefix(
                    "AssumeRole of acs:ram::1000000000000002:role/no-such-role failed: EntityNotExist.Role"))
        }
    }

    @Test func oidcReadsTheTokenFileAtEveryFetchAndSendsNoKey() async throws {
        let answer = try CredentialVector("assume_role_with_oidc_post_form_computed").exchanges[0].responseBody
        let transport = Scripted([(200, answer), (200, answer)])
        let services = CredentialServices.replaying(transport)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("oidc-\(UUID().uuidString)")
        try Data("eyJ.first.sig\n".utf8).write(to: file)
        let provider = OIDCRoleProvider(
            roleARN: "acs:ram::1000000000000002:role/r", providerARN: "acs:ram::1:oidc-provider/p", tokenFile: file.path
        )
        _ = try await provider.fetch(services)
        try Data("eyJ.second.sig".utf8).write(to: file)
        let credentials = try await provider.fetch(services)
        #expect(credentials.accessKeyID == "STS.test-1000000000000002")
        let bodies = transport.sent.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies[0].contains("OIDCToken=eyJ.first.sig&") && bodies[1].contains("OIDCToken=eyJ.second.sig&"))
        #expect(
            transport.sent.allSatisfy { $0.header("authorization") == nil && $0.header("x-acs-security-token") == nil })
        // The token is a secret: once read, nothing shown may hold it.
        #expect(services.scrubber.scrub(Array("eyJ.second.sig".utf8)) == Array("[redacted]".utf8))
        try FileManager.default.removeItem(at: file)
        await #expect(throws: CredentialError.self) { _ = try await provider.fetch(services) }
        // A device named by mistake is refused at once, never read for ever.
        var device = provider
        device.tokenFile = "/dev/zero"
        await #expect(throws: CredentialError.self) { _ = try await device.fetch(services) }
    }
}
