import Foundation
import IsnadIndex
import IsnadStore
import IsnadText
import IsnadVocabulary

/// What ids a set holds.
enum Space: String {
    case statements, articles, entities

    init(_ target: Target) {
        switch target {
        case .statement: self = .statements
        case .article: self = .articles
        case .entity: self = .entities
        }
    }
}

/// A filter evaluated to ids, with the plan step that made them.
struct Evaluated {
    var ids: IDSet
    var step: PlanStep
}

/// One query's run over one snapshot: caches of names and rows live here.
struct Execution {
    let store: IndexStore
    let limits: (statements: Int, articles: Int, entities: Int)
    var target: Target = .statement
    var entityCache: [UInt32: EntityRecord?] = [:]
    var articleCache: [UInt32: ArticleRecord?] = [:]
    var articleKeyCache: [UInt32: String] = [:]
    var nameCache: [String: UInt32?] = [:]
    /// The statement columns' blocks last read for a result's rows: the
    /// execution lives inside one read transaction, so the blocks (bytes
    /// of the map) stay valid while it does.
    var resultRows = StatementRows()
    /// Statement rows carry their sentence and spans by default.
    var provenance = false
    /// See `RunOptions.shouldStop`.
    var shouldStop: (() -> Bool)?
    /// See `RunOptions.typedColumns` and `RunOptions.onRow`.
    var typedColumns = false
    var onRow: ((RowHeader, [Cell]) throws -> Void)?
    /// See `RunOptions.maximumGroups`.
    var maximumGroups = QueryEngine.maximumGroups

    init(store: IndexStore, txn: borrowing IndexStore.Txn) throws {
        self.store = store
        limits = try store.idLimits(txn: txn)
    }

    func checkStop() throws {
        if let shouldStop, shouldStop() { throw QueryInterrupted() }
    }

    // MARK: - Universes

    func universe(_ space: Space, txn: borrowing IndexStore.Txn) throws -> IDSet {
        switch space {
        case .statements: IDSet(try store.postings(.liveStatements, txn: txn))
        case .articles: IDSet.all(below: limits.articles)
        case .entities: IDSet.all(below: limits.entities)
        }
    }

    func universeSize(_ space: Space) -> Int {
        switch space {
        case .statements: limits.statements
        case .articles: limits.articles
        case .entities: limits.entities
        }
    }

    // MARK: - Filters

    mutating func evaluate(_ filter: Filter, in space: Space, txn: borrowing IndexStore.Txn) throws -> Evaluated {
        switch filter {
        case .and(let operands):
            return try evaluateAnd(operands, in: space, txn: txn)
        case .or(let operands):
            var ids = IDSet.empty
            var steps: [PlanStep] = []
            for operand in operands {
                let e = try evaluate(operand, in: space, txn: txn)
                ids = ids.union(e.ids)
                steps.append(e.step)
            }
            return Evaluated(ids: ids, step: PlanStep("OR: union", actual: ids.count, children: steps))
        case .not(let operand):
            let e = try evaluate(operand, in: space, txn: txn)
            let ids = try universe(space, txn: txn).subtracting(e.ids)
            return Evaluated(
                ids: ids,
                step: PlanStep(
                    "NOT: all \(space.rawValue) minus", actual: ids.count,
                    children: [e.step]))
        default:
            return try leaf(filter, in: space, txn: txn)
        }
    }

    /// AND: the smallest estimate first; the others narrow it, by galloping
    /// through stored postings, by a column check when the running set is
    /// much smaller than what the operand would produce, or by subtraction
    /// for a negated operand.
    mutating func evaluateAnd(_ operands: [Filter], in space: Space, txn: borrowing IndexStore.Txn) throws -> Evaluated {
        var estimated: [(Filter, Int)] = []
        for operand in operands {
            estimated.append((operand, try estimate(operand, in: space, txn: txn)))
        }
        // Negations go last: they subtract from what the others found.
        estimated.sort { a, b in
            let na = a.0.isNegation
            let nb = b.0.isNegation
            return na != nb ? !na : a.1 < b.1
        }
        var steps: [PlanStep] = []
        var ids: IDSet?
        for (operand, estimate) in estimated {
            guard let current = ids else {
                let e = try evaluate(operand, in: space, txn: txn)
                var step = e.step
                step.estimated = step.estimated ?? estimate
                steps.append(step)
                ids = e.ids
                continue
            }
            if current.isEmpty { break }
            if case .not(let inner) = operand {
                let e = try narrow(current, by: inner, estimate: universeSize(space) - estimate, in: space, txn: txn)
                let remaining = current.subtracting(e.ids)
                steps.append(PlanStep("minus", actual: remaining.count, children: [e.step]))
                ids = remaining
            } else {
                let e = try narrow(current, by: operand, estimate: estimate, in: space, txn: txn)
                steps.append(e.step)
                ids = e.ids
            }
        }
        let result = ids ?? IDSet.empty
        return Evaluated(ids: result, step: PlanStep("AND: smallest first", actual: result.count, children: steps))
    }

    /// `current ∩ filter`, computed the cheapest way.
    mutating func narrow(
        _ current: IDSet, by filter: Filter, estimate: Int, in space: Space,
        txn: borrowing IndexStore.Txn
    ) throws -> Evaluated {
        if space == .statements, current.count * 16 < estimate, let check = try narrowCheck(filter, txn: txn) {
            // One narrow column decides nearly every id; the whole row
            // only the few it cannot (a month or a year near an upper bound).
            var rows = StatementRows()
            var kept: [UInt32] = []
            kept.reserveCapacity(current.count)
            // One loop per kind of test: the value test is a compare or two
            // in a tight loop, not a closure call per id.
            try gather(check.column, of: current, missing: check.missing, txn: txn) { ids, values in
                switch check.test {
                case .equals(let wanted):
                    for i in ids.indices where values[i] == wanted { kept.append(ids[i]) }
                case .oneOf(let wanted):
                    for i in ids.indices where wanted.contains(values[i]) { kept.append(ids[i]) }
                case .days(let lower, let sure, let upper):
                    for i in ids.indices {
                        let first = Int32(bitPattern: values[i])
                        guard first >= lower, first <= upper else { continue }
                        if try first <= sure || check.row(rows.row(ids[i], store: store, txn: txn)) {
                            kept.append(ids[i])
                        }
                    }
                }
            }
            let ids = IDSet(sorted: kept)
            return Evaluated(
                ids: ids,
                step: PlanStep(
                    "check \(describe(filter)) on the \(check.column.label) column",
                    estimated: estimate, actual: ids.count))
        }
        if let single = try singlePostings(filter, in: space, txn: txn) {
            let ids = current.intersection(single)
            return Evaluated(
                ids: ids,
                step: PlanStep(
                    "intersect \(describe(filter)) (galloping in place)",
                    estimated: estimate, actual: ids.count))
        }
        let e = try evaluate(filter, in: space, txn: txn)
        let ids = current.intersection(e.ids)
        var step = e.step
        step.estimated = step.estimated ?? estimate
        return Evaluated(ids: ids, step: PlanStep("intersect", actual: ids.count, children: [step]))
    }

    /// A test of one narrow column's value that decides a filter for
    /// (nearly) every id.
    struct ColumnCheck {
        enum Test {
            /// A stance, or an actor name that one entity answers to.
            case equals(UInt32)
            /// An actor name several entities answer to.
            case oneOf(Set<UInt32>)
            /// A first day (the column's Int32): kept from `lower` to
            /// `sure`; from there to `upper` a month or a year may end past
            /// the range, and the whole row decides; dropped elsewhere,
            /// including the missing value, which is below every day.
            case days(lower: Int32, sure: Int32, upper: Int32)
        }

        let column: Column
        let missing: UInt32
        let test: Test
        /// Decides the ids `test` leaves open.
        var row: (StatementRow) -> Bool = { _ in false }
    }

    /// The narrow column check for `filter` (a stance, an actor, a date
    /// range), or nil when it has none.
    mutating func narrowCheck(_ filter: Filter, txn: borrowing IndexStore.Txn) throws -> ColumnCheck? {
        switch filter {
        case .stance(let stance):
            return ColumnCheck(column: .statementStances, missing: 0xFF, test: .equals(UInt32(stance.ordinal)))
        case .date(let range):
            let missing = Int(Int32.min)
            let lower = range.lower.map { Int($0.rawValue) } ?? missing + 1
            let upper = range.upper.map { Int($0.rawValue) } ?? Int(Int32.max)
            // A year's last day is at most 365 days after its first.
            let sure = range.upper == nil ? upper : upper - 366
            func clamped(_ day: Int) -> Int32 { Int32(clamping: max(day, missing + 1)) }
            return ColumnCheck(
                column: .statementDays, missing: UInt32(bitPattern: Int32.min),
                test: .days(lower: clamped(lower), sure: Int32(clamping: sure), upper: clamped(upper)),
                row: { row in row.date.map(range.contains) ?? false })
        case .entity(.actor, let name):
            let entities = try resolve(name, txn: txn)
            return ColumnCheck(
                column: .statementActors, missing: StatementRow.none,
                test: entities.count == 1 ? .equals(entities[0]) : .oneOf(Set(entities)))
        default:
            return nil
        }
    }

    /// The one stored list a leaf reads, when it reads just one.
    mutating func singlePostings(_ filter: Filter, in space: Space, txn: borrowing IndexStore.Txn) throws -> Postings? {
        switch (filter, space) {
        case (.stance(let stance), .statements):
            return try store.postings(.stance, UInt32(stance.ordinal), txn: txn)
        case (.text(.quote, .term(let term)), .statements):
            return try store.postings(.quote, term: term, txn: txn)
        case (.text(.any, .term(let term)), .statements):
            // Only when no sentence text holds the term.
            let sentence = try store.postings(.sentence, term: term, txn: txn)
            return sentence.count == 0 ? try store.postings(.quote, term: term, txn: txn) : nil
        case (.entity(.actor, let name), .statements):
            let entities = try resolve(name, txn: txn)
            return entities.count == 1 ? try store.postings(.actor, entities[0], txn: txn) : nil
        case (.entity(.about, let name), .statements):
            let entities = try resolve(name, txn: txn)
            return entities.count == 1 ? try store.postings(.about, entities[0], txn: txn) : nil
        case (.lang(let lang), .articles):
            return try store.postings(.lang, lang.rawValue, txn: txn)
        default:
            return nil
        }
    }

    /// Where a leaf's ids come from natively.
    func home(_ filter: Filter, in space: Space) -> Space {
        switch filter {
        case .entity(.actor, _): space == .entities ? .entities : .statements
        case .entity(.country, _), .keyword(.kind, _): .entities
        case .entity(.source, _), .entity(.cites, _), .lang, .keyword(.doc, _), .text(.text, _): .articles
        case .text(.any, _): space == .articles ? .articles : .statements
        case .date: space == .articles ? .articles : .statements
        case .target: space
        default: .statements
        }
    }

    mutating func leaf(_ filter: Filter, in space: Space, txn: borrowing IndexStore.Txn) throws -> Evaluated {
        let origin = home(filter, in: space)
        let ids = try native(filter, in: origin, txn: txn)
        let label = describe(filter)
        guard origin != space else {
            return Evaluated(ids: ids, step: PlanStep(label, actual: ids.count))
        }
        let mapped = try map(ids, from: origin, to: space, txn: txn)
        return Evaluated(
            ids: mapped,
            step: PlanStep(
                "\(space.rawValue) of", actual: mapped.count,
                children: [PlanStep(label, actual: ids.count)]))
    }

    /// A leaf's ids in its own space.
    mutating func native(_ filter: Filter, in space: Space, txn: borrowing IndexStore.Txn) throws -> IDSet {
        switch filter {
        case .entity(.actor, let name) where space == .entities:
            return IDSet(sorted: try resolve(name, txn: txn))
        case .entity(let field, let name):
            let entities = try resolve(name, txn: txn)
            let index: FieldIndex
            switch field {
            case .actor: index = .actor
            case .about: index = .about
            case .country: index = .country
            case .source: index = .source
            default: index = .cites
            }
            return IDSet.union(try entities.map { try store.postings(index, $0, txn: txn) })
        case .keyword(.kind, let kind):
            return IDSet(try store.postings(.kind, kind.lowercased(), txn: txn))
        case .keyword(_, let doc):
            guard let id = try store.articleID(doc, txn: txn) else { return .empty }
            return IDSet(sorted: [id])
        case .stance(let stance):
            return IDSet(try store.postings(.stance, UInt32(stance.ordinal), txn: txn))
        case .lang(let lang):
            return IDSet(try store.postings(.lang, lang.rawValue, txn: txn))
        case .date(let range):
            return space == .articles ? try articleDates(range, txn: txn) : try statementDates(range, txn: txn)
        case .text(let scope, let match):
            if space == .articles { return try articleText(match, txn: txn) }
            let quote = try statementText(.quote, match, txn: txn)
            guard scope == .any else { return quote }
            return quote.union(try statementText(.sentence, match, txn: txn))
        case .target(let target):
            return target == self.target ? try universe(space, txn: txn) : .empty
        case .and, .or, .not:
            return try evaluate(filter, in: space, txn: txn).ids
        }
    }

    // MARK: - Entities

    /// The entities a name refers to: those with the name as an alias
    /// (normalised), else those whose cross-script key meets it; for a
    /// prefix, those with an alias starting so.
    mutating func resolve(_ name: EntityName, txn: borrowing IndexStore.Txn) throws -> [UInt32] {
        if name.isPrefix { return try store.entities(aliasPrefix: name.normalized, txn: txn) }
        let exact = try store.entities(alias: .normalized, name.normalized, txn: txn)
        if !exact.isEmpty { return exact }
        let words = name.key.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        var found = Set(try store.entities(alias: .key, name.key, txn: txn))
        found.formUnion(try store.entities(alias: .keySuffix, name.key, txn: txn))
        for start in 1..<words.count {
            found.formUnion(try store.entities(alias: .key, words[start...].joined(separator: " "), txn: txn))
        }
        return found.sorted()
    }

    // MARK: - Dates

    /// Statements whose whole date lies in the range: the date index by
    /// first day, less month- or year-dated statements that end after it.
    func statementDates(_ range: DayRange, txn: borrowing IndexStore.Txn) throws -> IDSet {
        let lists = try store.dates(from: range.lower, to: range.upper, txn: txn)
        var ids = IDSet.union(lists)
        if let upper = range.upper {
            let imprecise = try store.postings(.impreciseDates, txn: txn)
            if imprecise.count > 0 {
                var rows = StatementRows()
                let late = try ids.intersection(imprecise).filter { id in
                    (try rows.row(id, store: store, txn: txn).date?.last ?? upper) > upper
                }
                ids = ids.subtracting(late)
            }
        }
        return ids
    }

    func articleDates(_ range: DayRange, txn: borrowing IndexStore.Txn) throws -> IDSet {
        var out: [UInt32] = []
        try ColumnReader.scan(.articles, store: store, txn: txn) { first, bytes in
            for k in 0..<(bytes.count / Column.rowSize) {
                let row = ArticleRow(bytes, at: k * Column.rowSize)
                guard row.live, let date = row.date, range.contains(date) else { continue }
                out.append(first + UInt32(k))
            }
        }
        return IDSet(sorted: out)
    }

    // MARK: - Text

    /// Statements whose quote (or sentence) matches.
    mutating func statementText(_ space: TextSpace, _ match: TextMatch, txn: borrowing IndexStore.Txn) throws -> IDSet {
        switch match {
        case .term(let term):
            return IDSet(try store.postings(space, term: term, txn: txn))
        case .phrase(let terms):
            let lists = try terms.map { try store.postings(space, term: $0, txn: txn) }
            guard let smallest = lists.min(by: { $0.count < $1.count }), smallest.count > 0 else { return .empty }
            var candidates = IDSet(smallest)
            for list in lists where candidates.count > 0 { candidates = candidates.intersection(list) }
            // One reader per distinct term (a phrase may repeat a word:
            // "من أن من"), held in an array: no string hashing per statement.
            var distinct: [String] = []
            for term in terms where !distinct.contains(term) { distinct.append(term) }
            let slots = terms.map { term in distinct.firstIndex(of: term) ?? 0 }
            var stored: [PositionList] = []
            for term in distinct {
                guard let positions = try store.positions(space, term: term, txn: txn) else { return .empty }
                stored.append(positions)
            }
            return try Phrase.filter(candidates, positions: stored, slots: slots) { try checkStop() }
        case .prefix(let prefix):
            return IDSet.union(try store.postings(space, formsStartingWith: prefix, txn: txn))
        }
    }

    /// Articles whose title or body matches.
    mutating func articleText(_ match: TextMatch, txn: borrowing IndexStore.Txn) throws -> IDSet {
        switch match {
        case .term(let term):
            return IDSet(try store.postings(.article, term: term, txn: txn))
        case .phrase(let terms):
            var candidates: IDSet?
            for term in terms {
                let list = try store.postings(.article, term: term, txn: txn)
                candidates = candidates.map { $0.intersection(list) } ?? IDSet(list)
            }
            let analyzer = Analyzer()
            return try (candidates ?? .empty).filter { id in
                guard let record = try store.article(id, txn: txn) else { return false }
                return [record.title ?? "", record.text].contains { text in
                    let words = analyzer.tokens(in: text).map(\.term)
                    return words.contains(phrase: terms)
                }
            }
        case .prefix(let prefix):
            return IDSet.union(try store.postings(.article, formsStartingWith: prefix, txn: txn))
        }
    }

    // MARK: - Between spaces

    /// The ids of `to` linked to `ids`: articles of statements, statements
    /// of articles, actors of statements, statements of actors.
    mutating func map(_ ids: IDSet, from: Space, to: Space, txn: borrowing IndexStore.Txn) throws -> IDSet {
        switch (from, to) {
        case (.statements, .articles), (.statements, .entities):
            var rows = StatementRows()
            var out = Set<UInt32>()
            try ids.forEach { id in
                let row = try rows.row(id, store: store, txn: txn)
                if row.live { out.insert(to == .articles ? row.article : row.actor) }
                return true
            }
            return IDSet(unordered: Array(out))
        case (.articles, .statements), (.entities, .statements):
            let field: FieldIndex = from == .articles ? .doc : .actor
            // Few owners: read their lists. Many: one pass over the column.
            if ids.count * 64 < limits.statements / 64 + 64 {
                return IDSet.union(try ids.ids.map { try store.postings(field, $0, txn: txn) })
            }
            return IDSet(
                sorted: try StatementRows.owned(
                    by: ids, through: from == .articles ? .statementArticles : .statementActors,
                    store: store, txn: txn))
        case (.articles, .entities), (.entities, .articles):
            let statements = try map(ids, from: from, to: .statements, txn: txn)
            return try map(statements, from: .statements, to: to, txn: txn)
        default:
            return ids
        }
    }

    // MARK: - Estimates

    /// How many ids a filter will produce, from the stored list sizes.
    mutating func estimate(_ filter: Filter, in space: Space, txn: borrowing IndexStore.Txn) throws -> Int {
        switch filter {
        case .and(let operands):
            return try operands.map { try estimate($0, in: space, txn: txn) }.min() ?? 0
        case .or(let operands):
            return min(universeSize(space), try operands.reduce(0) { $0 + (try estimate($1, in: space, txn: txn)) })
        case .not(let operand):
            return max(0, universeSize(space) - (try estimate(operand, in: space, txn: txn)))
        default:
            break
        }
        guard home(filter, in: space) == space else { return universeSize(space) / 2 }
        switch filter {
        case .entity(.actor, let name) where space == .statements:
            return try resolve(name, txn: txn).reduce(0) { $0 + (try store.postings(.actor, $1, txn: txn).count) }
        case .entity(.about, let name):
            return try resolve(name, txn: txn).reduce(0) { $0 + (try store.postings(.about, $1, txn: txn).count) }
        case .stance(let stance):
            return try store.postings(.stance, UInt32(stance.ordinal), txn: txn).count
        case .date(let range) where space == .statements:
            return try store.dateCount(from: range.lower, to: range.upper, txn: txn)
        case .text(_, .term(let term)) where space == .statements:
            return try store.postings(.quote, term: term, txn: txn).count
                + store.postings(.sentence, term: term, txn: txn).count
        case .text(_, .phrase(let terms)) where space == .statements:
            return try terms.map { try store.postings(.quote, term: $0, txn: txn).count }.min() ?? 0
        case .text(_, .term(let term)) where space == .articles:
            return try store.postings(.article, term: term, txn: txn).count
        default:
            return universeSize(space) / 4
        }
    }

    func describe(_ filter: Filter) -> String {
        switch filter {
        case .entity(let field, let name): "\(field.rawValue):\(name.written)\(name.isPrefix ? "*" : "")"
        case .stance(let s): "stance:\(s.rawValue)"
        case .date(let range): "date \(range)"
        case .text(let scope, let match):
            (scope == .any ? "" : "\(scope.rawValue):")
                + {
                    switch match {
                    case .term(let t): t
                    case .phrase(let ts): "\"" + ts.joined(separator: " ") + "\""
                    case .prefix(let p): p + "*"
                    }
                }()
        case .keyword(let field, let value): "\(field.rawValue):\(value)"
        case .lang(let lang): "lang:\(lang.rawValue)"
        case .target(let t): "is:\(t.rawValue)"
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        }
    }
}

extension Filter {
    var isNegation: Bool {
        if case .not = self { return true }
        return false
    }
}
