import Foundation

/// What the credential providers that call a service share: the transport, where STS and the ECS
/// metadata service are, timeouts, the log and the scrubber that must learn every secret they obtain.
package struct CredentialServices: Sendable {
    /// The ECS metadata service, fixed in the real world.
    package static let metadataEndpoint = URL.fixed("http://100.100.100.200")
    /// The metadata service answers on the instance's own network within milliseconds: a short
    /// timeout keeps the chain fast off ECS (the official libraries use 1 s too).
    package static let metadataTimeout: Double = 1

    package var transport: HTTPTransport
    /// `--endpoint`: every call (STS included) goes there.
    package var endpointOverride: URL?
    /// The environment the run was given (`ALIBABA_CLOUD_STS_REGION`, `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`, …).
    package var environment: [String: String]
    package var timeout: Double
    package var retryPolicy: RetryPolicy
    package var log: @Sendable (String) -> Void
    package var scrubber: SecretScrubber
    package var now: @Sendable () -> Date

    package init(
        transport: HTTPTransport, endpointOverride: URL? = nil, environment: [String: String] = [:],
        timeout: Double = 10, retryPolicy: RetryPolicy = RetryPolicy(),
        log: @escaping @Sendable (String) -> Void = { _ in }, scrubber: SecretScrubber = SecretScrubber(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.endpointOverride = endpointOverride
        self.environment = environment
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.log = log
        self.scrubber = scrubber
        self.now = now
    }

    /// The metadata service: `PEERGRAPH_IMDS_ENDPOINT` (a test setting only), else 100.100.100.200.
    package var metadataEndpoint: URL {
        environment["PEERGRAPH_IMDS_ENDPOINT"].flatMap { $0.isEmpty ? nil : URL(string: $0) } ?? Self.metadataEndpoint
    }

    /// A client that signs with `credentials` (nil: anonymous calls, for AssumeRoleWithOIDC).
    package func client(_ credentials: AlibabaCredentials?) -> AlibabaCloudClient {
        AlibabaCloudClient(
            transport: transport, credentials: credentials, timeout: timeout, retryPolicy: retryPolicy, log: log,
            scrubber: scrubber)
    }

    /// Where STS calls go: `--endpoint`; else the profile's `sts_endpoint`; else `sts[-vpc].REGION.aliyuncs.com`
    /// for the profile's `sts_region` or `ALIBABA_CLOUD_STS_REGION` (`-vpc` with `enable_vpc` or
    /// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`); else the global `sts.aliyuncs.com`.
    package func stsEndpoint(_ settings: STSSettings = STSSettings()) -> URL {
        if let endpointOverride { return endpointOverride }
        if let host = settings.host, !host.isEmpty,
            let url = URL(string: host.contains("://") ? host : "https://\(host)")
        {
            return url
        }
        let region = settings.region ?? environment["ALIBABA_CLOUD_STS_REGION"].flatMap { $0.isEmpty ? nil : $0 }
        let vpc = settings.vpc || environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"]?.lowercased() == "true"
        guard let region,
            region.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)
            }),
            let url = URL(string: "https://sts\(vpc ? "-vpc" : "").\(region).aliyuncs.com")
        else { return URL.fixed("https://sts.aliyuncs.com") }
        return url
    }

    /// Where one API's calls go: `--endpoint`, else `default`.
    package func endpoint(_ default: URL) -> URL { endpointOverride ?? `default` }
}
