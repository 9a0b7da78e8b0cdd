import Foundation

/// Live collection from the VpcPeer API: which regions, which credentials, how to reach the API.
public struct LiveRequest: Sendable {
    /// Which regions to list.
    public enum Regions: Sendable, Equatable {
        /// `ALIBABA_CLOUD_REGION_ID`, else the profile's `region_id`.
        case `default`
        /// These regions.
        case named([String])
        /// Every region Vpc `DescribeRegions` names.
        case all
    }

    /// Which regions to list.
    public var regions: Regions = .default
    /// The credentials profile to use; nil: the environment, then the current profile.
    public var profile: String?
    /// The home folder holding `.aliyun/` and `.alibabacloud/`; nil: `HOME` of the context's environment.
    public var homeDirectory: String?
    /// Send every call here instead of the public endpoints.
    public var endpoint: URL?
    /// Seconds per request.
    public var timeout: Double = 10
    /// Regions fetched at once.
    public var concurrency = 8
    /// Retries of a throttled or failed call.
    public var maximumRetries = 3
    /// Finish with the regions that worked when others fail (`JobResult.Outcome.partial`).
    public var keepGoing = false
    /// Keep every fetched page here, as one snapshot replaced whole only when every region worked.
    public var saveRawDirectory: String?
    /// Ask Vpc `DescribeVpcs` for the names of the VPCs.
    public var vpcNames = false
    /// How requests travel; nil: HTTPS with the system's trust store (plain HTTP to IPv6 literals).
    public var transport: HTTPTransport?
    /// What to say when no region is named and none is configured; nil: the drawing's sentence.
    public var missingRegionMessage: String?

    /// A request with the defaults.
    public init() {}
}
