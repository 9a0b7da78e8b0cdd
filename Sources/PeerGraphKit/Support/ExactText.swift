/// A string that is equal to another only when their UTF-8 bytes are: a dictionary key for ids.
///
/// Swift's `String` equality and hashing follow Unicode canonical equivalence, so "é" and "e\u{301}"
/// would be one key. Ids are byte strings; each writer quotes the bytes it is given, so two ids that
/// differ in bytes must be two nodes, or an edge would name a node that was never declared.
package struct ExactText: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The text itself.
    package let string: String

    /// Wraps `string`.
    package init(_ string: String) { self.string = string }

    package static func == (lhs: ExactText, rhs: ExactText) -> Bool { ByteOrder.same(lhs.string, rhs.string) }

    /// Byte order.
    package static func < (lhs: ExactText, rhs: ExactText) -> Bool { ByteOrder.less(lhs.string, rhs.string) }

    package var description: String { string }

    package func hash(into hasher: inout Hasher) {
        string.withBorrowedUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
