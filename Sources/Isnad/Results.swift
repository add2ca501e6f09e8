import IsnadIndex
import IsnadQuery

/// What an actor does in a statement: the analyst-level stances, after
/// CAMEO's verbal-event codes. A denial worded as "confirmed that … never"
/// is `.deny`; "I cannot confirm" is `.decline`.
public enum Stance: String, Sendable, Hashable, CaseIterable, Codable {
    case assert, confirm, deny, decline, warn, accuse, condemn, concern, demand, threaten, pledge, admit, report

    /// One line that says what the stance means, e.g. "denies a report or claim".
    public var meaning: String { IsnadIndex.Stance(rawValue: rawValue)?.meaning ?? "" }
}

/// An attributed statement: who said what, when, about what.
public struct Statement: Sendable, Hashable, Identifiable {
    /// The statement's id: `ARTICLE:N` for extracted statements (the Nth in
    /// the article's text), or the id an import gave.
    public var id: String
    /// The id of the article it comes from. The query language calls it
    /// `doc` (`doc:a0000001`, `| fields doc`), and so do JSON output and
    /// the JSON Lines files of `import` and `export`; ``doc`` is the same
    /// value by that name.
    public var article: String
    /// The id of the article it comes from, by the name the query
    /// language and JSON give it: the same as ``article``.
    public var doc: String {
        get { article }
        set { article = newValue }
    }
    /// The actor's canonical name (`John Kirby`, also when the text said كيربي).
    public var actor: String?
    /// What the actor does: deny, warn, confirm, ….
    public var stance: Stance?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the text allowed.
    public var date: String?
    /// The words attributed to the actor.
    public var quote: String
    /// Canonical names of the entities and topics the statement is about.
    public var about: [String]
    /// The words that carry the attribution (قال, نفى, "denied").
    public var cue: String?
    /// The sentence the statement was found in (extracted statements only).
    public var sentence: String?
    /// Where the statement sits in its article's text.
    public var spans: Spans?
    /// Why the statement has its stance, when extraction recorded it.
    public var stanceBasis: StanceBasis?

    /// What decided a statement's stance: `stance:accuse` can be checked
    /// against the words that made it.
    public struct StanceBasis: Sendable, Hashable, CustomStringConvertible {
        /// `cue` (the verb's own stance: "denied", اتهم), `content` (words
        /// in what was said), `performative` (a first-person act inside the
        /// quotation: "نحض") or `media` (the speaker is an outlet).
        public var rule: String
        /// What the words were read as ("a denial", "wrongdoing by another
        /// party"); empty when the cue decided.
        public var signal: String
        /// The deciding words, as written.
        public var words: [String]
        /// Their UTF-8 byte ranges in the article's text.
        public var spans: [Range<Int>]

        /// `content, a denial: “baseless”`.
        public var description: String {
            StanceBasisCell(rule: rule, signal: signal, words: words, spans: []).description
        }
    }

    /// UTF-8 byte ranges in the article's text, so that a program can show
    /// or check every answer against its source.
    public struct Spans: Sendable, Hashable {
        /// The sentence the statement was found in.
        public var sentence: Range<Int>?
        /// The attribution verb or phrase.
        public var cue: Range<Int>?
        /// The actor's name as written, when the sentence names them.
        public var actor: Range<Int>?
        /// The quoted or reported words.
        public var quote: Range<Int>?
    }
}

/// An article a query matched (`is:article`, or `| articles`), without its text.
/// ``Store/article(id:)`` gives the whole ``Article``.
public struct ArticleMatch: Sendable, Hashable, Identifiable {
    /// The article's id.
    public var id: String
    /// The publication date, when known.
    public var date: String?
    /// The outlet, by its canonical name.
    public var source: String?
    /// `ar` or `en`.
    public var lang: String?
    /// The headline.
    public var title: String?
    /// Where it was published online.
    public var url: String?
}

/// One row of `count`, `count by`, `top` or `timeline`.
public struct CountRow: Sendable, Hashable {
    /// The values counted, one per `by` field (`["John Kirby"]`), the
    /// period of a timeline (`["2022-10"]`), none for a plain `count`.
    public var keys: [String]
    /// How many statements (articles, entities) have these values.
    public var count: Int

    /// A row of counts.
    public init(keys: [String], count: Int) {
        self.keys = keys
        self.count = count
    }
}

/// The answer to a query.
///
/// Exactly one of ``statements``, ``articles``, ``entities`` and
/// ``counts`` is filled, as ``kind`` says. ``columns`` and ``rows`` give the
/// same answer as text in the columns the query chose (`| fields …`), ready
/// to print.
///
/// ```swift
/// let result = try store.query("actor:Kirby stance:deny")
/// for statement in result.statements {
///     print(statement.date ?? "", statement.quote)
/// }
/// ```
public struct QueryResult: Sendable {
    /// Which of the typed arrays holds the answer.
    public enum Kind: String, Sendable, Hashable {
        case statements, articles, entities, counts
    }

    /// What the rows are.
    public var kind: Kind
    /// The statements, for a statement query.
    public var statements: [Statement] = []
    /// The articles, for `is:article` and `| articles`.
    public var articles: [ArticleMatch] = []
    /// The entities, for `is:entity`.
    public var entities: [Entity] = []
    /// The rows of `count`, `top` and `timeline`.
    public var counts: [CountRow] = []
    /// Names of the columns to show, in order.
    public var columns: [String]
    /// Every row as text, one value per column (lists joined by `; `).
    public var rows: [[String]]
    /// The number of rows the query has, before a `limit:` given to
    /// ``Store/query(_:limit:)-(Query,_)`` cut them.
    public var total: Int
    /// Problems that did not stop the query (a name no entity has, …).
    public var warnings: [QueryDiagnostic]

    init(kind: Kind, columns: [String], rows: [[String]], total: Int, warnings: [QueryDiagnostic]) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.total = total
        self.warnings = warnings
    }
}

/// A query that could not be read or does not make sense, with every
/// problem found in it.
///
/// `description` shows each problem under the query with a caret, as the
/// command line does:
///
/// ```text
/// error: unknown field 'stanse'
///   actor:Kirby stanse:deny
///               ^^^^^^
/// help: did you mean 'stance'?
/// ```
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// The query text, as given or as the builder wrote it.
    public var query: String
    /// Every problem found, in the order of the text.
    public var diagnostics: [QueryDiagnostic]

    /// The problems under the query text, with carets.
    public var description: String {
        DiagnosticFormatter(colors: false).format(diagnostics.map(\.diagnostic), in: query)
    }
}

/// One problem in a query: what, where, and how to fix it.
public struct QueryDiagnostic: Sendable, Hashable, CustomStringConvertible {
    let diagnostic: Diagnostic

    /// A stable name for the kind of problem (`unknownField`,
    /// `unknownValue`, …); messages may be reworded, ids stay.
    public var id: String { diagnostic.id.rawValue }
    /// A warning does not stop the query.
    public var isWarning: Bool { diagnostic.severity == .warning }
    /// What is wrong, e.g. "unknown field 'stanse'".
    public var message: String { diagnostic.message }
    /// A hint, usually a suggestion: "did you mean 'stance'?".
    public var help: String? { diagnostic.help }
    /// Text that would replace ``range`` to fix the problem, when there is
    /// one clear fix.
    public var fixIt: String? { diagnostic.fixIt }
    /// The UTF-8 byte range of the mistake in the query text.
    public var range: Range<Int> { diagnostic.span.bytes }
    /// 1-based line and column (in characters) of the mistake.
    public var line: Int { diagnostic.span.line }
    /// See ``line``.
    public var column: Int { diagnostic.span.column }

    /// `line:column: error: message`.
    public var description: String { diagnostic.description }
}
