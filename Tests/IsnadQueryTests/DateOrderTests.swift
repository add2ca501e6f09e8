import SyntheticCorpus
import Testing

@testable import IsnadQuery

/// The integer sort behind `sort date` and the default newest-first
/// order of statements (issue 34, section 2, item 3).
@Suite struct DateOrderTests {
    /// Keys order as the dates' texts do: by first day, then a year
    /// before a month before a day starting on it; undated last either way.
    @Test func keysOrderAsTheDatesTexts() throws {
        // 2022-01-01 is day 18993 since 1970; precision ordinals: day 0, month 1, year 2.
        let dates: [(String, Int32, UInt8)] = [
            ("2022", 18993, 2), ("2022-01", 18993, 1), ("2022-01-01", 18993, 0),
            ("2022-01-02", 18994, 0), ("2021-12-31", 18992, 0), ("0001", -719_162, 2),
            ("9999-12-31", 2_932_896, 0),
        ]
        let ascending = try dates.map { try #require(Execution.dateKey(day: $0.1, precision: $0.2, .asc)) }
        #expect(zip(dates, ascending).sorted { $0.1 < $1.1 }.map(\.0.0) == dates.map(\.0).sorted())
        let descending = try dates.map { try #require(Execution.dateKey(day: $0.1, precision: $0.2, .desc)) }
        #expect(zip(dates, descending).sorted { $0.1 < $1.1 }.map(\.0.0) == dates.map(\.0).sorted(by: >))
        #expect(Execution.dateKey(day: .min, precision: 0, .asc) == Execution.undated)
        #expect(Execution.dateKey(day: .min, precision: 0, .desc) == Execution.undated)
        #expect(ascending.allSatisfy { $0 < Execution.undated } && descending.allSatisfy { $0 < Execution.undated })
        #expect(Execution.dateKey(day: 30_000_000, precision: 0, .asc) == nil)
    }

    /// With `keep`, the smallest words come first and in order, the rest
    /// after them in any order: the same words, whatever the input.
    @Test func selectionKeepsTheSmallestInOrder() {
        var random = SeededGenerator(state: 11)
        for count in [0, 1, 2, 7, 100, 5_000] {
            for keep in [0, 1, 3, 50, 1_000] {
                var words = (0..<count).map { UInt64.random(in: 0..<UInt64(max(1, count / 3)), using: &random) << 32 | UInt64($0) }
                let sorted = words.sorted()
                Execution.ordered(&words, keep: keep)
                let kept = min(keep, count)
                #expect(Array(words.prefix(kept)) == Array(sorted.prefix(kept)), "\(count) keep \(keep)")
                #expect(words.sorted() == sorted)
            }
        }
    }
}
