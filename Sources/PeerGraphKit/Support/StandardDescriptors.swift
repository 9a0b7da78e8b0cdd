import Foundation

/// Standard input, output and error as the process found them.
///
/// A descriptor that is closed at start (`peergraph … <&-`, `>&-`) would be handed to the next file
/// peergraph opens, and data meant for standard output would land in that file. `reserve()` fills each
/// closed one with /dev/null opened read-only, so reads see the end at once and writes fail cleanly.
package enum StandardDescriptors {
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Call first thing in `main`.
    package static func reserve() {
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) < 0 {
            closedAtStart.insert(descriptor)
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// True when standard input was closed when the process started.
    package static var standardInputWasClosed: Bool { closedAtStart.contains(0) }
}
