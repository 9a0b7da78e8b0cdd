import Foundation

/// Checks, before any concurrent work starts, that the process may start the threads it needs.
///
/// Under a small address-space limit (`ulimit -v`) thread creation fails, and the concurrency runtime
/// and libdispatch retry it forever: the process would spin instead of failing. Starting the threads
/// once up front, and giving up with a message when that fails, turns that into a clear error.
package enum ThreadProbe {
    /// True when `count` threads can exist at once (each started, then all joined).
    package static func canStart(_ count: Int) -> Bool {
        #if os(Linux)
        var threads: [pthread_t] = []
        #else
        var threads: [pthread_t?] = []
        #endif
        var succeeded = true
        for _ in 0..<count {
            #if os(Linux)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            guard pthread_create(&thread, nil, { _ in nil }, nil) == 0 else {
                succeeded = false
                break
            }
            threads.append(thread)
        }
        for thread in threads {
            #if os(Linux)
            pthread_join(thread, nil)
            #else
            if let thread { pthread_join(thread, nil) }
            #endif
        }
        return succeeded
    }
}
