// Every message of the query language, alphabetised by id. Wording: lower
// case, no final period, query text in single quotes, and say what was
// expected. Tests and `docs/query-language.md` quote these messages.

extension Diagnostic.ID {
    static let badDate = Self(rawValue: "bad-date")
    static let badValue = Self(rawValue: "bad-value")
    static let danglingPipe = Self(rawValue: "dangling-pipe")
    static let detachedMinus = Self(rawValue: "detached-minus")
    static let emptyGroup = Self(rawValue: "empty-group")
    static let emptyQuery = Self(rawValue: "empty-query")
    static let emptyText = Self(rawValue: "empty-text")
    static let expectedField = Self(rawValue: "expected-field")
    static let expectedNumber = Self(rawValue: "expected-number")
    static let expectedOperand = Self(rawValue: "expected-operand")
    static let expectedStage = Self(rawValue: "expected-stage")
    static let expectedValue = Self(rawValue: "expected-value")
    static let loneOperator = Self(rawValue: "lone-operator")
    static let numberTooLarge = Self(rawValue: "number-too-large")
    static let operatorNotAllowed = Self(rawValue: "operator-not-allowed")
    static let repeatedField = Self(rawValue: "repeated-field")
    static let reversedRange = Self(rawValue: "reversed-range")
    static let stageOrder = Self(rawValue: "stage-order")
    static let strayClosingQuote = Self(rawValue: "stray-closing-quote")
    static let tooDeep = Self(rawValue: "too-deep")
    static let tooLarge = Self(rawValue: "too-large")
    static let tooManyErrors = Self(rawValue: "too-many-errors")
    static let unclosedParenthesis = Self(rawValue: "unclosed-parenthesis")
    static let unclosedQuote = Self(rawValue: "unclosed-quote")
    static let unexpectedCharacter = Self(rawValue: "unexpected-character")
    static let unexpectedToken = Self(rawValue: "unexpected-token")
    static let unknownField = Self(rawValue: "unknown-field")
    static let unknownInterval = Self(rawValue: "unknown-interval")
    static let unknownStage = Self(rawValue: "unknown-stage")
    static let unknownValue = Self(rawValue: "unknown-value")
    static let unmatchedClosingParenthesis = Self(rawValue: "unmatched-closing-parenthesis")
}

extension Diagnostic {
    static func badDate(_ text: String, reason: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .badDate, "'\(text)' is not a date: \(reason)", at: span,
            help: "dates are written 2022, 2022-10 or 2022-10-05")
    }

    static func badValue(_ text: String, field: String, expected: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .badValue, "expected \(expected) for '\(field)', found '\(text)'", at: span,
            help: expected == "a date" ? "dates are written 2022, 2022-10 or 2022-10-05" : nil)
    }

    static func danglingPipe(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .danglingPipe, "expected a pipe stage after '|'", at: span,
            help: "stages are " + Stage.names.map { "'\($0)'" }.joined(separator: ", "))
    }

    static func detachedMinus(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .detachedMinus, "'-' must be written right before the term it excludes", at: span,
            help: "write '-stance:deny' or 'NOT stance:deny'")
    }

    static func emptyGroup(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.emptyGroup, "empty parentheses: expected a query inside '()'", at: span)
    }

    static func emptyQuery(at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .emptyQuery, "expected a query", at: span,
            help: "try 'actor:Kirby', 'stance:deny date>2022-10' or '| count by actor'")
    }

    static func emptyText(_ text: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.emptyText, "'\(text)' has no words to search for", at: span)
    }

    static func expectedField(after token: Token) -> Diagnostic {
        Diagnostic(
            .expectedField, "expected a field name after '\(token.text)'", at: after(token),
            help: "fields are " + FieldKind.allNames.map { "'\($0)'" }.joined(separator: ", "))
    }

    static func expectedNumber(after token: Token, found: Token) -> Diagnostic {
        Diagnostic(
            .expectedNumber, "expected a number after '\(token.text)'" + foundText(found),
            at: found.kind == .end ? after(token) : found.span)
    }

    static func expectedOperand(after token: Token) -> Diagnostic {
        Diagnostic(.expectedOperand, "expected a term after '\(token.text)'", at: token.span)
    }

    static func expectedStage(found: Token) -> Diagnostic {
        Diagnostic(
            .expectedStage, "expected a pipe stage after '|'" + foundText(found), at: found.span,
            help: "stages are " + Stage.names.map { "'\($0)'" }.joined(separator: ", "))
    }

    static func expectedValue(after token: Token, field: Field) -> Diagnostic {
        let written = token.kind == .colon ? "\(field.name):" : "\(field.name)\(token.text)"
        return Diagnostic(.expectedValue, "expected a value after '\(written)'", at: after(token))
    }

    static func loneOperator(_ token: Token) -> Diagnostic {
        let name = token.text.uppercased()
        return Diagnostic(
            .loneOperator, "'\(name)' needs a term on each side", at: token.span,
            help: "to search for the word '\(token.text)', quote it: \"\(token.text)\"")
    }

    static func numberTooLarge(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.numberTooLarge, "number too large: at most \(Parser.largestNumber)", at: span)
    }

    static func operatorNotAllowed(_ what: String, field: String, type: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .operatorNotAllowed, "'\(field)' is \(type) and cannot take \(what)", at: span,
            help: what == "a prefix" ? nil : "comparisons and ranges work on 'date'")
    }

    static func repeatedField(_ field: Field, first: Field, in stage: String) -> Diagnostic {
        Diagnostic(
            .repeatedField, "field '\(field.name)' is repeated in '\(stage)'", at: field.span,
            help: "group by each field once",
            notes: [Note(message: "first given here", span: first.span)])
    }

    static func reversedRange(_ text: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .reversedRange, "the range '\(text)' ends before it starts", at: span,
            help: "write the earlier end first")
    }

    static func stageOrder(_ stage: String, after previous: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .stageOrder, "'\(stage)' cannot follow '\(previous)'", at: span,
            help: "after '\(previous)' only 'sort' and 'limit' apply")
    }

    static func strayClosingQuote(_ quote: Character, at span: SourceSpan) -> Diagnostic {
        Diagnostic(.strayClosingQuote, "closing quote '\(quote)' without an opening one", at: span)
    }

    static func tooDeep(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.tooDeep, "parentheses nested more than \(Parser.maximumNesting) deep", at: span)
    }

    static func unclosedParenthesis(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.unclosedParenthesis, "unclosed '('", at: span, help: "add ')' to close the group opened here")
    }

    static func unclosedQuote(_ quote: Character, at span: SourceSpan) -> Diagnostic {
        let close: Character = quote == "\u{201C}" ? "\u{201D}" : quote == "\u{AB}" ? "\u{BB}" : "\""
        return Diagnostic(
            .unclosedQuote, "unclosed quote '\(quote)'", at: span,
            help: "add '\(close)' to close the phrase opened here")
    }

    static func unexpectedCharacter(_ c: Character, at span: SourceSpan) -> Diagnostic {
        let help: String? =
            switch c {
            case "=": "to match a field, use ':', as in 'actor:Kirby'"
            case "!": "to exclude a term, use '-' or 'NOT', as in '-stance:deny'"
            default: nil
            }
        return Diagnostic(.unexpectedCharacter, "unexpected character '\(c)'", at: span, help: help)
    }

    static func unexpectedInGroup(_ token: Token) -> Diagnostic {
        Diagnostic(
            .unexpectedToken, "unexpected \(describe(token)) in a value group", at: token.span,
            help: "a value group holds values joined by 'OR', 'AND' and '-', as in 'stance:(deny OR decline)'")
    }

    static func unexpectedInStage(_ token: Token) -> Diagnostic {
        Diagnostic(
            .unexpectedToken, "unexpected \(describe(token)) in a pipe stage", at: token.span,
            help: "write one stage after each '|', as in '| count by actor | limit 5'")
    }

    static func unexpectedToken(_ token: Token) -> Diagnostic {
        let help: String? =
            switch token.kind {
            case .colon: "write the field right before ':', as in 'actor:Kirby'"
            case .greater, .greaterEqual, .less, .lessEqual: "write comparisons without spaces, as in 'date>2022-10'"
            case .range: "write ranges without spaces, as in 'date:2022..2023'"
            case .star: "'*' ends a prefix, written right after it, as in 'missil*'"
            case .comma: "',' separates fields in 'count by' and 'fields'"
            default: nil
            }
        return Diagnostic(.unexpectedToken, "unexpected \(describe(token))", at: token.span, help: help)
    }

    static func unknownField(_ field: Field) -> Diagnostic {
        Diagnostic(
            .unknownField, "unknown field '\(field.name)'", at: field.span,
            help: Suggestion.help(for: field.name, among: FieldKind.allNames, listing: "fields"))
    }

    static func unknownInterval(_ token: Token) -> Diagnostic {
        Diagnostic(
            .unknownInterval, "unknown interval '\(token.text)'", at: token.span,
            help: Suggestion.help(for: String(token.text), among: Interval.allCases.map(\.rawValue), listing: "intervals"))
    }

    static func unknownStage(_ token: Token) -> Diagnostic {
        Diagnostic(
            .unknownStage, "unknown pipe stage '\(token.text)'", at: token.span,
            help: Suggestion.help(for: String(token.text), among: Stage.names, listing: "stages"))
    }

    static func unknownValue(_ text: String, field: String, among values: [String], at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            .unknownValue, "unknown \(field) '\(text)'", at: span,
            help: Suggestion.help(for: text, among: values, listing: "values of '\(field)'"))
    }

    static func unmatchedClosingParenthesis(at span: SourceSpan) -> Diagnostic {
        Diagnostic(.unmatchedClosingParenthesis, "')' without a matching '('", at: span)
    }

    // MARK: - Helpers

    /// An empty span right after a token: where something was expected.
    private static func after(_ token: Token) -> SourceSpan {
        SourceSpan(
            start: token.span.end, end: token.span.end, line: token.span.line,
            column: token.span.column + token.text.count)
    }

    private static func foundText(_ token: Token) -> String {
        token.kind == .end ? "" : ", found \(describe(token))"
    }

    private static func describe(_ token: Token) -> String {
        switch token.kind {
        case .word, .number, .date: "'\(token.text)'"
        case .string: "\"\(token.text)\""
        case .and, .or, .not: "'\(token.text)'"
        default: token.kind.description
        }
    }
}
