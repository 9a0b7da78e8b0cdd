import Foundation

/// A format's page layout: literal text with `{{placeholder}}` slots that the writer fills.
///
/// Templates hold only the look (header comment, default attributes, where the title, body and
/// legend go); all data reaches the output through the writers and their escapers.
public struct Template: Sendable, Equatable {
    /// A piece of the template: literal text, or a placeholder name.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    package var segments: [Segment]

    /// Parses `text`; every placeholder must be in `allowed` and every one in `required` must appear.
    public init(
        text: String, source: String, allowed: Set<String>, required: Set<String> = ["body"]
    ) throws(TemplateError) {
        var segments: [Segment] = []
        var rest = Substring(text)
        var seen: Set<String> = []
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            let line = text[..<open.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError(source: source, line: line, message: "'{{' without a closing '}}'")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard allowed.contains(name) else {
                throw TemplateError(
                    source: source, line: line,
                    message:
                        "unknown placeholder {{\(name)}} (known: \(allowed.sorted().map { "{{\($0)}}" }.joined(separator: ", ")))"
                )
            }
            segments.append(.placeholder(name))
            seen.insert(name)
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        if let missing = required.subtracting(seen).sorted().first {
            throw TemplateError(source: source, line: nil, message: "template has no {{\(missing)}} placeholder")
        }
        self.segments = segments
    }

    /// Writes the template into `sink`, calling `fill` for each placeholder. A placeholder alone on its
    /// line that writes nothing, or whole lines, takes its own line break with it, so optional parts
    /// leave no blank lines.
    package func render(into sink: OutputSink, fill: (String) -> Void) {
        var skipLineBreak = false
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .text(var text):
                if skipLineBreak && text.hasPrefix("\n") { text.removeFirst() }
                skipLineBreak = false
                sink.write(text)
            case .placeholder(let name):
                let before = sink.byteCount
                fill(name)
                let wroteWholeLines = sink.byteCount == before || sink.lastByte == UInt8(ascii: "\n")
                skipLineBreak = wroteWholeLines && isAloneOnLine(segmentAt: index)
            }
        }
    }

    private func isAloneOnLine(segmentAt index: Int) -> Bool {
        let startsLine: Bool
        if index == 0 {
            startsLine = true
        } else if case .text(let text) = segments[index - 1] {
            startsLine = text.hasSuffix("\n")
        } else {
            startsLine = false
        }
        guard startsLine, index + 1 < segments.count, case .text(let next) = segments[index + 1] else { return false }
        return next.hasPrefix("\n")
    }
}
