/// A buffered byte sink that writers stream into.
///
/// Bytes collect in a fixed-size buffer that is handed to `flush` whenever it fills, so no format ever
/// holds its whole document in memory. The first error from `flush` is kept and reported by `finish()`;
/// later writes are dropped, so writers need not handle I/O errors on every call.
///
/// Writers call it for every few bytes of a document of up to hundreds of megabytes, so it copies into
/// memory it owns instead of growing an `Array`.
///
/// A sink belongs to one thread at a time (parallel writers give each batch a sink of its own), so its
/// counters opt out of the run-time exclusivity checks, which cost as much as the copying itself.
package final class OutputSink {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes in `buffer` not yet flushed.
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var flushedCount = 0
    private let flushHandler: (UnsafeBufferPointer<UInt8>) throws -> Void
    @exclusivity(unchecked) private var failure: Error?

    /// A sink that hands each full buffer to `flush` (the bytes are only valid during the call).
    package init(capacity: Int = 1 << 16, flush: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        buffer = .allocate(capacity: max(capacity, 16))
        flushHandler = flush
    }

    deinit { buffer.deallocate() }

    /// Bytes written so far, flushed or not.
    package var byteCount: Int { flushedCount + count }

    /// The last byte written, if any.
    @exclusivity(unchecked) public private(set) var lastByte: UInt8?

    /// Appends the UTF-8 bytes of `string`.
    package func write(_ string: String) {
        string.withBorrowedUTF8 { write(bytes: $0) }
    }

    /// Appends raw bytes.
    package func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        lastByte = bytes[bytes.count - 1]
        if count + bytes.count > buffer.count {
            flushBuffer()
            if bytes.count > buffer.count {
                flushedCount += bytes.count
                hand(bytes)
                return
            }
        }
        buffer.baseAddress.map { ($0 + count).update(from: base, count: bytes.count) }
        count += bytes.count
    }

    /// Appends one byte.
    package func write(byte: UInt8) {
        if count == buffer.count { flushBuffer() }
        buffer[count] = byte
        count += 1
        lastByte = byte
    }

    private func flushBuffer() {
        let pending = UnsafeBufferPointer(rebasing: buffer[..<count])
        flushedCount += count
        count = 0
        hand(pending)
    }

    private func hand(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, !bytes.isEmpty else { return }
        do { try flushHandler(bytes) } catch { failure = error }
    }

    /// Flushes what is left and throws the first flush error, if any.
    package func finish() throws {
        flushBuffer()
        if let failure { throw failure }
    }
}

extension OutputSink {
    /// Renders into memory; for tests and for callers that need the bytes.
    package static func collectingBytes(_ body: (OutputSink) throws -> Void) rethrows -> [UInt8] {
        var collected: [UInt8] = []
        let sink = OutputSink { collected.append(contentsOf: $0) }
        try body(sink)
        try? sink.finish()
        return collected
    }
}
