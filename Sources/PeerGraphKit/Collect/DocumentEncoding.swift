import Foundation

/// Turns the bytes of an input file into UTF-8 JSON: gzip is decompressed, UTF-16 with a byte order
/// mark (what PowerShell 5.1's `>` writes) is transcoded, and data that is recognisably something else
/// (an archive, a picture, an HTML page) is named in the error.
enum DocumentEncoding {
    /// Fails unless `head`, the first bytes of a file, can start a JSON document in a form peergraph reads.
    static func sniff(_ head: [UInt8], source: String) throws(InputError) {
        var index = 0
        while index < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 }
        guard index < head.count else { return }
        let rest = head[index...]
        if rest.first == UInt8(ascii: "{") || rest.first == UInt8(ascii: "[") { return }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return try sniff(Array(head.dropFirst(3)), source: source) }
        if let kind = kind(of: head) { throw InputError(source: source, message: "is \(kind), not JSON") }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || GzipDecoder.isGzip(head) { return }
        var scanner = JSONScanner(bytes: head)
        _ = scanner.peek()
        throw InputError(
            source: source, bytes: head,
            syntaxError: scanner.unexpected(
                "a page object, an array of pages or connections, or JSON Lines of connections"))
    }

    /// What `head` is, for the formats users mistake for JSON; nil when it is none of them.
    static func kind(of head: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) {
            return "UTF-32 text (save it as UTF-8)"
        }
        if starts(Array("PK".utf8) + [0x03, 0x04]) { return "a zip archive (unzip it first)" }
        if starts(Array("BZh".utf8)) { return "bzip2 data (decompress it first)" }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz data (decompress it first)" }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return "zstd data (decompress it first)" }
        if starts(Array("%PDF".utf8)) { return "a PDF document" }
        if starts([0x89] + Array("PNG".utf8)) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts([0x7F] + Array("ELF".utf8)) { return "an executable (ELF)" }
        if head.count > 262 && Array(head[257..<262]) == Array("ustar".utf8) { return "a tar archive" }
        let text = String(decoding: head.prefix(256), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return "an HTML page (a saved error page?)" }
        if text.hasPrefix("<?xml") || text.hasPrefix("<") { return "XML or HTML" }
        if text.hasPrefix("---") { return "YAML" }
        return nil
    }

    /// `raw` as UTF-8 JSON bytes: gunzipped within `limit`, UTF-16 (with its byte order mark) transcoded.
    static func utf8JSON(_ raw: [UInt8], source: String, limit: Int) throws(InputError) -> [UInt8] {
        var bytes = raw
        if GzipDecoder.isGzip(bytes) {
            do {
                bytes = try GzipDecoder.decompress(bytes, limit: limit)
            } catch {
                throw InputError(
                    source: source, location: "byte \(error.byteOffset) of the compressed data", message: error.message)
            }
            if GzipDecoder.isGzip(bytes) {
                throw InputError(source: source, message: "is gzip inside gzip; decompress it once first")
            }
            try sniff(Array(bytes.prefix(4096)), source: source)
        }
        let encoding: String.Encoding
        if bytes.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LittleEndian
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BigEndian
        } else {
            return bytes
        }
        guard bytes.count % 2 == 0, let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
            throw InputError(source: source, message: "starts with a UTF-16 byte order mark but is not valid UTF-16")
        }
        return Array(text.utf8)
    }
}
