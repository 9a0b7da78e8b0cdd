/// Signs Alibaba Cloud API requests with ACS3-HMAC-SHA256 (the V3 signature), step by step as in
/// `shared/api/alibaba-api.md` §5, so that each intermediate string can be tested against the vectors.
package enum ACS3Signer {
    package static let algorithm = "ACS3-HMAC-SHA256"

    /// The intermediate strings and the result of signing one request.
    package struct Signature: Sendable, Equatable {
        package var canonicalQueryString: String
        package var canonicalHeaders: String
        package var signedHeaders: String
        package var hashedPayload: String
        package var canonicalRequest: String
        package var stringToSign: String
        package var signature: String
        package var authorization: String
    }

    /// Signs a request. `headers` are the headers to sign (any case; values are trimmed); `query` the
    /// decoded query parameters; `body` the exact body bytes.
    package static func sign(
        method: String, path: String = "/", query: [(String, String)], headers: [String: String], body: [UInt8],
        credentials: AlibabaCredentials
    ) -> Signature {
        let hashedPayload = SHA256.hash(body).hexString
        let canonicalQuery = canonicalQueryString(query)
        let lowered = headers.map { (key: $0.key.lowercased(), value: $0.value.trimmingWhitespace()) }
            .sorted { ByteOrder.less($0.key, $1.key) }
        let canonicalHeaders = lowered.map { "\($0.key):\($0.value)\n" }.joined()
        let signedHeaders = lowered.map(\.key).joined(separator: ";")
        let canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, hashedPayload].joined(
            separator: "\n")
        let stringToSign = "\(algorithm)\n\(SHA256.hexHash(canonicalRequest))"
        let signature = HMACSHA256.authenticationCode(
            key: Array(credentials.accessKeySecret.utf8), message: Array(stringToSign.utf8)
        ).hexString
        return Signature(
            canonicalQueryString: canonicalQuery, canonicalHeaders: canonicalHeaders, signedHeaders: signedHeaders,
            hashedPayload: hashedPayload, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature,
            authorization:
                "\(algorithm) Credential=\(credentials.accessKeyID),SignedHeaders=\(signedHeaders),Signature=\(signature)"
        )
    }

    /// Keys and values encoded with `E`, sorted by encoded key (then value), joined with `&`.
    package static func canonicalQueryString(_ query: [(String, String)]) -> String {
        query.map { (PercentEncoding.rfc3986($0.0), PercentEncoding.rfc3986($0.1)) }
            .sorted { !ByteOrder.same($0.0, $1.0) ? ByteOrder.less($0.0, $1.0) : ByteOrder.less($0.1, $1.1) }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }
}
