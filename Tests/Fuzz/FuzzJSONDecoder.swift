// libFuzzer entry point for peergraph's readers of untrusted bytes: the JSON reader (PeeringDocumentDecoder
// and JSONScanner), the gzip and UTF-16 decoding in front of it, the HTTP response parser of the plain-HTTP
// transport, the secret scrubber, and the readers of the credential services' and ResourceManager's answers
// and of snapshot manifests.
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
            _ = OutputSink.collectingBytes {
                format.makeWriter(options: RenderOptions(legend: true)).write(graph, to: $0)
            }
        }
        _ = MeshChecker().check(graph)
    } catch {
        // A clear error is the right answer to malformed input; it must carry a position inside the input.
        precondition(
            error.byteOffset >= 0 && error.byteOffset <= size,
            "error offset \(error.byteOffset) outside the input of \(size) bytes")
    }
    _ = try? PeeringDocumentDecoder().decodePage(bytes)
    // The same bytes as the body of a gzip member (inflate with any bit pattern), as a whole file, as a
    // response of the plain-HTTP transport, and through the scrubber: an error or a value, never a crash.
    _ = try? GzipDecoder.decompress([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + bytes, limit: 1 << 24)
    _ = try? DocumentEncoding.utf8JSON(bytes, source: "fuzz", limit: 1 << 24)
    _ = try? SocketHTTPTransport.parse(
        Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + bytes, limit: 1 << 24)
    _ = try? SocketHTTPTransport.parse(bytes, limit: 1 << 24)
    _ = fuzzScrubber.scrub(bytes)
    // What STS, the metadata service, a credentials URI and ResourceManager answer is as untrusted.
    _ = try? AnswerFields(bytes)
    _ = try? TemporaryCredentialsAnswer.read(bytes, prefix: "Credentials.", source: "fuzz", path: "fuzz")
    _ = try? ResourceDirectoryMember.page(bytes)
    _ = try? SnapshotManifest.read(bytes)
    return 0
}

/// Secrets for the scrubber to look for in fuzzed bytes.
private let fuzzScrubber: SecretScrubber = {
    let scrubber = SecretScrubber()
    scrubber.add(["CAISFuzzToken0123456789abcdefXYZ", "short"])
    return scrubber
}()
