import IsnadIndex
import IsnadText
import IsnadVocabulary
import Testing

@testable import IsnadQuery

@Suite struct CheckerTests {
    func filter(_ query: String) throws -> Filter {
        try #require(try CheckedQuery(parsing: query).filter)
    }

    func day(_ text: String) throws -> Day {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return try #require(Day(year: parts[0], month: parts[1], day: parts[2]))
    }

    @Test(
        arguments: [
            ("date:2022-10", "2022-10-01", "2022-10-31"),
            ("date:2022", "2022-01-01", "2022-12-31"),
            ("date:2022-10-05", "2022-10-05", "2022-10-05"),
            ("date>2022-10", "2022-11-01", nil),
            ("date:>2022-10", "2022-11-01", nil),
            ("date>=2022-10", "2022-10-01", nil),
            ("date<2022-10", nil, "2022-09-30"),
            ("date<=2022-10", nil, "2022-10-31"),
            ("date:2022-10..2023-01", "2022-10-01", "2023-01-31"),
            ("date:2024-02..2024-02", "2024-02-01", "2024-02-29"),
            ("date:2022..*", "2022-01-01", nil),
            ("date:*..2022-03", nil, "2022-03-31"),
            ("date>2022-12-31", "2023-01-01", nil),
            ("date:٢٠٢٢-١٠", "2022-10-01", "2022-10-31"),
        ] as [(String, String?, String?)])
    func partialDatesBecomeIntervals(_ query: String, _ lower: String?, _ upper: String?) throws {
        let expected = DayRange(lower: try lower.map(day), upper: try upper.map(day))
        #expect(try filter(query) == .date(expected))
    }

    @Test func daysRoundTripThroughTheirNumber() {
        var number: Int32 = -719_162  // 0001-01-01
        var previous: (Int, Int, Int)?
        while number < 2_932_896 {  // 9999-12-31
            let (y, m, d) = Day(rawValue: number).date
            #expect(Day(year: y, month: m, day: d)?.rawValue == number)
            if let (py, pm, pd) = previous { #expect((y, m, d) > (py, pm, pd)) }
            previous = (y, m, d)
            number += 997
        }
        #expect(Day(year: 1970, month: 1, day: 1)?.rawValue == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.description == "2000-03-01")
    }

    @Test func textIsAnalysedByItsScript() throws {
        #expect(try filter("missiles") == .text(.any, .term("missil")))
        #expect(try filter("الصواريخ") == .text(.any, .term("صواريخ")))
        #expect(try filter("quote:\"ballistic missiles\"") == .text(.quote, .phrase(["ballist", "missil"])))
        #expect(try filter("text:missil*") == .text(.text, .prefix("missil")))
        // Harakat and alef forms fold as on ingest.
        #expect(try filter("الصَّوَارِيخ") == .text(.any, .term("صواريخ")))
        // A word the analyzer splits is a phrase.
        #expect(try filter("al-Assad") == .text(.any, .phrase(["al", "assad"])))
    }

    @Test func entitiesKeepNormalisedFormAndKey() throws {
        guard case .entity(.actor, let name) = try filter("actor:\"John Kirby\"") else {
            Issue.record("not an entity filter")
            return
        }
        #expect(name.normalized == "john kirby")
        #expect(name.key == NameKey("John Kirby").description)
        guard case .entity(.actor, let arabic) = try filter("actor:كيربي") else { return }
        #expect(arabic.key == NameKey("Kirby").description)
    }

    @Test func enumerationsAndBooleans() throws {
        #expect(
            try filter("stance:(deny OR Decline) -lang:ar is:statement")
                == .and([.or([.stance(.deny), .stance(.decline)]), .not(.lang(.arabic)), .target(.statement)]))
    }

    @Test func stagesGetTheirDefaults() throws {
        let query = try CheckedQuery(parsing: "x | top actor")
        #expect(query.stages == [.top(10, .actor)])
        #expect(try CheckedQuery(parsing: "x | timeline").stages == [.timeline(.month)])
        #expect(
            try CheckedQuery(parsing: "x | count by actor | sort count | limit 3").stages
                == [.count(by: [.actor]), .sort(.count, .desc), .limit(3)])
        #expect(try CheckedQuery(parsing: "x | sort date").stages == [.sort(.field(.date), .desc)])
        #expect(try CheckedQuery(parsing: "| count").filter == nil)
    }
}
