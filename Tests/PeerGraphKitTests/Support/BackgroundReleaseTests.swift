import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct BackgroundReleaseTests {
    /// Its deinit waits for `gate` (at most two seconds) and records whether the gate had opened: freed
    /// inside `releaseAll`, before the caller opens the gate, it would record false.
    final class Watched: @unchecked Sendable {
        let record: DeinitRecord
        init(_ record: DeinitRecord) { self.record = record }
        deinit { record.record(gateOpened: record.gate.wait(timeout: .now() + 2) == .success) }
    }

    final class DeinitRecord: @unchecked Sendable {
        let gate = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var opened: [Bool] = []
        func record(gateOpened: Bool) { lock.withLock { opened.append(gateOpened) } }
        var gatesSeen: [Bool] { lock.withLock { opened } }
    }

    @Test func freesWhatItHoldsLaterOnAnotherThread() async {
        let record = DeinitRecord()
        let release = BackgroundRelease()
        for _ in 0..<3 { release.add(Watched(record)) }
        #expect(release.count == 3)
        #expect(record.gatesSeen.isEmpty)  // held, not freed
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            release.releaseAll { done.resume() }
            for _ in 0..<3 { record.gate.signal() }  // releaseAll has returned
        }
        #expect(release.count == 0)
        #expect(record.gatesSeen == [true, true, true])
    }

    @Test func anObjectStillReferencedElsewhereLives() async {
        let record = DeinitRecord()
        let kept = Watched(record)
        let release = BackgroundRelease()
        release.add(kept)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            release.releaseAll { done.resume() }
        }
        #expect(record.gatesSeen.isEmpty)
        record.gate.signal()
        withExtendedLifetime(kept) {}
    }
}
