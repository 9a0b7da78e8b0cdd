/// Reads gzip data (RFC 1952, DEFLATE of RFC 1951) with no library: saved pages are often compressed
/// (`.json.gz`), and peergraph depends on nothing but Foundation.
///
/// The output is bounded (`limit`), so a small file that would expand to gigabytes (a decompression
/// bomb) fails as soon as it passes the bound. Every member of a multi-member file is read, and each
/// member's CRC-32 and length are checked. Every read is bounds-checked: malformed input is an error,
/// never a crash.
package enum GzipDecoder {
    /// Why the data could not be decompressed, and where in the compressed bytes it was noticed.
    package struct Failure: Error, Sendable, Equatable {
        package var message: String
        package var byteOffset: Int
    }

    /// True when `bytes` start with the gzip magic number.
    package static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of every member of `input`; fails past `limit` bytes of output.
    package static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var reader = BitReader(bytes: input)
        repeat {
            let memberStart = output.count
            try readHeader(&reader)
            try Inflater.inflate(&reader, into: &output, windowStart: memberStart, limit: limit)
            reader.alignToByte()
            let crc = try reader.littleEndian32()
            let size = try reader.littleEndian32()
            let member = output[memberStart...]
            guard CRC32.checksum(member) == crc else {
                throw Failure(message: "gzip data is corrupt (CRC-32 mismatch)", byteOffset: reader.offset)
            }
            guard UInt32(truncatingIfNeeded: member.count) == size else {
                throw Failure(message: "gzip data is corrupt (length mismatch)", byteOffset: reader.offset)
            }
            // Zero bytes after the last member are padding (tape and some tools add them).
            while reader.offset < input.count && input[reader.offset] == 0 { reader.offset += 1 }
        } while reader.offset < input.count
        return output
    }

    private static func readHeader(_ reader: inout BitReader) throws(Failure) {
        let start = reader.offset
        guard try reader.byte() == 0x1F, try reader.byte() == 0x8B else {
            throw Failure(message: "data after the gzip stream is not another gzip member", byteOffset: start)
        }
        guard try reader.byte() == 8 else {
            throw Failure(message: "gzip compression method is not DEFLATE", byteOffset: start + 2)
        }
        let flags = try reader.byte()
        guard flags & 0xE0 == 0 else {
            throw Failure(message: "gzip header has reserved flags set", byteOffset: start + 3)
        }
        try reader.skipBytes(6)  // modification time, extra flags, operating system
        if flags & 0x04 != 0 {  // FEXTRA
            let length = Int(try reader.byte()) | Int(try reader.byte()) << 8
            try reader.skipBytes(length)
        }
        if flags & 0x08 != 0 { while try reader.byte() != 0 {} }  // FNAME
        if flags & 0x10 != 0 { while try reader.byte() != 0 {} }  // FCOMMENT
        if flags & 0x02 != 0 { try reader.skipBytes(2) }  // FHCRC
    }

    /// Bits least significant first, as DEFLATE packs them; bytes for the gzip framing.
    struct BitReader {
        let bytes: [UInt8]
        /// The next byte not yet taken into `buffer`.
        var offset = 0
        var buffer: UInt64 = 0
        var count = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Fills the buffer with as many whole bytes as fit.
        @inline(__always)
        mutating func refill() {
            while count <= 56 && offset < bytes.count {
                buffer |= UInt64(bytes[offset]) << UInt64(count)
                offset += 1
                count += 8
            }
        }

        /// The next `n` bits (n ≤ 32).
        @inline(__always)
        mutating func bits(_ n: Int) throws(Failure) -> Int {
            if count < n { refill() }
            guard count >= n else { throw Failure(message: "gzip data is truncated", byteOffset: offset) }
            let value = Int(buffer & ((1 << UInt64(n)) - 1))
            buffer >>= UInt64(n)
            count -= n
            return value
        }

        /// Drops the bits up to the next byte boundary and gives back whole buffered bytes.
        mutating func alignToByte() {
            let drop = count % 8
            buffer >>= UInt64(drop)
            count -= drop
            offset -= count / 8
            buffer = 0
            count = 0
        }

        mutating func byte() throws(Failure) -> UInt8 {
            guard offset < bytes.count else { throw Failure(message: "gzip data is truncated", byteOffset: offset) }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func skipBytes(_ n: Int) throws(Failure) {
            guard n <= bytes.count - offset else {
                throw Failure(message: "gzip data is truncated", byteOffset: bytes.count)
            }
            offset += n
        }

        mutating func littleEndian32() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for shift in [0, 8, 16, 24] as [UInt32] { value |= UInt32(try byte()) << shift }
            return value
        }
    }
}

/// CRC-32 (IEEE 802.3, reflected), as gzip checks its members.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
