import Testing

@testable import IsnadQuery

/// Token kinds and texts for a table of inputs, in the manner of Go's
/// text/template lexer tests.
@Suite struct LexerTests {
    struct Case: CustomStringConvertible, Sendable {
        var input: String
        var tokens: [String]  // "kind:text", end omitted
        var description: String { input }
    }

    static func render(_ token: Token) -> String {
        let kind: String =
            switch token.kind {
            case .word: "word"
            case .number: "number"
            case .date: "date"
            case .string: "string"
            case .error: "error"
            default: "op"
            }
        return "\(kind):\(token.text)"
    }

    static let cases: [Case] = [
        Case(input: "actor:Kirby", tokens: ["word:actor", "op::", "word:Kirby"]),
        Case(input: "date>=2022-10", tokens: ["word:date", "op:>=", "date:2022-10"]),
        Case(input: "date<2022-10-05", tokens: ["word:date", "op:<", "date:2022-10-05"]),
        Case(input: "date<=2022 date>2022", tokens: ["word:date", "op:<=", "number:2022", "word:date", "op:>", "number:2022"]),
        Case(input: "date:2022..2023", tokens: ["word:date", "op::", "number:2022", "op:..", "number:2023"]),
        Case(input: "date:2022-10..*", tokens: ["word:date", "op::", "date:2022-10", "op:..", "op:*"]),
        Case(input: "stance:(deny OR decline)", tokens: ["word:stance", "op::", "op:(", "word:deny", "op:OR", "word:decline", "op:)"]),
        Case(input: "a and b Or c not d", tokens: ["word:a", "op:and", "word:b", "op:Or", "word:c", "op:not", "word:d"]),
        Case(input: "-stance:deny", tokens: ["op:-", "word:stance", "op::", "word:deny"]),
        Case(input: "missil*", tokens: ["word:missil", "op:*"]),
        Case(input: "al-Assad U.S. Kirby's", tokens: ["word:al-Assad", "word:U.S.", "word:Kirby's"]),
        Case(
            input: "x | count by actor, stance", tokens: ["word:x", "op:|", "word:count", "word:by", "word:actor", "op:,", "word:stance"]),
        Case(input: "\"ballistic missiles\"", tokens: ["string:ballistic missiles"]),
        Case(input: "“كيربي” «إيران»", tokens: ["string:كيربي", "string:إيران"]),
        Case(input: #""say \"no\" \\ ok""#, tokens: [#"string:say "no" \ ok"#]),
        Case(input: "صواريخ country:إيران", tokens: ["word:صواريخ", "word:country", "op::", "word:إيران"]),
        Case(input: "date:٢٠٢٢-١٠", tokens: ["word:date", "op::", "date:٢٠٢٢-١٠"]),
        Case(input: "a # a comment\nb", tokens: ["word:a", "word:b"]),
        Case(input: "\u{200F}كيربي\u{200F}", tokens: ["word:كيربي"]),
        Case(input: "a = b", tokens: ["word:a", "error:=", "word:b"]),
        Case(input: "a” b", tokens: ["word:a", "error:”", "word:b"]),
        Case(input: "2022-13 2022-1-1 12345-10", tokens: ["date:2022-13", "date:2022-1-1", "word:12345-10"]),
        Case(input: "a- b", tokens: ["word:a", "op:-", "word:b"]),
        Case(input: "", tokens: []),
    ]

    @Test(arguments: cases)
    func tokens(_ c: Case) {
        let tokens = Lexer.tokens(in: c.input)
        #expect(tokens.last?.kind == .end)
        #expect(tokens.dropLast().map(Self.render) == c.tokens)
    }

    @Test func spansSliceTheSource() {
        let source = "actor:كيربي \"الصواريخ الباليستية\" date>2022-10\n| count by actor"
        let utf8 = Array(source.utf8)
        for token in Lexer.tokens(in: source) where token.kind != .end {
            let slice = String(decoding: utf8[token.span.bytes], as: UTF8.self)
            if token.kind == .string {
                #expect(slice == "\"\(token.text)\"")
            } else {
                #expect(slice == String(token.text))
            }
        }
    }

    @Test func linesAndColumnsCountCharacters() {
        // Harakat compose into one Character with their letter.
        let source = "كِيرْبي x\n  | count"
        let tokens = Lexer.tokens(in: source)
        #expect(tokens[0].span.line == 1 && tokens[0].span.column == 1)
        #expect(tokens[1].span.line == 1 && tokens[1].span.column == 7)
        #expect(tokens[2].span.line == 2 && tokens[2].span.column == 3)
        #expect(tokens[3].span.line == 2 && tokens[3].span.column == 5)
    }

    @Test func unclosedQuoteRunsToTheEnd() {
        let tokens = Lexer.tokens(in: "actor:Kirby \"ballistic missiles")
        #expect(tokens[3].kind == .string)
        #expect(tokens[3].text == "ballistic missiles")
        #expect(tokens[3].problem == .unclosedQuote("\""))
    }

    @Test func adjacencyIsRecorded() {
        let tokens = Lexer.tokens(in: "a* - b")
        #expect(tokens.map(\.afterSpace) == [true, false, true, true, false])
    }
}
