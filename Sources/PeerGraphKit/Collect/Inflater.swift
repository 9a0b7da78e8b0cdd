/// DEFLATE (RFC 1951) decompression for `GzipDecoder`: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Huffman codes are decoded through one lookup table per code, indexed by the next `maximumLength`
/// bits (DEFLATE sends codes most significant bit first inside a least-significant-first bit stream,
/// so each code is entered bit-reversed). An entry holds the symbol and the code's length; an entry of
/// length 0 is a bit pattern no code uses (an incomplete code), which is an error when met.
enum Inflater {
    typealias Failure = GzipDecoder.Failure

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289,
        16385, 24577,
    ]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]
    /// The order in which a dynamic block sends the lengths of the code-length code.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static let fixedLiterals = fixedTable((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = fixedTable([UInt8](repeating: 5, count: 30))

    /// A table of RFC 1951's fixed codes, which are complete by construction.
    private static func fixedTable(_ lengths: [UInt8]) -> HuffmanTable {
        do {
            return try HuffmanTable(lengths: lengths)
        } catch {
            fatalError("RFC 1951's fixed code is incomplete: \(error)")
        }
    }

    /// Inflates one DEFLATE stream from `reader` onto `output`; back-references may reach back to
    /// `windowStart` (the start of this gzip member), and the output may not grow past `limit`.
    static func inflate(
        _ reader: inout GzipDecoder.BitReader, into output: inout [UInt8], windowStart: Int, limit: Int
    ) throws(Failure) {
        var isLast = false
        while !isLast {
            isLast = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try copyStored(&reader, into: &output, limit: limit)
            case 1:
                try decodeBlock(
                    &reader, fixedLiterals, fixedDistances, into: &output, windowStart: windowStart, limit: limit)
            case 2:
                let (literals, distances) = try readDynamicTables(&reader)
                try decodeBlock(&reader, literals, distances, into: &output, windowStart: windowStart, limit: limit)
            default: throw Failure(message: "gzip data is corrupt (invalid block type)", byteOffset: reader.offset)
            }
        }
    }

    private static func tooLarge(_ limit: Int, _ reader: GzipDecoder.BitReader) -> Failure {
        Failure(message: "gzip data decompresses to more than the \(limit) bytes accepted", byteOffset: reader.offset)
    }

    private static func copyStored(
        _ reader: inout GzipDecoder.BitReader, into output: inout [UInt8], limit: Int
    ) throws(Failure) {
        reader.alignToByte()
        let length = Int(try reader.byte()) | Int(try reader.byte()) << 8
        let complement = Int(try reader.byte()) | Int(try reader.byte()) << 8
        guard length == ~complement & 0xFFFF else {
            throw Failure(message: "gzip data is corrupt (stored block length)", byteOffset: reader.offset)
        }
        guard length <= reader.bytes.count - reader.offset else {
            throw Failure(message: "gzip data is truncated", byteOffset: reader.bytes.count)
        }
        guard output.count + length <= limit else { throw tooLarge(limit, reader) }
        output.append(contentsOf: reader.bytes[reader.offset..<reader.offset + length])
        reader.offset += length
    }

    private static func readDynamicTables(
        _ reader: inout GzipDecoder.BitReader
    ) throws(Failure) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw Failure(message: "gzip data is corrupt (too many codes)", byteOffset: reader.offset)
        }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[index]] = UInt8(try reader.bits(3)) }
        let codeLengths = try HuffmanTable(lengths: codeLengthLengths, at: reader.offset)
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengths.decode(&reader)
            var repeated: UInt8 = 0
            var times = 0
            switch symbol {
            case 0...15:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else {
                    throw Failure(message: "gzip data is corrupt (repeat with no length)", byteOffset: reader.offset)
                }
                repeated = previous
                times = 3 + (try reader.bits(2))
            case 17: times = 3 + (try reader.bits(3))
            default: times = 11 + (try reader.bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else {
                throw Failure(message: "gzip data is corrupt (code lengths overflow)", byteOffset: reader.offset)
            }
            lengths += repeatElement(repeated, count: times)
        }
        guard lengths[256] != 0 else {
            throw Failure(message: "gzip data is corrupt (no end-of-block code)", byteOffset: reader.offset)
        }
        return (
            try HuffmanTable(lengths: Array(lengths[..<literalCount]), at: reader.offset),
            try HuffmanTable(lengths: Array(lengths[literalCount...]), at: reader.offset)
        )
    }

    private static func decodeBlock(
        _ reader: inout GzipDecoder.BitReader, _ literals: HuffmanTable, _ distances: HuffmanTable,
        into output: inout [UInt8],
        windowStart: Int, limit: Int
    ) throws(Failure) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard output.count < limit else { throw tooLarge(limit, reader) }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else {
                throw Failure(message: "gzip data is corrupt (invalid length code)", byteOffset: reader.offset)
            }
            let length = lengthBase[lengthIndex] + (try reader.bits(lengthExtra[lengthIndex]))
            let distanceIndex = try distances.decode(&reader)
            guard distanceIndex < distanceBase.count else {
                throw Failure(message: "gzip data is corrupt (invalid distance code)", byteOffset: reader.offset)
            }
            let distance = distanceBase[distanceIndex] + (try reader.bits(distanceExtra[distanceIndex]))
            guard distance <= output.count - windowStart else {
                throw Failure(message: "gzip data is corrupt (distance too far back)", byteOffset: reader.offset)
            }
            guard output.count + length <= limit else { throw tooLarge(limit, reader) }
            let start = output.count - distance
            // Byte by byte: a copy may overlap what it writes (distance 1 repeats one byte).
            for index in 0..<length { output.append(output[start + index]) }
        }
    }
}

/// A canonical Huffman code as a lookup table (see `Inflater`).
struct HuffmanTable {
    /// symbol << 4 | code length, indexed by the next `maximumLength` bits.
    private var entries: [UInt32]
    private var maximumLength: Int

    init(lengths: [UInt8], at offset: Int = 0) throws(GzipDecoder.Failure) {
        maximumLength = Int(lengths.max() ?? 0)
        var lengthCounts = [Int](repeating: 0, count: 16)
        for length in lengths { lengthCounts[Int(length)] += 1 }
        lengthCounts[0] = 0
        // Over-subscribed codes (more codes than bit patterns) are invalid; incomplete ones are allowed.
        var left = 1
        for length in 1..<16 {
            left = left * 2 - lengthCounts[length]
            guard left >= 0 else {
                throw GzipDecoder.Failure(message: "gzip data is corrupt (over-subscribed code)", byteOffset: offset)
            }
        }
        entries = [UInt32](repeating: 0, count: 1 << maximumLength)
        guard maximumLength > 0 else { return }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + lengthCounts[length - 1]) << 1
            nextCode[length] = code
        }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let code = nextCode[length]
            nextCode[length] += 1
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            let entry = UInt32(symbol) << 4 | UInt32(length)
            var index = reversed
            while index < entries.count {
                entries[index] = entry
                index += 1 << length
            }
        }
    }

    /// The next symbol of `reader`.
    @inline(__always)
    func decode(_ reader: inout GzipDecoder.BitReader) throws(GzipDecoder.Failure) -> Int {
        if reader.count < maximumLength { reader.refill() }
        let entry = entries.isEmpty ? 0 : entries[Int(reader.buffer & ((1 << UInt64(maximumLength)) - 1))]
        let length = Int(entry & 0xF)
        guard length > 0 else {
            throw GzipDecoder.Failure(message: "gzip data is corrupt (invalid code)", byteOffset: reader.offset)
        }
        guard length <= reader.count else {
            throw GzipDecoder.Failure(message: "gzip data is truncated", byteOffset: reader.offset)
        }
        reader.buffer >>= UInt64(length)
        reader.count -= length
        return Int(entry >> 4)
    }
}
