extension String {
    /// Calls `body` with the string's UTF-8 bytes, borrowed in place. `withUTF8` needs a mutable copy,
    /// and copying a string retains its storage: on hot paths that run on several threads, the shared
    /// strings (ids interned by the decoder) would be retained by every thread at once.
    @inline(__always)
    func withBorrowedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
