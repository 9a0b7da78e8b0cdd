import Foundation

/// Finds what a peering mesh hides: overlapping address space, ambiguous routes at hubs, duplicate
/// peerings, connections waiting or stuck, expiring or locked.
///
/// "Live" connections are those not Deleted, Rejected or Expired: only they carry, or will carry,
/// traffic, so only they count for overlaps and duplicates.
public struct MeshChecker: Sendable {
    /// The moment ages and expiry are measured from.
    public var asOf: Date
    /// Connections expiring within this many days of `asOf` are reported.
    public var expiryDays: Int
    /// A transitional state (Creating, Updating, Deleting) older than this is a warning.
    public var stuckAfter: Double = 3600

    public init(asOf: Date = Date(), expiryDays: Int = 30) {
        self.asOf = asOf
        self.expiryDays = expiryDays
    }

    /// All findings, most severe first, then by kind and ids.
    public func check(_ graph: PeerGraph) -> [Finding] {
        var findings: [Finding] = []
        var blocksByVPC: [String: [CIDRBlock]] = [:]
        // The connections of each node, gathered once, when the first malformed block needs them (a
        // search through all edges per malformed block would be quadratic on hostile input).
        var connectionsOfNode: [[String]]?
        for (nodeIndex, node) in graph.nodes.enumerated() {
            var blocks: [CIDRBlock] = []
            for text in node.ipv4CIDRs + node.ipv6CIDRs {
                do {
                    blocks.append(try CIDRBlock(text))
                } catch {
                    if connectionsOfNode == nil {
                        var lists = [[String]](repeating: [], count: graph.nodes.count)
                        for (connection, ends) in zip(graph.edges, graph.edgeEndpoints) {
                            lists[ends.requester].append(connection.id)
                            if ends.accepter != ends.requester { lists[ends.accepter].append(connection.id) }
                        }
                        connectionsOfNode = lists
                    }
                    let users = connectionsOfNode![nodeIndex].sorted()
                    findings.append(Finding(severity: .warning, kind: .malformedCIDR, connectionIDs: users, vpcIDs: [node.id], cidrs: [text],
                                            message: "\(error.description); it is left out of the overlap checks"))
                }
            }
            blocksByVPC[node.id] = blocks
        }
        let live = graph.edges.filter { connection in
            guard let status = connection.status else { return true }
            return status != .deleted && status != .rejected && status != .expired
        }

        // Overlap between the two ends of one connection.
        for connection in live {
            let overlaps = Self.overlappingPairs(blocksByVPC[connection.requester.vpcID] ?? [], blocksByVPC[connection.accepter.vpcID] ?? [])
            guard !overlaps.isEmpty else { continue }
            findings.append(Finding(
                severity: .error, kind: .overlappingCIDRs, connectionIDs: [connection.id],
                vpcIDs: [connection.requester.vpcID, connection.accepter.vpcID], cidrs: overlaps.flatMap { [$0.0.text, $0.1.text] },
                message: "\(Self.describe(overlaps)): the two VPCs' address spaces overlap, so no route between them can be added"))
        }

        // A hub peered with two VPCs that overlap each other.
        var neighbours: [String: [(vpc: String, connection: String)]] = [:]
        for connection in live {
            neighbours[connection.requester.vpcID, default: []].append((connection.accepter.vpcID, connection.id))
            neighbours[connection.accepter.vpcID, default: []].append((connection.requester.vpcID, connection.id))
        }
        for hub in neighbours.keys.sorted() {
            let peers = neighbours[hub]!.sorted { $0.vpc != $1.vpc ? $0.vpc < $1.vpc : $0.connection < $1.connection }
            var reported: Set<[String]> = []
            for i in peers.indices {
                for j in peers.indices where j > i && peers[i].vpc != peers[j].vpc {
                    let key = [peers[i].vpc, peers[j].vpc]
                    guard !reported.contains(key) else { continue }
                    let overlaps = Self.overlappingPairs(blocksByVPC[peers[i].vpc] ?? [], blocksByVPC[peers[j].vpc] ?? [])
                    guard !overlaps.isEmpty else { continue }
                    reported.insert(key)
                    findings.append(Finding(
                        severity: .warning, kind: .ambiguousRoutes, connectionIDs: [peers[i].connection, peers[j].connection],
                        vpcIDs: [hub, peers[i].vpc, peers[j].vpc], cidrs: overlaps.flatMap { [$0.0.text, $0.1.text] },
                        message: "\(hub) is peered with \(peers[i].vpc) and \(peers[j].vpc), whose blocks overlap (\(Self.describe(overlaps))): its routes to them are ambiguous"))
                }
            }
        }

        // More than one live connection between the same two VPCs.
        var byPair: [[String]: [PeeringConnection]] = [:]
        for connection in live {
            byPair[[connection.requester.vpcID, connection.accepter.vpcID].sorted(), default: []].append(connection)
        }
        for pair in byPair.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where byPair[pair]!.count > 1 {
            let ids = byPair[pair]!.map(\.id).sorted()
            findings.append(Finding(
                severity: .warning, kind: .duplicatePeering, connectionIDs: ids, vpcIDs: pair,
                message: "\(ids.count) live connections join \(pair[0]) and \(pair[1]); one is enough, and the others cost and confuse"))
        }

        for connection in graph.edges {
            findings += timeFindings(connection)
            if connection.businessStatus == .financialLocked {
                findings.append(Finding(
                    severity: .error, kind: .financialLocked, connectionIDs: [connection.id],
                    vpcIDs: [connection.requester.vpcID, connection.accepter.vpcID],
                    message: "business status is FinancialLocked: the account has an overdue payment and the connection may stop carrying traffic"))
            }
        }
        return findings.sorted(by: Self.order)
    }

    private func timeFindings(_ connection: PeeringConnection) -> [Finding] {
        var findings: [Finding] = []
        let vpcs = [connection.requester.vpcID, connection.accepter.vpcID]
        let status = connection.status
        if status == .accepting {
            let age = connection.createdAt.flatMap(APITimestamp.parse).map { asOf.timeIntervalSince($0) }.flatMap { $0 >= 0 ? $0 : nil }
            findings.append(Finding(
                severity: .warning, kind: .pendingAcceptance, connectionIDs: [connection.id], vpcIDs: vpcs,
                message: "waiting for the accepter\(connection.accepterOwner.map { " (account \($0))" } ?? "")\(age.map { " for \(APITimestamp.describe(duration: $0))" } ?? "")"))
        } else if let status, status == .creating || status == .updating || status == .deleting {
            let since = (connection.modifiedAt ?? connection.createdAt).flatMap(APITimestamp.parse)
            // A time after --as-of says nothing about how long it has been waiting.
            let age = since.map { asOf.timeIntervalSince($0) }.flatMap { $0 >= 0 ? $0 : nil }
            findings.append(Finding(
                severity: (age ?? 0) > stuckAfter ? .warning : .info, kind: .stuckTransition, connectionIDs: [connection.id], vpcIDs: vpcs,
                message: "\(status.apiValue)\(age.map { " for \(APITimestamp.describe(duration: $0))" } ?? "")\((age ?? 0) > stuckAfter ? ": longer than such a change should take" : "")"))
        }
        if status == .expired {
            findings.append(Finding(
                severity: .warning, kind: .expired, connectionIDs: [connection.id], vpcIDs: vpcs,
                message: "expired\(connection.expiresAt.map { " at \($0)" } ?? ""): it was never accepted; delete it or request it again"))
        } else if status != .deleted && status != .rejected, let text = connection.expiresAt, let expiry = APITimestamp.parse(text) {
            let left = expiry.timeIntervalSince(asOf)
            if left <= 0 {
                findings.append(Finding(severity: .error, kind: .expired, connectionIDs: [connection.id], vpcIDs: vpcs,
                                        message: "expired at \(text), \(APITimestamp.describe(duration: left)) ago"))
            } else if left <= Double(expiryDays) * 86_400 {
                findings.append(Finding(severity: .warning, kind: .expiringSoon, connectionIDs: [connection.id], vpcIDs: vpcs,
                                        message: "expires at \(text), in \(APITimestamp.describe(duration: left))"))
            }
        }
        return findings
    }

    static func overlappingPairs(_ left: [CIDRBlock], _ right: [CIDRBlock]) -> [(CIDRBlock, CIDRBlock)] {
        left.flatMap { a in right.filter { a.overlaps($0) }.map { (a, $0) } }
    }

    static func describe(_ pairs: [(CIDRBlock, CIDRBlock)]) -> String {
        pairs.map { "\($0.0.text) overlaps \($0.1.text)" }.joined(separator: ", ")
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.kind != b.kind { return Finding.Kind.allCases.firstIndex(of: a.kind)! < Finding.Kind.allCases.firstIndex(of: b.kind)! }
        return a.connectionIDs.lexicographicallyPrecedes(b.connectionIDs)
    }
}
