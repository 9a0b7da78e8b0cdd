import Testing

@testable import PeerGraphKit

@Suite struct CIDRBlockTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.0.0.0/8", true), ("10.0.0.1/8", "10.0.0.0/8", false), ("0.0.0.0/0", "0.0.0.0/0", true),
        ("192.168.1.7/32", "192.168.1.7/32", true), ("2408:4000:1000::/56", "2408:4000:1000::/56", true),
        ("2001:DB8::1/128", "2001:db8::1/128", true), ("::/0", "::/0", true),
        ("2001:db8::ffff/64", "2001:db8::/64", false),
        ("::ffff:10.0.0.1/128", "::ffff:a00:1/128", true), (" 10.1.2.0/24 ", "10.1.2.0/24", true),
    ])
    func parses(text: String, canonical: String, isCanonical: Bool) throws {
        let block = try CIDRBlock(text)
        #expect(block.description == canonical)
        #expect(block.isCanonical == isCanonical)
    }

    @Test(arguments: [
        ("10.0.0.0", "no '/prefix'"), ("10.0.0.0/33", "an IPv4 prefix is at most /32"),
        ("::/129", "an IPv6 prefix is at most /128"),
        ("10.0.0/8", "an IPv4 address has four parts"), ("10.0.0.256/8", "\"256\" is not a number from 0 to 255"),
        ("10.0.0.0/x", "the prefix length is not a number"), ("1::2::3/64", "'::' appears more than once"),
        ("1:2:3:4:5:6:7/64", "an IPv6 address has eight groups"),
        ("12345::/16", "\"12345\" is not a group of 1 to 4 hex digits"),
        ("", "no '/prefix'"),
    ])
    func rejectsMalformedBlocksClearly(text: String, reason: String) {
        #expect { try CIDRBlock(text) } throws: { ($0 as? CIDRBlock.ParseError)?.reason == reason }
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.0.0/16", true), ("10.0.0.0/16", "10.1.0.0/16", false),
        ("0.0.0.0/0", "203.0.113.9/32", true),
        ("10.0.0.1/8", "10.200.0.0/16", true), ("192.168.1.7/32", "192.168.1.7/32", true),
        ("192.168.1.7/32", "192.168.1.8/32", false),
        ("2408:4000::/48", "2408:4000:0:1::/64", true), ("2408:4000::/48", "2408:4001::/48", false),
        ("::/0", "2001:db8::/32", true),
        ("2001:db8::1/128", "2001:db8::1/128", true), ("10.0.0.0/8", "::/0", false),
        ("::ffff:10.0.0.0/104", "10.0.0.0/8", false),
    ])
    func overlaps(a: String, b: String, overlapping: Bool) throws {
        let left = try CIDRBlock(a), right = try CIDRBlock(b)
        #expect(left.overlaps(right) == overlapping)
        #expect(right.overlaps(left) == overlapping)
    }
}
