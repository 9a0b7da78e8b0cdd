/// A failure while reading JSON: what went wrong, the byte offset where it was noticed, and the JSON
/// path of the value being read (filled in as the error travels up through the decoder).
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package var message: String
    package var byteOffset: Int
    /// Path components from the document root, e.g. `["VpcPeerConnects", "[3]", "Vpc"]`.
    package var path: [String]
    /// Set when the document is valid JSON but not peering data: a folder skips such a file with a warning.
    package var foreign: ForeignDocument?

    /// Valid JSON that is not a `ListVpcPeerConnections` response.
    package enum ForeignDocument: Sendable, Equatable {
        /// Some other JSON (a manifest, notes).
        case notPeeringData
        /// A saved API error body `{"Code":…,"Message":…,"RequestId":…}`.
        case apiError(code: String, message: String?, requestID: String?)
    }

    package init(_ message: String, at byteOffset: Int, path: [String] = []) {
        self.message = message
        self.byteOffset = byteOffset
        self.path = path
    }

    /// The path in the usual `$.a[3].b` notation.
    package var jsonPath: String {
        path.reduce(into: "$") { result, component in
            if component.hasPrefix("[") { result += component } else { result += "." + component }
        }
    }

    /// Returns a copy with `component` prepended to the path.
    func inside(_ component: String) -> JSONSyntaxError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }
}

extension JSONSyntaxError {
    /// Runs `body`, prefixing the path of any error it throws with `component`.
    static func within<T>(_ component: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as JSONSyntaxError {
            throw error.inside(component())
        }
    }
}
