import Foundation
import PeerGraphCLI

// A closed pipe (`peergraph … | head`) must become an error we report, not a silent kill.
signal(SIGPIPE, SIG_IGN)
exit(await PeerGraphCommand().run(Array(CommandLine.arguments.dropFirst())).rawValue)
