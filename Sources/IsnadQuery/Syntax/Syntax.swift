/// The syntax tree of a query, as written: what the parser builds, what
/// the printer writes back, before any check of meaning. Value types that
/// keep their source spans; spans do not take part in equality.
package struct QuerySyntax: Sendable, Hashable {
    /// The filter; nil when the query is only pipes (`| count`).
    package var filter: FilterExpression?
    package var stages: [Stage]

    package init(filter: FilterExpression?, stages: [Stage] = []) {
        self.filter = filter
        self.stages = stages
    }
}

/// A boolean combination of leaves: of terms in a filter, of values in a
/// field's value group (`stance:(deny OR decline)`). `and` and `or` have at
/// least two operands; precedence is NOT, then AND (also written by
/// juxtaposition), then OR.
package indirect enum BooleanSyntax<Leaf: SyntaxLeaf>: Sendable, Hashable {
    case leaf(Leaf)
    case and([BooleanSyntax], span: Located)
    case or([BooleanSyntax], span: Located)
    case not(BooleanSyntax, span: Located)

    package var span: SourceSpan {
        switch self {
        case .leaf(let leaf): leaf.span
        case .and(_, let span), .or(_, let span), .not(_, let span): span.wrappedValue
        }
    }

    /// An `and` or an `or`: what needs parentheses inside another operator.
    var isCompound: Bool {
        switch self {
        case .and, .or: true
        case .leaf, .not: false
        }
    }
}

/// What a boolean tree combines.
package protocol SyntaxLeaf: Sendable, Hashable {
    var span: SourceSpan { get }
}

package typealias FilterExpression = BooleanSyntax<Term>
package typealias ValueExpression = BooleanSyntax<Value>

extension BooleanSyntax where Leaf == Term {
    package static func term(_ term: Term) -> Self { .leaf(term) }
}

extension BooleanSyntax where Leaf == Value {
    package static func value(_ value: Value) -> Self { .leaf(value) }
}

/// A single condition: a field test or free text.
package struct Term: SyntaxLeaf {
    package enum Test: Sendable, Hashable {
        /// `field:value`
        case equals(Value)
        /// `field>v`, `field>=v`, `field<v`, `field<=v` (also `field:>v`)
        case compare(Comparison, Value)
        /// `field:a..b`; `*` on either side leaves that side open.
        case range(Value?, Value?)
        /// `field:(a OR b)`, values combined like terms.
        case group(ValueExpression)
    }

    /// The field; nil for free text (a bare word, phrase or prefix).
    package var field: Field?
    package var test: Test
    @Located package var span: SourceSpan

    package init(field: Field?, test: Test, span: SourceSpan = .none) {
        self.field = field
        self.test = test
        self.span = span
    }
}

package enum Comparison: String, Sendable, Hashable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
}

/// A field name as written, with where it was written. Unknown names are
/// kept (so the printer and messages can show them); the checker rejects them.
package struct Field: Sendable, Hashable {
    package var name: String
    @Located package var span: SourceSpan

    package init(_ name: String, span: SourceSpan = .none) {
        self.name = name
        self.span = span
    }
}

/// A value: a bare word (also numbers and dates), a quoted phrase, or a
/// prefix `word*`.
package struct Value: SyntaxLeaf {
    package enum Kind: Sendable, Hashable {
        case word, quoted, prefix
    }

    package var kind: Kind
    /// The text: a word as written, a phrase's content, a prefix without `*`.
    package var text: String
    @Located package var span: SourceSpan

    package init(_ kind: Kind, _ text: String, span: SourceSpan = .none) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// A pipe stage, applied in order to what the filter matched.
package struct Stage: Sendable, Hashable {
    package enum Operation: Sendable, Hashable {
        /// `count`, or `count by f, g`
        case count(by: [Field])
        /// `top N f` (N defaults to 10)
        case top(Int?, Field)
        /// `timeline day|week|month|year` (month by default)
        case timeline(Interval?)
        /// `sort f [asc|desc]`
        case sort(Field, SortOrder?)
        /// `limit N`
        case limit(Int)
        /// `fields a, b`
        case fields([Field])
        /// `articles`: the distinct articles of the matching statements
        case articles
    }

    package var operation: Operation
    @Located package var span: SourceSpan

    package init(_ operation: Operation, span: SourceSpan = .none) {
        self.operation = operation
        self.span = span
    }

    package static let names = ["articles", "count", "fields", "limit", "sort", "timeline", "top"]
}

package enum Interval: String, Sendable, Hashable, CaseIterable {
    case day, week, month, year
}

package enum SortOrder: String, Sendable, Hashable, CaseIterable {
    case asc, desc
}

extension Located {
    package init(_ span: SourceSpan) { self.init(wrappedValue: span) }
}
