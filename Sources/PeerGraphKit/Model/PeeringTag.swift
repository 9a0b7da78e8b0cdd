/// A resource tag on a peering connection (`Tags[].Key` / `Tags[].Value`).
public struct PeeringTag: Sendable, Hashable, Comparable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public static func < (lhs: PeeringTag, rhs: PeeringTag) -> Bool {
        (lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8))
            || (lhs.key == rhs.key && lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8))
    }
}
