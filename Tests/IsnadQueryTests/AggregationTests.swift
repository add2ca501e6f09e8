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

    /// Chunks of days added at once count the same as one by one, across
    /// chunks that extend the range either way or fall far outside it.
    @Test func dayChunksCountLikeSingleDays() {
        let undated = UInt32(bitPattern: Int32.min)
        let chunks: [[Int32]] = [
            [19_000, 19_010, Int32.min, 19_000], [18_500, 19_400], [Int32.min], [], [19_005, 25_000],
            [-700_000, 19_000], [2_900_000], [18_000, 18_001, 18_000],
        ]
        var batched = DayCounts(), single = DayCounts()
        var expected: [Int32: Int] = [:]
        for chunk in chunks {
            chunk.map { UInt32(bitPattern: $0) }.withUnsafeBufferPointer { batched.add($0, skipping: undated) }
            for day in chunk where day != Int32.min {
                single.add(day)
                expected[day, default: 0] += 1
            }
        }
        let found = Dictionary(batched.nonZero.map { ($0.day, $0.count) }, uniquingKeysWith: +)
        #expect(found == expected)
        #expect(found == Dictionary(single.nonZero.map { ($0.day, $0.count) }, uniquingKeysWith: +))
        #expect(batched.nonZero.count == expected.count)
    }

    /// Small numbers counted a chunk at a time, the array growing whenever
    /// a value is past its end, count the same as a dictionary would.
    @Test func denseCountsGrowMidChunk() {
        let missing = UInt32.max
        let chunks: [[UInt32]] = [[3, 3, missing, 0], [], [missing], [70, 2, 900, 3], [5_000, 1, 5_000], [0]]
        var counts = DenseCounts()
        var expected: [Int: Int] = [:]
        for chunk in chunks {
            chunk.withUnsafeBufferPointer { counts.add($0, skipping: missing) }
            for v in chunk where v != missing { expected[Int(v), default: 0] += 1 }
        }
        var found: [Int: Int] = [:]
        for (v, n) in counts.counts.enumerated() where n > 0 { found[v] = n }
        #expect(found == expected)
    }
}
