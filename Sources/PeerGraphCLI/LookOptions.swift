import Foundation
import PeerGraphKit

/// The options that shape a drawn graph: title, legend, template, theme, labels, Graphviz pictures.
enum LookOptions {
    static let title = OptionDeclaration(
        "title", .text("TEXT"), section: .look, commands: [.draw, .diff], help: "A title for the diagram.")
    static let legend = OptionDeclaration(
        "legend", section: .look, commands: [.draw, .diff],
        help: "Add a legend of the line styles the drawing uses (with --markdown, a table below the diagram)."
    )
    .with(\.needs, .legend)
    static let template = OptionDeclaration(
        "template", .file("FILE"), section: .look, commands: [.draw, .diff],
        help: "Use FILE as the page template of the format (see templates/README.md).")
    static let theme = OptionDeclaration(
        "theme", .file("FILE"), section: .look, commands: [.draw, .diff],
        help: "Use FILE as the status theme (format of templates/theme.tsv).")
    static let graphMLFlavor = OptionDeclaration(
        "graphml-flavor", .choice("FLAVOR", OutputRequest.GraphMLFlavor.allCases.map(\.rawValue)), section: .look,
        commands: [.draw, .diff],
        help: """
            plain (default) or yed: yFiles graphics for yEd, with groups as yEd groups and every VPC placed \
            (by Graphviz's dot when it is installed, else on a grid per group).
            """
    ).with(\.needs, .yFilesGraphics)
    static let maximumLabel = OptionDeclaration(
        "max-label", .text("N"), section: .look, commands: [.draw, .diff],
        help: "Cut label lines longer than N characters (default 40); full text stays in tooltips and GraphML."
    ).with(\.needs, .labelLength)
    static let edgeLabels = OptionDeclaration(
        "edge-labels", .choice("WHERE", OutputRequest.EdgeLabels.allCases.map(\.rawValue)), section: .look,
        commands: [.draw, .diff],
        help: """
            auto (default), inline, outside or none. auto writes edge text up to 30 edges and leaves it out above, \
            in DOT and Mermaid (a picture at a page's width cannot carry it legibly; DOT tooltips keep it).
            """
    ).with(\.needs, .edgeLabelPlacement)
    static let timestamp = OptionDeclaration(
        "timestamp", section: .look, commands: [.draw, .diff],
        help: "Stamp the generation time into the output (off: output is reproducible)."
    ).with(\.needs, .timestamp)
    static let markdown = OptionDeclaration(
        "markdown", section: .look, commands: [.draw, .diff],
        help: "Wrap Mermaid in a ```mermaid fence, ready for a README."
    ).with(\.needs, .markdownFence)
    static let render = OptionDeclaration(
        "render", .choice("FORMAT", PictureFormat.allCases.map(\.rawValue)), section: .look, commands: [.draw, .diff],
        help: """
            svg, png, pdf or html: run Graphviz (dot for small graphs, sfdp for large ones); png and pdf need -o FILE. \
            html: one offline file to explore (pan, zoom, search, filters, every field on a click).
            """)
    static let layout = OptionDeclaration(
        "layout", .choice("ENGINE", LayoutEngine.allCases.map(\.rawValue)), section: .look, commands: [.draw, .diff],
        help: "The Graphviz engine for --render: " + LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ") + "."
    )

    static let all = [
        title, legend, template, theme, graphMLFlavor, maximumLabel, edgeLabels, timestamp, markdown, render, layout,
    ]
    .map { $0.with(\.graphOnly, true) }

    /// The output of a drawn graph in `format` to `destination`.
    static func output(
        _ parsed: ParsedArguments, format: OutputRequest.Format, destination: OutputRequest.Destination
    ) throws(UsageError) -> OutputRequest {
        var output = OutputRequest()
        output.destination = destination
        output.format = format
        output.look.title = parsed.value(title)
        output.look.legend = parsed.has(legend)
        output.templateFile = parsed.value(template)
        output.themeFile = parsed.value(theme)
        output.timestamp = parsed.has(timestamp)
        output.markdownFence = parsed.has(markdown)
        if let flavor = parsed.value(graphMLFlavor) {
            guard let value = OutputRequest.GraphMLFlavor(rawValue: flavor.lowercased()) else {
                throw UsageError("unknown GraphML flavor '\(flavor)' (expected plain, yed)")
            }
            output.look.graphMLFlavor = value
        }
        if let length = parsed.value(maximumLabel) {
            guard let value = Int(length), (8...1000).contains(value) else {
                throw UsageError("--max-label takes a number from 8 to 1000 (got '\(length)')")
            }
            output.look.maximumLabelLength = value
        }
        if let placement = parsed.value(edgeLabels) {
            guard let value = OutputRequest.EdgeLabels(rawValue: placement.lowercased()) else {
                let expected = OutputRequest.EdgeLabels.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("unknown edge label placement '\(placement)' (expected \(expected))")
            }
            output.look.edgeLabels = value
        }
        output.picture = try picture(parsed, destination: destination)
        return output
    }

    private static func picture(
        _ parsed: ParsedArguments, destination: OutputRequest.Destination
    ) throws(UsageError) -> OutputRequest.Picture? {
        var engine: String?
        if let word = parsed.value(layout)?.lowercased() {
            guard LayoutEngine(rawValue: word) != nil else {
                throw UsageError(
                    "unknown --layout '\(word)' (expected \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            engine = word
        }
        guard let word = parsed.value(render)?.lowercased() else { return nil }
        guard PictureFormat(rawValue: word) != nil else {
            throw UsageError("unknown --render '\(word)' (expected svg, png, pdf, html)")
        }
        if case .file(let path) = destination {
            let ext = (path as NSString).pathExtension.lowercased()
            let known =
                PictureFormat.allCases.map(\.rawValue) + OutputRequest.Format.allCases.map(\.fileExtension) + [
                    "gv", "md",
                ]
            if known.contains(ext) && ext != word && !(word == "html" && ext == "htm") {
                throw UsageError(
                    """
                    --render \(word) writes \(word.uppercased()), but -o \(path) says .\(ext): name the file .\(word) or \
                    choose --render \(ext)
                    """)
            }
        } else if word != "svg" && word != "html" {
            throw UsageError("--render \(word) writes binary data: give -o FILE")
        }
        return OutputRequest.Picture(format: word, engine: engine)
    }
}
