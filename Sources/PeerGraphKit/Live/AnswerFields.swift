import Foundation

/// The scalar values of a small API answer (STS, the metadata service, ResourceManager), by path:
/// `Credentials.AccessKeyId`, `Accounts.Account.0.AccountId`. Numbers keep their exact text (never a
/// `Double`); `true`, `false` and `null` are left out. Read with the project's checked JSON scanner,
/// so a hostile answer is a syntax error, never a crash; containers deeper than `maximumDepth` are skipped.
package struct AnswerFields: Sendable {
    static let maximumDepth = 8
    private var values: [String: String] = [:]
    private var counts: [String: Int] = [:]

    package init(_ body: [UInt8]) throws(JSONSyntaxError) {
        var scanner = JSONScanner(bytes: body)
        do {
            try read(&scanner, path: "", depth: 0)
            guard scanner.isAtEnd() else { throw scanner.unexpected("the end of the answer") }
        } catch let error as JSONSyntaxError {
            throw error
        } catch {
            throw JSONSyntaxError("\(error)", at: 0)
        }
    }

    /// The value at `path`, if it is a string or a number.
    package subscript(_ path: String) -> String? { values[path] }

    /// The number of elements of the array at `path` (0 when there is none).
    package func count(_ path: String) -> Int { counts[path] ?? 0 }

    private mutating func read(_ scanner: inout JSONScanner, path: String, depth: Int) throws {
        let prefix = path.isEmpty ? "" : path + "."
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { return try scanner.skipValue() }
            var cursor = try scanner.beginObject()
            while let key = try scanner.nextKey(&cursor) {
                try read(&scanner, path: prefix + key.text, depth: depth + 1)
            }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { return try scanner.skipValue() }
            var cursor = try scanner.beginArray()
            var index = 0
            while try scanner.nextElement(&cursor) {
                try read(&scanner, path: prefix + String(index), depth: depth + 1)
                index += 1
            }
            counts[path] = index
        case UInt8(ascii: "\""):
            values[path] = try scanner.readString()
        case UInt8(ascii: "-"), .some(UInt8(ascii: "0")...UInt8(ascii: "9")):
            values[path] = String(try scanner.readNumberText())
        default:
            try scanner.skipValue()
        }
    }
}
