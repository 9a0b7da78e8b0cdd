import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct SecretScrubberTests {
    static let token = "CAIS8gF1q6Ft5B2yfSjIr5bMGdz9h+dA1oW4Rk3RgTMB/dP5l2x/TH3ZtE2jJ8P0rnpsnCUNJ7rN"
    static let secret = "StandInSecret-0123456789abcdef"

    static func scrubber() -> SecretScrubber {
        let scrubber = SecretScrubber()
        scrubber.add([secret, token])
        return scrubber
    }

    @Test(arguments: [
        "token=\(token)",
        "cut at a limit: \(token.prefix(40))…",
        "percent-encoded: \(PercentEncoding.rfc3986(token))",
        "lower-case hex: \(PercentEncoding.rfc3986(token).replacingOccurrences(of: "%2B", with: "%2b").replacingOccurrences(of: "%2F", with: "%2f"))",
        "json: \"\(token.replacingOccurrences(of: "/", with: "\\/"))\"",
        "<html><pre>x-acs-security-token: \(token)</pre></html>",
        "a fragment in the middle: …\(token.dropFirst(20).prefix(24))…",
        "secret \(secret) and again \(secret)",
    ])
    func findsTheSecretInEveryForm(text: String) {
        let scrubbed = Self.scrubber().scrub(text)
        #expect(scrubbed.contains("[redacted]"))
        for length in [16, 20] {
            for start in stride(from: 0, to: Self.token.count - length, by: 7) {
                let piece = String(Array(Self.token)[start..<start + length])
                #expect(!scrubbed.contains(piece), "\(piece) survived in \(scrubbed)")
            }
        }
        #expect(!scrubbed.contains(Self.secret.prefix(16)))
    }

    @Test func leavesOtherTextAlone() {
        let text = "{\"VpcPeerConnects\":[{\"InstanceId\":\"pcc-1\",\"Name\":\"CAIS is a prefix, not a token\"}]}"
        #expect(Self.scrubber().scrub(text) == text)
        #expect(SecretScrubber().scrub(text) == text)
    }

    @Test func scrubsBytesInLinearTime() {
        let page =
            Array(String(repeating: "{\"Name\":\"ordinary text\"},", count: 20_000).utf8) + Array(Self.token.utf8)
        let scrubbed = Self.scrubber().scrub(page)
        #expect(scrubbed.count == page.count - Self.token.utf8.count + "[redacted]".utf8.count)
    }
}
