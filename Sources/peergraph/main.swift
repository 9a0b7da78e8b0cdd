import Foundation
import PeerGraphCLI
import PeerGraphKit

// A closed pipe (`peergraph … | head`) must become an error we report, not a silent kill.
signal(SIGPIPE, SIG_IGN)

// Ctrl-C or SIGTERM: remove any temporary output file (the destination keeps its old content), then exit
// 128 + the signal number, as shells expect. Dispatch sources run the handler on a queue, outside
// signal context, so it may call anything.
var signalSources: [DispatchSourceSignal] = []
for number in [SIGINT, SIGTERM, SIGHUP] {
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler {
        AtomicFileWriter.removeAllTemporaryFiles()
        exit(128 + number)
    }
    source.resume()
    signalSources.append(source)
}

exit(await PeerGraphCommand().run(Array(CommandLine.arguments.dropFirst())).rawValue)
