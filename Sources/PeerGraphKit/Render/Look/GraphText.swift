/// The words shown for nodes and edges, shared by every format so they all say the same thing.
package enum GraphText {
    /// `unlimited` for -1, `1024 Mbps` otherwise, nil when unknown.
    package static func bandwidth(_ mbps: Int64?) -> String? {
        guard let mbps else { return nil }
        return mbps < 0 ? "unlimited" : "\(mbps) Mbps"
    }

    /// CIDR blocks shown one per line, at most this many lines (the last says `+N more`); the tooltip
    /// and the data fields always have all of them.
    package static let maximumCIDRLines = 4

    /// Node label lines: friendly name if any, VPC id, CIDR blocks (IPv4 then IPv6, one per line, never
    /// cut), the region unless the region box says it, the account when `context` asks for it or the
    /// account is external (or the caption of a collapsed node).
    package static func nodeLines(_ node: VPCNode, in context: NodeLabelContext = NodeLabelContext()) -> [String] {
        var lines: [String] = []
        if let name = node.displayName, !name.isEmpty { lines.append(name) }
        if let caption = node.caption {
            return lines + caption + (node.isExternal ? [ExternalAccountLook.caption(owner: nil)] : [])
        }
        lines.append(node.id.text)
        let cidrs = node.ipv4CIDRs + node.ipv6CIDRs
        if cidrs.count > maximumCIDRLines {
            lines += cidrs.prefix(maximumCIDRLines - 1)
            lines.append("+\(cidrs.count - (maximumCIDRLines - 1)) more")
        } else {
            lines += cidrs
        }
        if let region = node.region, !region.isEmpty, !context.omitsRegion { lines.append(region) }
        if node.isExternal {
            lines.append(ExternalAccountLook.caption(owner: node.owner))
        } else if context.showsAccount, let owner = node.owner {
            lines.append("account \(owner)")
        }
        return lines
    }

    /// Edge label lines: the connection's name (or id), then bandwidth and any status other than Activated.
    package static func edgeLines(_ connection: PeeringConnection) -> [String] {
        var lines = CollectedLines()
        writeEdgeLines(connection, to: &lines)
        return lines.lines
    }

    /// `edgeLines`, given piece by piece (after `prefix`, on the first line), so that a writer can
    /// escape them as they come: the GraphML writer does, instead of building an array and two joined
    /// strings for each of 200,000 edges on every core.
    package static func writeEdgeLines<Receiver: TextLineReceiver>(
        _ connection: PeeringConnection, prefix: String = "", to lines: inout Receiver
    ) {
        lines.startLine()
        if !prefix.isEmpty { lines.append(prefix) }
        if let name = connection.name, !name.isEmpty {
            lines.append(name)
        } else {
            lines.append(connection.id.text)
        }
        var hasDetails = false
        func addDetail(_ detail: String) {
            if hasDetails {
                lines.append(" · ")
            } else {
                lines.startLine()
                hasDetails = true
            }
            lines.append(detail)
        }
        if let bandwidth = bandwidth(connection.bandwidthMbps) { addDetail(bandwidth) }
        if let status = connection.status, status != .activated { addDetail(status.apiValue) }
        if connection.businessStatus == .financialLocked { addDetail("FinancialLocked") }
    }

    /// The lines a `TextLineReceiver` is given, as strings.
    private struct CollectedLines: TextLineReceiver {
        var lines: [String] = []
        mutating func startLine() { lines.append("") }
        mutating func append(_ text: String) { lines[lines.count - 1] += text }
    }

    private static let tooltipFields = ConnectionField.with(.tooltip)

    /// Everything known about a connection, one fact per line, for tooltips: given piece by piece, so
    /// that writers escape it as it comes without building strings.
    package static func writeEdgeDetails<Receiver: TextLineReceiver>(
        _ connection: PeeringConnection, to lines: inout Receiver
    ) {
        lines.startLine()
        lines.append(connection.id.text)
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.startLine()
            lines.append(label)
            lines.append(value)
        }
        func addEnd(_ label: String, _ vpcID: String, _ region: String?, _ owner: String?) {
            lines.startLine()
            lines.append(label)
            lines.append(vpcID)
            if let region {
                lines.append(", ")
                lines.append(region)
            }
            if let owner {
                lines.append(", account ")
                lines.append(owner)
            }
        }
        // By index, not `for field in`: a copied field retains its strings, on every core, for every edge.
        for index in tooltipFields.indices {
            switch tooltipFields[index].tooltip {
            case .line(let label): tooltipFields[index].withValue(of: connection) { add(label, $0) }
            case .bandwidth(let label): add(label, bandwidth(connection.bandwidthMbps))
            case .end(let label, isRequester: true):
                addEnd(label, connection.requester.vpcID.text, connection.requesterRegion, connection.requesterOwner)
            case .end(let label, isRequester: false):
                addEnd(label, connection.accepter.vpcID.text, connection.accepterRegion, connection.accepterOwner)
            case nil: break
            }
        }
        for tag in connection.tags {
            lines.startLine()
            lines.append("tag ")
            lines.append(tag.key)
            lines.append("=")
            lines.append(tag.value)
        }
    }

    /// Everything known about a VPC, for tooltips, piece by piece.
    package static func writeNodeDetails<Receiver: TextLineReceiver>(_ node: VPCNode, to lines: inout Receiver) {
        lines.startLine()
        lines.append(node.id.text)
        if let region = node.region {
            lines.startLine()
            lines.append("region: ")
            lines.append(region)
        }
        if let owner = node.owner {
            lines.startLine()
            lines.append("account: ")
            lines.append(owner)
        }
        for (label, cidrs) in [("IPv4: ", node.ipv4CIDRs), ("IPv6: ", node.ipv6CIDRs)] where !cidrs.isEmpty {
            lines.startLine()
            lines.append(label)
            for (index, cidr) in cidrs.enumerated() {
                if index > 0 { lines.append(", ") }
                lines.append(cidr)
            }
        }
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut.
    package static func shortened(_ text: String, to limit: Int) -> String {
        // Fewer bytes than the limit means fewer characters: no need to count grapheme clusters.
        guard limit > 0, text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 1))) + "…"
    }
}
