import Foundation

/// Objects a phase is done with, freed on another thread while the next phase goes on.
///
/// For values whose freeing is slow and whose memory should not wait until exit (see `ProcessLifetime`):
/// a decoding worker's string table releases every string it stored, each in its own scattered heap
/// object, and on L the last worker spent 28 ms doing so while the run waited; keeping the tables until
/// exit instead held 18 MiB more at the peak. Only references go in here, never the last user of a
/// value that is still read.
final class BackgroundRelease: @unchecked Sendable {
    private var objects: [AnyObject] = []
    private let lock = NSLock()

    /// Holds `object` until `releaseAll()`.
    func add(_ object: AnyObject) { lock.withLock { objects.append(object) } }

    /// Drops every object held, on a background thread: whoever holds this box last, the objects it
    /// held are freed there (unless something else still references them). `done`, if given, runs after.
    func releaseAll(then done: (@Sendable () -> Void)? = nil) {
        DispatchQueue.global(qos: .utility).async {
            self.lock.withLock { self.objects = [] }  // the objects' deinits run here
            done?()
        }
    }

    /// How many objects are held.
    var count: Int { lock.withLock { objects.count } }
}
