import IsnadText
import Testing

@testable import IsnadQuery

/// Each mistake a user makes gets its own message, at the right place,
/// and the parser goes on to find the next.
@Suite struct ParserDiagnosticsTests {
    struct Case: CustomStringConvertible, Sendable {
        var query: String
        var id: String
        var message: String
        /// The source text under the carets.
        var marked: String
        var help: String? = nil
        var description: String { query }
    }

    static let cases: [Case] = [
        Case(
            query: "actor:Kirby stanse:deny", id: "unknown-field", message: "unknown field 'stanse'",
            marked: "stanse", help: "did you mean 'stance'?"),
        Case(
            query: "stance:denys", id: "unknown-value", message: "unknown stance 'denys'", marked: "denys",
            help: "did you mean 'deny'?"),
        Case(
            query: "x | cuont by actor", id: "unknown-stage", message: "unknown pipe stage 'cuont'", marked: "cuont",
            help: "did you mean 'count'?"),
        Case(
            query: "x | timeline mnth", id: "unknown-interval", message: "unknown interval 'mnth'", marked: "mnth",
            help: "did you mean 'month'?"),
        Case(query: "(actor:Kirby OR actor:Peskov", id: "unclosed-parenthesis", message: "unclosed '('", marked: "("),
        Case(query: "a (b (c) d", id: "unclosed-parenthesis", message: "unclosed '('", marked: "("),
        Case(query: "about:«صواريخ", id: "unclosed-quote", message: "unclosed quote '«'", marked: "«"),
        Case(query: "OR actor:Kirby", id: "lone-operator", message: "'OR' needs a term on each side", marked: "OR"),
        Case(query: "actor:Kirby OR", id: "lone-operator", message: "'OR' needs a term on each side", marked: "OR"),
        Case(query: "a AND", id: "lone-operator", message: "'AND' needs a term on each side", marked: "AND"),
        Case(query: "a () b", id: "empty-group", message: "empty parentheses: expected a query inside '()'", marked: "()"),
        Case(query: "stance:()", id: "empty-group", message: "empty parentheses: expected a query inside '()'", marked: "()"),
        Case(query: "actor:Kirby |", id: "dangling-pipe", message: "expected a pipe stage after '|'", marked: "|"),
        Case(query: "date:2022-13", id: "bad-date", message: "'2022-13' is not a date: there is no month 13", marked: "2022-13"),
        Case(
            query: "date:2023-02-29", id: "bad-date", message: "'2023-02-29' is not a date: month 02 of 2023 has no day 29",
            marked: "2023-02-29"),
        Case(
            query: "date:2023..2022", id: "reversed-range", message: "the range '2023..2022' ends before it starts",
            marked: "date:2023..2022"),
        Case(
            query: "stance>deny", id: "operator-not-allowed",
            message: "'stance' is an enumeration and cannot take comparisons", marked: "stance>deny"),
        Case(
            query: "actor:Kirby..Peskov", id: "operator-not-allowed",
            message: "'actor' is an entity field and cannot take ranges", marked: "actor:Kirby..Peskov"),
        Case(query: "date:soon", id: "bad-value", message: "expected a date for 'date', found 'soon'", marked: "soon"),
        Case(query: "actor:", id: "expected-value", message: "expected a value after 'actor:'", marked: ""),
        Case(query: "date>", id: "expected-value", message: "expected a value after 'date>'", marked: ""),
        // Fixed bug: a keyword after a space took the value's place for AND
        // and OR (not NOT): `actor: AND stance:deny` parsed as `actor:AND`.
        Case(query: "actor: AND stance:deny", id: "expected-value", message: "expected a value after 'actor:'", marked: ""),
        Case(query: "actor: OR stance:deny", id: "expected-value", message: "expected a value after 'actor:'", marked: ""),
        Case(query: "actor: NOT stance:deny", id: "expected-value", message: "expected a value after 'actor:'", marked: ""),
        Case(query: "a ) b", id: "unmatched-closing-parenthesis", message: "')' without a matching '('", marked: ")"),
        Case(
            query: "actor=Kirby", id: "unexpected-character", message: "unexpected character '='", marked: "=",
            help: "to match a field, use ':', as in 'actor:Kirby'"),
        Case(query: "date > 2022", id: "unexpected-token", message: "unexpected '>'", marked: ">"),
        Case(
            query: "- stance:deny", id: "detached-minus", message: "'-' must be written right before the term it excludes",
            marked: "-"),
        Case(query: "NOT", id: "expected-operand", message: "expected a term after 'NOT'", marked: "NOT"),
        Case(query: "x | limit", id: "expected-number", message: "expected a number after 'limit'", marked: ""),
        Case(
            query: "x | limit ten", id: "expected-number", message: "expected a number after 'limit', found 'ten'",
            marked: "ten"),
        Case(query: "x | count by", id: "expected-field", message: "expected a field name after 'by'", marked: ""),
        Case(
            query: "x | count | fields actor", id: "stage-order", message: "'fields' cannot follow 'count'",
            marked: "fields actor"),
        Case(query: "x | count by quote", id: "bad-value", message: "cannot group by 'quote'", marked: "quote"),
        Case(
            query: "x | count by about, actor, about", id: "repeated-field",
            message: "field 'about' is repeated in 'count by'", marked: "about", help: "group by each field once"),
        Case(
            query: "| count by About, about", id: "repeated-field", message: "field 'about' is repeated in 'count by'",
            marked: "about"),
        Case(
            query: "x | fields actr", id: "unknown-field", message: "unknown output field 'actr'", marked: "actr",
            help: "did you mean 'actor'?"),
        Case(
            query: "x | limit 99999999999", id: "number-too-large", message: "number too large: at most 1000000000",
            marked: "99999999999"),
        Case(query: "\"!!!\"", id: "empty-text", message: "'!!!' has no words to search for", marked: "\"!!!\""),
        Case(
            query: "stance:dec*", id: "operator-not-allowed", message: "'stance' is an enumeration and cannot take a prefix",
            marked: "dec*"),
        Case(query: "", id: "empty-query", message: "expected a query", marked: ""),
    ]

    @Test(arguments: cases)
    func diagnostic(_ c: Case) throws {
        let compilation = Compilation(c.query)
        #expect(compilation.checked == nil)
        let first = try #require(compilation.diagnostics.first)
        #expect(first.id.rawValue == c.id)
        #expect(first.message == c.message)
        let utf8 = Array(c.query.utf8)
        #expect(String(decoding: utf8[first.span.bytes], as: UTF8.self) == c.marked)
        if let help = c.help { #expect(first.help == help) }
    }

    @Test func theIssueExampleRendersAsDocumented() {
        let compilation = Compilation("actor:Kirby stanse:deny")
        let text = DiagnosticFormatter(colors: false).format(compilation.diagnostics, in: "actor:Kirby stanse:deny")
        #expect(
            text == """
                error: unknown field 'stanse'
                  actor:Kirby stanse:deny
                              ^^^^^^
                help: did you mean 'stance'?

                """)
    }

    /// A field twice in `count by` made every statement about n topics
    /// n × n groups (ten `about`s passed 4.8 GB): refused, with the caret
    /// under the repeat and a note under the first.
    @Test func repeatedGroupFieldIsRefusedUnderTheRepeat() {
        let query = "| count by about, about, about, about"
        let compilation = Compilation(query)
        #expect(compilation.checked == nil)
        #expect(compilation.diagnostics.map(\.id.rawValue) == ["repeated-field", "repeated-field", "repeated-field"])
        let text = DiagnosticFormatter(colors: false).format(Array(compilation.diagnostics.prefix(1)), in: query)
        #expect(
            text == """
                error: field 'about' is repeated in 'count by'
                  | count by about, about, about, about
                                    ^^^^^
                note: first given here
                  | count by about, about, about, about
                             ^^^^^
                help: group by each field once

                """)
        // Different fields, and the same field in different stages, are fine.
        #expect(Compilation("| count by about, actor").checked != nil)
        #expect(Compilation("| articles | count by source | sort source").checked != nil)
    }

    @Test func caretsSitUnderArabicByDisplayWidth() {
        // The harakat take no column, so the carets start after 5 columns.
        let query = "كِيرْبي stanse:deny"
        let text = DiagnosticFormatter(colors: false).format(Compilation(query).diagnostics, in: query)
        let lines = text.split(separator: "\n")
        #expect(lines[2] == "        ^^^^^^")
    }

    @Test func severalErrorsAreReportedTogether() {
        let compilation = Compilation("stance:denys actr:Kirby (a | cout")
        #expect(
            compilation.diagnostics.map(\.id.rawValue)
                == ["unknown-value", "unknown-field", "unclosed-parenthesis", "unknown-stage"])
    }

    @Test func multiLineQueriesNameTheLine() {
        let query = "actor:Kirby\n  stanse:deny"
        let text = DiagnosticFormatter(colors: false).format(Compilation(query).diagnostics, in: query)
        #expect(text.hasPrefix("error: unknown field 'stanse' (line 2, column 3)\n    stanse:deny\n    ^^^^^^\n"))
    }

    // Fixed bug (issue 34): a query of one 100 KB line was echoed whole
    // under its nesting error (and under each other diagnostic).
    @Test func aLongLineIsEchoedAsAWindowAroundTheMistake() {
        let deep = String(repeating: "(", count: 200) + String(repeating: "x", count: 100_000) + String(repeating: ")", count: 200)
        let compilation = Compilation(deep)
        let text = DiagnosticFormatter(colors: false).format(compilation.diagnostics, in: deep)
        #expect(compilation.diagnostics.first?.message == "parentheses nested more than 128 deep")
        #expect(text.utf8.count < 1_000)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= DiagnosticFormatter.maximumEchoWidth + 2)
        }
        let long = String(repeating: "a ", count: 80) + "stanse:deny " + String(repeating: "b ", count: 80)
        let shown = DiagnosticFormatter(colors: false).format(Compilation(long).diagnostics, in: long)
        #expect(
            shown == """
                error: unknown field 'stanse'
                  … a a a a a a a a a a a a a a a a a a a stanse:deny b b b b b b b b b b b b b b b b b b b b b b b b…
                                                          ^^^^^^
                help: did you mean 'stance'?

                """)
    }

    @Test func junkIsCutToALimit() {
        let compilation = Compilation(String(repeating: "= ", count: 500))
        #expect(compilation.diagnostics.count == Compilation.maximumDiagnostics + 1)
        #expect(compilation.diagnostics.last?.message == "too many errors: 450 more not shown")
    }
}
