/// Output that could not be written: names the destination and why.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var destination: String
    public var message: String

    public init(destination: String, message: String) {
        self.destination = destination
        self.message = message
    }

    public var description: String { "\(destination): \(message)" }
}
