/// A hand-written recursive-descent parser from tokens to ``QuerySyntax``.
///
/// It reports problems as diagnostics and goes on: a bad term is skipped,
/// a missing `)` is assumed at the end, so one pass reports every error it
/// can. Each loop consumes a token or stops, and nesting is bounded, so no
/// input makes it loop, overflow the stack, or take more than linear time.
///
/// Grammar: `grammar/isnad.ebnf`. Precedence, loosest first: `|` stages,
/// `OR`, `AND` (or juxtaposition), `NOT`/`-`.
package struct Parser {
    /// Parentheses deeper than this are an error rather than a stack overflow.
    static let maximumNesting = 128

    private let source: String
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    package private(set) var diagnostics: [Diagnostic] = []

    /// Parses `source`; the syntax is complete only when there are no
    /// error diagnostics (otherwise it is what could be recovered).
    package static func parse(_ source: String) -> (QuerySyntax, [Diagnostic]) {
        var parser = Parser(source)
        let syntax = parser.parseQuery()
        return (syntax, parser.diagnostics.sorted { $0.span.start < $1.span.start })
    }

    init(_ source: String) {
        self.source = source
        var tokens: [Token] = []
        var lexerDiagnostics: [Diagnostic] = []
        // Lexical problems become diagnostics here; the tokens that carry
        // them are dropped, except an unclosed string, which is kept.
        for token in Lexer.tokens(in: source) {
            switch token.problem {
            case .unexpectedCharacter(let c)?:
                lexerDiagnostics.append(.unexpectedCharacter(c, at: token.span))
            case .strayClosingQuote(let c)?:
                lexerDiagnostics.append(.strayClosingQuote(c, at: token.span))
            case .unclosedQuote(let c)?:
                var opening = token.span
                opening.end = opening.start + String(c).utf8.count
                lexerDiagnostics.append(.unclosedQuote(c, at: opening))
                tokens.append(token)
            case nil:
                tokens.append(token)
            }
        }
        self.tokens = tokens
        self.diagnostics = lexerDiagnostics
    }

    // MARK: - Token access

    var current: Token { tokens[position] }
    var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func at(_ kind: Token.Kind) -> Bool { current.kind == kind }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: - Query

    mutating func parseQuery() -> QuerySyntax {
        var filter: FilterExpression?
        while true {
            if let expression = parseOr() {
                filter = filter.map { .and([$0, expression], span: Located($0.span.union(expression.span))) } ?? expression
            }
            // What stops an expression at top level: a pipe, the end, or a
            // stray token, which is reported and skipped.
            if at(.end) || at(.pipe) { break }
            let stray = advance()
            report(stray.kind == .rightParen ? .unmatchedClosingParenthesis(at: stray.span) : .unexpectedToken(stray))
        }
        if filter == nil, at(.end), !diagnostics.contains(where: { $0.severity == .error }) {
            report(.emptyQuery(at: current.span))
        }
        var stages: [Stage] = []
        while at(.pipe) {
            let pipe = advance()
            if let stage = parseStage(after: pipe) { stages.append(stage) }
            // Skip what is left of a bad stage, up to the next pipe.
            if !at(.pipe) && !at(.end) {
                report(.unexpectedInStage(current))
                while !at(.pipe) && !at(.end) { _ = advance() }
            }
        }
        return QuerySyntax(filter: filter, stages: stages)
    }

    // MARK: - Boolean structure

    /// or = and { "OR" and }
    private mutating func parseOr() -> FilterExpression? {
        parseDisjunction { $0.parseAnd() }
    }

    /// `conjunction { "OR" conjunction }`, for terms and for values alike.
    private mutating func parseDisjunction<Leaf>(
        _ conjunction: (inout Parser) -> BooleanSyntax<Leaf>?
    ) -> BooleanSyntax<Leaf>? {
        var operands: [BooleanSyntax<Leaf>] = []
        var first = conjunction(&self)
        if let first { operands.append(first) }
        while at(.or) {
            let or = advance()
            let right = conjunction(&self)
            if first == nil || right == nil { report(.loneOperator(or)) }
            if let right { operands.append(right) }
            first = right
        }
        return combine(operands, or: true)
    }

    /// and = not { ["AND"] not }
    private mutating func parseAnd() -> FilterExpression? {
        var operands: [FilterExpression] = []
        while true {
            if at(.and) {
                let and = advance()
                if operands.isEmpty || !startsOperand(current) { report(.loneOperator(and)) }
                continue
            }
            guard startsOperand(current) else { break }
            if let operand = parseNot() { operands.append(operand) }
        }
        return combine(operands, or: false)
    }

    private func startsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .word, .number, .date, .string, .minus, .not, .leftParen: true
        // Tokens that cannot start a term are still taken here, so that
        // parseNot reports them and goes on.
        case .colon, .greater, .greaterEqual, .less, .lessEqual, .range, .comma, .star: true
        case .and, .or, .rightParen, .pipe, .end, .error: false
        }
    }

    /// not = { "-" | "NOT" } primary, done as a loop so that a long chain
    /// of negations cannot exhaust the stack.
    private mutating func parseNot() -> FilterExpression? {
        var negations: [Token] = []
        while at(.minus) || at(.not) {
            let token = advance()
            if token.kind == .minus, current.afterSpace, !at(.end) { report(.detachedMinus(at: token.span)) }
            negations.append(token)
        }
        switch current.kind {
        case .end, .pipe, .rightParen, .or, .and:
            if let last = negations.last { report(.expectedOperand(after: last)) }
            return nil
        default:
            break
        }
        return parsePrimary().map { negate($0, by: negations) }
    }

    /// primary = "(" or ")" | term
    private mutating func parsePrimary() -> FilterExpression? {
        guard at(.leftParen) else { return parseTerm() }
        let open = advance()
        return nested(in: open) { parser in
            if parser.at(.rightParen) {
                parser.report(.emptyGroup(at: open.span.union(parser.advance().span)))
                return nil
            }
            // parseOr stops only at ')', '|' or the end.
            let inner = parser.parseOr()
            if parser.at(.rightParen) {
                _ = parser.advance()
            } else {
                parser.report(.unclosedParenthesis(at: open.span))
            }
            return inner
        }
    }

    /// Parses the inside of a group whose `(` is `open`, within the nesting
    /// limit; past it, reports and skips the group.
    private mutating func nested<T>(in open: Token, _ body: (inout Parser) -> T?) -> T? {
        guard depth < Parser.maximumNesting else {
            report(.tooDeep(at: open.span))
            skipBalanced()
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        return body(&self)
    }

    /// Skips to the `)` that closes an already consumed `(`.
    private mutating func skipBalanced() {
        var level = 1
        while !at(.end) {
            let token = advance()
            if token.kind == .leftParen { level += 1 }
            if token.kind == .rightParen {
                level -= 1
                if level == 0 { return }
            }
        }
    }

    // MARK: - Terms

    private mutating func parseTerm() -> FilterExpression? {
        let token = current
        switch token.kind {
        case .word:
            // A field is a word written right against ':' or a comparison.
            let following = next
            if !following.afterSpace {
                switch following.kind {
                case .colon:
                    _ = advance()
                    return parseFieldTest(field: Field(token.text.lowercased(), span: token.span), colon: advance())
                case .greater, .greaterEqual, .less, .lessEqual:
                    _ = advance()
                    let field = Field(token.text.lowercased(), span: token.span)
                    let op = advance()
                    return parseComparison(field: field, op: op, start: token.span)
                default:
                    break
                }
            }
            fallthrough
        case .number, .date, .string:
            guard let value = parseValue() else { return nil }
            return .term(Term(field: nil, test: .equals(value), span: value.span))
        default:
            _ = advance()
            report(.unexpectedToken(token))
            return nil
        }
    }

    /// After `field:`: a value, a range, a comparison, or a value group.
    private mutating func parseFieldTest(field: Field, colon: Token) -> FilterExpression? {
        let start = field.span
        switch current.kind {
        case .greater, .greaterEqual, .less, .lessEqual:
            return parseComparison(field: field, op: advance(), start: start)
        case .leftParen:
            let open = advance()
            return nested(in: open) { parser in
                if parser.at(.rightParen) {
                    parser.report(.emptyGroup(at: open.span.union(parser.advance().span)))
                    return nil
                }
                let group = parser.parseValueOr()
                var end = parser.current.span
                if parser.at(.rightParen) {
                    end = parser.advance().span
                } else {
                    parser.report(.unclosedParenthesis(at: open.span))
                    while !parser.at(.end) && !parser.at(.pipe) && !parser.at(.rightParen) { _ = parser.advance() }
                    if parser.at(.rightParen) { end = parser.advance().span }
                }
                guard let group else { return nil }
                return .term(Term(field: field, test: .group(group), span: start.union(end)))
            }
        case .star where next.kind == .range:
            // `field:*..b`
            _ = advance()
            let range = advance()
            guard let upper = parseValue() else {
                report(.expectedValue(after: range, field: field))
                return nil
            }
            return .term(Term(field: field, test: .range(nil, upper), span: start.union(upper.span)))
        case .and where !current.afterSpace, .or where !current.afterSpace, .not where !current.afterSpace:
            // `actor:Or*`, `about:NOT`: written against the colon, a keyword
            // is the value it spells. (A `where` binds to one pattern only:
            // each needs its own, or `actor: AND x` read AND as the value.)
            guard let value = parseValue(accepting: [.and, .or, .not]) else { return nil }
            return .term(Term(field: field, test: .equals(value), span: start.union(value.span)))
        case .word, .number, .date, .string:
            guard let value = parseValue() else { return nil }
            if at(.range), !current.afterSpace {
                let range = advance()
                if at(.star), !current.afterSpace {
                    let star = advance()
                    return .term(Term(field: field, test: .range(value, nil), span: start.union(star.span)))
                }
                guard !current.afterSpace, let upper = parseValue(accepting: [.word, .number, .date, .string]) else {
                    report(.expectedValue(after: range, field: field))
                    return nil
                }
                return .term(Term(field: field, test: .range(value, upper), span: start.union(upper.span)))
            }
            return .term(Term(field: field, test: .equals(value), span: start.union(value.span)))
        default:
            report(.expectedValue(after: colon, field: field))
            return nil
        }
    }

    private mutating func parseComparison(field: Field, op: Token, start: SourceSpan) -> FilterExpression? {
        guard let value = parseValue(accepting: [.word, .number, .date, .string]) else {
            report(.expectedValue(after: op, field: field))
            return nil
        }
        let comparison: Comparison =
            switch op.kind {
            case .greater: .greater
            case .greaterEqual: .greaterOrEqual
            case .less: .less
            default: .lessOrEqual
            }
        return .term(Term(field: field, test: .compare(comparison, value), span: start.union(value.span)))
    }

    /// value = word [ "*" ] | number | date | string
    private mutating func parseValue(accepting kinds: Set<Token.Kind> = [.word, .number, .date, .string]) -> Value? {
        guard kinds.contains(current.kind) else { return nil }
        let token = advance()
        if token.kind == .string { return Value(.quoted, String(token.text), span: token.span) }
        if at(.star), !current.afterSpace {
            let star = advance()
            return Value(.prefix, String(token.text), span: token.span.union(star.span))
        }
        return Value(.word, String(token.text), span: token.span)
    }

    // MARK: - Value groups

    private mutating func parseValueOr() -> ValueExpression? {
        parseDisjunction { $0.parseValueAnd() }
    }

    private mutating func parseValueAnd() -> ValueExpression? {
        var operands: [ValueExpression] = []
        while true {
            if at(.and) {
                let and = advance()
                if operands.isEmpty { report(.loneOperator(and)) }
                continue
            }
            switch current.kind {
            case .word, .number, .date, .string, .minus, .not, .leftParen:
                if let operand = parseValueNot() { operands.append(operand) }
            case .rightParen, .or, .end, .pipe:
                return combine(operands, or: false)
            default:
                report(.unexpectedInGroup(advance()))
            }
        }
    }

    private mutating func parseValueNot() -> ValueExpression? {
        var negations: [Token] = []
        while at(.minus) || at(.not) { negations.append(advance()) }
        var operand: ValueExpression?
        if at(.leftParen) {
            let open = advance()
            operand = nested(in: open) { parser in
                let inner = parser.parseValueOr()
                if parser.at(.rightParen) {
                    _ = parser.advance()
                } else {
                    parser.report(.unclosedParenthesis(at: open.span))
                }
                return inner
            }
        } else if let value = parseValue() {
            operand = .value(value)
        }
        guard let operand else {
            if let last = negations.last { report(.expectedOperand(after: last)) }
            return nil
        }
        return negate(operand, by: negations)
    }

    // MARK: - Helpers

    private func combine<Leaf>(_ operands: [BooleanSyntax<Leaf>], or: Bool) -> BooleanSyntax<Leaf>? {
        guard let first = operands.first, let last = operands.last else { return nil }
        if operands.count == 1 { return first }
        let span = Located(first.span.union(last.span))
        return or ? .or(operands, span: span) : .and(operands, span: span)
    }

    /// Wraps `operand` in one NOT per negation token, innermost last.
    private func negate<Leaf>(_ operand: BooleanSyntax<Leaf>, by negations: [Token]) -> BooleanSyntax<Leaf> {
        negations.reversed().reduce(operand) { .not($0, span: Located($1.span.union($0.span))) }
    }
}
