import IsnadIndex
import IsnadQuery

/// One row of a streamed result (``Store/forEach(_:_:)-(Query,_)``).
public enum Match: Sendable, Hashable {
    case statement(Statement)
    case article(ArticleMatch)
    case entity(Entity)
    case count(CountRow)
}

extension Store {
    /// Answers a query given as text in the query language.
    ///
    /// ```swift
    /// let result = try store.query("stance:deny date>2022-10 | count by actor")
    /// for row in result.counts { print(row.keys[0], row.count) }
    /// ```
    ///
    /// - Parameters:
    ///   - text: a query in the query language (docs/query-language.md).
    ///   - limit: build at most this many rows; ``QueryResult/total``
    ///     still counts them all.
    /// - Throws: ``QueryError`` with every problem in the text and where it
    ///   is, or with the stage that would build more than a million groups
    ///   (id `too-large`); ``StoreError`` when the store fails.
    public func query(_ text: String, limit: Int? = nil) throws -> QueryResult {
        try query(Query(text), limit: limit)
    }

    /// Answers a query made with the builder (or from text).
    ///
    /// ```swift
    /// let denials = try store.query(.actor("Kirby").stance(.deny).date(after: "2022-10"))
    /// ```
    public func query(_ query: Query, limit: Int? = nil) throws -> QueryResult {
        let (checked, warnings) = try compile(query)
        var options = RunOptions()
        options.typedColumns = true
        options.rowLimit = limit
        let table = try Store.refusingTooLarge(query) { try QueryEngine(store: index).run(checked, options: options) }
        var result = QueryResult(
            kind: Store.kind(table.kind), columns: table.shown, rows: [], total: table.total,
            warnings: warnings)
        let reader = RowReader(columns: table.columns, shown: table.shown)
        result.rows = table.rows.map(reader.text)
        for row in table.rows {
            switch try match(row, kind: table.kind, reader: reader) {
            case .statement(let s): result.statements.append(s)
            case .article(let a): result.articles.append(a)
            case .entity(let e): result.entities.append(e)
            case .count(let c): result.counts.append(c)
            }
        }
        return result
    }

    /// Hands each row of the answer to `body` as it is read, without
    /// holding the whole result: for exports and scans of millions of
    /// statements. Everything `body` sees comes from one snapshot of the
    /// store; an ingest that commits meanwhile is not seen. `body` may
    /// throw to stop early; the error comes out of `forEach`. It must not
    /// write to the store.
    ///
    /// ```swift
    /// try store.forEach(.stance(.deny)) { match in
    ///     if case .statement(let s) = match { print(s.id, s.actor ?? "") }
    /// }
    /// ```
    public func forEach(_ query: Query, _ body: (Match) throws -> Void) throws {
        let (checked, _) = try compile(query)
        try withoutActuallyEscaping(body) { body in
            var options = RunOptions()
            options.typedColumns = true
            var reader: RowReader?
            options.onRow = { header, row in
                if reader == nil { reader = RowReader(columns: header.columns, shown: header.shown) }
                if let reader { try body(try self.match(row, kind: header.kind, reader: reader)) }
            }
            let table = try Store.refusingTooLarge(query) { try QueryEngine(store: index).run(checked, options: options) }
            // Aggregations are small and come whole.
            let aggregate = RowReader(columns: table.columns, shown: table.shown)
            for row in table.rows { try body(try match(row, kind: table.kind, reader: aggregate)) }
        }
    }

    /// Answers a query given as text, row by row (see ``forEach(_:_:)-(Query,_)``).
    public func forEach(_ text: String, _ body: (Match) throws -> Void) throws {
        try forEach(Query(text), body)
    }

    /// How the store would answer: the plan as an indented tree with the
    /// estimated and actual sizes of each step (as `isnad query --explain`).
    public func explain(_ query: Query) throws -> String {
        let (checked, _) = try compile(query)
        var options = RunOptions()
        options.rowLimit = 0
        return try Store.refusingTooLarge(query) { try QueryEngine(store: index).run(checked, options: options) }
            .plan?.render() ?? ""
    }

    /// The statement with this id (`a0000001:2`), with its sentence, spans
    /// and what decided its stance; `nil` when none is stored.
    public func statement(id: String) throws -> Statement? {
        try index.snapshot { txn -> Statement? in
            try index.statement(key: id, txn: txn).map(Statement.init(record:))
        }
    }

    /// The article with this id, text and all; `nil` when none is stored.
    public func article(id: String) throws -> Article? {
        try index.snapshot { txn -> Article? in
            guard let dense = try index.articleID(id, txn: txn) else { return nil }
            return try index.article(dense, txn: txn).map(Article.init(record:))
        }
    }

    // MARK: - Internals

    func compile(_ query: Query) throws -> (CheckedQuery, [QueryDiagnostic]) {
        if query.isEverything { return (.everything, []) }
        let text = query.text
        let compilation = Compilation(text)
        let diagnostics = compilation.diagnostics.map(QueryDiagnostic.init(diagnostic:))
        guard let checked = compilation.checked, !diagnostics.contains(where: { !$0.isWarning }) else {
            throw QueryError(query: text, diagnostics: diagnostics)
        }
        return (checked, diagnostics)
    }

    /// Runs `body`, turning an aggregation the engine refused as too large
    /// into a ``QueryError`` under the stage, like the errors of the text.
    static func refusingTooLarge<T>(_ query: Query, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as QueryTooLarge {
            let diagnostic = Compilation(query.text).diagnostic(for: error)
            throw QueryError(query: query.text, diagnostics: [QueryDiagnostic(diagnostic: diagnostic)])
        }
    }

    static func kind(_ kind: IsnadQuery.QueryResult.Kind) -> QueryResult.Kind {
        switch kind {
        case .statements: .statements
        case .articles: .articles
        case .entities: .entities
        case .aggregate: .counts
        }
    }

    private func match(_ row: [Cell], kind: IsnadQuery.QueryResult.Kind, reader: RowReader) throws -> Match {
        switch kind {
        case .statements: return .statement(reader.statement(row))
        case .articles: return .article(reader.article(row))
        case .entities:
            let name = reader.string("id", row) ?? ""
            return .entity(
                try entity(named: name)
                    ?? Entity(
                        name: name, kind: reader.string("kind", row),
                        country: reader.string("country", row)))
        case .aggregate:
            let count: Int
            if case .number(let n) = row.last { count = n } else { count = 0 }
            return .count(CountRow(keys: row.dropLast().map(\.description), count: count))
        }
    }
}

/// Reads the engine's cells by column name.
struct RowReader {
    let index: [String: Int]
    let shownPositions: [Int]

    init(columns: [String], shown: [String]) {
        var index: [String: Int] = [:]
        for (n, name) in columns.enumerated() where index[name] == nil { index[name] = n }
        self.index = index
        shownPositions = shown.compactMap { index[$0] }
    }

    func cell(_ name: String, _ row: [Cell]) -> Cell? {
        guard let n = index[name], n < row.count else { return nil }
        return row[n]
    }

    func string(_ name: String, _ row: [Cell]) -> String? {
        switch cell(name, row) {
        case .text(let s): s
        case .number(let n): String(n)
        case .list(let items): items.joined(separator: "; ")
        default: nil
        }
    }

    func list(_ name: String, _ row: [Cell]) -> [String] {
        switch cell(name, row) {
        case .list(let items): items
        case .text(let s): [s]
        default: []
        }
    }

    func text(_ row: [Cell]) -> [String] {
        shownPositions.map { $0 < row.count ? row[$0].description : "" }
    }

    func statement(_ row: [Cell]) -> Statement {
        var spans: Statement.Spans?
        if case .spans(let named) = cell("spans", row) {
            var s = Statement.Spans()
            for (name, range) in named where range.count == 2 && range[0] <= range[1] {
                let r = range[0]..<range[1]
                switch name {
                case "sentence": s.sentence = r
                case "cue": s.cue = r
                case "actor": s.actor = r
                case "quote": s.quote = r
                default: break
                }
            }
            spans = s
        }
        var basis: Statement.StanceBasis?
        if case .basis(let cell) = cell("why", row) {
            basis = Statement.StanceBasis(
                rule: cell.rule, signal: cell.signal, words: cell.words,
                spans: cell.spans.compactMap(Statement.range))
        }
        return Statement(
            id: string("id", row) ?? "", article: string("doc", row) ?? "", actor: string("actor", row),
            stance: string("stance", row).flatMap(Stance.init(rawValue:)), date: string("date", row),
            quote: string("quote", row) ?? "", about: list("about", row), cue: string("cue", row),
            sentence: string("sentence", row), spans: spans, stanceBasis: basis)
    }

    func article(_ row: [Cell]) -> ArticleMatch {
        ArticleMatch(
            id: string("id", row) ?? "", date: string("date", row), source: string("source", row),
            lang: string("lang", row), title: string("title", row), url: string("url", row))
    }
}

extension Store {
    /// One answer of a saved query file.
    public struct FileAnswer: Sendable {
        /// The query's title (the `#` lines above it), if it has one.
        public var title: String?
        /// The query as run, parameters substituted.
        public var query: String
        /// Its answer.
        public var result: QueryResult
    }

    /// Runs every query of a saved query file, in order, once all of them
    /// have been checked: a file with an error runs nothing.
    ///
    /// - Throws: ``QueryError`` with the errors of every query of the
    ///   file, before any runs; its ``QueryError/query`` is the whole file
    ///   and the diagnostics point at lines and columns of the file.
    public func run(_ file: QueryFile, limit: Int? = nil) throws -> [FileAnswer] {
        var problems: [Diagnostic] = []
        for entry in file.entries {
            let diagnostics = Compilation(entry.text).diagnostics
            if diagnostics.contains(where: { $0.severity == .error }) {
                problems += file.diagnostics(diagnostics.filter { $0.severity == .error }, of: entry)
            }
        }
        guard problems.isEmpty else {
            throw QueryError(query: file.source, diagnostics: problems.map(QueryDiagnostic.init(diagnostic:)))
        }
        var answers: [FileAnswer] = []
        for entry in file.entries {
            do {
                answers.append(FileAnswer(title: entry.title, query: entry.text, result: try query(entry.text, limit: limit)))
            } catch let error as QueryError {
                let moved = file.diagnostics(error.diagnostics.map(\.diagnostic), of: entry)
                throw QueryError(query: file.source, diagnostics: moved.map(QueryDiagnostic.init(diagnostic:)))
            }
        }
        return answers
    }
}

extension Statement {
    init(record: StatementRecord) {
        let spans = record.spans.map { s in
            Statement.Spans(
                sentence: Statement.range(s.sentence), cue: Statement.range(s.cue), actor: s.actor.flatMap(Statement.range),
                quote: s.quote.flatMap(Statement.range))
        }
        let basis = record.stanceBasis.map { basis in
            Statement.StanceBasis(
                rule: basis.rule, signal: basis.signal,
                words: record.stanceWords, spans: basis.ranges)
        }
        self.init(
            id: record.id, article: record.doc, actor: record.actor, stance: Stance(rawValue: record.stance.rawValue),
            date: record.date.isEmpty ? nil : record.date, quote: record.quote, about: record.about, cue: record.cue,
            sentence: record.sentence, spans: spans, stanceBasis: basis)
    }

    static func range(_ pair: [Int]) -> Range<Int>? { pair.count == 2 && pair[0] <= pair[1] ? pair[0]..<pair[1] : nil }
}
