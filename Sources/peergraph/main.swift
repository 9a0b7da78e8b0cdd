import Foundation
import PeerGraphCLI
import PeerGraphKit

// Ctrl-C, SIGTERM or SIGHUP: remove temporary output, put an interrupted snapshot back, stop Graphviz,
// then exit 128 + the signal number, as shells expect. A closed pipe becomes a write error we handle.
ProcessCleanup.installSignalHandlers()
// A closed standard descriptor must not be reused by the next file opened (see StandardDescriptors).
StandardDescriptors.reserve()

// Every thread the run needs must be possible before the concurrent work starts (see ThreadProbe).
guard ThreadProbe.canStart(ProcessInfo.processInfo.activeProcessorCount + 4) else {
    let message =
        "peergraph: error: the system refused to start a thread (is the address space limited, e.g. by ulimit -v?)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(ExitCode.output.rawValue)
}

exit(await PeerGraphCommand().run(Array(CommandLine.arguments.dropFirst())).rawValue)
