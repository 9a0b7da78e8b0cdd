/// A resource tag on a peering connection (`Tags[].Key` / `Tags[].Value`).
public struct PeeringTag: Sendable, Hashable, Comparable {
    /// The tag key (`Key`).
    public var key: String
    /// The tag value (`Value`); empty when the API gave none.
    public var value: String

    /// A tag `key`=`value`.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// By key, then value, both in byte order: a strict weak order (mixing byte order with Swift's
    /// canonical `==`, as before, was not one: "é" and "e\u{301}" were equal and ordered at once).
    public static func < (lhs: PeeringTag, rhs: PeeringTag) -> Bool {
        let keys = ByteOrder.compare(lhs.key, rhs.key)
        return keys != 0 ? keys < 0 : ByteOrder.less(lhs.value, rhs.value)
    }

    /// Equal when key and value are equal byte for byte.
    public static func == (lhs: PeeringTag, rhs: PeeringTag) -> Bool {
        ByteOrder.same(lhs.key, rhs.key) && ByteOrder.same(lhs.value, rhs.value)
    }

    /// Hashes the bytes, consistent with `==`, which compares bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ExactText(key))
        hasher.combine(ExactText(value))
    }
}
