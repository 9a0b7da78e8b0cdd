/// Which connections to keep, mirroring the request parameters of `ListVpcPeerConnections`.
///
/// Values of one criterion are alternatives (`--status Activated --status Accepting` keeps either);
/// different criteria must all hold. An empty criterion keeps everything.
public struct ConnectionFilter: Sendable, Equatable {
    /// Statuses to keep, compared case-insensitively with the API spelling.
    public var statuses: [String] = []
    /// Keep connections with either end in one of these regions.
    public var regions: [String] = []
    /// Keep connections with either end owned by one of these accounts.
    public var owners: [String] = []
    /// Keep connections with either end being one of these VPCs.
    public var vpcIDs: [String] = []
    /// Keep connections whose name matches one of these (exact, or a `*` wildcard pattern).
    public var names: [String] = []
    /// Keep connections carrying one of these tags (`key`, or `key` with `value`).
    public var tags: [TagCriterion] = []
    /// Keep connections with one of these ids (`InstanceId`).
    public var connectionIDs: [String] = []
    /// Keep connections in one of these resource groups.
    public var resourceGroupIDs: [String] = []
    /// Drop connections whose status is `Deleted`.
    public var excludeDeleted = false

    /// A `--tag KEY[=VALUE]` criterion.
    public struct TagCriterion: Sendable, Equatable {
        /// The tag key, compared byte for byte.
        public var key: String
        /// The value it must have; nil: any value.
        public var value: String?

        /// A criterion: tag `key`, with `value` when given.
        public init(key: String, value: String? = nil) {
            self.key = key
            self.value = value
        }

        /// Parses `KEY` or `KEY=VALUE` (the first `=` separates).
        public init(argument: String) {
            if let equals = argument.firstIndex(of: "=") {
                self.init(key: String(argument[..<equals]), value: String(argument[argument.index(after: equals)...]))
            } else {
                self.init(key: argument)
            }
        }
    }

    /// A filter that keeps every connection.
    public init() {}

    /// The statuses the API documents, as it spells them.
    public static var knownStatuses: [String] { PeeringStatus.known.map(\.apiValue) }

    /// Adds one tag criterion per argument, `KEY` or `KEY=VALUE`.
    public mutating func addTags(_ arguments: [String]) {
        tags += arguments.map(TagCriterion.init(argument:))
    }

    /// True when no criterion is set.
    public var isEmpty: Bool { self == ConnectionFilter() }

    /// One criterion: its flag name for messages and its test.
    struct Criterion {
        var flag: String
        var keeps: (PeeringConnection) -> Bool
    }

    /// The criteria that are set, in a fixed order.
    var criteria: [Criterion] {
        var list: [Criterion] = []
        if !connectionIDs.isEmpty {
            let wanted = Set(connectionIDs.map(ExactText.init))
            list.append(Criterion(flag: "--connection") { wanted.contains(ExactText($0.id.text)) })
        }
        if !statuses.isEmpty {
            let wanted = Set(statuses.map { $0.lowercased() })
            list.append(Criterion(flag: "--status") { wanted.contains(($0.status?.apiValue ?? "").lowercased()) })
        }
        if excludeDeleted {
            list.append(Criterion(flag: "--exclude-deleted") { $0.status != .deleted })
        }
        if !regions.isEmpty {
            let wanted = Set(regions.map(ExactText.init))
            list.append(
                Criterion(flag: "--region") {
                    wanted.contains(ExactText($0.requesterRegion ?? ""))
                        || wanted.contains(ExactText($0.accepterRegion ?? ""))
                })
        }
        if !owners.isEmpty {
            let wanted = Set(owners.map(ExactText.init))
            list.append(
                Criterion(flag: "--owner") {
                    wanted.contains(ExactText($0.requesterOwner ?? ""))
                        || wanted.contains(ExactText($0.accepterOwner ?? ""))
                })
        }
        if !vpcIDs.isEmpty {
            let wanted = Set(vpcIDs.map(ExactText.init))
            list.append(
                Criterion(flag: "--vpc") {
                    wanted.contains(ExactText($0.requester.vpcID.text))
                        || wanted.contains(ExactText($0.accepter.vpcID.text))
                })
        }
        if !names.isEmpty {
            let patterns = names
            list.append(
                Criterion(flag: "--name") { connection in
                    patterns.contains { WildcardPattern(pattern: $0).matches(connection.name ?? "") }
                })
        }
        if !tags.isEmpty {
            let wanted = tags
            list.append(
                Criterion(flag: "--tag") { connection in
                    wanted.contains { criterion in
                        connection.tags.contains { tag in
                            ByteOrder.same(tag.key, criterion.key)
                                && (criterion.value.map { ByteOrder.same(tag.value, $0) } ?? true)
                        }
                    }
                })
        }
        if !resourceGroupIDs.isEmpty {
            let wanted = Set(resourceGroupIDs.map(ExactText.init))
            list.append(Criterion(flag: "--resource-group") { wanted.contains(ExactText($0.resourceGroupID ?? "")) })
        }
        return list
    }

    /// Applies the filter and reports how many connections each criterion removed.
    package func apply(to connections: [PeeringConnection]) -> FilterResult {
        var kept = connections
        var removals: [FilterResult.Removal] = []
        for criterion in criteria {
            let before = kept.count
            kept.removeAll { !criterion.keeps($0) }
            removals.append(FilterResult.Removal(flag: criterion.flag, removed: before - kept.count))
        }
        return FilterResult(kept: kept, inputCount: connections.count, removals: removals)
    }
}

/// The outcome of filtering, with enough detail to explain an empty graph.
package struct FilterResult: Sendable {
    package struct Removal: Sendable, Equatable {
        package var flag: String
        package var removed: Int
    }

    package var kept: [PeeringConnection]
    package var inputCount: Int
    /// Per criterion, in the order applied, how many connections it removed.
    package var removals: [Removal]

    /// Why nothing is left, as a sentence; nil when something is left.
    package var emptyExplanation: String? {
        guard kept.isEmpty else { return nil }
        if inputCount == 0 { return "the input has no peering connections" }
        let removing = removals.filter { $0.removed > 0 }.map { "\($0.flag) removed \($0.removed)" }
        return
            "\(inputCount == 1 ? "the only connection was" : "all \(inputCount) connections were") removed by the filters (\(removing.joined(separator: ", ")))"
    }
}
