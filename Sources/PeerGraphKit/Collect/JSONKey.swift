import Foundation

/// An object key as `JSONScanner.nextKey` read it: its unescaped UTF-8 bytes, not yet a `String`.
///
/// Decoders compare keys with literals (`key == "VpcId"`, `case "VpcId":`), which compares bytes and
/// allocates nothing; `text` makes the `String` only when one is needed (error paths, unknown keys).
///
/// Keys of up to 24 bytes (every key of the API) are held as three integers, zero-padded, and compared
/// as integers: a connection has about 20 keys and L has 200,000 connections, and when a key was a
/// slice of the document, making and dropping it retained and released the document's buffer each
/// time, and each literal it was tried against was compared with `memcmp`. Longer keys keep their bytes.
struct JSONKey: CustomStringConvertible {
    /// Bytes of UTF-8 (valid: the scanner checked it).
    private let count: Int
    /// The first 24 bytes, in memory order, the rest zero.
    private let head: Head
    /// All the bytes, only for keys longer than `Head.capacity`.
    private let long: [UInt8]?

    /// The key whose unescaped bytes are `utf8`.
    init(utf8: UnsafeBufferPointer<UInt8>) {
        count = utf8.count
        head = Head(utf8)
        long = utf8.count > Head.capacity ? Array(utf8) : nil
    }

    /// The key's bytes.
    var utf8: [UInt8] { long ?? head.bytes(count) }

    var text: String { String(decoding: utf8, as: UTF8.self) }

    var description: String { text }

    @inline(__always)
    static func == (key: JSONKey, literal: StaticString) -> Bool {
        // Most keys differ from most literals in length already (a constant, once inlined).
        guard key.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { expected in
            if let long = key.long { return long.elementsEqual(expected) }
            return key.head == Head(expected)
        }
    }

    static func != (key: JSONKey, literal: StaticString) -> Bool { !(key == literal) }

    /// Lets `switch key { case "VpcId": … }` compare bytes.
    @inline(__always)
    static func ~= (literal: StaticString, key: JSONKey) -> Bool { key == literal }

    /// Up to 24 bytes as three words, zero-padded: equal bytes of equal length give equal words.
    private struct Head: Equatable {
        static let capacity = 24
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            withUnsafeMutableBytes(of: &words) { target in
                target.copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(Self.capacity)))
            }
        }

        func bytes(_ count: Int) -> [UInt8] {
            withUnsafeBytes(of: words) { Array($0.prefix(count)) }
        }

        static func == (left: Head, right: Head) -> Bool {
            left.words.0 == right.words.0 && left.words.1 == right.words.1 && left.words.2 == right.words.2
        }
    }
}
