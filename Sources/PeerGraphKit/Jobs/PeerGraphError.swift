/// An error a job can end with, sorted by whose move it is: the caller's, the input's, the API's, the output's.
///
/// Every error the library throws conforms; anything else reaching a caller is a bug in peergraph.
public protocol PeerGraphError: Error, CustomStringConvertible {
    /// Whose move it is.
    var category: ErrorCategory { get }
    /// The reader of the output went away (a closed pipe: `peergraph … | head`): the run may end quietly.
    var isClosedOutput: Bool { get }
}

extension PeerGraphError {
    /// No: only an output error can be.
    public var isClosedOutput: Bool { false }
}

/// What went wrong, broadly: the command line maps each to its exit code.
public enum ErrorCategory: Sendable, Equatable {
    /// The request cannot be run as given (also: no credentials).
    case request
    /// An input file, template or theme is unreadable or malformed.
    case input
    /// The API or the network failed.
    case api
    /// The output could not be written.
    case output
}

/// A request that cannot be run as given: two standard inputs, no region for live collection.
public struct RequestError: PeerGraphError, Sendable, Equatable {
    /// What is wrong, in a sentence.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The request's.
    public var category: ErrorCategory { .request }

    /// The message.
    public var description: String { message }
}

extension InputError: PeerGraphError {
    /// The input's.
    public var category: ErrorCategory { .input }
}

extension TemplateError: PeerGraphError {
    /// The input's (a template or theme file).
    public var category: ErrorCategory { .input }
}

extension APIError: PeerGraphError {
    /// The API's.
    public var category: ErrorCategory { .api }
}

extension OutputError: PeerGraphError {
    /// The output's.
    public var category: ErrorCategory { .output }
    /// A write to a closed pipe.
    public var isClosedOutput: Bool { isBrokenPipe }
}

extension CredentialError: PeerGraphError {
    /// The request's when the configuration names no usable credentials; the API's when a credential
    /// service (STS, the metadata service, a credentials URI) failed.
    public var category: ErrorCategory { isServiceFailure ? .api : .request }
}
