import Foundation
import Testing

@testable import PeerGraphKit

@Suite struct ConcurrentSlotsTests {
    @Test func keepsWhatEachThreadSet() {
        let slots = ConcurrentSlots<[Int]>(count: 64, initial: [])
        DispatchQueue.concurrentPerform(iterations: 64) { index in slots.set(index, Array(0..<index)) }
        #expect(slots.all == (0..<64).map { Array(0..<$0) })
    }

    @Test func unsetSlotsKeepTheirInitialValue() {
        let slots = ConcurrentSlots<String>(count: 3, initial: "none")
        slots.set(1, "one")
        #expect(slots.all == ["none", "one", "none"])
    }
}
