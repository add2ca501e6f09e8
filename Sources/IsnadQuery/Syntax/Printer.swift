/// Writes syntax back as canonical query text: lower-case field and stage
/// names, `"…"` for every phrase, `-x` for negation, `>` rather than `:>`,
/// single spaces, and parentheses exactly where precedence needs them.
/// Parsing the printed text gives the same syntax back.
package enum Printer {
    package static func print(_ query: QuerySyntax) -> String {
        var parts: [String] = []
        if let filter = query.filter { parts.append(print(filter)) }
        for stage in query.stages { parts.append("| " + print(stage)) }
        return parts.joined(separator: " ")
    }

    package static func print(_ expression: FilterExpression) -> String {
        print(expression, leaf: print)
    }

    /// Boolean structure is printed the same way for terms and values.
    private static func print<Leaf>(_ expression: BooleanSyntax<Leaf>, leaf: (Leaf) -> String) -> String {
        func operand(_ e: BooleanSyntax<Leaf>, parenthesised: Bool) -> String {
            parenthesised ? "(" + print(e, leaf: leaf) + ")" : print(e, leaf: leaf)
        }
        switch expression {
        case .leaf(let value):
            return leaf(value)
        case .or(let operands, _):
            return operands.map { e in
                if case .or = e { return operand(e, parenthesised: true) }
                return operand(e, parenthesised: false)
            }.joined(separator: " OR ")
        case .and(let operands, _):
            return operands.map { operand($0, parenthesised: $0.isCompound) }.joined(separator: " ")
        case .not(let e, _):
            return "-" + operand(e, parenthesised: e.isCompound)
        }
    }

    package static func print(_ term: Term) -> String {
        let field = term.field.map { $0.name } ?? ""
        switch term.test {
        case .equals(let value):
            return term.field == nil ? print(value) : field + ":" + print(value)
        case .compare(let comparison, let value):
            return field + comparison.rawValue + print(value)
        case .range(let lower, let upper):
            return field + ":" + (lower.map(print) ?? "*") + ".." + (upper.map(print) ?? "*")
        case .group(let group):
            return field + ":(" + print(group, leaf: print) + ")"
        }
    }

    /// A word prints bare when it reads back as the same single word;
    /// otherwise (built in code, with spaces or operators) it is quoted.
    package static func print(_ value: Value) -> String {
        switch value.kind {
        case .word:
            return isBare(value.text) || isKeyword(value.text) ? value.text : quote(value.text)
        case .prefix:
            return (isBare(value.text) || isKeyword(value.text) ? value.text : quote(value.text)) + "*"
        case .quoted:
            return quote(value.text)
        }
    }

    package static func print(_ stage: Stage) -> String {
        switch stage.operation {
        case .count(let by):
            return by.isEmpty ? "count" : "count by " + by.map(\.name).joined(separator: ", ")
        case .top(let n, let field):
            return "top " + (n.map { "\($0) " } ?? "") + field.name
        case .timeline(let interval):
            return "timeline" + (interval.map { " " + $0.rawValue } ?? "")
        case .sort(let field, let order):
            return "sort " + field.name + (order.map { " " + $0.rawValue } ?? "")
        case .limit(let n):
            return "limit \(n)"
        case .fields(let fields):
            return "fields " + fields.map(\.name).joined(separator: ", ")
        case .articles:
            return "articles"
        }
    }

    /// A value as query text: bare when it reads back as itself, else
    /// quoted. For programs that build queries (the `Isnad.Query` builder).
    package static func literal(_ text: String) -> String {
        isBare(text) ? text : quote(text)
    }

    /// A phrase: always quoted.
    package static func quoted(_ text: String) -> String { quote(text) }

    static func quote(_ text: String) -> String {
        var out = "\""
        for c in text {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    /// `AND`, `or`, …: a word value only after `field:` (the parser reads
    /// it so there), so it prints bare.
    static func isKeyword(_ text: String) -> Bool {
        let tokens = Lexer.tokens(in: text)
        return tokens.count == 2 && [.and, .or, .not].contains(tokens[0].kind) && tokens[0].text == Substring(text)
    }

    static func isBare(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != "#" else { return false }
        let tokens = Lexer.tokens(in: text)
        guard tokens.count == 2, tokens[1].kind == .end, tokens[0].problem == nil else { return false }
        let token = tokens[0]
        return [.word, .number, .date].contains(token.kind) && token.text == Substring(text)
    }
}
