import Foundation
import IsnadIndex
import IsnadStore
import IsnadText
import IsnadVocabulary

/// Runs checked queries against a store, each on one consistent snapshot:
/// an import that commits meanwhile is either wholly seen or not at all.
package struct QueryEngine: Sendable {
    package let store: IndexStore

    package init(store: IndexStore) { self.store = store }

    /// The query's result table.
    /// With `provenance`, statement rows also carry the sentence and the
    /// byte spans of sentence, cue, actor and quote (unless `fields` chose
    /// the columns), so every answer can be checked against its source.
    package func run(_ query: CheckedQuery, provenance: Bool = false) throws -> QueryResult {
        var options = RunOptions()
        options.provenance = provenance
        return try run(query, options: options)
    }

    /// The query's result table, with the choices of an interactive front
    /// end: rows shown, and a way to stop a query the user gave up on.
    package func run(_ query: CheckedQuery, options: RunOptions) throws -> QueryResult {
        try store.snapshot { txn in
            var execution = try Execution(store: store, txn: txn)
            execution.provenance = options.provenance
            execution.shouldStop = options.shouldStop
            execution.typedColumns = options.typedColumns
            execution.onRow = options.onRow
            execution.maximumGroups = options.maximumGroups
            return try execution.run(query, rowLimit: options.rowLimit, txn: txn)
        }
    }

    /// The number of matching statements (or articles, entities) and the
    /// external ids of the first `first` of them: what the benchmark times.
    package func count(_ query: CheckedQuery, first: Int = 10) throws -> (count: Int, ids: [String]) {
        try store.snapshot { txn in
            var execution = try Execution(store: store, txn: txn)
            let (space, matched) = try execution.filter(query, txn: txn)
            let ids = try matched.ids.prefix(first).map { id -> String in
                switch space {
                case .statements: try store.statementKey(id, txn: txn) ?? ""
                case .articles: try store.articleKey(id, txn: txn) ?? ""
                case .entities: try store.entity(id, txn: txn)?.name ?? ""
                }
            }
            return (matched.ids.count, ids)
        }
    }
}

extension QueryEngine {
    /// The most groups an aggregation may build (`count by`, `top`) and
    /// the most periods a timeline may have, unless `RunOptions` says
    /// otherwise: a million rows of counts is more than anyone reads, and
    /// past it the table's memory, not the store, bounds the query.
    package static let maximumGroups = 1_000_000
}

/// How `QueryEngine.run` builds its result.
package struct RunOptions {
    /// Statement rows carry their sentence and spans.
    package var provenance = false
    /// At most this many rows are built; `QueryResult.total` still counts all.
    package var rowLimit: Int?
    /// Polled while the query runs; when it returns true the query throws
    /// `QueryInterrupted` (Ctrl-C in the REPL).
    package var shouldStop: (() -> Bool)?
    /// Rows of statements, articles and entities carry every column their
    /// typed form needs (``Execution/typedFields(_:)``) whatever `fields`
    /// chose; `QueryResult.shown` names the chosen ones. For the public API.
    package var typedColumns = false
    /// When set, each row of statements, articles or entities is handed to
    /// it as it is built instead of being kept in `QueryResult.rows`, so a
    /// caller can stream a result of any size. Aggregate rows are kept.
    package var onRow: ((RowHeader, [Cell]) throws -> Void)?
    /// An aggregation that would build more groups (a timeline more
    /// periods) than this throws `QueryTooLarge` instead.
    package var maximumGroups = QueryEngine.maximumGroups

    package init() {}
}

/// What the rows handed to `RunOptions.onRow` are.
package struct RowHeader: Sendable {
    package var kind: QueryResult.Kind
    package var columns: [String]
    /// See `QueryResult.shown`.
    package var shown: [String]
}

/// Thrown when `RunOptions.shouldStop` asked a running query to stop.
package struct QueryInterrupted: Error {
    package init() {}
}

/// Thrown when a stage would build more rows of counts than
/// `RunOptions.maximumGroups`: what went wrong and what to do, and the
/// stage, so that a front end can point at it
/// (`Compilation.diagnostic(for:)`).
package struct QueryTooLarge: Error, Sendable, CustomStringConvertible {
    /// The stage's index in `CheckedQuery.stages` (and in the syntax's).
    package var stage: Int
    package var message: String
    package var help: String

    package var description: String { "\(message)\nhelp: \(help)" }

    /// Stage `index` of `query` met `RunOptions.maximumGroups`.
    init(_ query: CheckedQuery, stage index: Int, limit: Int) {
        stage = index
        let stage = index < query.stages.count ? query.stages[index] : .count(by: [])
        if case .timeline = stage {
            message = "'\(stage.label)' makes more than \(QueryTooLarge.grouped(limit)) periods"
            help = "use a longer interval ('week', 'month' or 'year') or narrow the dates"
        } else {
            message = "'\(stage.label)' makes more than \(QueryTooLarge.grouped(limit)) groups"
            help = "group by fewer fields, or narrow the query first (a date range, an actor)"
        }
    }

    /// 1000000 → 1,000,000.
    static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }
}

/// What `group` and `timeline` throw past `RunOptions.maximumGroups`;
/// `run` turns it into `QueryTooLarge` naming the stage.
struct TooManyGroups: Error {}

/// Rows between stages: ids of one space, or a finished table.
enum Rows {
    /// What the filter matched, in id order, not yet listed: `count by` and
    /// `timeline` read columns straight from the set's words.
    case matched(Space, IDSet)
    case items(Space, [UInt32])
    case table([String], [[Cell]])

    /// The matched ids as a list (what every stage but the aggregations reads).
    var listed: Rows {
        if case .matched(let space, let set) = self { return .items(space, set.ids) }
        return self
    }

    var count: Int {
        switch self {
        case .matched(_, let set): set.count
        case .items(_, let ids): ids.count
        case .table(_, let table): table.count
        }
    }

    /// The rows' ids as a set, when they are ids: the order of listed items
    /// (which `sort` may have changed) does not matter to a count.
    var set: (Space, IDSet)? {
        switch self {
        case .matched(let space, let set): (space, set)
        case .items(let space, let ids): (space, IDSet(unordered: ids))
        case .table: nil
        }
    }
}

extension Execution {
    /// The space a query returns (`is:`) and its matching ids.
    mutating func filter(_ query: CheckedQuery, txn: borrowing IndexStore.Txn) throws -> (Space, Evaluated) {
        target = query.filter.flatMap(Execution.target) ?? .statement
        let space = Space(target)
        guard let filter = query.filter else {
            let all = try universe(space, txn: txn)
            return (space, Evaluated(ids: all, step: PlanStep("all \(space.rawValue)", actual: all.count)))
        }
        return (space, try evaluate(filter, in: space, txn: txn))
    }

    /// The first `is:` among the top-level terms.
    static func target(_ filter: Filter) -> Target? {
        switch filter {
        case .target(let t): t
        case .and(let operands):
            operands.lazy.compactMap { operand -> Target? in
                if case .target(let t) = operand { return t }
                return nil
            }.first
        default: nil
        }
    }

    mutating func run(_ query: CheckedQuery, rowLimit: Int? = nil, txn: borrowing IndexStore.Txn) throws -> QueryResult {
        let (matchedSpace, matched) = try filter(query, txn: txn)
        var rows = Rows.matched(matchedSpace, matched.ids)
        var fields: [OutputField]?
        var steps = [matched.step]
        // Sorts wait until the order is needed: by a `limit` that cuts, or
        // by the result. A stable sort by a field leaves nothing of what an
        // earlier sort by that field decided, so of the sorts waiting, each
        // field's last one is all that runs: `| sort date` written a
        // thousand times sorts once, and however long the pipeline, at
        // most one sort per field runs between two cuts. Aggregations and
        // `articles` do not depend on the order of their rows, so the sorts
        // before them never run.
        // Statements come newest first unless a `sort` says otherwise: the
        // default is a `sort date desc` waiting before the first stage (it
        // has no step in the plan), folded away by a later `sort date`
        // like any other, and under a later sort by another field it
        // orders that sort's ties.
        var pending: [(key: SortKey, order: SortOrder, step: Int?)] =
            matchedSpace == .statements ? [(.field(.date), .desc, nil)] : []
        for (index, stage) in query.stages.enumerated() {
            do {
                switch stage {
                case .count(let by):
                    pending = []
                    rows = try group(rows, by: by, txn: txn)
                case .top(let n, let field):
                    pending = []
                    rows = try group(rows, by: [field], txn: txn)
                    if case .table(let columns, let table) = rows { rows = .table(columns, Array(table.prefix(n))) }
                case .timeline(let interval):
                    pending = []
                    rows = try timeline(rows, interval, txn: txn)
                case .sort(let key, let order):
                    if let earlier = pending.firstIndex(where: { $0.key == key }) {
                        if let step = pending[earlier].step { steps[step].label += " (folded into a later sort)" }
                        pending.remove(at: earlier)
                    }
                    pending.append((key, order, steps.count))
                case .limit(let n):
                    // A limit that cuts nothing leaves the rows, and the
                    // sorts waiting, as they are.
                    guard rows.count > n else { break }
                    rows = try sort(rows, by: pending, keep: n, txn: txn)
                    pending = []
                    switch rows {
                    case .matched(let space, let set): rows = .items(space, set.prefix(n))
                    case .items(let space, let ids): rows = .items(space, Array(ids.prefix(n)))
                    case .table(let columns, let table): rows = .table(columns, Array(table.prefix(n)))
                    }
                case .fields(let chosen):
                    fields = chosen
                case .articles:
                    pending = []
                    if case .items(let from, let ids) = rows.listed {
                        // The items may come in the order of a `sort`.
                        let articles = try map(IDSet(unordered: ids), from: from, to: .articles, txn: txn)
                        rows = .items(.articles, articles.ids)
                        fields = nil
                    }
                }
            } catch is TooManyGroups {
                throw QueryTooLarge(query, stage: index, limit: maximumGroups)
            }
            steps.append(PlanStep(stage.label, actual: rows.count))
        }
        rows = try sort(rows, by: pending, keep: rowLimit, txn: txn)
        let plan = PlanStep("query", actual: matched.ids.count, children: steps)
        let space: Space
        let shown: [UInt32]
        let total: Int
        switch rows {
        case .table(let columns, let table):
            var result = QueryResult(kind: .aggregate, columns: columns, rows: Array(table.prefix(rowLimit ?? .max)), plan: plan)
            result.total = table.count
            return result
        case .matched(let s, let set):
            // Only the rows shown are listed.
            (space, shown, total) = (s, rowLimit.map { set.prefix($0) } ?? set.ids, set.count)
        case .items(let s, let ids):
            (space, shown, total) = (s, Array(ids.prefix(rowLimit ?? .max)), ids.count)
        }
        let chosen = fields ?? (Execution.defaultFields(space) + (provenance && space == .statements ? [.sentence, .spans, .why] : []))
        let typed = Execution.typedFields(space)
        let columns = typedColumns ? typed + chosen.filter { !typed.contains($0) } : chosen
        let kind: QueryResult.Kind = space == .statements ? .statements : space == .articles ? .articles : .entities
        let header = RowHeader(kind: kind, columns: columns.map(\.rawValue), shown: chosen.map(\.rawValue))
        var table: [[Cell]] = []
        if onRow == nil, space == .statements, !zip(shown, shown.dropFirst()).allSatisfy({ $0 < $1 }) {
            // Rows in another order than the ids' (newest first) are read
            // in id order and put in place: a statement's row is five
            // columns, each cached a block at a time, so reading them out
            // of order looked up every block again for every row.
            let byID = shown.indices.sorted { shown[$0] < shown[$1] }
            table = Array(repeating: [], count: shown.count)
            for (n, position) in byID.enumerated() {
                if n & 255 == 0 { try checkStop() }
                table[position] = try cells(shown[position], in: space, columns, txn: txn)
            }
        } else {
            if onRow == nil { table.reserveCapacity(shown.count) }
            for (n, id) in shown.enumerated() {
                if n & 255 == 0 { try checkStop() }
                let row = try cells(id, in: space, columns, txn: txn)
                if let onRow { try onRow(header, row) } else { table.append(row) }
            }
        }
        var result = QueryResult(kind: kind, columns: columns.map(\.rawValue), rows: table, plan: plan)
        result.shown = chosen.map(\.rawValue)
        result.total = total
        return result
    }

    /// The columns the public API's typed rows are built from.
    static func typedFields(_ space: Space) -> [OutputField] {
        switch space {
        case .statements: [.id, .doc, .date, .actor, .stance, .quote, .about, .cue, .sentence, .spans, .why]
        case .articles: [.id, .date, .source, .lang, .title, .url]
        case .entities: [.id, .kind, .country]
        }
    }

    static func defaultFields(_ space: Space) -> [OutputField] {
        switch space {
        case .statements: [.id, .doc, .date, .actor, .stance, .quote, .about]
        case .articles: [.id, .date, .source, .lang, .title]
        case .entities: [.id, .kind, .country]
        }
    }

    // MARK: - Values

    mutating func entityRecord(_ id: UInt32, txn: borrowing IndexStore.Txn) throws -> EntityRecord? {
        if let cached = entityCache[id] { return cached }
        let record = try store.entity(id, txn: txn)
        entityCache[id] = record
        return record
    }

    mutating func entityName(_ id: UInt32, txn: borrowing IndexStore.Txn) throws -> String? {
        guard id != StatementRow.none else { return nil }
        if let cached = entityCache[id] { return cached?.name }
        return try store.entityName(id, txn: txn)
    }

    /// The canonical name of the entity a name in a record refers to.
    mutating func canonical(_ name: String, txn: borrowing IndexStore.Txn) throws -> String {
        guard let id = try entityID(name, txn: txn) else { return name }
        return try entityName(id, txn: txn) ?? name
    }

    mutating func entityID(_ name: String, txn: borrowing IndexStore.Txn) throws -> UInt32? {
        if let cached = nameCache[name] { return cached }
        let id = try store.entityID(named: name, txn: txn)
        nameCache[name] = id
        return id
    }

    mutating func articleRecord(_ id: UInt32, txn: borrowing IndexStore.Txn) throws -> ArticleRecord? {
        if let cached = articleCache[id] { return cached }
        let record = try store.article(id, txn: txn)
        articleCache[id] = record
        return record
    }

    mutating func articleKey(_ id: UInt32, txn: borrowing IndexStore.Txn) throws -> String? {
        if let cached = articleKeyCache[id] { return cached }
        let key = try store.articleKey(id, txn: txn)
        articleKeyCache[id] = key
        return key
    }

    /// The values a statement has for a field: several for `about` and
    /// `cites`, none when unknown.
    mutating func values(
        _ field: FieldKind, statement id: UInt32, row: StatementRow, record: StatementRecord?,
        txn: borrowing IndexStore.Txn
    ) throws -> [String] {
        switch field {
        case .actor: return try entityName(row.actor, txn: txn).map { [$0] } ?? []
        case .stance: return Stance(ordinal: row.stance).map { [$0.rawValue] } ?? []
        case .date: return row.date.map { [$0.text] } ?? []
        case .doc: return try articleKey(row.article, txn: txn).map { [$0] } ?? []
        case .kind: return try entityRecord(row.actor, txn: txn)?.kind.map { [$0] } ?? []
        case .country:
            guard let country = try entityRecord(row.actor, txn: txn)?.country else { return [] }
            return [try canonical(country, txn: txn)]
        case .about:
            let stored = try record ?? store.statement(id, txn: txn)
            guard let record = stored else { return [] }
            var seen: Set<String> = []
            return try record.about.map { try canonical($0, txn: txn) }.filter { seen.insert($0).inserted }
        case .source, .cites, .lang:
            return try articleValues(field, article: row.article, txn: txn)
        default:
            return []
        }
    }

    mutating func articleValues(_ field: FieldKind, article id: UInt32, txn: borrowing IndexStore.Txn) throws -> [String] {
        switch field {
        case .doc: return try articleKey(id, txn: txn).map { [$0] } ?? []
        default: break
        }
        guard let record = try articleRecord(id, txn: txn) else { return [] }
        switch field {
        case .source: return try record.source.map { [try canonical($0, txn: txn)] } ?? []
        case .lang: return record.lang.map { [$0] } ?? []
        case .date: return record.published.flatMap(RecordDate.init).map { [$0.text] } ?? []
        case .cites:
            var seen: Set<String> = []
            return try (record.cites ?? []).map { try canonical($0, txn: txn) }.filter { seen.insert($0).inserted }
        default: return []
        }
    }

    mutating func entityValues(_ field: FieldKind, entity id: UInt32, txn: borrowing IndexStore.Txn) throws -> [String] {
        guard let record = try entityRecord(id, txn: txn) else { return [] }
        switch field {
        case .kind: return record.kind.map { [$0] } ?? []
        case .country: return try record.country.map { [try canonical($0, txn: txn)] } ?? []
        case .actor: return [record.name]
        default: return []
        }
    }

    /// The values of `field` for each id, in the order of `ids`.
    mutating func values(
        _ field: FieldKind, of ids: [UInt32], in space: Space,
        txn: borrowing IndexStore.Txn
    ) throws -> [[String]] {
        var out: [[String]] = []
        out.reserveCapacity(ids.count)
        switch space {
        case .statements:
            var rows = StatementRows()
            for id in ids {
                if out.count & 4095 == 0 { try checkStop() }
                let row = try rows.row(id, store: store, txn: txn)
                out.append(try values(field, statement: id, row: row, record: nil, txn: txn))
            }
        case .articles:
            for id in ids { out.append(try articleValues(field, article: id, txn: txn)) }
        case .entities:
            for id in ids { out.append(try entityValues(field, entity: id, txn: txn)) }
        }
        return out
    }

    // MARK: - Output

    mutating func cells(
        _ id: UInt32, in space: Space, _ fields: [OutputField],
        txn: borrowing IndexStore.Txn
    ) throws -> [Cell] {
        switch space {
        case .statements:
            let row = try resultRows.row(id, store: store, txn: txn)
            let record = try store.statement(id, txn: txn)
            return try fields.map { field -> Cell in
                switch field {
                case .id: return record.map { .text($0.id) } ?? .null
                case .quote: return record.map { .text($0.quote) } ?? .null
                case .cue: return record?.cue.map { .text($0) } ?? .null
                case .sentence: return record?.sentence.map { .text($0) } ?? .null
                case .spans:
                    guard let spans = record?.spans else { return .null }
                    let named: [(String, [Int]?)] = [
                        ("sentence", spans.sentence), ("cue", spans.cue),
                        ("actor", spans.actor), ("quote", spans.quote),
                    ]
                    return .spans(named.compactMap { name, range in range.map { (name, $0) } })
                case .why:
                    guard let record, let basis = record.stanceBasis else { return .null }
                    return .basis(
                        StanceBasisCell(
                            rule: basis.rule, signal: basis.signal, words: record.stanceWords,
                            spans: basis.ranges.map { [$0.lowerBound, $0.upperBound] }))
                case .title, .url:
                    guard let article = try articleRecord(row.article, txn: txn) else { return .null }
                    return (field == .title ? article.title : article.url).map { .text($0) } ?? .null
                case .about, .cites:
                    return .list(
                        try values(
                            FieldKind(rawValue: field.rawValue) ?? .about, statement: id, row: row,
                            record: record, txn: txn))
                default:
                    guard let kind = FieldKind(rawValue: field.rawValue) else { return .null }
                    return try values(kind, statement: id, row: row, record: record, txn: txn).first.map { .text($0) } ?? .null
                }
            }
        case .articles:
            let record = try articleRecord(id, txn: txn)
            return try fields.map { field -> Cell in
                switch field {
                case .id, .doc: return try articleKey(id, txn: txn).map { .text($0) } ?? .null
                case .title: return record?.title.map { .text($0) } ?? .null
                case .url: return record?.url.map { .text($0) } ?? .null
                case .cites: return .list(try articleValues(.cites, article: id, txn: txn))
                case .date, .source, .lang:
                    let kind = FieldKind(rawValue: field.rawValue) ?? .date
                    return try articleValues(kind, article: id, txn: txn).first.map { .text($0) } ?? .null
                default: return .null
                }
            }
        case .entities:
            return try fields.map { field -> Cell in
                switch field {
                case .id, .actor: return try entityName(id, txn: txn).map { .text($0) } ?? .null
                case .kind, .country:
                    let kind = FieldKind(rawValue: field.rawValue) ?? .kind
                    return try entityValues(kind, entity: id, txn: txn).first.map { .text($0) } ?? .null
                default: return .null
                }
            }
        }
    }

    // MARK: - Stages

    /// `count` and `count by f, g`: one row per value (pair of values),
    /// most frequent first, ties by value.
    mutating func group(_ rows: Rows, by fields: [FieldKind], txn: borrowing IndexStore.Txn) throws -> Rows {
        if case .table = rows { return rows }
        guard !fields.isEmpty else { return .table(["count"], [[.number(rows.count)]]) }
        if fields.count == 1, [.actor, .stance, .date].contains(fields[0]),
            let (space, set) = rows.set, space == .statements
        {
            return try groupByColumn(set, fields[0], txn: txn)
        }
        guard case .items(let space, let ids) = rows.listed else { return rows }
        let valueLists = try fields.map { try values($0, of: ids, in: space, txn: txn) }
        var counts: [[String]: Int] = [:]
        for k in ids.indices {
            if k & 4095 == 0 { try checkStop() }
            // A row makes one group per combination of its values, all
            // different: more than the bound is refused before it is built.
            var combinations = 1
            for list in valueLists {
                combinations = combinations.multipliedReportingOverflow(by: list[k].count).partialValue
                if combinations > maximumGroups { throw TooManyGroups() }
            }
            var keys: [[String]] = [[]]
            for list in valueLists {
                keys = keys.flatMap { prefix in list[k].map { prefix + [$0] } }
            }
            for key in keys { counts[key, default: 0] += 1 }
            if counts.count > maximumGroups { throw TooManyGroups() }
        }
        let sorted = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.lexicographicallyPrecedes(b.key)
        }
        return .table(
            fields.map(\.rawValue) + ["count"],
            sorted.map { key, count in key.map { Cell.text($0) } + [.number(count)] })
    }

    /// A narrow column's values for the ids of `set`, handed to `body` a
    /// block at a time, a stop request seen every 64 blocks.
    func gather(
        _ column: Column, of set: IDSet, missing: UInt32, txn: borrowing IndexStore.Txn,
        _ body: (_ ids: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<UInt32>) throws -> Void
    ) throws {
        var blocks = 0
        try ColumnReader.gather(column, of: set, missing: missing, store: store, txn: txn) { ids, values in
            if blocks & 63 == 0 { try checkStop() }
            blocks += 1
            try body(ids, values)
        }
    }

    /// `count by` a value the statement column holds: counted by the raw
    /// column value, each distinct value named once.
    mutating func groupByColumn(_ ids: IDSet, _ field: FieldKind, txn: borrowing IndexStore.Txn) throws -> Rows {
        var counts: [(key: UInt64, count: Int)] = []
        switch field {
        case .actor, .stance:
            // The narrow columns: 4 or 1 bytes a statement, cache-resident.
            let column = field == .actor ? Column.statementActors : .statementStances
            var values = ValueCounts()
            try ColumnReader.count(
                column, of: ids, missing: field == .actor ? StatementRow.none : 0xFF,
                into: &values, store: store, txn: txn
            ) { try checkStop() }
            counts = values.nonZero.map { (UInt64($0.value), $0.count) }
        default:
            var byDate: [UInt64: Int] = [:]
            var rows = StatementRows()
            var n = 0
            try ids.forEach { id in
                if n & 65535 == 0 { try checkStop() }
                n += 1
                let row = try rows.row(id, store: store, txn: txn)
                guard row.day != .min else { return true }
                byDate[UInt64(UInt32(bitPattern: row.day)) << 8 | UInt64(row.precision), default: 0] += 1
                return true
            }
            counts = byDate.map { ($0.key, $0.value) }
        }
        // Bounded by the entities and days the store holds, but a store may
        // hold more of them than a table should.
        if counts.count > maximumGroups { throw TooManyGroups() }
        if field == .actor, counts.count > 64 {
            // Many groups: ordered by count, then by the name's rank in
            // the snapshot's name order, both packed in one integer.
            let all = try store.entityNames(txn: txn)
            var ordered: [(key: UInt64, id: Int)] = []
            ordered.reserveCapacity(counts.count)
            for (key, count) in counts where key < all.names.count && all.names[Int(key)] != nil {
                let fewer = UInt64(UInt32.max - UInt32(clamping: count))
                ordered.append((fewer << 32 | UInt64(all.ranks[Int(key)]), Int(key)))
            }
            ordered.sort { $0.key < $1.key }
            return .table(
                [field.rawValue, "count"],
                ordered.map { key, id in
                    [.text(all.names[id] ?? ""), .number(Int(UInt32.max - UInt32(key >> 32)))]
                })
        }
        var named: [(String, Int)] = []
        for (key, count) in counts {
            let name: String?
            switch field {
            case .actor: name = try entityName(UInt32(key), txn: txn)
            case .stance: name = Stance(ordinal: UInt8(key)).map(\.rawValue)
            default:
                var row = StatementRow()
                row.day = Int32(bitPattern: UInt32(key >> 8))
                row.precision = UInt8(key & 0xFF)
                name = row.date?.text
            }
            if let name { named.append((name, count)) }
        }
        named.sort { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
        return .table([field.rawValue, "count"], named.map { [.text($0.0), .number($0.1)] })
    }

    /// Counts per period, in order, with empty periods between the first
    /// and the last shown as 0.
    mutating func timeline(_ rows: Rows, _ interval: Interval, txn: borrowing IndexStore.Txn) throws -> Rows {
        guard let (space, set) = rows.set else { return rows }
        // Counted per day first (a statement's row holds its first day), then
        // the few thousand distinct days are put into their periods.
        var perDay = ValueCounts(signed: true)
        switch space {
        case .statements:
            try ColumnReader.count(
                .statementDays, of: set, missing: UInt32(bitPattern: Int32.min),
                into: &perDay, store: store, txn: txn
            ) { try checkStop() }
        case .articles:
            var n = 0
            try set.forEach { id in
                if n & 65535 == 0 { try checkStop() }
                n += 1
                if let day = try articleRecord(id, txn: txn)?.published.flatMap(RecordDate.init)?.first.rawValue {
                    perDay.add(UInt32(bitPattern: day))
                }
                return true
            }
        case .entities: break
        }
        var counts: [Int32: Int] = [:]
        // Days come in order: a period's bounds are worked out once, not per day.
        var current = Int32.max
        var following = Int32.min
        for (value, count) in perDay.nonZero {
            let day = Int32(bitPattern: value)
            if day < current || day >= following {
                let start = Execution.period(of: DayNumber(rawValue: day), interval)
                (current, following) = (start.rawValue, Execution.next(start, interval).rawValue)
            }
            counts[current, default: 0] += count
        }
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return .table(["date", "count"], []) }
        var table: [[Cell]] = []
        var period = DayNumber(rawValue: first)
        while period.rawValue <= last {
            // Days 9,000 years apart make 3 million days.
            if table.count == maximumGroups { throw TooManyGroups() }
            table.append([.text(Execution.label(period, interval)), .number(counts[period.rawValue] ?? 0)])
            period = Execution.next(period, interval)
        }
        return .table(["date", "count"], table)
    }

    /// The first day of the period holding `day`.
    static func period(of day: DayNumber, _ interval: Interval) -> DayNumber {
        let (y, m, _) = day.date
        switch interval {
        case .day: return day
        case .week:
            // 1970-01-01 was a Thursday; ISO weeks start on Monday.
            let weekday = Int((day.rawValue % 7 + 7 + 3) % 7)  // 0 = Monday
            return day.adding(days: Int32(-weekday))
        case .month: return DayNumber(year: y, month: m, day: 1) ?? day
        case .year: return DayNumber(year: y, month: 1, day: 1) ?? day
        }
    }

    static func next(_ period: DayNumber, _ interval: Interval) -> DayNumber {
        let (y, m, _) = period.date
        switch interval {
        case .day: return period.adding(days: 1)
        case .week: return period.adding(days: 7)
        case .month: return DayNumber(year: m == 12 ? y + 1 : y, month: m % 12 + 1, day: 1) ?? period.adding(days: 31)
        case .year: return DayNumber(year: y + 1, month: 1, day: 1) ?? period.adding(days: 366)
        }
    }

    /// `2022-10-05`, `2022-W40` (ISO week), `2022-10`, `2022`.
    static func label(_ period: DayNumber, _ interval: Interval) -> String {
        let (y, m, _) = period.date
        switch interval {
        case .day: return period.description
        case .week:
            // The ISO year and week are those of the week's Thursday.
            let thursday = period.adding(days: 3)
            let year = thursday.date.year
            let start = DayNumber(year: year, month: 1, day: 1) ?? thursday
            let week = Int(thursday.rawValue - start.rawValue) / 7 + 1
            return String(format4: year) + "-W" + String(format2: week)
        case .month: return String(format4: y) + "-" + String(format2: m)
        case .year: return String(format4: y)
        }
    }

    /// The rows sorted by each of `sorts` in turn. With `keep`, only the
    /// first `keep` rows need be in order (a `limit` or the rows shown
    /// follow): a lone sort of statements by date then selects them
    /// instead of sorting every row, and the rest follow in no order.
    mutating func sort(
        _ rows: Rows, by sorts: [(key: SortKey, order: SortOrder, step: Int?)], keep: Int? = nil,
        txn: borrowing IndexStore.Txn
    ) throws -> Rows {
        var rows = rows
        for (k, sort) in sorts.enumerated() {
            rows = try self.sort(rows, sort.key, sort.order, keep: k == sorts.count - 1 ? keep : nil, txn: txn)
        }
        return rows
    }

    /// Orders rows by a field (missing values last) or, for tables, by a
    /// column or the count; ties keep their order.
    mutating func sort(
        _ rows: Rows, _ key: SortKey, _ order: SortOrder, keep: Int? = nil,
        txn: borrowing IndexStore.Txn
    ) throws -> Rows {
        switch rows {
        case .matched(let space, let set):
            if space == .statements, key == .field(.date), !store.layout.wholeRows,
                let sorted = try sortedByDate(set, order, keep: keep, txn: txn)
            {
                return .items(space, sorted)
            }
            return try sort(rows.listed, key, order, keep: keep, txn: txn)
        case .table(let columns, let table):
            let index: Int?
            switch key {
            case .count: index = columns.firstIndex(of: "count")
            case .field(let field): index = columns.firstIndex(of: field.rawValue)
            }
            guard let index else { return rows }
            let sorted = table.enumerated().sorted { a, b in
                let x = a.element[index]
                let y = b.element[index]
                if x == y { return a.offset < b.offset }
                let less: Bool
                switch (x, y) {
                case (.number(let p), .number(let q)): less = p < q
                default: less = x.description < y.description
                }
                return order == .asc ? less : !less
            }.map(\.element)
            return .table(columns, sorted)
        case .items(let space, let ids):
            guard case .field(let field) = key else { return rows }
            if space == .statements, field == .date, let sorted = try sortedByDate(ids, order, keep: keep, txn: txn) {
                return .items(space, sorted)
            }
            let keys = try values(field, inIDOrder: ids, in: space, txn: txn)
            let order = ids.indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case (nil, nil): return a < b
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?):
                    if x == y { return a < b }
                    return order == .asc ? x < y : x > y
                }
            }
            return .items(space, order.map { ids[$0] })
        }
    }
}

extension Execution {
    /// Added to a day number so that every day of the years 1 to 9999
    /// (days -719,162 to 2,932,896 from 1970) is positive and below 2^23.
    static let dayBias: Int64 = 1 << 22
    /// The sort key of a statement with no date: after every dated one,
    /// in either order.
    static let undated: UInt64 = (1 << 25) - 1

    /// `sort date` over statements, from the day and precision columns
    /// rather than the dates' texts: each statement becomes one 64-bit
    /// word, its date's key above its position, and one sort of integers
    /// orders them (ties keep their order, as the position decides). The
    /// key orders as the texts do: by first day, then a year before a
    /// month before a day starting on it (`2022` < `2022-01` <
    /// `2022-01-01`). Nil when a date lies outside the years 1 to 9999:
    /// the general sort then runs. With `keep`, only the first `keep`
    /// come in order (``ordered(_:keep:)``).
    ///
    /// - Complexity: O(n log n) word comparisons (O(n) with a small
    ///   `keep`), two column reads per statement.
    mutating func sortedByDate(
        _ ids: [UInt32], _ order: SortOrder, keep: Int? = nil,
        txn: borrowing IndexStore.Txn
    ) throws -> [UInt32]? {
        guard UInt64(ids.count) <= UInt64(UInt32.max) else { return nil }
        var words: [UInt64] = []
        words.reserveCapacity(ids.count)
        var rows = StatementRows()
        for (position, id) in ids.enumerated() {
            if position & 65535 == 0 { try checkStop() }
            let (day, precision) = try rows.date(id, store: store, txn: txn)
            guard let key = Execution.dateKey(day: day, precision: precision, order) else { return nil }
            words.append(key << 32 | UInt64(position))
        }
        Execution.ordered(&words, keep: keep)
        return words.map { ids[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)] }
    }

    /// As the list form, for the ids of a set (in id order, as matched):
    /// the two columns are gathered a block at a time, as `count by`
    /// reads them, instead of looked up id by id.
    mutating func sortedByDate(
        _ set: IDSet, _ order: SortOrder, keep: Int?,
        txn: borrowing IndexStore.Txn
    ) throws -> [UInt32]? {
        guard UInt64(set.count) <= UInt64(UInt32.max) else { return nil }
        var words: [UInt64] = []
        var ids: [UInt32] = []
        words.reserveCapacity(set.count)
        ids.reserveCapacity(set.count)
        var outside = false
        try gather(.statementDays, of: set, missing: UInt32(bitPattern: Int32.min), txn: txn) { members, days in
            for k in 0..<members.count {
                ids.append(members[k])
                // The precision is filled in below: a day's key with precision 0.
                words.append(UInt64(days[k]))
            }
        }
        var position = 0
        try gather(.statementPrecisions, of: set, missing: 0, txn: txn) { _, precisions in
            for k in 0..<precisions.count where position + k < words.count {
                let day = Int32(bitPattern: UInt32(truncatingIfNeeded: words[position + k]))
                guard let key = Execution.dateKey(day: day, precision: UInt8(truncatingIfNeeded: precisions[k]), order) else {
                    outside = true
                    return
                }
                words[position + k] = key << 32 | UInt64(position + k)
            }
            position += precisions.count
        }
        guard !outside, position == words.count else { return nil }
        Execution.ordered(&words, keep: keep)
        return words.map { ids[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)] }
    }

    /// The 25-bit sort key of a date (see `sortedByDate`), or nil outside
    /// the years 1 to 9999.
    @inline(__always)
    static func dateKey(day: Int32, precision: UInt8, _ order: SortOrder) -> UInt64? {
        guard day != .min else { return undated }
        let biased = Int64(day) + dayBias
        guard biased >= 0, biased < 1 << 23 else { return nil }
        // Precision ordinals: day 0, month 1, year 2.
        let key = UInt64(biased) << 2 | UInt64(2 - min(precision, 2))
        return order == .desc ? (undated - 1) - key : key
    }

    /// Sorts `words`, or with `keep` (well under the count) only moves the
    /// `keep` smallest to the front, in order, by selection: a `limit 50`
    /// over a million statements sorts 50 words, not a million.
    static func ordered(_ words: inout [UInt64], keep: Int?) {
        guard let keep, keep < words.count / 4 else {
            words.sort()
            return
        }
        guard keep > 0 else { return }
        // Quickselect (Hoare's FIND): afterwards the `keep` smallest words
        // are in words[..<keep], in no order.
        var low = 0
        var high = words.count - 1
        while low < high {
            let pivot = median(words[low], words[(low + high) / 2], words[high])
            var i = low
            var j = high
            while i <= j {
                while words[i] < pivot { i += 1 }
                while words[j] > pivot { j -= 1 }
                if i <= j {
                    words.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if keep - 1 <= j { high = j } else if keep - 1 >= i { low = i } else { break }
        }
        words[..<keep].sort()
    }

    private static func median(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        max(min(a, b), min(max(a, b), c))
    }

    /// The first value of `field` for each of `ids`, read in id order
    /// whatever order `ids` come in (rows read in order cost one block
    /// lookup per block, in any other order one per row), then put back
    /// in the order of `ids`.
    mutating func values(
        _ field: FieldKind, inIDOrder ids: [UInt32], in space: Space,
        txn: borrowing IndexStore.Txn
    ) throws -> [String?] {
        if zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) {
            return try values(field, of: ids, in: space, txn: txn).map(\.first)
        }
        let byID = ids.indices.sorted { ids[$0] < ids[$1] }
        let found = try values(field, of: byID.map { ids[$0] }, in: space, txn: txn)
        var keys = [String?](repeating: nil, count: ids.count)
        for (k, position) in byID.enumerated() { keys[position] = found[k].first }
        return keys
    }
}

extension CheckedStage {
    var label: String {
        switch self {
        case .count(let by): by.isEmpty ? "count" : "count by " + by.map(\.rawValue).joined(separator: ", ")
        case .top(let n, let f): "top \(n) \(f.rawValue)"
        case .timeline(let i): "timeline \(i.rawValue)"
        case .sort(let key, let order):
            "sort " + { if case .field(let f) = key { return f.rawValue } else { return "count" } }() + " \(order.rawValue)"
        case .limit(let n): "limit \(n)"
        case .fields(let f): "fields " + f.map(\.rawValue).joined(separator: ", ")
        case .articles: "articles"
        }
    }
}
