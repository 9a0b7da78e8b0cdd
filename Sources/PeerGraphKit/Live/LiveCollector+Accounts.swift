extension LiveCollector {
    /// AssumeRole calls made ahead at once: well below STS's 100 a second, which the caller's account
    /// shares with everything else it runs.
    static let assumeRoleConcurrency = 4

    /// Every region of every account: at most `concurrency` requests at once over all of them, and at
    /// most `perAccount` for any one account (its API rate limits are its own), accounts in order and
    /// each account's regions in order. An account's credentials are fetched by its first request (a
    /// member's role assumed then, once); when they cannot be had, the account fails once, named with its
    /// label, and none of its regions is asked. With `keepGoing`, failures are collected; otherwise the
    /// first one cancels the rest and is thrown. Results are in account and region order, however the
    /// requests were interleaved.
    package func collect(
        accounts: [AccountTarget], regions: [String], keepGoing: Bool, perAccount: Int? = nil,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws(APIError) -> Collection {
        let perAccount = max(1, min(perAccount ?? concurrency, concurrency))
        let prefetch = prefetchCredentials(of: accounts, width: min(Self.assumeRoleConcurrency, concurrency / 4))
        defer { prefetch.cancel() }
        let jobs = accounts.indices.flatMap { account in regions.map { (account, $0) } }
        var results: [(Int, RegionResult)] = []
        var failures: [(Int, APIError)] = []
        var failedAccounts: Set<Int> = []
        let outcome: APIError? = await withTaskGroup(of: (Int, Result<RegionResult, APIError>).self) { group in
            var pending = Array(jobs.indices)
            var inFlight = [Int](repeating: 0, count: accounts.count)
            /// Starts the first waiting request whose account is below its bound; false when there is none.
            func startNext() -> Bool {
                guard let position = pending.firstIndex(where: { inFlight[jobs[$0].0] < perAccount }) else {
                    return false
                }
                let index = pending.remove(at: position), (accountIndex, region) = jobs[index]
                inFlight[accountIndex] += 1
                let account = accounts[accountIndex]
                group.addTask {
                    (index, await collect(region: region, of: account, at: accountIndex, progress: progress))
                }
                return true
            }
            var running = 0
            while running < concurrency, startNext() { running += 1 }
            while let (index, result) = await group.next() {
                running -= 1
                inFlight[jobs[index].0] -= 1
                switch result {
                case .success(let value):
                    results.append((index, value))
                case .failure(let error):
                    if !keepGoing {
                        group.cancelAll()
                        return error
                    }
                    // A whole account's failure is said once, however many of its regions it stopped.
                    if error.region == nil {
                        if failedAccounts.insert(jobs[index].0).inserted { failures.append((index, error)) }
                    } else {
                        failures.append((index, error))
                    }
                }
                while running < concurrency, startNext() { running += 1 }
            }
            return nil
        }
        if let outcome { throw outcome }
        return Collection(
            results: results.sorted { $0.0 < $1.0 }.map(\.1), failures: failures.sorted { $0.0 < $1.0 }.map(\.1),
            failedAccounts: failedAccounts)
    }

    /// One region of one account, with that account's credentials.
    private func collect(
        region: String, of account: AccountTarget, at accountIndex: Int,
        progress: @escaping @Sendable (Progress) -> Void
    ) async -> Result<RegionResult, APIError> {
        let credentials: AlibabaCredentials
        do throws(CredentialError) {
            credentials = try await account.credentials.current()
        } catch {
            return .failure(
                APIError(
                    region: nil, action: "AssumeRole", reason: .credentials(message: error.message, code: error.code),
                    attempts: 1, account: account.label ?? account.id.map { "account \($0)" }))
        }
        var scoped = self
        scoped.client.credentials = credentials
        do throws(APIError) {
            var result = try await scoped.collect(region: region, progress: progress)
            result.accountIndex = accountIndex
            return .success(result)
        } catch {
            var failure = error
            failure.account = account.label
            progress(.regionFailed(region: region))
            return .failure(failure)
        }
    }

    /// Fetches the accounts' credentials ahead of their regions, in account order, `width` at a time
    /// (none with a width of 0): else every slot that reaches a new account waits for its AssumeRole.
    /// The fetches are shared with the requests that need them, so each account still assumes its role once.
    private func prefetchCredentials(of accounts: [AccountTarget], width: Int) -> Task<Void, Never> {
        Task {
            guard width > 0 else { return }
            await withTaskGroup(of: Void.self) { group in
                var next = 0
                func startNext() {
                    guard next < accounts.count, !Task.isCancelled else { return }
                    let account = accounts[next]
                    next += 1
                    group.addTask { _ = try? await account.credentials.current() }
                }
                for _ in 0..<width { startNext() }
                while await group.next() != nil { startNext() }
            }
        }
    }
}
