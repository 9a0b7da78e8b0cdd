import Foundation

/// An object key as `JSONScanner.nextKey` read it: its unescaped UTF-8 bytes, not yet a `String`.
///
/// Decoders compare keys with literals (`key == "VpcId"`, `case "VpcId":`), which compares bytes and
/// allocates nothing; `text` makes the `String` only when one is needed (error paths, unknown keys).
struct JSONKey: CustomStringConvertible {
    /// Valid UTF-8 (the scanner checked it).
    let utf8: ArraySlice<UInt8>

    var text: String { String(decoding: utf8, as: UTF8.self) }

    var description: String { text }

    static func == (key: JSONKey, literal: StaticString) -> Bool {
        // Most keys differ from most literals in length already; the rest are compared with memcmp.
        key.utf8.count == literal.utf8CodeUnitCount
            && key.utf8.withUnsafeBufferPointer { bytes in
                literal.withUTF8Buffer { expected in
                    guard let left = bytes.baseAddress, let right = expected.baseAddress else { return bytes.isEmpty }
                    return memcmp(left, right, bytes.count) == 0
                }
            }
    }

    static func != (key: JSONKey, literal: StaticString) -> Bool { !(key == literal) }

    /// Lets `switch key { case "VpcId": … }` compare bytes.
    static func ~= (literal: StaticString, key: JSONKey) -> Bool { key == literal }
}
