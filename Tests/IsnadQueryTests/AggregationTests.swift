@testable import IsnadQuery
import Testing

/// The counting behind `timeline`: per day in an array, whatever order the
/// days come in, and days centuries apart without an array to match.
@Suite struct AggregationTests {
    @Test func dayCountsInAnyOrderAndSpan() {
        var counts = DayCounts()
        let days: [Int32] = [19_000, 19_005, 18_990, 19_000, -700_000, 2_900_000, 19_001, 18_000, -700_000]
        for day in days { counts.add(day) }
        let found = Dictionary(counts.nonZero.map { ($0.day, $0.count) }, uniquingKeysWith: +)
        var expected: [Int32: Int] = [:]
        for day in days { expected[day, default: 0] += 1 }
        #expect(found == expected)
        #expect(counts.nonZero.count == expected.count)
    }
}
