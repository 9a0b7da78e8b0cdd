/// The layout a DOT drawing gets for its size, chosen by measuring meshes from the seeded generator
/// (`Tests/Benchmarks/generate.py`, 4 regions) with `.ci/validate/legibility` at 1,600 px wide:
/// - up to 30 edges, the template's layout (left to right, edge text inline) reads well;
/// - from 31, left to right grows too wide (60 connections: 3,734 pt, node text 4.3 px); top to bottom
///   and closer together, without edge text, keeps node text at 7 px or more with no overlap up to
///   60 connections (seeds 1–5: 7.3–10.4 px);
/// - a collapsed graph up to 30 edges (regions or accounts, every edge labelled with its counts) keeps
///   the template's layout with ranks further apart: at the default spacing a loop's label or two
///   landed on another label (60-connection meshes by region, seeds 1–3: 1–2 overlaps); at 1.5 inches,
///   none for seeds 1–5 by region and by owner, text 15–22 px;
/// - past 60 no layout stays legible at a page's width (100 connections: 4.7 px at best), and
///   peergraph says so, with the flags that draw less.
package enum DOTLayout {
    /// From this many edges, the compact layout.
    package static let compactFrom = 31
    /// Past this many edges, no layout is legible at a page's width.
    package static let legibleUpTo = 60

    /// The graph attributes that override the template's, for a drawing of `edgeCount` edges.
    package static func attributes(edgeCount: Int, isCollapsed: Bool = false) -> String? {
        if edgeCount >= compactFrom { return "rankdir=TB, nodesep=0.25, ranksep=0.6" }
        return isCollapsed ? "ranksep=1.5" : nil
    }

    /// The warning for a drawing too large to read at a page's width, if it is one.
    package static func legibilityWarning(edgeCount: Int, nodeCount: Int) -> String? {
        guard edgeCount > legibleUpTo else { return nil }
        return """
            \(Plural.count(edgeCount, "connection")) among \(Plural.count(nodeCount, "VPC")) are more than one picture can show \
            legibly at a page's width (about \(legibleUpTo) is the most; beyond, text is under 7 px at 1,600 px): draw \
            regions or accounts with --collapse region or --collapse owner, one part with --focus VPC --depth N, or \
            fewer connections with --region, --status or --owner
            """
    }
}
