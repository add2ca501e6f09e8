import Foundation
import SyntheticCorpus
import Testing

@testable import IsnadQuery

/// `parse(print(ast)) == ast` on generated syntax trees.
@Suite struct RoundTripTests {
    /// How many trees; `make fuzz` raises it.
    static let count = Int(ProcessInfo.processInfo.environment["ISNAD_ROUNDTRIP_CASES"] ?? "") ?? 100_000

    @Test func printedQueriesParseBackToTheSameTree() {
        var generator = SyntaxGenerator(seed: 0x15AD)
        var failures = 0
        for _ in 0..<Self.count {
            let tree = generator.query()
            let text = Printer.print(tree)
            let (parsed, diagnostics) = Parser.parse(text)
            if parsed != tree || !diagnostics.isEmpty {
                failures += 1
                if failures <= 3 {
                    Issue.record("round trip failed for: \(text)\n\(diagnostics)\nparsed back: \(Printer.print(parsed))")
                }
            }
        }
        #expect(failures == 0)
    }

    @Test func theWordPoolPrintsBare() {
        for word in SyntaxGenerator.words { #expect(Printer.isBare(word), "\(word)") }
    }

    @Test func canonicalFormIsAFixedPoint() throws {
        for query in [
            "Actor:Kirby   AND stance:deny", "NOT a OR (b c) OR d", "date:>2022-10 «صواريخ إيرانية»",
            "stance:(deny OR (decline -confirm))|COUNT BY actor,stance|Sort count DESC",
        ] {
            let once = Printer.print(try QuerySyntax(parsing: query))
            #expect(Printer.print(try QuerySyntax(parsing: once)) == once)
        }
        #expect(
            Printer.print(try QuerySyntax(parsing: "Actor:Kirby AND NOT stance:deny|COUNT BY actor"))
                == "actor:Kirby -stance:deny | count by actor")
    }
}

/// Random syntax trees from a seeded generator (SplitMix64), covering every
/// node: terms of each test, value groups, nesting, every stage.
struct SyntaxGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(state: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let words = [
        "kirby", "Peskov", "صواريخ", "إيران", "كيربي", "2022", "2022-10", "2022-10-05", "al-Assad",
        "U.S.", "Kirby's", "missiles", "٢٠٢٢", "x", "count", "by", "a.b", "_id", "ok-2", "Zelenskyy",
        "الباليستية", "deny", "𝔘nicode", "ﷺ", "e\u{301}te",
    ]
    static let phrases = [
        "ballistic missiles", "", "say \"no\"", "back\\slash", "a | b", "OR", "-x", "«guillemets»",
        "line\nbreak", "الصواريخ الباليستية", "(", "x*", "#hash", "date:2022",
    ]
    static let fields = [
        "actor", "stance", "date", "about", "country", "kind", "source", "cites", "lang", "quote",
        "text", "doc", "is", "stanse", "x",
    ]

    mutating func value() -> Value {
        switch below(4) {
        case 0: Value(.quoted, pick(Self.phrases))
        case 1: Value(.prefix, pick(Self.words))
        default: Value(.word, pick(Self.words))
        }
    }

    mutating func query() -> QuerySyntax {
        var stages: [Stage] = []
        for _ in 0..<below(3) { stages.append(stage()) }
        let filter = stages.isEmpty || below(5) > 0 ? expression(depth: 0) : nil
        return QuerySyntax(filter: filter, stages: stages)
    }

    mutating func expression(depth: Int) -> FilterExpression {
        switch depth > 3 ? 0 : below(6) {
        case 0, 1, 2: return .term(term(depth: depth))
        case 3: return .and((0..<(2 + below(3))).map { _ in expression(depth: depth + 1) }, span: Located(.none))
        case 4: return .or((0..<(2 + below(3))).map { _ in expression(depth: depth + 1) }, span: Located(.none))
        default: return .not(expression(depth: depth + 1), span: Located(.none))
        }
    }

    mutating func term(depth: Int) -> Term {
        if below(3) == 0 { return Term(field: nil, test: .equals(value())) }
        let field = Field(pick(Self.fields))
        switch below(8) {
        case 0: return Term(field: field, test: .compare(pick(Comparison.allCases), value()))
        case 1:
            let lower = below(4) == 0 ? nil : value()
            let upper = lower == nil || below(4) > 0 ? value() : nil
            return Term(field: field, test: .range(lower, upper))
        case 2: return Term(field: field, test: .group(group(depth: depth)))
        default: return Term(field: field, test: .equals(value()))
        }
    }

    mutating func group(depth: Int) -> ValueExpression {
        switch depth > 3 ? 0 : below(5) {
        case 0, 1: return .value(value())
        case 2: return .and((0..<(2 + below(2))).map { _ in group(depth: depth + 1) }, span: Located(.none))
        case 3: return .or((0..<(2 + below(2))).map { _ in group(depth: depth + 1) }, span: Located(.none))
        default: return .not(group(depth: depth + 1), span: Located(.none))
        }
    }

    mutating func stage() -> Stage {
        let names = ["actor", "stance", "date", "asc", "by", "quote"]
        func fields(_ g: inout SyntaxGenerator) -> [Field] { (0..<(1 + g.below(3))).map { _ in Field(g.pick(names)) } }
        switch below(7) {
        case 0: return Stage(.count(by: below(2) == 0 ? [] : fields(&self)))
        case 1: return Stage(.top(below(2) == 0 ? nil : below(100), Field(pick(names))))
        case 2: return Stage(.timeline(below(3) == 0 ? nil : pick(Interval.allCases)))
        case 3: return Stage(.sort(Field(pick(names)), below(3) == 0 ? nil : pick(SortOrder.allCases)))
        case 4: return Stage(.limit(below(1000)))
        case 5: return Stage(.fields(fields(&self)))
        default: return Stage(.articles)
        }
    }
}
