import Foundation

/// Removes secrets — the access key secret, the STS token, request signatures — from anything that
/// came back from a server or goes to the user: messages, API error excerpts, response bodies (page
/// data that is drawn or saved).
///
/// A server can reflect a secret in any form, so the scrubber looks for every run of `windowLength`
/// bytes of each secret in each form it could take (as is, percent-encoded in upper or lower case, with
/// JSON's `\/`): a secret cut by a length limit, or split across lines of an HTML page, is still found
/// by its pieces. Each run found is replaced by `[redacted]`. The search is linear: a rolling hash of
/// every window of the text is looked up in the set of the secrets' window hashes, and a hit is
/// confirmed byte for byte.
public final class SecretScrubber: @unchecked Sendable {
    /// Runs this long or longer are recognised (shorter secrets are matched whole).
    public static let windowLength = 16
    private static let replacement = Array("[redacted]".utf8)

    /// The windows of every form of every secret, by length (secrets shorter than a window have their own length).
    private var windowsByLength: [Int: Set<[UInt8]>] = [:]
    private var hashesByLength: [Int: Set<UInt64>] = [:]
    private var known: Set<[UInt8]> = []
    private let lock = NSLock()

    /// A scrubber that knows no secret yet.
    public init() {}

    /// Adds secrets to look for; empty strings are ignored.
    public func add(_ secrets: [String]) {
        lock.withLock {
            for secret in secrets where !secret.isEmpty {
                for form in Self.forms(of: secret) where known.insert(form).inserted {
                    let length = min(Self.windowLength, form.count)
                    for start in 0...form.count - length {
                        let window = Array(form[start..<start + length])
                        windowsByLength[length, default: []].insert(window)
                        hashesByLength[length, default: []].insert(Self.hash(window[...]))
                    }
                }
            }
        }
    }

    /// The ways a server may write `secret` back.
    static func forms(of secret: String) -> [[UInt8]] {
        let raw = Array(secret.utf8)
        let upper = Array(PercentEncoding.rfc3986(secret).utf8)
        // The same with lower-case hex digits after each `%`.
        var lower = upper
        for index in lower.indices where lower[index] == UInt8(ascii: "%") {
            for digit in index + 1..<min(index + 3, lower.count)
            where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(lower[digit]) {
                lower[digit] += 32
            }
        }
        let json = Array(secret.replacingOccurrences(of: "/", with: "\\/").utf8)
        return [raw, upper, lower, json]
    }

    /// `text` with every secret run replaced.
    public func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let scrubbed = scrub(bytes)
        return scrubbed == bytes ? text : String(decoding: scrubbed, as: UTF8.self)
    }

    /// `bytes` with every secret run replaced.
    public func scrub(_ bytes: [UInt8]) -> [UInt8] {
        let (windows, hashes) = lock.withLock { (windowsByLength, hashesByLength) }
        guard !windows.isEmpty else { return bytes }
        // Mark every byte inside a window that matches, then replace each marked run once.
        var covered = [Bool](repeating: false, count: bytes.count)
        var any = false
        for (length, set) in windows where bytes.count >= length {
            let hashSet = hashes[length] ?? []
            var power: UInt64 = 1
            for _ in 1..<length { power = power &* Self.base }
            var hash = Self.hash(bytes[0..<length])
            var start = 0
            while true {
                if hashSet.contains(hash), set.contains(Array(bytes[start..<start + length])) {
                    for index in start..<start + length { covered[index] = true }
                    any = true
                }
                guard start + length < bytes.count else { break }
                hash = (hash &- (UInt64(bytes[start]) &+ 1) &* power) &* Self.base &+ UInt64(bytes[start + length]) &+ 1
                start += 1
            }
        }
        guard any else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if covered[index] {
                result += Self.replacement
                while index < bytes.count && covered[index] { index += 1 }
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static let base: UInt64 = 1_099_511_628_211

    /// A polynomial hash of `window` (wrapping arithmetic).
    private static func hash(_ window: ArraySlice<UInt8>) -> UInt64 {
        window.reduce(0) { $0 &* base &+ UInt64($1) &+ 1 }
    }
}
