import Foundation

/// Collects peering connections from the live API: every page of a region (`collect(region:)`), and every
/// region of every account at once within a bound (`collect(accounts:regions:…)`, in
/// `LiveCollector+Accounts.swift`), results merged in account and region order.
package struct LiveCollector: Sendable {
    /// The default VpcPeer endpoint: one host for every region (the region is a parameter).
    package static let vpcPeerEndpoint = URL.fixed("https://vpcpeer.aliyuncs.com")
    /// The Vpc endpoint used for DescribeRegions.
    package static let vpcEndpoint = URL.fixed("https://vpc.aliyuncs.com")
    /// Alibaba Cloud has about 30 regions; a DescribeRegions answer with more than this is not walked.
    package static let maximumRegions = 100
    /// No real account has this many pages of 100 connections in one region.
    package static let maximumPagesPerRegion = 10_000

    package var client: AlibabaCloudClient
    /// Replaces every API host (tests, private endpoints).
    package var endpointOverride: URL?
    package var filters: APIRequest.ListFilters
    package var concurrency: Int
    package var pageSize: Int
    /// Pages per region before giving up (a token that never ends must not mean a run that never ends).
    package var maximumPages = LiveCollector.maximumPagesPerRegion

    package init(
        client: AlibabaCloudClient, endpointOverride: URL? = nil, filters: APIRequest.ListFilters = .init(),
        concurrency: Int = 4, pageSize: Int = 100
    ) {
        self.client = client
        self.endpointOverride = endpointOverride
        self.filters = filters
        self.concurrency = max(1, concurrency)
        self.pageSize = pageSize
    }

    /// One region's pages, as the API sent them.
    package struct RegionResult: Sendable {
        package var region: String
        /// Which of the run's accounts it belongs to (0 when there is one).
        package var accountIndex = 0
        package var connections: [PeeringConnection]
        /// The raw response bodies, in order, for `--save-raw`.
        package var pages: [[UInt8]]
    }

    /// The outcome of a multi-region collection.
    package struct Collection: Sendable {
        package var results: [RegionResult]
        package var failures: [APIError]
        /// The accounts (indices into the run's accounts) whose credentials could not be had.
        package var failedAccounts: Set<Int> = []
        package var connections: [PeeringConnection] { results.flatMap(\.connections) }
    }

    /// Progress events for the terminal.
    package enum Progress: Sendable {
        case page(region: String, page: Int, connections: Int)
        case regionDone(region: String, connections: Int)
        case regionFailed(region: String)
    }

    /// Every page of `region`, following `NextToken` until it is empty.
    package func collect(
        region: String, progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws(APIError) -> RegionResult {
        let endpoint = endpointOverride ?? Self.vpcPeerEndpoint
        var token: String?
        var seenTokens: Set<String> = []
        var connections: [PeeringConnection] = []
        var pages: [[UInt8]] = []
        while true {
            guard pages.count < maximumPages else {
                throw APIError(
                    region: region, action: "ListVpcPeerConnections", reason: .tooManyPages(pages.count), attempts: 1)
            }
            let request = APIRequest.listVpcPeerConnections(
                region: region, filters: filters, maxResults: pageSize, nextToken: token)
            let (page, body) = try await client.call(request, endpoint: endpoint, region: region) {
                body throws(APIError.Reason) in
                do throws(JSONSyntaxError) {
                    return (try PeeringDocumentDecoder().decodePage(body), body)
                } catch {
                    throw .malformedResponse(
                        "\(error.message) at byte \(error.byteOffset)\(error.path.isEmpty ? "" : " (\(error.jsonPath))")"
                    )
                }
            }
            connections += page.connections
            pages.append(body)
            progress(.page(region: region, page: pages.count, connections: connections.count))
            guard let next = page.nextToken, !next.isEmpty else { break }
            guard seenTokens.insert(next).inserted else {
                throw APIError(
                    region: region, action: "ListVpcPeerConnections", reason: .repeatedToken(next), attempts: 1)
            }
            token = next
        }
        progress(.regionDone(region: region, connections: connections.count))
        return RegionResult(region: region, connections: connections, pages: pages)
    }

    /// The region ids of Vpc `DescribeRegions`, for `--region all`.
    package func allRegions() async throws(APIError) -> [String] {
        let endpoint = endpointOverride ?? Self.vpcEndpoint
        let regions = try await client.call(.describeRegions(), endpoint: endpoint, region: nil) {
            body throws(APIError.Reason) in
            do throws(JSONSyntaxError) {
                return try Self.regionIDs(fromDescribeRegions: body)
            } catch {
                throw .malformedResponse("\(error.message) at byte \(error.byteOffset)")
            }
        }
        let distinct = Array(Set(regions.map(ExactText.init))).map(\.string).sorted(by: ByteOrder.less)
        guard distinct.count <= Self.maximumRegions else {
            throw APIError(region: nil, action: "DescribeRegions", reason: .tooManyRegions(distinct.count), attempts: 1)
        }
        return distinct
    }

    /// The Vpc endpoint of a region: `vpc.aliyuncs.com` for cn-hangzhou, `vpc.REGION.aliyuncs.com` elsewhere.
    package static func vpcEndpoint(region: String) -> URL {
        // A region id from the API that makes no host name falls back to the global endpoint (never a crash).
        region == "cn-hangzhou"
            ? vpcEndpoint : URL(string: "https://vpc.\(PercentEncoding.rfc3986(region)).aliyuncs.com") ?? vpcEndpoint
    }

    /// Names of VPCs from Vpc `DescribeVpcs`, asked per region for the VPCs in it (20 ids a call, paged),
    /// regions concurrently. VPCs of other accounts are not visible and simply get no name.
    package func vpcNames(
        byRegion vpcIDs: [(region: String, vpcIDs: [String])]
    ) async throws(APIError) -> [ExactText: String] {
        let jobs = vpcIDs.sorted { ByteOrder.less($0.region, $1.region) }.flatMap { entry in
            stride(from: 0, to: entry.vpcIDs.count, by: 20).map {
                (entry.region, Array(entry.vpcIDs[$0..<min($0 + 20, entry.vpcIDs.count)]))
            }
        }
        var names: [ExactText: String] = [:]
        let failure: APIError? = await withTaskGroup(of: Result<[ExactText: String], APIError>.self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let (region, ids) = jobs[next]
                next += 1
                group.addTask {
                    do throws(APIError) {
                        return .success(try await describeVpcs(region: region, ids: ids))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for _ in 0..<min(concurrency, jobs.count) { startNext() }
            while let result = await group.next() {
                switch result {
                case .success(let found): names.merge(found) { $1 }
                case .failure(let error):
                    group.cancelAll()
                    return error
                }
                startNext()
            }
            return nil
        }
        if let failure { throw failure }
        return names
    }

    private func describeVpcs(region: String, ids: [String]) async throws(APIError) -> [ExactText: String] {
        let endpoint = endpointOverride ?? Self.vpcEndpoint(region: region)
        var names: [ExactText: String] = [:]
        for pageNumber in 1...1000 {
            let (found, total) = try await client.call(
                .describeVpcs(region: region, vpcIDs: ids, pageNumber: pageNumber), endpoint: endpoint, region: region
            ) {
                body throws(APIError.Reason) in
                do throws(JSONSyntaxError) {
                    return try Self.vpcNames(fromDescribeVpcs: body)
                } catch {
                    throw .malformedResponse("\(error.message) at byte \(error.byteOffset)")
                }
            }
            names.merge(found) { $1 }
            if found.isEmpty || pageNumber * 50 >= total { break }
        }
        return names
    }

    /// `{"TotalCount":n,"Vpcs":{"Vpc":[{"VpcId":…,"VpcName":…}]}}` → id → name (empty names left out), and the total.
    static func vpcNames(fromDescribeVpcs body: [UInt8]) throws(JSONSyntaxError) -> ([ExactText: String], Int) {
        do {
            var scanner = JSONScanner(bytes: body)
            var names: [ExactText: String] = [:]
            var total = 0
            var top = try scanner.beginObject()
            while let key = try scanner.nextKey(&top) {
                if key == "TotalCount" {
                    total = Int(try scanner.readOptionalInteger() ?? 0)
                } else if key == "Vpcs" {
                    var vpcs = try scanner.beginObject()
                    while let inner = try scanner.nextKey(&vpcs) {
                        guard inner == "Vpc" else {
                            try scanner.skipValue()
                            continue
                        }
                        var list = try scanner.beginArray()
                        while try scanner.nextElement(&list) {
                            var id: String?, name: String?
                            var vpc = try scanner.beginObject()
                            while let field = try scanner.nextKey(&vpc) {
                                switch field {
                                case "VpcId": id = try scanner.readOptionalString()
                                case "VpcName": name = try scanner.readOptionalString()
                                default: try scanner.skipValue()
                                }
                            }
                            if let id, let name, !name.isEmpty { names[ExactText(id)] = name }
                        }
                    }
                } else {
                    try scanner.skipValue()
                }
            }
            return (names, total)
        } catch let error as JSONSyntaxError {
            throw error
        } catch {
            throw JSONSyntaxError("\(error)", at: 0)
        }
    }

    /// `{"Regions":{"Region":[{"RegionId":…},…]}}` → the ids, sorted.
    static func regionIDs(fromDescribeRegions body: [UInt8]) throws(JSONSyntaxError) -> [String] {
        do {
            var scanner = JSONScanner(bytes: body)
            var ids: [String] = []
            var sawRegions = false
            var top = try scanner.beginObject()
            while let key = try scanner.nextKey(&top) {
                guard key == "Regions" else {
                    try scanner.skipValue()
                    continue
                }
                sawRegions = true
                var regions = try scanner.beginObject()
                while let inner = try scanner.nextKey(&regions) {
                    guard inner == "Region" else {
                        try scanner.skipValue()
                        continue
                    }
                    var list = try scanner.beginArray()
                    while try scanner.nextElement(&list) {
                        var region = try scanner.beginObject()
                        while let field = try scanner.nextKey(&region) {
                            if field == "RegionId", let id = try scanner.readOptionalString() {
                                ids.append(id)
                            } else if field != "RegionId" {
                                try scanner.skipValue()
                            }
                        }
                    }
                }
            }
            guard sawRegions else { throw JSONSyntaxError("response has no \"Regions\"", at: 0) }
            return ids.sorted(by: ByteOrder.less)
        } catch let error as JSONSyntaxError {
            throw error
        } catch {
            throw JSONSyntaxError("\(error)", at: 0)
        }
    }
}
