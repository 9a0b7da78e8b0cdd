/// A profile's STS settings: `sts_region`, `enable_vpc`, `sts_endpoint`.
package struct STSSettings: Sendable, Equatable {
    package var region: String?
    package var vpc = false
    package var host: String?

    package init(region: String? = nil, vpc: Bool = false, host: String? = nil) {
        self.region = region
        self.vpc = vpc
        self.host = host
    }
}
