import Foundation
import Testing

@testable import PeerGraphKit

/// A transport that answers every ListVpcPeerConnections with one connection and a new NextToken.
final class EndlessTokenTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var served = 0
    var requests: Int { lock.withLock { served } }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        let page = lock.withLock { () -> Int in
            served += 1
            return served
        }
        let body =
            #"{"RequestId":"r\#(page)","NextToken":"token-\#(page)","VpcPeerConnects":[{"InstanceId":"pcc-\#(page)","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-b"}}]}"#
        return HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: Array(body.utf8))
    }
}

@Suite struct LiveCollectorTests {
    @Test func aTokenThatNeverEndsStopsAtThePageLimit() async throws {
        let transport = EndlessTokenTransport()
        let client = AlibabaCloudClient(
            transport: transport,
            credentials: AlibabaCredentials(accessKeyID: "id", accessKeySecret: "secret", source: "test"))
        var collector = LiveCollector(client: client, endpointOverride: URL(string: "http://127.0.0.1:9")!)
        collector.maximumPages = 50
        do {
            _ = try await collector.collect(region: "cn-hangzhou")
            Issue.record("an endless token was followed to the end")
        } catch {
            #expect(error.reason == .tooManyPages(50))
            #expect(error.description == "cn-hangzhou: ListVpcPeerConnections failed: more than 50 pages; stopped")
        }
        #expect(transport.requests == 50)
    }

    @Test func retriesAreBoundedAndReSigned() async throws {
        final class Failing: HTTPTransport, @unchecked Sendable {
            let lock = NSLock()
            var nonces: [String] = []
            func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
                lock.withLock { nonces.append(request.header("x-acs-signature-nonce") ?? "") }
                throw .connectionFailed("reset by peer")
            }
        }
        let transport = Failing()
        let client = AlibabaCloudClient(
            transport: transport,
            credentials: AlibabaCredentials(accessKeyID: "id", accessKeySecret: "secret", source: "test"),
            retryPolicy: RetryPolicy(maximumRetries: 3), sleep: { _ in })
        let collector = LiveCollector(client: client, endpointOverride: URL(string: "http://127.0.0.1:9")!)
        await #expect(throws: APIError.self) { _ = try await collector.collect(region: "r") }
        #expect(transport.nonces.count == 4)
        #expect(Set(transport.nonces).count == 4)
    }

    @Test func backoffIsFullJitterWithinItsBoundAndHonoursRetryAfter() {
        let policy = RetryPolicy(maximumRetries: 3, baseDelay: 0.2, throttlingBaseDelay: 0.5, maximumDelay: 20)
        for retry in 0..<8 {
            let bound = min(20, 0.5 * Double(1 << retry))
            for _ in 0..<50 {
                #expect(
                    (0...bound).contains(policy.delay(beforeRetry: retry, throttled: true, retryAfterMilliseconds: nil))
                )
            }
        }
        #expect(policy.delay(beforeRetry: 0, throttled: false, retryAfterMilliseconds: 1500) == 1.5)
        #expect(policy.delay(beforeRetry: 0, throttled: false, retryAfterMilliseconds: 90_000) == 20)
    }
}
