import Foundation

/// Reads `--names FILE`: friendly names for VPC ids and account ids.
///
/// JSON: `{"vpc-…": "Core network", "1508…": "Production"}`, or `{"vpcs": {…}, "accounts": {…}}`.
/// CSV: `id,name` per line (an optional header `id,name`; fields may be double-quoted, `""` for a quote).
/// Ids made only of digits are accounts, the rest VPCs.
package enum NameMapReader {
    package static func read(path: String) throws(InputError) -> NameMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(source: path, message: "file is not UTF-8 text")
        }
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("{") { return try readJSON(data, path: path) }
        return try readCSV(text, path: path)
    }

    /// Read with peergraph's own scanner, so that ids stay byte-exact (JSONSerialization's dictionaries
    /// would merge canonically equivalent keys such as "é" and "e\u{301}").
    private static func readJSON(_ data: Data, path: String) throws(InputError) -> NameMap {
        let bytes = [UInt8](data)
        var map = NameMap()
        do {
            var scanner = JSONScanner(bytes: bytes)
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw InputError(source: path, message: "not a JSON object of id → name")
            }
            var top = try scanner.beginObject()
            while let key = try scanner.nextKey(&top) {
                if (key == "vpcs" || key == "accounts") && scanner.peek() == UInt8(ascii: "{") {
                    var nested = try scanner.beginObject()
                    while let id = try scanner.nextKey(&nested) {
                        guard scanner.peek() == UInt8(ascii: "\"") else {
                            throw InputError(
                                source: path, location: "$.\(key.text).\(id.text)", message: "name is not a string")
                        }
                        let name = try scanner.readString()
                        if key == "vpcs" {
                            map.vpcs[ExactText(id.text)] = name
                        } else {
                            map.accounts[ExactText(id.text)] = name
                        }
                    }
                } else if scanner.peek() == UInt8(ascii: "\"") {
                    map.add(id: key.text, name: try scanner.readString())
                } else {
                    throw InputError(source: path, location: "$.\(key.text)", message: "name is not a string")
                }
            }
            guard scanner.isAtEnd() else {
                throw InputError(source: path, message: "not a JSON object of id → name (more after it)")
            }
        } catch let error as InputError {
            throw error
        } catch let error as JSONSyntaxError {
            throw InputError(source: path, bytes: bytes, syntaxError: error)
        } catch {
            throw InputError(source: path, message: "not a JSON object of id → name")
        }
        return map
    }

    private static func readCSV(_ text: String, path: String) throws(InputError) -> NameMap {
        var map = NameMap()
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = try csvFields(String(line), path: path, line: index + 1)
            guard fields.count == 2 else {
                throw InputError(source: path, location: "\(index + 1)", message: "expected two fields: id,name")
            }
            if index == 0 && fields[0].lowercased() == "id" { continue }
            map.add(id: fields[0].trimmingWhitespace(), name: fields[1].trimmingWhitespace())
        }
        return map
    }

    private static func csvFields(_ line: String, path: String, line number: Int) throws(InputError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.trimmingWhitespace().isEmpty {
                quoted = true
                current = ""
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if quoted { throw InputError(source: path, location: "\(number)", message: "unterminated quoted field") }
        fields.append(current)
        return fields
    }
}
