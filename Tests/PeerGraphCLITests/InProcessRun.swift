import Foundation

@testable import PeerGraphCLI

/// Runs the command in this process, as `main.swift` does but with its streams captured: standard input
/// from `stdin`, output and messages into memory, the given environment. Most CLI tests use this; the
/// ones about the process itself (signals, closed pipes, devices, limits) spawn the binary.
enum InProcessRun {
    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil
    ) async throws -> Result {
        let out = ByteBox(), err = ByteBox()
        let input = Pipe()
        // Fed from another thread, as a shell would: the command may read while more is written.
        let feeder = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()
        let command = PeerGraphCommand(
            writeError: { err.append(Array(($0 + "\n").utf8)) }, writeOutput: { out.append($0) },
            standardInput: input.fileHandleForReading,
            environment: environment
                ?? ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ALIBABA_CLOUD_") },
            errorIsTerminal: false)
        let code = await command.run(arguments)
        return Result(
            code: code.rawValue, stdout: String(decoding: out.bytes, as: UTF8.self),
            stderr: String(decoding: err.bytes, as: UTF8.self))
    }
}
