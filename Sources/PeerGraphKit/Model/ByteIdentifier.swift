/// An identifier that is equal to another only when their UTF-8 bytes are, and ordered by its bytes.
///
/// Swift's `String` equality, hashing and `<` follow Unicode canonical equivalence, so "é" and "e\u{301}"
/// would be one id. Ids are byte strings: every writer quotes the bytes it is given, so two ids that differ
/// in bytes must stay two nodes or two edges. `VPCID` and `ConnectionID` are the two kinds; regions and
/// accounts are `ExactText`.
public protocol ByteIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringInterpolation
where StringLiteralType == String {
    /// The id as the API wrote it.
    var text: String { get }
    /// The id `text`, as given.
    init(_ text: String)
}

extension ByteIdentifier {
    /// The id from a literal (`"vpc-bp1…"`).
    public init(stringLiteral value: String) { self.init(value) }

    /// Equal byte for byte.
    public static func == (lhs: Self, rhs: Self) -> Bool { ByteOrder.same(lhs.text, rhs.text) }

    /// Byte order.
    public static func < (lhs: Self, rhs: Self) -> Bool { ByteOrder.less(lhs.text, rhs.text) }

    /// Hashes the bytes, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        text.withBorrowedUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The id.
    public var description: String { text }
}

/// A VPC id (`VpcId`), e.g. `vpc-bp1abc…`, compared by bytes.
public struct VPCID: ByteIdentifier {
    /// The id as the API wrote it.
    public let text: String

    /// The id `text`.
    public init(_ text: String) { self.text = text }
}

/// A peering connection id (`InstanceId`), e.g. `pcc-bp1abc…`, compared by bytes.
public struct ConnectionID: ByteIdentifier {
    /// The id as the API wrote it.
    public let text: String

    /// The id `text`.
    public init(_ text: String) { self.text = text }
}
