import IsnadQuery

/// A query, built in code or given as text in the query language.
///
/// The builder writes query text (``text``) and the store compiles it
/// exactly as it compiles typed text, so a built query has the same plan
/// and the same answer as the text it prints:
///
/// ```swift
/// let q = Query.actor("Kirby").stance(.deny).date(after: "2022-10")
/// q.text                      // actor:Kirby stance:deny date>2022-10
/// try store.query(q)
///
/// Query.stance(.deny, .decline).count(by: .actor)
/// // stance:(deny OR decline) | count by actor
/// ```
///
/// Each call adds a condition that must also hold (AND), or a pipe stage
/// after the conditions. Names and words are quoted as needed, so a value
/// can never change the structure of the query.
public struct Query: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A query typed as text, kept as given.
    private var base: String?
    private var terms: [String] = []
    private var stages: [String] = []

    /// Everything: every statement.
    public init() {}

    /// A query in the query language, as a user would type it
    /// (`"actor:Kirby stance:deny | count by actor"`). The builder's
    /// methods may add to it.
    public init(_ text: String) { base = text }

    /// A query written as a literal: `let q: Query = "stance:deny"`.
    public init(stringLiteral text: String) { self.init(text) }

    /// The query as text in the query language.
    public var text: String {
        let (filter, pipes) = parts
        return (filter + pipes.map { "| " + $0 }).joined(separator: " ")
    }

    /// The conditions (joined by AND) and the stages, as text. A typed base
    /// is reprinted in canonical form so that added terms combine with it
    /// correctly; one with syntax errors is kept as written, so its errors
    /// point at the user's own text.
    private var parts: (filter: [String], pipes: [String]) {
        guard let base else { return (terms, stages) }
        guard terms.count + stages.count > 0 else { return ([base], []) }
        let (syntax, diagnostics) = Parser.parse(base)
        if diagnostics.contains(where: { $0.severity == .error }) { return ([base] + terms, stages) }
        var filter = terms
        if let expression = syntax.filter {
            let printed = Printer.print(expression)
            if case .or = expression { filter.insert("(" + printed + ")", at: 0) } else { filter.insert(printed, at: 0) }
        }
        return (filter, syntax.stages.map { Printer.print($0) } + stages)
    }

    /// Built with no conditions and no stages: every statement.
    var isEverything: Bool { base == nil && terms.isEmpty && stages.isEmpty }

    /// The conditions alone, as text.
    private var filterText: String { parts.filter.joined(separator: " ") }

    /// The query as text (``text``).
    public var description: String { text }

    // MARK: - Fields and values

    /// A field a stage groups, sorts or shows by.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case id, actor, about, country, source, cites, kind, stance, date, lang, doc, quote, title, url, cue, sentence
        /// The count of an aggregation (for ``Query/sort(by:_:)`` after a count).
        case count
    }

    /// The period of a ``Query/timeline(_:)``.
    public enum Interval: String, Sendable, Hashable, CaseIterable {
        case day, week, month, year
    }

    /// The order of a ``Query/sort(by:_:)``.
    public enum Order: String, Sendable, Hashable {
        case ascending = "asc"
        case descending = "desc"
    }

    /// What a query returns.
    public enum Target: String, Sendable, Hashable {
        case statement, article, entity
    }

    // MARK: - Conditions

    private func adding(_ term: String) -> Query {
        var copy = self
        copy.terms.append(term)
        return copy
    }

    private func adding(stage: String) -> Query {
        var copy = self
        copy.stages.append(stage)
        return copy
    }

    /// `field:value`, or `field:(a OR b)` for several values.
    private func field(_ name: String, _ values: [String]) -> Query {
        let literals = values.map(Printer.literal)
        switch literals.count {
        case 0: return self
        case 1: return adding(name + ":" + literals[0])
        default: return adding(name + ":(" + literals.joined(separator: " OR ") + ")")
        }
    }

    /// Statements by any of these actors, named in either script
    /// (`"Kirby"`, `"كيربي"`, `"John Kirby"`); `"Kan*"` for a prefix.
    public func actor(_ names: String...) -> Query { field("actor", names) }
    /// Statements about any of these entities or topics.
    public func about(_ names: String...) -> Query { field("about", names) }
    /// Statements by actors of any of these countries.
    public func country(_ names: String...) -> Query { field("country", names) }
    /// Statements in articles from any of these outlets.
    public func source(_ names: String...) -> Query { field("source", names) }
    /// Statements by actors of these kinds (`person`, `org`, `media`, …).
    public func kind(_ kinds: String...) -> Query { field("kind", kinds) }
    /// Statements with any of these stances.
    public func stance(_ stances: Stance...) -> Query { field("stance", stances.map(\.rawValue)) }
    /// Statements in articles of this language (`ar` or `en`).
    public func lang(_ code: String) -> Query { field("lang", [code]) }
    /// Statements of this article.
    public func doc(_ id: String) -> Query { field("doc", [id]) }
    /// Statements whose quote has these words (analysed like the text:
    /// `missiles` finds `missile`, `الصواريخ` finds `صواريخ`).
    public func quote(_ words: String) -> Query { field("quote", [words]) }

    /// Statements dated within `date`: `"2022"`, `"2022-10"` or `"2022-10-05"`.
    public func date(_ date: String) -> Query { adding("date:" + Printer.literal(date)) }
    /// Statements dated after the whole of `date` (`date>2022-10`: from November).
    public func date(after date: String) -> Query { adding("date>" + Printer.literal(date)) }
    /// Statements dated before the whole of `date`.
    public func date(before date: String) -> Query { adding("date<" + Printer.literal(date)) }
    /// Statements dated from the start of `first` to the end of `last`,
    /// both included; `nil` leaves that end open.
    public func date(from first: String?, through last: String?) -> Query {
        adding("date:" + (first.map(Printer.literal) ?? "*") + ".." + (last.map(Printer.literal) ?? "*"))
    }

    /// Each of these words, in the quote or the sentence around it.
    public func words(_ text: String) -> Query {
        var copy = self
        for word in text.split(whereSeparator: \.isWhitespace) { copy = copy.adding(Printer.literal(String(word))) }
        return copy
    }

    /// These words next to each other, in this order.
    public func phrase(_ text: String) -> Query { adding(Printer.quoted(text)) }

    /// Only what `other`'s conditions do not match (`-( … )`).
    public func excluding(_ other: Query) -> Query {
        let filter = other.filterText
        return filter.isEmpty ? self : adding("-(" + filter + ")")
    }

    /// What this query's conditions or `other`'s match (`( … ) OR ( … )`);
    /// the stages are this query's.
    public func or(_ other: Query) -> Query {
        let mine = filterText
        let theirs = other.filterText
        var copy = mine.isEmpty || theirs.isEmpty ? Query() : Query().adding("(" + mine + ") OR (" + theirs + ")")
        copy.stages = parts.pipes
        return copy
    }

    /// Articles or entities instead of statements (`is:article`).
    public func returning(_ target: Target) -> Query { adding("is:" + target.rawValue) }

    // MARK: - Stages

    /// The number of matches, or one row per value of `fields` with its count.
    public func count(by fields: Field...) -> Query {
        adding(stage: fields.isEmpty ? "count" : "count by " + fields.map(\.rawValue).joined(separator: ", "))
    }
    /// The `n` most frequent values of `field`.
    public func top(_ n: Int, _ field: Field) -> Query { adding(stage: "top \(n) \(field.rawValue)") }
    /// Counts per period.
    public func timeline(_ interval: Interval = .month) -> Query { adding(stage: "timeline " + interval.rawValue) }
    /// Rows in the order of `field` (dates newest first unless `.ascending`).
    public func sort(by field: Field, _ order: Order? = nil) -> Query {
        adding(stage: "sort " + field.rawValue + (order.map { " " + $0.rawValue } ?? ""))
    }
    /// The first `n` rows.
    public func limit(_ n: Int) -> Query { adding(stage: "limit \(n)") }
    /// The columns ``QueryResult/rows`` shows.
    public func fields(_ fields: Field...) -> Query {
        adding(stage: "fields " + fields.map(\.rawValue).joined(separator: ", "))
    }
    /// The distinct articles of the matching statements.
    public func articles() -> Query { adding(stage: "articles") }

    // MARK: - Starting points

    /// A query with only this condition; see the instance method `actor`.
    public static func actor(_ names: String...) -> Query { Query().field("actor", names) }
    /// A query with only this condition; see the instance method `about`.
    public static func about(_ names: String...) -> Query { Query().field("about", names) }
    /// A query with only this condition; see the instance method `country`.
    public static func country(_ names: String...) -> Query { Query().field("country", names) }
    /// A query with only this condition; see the instance method `source`.
    public static func source(_ names: String...) -> Query { Query().field("source", names) }
    /// A query with only this condition; see the instance method `kind`.
    public static func kind(_ kinds: String...) -> Query { Query().field("kind", kinds) }
    /// A query with only this condition; see the instance method `stance`.
    public static func stance(_ stances: Stance...) -> Query { Query().field("stance", stances.map(\.rawValue)) }
    /// A query with only this condition; see the instance method `lang`.
    public static func lang(_ code: String) -> Query { Query().lang(code) }
    /// A query with only this condition; see the instance method `doc`.
    public static func doc(_ id: String) -> Query { Query().doc(id) }
    /// A query with only this condition; see the instance method `quote`.
    public static func quote(_ words: String) -> Query { Query().quote(words) }
    /// A query with only this condition; see the instance method `date`.
    public static func date(_ date: String) -> Query { Query().date(date) }
    /// A query with only this condition; see the instance method `date`.
    public static func date(after date: String) -> Query { Query().date(after: date) }
    /// A query with only this condition; see the instance method `date`.
    public static func date(before date: String) -> Query { Query().date(before: date) }
    /// A query with only this condition; see the instance method `date`.
    public static func date(from first: String?, through last: String?) -> Query { Query().date(from: first, through: last) }
    /// A query with only this condition; see the instance method `words`.
    public static func words(_ text: String) -> Query { Query().words(text) }
    /// A query with only this condition; see the instance method `phrase`.
    public static func phrase(_ text: String) -> Query { Query().phrase(text) }
    /// A query with only this condition; see the instance method `returning`.
    public static func returning(_ target: Target) -> Query { Query().returning(target) }
    /// Every statement.
    public static var all: Query { Query() }
}
