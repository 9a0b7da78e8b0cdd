import Foundation

/// Reads `--names FILE`: friendly names for VPC ids and account ids.
///
/// JSON: `{"vpc-…": "Core network", "1508…": "Production"}`, or `{"vpcs": {…}, "accounts": {…}}`.
/// CSV: `id,name` per line (an optional header `id,name`; fields may be double-quoted, `""` for a quote).
/// Ids made only of digits are accounts, the rest VPCs.
public enum NameMapReader {
    public static func read(path: String) throws(InputError) -> NameMap {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(source: path, message: "cannot read file") }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(source: path, message: "file is not UTF-8 text") }
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("{") { return try readJSON(data, path: path) }
        return try readCSV(text, path: path)
    }

    private static func readJSON(_ data: Data, path: String) throws(InputError) -> NameMap {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw InputError(source: path, message: "not a JSON object of id → name")
        }
        var map = NameMap()
        for (key, value) in object {
            if let nested = value as? [String: Any], key == "vpcs" || key == "accounts" {
                for (id, name) in nested {
                    guard let name = name as? String else { throw InputError(source: path, location: "$.\(key).\(id)", message: "name is not a string") }
                    if key == "vpcs" { map.vpcs[id] = name } else { map.accounts[id] = name }
                }
            } else if let name = value as? String {
                map.add(id: key, name: name)
            } else {
                throw InputError(source: path, location: "$.\(key)", message: "name is not a string")
            }
        }
        return map
    }

    private static func readCSV(_ text: String, path: String) throws(InputError) -> NameMap {
        var map = NameMap()
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = try csvFields(String(line), path: path, line: index + 1)
            guard fields.count == 2 else { throw InputError(source: path, location: "\(index + 1)", message: "expected two fields: id,name") }
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
                    if characters.first == "\"" { current.append("\""); characters.removeFirst() } else { quoted = false }
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
