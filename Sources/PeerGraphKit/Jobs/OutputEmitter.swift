import Foundation

/// The last stage of every job: the bytes to a file (atomically) or to the context's output, and a
/// graph in its format, through Graphviz, or in a Markdown fence.
struct OutputEmitter: Sendable {
    let context: JobContext
    let diagnostics: DiagnosticLog

    /// The writers' options with the template, theme and timestamp the request names.
    static func renderOptions(for output: OutputRequest) throws -> RenderOptions {
        var look = output.look
        if let path = output.templateFile {
            look.template = try Template(text: try readText(path), source: path, allowed: output.format.placeholders)
        }
        if let path = output.themeFile {
            look.theme = try StatusTheme(text: try readText(path), source: path)
        }
        if output.timestamp {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            look.timestamp = formatter.string(from: Date())
        }
        return look
    }

    /// Renders the graph in the requested format (or through Graphviz) to the destination; true when
    /// `checksOnly` found the destination stale.
    @discardableResult
    func emitGraph(_ graph: PeerGraph, output: OutputRequest, look: RenderOptions) throws -> Bool {
        // Pictures and the formats that are drawn as they are; GraphML and JSON go to tools that lay out,
        // and the explorer zooms.
        let isDrawn =
            output.picture.map { $0.format != "html" }
            ?? [.dot, .mermaid, .markdown].contains(output.format)
        if isDrawn,
            let warning = DOTLayout.legibilityWarning(edgeCount: graph.edges.count, nodeCount: graph.nodes.count)
        {
            diagnostics.report(.warning, warning)
        }
        if let picture = output.picture {
            // The explorer finds the SVG's elements by ids peergraph assigns in the DOT.
            let isExplorer = picture.format == "html"
            var drawing = look
            drawing.elementIDs = isExplorer
            // The page has the title in its header: not twice.
            if isExplorer { drawing.title = nil }
            let dot = OutputSink.collectingBytes {
                PeerGraphPipeline.render(graph, format: .dot, options: drawing, to: $0)
            }
            let renderer = GraphvizRenderer(
                format: isExplorer ? "svg" : picture.format, engine: picture.engine, edgeCount: graph.edges.count)
            var (bytes, warnings) = try renderer.render(dot)
            if isExplorer {
                bytes = OutputSink.collectingBytes {
                    HTMLExplorerPage.write(svg: bytes, graph: graph, options: look, to: $0)
                }
            }
            for line in warnings.split(whereSeparator: \.isNewline) { diagnostics.report(.graphviz, String(line)) }
            return try deliver(to: output.destination, checking: output.checksOnly) { sink in
                bytes.withUnsafeBufferPointer { sink.write(bytes: $0) }
            }.isStale
        }
        // In a Markdown file (--markdown, or a block of one) the graph goes in a fence named for its
        // language; Mermaid's legend is then a table below the fence rather than a block inside it.
        let isBlock = if case .markdownBlock = output.destination { true } else { false }
        let fence: String? =
            isBlock || (output.markdownFence && output.format == .mermaid) ? Self.fenceLanguage(output.format) : nil
        var drawn = look
        if fence != nil && output.format == .mermaid { drawn.legend = false }
        if output.format == .graphml, look.graphMLFlavor == .yed { drawn.yedLayout = yedLayout(of: graph, look: look) }
        let delivery = try deliver(to: output.destination, checking: output.checksOnly) { sink in
            if let fence { sink.write("```\(fence)\n") }
            PeerGraphPipeline.render(graph, format: output.format, options: drawn, to: sink)
            if fence != nil {
                sink.write("```\n")
                if look.legend && output.format == .mermaid {
                    LegendEntry.writeMarkdownTable(graph, theme: look.theme, to: sink)
                }
            }
        }
        // A Markdown page carries a Mermaid diagram too: the same limits hold for it.
        if output.format == .mermaid || output.format == .markdown {
            let size =
                output.format == .mermaid
                ? delivery.byteCount : MarkdownPageWriter.diagramByteCount(graph, options: drawn)
            for warning in MermaidWriter.limitWarnings(edgeCount: graph.edges.count, characterCount: size) {
                diagnostics.report(.warning, warning)
            }
        }
        return delivery.isStale
    }

    /// The info string of a Markdown fence around `format`; nil for Markdown itself, which goes in as it is.
    static func fenceLanguage(_ format: OutputFormat) -> String? {
        switch format {
        case .dot: "dot"
        case .graphml: "xml"
        case .mermaid: "mermaid"
        case .json: "json"
        case .markdown: nil
        }
    }

    /// Graphs up to this many edges get Graphviz's layout in yEd; larger ones a grid (dot would take
    /// minutes, and sfdp draws no group boxes).
    static let yedGraphvizLimit = GraphvizRenderer.sfdpThreshold

    /// Where yEd draws the nodes: Graphviz's `dot` layout of the graph's own DOT (labels uncut, so the
    /// boxes fit yEd's labels; no title or legend) when `dot` is installed and the graph is not too
    /// large; nil, the writer's grid per group, otherwise. Which one was used is a `-v` log line.
    func yedLayout(of graph: PeerGraph, look: RenderOptions) -> YEdLayout? {
        guard graph.edges.count <= Self.yedGraphvizLimit else {
            diagnostics.report(.log, "yEd layout: a grid per group (more than \(Self.yedGraphvizLimit) edges)")
            return nil
        }
        guard GraphvizRenderer.findExecutable("dot") != nil else {
            diagnostics.report(.log, "yEd layout: a grid per group (Graphviz's dot is not installed)")
            return nil
        }
        var options = look
        options.title = nil
        options.legend = false
        options.template = nil
        options.maximumLabelLength = 1000
        let dot = OutputSink.collectingBytes { PeerGraphPipeline.render(graph, format: .dot, options: options, to: $0) }
        do {
            let (json, _) = try GraphvizRenderer(format: "json", engine: "dot", edgeCount: graph.edges.count).render(
                dot)
            if let layout = YEdLayout.fromGraphviz(json: json, graph: graph) {
                diagnostics.report(.log, "yEd layout: Graphviz dot")
                return layout
            }
            diagnostics.report(.warning, "Graphviz's layout for yEd could not be read: writing a grid per group")
        } catch {
            diagnostics.report(.warning, "\(error.message): writing a grid per group for yEd")
        }
        return nil
    }

    /// What a delivery did: the bytes the output has, and whether `--check` found the destination stale.
    struct Delivery {
        var byteCount: Int
        var isStale = false
    }

    /// Delivers what `body` produces: as `emit` does, or into a Markdown file's block, or (checking)
    /// nowhere, comparing it with what the destination holds. A file or block that would not change
    /// is not written at all (its time stamp stays).
    func deliver(
        to destination: OutputRequest.Destination, checking: Bool, _ body: (OutputSink) -> Void
    ) throws -> Delivery {
        let target: String, name: String?
        switch destination {
        case .standardOutput:
            guard !checking else {
                throw OutputError(
                    destination: "--check", message: "there is nothing to compare with: name -o FILE or --inject FILE")
            }
            return Delivery(byteCount: try emit(to: destination, body))
        case .file(let path):
            guard checking else { return Delivery(byteCount: try emit(to: destination, body)) }
            (target, name) = (path, nil)
        case .markdownBlock(let path, let block): (target, name) = (path, block)
        }
        let bytes = OutputSink.collectingBytes(body)
        let isBlock = if case .markdownBlock = destination { true } else { false }
        let current = try Self.currentContent(of: target, required: isBlock)
        let updated =
            isBlock ? try MarkdownBlock.splice(current ?? [], source: target, name: name, content: bytes) : bytes
        if current == updated { return Delivery(byteCount: bytes.count) }
        if checking {
            let lines = UnifiedDiff.lines(
                old: current ?? [], new: updated, oldName: target, newName: "\(target) (as peergraph writes it)")
            diagnostics.report(.warning, "\(target) is not current (--check): it would change as this diff shows")
            for line in lines { diagnostics.report(.difference, line) }
            return Delivery(byteCount: bytes.count, isStale: true)
        }
        try emit(to: .file(target)) { sink in updated.withUnsafeBufferPointer { sink.write(bytes: $0) } }
        return Delivery(byteCount: bytes.count)
    }

    /// What a regular file holds now; nil when there is none (and one is not `required`). Only a
    /// regular file is compared: reading a FIFO or a device could block or never end.
    private static func currentContent(of path: String, required: Bool) throws -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if required {
                throw InputError(source: path, message: "cannot read file: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw OutputError(destination: path, message: "--check and --inject compare with a regular file only")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, message: "cannot read file")
        }
        return [UInt8](data)
    }

    /// Writes what `body` produces to the file (atomically) or the context's output; returns the byte count.
    @discardableResult
    func emit(to destination: OutputRequest.Destination, _ body: (OutputSink) -> Void) throws -> Int {
        if let path = destination.path {
            let file = try AtomicFileWriter(destination: path)
            let sink = OutputSink { try file.write($0) }
            body(sink)
            do {
                try sink.finish()
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            return sink.byteCount
        }
        let write = context.writeOutput
        let sink = OutputSink { try write(Array($0)) }
        body(sink)
        try sink.finish()
        return sink.byteCount
    }

    private static func readText(_ path: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(source: path, message: "file is not UTF-8 text")
        }
        return text
    }
}
