import IsnadIndex
import SyntheticCorpus
import Testing

/// The counting behind `count by` and `timeline`: an array over the window
/// of values seen, whatever order the values come in, and values too far
/// apart for one array (dates centuries apart, ids in the millions) counted
/// beside it.
@Suite struct AggregationTests {
    @Test func daysInAnyOrderAndSpan() {
        var counts = ValueCounts(signed: true)
        let days: [Int32] = [
            19_000, 19_005, 18_990, 19_000, -700_000, 2_900_000, 19_001, 18_000, -700_000,
            -1, 0, Int32.max, Int32.min + 1, 19_000 - (1 << 20),
        ]
        var expected: [Int32: Int] = [:]
        for day in days {
            counts.add(UInt32(bitPattern: day))
            expected[day, default: 0] += 1
        }
        let found = counts.nonZero.map { (Int32(bitPattern: $0.value), $0.count) }
        #expect(Dictionary(found, uniquingKeysWith: +) == expected)
        // Each day once, in ascending order: the timeline reads them so.
        #expect(found.map(\.0) == expected.keys.sorted())
    }

    /// Small numbers (entity ids, stance ordinals) counted as they come,
    /// the window growing either way, count as a dictionary would.
    @Test func unsignedValuesGrowTheWindowBothWays() {
        var random = SeededGenerator(state: 3)
        var counts = ValueCounts()
        var expected: [UInt32: Int] = [:]
        let ranges: [ClosedRange<UInt32>] = [
            500...520, 0...3, 900...5_000, 70...80, 3_000_000...3_000_010,
            UInt32.max - 3...UInt32.max,
        ]
        for _ in 0..<5_000 {
            let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
            let value = UInt32.random(in: range, using: &random)
            counts.add(value)
            expected[value, default: 0] += 1
        }
        let found = counts.nonZero
        #expect(Dictionary(found.map { ($0.value, $0.count) }, uniquingKeysWith: +) == expected)
        #expect(found.map(\.value) == expected.keys.sorted())
    }
}
