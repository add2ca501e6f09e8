extension Parser {
    /// stage = "count" ["by" fields] | "top" [number] field | "timeline" [interval]
    ///       | "sort" field ["asc"|"desc"] | "limit" number | "fields" fields | "articles"
    mutating func parseStage(after pipe: Token) -> Stage? {
        guard at(.word) else {
            report(at(.end) || at(.pipe) ? .danglingPipe(at: pipe.span) : .expectedStage(found: current))
            return nil
        }
        let nameToken = advance()
        let name = nameToken.text.lowercased()
        let start = nameToken.span
        switch name {
        case "count":
            guard at(.word), current.text.lowercased() == "by" else {
                return Stage(.count(by: []), span: start)
            }
            let by = advance()
            let fields = parseFieldList(after: by)
            return Stage(.count(by: fields), span: start.union(fields.last?.span ?? by.span))
        case "top":
            var n: Int?
            var end = start
            if at(.number) {
                let token = advance()
                n = number(token)
                end = token.span
            }
            guard let field = parseFieldName() else {
                report(.expectedField(after: nameToken))
                return nil
            }
            return Stage(.top(n, field), span: start.union(field.span).union(end))
        case "timeline":
            guard at(.word) else { return Stage(.timeline(nil), span: start) }
            let word = advance()
            guard let interval = Interval(rawValue: word.text.lowercased()) else {
                report(.unknownInterval(word))
                return nil
            }
            return Stage(.timeline(interval), span: start.union(word.span))
        case "sort":
            guard let field = parseFieldName() else {
                report(.expectedField(after: nameToken))
                return nil
            }
            var order: SortOrder?
            var end = field.span
            if at(.word), let o = SortOrder(rawValue: current.text.lowercased()) {
                order = o
                end = advance().span
            }
            return Stage(.sort(field, order), span: start.union(end))
        case "limit":
            guard at(.number) else {
                report(.expectedNumber(after: nameToken, found: current))
                return nil
            }
            let token = advance()
            guard let n = number(token) else { return nil }
            return Stage(.limit(n), span: start.union(token.span))
        case "fields":
            let fields = parseFieldList(after: nameToken)
            guard let last = fields.last else { return nil }
            return Stage(.fields(fields), span: start.union(last.span))
        case "articles":
            return Stage(.articles, span: start)
        default:
            report(.unknownStage(nameToken))
            while !at(.pipe) && !at(.end) { _ = advance() }
            return nil
        }
    }

    /// fields = field { "," field }
    private mutating func parseFieldList(after token: Token) -> [Field] {
        var fields: [Field] = []
        var previous = token
        while true {
            guard let field = parseFieldName() else {
                report(.expectedField(after: previous))
                return fields
            }
            fields.append(field)
            guard at(.comma) else { return fields }
            previous = advance()
        }
    }

    private mutating func parseFieldName() -> Field? {
        guard at(.word) else { return nil }
        let token = advance()
        return Field(token.text.lowercased(), span: token.span)
    }

    /// The value of a number token (digits of any script), or nil with a
    /// diagnostic when it does not fit.
    private mutating func number(_ token: Token) -> Int? {
        var value = 0
        for scalar in token.text.unicodeScalars {
            let digit = Int(scalar.properties.numericValue ?? 0)
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 || sum > Parser.largestNumber {
                report(.numberTooLarge(at: token.span))
                return nil
            }
            value = sum
        }
        return value
    }

    /// Limits and top counts beyond this are surely typos.
    static let largestNumber = 1_000_000_000
}
