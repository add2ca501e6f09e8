import IsnadIndex
import IsnadText
import IsnadVocabulary

/// Gives a parsed query its meaning, or says why it has none: each field's
/// type decides which values and operators it takes; partial dates become
/// day ranges; text goes through the analyzer of its script.
package struct Checker {
    private let analyzer = Analyzer()
    private let forms = Analyzer(stemming: false)
    private var diagnostics: [Diagnostic] = []

    package init() {}

    /// The checked query, or nil with the diagnostics that explain why.
    package mutating func check(_ syntax: QuerySyntax) -> (CheckedQuery?, [Diagnostic]) {
        diagnostics = []
        let filter = syntax.filter.flatMap { check($0) }
        let stages = check(syntax.stages)
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : CheckedQuery(filter: filter, stages: stages), diagnostics)
    }

    // MARK: - Filter

    private mutating func check(_ expression: FilterExpression) -> Filter? {
        check(expression) { $0.check($1) }
    }

    /// Boolean structure means the same over terms and over values; every
    /// operand is checked, so each reports its own errors.
    private mutating func check<Leaf>(
        _ expression: BooleanSyntax<Leaf>,
        leaf: (inout Checker, Leaf) -> Filter?
    ) -> Filter? {
        switch expression {
        case .leaf(let value):
            return leaf(&self, value)
        case .and(let operands, _):
            let checked = operands.compactMap { check($0, leaf: leaf) }
            return checked.count == operands.count ? .and(checked) : nil
        case .or(let operands, _):
            let checked = operands.compactMap { check($0, leaf: leaf) }
            return checked.count == operands.count ? .or(checked) : nil
        case .not(let operand, _):
            return check(operand, leaf: leaf).map { .not($0) }
        }
    }

    private mutating func check(_ term: Term) -> Filter? {
        guard let field = term.field else {
            guard case .equals(let value) = term.test else { return nil }
            return text(value, scope: .any)
        }
        guard let kind = FieldKind(rawValue: field.name) else {
            diagnostics.append(.unknownField(field))
            // Check the values anyway, so their own mistakes show too.
            return nil
        }
        switch term.test {
        case .equals(let value):
            return check(value, kind: kind)
        case .group(let group):
            return check(group) { $0.check($1, kind: kind) }
        case .compare(let comparison, let value):
            guard kind == .date else {
                diagnostics.append(
                    .operatorNotAllowed(
                        "comparisons", field: kind.rawValue, type: kind.typeDescription,
                        at: term.span))
                return nil
            }
            guard let date = date(value) else { return nil }
            switch comparison {
            case .greater: return .date(DayRange(lower: date.last.adding(days: 1), upper: nil))
            case .greaterOrEqual: return .date(DayRange(lower: date.first, upper: nil))
            case .less: return .date(DayRange(lower: nil, upper: date.first.adding(days: -1)))
            case .lessOrEqual: return .date(DayRange(lower: nil, upper: date.last))
            }
        case .range(let lower, let upper):
            guard kind == .date else {
                diagnostics.append(
                    .operatorNotAllowed(
                        "ranges", field: kind.rawValue, type: kind.typeDescription,
                        at: term.span))
                return nil
            }
            let from = lower.map { date($0) }
            let to = upper.map { date($0) }
            if from == .some(nil) || to == .some(nil) { return nil }
            let range = DayRange(lower: from??.first, upper: to??.last)
            if let a = range.lower, let b = range.upper, a > b {
                let text = "\(lower?.text ?? "*")..\(upper?.text ?? "*")"
                diagnostics.append(.reversedRange(text, at: term.span))
                return nil
            }
            return .date(range)
        }
    }

    /// `field:value` for each type of field.
    private mutating func check(_ value: Value, kind: FieldKind) -> Filter? {
        // Prefixes expand over words and names; other values are whole.
        if value.kind == .prefix, kind.type != .text, kind.type != .entity {
            diagnostics.append(
                .operatorNotAllowed(
                    "a prefix", field: kind.rawValue, type: kind.typeDescription,
                    at: value.span))
            return nil
        }
        switch kind.type {
        case .text:
            return text(value, scope: kind == .quote ? .quote : .text)
        case .date:
            return date(value).map { .date(DayRange(lower: $0.first, upper: $0.last)) }
        case .enumeration:
            let text = value.text.lowercased()
            guard kind.values.contains(text) else {
                diagnostics.append(.unknownValue(value.text, field: kind.rawValue, among: kind.values, at: value.span))
                return nil
            }
            switch kind {
            case .stance: return Stance(rawValue: text).map { .stance($0) }
            case .lang: return Language(rawValue: text).map { .lang($0) }
            default: return Target(rawValue: text).map { .target($0) }
            }
        case .entity:
            let words = forms.tokens(in: value.text).map(\.form)
            guard !words.isEmpty else {
                diagnostics.append(.emptyText(value.text, at: value.span))
                return nil
            }
            let name = EntityName(
                written: value.text, normalized: words.joined(separator: " "),
                key: NameKey(value.text).description, isPrefix: value.kind == .prefix)
            return .entity(kind, name)
        case .keyword:
            return .keyword(kind, kind == .kind ? value.text.lowercased() : value.text)
        }
    }

    private mutating func date(_ value: Value) -> PartialDate? {
        guard value.kind != .prefix else {
            diagnostics.append(.operatorNotAllowed("a prefix", field: "date", type: "a date field", at: value.span))
            return nil
        }
        switch PartialDate.parse(value.text) {
        case .success(let date):
            return date
        case .failure(.notADate):
            diagnostics.append(.badValue(value.text, field: "date", expected: "a date", at: value.span))
            return nil
        case .failure(let problem):
            diagnostics.append(.badDate(value.text, reason: problem.reason, at: value.span))
            return nil
        }
    }

    /// Free text: analysed like ingest analyses articles, each word by its script.
    private mutating func text(_ value: Value, scope: TextScope) -> Filter? {
        switch value.kind {
        case .prefix:
            let words = forms.tokens(in: value.text).map(\.form)
            guard words.count == 1, let word = words.first else {
                diagnostics.append(
                    words.isEmpty
                        ? .emptyText(value.text, at: value.span)
                        : .badValue(
                            value.text, field: scope == .any ? "a prefix" : scope.rawValue,
                            expected: "a single word before '*'", at: value.span))
                return nil
            }
            return .text(scope, .prefix(word))
        case .word, .quoted:
            let terms = analyzer.tokens(in: value.text).map(\.term)
            guard let first = terms.first else {
                diagnostics.append(.emptyText(value.text, at: value.span))
                return nil
            }
            return .text(scope, terms.count == 1 ? .term(first) : .phrase(terms))
        }
    }

    // MARK: - Stages

    /// What rows flow between stages: each stage says what it accepts.
    private enum Rows { case statements, articles, aggregate }

    private mutating func check(_ stages: [Stage]) -> [CheckedStage] {
        var rows = Rows.statements
        var previous: String?
        var out: [CheckedStage] = []
        for stage in stages {
            let name = stage.name
            if rows == .aggregate, !["sort", "limit"].contains(name), let previous {
                diagnostics.append(.stageOrder(name, after: previous, at: stage.span))
                continue
            }
            switch stage.operation {
            case .count(let by):
                let fields = by.compactMap { groupField($0, rows: rows) }
                guard fields.count == by.count, !repeats(by, in: "count by") else { continue }
                out.append(.count(by: fields))
                rows = .aggregate
                previous = "count"
            case .top(let n, let field):
                guard let kind = groupField(field, rows: rows) else { continue }
                out.append(.top(n ?? 10, kind))
                rows = .aggregate
                previous = "top"
            case .timeline(let interval):
                out.append(.timeline(interval ?? .month))
                rows = .aggregate
                previous = "timeline"
            case .sort(let field, let order):
                if rows == .aggregate, field.name == "count" {
                    out.append(.sort(.count, order ?? .desc))
                } else if let kind = sortField(field, rows: rows) {
                    out.append(.sort(.field(kind), order ?? (kind == .date ? .desc : .asc)))
                }
            case .limit(let n):
                out.append(.limit(n))
            case .fields(let fields):
                let checked = fields.compactMap { field -> OutputField? in
                    if let output = OutputField(rawValue: field.name) { return output }
                    diagnostics.append(
                        Diagnostic(
                            .unknownField, "unknown output field '\(field.name)'", at: field.span,
                            help: Suggestion.help(
                                for: field.name,
                                among: OutputField.allCases.map(\.rawValue),
                                listing: "output fields")))
                    return nil
                }
                if checked.count == fields.count { out.append(.fields(checked)) }
            case .articles:
                if rows == .articles {
                    diagnostics.append(.stageOrder("articles", after: "articles", at: stage.span))
                }
                out.append(.articles)
                rows = .articles
            }
        }
        return out
    }

    /// Whether a field is given twice (by any spelling of its name): each
    /// one is an error under the repeat. Counted by the same field twice, a
    /// statement about n topics made n × n groups, n^k for k repeats.
    private mutating func repeats(_ fields: [Field], in stage: String) -> Bool {
        var first: [String: Field] = [:]
        var repeated = false
        for field in fields {
            let name = field.name.lowercased()
            if let earlier = first[name] {
                diagnostics.append(.repeatedField(field, first: earlier, in: stage))
                repeated = true
            } else {
                first[name] = field
            }
        }
        return repeated
    }

    /// Fields a result can be grouped by: statements by any entity,
    /// enumeration or keyword field and by date; articles by what articles have.
    private mutating func groupField(_ field: Field, rows: Rows) -> FieldKind? {
        let allowed: [FieldKind] =
            rows == .articles
            ? [.source, .cites, .lang, .date, .doc]
            : [.actor, .about, .country, .source, .cites, .kind, .stance, .date, .lang, .doc]
        return pick(field, among: allowed, purpose: rows == .articles ? "group articles by" : "group by")
    }

    private mutating func sortField(_ field: Field, rows: Rows) -> FieldKind? {
        let allowed: [FieldKind] =
            rows == .articles ? [.date, .source, .lang, .doc] : [.date, .actor, .stance, .source, .country, .lang, .doc]
        return pick(field, among: allowed, purpose: "sort by")
    }

    private mutating func pick(_ field: Field, among allowed: [FieldKind], purpose: String) -> FieldKind? {
        if let kind = FieldKind(rawValue: field.name), allowed.contains(kind) { return kind }
        let names = allowed.map(\.rawValue)
        if FieldKind(rawValue: field.name) != nil {
            diagnostics.append(
                Diagnostic(
                    .badValue, "cannot \(purpose) '\(field.name)'", at: field.span,
                    help: "\(purpose) " + names.map { "'\($0)'" }.joined(separator: ", ")))
        } else {
            diagnostics.append(
                Diagnostic(
                    .unknownField, "unknown field '\(field.name)'", at: field.span,
                    help: Suggestion.help(for: field.name, among: names, listing: "fields")))
        }
        return nil
    }
}

extension Stage {
    var name: String {
        switch operation {
        case .count: "count"
        case .top: "top"
        case .timeline: "timeline"
        case .sort: "sort"
        case .limit: "limit"
        case .fields: "fields"
        case .articles: "articles"
        }
    }
}
