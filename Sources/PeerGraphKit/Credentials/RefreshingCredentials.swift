import Foundation

/// One account's credentials for the run: fetched on first use, kept in memory only, fetched again
/// when they come within `AlibabaCredentials.refreshMargin` of expiring (or within half their life, for
/// sessions shorter than twice the margin, which would otherwise be stale at birth). Callers that ask
/// at once share one fetch, and a failure is remembered: a run makes at most one AssumeRole per account
/// until the credentials near expiry.
package actor RefreshingCredentials {
    package nonisolated let provider: any CredentialProvider
    package nonisolated let services: CredentialServices
    /// How `--verbose` names whose credentials these are (`role acs:ram::…`); nil: the run's own.
    package nonisolated let label: String?
    private var cached: (credentials: AlibabaCredentials, refreshAt: Date?)?
    private var failure: CredentialError?
    private var pending: Task<Result<AlibabaCredentials, CredentialError>, Never>?
    /// How many times the provider was asked.
    package private(set) var fetches = 0

    package init(_ provider: any CredentialProvider, services: CredentialServices, label: String? = nil) {
        self.provider = provider
        self.services = services
        self.label = label
    }

    /// Credentials that are good for a while yet.
    package func current() async throws(CredentialError) -> AlibabaCredentials {
        try await obtain().get()
    }

    private func obtain() async -> Result<AlibabaCredentials, CredentialError> {
        if let failure { return .failure(failure) }
        if let cached, isFresh(cached.refreshAt) { return .success(cached.credentials) }
        if let pending { return await pending.value }
        let task = Task { [provider, services] in await Self.fetch(provider, services) }
        pending = task
        fetches += 1
        let fetchedAt = services.now()
        let result = await task.value
        pending = nil
        switch result {
        case .success(let credentials):
            services.scrubber.add(credentials.secrets)
            services.log("credentials\(label.map { " of \($0)" } ?? ""): \(credentials)")
            cached = (credentials, Self.refreshTime(credentials.expiration, fetchedAt: fetchedAt))
        case .failure(let error):
            failure = error
        }
        return result
    }

    private func isFresh(_ refreshAt: Date?) -> Bool {
        guard let refreshAt else { return true }
        return services.now() < refreshAt
    }

    private static func fetch(
        _ provider: any CredentialProvider, _ services: CredentialServices
    ) async -> Result<AlibabaCredentials, CredentialError> {
        do {
            return .success(try await provider.fetch(services))
        } catch {
            return .failure(error)
        }
    }

    /// When credentials expiring at `expiration` should be fetched again.
    static func refreshTime(_ expiration: Date?, fetchedAt: Date) -> Date? {
        guard let expiration else { return nil }
        let life = expiration.timeIntervalSince(fetchedAt)
        return expiration.addingTimeInterval(-min(AlibabaCredentials.refreshMargin, max(0, life / 2)))
    }
}
