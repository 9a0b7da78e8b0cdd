import Foundation
import Testing

@testable import PeerGraphKit

/// Credentials kept for the run: one fetch for callers that ask at once, a new one 15 minutes before
/// expiry (or half-way, for short sessions), a failure remembered.
@Suite struct RefreshingCredentialsTests {
    /// Counts its fetches; each gives credentials that expire `life` seconds after the clock's now.
    final class Counting: CredentialProvider, @unchecked Sendable {
        let lock = NSLock()
        var count = 0
        let life: TimeInterval?
        let fails: Bool
        init(life: TimeInterval?, fails: Bool = false) {
            self.life = life
            self.fails = fails
        }
        var path: String { "counting" }
        func fetch(_ services: CredentialServices) async throws(CredentialError) -> AlibabaCredentials {
            let number = lock.withLock {
                count += 1
                return count
            }
            try? await Task.sleep(nanoseconds: 20_000_000)
            if fails { throw CredentialError(service: "no", code: "NoPermission") }
            return AlibabaCredentials(
                accessKeyID: "STS.\(number)", accessKeySecret: "secret-\(number)", securityToken: "token-\(number)",
                expiration: life.map { services.now().addingTimeInterval($0) }, source: "test")
        }
    }

    final class Clock: @unchecked Sendable {
        let lock = NSLock()
        var now = Date(timeIntervalSince1970: 2_000_000_000)
        func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
        func read() -> Date { lock.withLock { now } }
    }

    static func services(_ clock: Clock) -> CredentialServices {
        CredentialServices(transport: VectorReplayStub(), now: { clock.read() })
    }

    @Test func callersAtOnceShareOneFetchAndTheSecretsAreScrubbed() async throws {
        let provider = Counting(life: 3600)
        let services = Self.services(Clock())
        let credentials = RefreshingCredentials(provider, services: services)
        let keys = await withTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { (try? await credentials.current().accessKeyID) ?? "" } }
            var all: [String] = []
            for await key in group { all.append(key) }
            return all
        }
        #expect(Set(keys) == ["STS.1"])
        #expect(provider.count == 1)
        #expect(services.scrubber.scrub(Array("x token-1 y".utf8)) == Array("x [redacted] y".utf8))
    }

    @Test func refreshedFifteenMinutesBeforeExpiry() async throws {
        let clock = Clock()
        let provider = Counting(life: 3600)
        let credentials = RefreshingCredentials(provider, services: Self.services(clock))
        _ = try await credentials.current()
        clock.advance(44 * 60)
        #expect(try await credentials.current().accessKeyID == "STS.1")
        clock.advance(60 + 1)
        #expect(try await credentials.current().accessKeyID == "STS.2")
        #expect(provider.count == 2)
    }

    @Test func shortSessionsAreRefreshedHalfWayNotAtEveryUse() async throws {
        let clock = Clock()
        let provider = Counting(life: 900)
        let credentials = RefreshingCredentials(provider, services: Self.services(clock))
        for _ in 0..<5 { _ = try await credentials.current() }
        #expect(provider.count == 1)
        clock.advance(451)
        _ = try await credentials.current()
        #expect(provider.count == 2)
    }

    @Test func keysThatDoNotExpireAreFetchedOnce() async throws {
        let clock = Clock()
        let provider = Counting(life: nil)
        let credentials = RefreshingCredentials(provider, services: Self.services(clock))
        _ = try await credentials.current()
        clock.advance(365 * 86400)
        _ = try await credentials.current()
        #expect(provider.count == 1)
    }

    @Test func aFailureIsRememberedSoARoleIsAskedOnce() async throws {
        let provider = Counting(life: 3600, fails: true)
        let credentials = RefreshingCredentials(provider, services: Self.services(Clock()))
        for _ in 0..<3 {
            await #expect(throws: CredentialError.self) { _ = try await credentials.current() }
        }
        #expect(provider.count == 1)
    }
}
