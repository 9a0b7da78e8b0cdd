/// An IPv4 or IPv6 CIDR block, parsed by hand (Foundation has no IP address type on Linux).
///
/// Addresses are held as 128-bit values (IPv4 in the low 32 bits). A block written with host bits set,
/// like `10.0.0.1/8`, is accepted and means its network (`10.0.0.0/8`); `isCanonical` says so.
package struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    package enum Family: Sendable, Hashable { case ipv4, ipv6 }

    package var family: Family
    /// The network address (host bits cleared), high and low 64 bits.
    package var high: UInt64
    package var low: UInt64
    package var prefixLength: Int
    /// False when the text had host bits set.
    package var isCanonical: Bool
    /// The text as written.
    package var text: String

    /// Why a block could not be parsed.
    package struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        package var text: String
        package var reason: String
        package var description: String { "\(text.debugDescription) is not a CIDR block: \(reason)" }
    }

    package init(_ text: String) throws(ParseError) {
        self.text = text
        let trimmed = text.trimmingWhitespace()
        guard let slash = trimmed.firstIndex(of: "/") else { throw ParseError(text: text, reason: "no '/prefix'") }
        let addressText = String(trimmed[..<slash])
        let prefixText = trimmed[trimmed.index(after: slash)...]
        guard !prefixText.isEmpty, prefixText.count <= 3, prefixText.allSatisfy(\.isASCII), let prefix = Int(prefixText)
        else {
            throw ParseError(text: text, reason: "the prefix length is not a number")
        }
        var value: (UInt64, UInt64)
        if addressText.contains(":") {
            family = .ipv6
            guard prefix <= 128 else { throw ParseError(text: text, reason: "an IPv6 prefix is at most /128") }
            value = try Self.parseIPv6(addressText, whole: text)
        } else {
            family = .ipv4
            guard prefix <= 32 else { throw ParseError(text: text, reason: "an IPv4 prefix is at most /32") }
            value = (0, UInt64(try Self.parseIPv4(addressText, whole: text)))
        }
        prefixLength = prefix
        let bits = family == .ipv4 ? 96 + prefix : prefix
        let masked = Self.mask(value, keepingTopBits: bits)
        isCanonical = masked == value
        (high, low) = masked
    }

    /// True when the two blocks share at least one address (never across families).
    package func overlaps(_ other: CIDRBlock) -> Bool {
        guard family == other.family else { return false }
        let shorter = min(prefixLength, other.prefixLength)
        let bits = family == .ipv4 ? 96 + shorter : shorter
        return Self.mask((high, low), keepingTopBits: bits) == Self.mask((other.high, other.low), keepingTopBits: bits)
    }

    /// True when every address of `other` is in this block.
    package func contains(_ other: CIDRBlock) -> Bool {
        family == other.family && prefixLength <= other.prefixLength && overlaps(other)
    }

    /// The canonical spelling of the network, e.g. `10.0.0.0/8`.
    package var description: String {
        switch family {
        case .ipv4:
            let v = UInt32(truncatingIfNeeded: low)
            return "\(v >> 24).\((v >> 16) & 255).\((v >> 8) & 255).\(v & 255)/\(prefixLength)"
        case .ipv6:
            let groups = (0..<8).map { index -> UInt16 in
                let word = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (index % 4)))
            }
            return Self.formatIPv6(groups) + "/\(prefixLength)"
        }
    }

    private static func mask(_ value: (UInt64, UInt64), keepingTopBits bits: Int) -> (UInt64, UInt64) {
        let highMask: UInt64 = bits >= 64 ? .max : (bits <= 0 ? 0 : ~(UInt64.max >> UInt64(bits)))
        let lowBits = bits - 64
        let lowMask: UInt64 = lowBits >= 64 ? .max : (lowBits <= 0 ? 0 : ~(UInt64.max >> UInt64(lowBits)))
        return (value.0 & highMask, value.1 & lowMask)
    }

    private static func parseIPv4(_ text: String, whole: String) throws(ParseError) -> UInt32 {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw ParseError(text: whole, reason: "an IPv4 address has four parts") }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let octet = UInt32(part), octet <= 255
            else {
                throw ParseError(text: whole, reason: "\(String(part).debugDescription) is not a number from 0 to 255")
            }
            value = value << 8 | octet
        }
        return value
    }

    private static func parseIPv6(_ text: String, whole: String) throws(ParseError) -> (UInt64, UInt64) {
        var groups: [UInt16] = []
        var tail: [UInt16] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { throw ParseError(text: whole, reason: "'::' appears more than once") }
        func parse(_ part: String) throws(ParseError) -> [UInt16] {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    let v4 = try parseIPv4(String(piece), whole: whole)
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy(\.isHexDigit), piece.allSatisfy(\.isASCII),
                    let value = UInt16(piece, radix: 16)
                else {
                    throw ParseError(
                        text: whole, reason: "\(String(piece).debugDescription) is not a group of 1 to 4 hex digits")
                }
                result.append(value)
            }
            return result
        }
        groups = try parse(halves[0])
        if halves.count == 2 {
            tail = try parse(halves[1])
            guard groups.count + tail.count <= 7 else { throw ParseError(text: whole, reason: "too many groups") }
            groups += [UInt16](repeating: 0, count: 8 - groups.count - tail.count) + tail
        }
        guard groups.count == 8 else { throw ParseError(text: whole, reason: "an IPv6 address has eight groups") }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    /// RFC 5952: lower case, the longest run of two or more zero groups as `::`.
    private static func formatIPv6(_ groups: [UInt16]) -> String {
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > bestLength && end - index >= 2 {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        if bestStart < 0 { return hex.joined(separator: ":") }
        return hex[..<bestStart].joined(separator: ":") + "::" + hex[(bestStart + bestLength)...].joined(separator: ":")
    }
}
