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

    /// Which accounts to list.
    public enum Accounts: Sendable, Equatable {
        /// The account of the credentials the chain (or `profile`) finds.
        case caller
        /// Each profile's own account (`--profile A --profile B`), each profile resolved on its own.
        case profiles([String])
        /// These roles, assumed with the base credentials (`--assume-role ARN`).
        case roles([String])
        /// These account ids, the role `roleName` assumed in each (`--accounts UID,UID`).
        case ids([String])
        /// Every usable member of the Resource Directory (`--accounts rd`): the caller's own account with
        /// its own credentials, every other one through the role `roleName`.
        case resourceDirectory
    }

    /// Which regions to list.
    public var regions: Regions = .default
    /// Which accounts to list.
    public var accounts: Accounts = .caller
    /// The role assumed in each account of `.ids` and `.resourceDirectory`; nil: `ResourceDirectoryAccountAccessRole`.
    public var roleName: String?
    /// Accounts left out of `.ids` and `.resourceDirectory`.
    public var excludedAccounts: [String] = []
    /// The session name of every role assumed (2–64 letters, digits and `. @ - _`).
    public var roleSessionName = "peergraph"
    /// The external id the roles' trust policies ask for, if any.
    public var externalID: String?
    /// Seconds each assumed role's credentials last (900–43200).
    public var roleDurationSeconds = 3600
    /// The credentials profile to use; nil: the environment, then the current profile.
    public var profile: String?
    /// The home folder holding `.aliyun/` and `.alibabacloud/`; nil: `HOME` of the context's environment.
    public var homeDirectory: String?
    /// Send every call here instead of the public endpoints.
    public var endpoint: URL?
    /// Seconds per request.
    public var timeout: Double = 10
    /// Requests at once, over all accounts and regions; nil: 8 for one account, 32 for several.
    public var concurrency: Int?
    /// Requests at once for any one account, when several are listed (each account's API rate limits are its own).
    public static let perAccountConcurrency = 8
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

extension LiveRequest {
    /// The account id of a role ARN `acs:ram::ACCOUNT_ID:role/NAME`, or nil when it is not one.
    public static func accountID(ofRoleARN arn: String) -> String? { RoleRequest.account(ofARN: arn) }

    /// Whether `text` is an account id: 1 to 20 decimal digits.
    public static func isAccountID(_ text: String) -> Bool { RoleRequest.isAccountID(text) }

    /// What is wrong with a role session name, if anything.
    public static func problem(withRoleSessionName name: String) -> String? {
        RoleRequest.problem(withSessionName: name)
    }
}
