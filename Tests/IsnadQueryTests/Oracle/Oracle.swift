import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import IsnadText
import IsnadVocabulary

/// The answers the engine must give, computed the plain way: every record
/// held in memory, every filter a predicate tried on every record, every
/// aggregation a dictionary. It shares only the front half (lexer, parser,
/// checker) and the analyzer with the engine, never the index.
struct Oracle {
    struct Entity {
        var name: String
        var kind: String?
        var country: Int?
        var normalized: Set<String> = []
        var keys: [NameKey] = []
    }

    // Classes: filters copy them around by the thousand.
    final class Article {
        init(key: String) { self.key = key }
        var key: String
        var record: ArticleRecord?
        var source: Int?
        var cites: [Int] = []
        var published: RecordDate?
        var title: [IsnadText.Token] = []
        var text: [IsnadText.Token] = []
        var terms: Set<String> = []
        var forms: Set<String> = []
    }

    final class Statement {
        init(
            record: StatementRecord, actor: Int, article: Int, about: [Int], date: RecordDate, quote: [IsnadText.Token],
            sentence: [IsnadText.Token], quoteTerms: Set<String>, sentenceTerms: Set<String>
        ) {
            self.record = record
            self.actor = actor
            self.article = article
            self.about = about
            self.date = date
            self.quote = quote
            self.sentence = sentence
            self.quoteTerms = quoteTerms
            self.sentenceTerms = sentenceTerms
        }
        var record: StatementRecord
        var actor: Int
        var article: Int
        var about: [Int]
        var date: RecordDate
        var quote: [IsnadText.Token]
        var sentence: [IsnadText.Token]
        var quoteTerms: Set<String>
        var sentenceTerms: Set<String>
    }

    var entities: [Entity] = []
    var entityByName: [String: Int] = [:]
    var articles: [Article] = []
    var articleByKey: [String: Int] = [:]
    var statements: [Statement] = []
    var statementByID: [String: Int] = [:]
    let analyzer = Analyzer()
    let names = Analyzer(stemming: false)

    init(
        entities entityRecords: [EntityRecord], articles articleRecords: [ArticleRecord],
        statementImports: [[StatementRecord]]
    ) {
        for record in entityRecords {
            let id = entityByName[record.name] ?? newEntity(record.name)
            setRecord(record, of: id)
        }
        for record in articleRecords {
            let id = articleID(record.key)
            let article = articles[id]
            article.record = record
            if let source = record.source { article.source = entity(named: source) }
            var cites: [Int] = []
            var seen: Set<String> = []
            for name in (record.cites ?? []) where seen.insert(name).inserted { cites.append(entity(named: name)) }
            article.cites = cites
            article.published = record.published.flatMap(RecordDate.init)
            article.title = analyzer.tokens(in: record.title ?? "")
            article.text = analyzer.tokens(in: record.text)
            article.terms = Set((article.title + article.text).map(\.term))
            article.forms = Set((article.title + article.text).map(\.form))
            articles[id] = article
        }
        for batch in statementImports {
            for record in batch {
                let actor = entity(named: record.actor)
                let article = articleID(record.doc)
                var about: [Int] = []
                for name in record.about {
                    let e = entity(named: name)
                    if !about.contains(e) { about.append(e) }
                }
                let quote = analyzer.tokens(in: record.quote)
                let sentence = analyzer.tokens(in: record.sentence ?? "")
                let statement = Statement(
                    record: record, actor: actor, article: article, about: about,
                    date: RecordDate(record.date)!, quote: quote, sentence: sentence,
                    quoteTerms: Set(quote.map(\.term)), sentenceTerms: Set(sentence.map(\.term)))
                if let i = statementByID[record.id] {
                    statements[i] = statement
                } else {
                    statementByID[record.id] = statements.count
                    statements.append(statement)
                }
            }
        }
    }

    func normalize(_ name: String) -> String {
        names.tokens(in: name).map(\.form).joined(separator: " ")
    }

    mutating func newEntity(_ name: String) -> Int {
        entities.append(Entity(name: name))
        entityByName[name] = entities.count - 1
        setRecord(EntityRecord(name: name, kind: nil), of: entities.count - 1)
        return entities.count - 1
    }

    mutating func setRecord(_ record: EntityRecord, of id: Int) {
        entities[id].kind = record.kind
        entities[id].normalized = Set(record.allNames.map(normalize).filter { !$0.isEmpty })
        entities[id].keys = record.allNames.map(NameKey.init).filter { !$0.words.isEmpty }
        entities[id].country = record.country.map { entity(named: $0) }
    }

    /// What import does with a name in a record: that entity, else the
    /// first with it as an alias, else a new one.
    mutating func entity(named name: String) -> Int {
        if let id = entityByName[name] { return id }
        let normalized = normalize(name)
        if !normalized.isEmpty, let id = entities.indices.first(where: { entities[$0].normalized.contains(normalized) }) {
            return id
        }
        return newEntity(name)
    }

    mutating func articleID(_ key: String) -> Int {
        if let id = articleByKey[key] { return id }
        articles.append(Article(key: key))
        articleByKey[key] = articles.count - 1
        return articles.count - 1
    }

    // MARK: - Filters

    enum Space { case statements, articles, entities }
    enum Home { case statement, article, entity }

    func resolve(_ name: EntityName) -> Set<Int> {
        if name.isPrefix {
            return Set(
                entities.indices.filter { e in
                    entities[e].normalized.contains { $0.utf8.starts(with: name.normalized.utf8) }
                })
        }
        let exact = Set(entities.indices.filter { entities[$0].normalized.contains(name.normalized) })
        if !exact.isEmpty { return exact }
        let key = NameKey(name.written)
        return Set(entities.indices.filter { e in entities[e].keys.contains { $0.meets(key) } })
    }

    func home(_ filter: Filter, _ space: Space) -> Home {
        switch filter {
        case .entity(.actor, _): return space == .entities ? .entity : .statement
        case .entity(.country, _), .keyword(.kind, _): return .entity
        case .entity(.source, _), .entity(.cites, _), .lang, .keyword(.doc, _), .text(.text, _): return .article
        case .text(.any, _), .date: return space == .articles ? .article : .statement
        default: return .statement
        }
    }

    /// Leaves repeat across queries; their answers do not change.
    final class Memo { var leaves: [String: Set<Int>] = [:] }
    let memo = Memo()

    func evaluate(_ filter: Filter, _ space: Space, target: Target) -> Set<Int> {
        switch filter {
        case .and, .or, .not, .target: return compute(filter, space, target: target)
        default:
            let key = "\(space)|\(filter)"
            if let known = memo.leaves[key] { return known }
            let value = compute(filter, space, target: target)
            memo.leaves[key] = value
            return value
        }
    }

    func compute(_ filter: Filter, _ space: Space, target: Target) -> Set<Int> {
        let all: Set<Int> =
            switch space {
            case .statements: Set(statements.indices)
            case .articles: Set(articles.indices)
            case .entities: Set(entities.indices)
            }
        switch filter {
        case .and(let fs): return fs.reduce(all) { $0.intersection(evaluate($1, space, target: target)) }
        case .or(let fs): return fs.reduce(Set()) { $0.union(evaluate($1, space, target: target)) }
        case .not(let f): return all.subtracting(evaluate(f, space, target: target))
        case .target(let t): return t == target ? all : []
        default: break
        }
        let resolved: Set<Int>? = { if case .entity(_, let name) = filter { return resolve(name) } else { return nil } }()
        let statementMatches = { (s: Statement) in statementHolds(filter, s, resolved) }
        let articleMatches = { (a: Int) in articleHolds(filter, articles[a], resolved) }
        let entityMatches = { (e: Int) in entityHolds(filter, e, resolved) }
        switch (home(filter, space), space) {
        case (.statement, .statements): return Set(statements.indices.filter { statementMatches(statements[$0]) })
        case (.article, .statements): return Set(statements.indices.filter { articleMatches(statements[$0].article) })
        case (.entity, .statements): return Set(statements.indices.filter { entityMatches(statements[$0].actor) })
        case (.statement, .articles): return Set(statements.filter(statementMatches).map(\.article))
        case (.article, .articles): return Set(articles.indices.filter(articleMatches))
        case (.entity, .articles): return Set(statements.filter { entityMatches($0.actor) }.map(\.article))
        case (.statement, .entities): return Set(statements.filter(statementMatches).map(\.actor))
        case (.article, .entities): return Set(statements.filter { articleMatches($0.article) }.map(\.actor))
        case (.entity, .entities): return Set(entities.indices.filter(entityMatches))
        }
    }

    func statementHolds(_ filter: Filter, _ s: Statement, _ resolved: Set<Int>?) -> Bool {
        switch filter {
        case .entity(.actor, _): return resolved!.contains(s.actor)
        case .entity(.about, _): return s.about.contains { resolved!.contains($0) }
        case .stance(let stance): return s.record.stance == stance
        case .date(let range): return Oracle.within(s.date, range)
        case .text(let scope, .term(let t)):
            return s.quoteTerms.contains(t) || (scope == .any && s.sentenceTerms.contains(t))
        case .text(let scope, .phrase(let ts)):
            return (ts.allSatisfy(s.quoteTerms.contains) && Oracle.matches(.phrase(ts), s.quote))
                || (scope == .any && ts.allSatisfy(s.sentenceTerms.contains) && Oracle.matches(.phrase(ts), s.sentence))
        case .text(let scope, let match):
            return Oracle.matches(match, s.quote) || (scope == .any && Oracle.matches(match, s.sentence))
        default: return false
        }
    }

    func articleHolds(_ filter: Filter, _ a: Article, _ resolved: Set<Int>?) -> Bool {
        switch filter {
        case .entity(.source, _): return a.source.map { resolved!.contains($0) } ?? false
        case .entity(.cites, _): return a.cites.contains { resolved!.contains($0) }
        case .lang(let lang): return a.record?.lang == lang.rawValue
        case .keyword(.doc, let key): return a.key == key
        case .text(_, .term(let t)): return a.terms.contains(t)
        case .text(_, .phrase(let ts)) where !ts.allSatisfy(a.terms.contains): return false
        case .text(_, .prefix(let p)): return a.forms.contains { $0.utf8.starts(with: p.utf8) }
        case .text(_, let match): return Oracle.matches(match, a.title) || Oracle.matches(match, a.text)
        case .date(let range): return a.record != nil && a.published.map { Oracle.within($0, range) } ?? false
        default: return false
        }
    }

    func entityHolds(_ filter: Filter, _ e: Int, _ resolved: Set<Int>?) -> Bool {
        switch filter {
        case .entity(.actor, _): return resolved!.contains(e)
        case .entity(.country, _): return entities[e].country.map { resolved!.contains($0) } ?? false
        case .keyword(.kind, let kind): return entities[e].kind?.lowercased() == kind.lowercased()
        default: return false
        }
    }

    static func within(_ date: RecordDate, _ range: DayRange) -> Bool {
        if let lower = range.lower, date.first < lower { return false }
        if let upper = range.upper, date.last > upper { return false }
        return true
    }

    static func matches(_ match: TextMatch, _ tokens: [IsnadText.Token]) -> Bool {
        switch match {
        case .term(let t): return tokens.contains { $0.term == t }
        case .prefix(let p): return tokens.contains { $0.form.utf8.starts(with: p.utf8) }
        case .phrase(let ts):
            guard tokens.count >= ts.count else { return false }
            return (0...(tokens.count - ts.count)).contains { start in
                ts.indices.allSatisfy { tokens[start + $0].term == ts[$0] }
            }
        }
    }

    // MARK: - Results

    enum Rows {
        case items(Space, [Int])
        case table([String], [[Cell]])
    }

    func run(_ query: CheckedQuery) -> QueryResult {
        var target = Target.statement
        if let filter = query.filter {
            if case .target(let t) = filter { target = t }
            if case .and(let fs) = filter {
                for f in fs {
                    if case .target(let t) = f {
                        target = t
                        break
                    }
                }
            }
        }
        let space: Space = target == .statement ? .statements : target == .article ? .articles : .entities
        let all = space == .statements ? statements.count : space == .articles ? articles.count : entities.count
        let ids = query.filter.map { evaluate($0, space, target: target).sorted() } ?? Array(0..<all)
        // Statements come newest first unless a `sort` says otherwise.
        var rows = space == .statements ? sort(.items(space, ids), .field(.date), .desc) : Rows.items(space, ids)
        var fields: [OutputField]?
        for stage in query.stages {
            switch stage {
            case .count(let by): rows = group(rows, by)
            case .top(let n, let f):
                if case .table(let c, let t) = group(rows, [f]) { rows = .table(c, Array(t.prefix(n))) }
            case .timeline(let interval): rows = timeline(rows, interval)
            case .sort(let key, let order): rows = sort(rows, key, order)
            case .limit(let n):
                switch rows {
                case .items(let s, let ids): rows = .items(s, Array(ids.prefix(n)))
                case .table(let c, let t): rows = .table(c, Array(t.prefix(n)))
                }
            case .fields(let f): fields = f
            case .articles:
                if case .items(let s, let ids) = rows {
                    let set: Set<Int> =
                        switch s {
                        case .statements: Set(ids.map { statements[$0].article })
                        case .articles: Set(ids)
                        case .entities: Set(statements.filter { ids.contains($0.actor) }.map(\.article))
                        }
                    rows = .items(.articles, set.sorted())
                    fields = nil
                }
            }
        }
        switch rows {
        case .table(let columns, let table):
            return QueryResult(kind: .aggregate, columns: columns, rows: table)
        case .items(let s, let ids):
            let columns: [OutputField] =
                fields
                ?? (s == .statements
                    ? [.id, .doc, .date, .actor, .stance, .quote, .about]
                    : s == .articles ? [.id, .date, .source, .lang, .title] : [.id, .kind, .country])
            let kind: QueryResult.Kind = s == .statements ? .statements : s == .articles ? .articles : .entities
            return QueryResult(
                kind: kind, columns: columns.map(\.rawValue),
                rows: ids.map { id in columns.map { cell($0, id, s) } })
        }
    }

    func name(_ e: Int?) -> String? { e.map { entities[$0].name } }

    func values(_ field: FieldKind, _ id: Int, _ space: Space) -> [String] {
        switch space {
        case .statements:
            let s = statements[id]
            switch field {
            case .actor: return [entities[s.actor].name]
            case .stance: return [s.record.stance.rawValue]
            case .date: return [s.date.text]
            case .doc: return [articles[s.article].key]
            case .kind: return entities[s.actor].kind.map { [$0] } ?? []
            case .country: return name(entities[s.actor].country).map { [$0] } ?? []
            case .about: return s.about.map { entities[$0].name }
            case .source, .cites, .lang: return values(field, s.article, .articles)
            default: return []
            }
        case .articles:
            let a = articles[id]
            switch field {
            case .doc: return [a.key]
            case .source: return a.record == nil ? [] : name(a.source).map { [$0] } ?? []
            case .lang: return a.record?.lang.map { [$0] } ?? []
            case .date: return a.record == nil ? [] : a.published.map { [$0.text] } ?? []
            case .cites:
                var seen: Set<String> = []
                return a.cites.map { entities[$0].name }.filter { seen.insert($0).inserted }
            default: return []
            }
        case .entities:
            switch field {
            case .kind: return entities[id].kind.map { [$0] } ?? []
            case .country: return name(entities[id].country).map { [$0] } ?? []
            case .actor: return [entities[id].name]
            default: return []
            }
        }
    }

    func cell(_ field: OutputField, _ id: Int, _ space: Space) -> Cell {
        switch space {
        case .statements:
            let s = statements[id]
            switch field {
            case .id: return .text(s.record.id)
            case .quote: return .text(s.record.quote)
            case .cue: return s.record.cue.map { .text($0) } ?? .null
            case .title: return articles[s.article].record?.title.map { .text($0) } ?? .null
            case .url: return articles[s.article].record?.url.map { .text($0) } ?? .null
            case .about, .cites: return .list(values(FieldKind(rawValue: field.rawValue)!, id, space))
            default: return values(FieldKind(rawValue: field.rawValue)!, id, space).first.map { .text($0) } ?? .null
            }
        case .articles:
            let a = articles[id]
            switch field {
            case .id, .doc: return .text(a.key)
            case .title: return a.record?.title.map { .text($0) } ?? .null
            case .url: return a.record?.url.map { .text($0) } ?? .null
            case .cites: return .list(values(.cites, id, space))
            case .date, .source, .lang:
                return values(FieldKind(rawValue: field.rawValue)!, id, space).first.map { .text($0) } ?? .null
            default: return .null
            }
        case .entities:
            switch field {
            case .id, .actor: return .text(entities[id].name)
            case .kind, .country:
                return values(FieldKind(rawValue: field.rawValue)!, id, space).first.map { .text($0) } ?? .null
            default: return .null
            }
        }
    }

    func group(_ rows: Rows, _ by: [FieldKind]) -> Rows {
        guard case .items(let space, let ids) = rows else { return rows }
        if by.isEmpty { return .table(["count"], [[.number(ids.count)]]) }
        var counts: [[String]: Int] = [:]
        for id in ids {
            var combos: [[String]] = [[]]
            for field in by {
                var seen: Set<String> = []
                let vs = values(field, id, space).filter { seen.insert($0).inserted }
                combos = combos.flatMap { c in vs.map { c + [$0] } }
            }
            for c in combos { counts[c, default: 0] += 1 }
        }
        let table = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.lexicographicallyPrecedes(b.key)
        }.map { $0.key.map { Cell.text($0) } + [.number($0.value)] }
        return .table(by.map(\.rawValue) + ["count"], table)
    }

    func timeline(_ rows: Rows, _ interval: Interval) -> Rows {
        guard case .items(let space, let ids) = rows else { return rows }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ d: DayNumber) -> Date { Date(timeIntervalSince1970: Double(d.rawValue) * 86400) }
        var starts: [Date] = []
        var periods: [Int32: Date] = [:]
        for id in ids {
            let first: DayNumber?
            switch space {
            case .statements: first = statements[id].date.first
            case .articles: first = articles[id].record == nil ? nil : articles[id].published?.first
            case .entities: first = nil
            }
            guard let first else { continue }
            let component: Calendar.Component =
                switch interval {
                case .day: .day
                case .week: .weekOfYear
                case .month: .month
                case .year: .year
                }
            if periods[first.rawValue] == nil {
                periods[first.rawValue] = calendar.dateInterval(of: component, for: date(first))!.start
            }
            starts.append(periods[first.rawValue]!)
        }
        guard let low = starts.min(), let high = starts.max() else { return .table(["date", "count"], []) }
        var counts: [Date: Int] = [:]
        for s in starts { counts[s, default: 0] += 1 }
        var table: [[Cell]] = []
        var period = low
        while period <= high {
            let c = calendar.dateComponents([.year, .month, .day, .yearForWeekOfYear, .weekOfYear], from: period)
            let label: String =
                switch interval {
                case .day: String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
                case .week: String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
                case .month: String(format: "%04d-%02d", c.year!, c.month!)
                case .year: String(format: "%04d", c.year!)
                }
            table.append([.text(label), .number(counts[period] ?? 0)])
            let step: DateComponents =
                switch interval {
                case .day: DateComponents(day: 1)
                case .week: DateComponents(day: 7)
                case .month: DateComponents(month: 1)
                case .year: DateComponents(year: 1)
                }
            period = calendar.date(byAdding: step, to: period)!
        }
        return .table(["date", "count"], table)
    }

    func sort(_ rows: Rows, _ key: SortKey, _ order: IsnadQuery.SortOrder) -> Rows {
        switch rows {
        case .table(let columns, let table):
            let column: String
            switch key {
            case .count: column = "count"
            case .field(let f): column = f.rawValue
            }
            guard let index = columns.firstIndex(of: column) else { return rows }
            let sorted = table.enumerated().sorted { a, b in
                let x = a.element[index]
                let y = b.element[index]
                if x == y { return a.offset < b.offset }
                let less: Bool
                if case .number(let p) = x, case .number(let q) = y { less = p < q } else { less = x.description < y.description }
                return order == .asc ? less : !less
            }.map(\.element)
            return .table(columns, sorted)
        case .items(let space, let ids):
            guard case .field(let field) = key else { return rows }
            let keys = ids.map { values(field, $0, space).first }
            let order = ids.indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case (nil, nil): return a < b
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?): return x == y ? a < b : (order == .asc ? x < y : x > y)
                }
            }
            return .items(space, order.map { ids[$0] })
        }
    }
}
