/// A buffered byte sink that writers stream into.
///
/// Bytes collect in a fixed-size buffer that is handed to `flush` whenever it fills, so no format ever
/// holds its whole document in memory. The first error from `flush` is kept and reported by `finish()`;
/// later writes are dropped, so writers need not handle I/O errors on every call.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let flushHandler: ([UInt8]) throws -> Void
    private var failure: Error?
    /// Bytes written so far, flushed or not.
    public private(set) var byteCount = 0
    /// The last byte written, if any.
    public private(set) var lastByte: UInt8?

    /// A sink that hands each full buffer to `flush`.
    public init(capacity: Int = 1 << 16, flush: @escaping ([UInt8]) throws -> Void) {
        self.capacity = capacity
        flushHandler = flush
        buffer.reserveCapacity(capacity)
    }

    /// Appends the UTF-8 bytes of `string`.
    public func write(_ string: String) {
        var string = string
        string.withUTF8 { write(bytes: $0) }
    }

    /// Appends raw bytes.
    public func write(bytes: UnsafeBufferPointer<UInt8>) {
        byteCount += bytes.count
        if let last = bytes.last { lastByte = last }
        if buffer.count + bytes.count > capacity { flushBuffer() }
        if bytes.count > capacity {
            guard failure == nil else { return }
            do { try flushHandler(Array(bytes)) } catch { failure = error }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends one byte.
    public func write(byte: UInt8) {
        byteCount += 1
        lastByte = byte
        if buffer.count >= capacity { flushBuffer() }
        buffer.append(byte)
    }

    private func flushBuffer() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        do { try flushHandler(buffer) } catch { failure = error }
    }

    /// Flushes what is left and throws the first flush error, if any.
    public func finish() throws {
        flushBuffer()
        if let failure { throw failure }
    }
}

extension OutputSink {
    /// Renders into memory; for tests and for callers that need the bytes.
    public static func collectingBytes(_ body: (OutputSink) throws -> Void) rethrows -> [UInt8] {
        var collected: [UInt8] = []
        let sink = OutputSink { collected += $0 }
        try body(sink)
        try? sink.finish()
        return collected
    }
}
