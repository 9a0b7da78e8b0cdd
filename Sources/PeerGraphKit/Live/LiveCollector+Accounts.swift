extension LiveCollector {
    /// Every region of every account, at most `concurrency` requests at once over all of them, accounts
    /// in order and each account's regions in order. An account's credentials are fetched by its first
    /// request (a member's role assumed then, once); when they cannot be had, the account fails once,
    /// named with its label, and none of its regions is asked. With `keepGoing`, failures are collected;
    /// otherwise the first one cancels the rest and is thrown.
    package func collect(
        accounts: [AccountTarget], regions: [String], keepGoing: Bool,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws(APIError) -> Collection {
        let jobs = accounts.indices.flatMap { account in regions.map { (account, $0) } }
        var results: [(Int, RegionResult)] = []
        var failures: [(Int, APIError)] = []
        var failedAccounts: Set<Int> = []
        let outcome: APIError? = await withTaskGroup(of: (Int, Result<RegionResult, APIError>).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let index = next, (accountIndex, region) = jobs[index]
                let account = accounts[accountIndex]
                next += 1
                group.addTask {
                    let credentials: AlibabaCredentials
                    do throws(CredentialError) {
                        credentials = try await account.credentials.current()
                    } catch {
                        return (
                            index,
                            .failure(
                                APIError(
                                    region: nil, action: "AssumeRole",
                                    reason: .credentials(message: error.message, code: error.code), attempts: 1,
                                    account: account.label ?? account.id.map { "account \($0)" }))
                        )
                    }
                    var scoped = self
                    scoped.client.credentials = credentials
                    do throws(APIError) {
                        var result = try await scoped.collect(region: region, progress: progress)
                        result.accountIndex = accountIndex
                        return (index, .success(result))
                    } catch {
                        var failure = error
                        failure.account = account.label
                        progress(.regionFailed(region: region))
                        return (index, .failure(failure))
                    }
                }
            }
            for _ in 0..<min(concurrency, jobs.count) { startNext() }
            while let (index, result) = await group.next() {
                switch result {
                case .success(let value):
                    results.append((index, value))
                case .failure(let error):
                    if !keepGoing {
                        group.cancelAll()
                        return error
                    }
                    // A whole account's failure is said once, however many of its regions it stopped.
                    let accountIndex = jobs[index].0
                    if error.region == nil {
                        if failedAccounts.insert(accountIndex).inserted { failures.append((index, error)) }
                    } else {
                        failures.append((index, error))
                    }
                }
                startNext()
            }
            return nil
        }
        if let outcome { throw outcome }
        return Collection(
            results: results.sorted { $0.0 < $1.0 }.map(\.1), failures: failures.sorted { $0.0 < $1.0 }.map(\.1),
            failedAccounts: failedAccounts)
    }
}
