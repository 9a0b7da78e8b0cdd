import Foundation

/// `--render html`: one self-contained, offline HTML file to explore the mesh — Graphviz's SVG of it,
/// the graph's data as JSON, and the project's own script and style (`templates/explorer.js`, `.css`).
///
/// What keeps it safe with hostile data:
/// - a Content-Security-Policy of `default-src 'none'` that allows the one script and the one style by
///   their SHA-256 hashes: no request of any kind, no other script, no inline handler;
/// - the data is JSON in a `<script type="application/json">` block with every `<` written `\u003c`,
///   so no string can end the block or open a comment in it;
/// - the SVG is Graphviz's, built from peergraph's escaped DOT; its XML prolog and comments are left
///   out; the script finds elements by the ids peergraph assigned (`n1`, `e1`, `g1`), never by
///   Graphviz's titles (Graphviz 2.43 decodes `&amp;` in titles, so a hostile id would not match);
/// - the script writes every value with `textContent`.
package enum HTMLExplorerPage {
    /// The page for `graph`, around `svg` (Graphviz's `-Tsvg` of the graph's DOT with element ids).
    package static func write(svg: [UInt8], graph: PeerGraph, options: RenderOptions, to sink: OutputSink) {
        let script = DefaultTemplates.explorerScript, style = DefaultTemplates.explorerStyle
        let title = options.title.flatMap { $0.isEmpty ? nil : $0 } ?? "VPC peering mesh"
        sink.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        sink.write(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-\(hash(script))'; style-src 'sha256-\(hash(style))'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        )
        sink.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        sink.write("<meta name=\"generator\" content=\"peergraph \(PeerGraphVersion.current)\">\n")
        sink.write("<title>\(XMLEscaper.text(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n<header>\n")
        sink.write("<h1>\(XMLEscaper.text(title))</h1>\n")
        sink.write(
            "<input id=\"search\" type=\"search\" placeholder=\"Search: VPC, name, CIDR, an IP address, account, region\" aria-label=\"Search\">\n"
        )
        for (id, label) in [("status", "every status"), ("region", "every region"), ("account", "every account")] {
            sink.write(
                "<select id=\"\(id)\" aria-label=\"Filter by \(id)\"><option value=\"\">\(label)</option></select>\n")
        }
        sink.write("<button id=\"fit\" type=\"button\" title=\"Fit (0)\">Fit</button>\n")
        sink.write("<button id=\"copy\" type=\"button\" title=\"A link to this view\">Copy link</button>\n")
        sink.write("<span id=\"count\"></span>\n</header>\n<main>\n<div id=\"canvas\">\n")
        writeSVG(svg, to: sink)
        sink.write("</div>\n<aside>\n<div id=\"details\"></div>\n<h3>Legend</h3>\n<div id=\"legend\"></div>\n")
        sink.write(
            "<h3>Keys</h3>\n<p id=\"keys\">wheel or + − to zoom, drag or arrows to pan, 0 to fit, / to search, Esc to clear</p>\n"
        )
        sink.write("</aside>\n</main>\n<script type=\"application/json\" id=\"peergraph-data\">")
        writeData(graph, options: options, to: sink)
        sink.write("</script>\n<script>\(script)</script>\n</body>\n</html>\n")
    }

    /// The base64 SHA-256 of a script's or style's text, as CSP names it.
    static func hash(_ text: String) -> String {
        Data(SHA256.hash(Array(text.utf8))).base64EncodedString()
    }

    /// The SVG element of Graphviz's document: from `<svg` on, without comments (Graphviz writes node
    /// names into them; they say nothing to a reader).
    static func writeSVG(_ svg: [UInt8], to sink: OutputSink) {
        let open = Array("<svg".utf8), commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        guard let start = firstIndex(of: open, in: svg, from: 0) else { return }
        var position = start
        while position < svg.count {
            guard let comment = firstIndex(of: commentOpen, in: svg, from: position) else {
                sink.write(String(decoding: svg[position...], as: UTF8.self))
                break
            }
            sink.write(String(decoding: svg[position..<comment], as: UTF8.self))
            guard let end = firstIndex(of: commentClose, in: svg, from: comment + commentOpen.count) else { break }
            position = end + commentClose.count
        }
        sink.write("\n")
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// `{"graph": <the node-link JSON of --format json>, "legend": [...]}`, every `<` as `\u003c`
    /// (it can only be inside a string, where the escape means the same).
    static func writeData(_ graph: PeerGraph, options: RenderOptions, to sink: OutputSink) {
        var plain = options
        plain.template = nil
        let json = OutputSink.collectingBytes { NodeLinkJSONWriter(options: plain).write(graph, to: $0) }
        var legend = LegendEntry.entries(for: graph, theme: options.theme).map {
            "{\"text\": \(JSONEscaper.quoted($0.text)), \"color\": \(JSONEscaper.quoted($0.color)), \"line\": \(JSONEscaper.quoted($0.line.rawValue))}"
        }
        if graph.hasExternalNodes {
            legend.append(
                "{\"text\": \(JSONEscaper.quoted(ExternalAccountLook.legendText)), \"color\": \(JSONEscaper.quoted(ExternalAccountLook.border)), \"line\": \"dashed\"}"
            )
        }
        let text = Array("{\"graph\": ".utf8) + json + Array(", \"legend\": [\(legend.joined(separator: ", "))]}".utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.count + text.count / 64)
        for byte in text {
            if byte == UInt8(ascii: "<") {
                escaped.append(contentsOf: Array("\\u003c".utf8))
            } else {
                escaped.append(byte)
            }
        }
        escaped.withUnsafeBufferPointer { sink.write(bytes: $0) }
    }
}
