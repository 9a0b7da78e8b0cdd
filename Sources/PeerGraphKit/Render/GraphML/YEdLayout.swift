import Foundation

/// Where yEd draws each VPC, each group box and each edge's bends, in yEd's coordinates (points, y
/// down, a box by its top-left corner). `--graphml-flavor yed` writes it so that yEd opens a finished
/// diagram instead of every node at one point: from Graphviz's own layout when `dot` is installed
/// (`fromGraphviz`, its `-Tjson` answer), else a simple grid per group (`grid`).
package struct YEdLayout: Sendable, Equatable {
    /// A rectangle: top-left corner and size.
    package struct Box: Sendable, Equatable {
        package var x: Double
        package var y: Double
        package var width: Double
        package var height: Double
    }

    /// A point an edge bends through.
    package struct Point: Sendable, Equatable {
        package var x: Double
        package var y: Double
    }

    /// One box per node, by node index.
    package var nodes: [Box]
    /// One box per group, by group index.
    package var groups: [Box]
    /// The bends of each edge, by edge index (empty: a straight line).
    package var bends: [[Point]]

    /// The size of a node's box for its label lines: room for the longest line at yEd's 10-point
    /// font (6 points a character is wide enough for digits, lower case and hyphens) and each line.
    static func nodeSize(lines: [String]) -> (width: Double, height: Double) {
        let longest = lines.map(\.count).max() ?? 0
        return (max(120, 24 + 6 * Double(longest)), 12 + 14 * Double(max(1, lines.count)))
    }

    /// Spacing of the grid: between nodes, inside a group's border, above its members (the label).
    static let gap = 40.0, padding = 20.0, caption = 28.0

    /// Each group's members in a near-square grid of equal cells, the groups themselves in a
    /// near-square grid of rows, the nodes outside any group in one more block after them.
    package static func grid(for graph: PeerGraph, labels: NodeLabelContext) -> YEdLayout {
        let sizes = graph.nodes.map { nodeSize(lines: GraphText.nodeLines($0, in: labels)) }
        let groupOfNode = graph.groupIndexByNode
        var blocks = graph.groups.map(\.nodeIndices)
        let loose = graph.nodes.indices.filter { groupOfNode[$0] == nil }
        if !loose.isEmpty { blocks.append(loose) }
        var layout = YEdLayout(
            nodes: sizes.map { Box(x: 0, y: 0, width: $0.width, height: $0.height) }, groups: [],
            bends: Array(repeating: [], count: graph.edges.count))
        // First each block on its own, at the origin; then the blocks are moved into place.
        var blockSizes: [(width: Double, height: Double)] = []
        for (blockIndex, members) in blocks.enumerated() {
            let isGroup = blockIndex < graph.groups.count
            let columns = Int(Double(members.count).squareRoot().rounded(.up))
            let cellWidth = (members.map { sizes[$0].width }.max() ?? 0) + gap
            let cellHeight = (members.map { sizes[$0].height }.max() ?? 0) + gap
            let inset = isGroup ? padding : 0, top = isGroup ? caption : 0
            for (position, node) in members.enumerated() {
                let column = Double(position % columns), row = Double(position / columns)
                layout.nodes[node].x = inset + column * cellWidth + (cellWidth - gap - sizes[node].width) / 2
                layout.nodes[node].y = top + inset + row * cellHeight + (cellHeight - gap - sizes[node].height) / 2
            }
            let rows = (members.count + columns - 1) / max(1, columns)
            blockSizes.append(
                (2 * inset + Double(columns) * cellWidth - gap, top + 2 * inset + Double(rows) * cellHeight - gap))
        }
        let blockColumns = max(1, Int(Double(blocks.count).squareRoot().rounded(.up)))
        var y = 0.0
        for rowStart in stride(from: 0, to: blocks.count, by: blockColumns) {
            let row = rowStart..<min(blocks.count, rowStart + blockColumns)
            var x = 0.0
            for blockIndex in row {
                for node in blocks[blockIndex] {
                    layout.nodes[node].x += x
                    layout.nodes[node].y += y
                }
                if blockIndex < graph.groups.count {
                    layout.groups.append(
                        Box(x: x, y: y, width: blockSizes[blockIndex].width, height: blockSizes[blockIndex].height))
                }
                x += blockSizes[blockIndex].width + 2 * gap
            }
            y += (row.map { blockSizes[$0].height }.max() ?? 0) + 2 * gap
        }
        return layout
    }

    /// The layout Graphviz chose, read from `dot -Tjson` of the graph's DOT: node centres and sizes
    /// (inches), cluster bounding boxes (`cluster_N` is group N-1), edge splines (`pos`, in edge
    /// order), all with y up. Nil when the answer is not such a layout of this graph (a node or a
    /// group missing, a number that does not parse): the caller then uses the grid.
    package static func fromGraphviz(json: [UInt8], graph: PeerGraph) -> YEdLayout? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
            let bounds = numbers(root["bb"]), bounds.count == 4
        else { return nil }
        let top = bounds[3]
        var indexByName: [String: Int] = [:]
        for (index, node) in graph.nodes.enumerated() { indexByName[node.id.text] = index }
        var nodes = [Box?](repeating: nil, count: graph.nodes.count)
        var groups = [Box?](repeating: nil, count: graph.groups.count)
        for case let object as [String: Any] in root["objects"] as? [Any] ?? [] {
            guard let name = object["name"] as? String else { continue }
            if name.hasPrefix("cluster_"), let number = Int(name.dropFirst("cluster_".count)),
                groups.indices.contains(number - 1)
            {
                guard let box = numbers(object["bb"]), box.count == 4 else { return nil }
                groups[number - 1] = Box(x: box[0], y: top - box[3], width: box[2] - box[0], height: box[3] - box[1])
            } else if let index = indexByName[name], let centre = numbers(object["pos"]), centre.count == 2,
                let width = numbers(object["width"])?.first, let height = numbers(object["height"])?.first
            {
                let size = (width * 72, height * 72)
                nodes[index] = Box(
                    x: centre[0] - size.0 / 2, y: top - centre[1] - size.1 / 2, width: size.0, height: size.1)
            }
        }
        // Graphviz lists edges by tail node, not in the order the DOT declared them: an edge is found
        // by its two ends, and edges between the same two VPCs keep their order.
        var nodeByGraphvizID: [Int: Int] = [:]
        for case let object as [String: Any] in root["objects"] as? [Any] ?? [] {
            if let gvid = object["_gvid"] as? Int, let name = object["name"] as? String, let index = indexByName[name] {
                nodeByGraphvizID[gvid] = index
            }
        }
        var edgesByEnds: [Ends: [Int]] = [:]
        for (index, ends) in graph.edgeEndpoints.enumerated().reversed() {
            edgesByEnds[Ends(tail: ends.requester, head: ends.accepter), default: []].append(index)
        }
        var bends = [[Point]](repeating: [], count: graph.edges.count)
        for case let edge as [String: Any] in root["edges"] as? [Any] ?? [] {
            guard let tail = (edge["tail"] as? Int).flatMap({ nodeByGraphvizID[$0] }),
                let head = (edge["head"] as? Int).flatMap({ nodeByGraphvizID[$0] }),
                let index = edgesByEnds[Ends(tail: tail, head: head)]?.popLast(), let spline = edge["pos"] as? String
            else { continue }
            bends[index] = Self.bends(ofSpline: spline).map { Point(x: $0.x, y: top - $0.y) }
        }
        let placed = nodes.compactMap { $0 }, boxed = groups.compactMap { $0 }
        guard placed.count == nodes.count, boxed.count == groups.count else { return nil }
        return YEdLayout(nodes: placed, groups: boxed, bends: bends)
    }

    private struct Ends: Hashable {
        var tail: Int
        var head: Int
    }

    /// The points a polyline through a Graphviz spline bends at: each cubic piece's middle and the
    /// joins between pieces (its first and last points lie on the node borders, where yEd starts and
    /// ends the line itself). `pos` is `[e,x,y] [s,x,y] x,y x,y …` with 3n+1 control points.
    static func bends(ofSpline pos: String) -> [Point] {
        let controls = pos.split(separator: " ").filter { !$0.hasPrefix("e,") && !$0.hasPrefix("s,") }.compactMap {
            token -> Point? in
            guard let values = numbers(String(token)), values.count == 2 else { return nil }
            return Point(x: values[0], y: values[1])
        }
        guard controls.count >= 4, (controls.count - 1) % 3 == 0 else { return [] }
        var points: [Point] = []
        for start in stride(from: 0, to: controls.count - 1, by: 3) {
            let p = controls[start...(start + 3)].map { $0 }
            if start > 0 { points.append(p[0]) }
            // The cubic Bézier at t = 1/2.
            points.append(
                Point(
                    x: (p[0].x + 3 * p[1].x + 3 * p[2].x + p[3].x) / 8,
                    y: (p[0].y + 3 * p[1].y + 3 * p[2].y + p[3].y) / 8))
        }
        return points
    }

    /// The finite numbers of a Graphviz attribute (`"1.25"`, `"10,20"`, `"0,0,300,200"`), or nil.
    private static func numbers(_ value: Any?) -> [Double]? {
        let text: String
        switch value {
        case let string as String: text = string
        case let number as NSNumber: text = number.stringValue
        default: return nil
        }
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = fields.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.filter(\.isFinite)
        return !values.isEmpty && values.count == fields.count ? values : nil
    }
}
