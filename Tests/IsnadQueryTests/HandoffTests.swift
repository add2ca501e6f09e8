import Foundation
import Testing

@testable import IsnadIndex

/// The hand-over between the importer's reading thread and its writing one.
@Suite struct HandoffTests {
    struct Broken: Error {}

    func produce(_ handoff: Handoff<Int, String>, items: Int, failing: Bool = false) {
        Thread {
            var sent = 0
            for n in 0..<items {
                guard handoff.put(n) else { break }
                sent += 1
            }
            handoff.finish("sent \(sent)", error: failing ? Broken() : nil)
        }.start()
    }

    @Test func everyItemArrivesInOrderThenTheOutcome() throws {
        let handoff = Handoff<Int, String>()
        produce(handoff, items: 500)
        var got: [Int] = []
        while let n = handoff.take() { got.append(n) }
        #expect(got == Array(0..<500))
        #expect(try handoff.outcome() == "sent 500")
    }

    @Test func aStoppedConsumerReleasesTheProducer() throws {
        let handoff = Handoff<Int, String>()
        produce(handoff, items: 1000)
        #expect(handoff.take() == 0)
        handoff.stop()
        // The producer gives up at its next hand-over rather than waiting.
        let outcome = try handoff.outcome()
        #expect(outcome != "sent 1000")
    }

    @Test func theProducersErrorComesAfterItsItems() {
        let handoff = Handoff<Int, String>()
        produce(handoff, items: 3, failing: true)
        var got: [Int] = []
        while let n = handoff.take() { got.append(n) }
        #expect(got == [0, 1, 2])
        #expect(throws: Broken.self) { try handoff.outcome() }
    }
}
