import Foundation

/// Output that could not be written: names the destination and why.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, `<stdout>`, or what was being written (`--render`).
    public var destination: String
    /// What went wrong.
    public var message: String
    /// True when the reader went away (a closed pipe: `peergraph … | head`); not worth a message.
    public var isBrokenPipe = false

    /// An error writing `destination`.
    public init(destination: String, message: String) {
        self.destination = destination
        self.message = message
    }

    /// A failed system call: `doing` and the system's reason, `EPIPE` marked as a closed pipe.
    public init(destination: String, systemError: Int32, doing: String) {
        self.init(destination: destination, message: "\(doing): \(String(cString: strerror(systemError)))")
        isBrokenPipe = systemError == EPIPE
    }

    /// `DESTINATION: MESSAGE`.
    public var description: String { "\(destination): \(message)" }
}
