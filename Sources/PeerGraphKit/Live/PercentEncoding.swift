/// The two percent-encodings Alibaba Cloud's API uses, byte by byte over UTF-8 (Foundation's
/// `addingPercentEncoding` leaves `+`, `&`, `=`, `*` and `/` alone, which the server does not accept).
package enum PercentEncoding {
    /// `E(s)` of the ACS3 signature: unreserved `A–Z a–z 0–9 - _ . ~` kept, every other byte `%XX`
    /// upper-case (a space is `%20`). Used for the canonical query, which is also sent as the URL query.
    package static func rfc3986(_ text: String) -> String {
        encode(text, spaceAsPlus: false)
    }

    /// `application/x-www-form-urlencoded` for the body: the same, but a space is `+`.
    package static func form(_ text: String) -> String {
        encode(text, spaceAsPlus: true)
    }

    /// `k=v&k=v` for form pairs, in the given order.
    package static func formBody(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(form($0.0))=\(form($0.1))" }.joined(separator: "&")
    }

    private static func encode(_ text: String, spaceAsPlus: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                bytes.append(byte)
            case UInt8(ascii: " ") where spaceAsPlus:
                bytes.append(UInt8(ascii: "+"))
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
