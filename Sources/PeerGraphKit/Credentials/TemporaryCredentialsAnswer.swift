import Foundation

/// Reads the temporary credentials that STS, the ECS metadata service and a credentials URI answer:
/// `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration` (`YYYY-MM-DDTHH:MM:SSZ`), under
/// `Credentials` for STS, at the top for the others (which must also say `"Code": "Success"`).
package enum TemporaryCredentialsAnswer {
    /// The credentials in `body`, with `prefix` before every field name (`Credentials.` for STS).
    package static func read(
        _ body: [UInt8], prefix: String = "", requireSuccessCode: Bool = false, source: String, path: String
    ) throws(CredentialError) -> AlibabaCredentials {
        let fields: AnswerFields
        do {
            fields = try AnswerFields(body)
        } catch {
            throw CredentialError(service: "\(source) answered something that is not JSON (\(error.message))")
        }
        if requireSuccessCode, fields["Code"] != "Success" {
            // The answer is read before any scrubbing (it holds new secrets): only a code-like word is shown.
            let code =
                fields["Code"].map { text in
                    text.utf8.count <= 60
                        && text.utf8.allSatisfy {
                            $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0)
                                || (0x61...0x7A).contains($0)
                        }
                        ? text : "not a code"
                } ?? "none"
            throw CredentialError(
                service: "\(source) did not give credentials: its Code is \(code), not Success", code: fields["Code"])
        }
        var missing: [String] = []
        func field(_ name: String) -> String {
            guard let value = fields[prefix + name], !value.isEmpty else {
                missing.append(name)
                return ""
            }
            return value
        }
        let id = field("AccessKeyId"), secret = field("AccessKeySecret"), token = field("SecurityToken")
        let expirationText = field("Expiration")
        guard missing.isEmpty else {
            throw CredentialError(service: "\(source) answered without \(missing.joined(separator: ", "))")
        }
        guard let expiration = parseExpiration(expirationText) else {
            throw CredentialError(service: "\(source) answered an Expiration that is not YYYY-MM-DDTHH:MM:SSZ")
        }
        return AlibabaCredentials(
            accessKeyID: id, accessKeySecret: secret, securityToken: token, expiration: expiration, source: source,
            providerPath: path)
    }

    /// `2035-01-15T09:30:00Z` (UTC); fractions of a second are accepted.
    package static func parseExpiration(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
