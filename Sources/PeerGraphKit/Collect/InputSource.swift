import Foundation

/// Where connections come from: a file, every `*.json` file of a directory, or standard input.
public enum InputSource: Sendable, Equatable {
    case file(String)
    case directory(String)
    case standardInput

    /// `-` is standard input; a path is a directory or a file, whichever exists.
    public init(argument: String) {
        if argument == "-" {
            self = .standardInput
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
            self = .directory(argument)
        } else {
            self = .file(argument)
        }
    }

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .file(let path), .directory(let path): path
        case .standardInput: "<stdin>"
        }
    }
}
