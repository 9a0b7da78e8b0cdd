// libFuzzer entry point for peergraph's JSON reader (PeeringDocumentDecoder and JSONScanner).
// Built outside SwiftPM with the library's sources, by .ci/fuzz:
//   swiftc -O -sanitize=fuzzer,address -parse-as-library Sources/PeerGraphKit/**/*.swift Tests/Fuzz/FuzzJSONDecoder.swift
// Any input must give connections or a JSONSyntaxError: never a crash, a hang or unbounded memory.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let connections = try PeeringDocumentDecoder().decode(bytes)
        // What was read must survive the rest of the pipeline too.
        let graph = PeerGraph(connections: ConnectionDeduplicator.deduplicate(connections))
        for format in OutputFormat.allCases {
            _ = OutputSink.collectingBytes { format.makeWriter(options: RenderOptions(legend: true)).write(graph, to: $0) }
        }
        _ = MeshChecker().check(graph)
    } catch {
        // A clear error is the right answer to malformed input; it must carry a position inside the input.
        precondition(error.byteOffset >= 0 && error.byteOffset <= size, "error offset \(error.byteOffset) outside the input of \(size) bytes")
    }
    _ = try? PeeringDocumentDecoder().decodePage(bytes)
    return 0
}
