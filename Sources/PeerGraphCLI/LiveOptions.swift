import Foundation
import PeerGraphKit

/// The options of live collection, which runs when no INPUT is given.
enum LiveOptions {
    static let profile = OptionDeclaration(
        "profile", .text("NAME"), section: .live,
        help: """
            Profile of ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini; repeat it to list each profile's \
            account. Credentials otherwise come from the official chain: ALIBABA_CLOUD_ACCESS_KEY_ID and \
            ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN), the OIDC variables, the current profile \
            of those files, the ECS instance RAM role, ALIBABA_CLOUD_CREDENTIALS_URI.
            """)
    static let endpoint = OptionDeclaration(
        "endpoint", .text("URL"), section: .live,
        help: """
            Send every API call (VpcPeer, Vpc, STS, ResourceManager) to URL, signed for its host (default: each \
            API's public endpoint).
            """)
    static let timeout = OptionDeclaration(
        "timeout", .text("SECONDS"), section: .live, help: "Per request (default 10).")
    static let concurrency = OptionDeclaration(
        "concurrency", .text("N"), section: .live,
        help:
            "Requests at once over all accounts and regions (default 8 for one account; 32 for several, 8 per account)."
    )
    static let maximumRetries = OptionDeclaration(
        "max-retries", .text("N"), section: .live,
        help: "Retries of throttled or failed calls, with backoff (default 3).")
    static let keepGoing = OptionDeclaration(
        "keep-going", section: .live,
        help: "Draw the accounts and regions that worked when others fail (exit code 4 still).")
    static let saveRaw = OptionDeclaration(
        "save-raw", .directory("DIR"), section: .live,
        help: """
            Keep every fetched page in DIR, as input for later runs: one snapshot, replaced whole only when every \
            region was collected.
            """)
    static let vpcNames = OptionDeclaration(
        "vpc-names", section: .live, help: "Ask Vpc DescribeVpcs for the names of the VPCs.")
    static let verbose = OptionDeclaration(
        "verbose", short: "v", section: .live, help: "Log every request (never a secret).")

    static let all =
        ([
            profile.with(\.repeatable, true), endpoint, timeout, concurrency, maximumRetries, keepGoing, saveRaw,
            vpcNames, verbose,
        ]
        + AccountOptions.all)
        .map { $0.name == "verbose" ? $0 : $0.with(\.liveOnly, true) }

    /// The live request, from the options and the regions the filter named.
    static func request(
        _ parsed: ParsedArguments, regions: [String], allRegions: Bool
    ) throws(UsageError) -> LiveRequest {
        var live = LiveRequest()
        live.regions = allRegions ? .all : regions.isEmpty ? .default : .named(regions)
        try AccountOptions.apply(parsed, to: &live)
        if let text = parsed.value(endpoint) {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https",
                let host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/", url.query == nil
            else {
                throw UsageError(
                    "--endpoint takes a URL like https://vpcpeer.aliyuncs.com or http://127.0.0.1:8080 (got '\(text)')")
            }
            live.endpoint = url
        }
        if let text = parsed.value(timeout) {
            guard let value = Double(text), value > 0, value <= 600 else {
                throw UsageError("--timeout takes seconds, more than 0 and at most 600 (got '\(text)')")
            }
            live.timeout = value
        }
        live.concurrency = try number(parsed, concurrency, in: 1...64) ?? live.concurrency
        live.maximumRetries = try number(parsed, maximumRetries, in: 0...10) ?? live.maximumRetries
        live.keepGoing = parsed.has(keepGoing)
        live.saveRawDirectory = parsed.value(saveRaw)
        live.vpcNames = parsed.has(vpcNames)
        return live
    }

    /// The whole number `option` gives, if any, refused outside `range`.
    static func number(
        _ parsed: ParsedArguments, _ option: OptionDeclaration, in range: ClosedRange<Int>
    ) throws(UsageError) -> Int? {
        guard let text = parsed.value(option) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                "--\(option.name) takes a number from \(range.lowerBound) to \(range.upperBound) (got '\(text)')")
        }
        return value
    }
}
