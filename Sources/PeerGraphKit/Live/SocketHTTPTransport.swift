import Foundation

/// Plain HTTP/1.1 over a socket, for `http://` endpoints whose host is an IPv6 literal (`http://[::1]:8080`).
///
/// swift-corelibs-foundation's URLSession (Linux, Windows) refuses every URL with an IPv6 literal host
/// (its issue 5496, fixed upstream after the toolchain this project builds with), and such endpoints are
/// exactly the loopback stand-ins and private endpoints `--endpoint` exists for. This transport keeps the
/// URLSession transport's rules: one request per connection (`Connection: close`), redirects never
/// followed (a 3xx is returned as it came), the body stopped past `maximumResponseSize` bytes (after gzip
/// decoding, if the server sends it although nothing asked for it), one deadline for the whole exchange.
package struct SocketHTTPTransport: HTTPTransport {
    package var maximumResponseSize: Int

    package init(maximumResponseSize: Int = URLSessionTransport.defaultMaximumResponseSize) {
        self.maximumResponseSize = maximumResponseSize
    }

    /// The transport for `endpoint`: this one for plain HTTP to an IPv6 literal, URLSession otherwise.
    package static func forEndpoint(_ endpoint: URL?) -> HTTPTransport {
        if let endpoint, endpoint.scheme?.lowercased() == "http", (endpoint.host ?? "").contains(":") {
            return SocketHTTPTransport()
        }
        return URLSessionTransport()
    }

    package func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(TransportError) -> HTTPResponse {
        let limit = maximumResponseSize
        // Blocking socket calls run on a thread of their own, never on the concurrency runtime's few threads.
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    returning: Result(catching: { () throws(TransportError) -> HTTPResponse in
                        try Self.exchange(request, deadline: Date().addingTimeInterval(timeout), limit: limit)
                    }))
            }
        }
        return try result.get()
    }

    private static func exchange(
        _ request: HTTPRequest, deadline: Date, limit: Int
    ) throws(TransportError) -> HTTPResponse {
        guard let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false),
            var host = components.host
        else {
            throw .connectionFailed("bad URL")
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? 80
        let socket = try connect(host: host, port: port, deadline: deadline)
        defer { close(socket) }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        var head = "\(request.method) \(path) HTTP/1.1\r\nHost: \(APIRequest.hostHeader(request.url))\r\n"
        for header in request.headers where !header.value.contains("\r") && !header.value.contains("\n") {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        try send(Array(head.utf8) + request.body, on: socket, deadline: deadline)
        let raw = try receive(on: socket, deadline: deadline, limit: limit + 65_536)
        return try parse(raw, limit: limit)
    }

    private static func remaining(_ deadline: Date) throws(TransportError) -> timeval {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { throw .timedOut }
        var time = timeval()
        time.tv_sec = .init(seconds.rounded(.down))
        time.tv_usec = .init((seconds - seconds.rounded(.down)) * 1_000_000)
        return time
    }

    private static func connect(host: String, port: Int, deadline: Date) throws(TransportError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw .connectionFailed("host not found")
        }
        defer { freeaddrinfo(found) }
        var address: UnsafeMutablePointer<addrinfo>? = first
        var failure = "connection refused"
        while let current = address {
            address = current.pointee.ai_next
            let descriptor = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            var time = try remaining(deadline)
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            if Foundation.connect(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 {
                return descriptor
            }
            if errno == EINPROGRESS || errno == EAGAIN || errno == ETIMEDOUT {
                close(descriptor)
                throw .timedOut
            }
            failure = errno == ECONNREFUSED ? "connection refused" : String(cString: strerror(errno))
            close(descriptor)
        }
        throw .connectionFailed(failure)
    }

    private static func send(_ bytes: [UInt8], on socket: Int32, deadline: Date) throws(TransportError) {
        var sent = 0
        while sent < bytes.count {
            _ = try remaining(deadline)
            #if os(Linux)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0  // SIGPIPE is ignored by the executable
            #endif
            let count = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { Foundation.send(socket, $0 + sent, buffer.count - sent, flags) } ?? 0
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .connectionFailed("connection lost")
            }
            sent += count
        }
    }

    /// Everything the server sends until it closes the connection, at most `limit` bytes.
    private static func receive(on socket: Int32, deadline: Date, limit: Int) throws(TransportError) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var time = try remaining(deadline)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            let count = buffer.withUnsafeMutableBufferPointer { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .connectionFailed("connection lost")
            }
            if count == 0 { return received }
            guard received.count + count <= limit else { throw .responseTooLarge(limit - 65_536) }
            received += buffer[..<count]
        }
    }

    /// Status, headers and body (de-chunked, and gunzipped if so encoded) of a complete response.
    static func parse(_ raw: [UInt8], limit: Int) throws(TransportError) -> HTTPResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.indices.first(where: { raw[$0...].starts(with: separator) }) else {
            throw .connectionFailed(raw.isEmpty ? "empty reply from server" : "malformed HTTP response")
        }
        let lines = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw .connectionFailed("malformed HTTP status line")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Array(raw[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init), length <= body.count {
            body = Array(body.prefix(length))
        } else if let length = headers["content-length"].flatMap(Int.init), length > body.count {
            throw .connectionFailed("connection lost")
        }
        if headers["content-encoding"]?.lowercased() == "gzip" {
            do {
                body = try GzipDecoder.decompress(body, limit: limit)
            } catch {
                throw error.message.contains("decompresses to more")
                    ? .responseTooLarge(limit) : .connectionFailed("bad gzip body")
            }
        }
        guard body.count <= limit else { throw .responseTooLarge(limit) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: [UInt8]) throws(TransportError) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = data[index...].firstIndex(of: 10) else { throw .connectionFailed("connection lost") }
            let sizeText =
                String(decoding: data[index..<lineEnd], as: UTF8.self).split(separator: ";").first?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw .connectionFailed("malformed chunked body")
            }
            index = lineEnd + 1
            if size == 0 { return result }
            guard size <= data.count - index else { throw .connectionFailed("connection lost") }
            result += data[index..<index + size]
            index += size
            while index < data.count && (data[index] == 13 || data[index] == 10) { index += 1 }
        }
    }
}
