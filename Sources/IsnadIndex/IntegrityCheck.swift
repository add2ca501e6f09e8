import Foundation
import IsnadStore
import IsnadText
import IsnadVocabulary

/// What ``IndexStore/check(limit:progress:)`` found.
package struct IntegrityReport: Sendable {
    /// One thing wrong, and where.
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The database it was found in.
        package var database: String
        /// The key or record id, in words (`record 12`, `list a:7`).
        package var place: String
        package var what: String

        package var description: String { "'\(database)' \(place): \(what)" }
    }

    /// The first problems found, at most the limit asked for.
    package var problems: [Problem] = []
    /// How many problems there are in all.
    package var problemCount = 0
    /// Records that fail their checksum or do not decode, and statements
    /// whose names by number name nothing: `isnad export` cannot write
    /// them (`--skip-damaged` leaves them out and writes the rest).
    package var damagedRecords = 0
    /// Databases a scan could not finish (LMDB's own pages damaged).
    package var unreadable: [String] = []
    /// Records read, by database.
    package var entities = 0
    package var articles = 0
    package var statements = 0
    /// Lists (postings and positions chunks) read.
    package var lists = 0

    package var isHealthy: Bool { problemCount == 0 }
    /// Whether `isnad export` writes every record as it is.
    package var exportable: Bool { damagedRecords == 0 && !unreadable.contains(where: Self.recordDatabases.contains) }

    static let recordDatabases: Set<String> = [Schema.entities, Schema.articles, Schema.statements, Schema.articleNames]
}

extension IndexStore {
    /// Walks every database of one snapshot and checks what it holds, as
    /// SQLite's `PRAGMA integrity_check` does: every record's checksum and
    /// decoding; the key tables against the records (`entity_keys`,
    /// `article_keys`, `article_names`, `statement_keys`); the names a
    /// statement holds by number; every postings and positions list
    /// (decodes, ids ascending, chunks in order, each id a stored record
    /// of its kind); the lists that follow from a statement's record
    /// (its article's, its stance's, its actor's, its day's, all
    /// statements', and all articles') against the records, both ways;
    /// the id counters against the ids. `limit` caps the problems kept
    /// (all are counted); `progress` hears entries done of entries in all.
    package func check(limit: Int = 100, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> IntegrityReport {
        try snapshot { txn in
            var checker = IntegrityChecker(store: self, limit: limit, progress: progress)
            try checker.run(txn: txn)
            return checker.report
        }
    }
}

/// The walk of ``IndexStore/check(limit:progress:)``.
struct IntegrityChecker {
    let store: IndexStore
    let limit: Int
    let progress: ((Int, Int) -> Void)?
    var report = IntegrityReport()
    var done = 0
    var total = 0

    // What the records say, by id.
    var nextEntity = 0
    var nextArticle = 0
    var nextStatement = 0
    /// The counters as `meta` holds them.
    var counters = (statements: 0, articles: 0, entities: 0)
    var entityNames: [String?] = []
    var articleNames: [String?] = []
    var storedArticles: [Bool] = []
    var statementKeys: [String?] = []
    /// Per statement: the list keys its record puts it in, by the field's
    /// byte (`~` article, `a` actor when held by number, `s` stance; `D`
    /// for its day in `dates`) as the key's 4-byte value; `UInt32.max`
    /// when none. `*` and `i` are membership only.
    var expected: [UInt8: [UInt32]] = [:]
    var seen: [UInt8: [Bool]] = [:]
    var imprecise: [Bool] = []
    /// Per statement, its date's first day (`Int32.min`: none) and
    /// precision, as its column row should hold them.
    var days: [Int32] = []
    var precisions: [UInt8] = []
    var live: [Bool] = []
    /// Statements found in the lists of all statements and of month- and
    /// year-dated ones.
    var inAll: [Bool] = []
    var inImprecise: [Bool] = []
    var liveArticlesSeen: [Bool] = []
    /// Records found but damaged (reported once, as records): the lists
    /// that hold them are not reported again.
    var damaged: [Space: Set<UInt32>] = [:]
    /// Records past their id counter (reported once, as records).
    var beyond: [Space: Set<UInt32>] = [:]

    /// What the records' texts put in the text lists, analysed as a write
    /// analyses them, less what the lists hold: per list key (`terms` and
    /// `positions`), a ``Digest`` of the ids (and their positions) that
    /// comes to zero when the two agree. One table, not two, for memory.
    /// Nil when the store's texts were indexed with another analyzer (a
    /// store before format 7 read as it is).
    var expectedText: [[UInt8]: Digest]? = [:]
    var expectedPositions: [[UInt8]: Digest] = [:]
    /// Texts read and not yet analysed: articles (title, text) and
    /// statements (quote, sentence), by id.
    var pendingArticles: [(UInt32, String, String)] = []
    var pendingStatements: [(UInt32, String, String)] = []
    let analyzer = Analyzer()

    /// A set of ids (and their positions) in a few words: equal sets give
    /// equal digests whatever the order they are added in.
    struct Digest: Equatable {
        var count = 0
        var sum: UInt64 = 0

        static func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Adds an id (`sign` 1) or takes it away (-1).
        mutating func add(_ id: UInt32, _ sign: Int = 1) {
            count += sign
            sum = sum &+ Self.mix(UInt64(id)) &* UInt64(bitPattern: Int64(sign))
        }

        mutating func add(_ id: UInt32, positions: some Sequence<UInt32>, _ sign: Int = 1) {
            var h = Self.mix(UInt64(id))
            for p in positions { h = Self.mix(h ^ UInt64(p)) }
            count += sign
            sum = sum &+ h &* UInt64(bitPattern: Int64(sign))
        }
    }

    static let none = UInt32.max
    static let dayField: UInt8 = 0x44  // D
    static let keyedFields: [UInt8] = [FieldIndex.doc.rawValue, FieldIndex.actor.rawValue, FieldIndex.stance.rawValue, dayField]

    init(store: IndexStore, limit: Int, progress: ((Int, Int) -> Void)?) {
        self.store = store
        self.limit = limit
        self.progress = progress
    }

    mutating func problem(_ database: String, _ place: String, _ what: String) {
        report.problemCount += 1
        if report.problems.count < limit { report.problems.append(.init(database: database, place: place, what: what)) }
    }

    mutating func step() {
        done += 1
        if done & 4095 == 0 { progress?(done, total) }
    }

    /// Scans `db`, reporting a scan that LMDB cannot finish.
    mutating func scan(
        _ db: Database, txn: borrowing ReadTransaction,
        _ body: (inout IntegrityChecker, Entry) throws -> Void
    ) throws {
        do {
            try txn.scan(db) { entry in
                step()
                try body(&self, entry)
                return .next
            }
        } catch let error as StoreError where error.code != .readersFull {
            report.unreadable.append(db.name)
            problem(db.name, "", "cannot be read to its end: \(error.message)")
        }
    }

    mutating func run(txn: borrowing ReadTransaction) throws {
        let s = store
        for db in [
            s.entities, s.entityKeys, s.articleNames, s.articleKeys, s.articles, s.statements, s.statementKeys,
            s.aliases, s.fields, s.dates, s.terms, s.positions,
        ] {
            total += (try? txn.count(db)) ?? 0
        }
        progress?(0, total)
        if store.environment.storedFormatVersion < Schema.analyzerFormat { expectedText = nil }
        // The id spaces: the counters, but no larger than the largest id
        // stored, so that a damaged counter (a flipped high byte) sizes
        // no array of billions; ids past a counter are reported.
        func bound(_ counter: Int, _ databases: [Database]) -> Int {
            var last = -1
            for db in databases {
                let key = try? txn.withCursor(on: db) { cursor in try cursor.last().map { Array($0.key) } }
                if let key, let id = key.withUnsafeBytes({ IndexKey.readID($0) }) { last = max(last, Int(id)) }
            }
            return min(counter, last + 1)
        }
        let limits = try store.idLimits(txn: txn)
        nextStatement = bound(limits.statements, [store.statements])
        nextArticle = bound(limits.articles, [store.articles, store.articleNames])
        nextEntity = bound(limits.entities, [store.entities])
        counters = limits
        entityNames = .init(repeating: nil, count: nextEntity)
        articleNames = .init(repeating: nil, count: nextArticle)
        storedArticles = .init(repeating: false, count: nextArticle)
        liveArticlesSeen = .init(repeating: false, count: nextArticle)
        statementKeys = .init(repeating: nil, count: nextStatement)
        live = .init(repeating: false, count: nextStatement)
        imprecise = .init(repeating: false, count: nextStatement)
        days = .init(repeating: .min, count: nextStatement)
        precisions = .init(repeating: 0, count: nextStatement)
        inAll = .init(repeating: false, count: nextStatement)
        inImprecise = .init(repeating: false, count: nextStatement)
        for field in Self.keyedFields {
            expected[field] = .init(repeating: Self.none, count: nextStatement)
            seen[field] = .init(repeating: false, count: nextStatement)
        }
        try checkEntities(txn: txn)
        try checkArticles(txn: txn)
        try checkStatements(txn: txn)
        try checkAliases(txn: txn)
        analysePending()
        try checkLists(txn: txn)
        checkTexts()
        try checkColumns(txn: txn)
        progress?(total, total)
    }

    /// The id of a record's key, or nil (reported) when the key is no id
    /// below the database's counter.
    mutating func id(of key: UnsafeRawBufferPointer, in database: String, below limit: Int) -> UInt32? {
        guard let id = IndexKey.readID(key) else {
            problem(database, "key \(Self.hex(key))", "is not a record id")
            return nil
        }
        guard Int(id) < limit else {
            let counter =
                database == Schema.entities
                ? counters.entities : database == Schema.statements ? counters.statements : counters.articles
            problem(database, "record \(id)", "is past the id counter (\(counter)) in 'meta'")
            beyond[Self.space(ofRecords: database), default: []].insert(id)
            return nil
        }
        return id
    }

    mutating func markDamaged(_ id: UInt32, in database: String) {
        report.damagedRecords += 1
        damaged[Self.space(ofRecords: database), default: []].insert(id)
    }

    static func space(ofRecords database: String) -> Space {
        database == Schema.entities ? .entities : database == Schema.statements ? .statements : .articles
    }

    /// A record's bytes with the checksum checked; nil (reported) when it fails.
    mutating func payload(_ entry: Entry, id: UInt32, in database: String) -> UnsafeRawBufferPointer? {
        guard store.checksums else { return entry.value }
        guard let bytes = RecordChecksum.verified(entry.value, id: id) else {
            markDamaged(id, in: database)
            problem(database, "record \(id)", "does not match its checksum")
            return nil
        }
        return bytes
    }

    mutating func checkEntities(txn: borrowing ReadTransaction) throws {
        let decoder = JSONDecoder()
        try scan(store.entities, txn: txn) { c, entry in
            c.report.entities += 1
            guard let id = c.id(of: entry.key, in: Schema.entities, below: c.nextEntity),
                let bytes = c.payload(entry, id: id, in: Schema.entities)
            else { return }
            do {
                c.entityNames[Int(id)] = try decoder.decode(EntityRecord.self, from: Data(bytes)).name
            } catch {
                c.markDamaged(id, in: Schema.entities)
                c.problem(Schema.entities, "record \(id)", "does not decode as an entity")
            }
        }
        var keyed = [Bool](repeating: false, count: nextEntity)
        try scan(store.entityKeys, txn: txn) { c, entry in
            let name = String(decoding: entry.key, as: UTF8.self)
            guard let id = IndexKey.readID(entry.value) else {
                c.problem(Schema.entityKeys, "'\(name)'", "does not hold an entity id")
                return
            }
            if c.damaged[.entities]?.contains(id) == true || c.beyond[.entities]?.contains(id) == true { return }
            guard Int(id) < c.nextEntity, let stored = c.entityNames[Int(id)] else {
                c.problem(Schema.entityKeys, "'\(name)'", "names entity \(id), which has no readable record")
                return
            }
            if stored == name {
                keyed[Int(id)] = true
            } else {
                c.problem(Schema.entityKeys, "'\(name)'", "names entity \(id), whose record is '\(stored)'")
            }
        }
        for (id, name) in entityNames.enumerated() where name != nil && !keyed[id] {
            problem(Schema.entities, "record \(id)", "'\(name ?? "")' is missing from '\(Schema.entityKeys)'")
        }
    }

    mutating func checkArticles(txn: borrowing ReadTransaction) throws {
        try scan(store.articleNames, txn: txn) { c, entry in
            guard let id = c.id(of: entry.key, in: Schema.articleNames, below: c.nextArticle) else { return }
            c.articleNames[Int(id)] = String(decoding: entry.value, as: UTF8.self)
        }
        var keyed = [Bool](repeating: false, count: nextArticle)
        try scan(store.articleKeys, txn: txn) { c, entry in
            let key = String(decoding: entry.key, as: UTF8.self)
            guard let id = IndexKey.readID(entry.value), Int(id) < c.nextArticle else {
                if let id = IndexKey.readID(entry.value), c.beyond[.articles]?.contains(id) == true { return }
                c.problem(Schema.articleKeys, "'\(key)'", "does not hold an article id below the counter")
                return
            }
            if c.articleNames[Int(id)] == key {
                keyed[Int(id)] = true
            } else {
                c.problem(Schema.articleKeys, "'\(key)'", "names article \(id), which '\(Schema.articleNames)' calls otherwise")
            }
        }
        for (id, name) in articleNames.enumerated() where name != nil && !keyed[id] {
            problem(Schema.articleNames, "record \(id)", "'\(name ?? "")' is missing from '\(Schema.articleKeys)'")
        }
        let decoder = JSONDecoder()
        try scan(store.articles, txn: txn) { c, entry in
            c.report.articles += 1
            guard let id = c.id(of: entry.key, in: Schema.articles, below: c.nextArticle),
                let bytes = c.payload(entry, id: id, in: Schema.articles)
            else { return }
            do {
                let record = try decoder.decode(ArticleRecord.self, from: Data(bytes))
                c.storedArticles[Int(id)] = true
                if c.expectedText != nil {
                    c.pendingArticles.append((id, record.title ?? "", record.text))
                    if c.pendingArticles.count >= 256 { c.analysePending() }
                }
                if c.articleNames[Int(id)] != record.key {
                    c.problem(Schema.articles, "record \(id)", "is article '\(record.key)', missing from '\(Schema.articleNames)'")
                }
            } catch {
                c.markDamaged(id, in: Schema.articles)
                c.problem(Schema.articles, "record \(id)", "does not decode as an article")
            }
        }
    }

    mutating func checkStatements(txn: borrowing ReadTransaction) throws {
        try scan(store.statements, txn: txn) { c, entry in
            c.report.statements += 1
            guard let id = c.id(of: entry.key, in: Schema.statements, below: c.nextStatement),
                let bytes = c.payload(entry, id: id, in: Schema.statements)
            else { return }
            guard let (record, numbers) = StatementRecord.decode(stored: bytes) else {
                c.markDamaged(id, in: Schema.statements)
                c.problem(Schema.statements, "record \(id)", "does not decode as a statement")
                return
            }
            let n = Int(id)
            c.live[n] = true
            c.statementKeys[n] = record.id
            if c.expectedText != nil {
                c.pendingStatements.append((id, record.quote, record.sentence ?? ""))
                if c.pendingStatements.count >= 2048 { c.analysePending() }
            }
            var article = numbers.article
            if article == nil, let stored = try txn.get(Array(record.doc.utf8), in: c.store.articleKeys) {
                article = IndexKey.readID(stored)
            }
            var named = true
            if let article, Int(article) < c.nextArticle, c.articleNames[Int(article)] != nil {
                c.expected[FieldIndex.doc.rawValue]?[n] = article
            } else if let article, c.beyond[.articles]?.contains(article) == true {
                // Reported as past its counter.
            } else {
                named = false
                c.problem(
                    Schema.statements, "record \(id) ('\(record.id)')",
                    "names article \(article.map(String.init) ?? "'\(record.doc)'"), which is not in '\(Schema.articleNames)'")
            }
            for entity in [numbers.actor].compactMap({ $0 }) + numbers.about.map(\.entity)
            where (Int(entity) >= c.nextEntity || c.entityNames[Int(entity)] == nil) && c.beyond[.entities]?.contains(entity) != true {
                named = false
                c.problem(Schema.statements, "record \(id) ('\(record.id)')", "names entity \(entity), which has no readable record")
            }
            if !named { c.report.damagedRecords += 1 }
            if let actor = numbers.actor { c.expected[FieldIndex.actor.rawValue]?[n] = actor }
            c.expected[FieldIndex.stance.rawValue]?[n] = UInt32(record.stance.ordinal)
            if let date = RecordDate(record.date) {
                c.expected[Self.dayField]?[n] = IndexKey.day(date.first).withUnsafeBytes {
                    UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self))
                }
                c.imprecise[n] = date.precision != .day
                c.days[n] = date.first.rawValue
                c.precisions[n] = date.precision.ordinal
            }
        }
        var keyed = [Bool](repeating: false, count: nextStatement)
        try scan(store.statementKeys, txn: txn) { c, entry in
            let key = String(decoding: entry.key, as: UTF8.self)
            guard let id = IndexKey.readID(entry.value), Int(id) < c.nextStatement else {
                if let id = IndexKey.readID(entry.value), c.beyond[.statements]?.contains(id) == true { return }
                c.problem(Schema.statementKeys, "'\(key)'", "does not hold a statement id below the counter")
                return
            }
            if c.damaged[.statements]?.contains(id) == true { return }
            guard let stored = c.statementKeys[Int(id)] else {
                c.problem(Schema.statementKeys, "'\(key)'", "names statement \(id), which has no readable record")
                return
            }
            if stored == key {
                keyed[Int(id)] = true
            } else {
                c.problem(Schema.statementKeys, "'\(key)'", "names statement \(id), whose record is '\(stored)'")
            }
        }
        for (id, key) in statementKeys.enumerated() where key != nil && !keyed[id] {
            problem(Schema.statements, "record \(id)", "'\(key ?? "")' is missing from '\(Schema.statementKeys)'")
        }
    }

    mutating func checkAliases(txn: borrowing ReadTransaction) throws {
        try scan(store.aliases, txn: txn) { c, entry in
            if let id = IndexKey.readID(entry.value),
                c.damaged[.entities]?.contains(id) == true || c.beyond[.entities]?.contains(id) == true
            {
                return
            }
            guard let id = IndexKey.readID(entry.value), Int(id) < c.nextEntity, c.entityNames[Int(id)] != nil else {
                c.problem(Schema.aliases, Self.describe(entry.key, in: Schema.aliases), "names no stored entity")
                return
            }
        }
    }

    /// The forward columns (what `count by` and `timeline` read) against
    /// the records: each statement's row (stance, article, actor when the
    /// record holds it by number, first day, precision), empty rows where
    /// no statement is stored, and each article's liveness.
    mutating func checkColumns(txn: borrowing ReadTransaction) throws {
        var rows = StatementRows()
        do {
            for n in 0..<live.count {
                let id = UInt32(n)
                let row = try rows.row(id, store: store, txn: txn)
                if damaged[.statements]?.contains(id) == true { continue }
                guard live[n] else {
                    if row.live { problem(Schema.columns, "statement row \(n)", "holds a statement, but none is stored") }
                    continue
                }
                guard row.live else {
                    problem(Schema.columns, "statement row \(n)", "is empty, but the statement is stored")
                    continue
                }
                var wrong: [String] = []
                if let stance = expected[FieldIndex.stance.rawValue]?[n], UInt32(row.stance) != stance { wrong.append("stance") }
                if let article = expected[FieldIndex.doc.rawValue]?[n], article != Self.none, row.article != article {
                    wrong.append("article")
                }
                if let actor = expected[FieldIndex.actor.rawValue]?[n], actor != Self.none, row.actor != actor { wrong.append("actor") }
                if row.day != days[n] || (days[n] != .min && row.precision != precisions[n]) { wrong.append("date") }
                if !wrong.isEmpty {
                    problem(
                        Schema.columns, "statement row \(n)",
                        "does not match the record: its \(wrong.joined(separator: ", ")) differ\(wrong.count == 1 ? "s" : "")")
                }
            }
            var articles = ColumnReader(.articles)
            for n in 0..<storedArticles.count where damaged[.articles]?.contains(UInt32(n)) != true {
                let row = try articles.article(UInt32(n), store: store, txn: txn)
                if row.live != storedArticles[n] {
                    problem(
                        Schema.columns, "article row \(n)",
                        row.live ? "holds an article, but none is stored" : "is empty, but the article is stored")
                }
            }
        } catch let error as StoreError where error.code != .readersFull {
            report.unreadable.append(Schema.columns)
            problem(Schema.columns, "", "cannot be read to its end: \(error.message)")
        }
    }

    /// Analyses the texts read so far, as a write would (``BatchWords``,
    /// then the walk of ``BatchWriter/index(words:space:id:)``), into the
    /// digests of the lists they give.
    mutating func analysePending() {
        guard expectedText != nil, !pendingArticles.isEmpty || !pendingStatements.isEmpty else { return }
        var words = BatchWords()
        var articles: [(UInt32, Int)] = []
        for (id, title, text) in pendingArticles {
            articles.append((id, words.appendArticle(title: title, text: text, analyzer: analyzer)))
        }
        var statements: [(UInt32, Int)] = []
        for (id, quote, sentence) in pendingStatements {
            let start = words.append(CollectionOfOne(quote), positions: true, analyzer: analyzer)
            _ = words.append(CollectionOfOne(sentence), positions: true, analyzer: analyzer)
            statements.append((id, start))
        }
        pendingArticles.removeAll(keepingCapacity: true)
        pendingStatements.removeAll(keepingCapacity: true)
        for (id, start) in articles { _ = walk(words, start, space: .article, id: id) }
        for (id, start) in statements {
            _ = walk(words, walk(words, start, space: .quote, id: id), space: .sentence, id: id)
        }
    }

    /// One entry of `words` from `start`, as the writer indexes it;
    /// returns where the next starts.
    mutating func walk(_ words: BatchWords, _ start: Int, space: TextSpace, id: UInt32) -> Int {
        let stream = words.stream
        var i = start
        let terms = Int(stream[i])
        i += 1
        for _ in 0..<terms {
            let key = [space.rawValue] + words.words.key(Int(stream[i]))
            let n = Int(stream[i + 1])
            expectedText?[key, default: Digest()].add(id)
            if space != .article { expectedPositions[key, default: Digest()].add(id, positions: stream[(i + 2)..<(i + 2 + n)]) }
            i += 2 + n
        }
        let forms = Int(stream[i])
        i += 1
        for k in i..<(i + forms) {
            expectedText?[[space.forms.rawValue] + words.words.key(Int(stream[k])), default: Digest()].add(id)
        }
        return i + forms
    }

    /// The text lists against what the records' texts give.
    mutating func checkTexts() {
        guard let expectedText else { return }
        for (database, balance) in [(Schema.terms, expectedText), (Schema.positions, expectedPositions)] {
            var wrong: [(String, String)] = []
            for (key, digest) in balance where digest != Digest() {
                let n = abs(digest.count)
                wrong.append(
                    (
                        Self.describe(key, in: database),
                        digest.count == 0
                            ? "holds other ids or positions than the records' texts give"
                            : "holds \(n) id\(n == 1 ? "" : "s") \(digest.count < 0 ? "more" : "fewer") than the records' texts give"
                    ))
            }
            for (place, what) in wrong.sorted(by: { $0.0 < $1.0 }) { problem(database, place, what) }
        }
    }

    /// A list being read, chunk by chunk.
    struct OpenList {
        let key: [UInt8]
        let continued: Bool
        var chunks = 1
        /// The last id read (-1: none yet).
        var last: Int64 = -1
    }

    /// The kinds of ids a list holds.
    enum Space { case statements, articles, entities }

    static func space(of key: UnsafeRawBufferPointer, in database: String) -> Space? {
        guard let first = key.first else { return nil }
        if database == Schema.dates || database == Schema.positions { return .statements }
        if database == Schema.terms {
            switch TextSpace(rawValue: first) {
            case .article, .articleForms: return .articles
            case .none: return nil
            default: return .statements
            }
        }
        switch FieldIndex(rawValue: first) {
        case .source, .lang, .cites, .liveArticles: return .articles
        case .kind, .country: return .entities
        case .none: return nil
        default: return .statements
        }
    }

    func exists(_ id: UInt32, in space: Space) -> Bool {
        let n = Int(id)
        switch space {
        case .statements: return n < live.count && live[n]
        case .articles: return n < storedArticles.count && storedArticles[n]
        case .entities: return n < entityNames.count && entityNames[n] != nil
        }
    }

    mutating func checkLists(txn: borrowing ReadTransaction) throws {
        for db in [store.fields, store.dates, store.terms, store.positions] {
            let isPositions = db.name == Schema.positions
            let suffix = isPositions ? ListChunks.positionsSuffix : ListChunks.postingsSuffix
            // The lists whose later chunks may still come: a list's later
            // chunks sort after every longer key it starts (`q:ال` + 0xFF
            // after `q:الا`), so the lists open are a chain of prefixes.
            var open: [OpenList] = []
            var list: [UInt8] = []
            try scan(db, txn: txn) { c, entry in
                while let top = open.last, !entry.key.starts(with: top.key) {
                    if top.continued && top.chunks == 1 {
                        c.problem(db.name, Self.describe(top.key, in: db.name), "says more chunks follow, but none does")
                    }
                    open.removeLast()
                }
                if let top = open.last, ListChunks.isLaterChunk(entry.key, of: top.key, suffix: suffix) {
                    open[open.count - 1].chunks += 1
                    if !top.continued {
                        c.problem(
                            db.name, Self.describe(top.key, in: db.name), "has a later chunk, but its first chunk says none follows")
                    }
                } else {
                    let continued =
                        isPositions ? Positions(entry.value)?.continued ?? false : Postings(entry.value)?.continued ?? false
                    open.append(OpenList(key: Array(entry.key), continued: continued))
                }
                list = open[open.count - 1].key
                c.report.lists += 1
                let place = Self.describe(list, in: db.name)
                guard let space = Self.space(of: entry.key, in: db.name) else {
                    c.problem(db.name, place, "is no key this database holds")
                    return
                }
                var ids: [UInt32] = []
                if isPositions {
                    guard let positions = Positions(entry.value) else {
                        c.problem(db.name, place, "does not decode as positions")
                        return
                    }
                    var reader = PositionsReader(positions)
                    while let next = reader.next() {
                        ids.append(next.id)
                        if c.expectedText != nil, c.damaged[.statements]?.contains(next.id) != true,
                            c.beyond[.statements]?.contains(next.id) != true
                        {
                            c.expectedPositions[list, default: Digest()].add(next.id, positions: next.positions, -1)
                        }
                    }
                    if reader.failed || ids.count != positions.count {
                        c.problem(db.name, place, "does not decode as positions")
                        return
                    }
                } else {
                    guard let postings = Postings(entry.value) else {
                        c.problem(db.name, place, "does not decode as a postings list")
                        return
                    }
                    ids = postings.ids
                }
                var missing = 0
                var firstMissing: UInt32 = 0
                let textList = db.name == Schema.terms && c.expectedText != nil
                for id in ids {
                    if Int64(id) <= open[open.count - 1].last {
                        c.problem(db.name, place, "is out of order at id \(id)")
                        return
                    }
                    open[open.count - 1].last = Int64(id)
                    if c.damaged[space]?.contains(id) == true || c.beyond[space]?.contains(id) == true { continue }
                    if !c.exists(id, in: space) {
                        if missing == 0 { firstMissing = id }
                        missing += 1
                        continue
                    }
                    if textList { c.expectedText?[list, default: Digest()].add(id, -1) }
                    if !isPositions { c.crossCheck(id, list: list, in: db.name, place: place) }
                }
                if missing > 0 {
                    let kind = space == .statements ? "statement" : space == .articles ? "article" : "entity"
                    c.problem(
                        db.name, place,
                        "holds \(kind) \(firstMissing)\(missing > 1 ? " and \(missing - 1) more" : ""), which \(missing > 1 ? "are" : "is") not stored"
                    )
                }
            }
            for top in open where top.continued && top.chunks == 1 {
                problem(db.name, Self.describe(top.key, in: db.name), "says more chunks follow, but none does")
            }
        }
        // Both ways: every statement is in the lists its record puts it in.
        for n in 0..<live.count where live[n] {
            for field in Self.keyedFields {
                guard let value = expected[field]?[n], value != Self.none, seen[field]?[n] != true else { continue }
                let database = field == Self.dayField ? Schema.dates : Schema.fields
                let byte = field == FieldIndex.doc.rawValue && store.layout == .legacy ? FieldIndex.legacyDoc.rawValue : field
                let list = field == Self.dayField ? IndexKey.id(value) : [byte] + IndexKey.id(value)
                problem(Schema.statements, "record \(n)", "is missing from its \(Self.describe(list, in: database)) in '\(database)'")
            }
            if !inAll[n] {
                problem(Schema.statements, "record \(n)", "is missing from the list of all statements ('*' in 'fields')")
            }
            if imprecise[n], !inImprecise[n] {
                problem(Schema.statements, "record \(n)", "is missing from the list of month- and year-dated statements")
            }
        }
        for n in 0..<storedArticles.count where storedArticles[n] && !liveArticlesSeen[n] {
            problem(Schema.articles, "record \(n)", "is missing from the list of all articles ('#' in 'fields')")
        }
    }

    /// Checks that a stored statement or article in a list that follows
    /// from its record belongs there, and notes it seen.
    mutating func crossCheck(_ id: UInt32, list: [UInt8], in database: String, place: String) {
        let n = Int(id)
        if database == Schema.dates {
            noteKeyed(Self.dayField, n, list: list, place: place, in: database, what: "day")
            return
        }
        guard database == Schema.fields, let field = list.first else { return }
        switch FieldIndex(rawValue: field) {
        case .doc: noteKeyed(field, n, list: Array(list.dropFirst()), place: place, in: database, what: "article")
        case .legacyDoc where store.layout == .legacy:
            // A store before format 6, read as it is: its article lists.
            noteKeyed(FieldIndex.doc.rawValue, n, list: Array(list.dropFirst()), place: place, in: database, what: "article")
        case .actor where expected[field]?[n] != Self.none:
            noteKeyed(field, n, list: Array(list.dropFirst()), place: place, in: database, what: "actor")
        case .stance: noteKeyed(field, n, list: Array(list.dropFirst()), place: place, in: database, what: "stance")
        case .liveStatements where list.count == 1: inAll[n] = true
        case .impreciseDates where list.count == 1:
            inImprecise[n] = true
            if !imprecise[n] { problem(database, place, "holds statement \(n), whose date is a day") }
        case .liveArticles where list.count == 1: liveArticlesSeen[n] = true
        default: break
        }
    }

    mutating func noteKeyed(_ field: UInt8, _ n: Int, list value: [UInt8], place: String, in database: String, what: String) {
        guard value.count == 4 else { return }
        let key = UInt32(value[0]) << 24 | UInt32(value[1]) << 16 | UInt32(value[2]) << 8 | UInt32(value[3])
        if expected[field]?[n] == key {
            seen[field]?[n] = true
        } else {
            problem(database, place, "holds statement \(n), whose record gives another \(what)")
        }
    }

    /// A list's key in words: `a:7` (a field and an id), `l:en` (a field
    /// and a text), `q:missil` (a text space and a term), `day 2024-09-12`.
    static func describe(_ key: some Collection<UInt8>, in database: String = Schema.fields) -> String {
        let bytes = Array(key)
        guard let first = bytes.first else { return "key ''" }
        let rest = Array(bytes.dropFirst())
        func number(_ b: [UInt8]) -> UInt32 { UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3]) }
        if database == Schema.dates, bytes.count == 4 {
            let day = DayNumber(rawValue: Int32(bitPattern: number(bytes) ^ 0x8000_0000))
            return "day " + RecordDate(first: day, precision: .day).text
        }
        let name = String(UnicodeScalar(first))
        if database == Schema.fields, let field = FieldIndex(rawValue: first) {
            switch field {
            case .lang, .kind: return "list \(name):" + String(decoding: rest, as: UTF8.self)
            case .liveStatements, .liveArticles, .impreciseDates: return "list '\(name)'"
            default: return rest.count == 4 ? "list \(name):\(number(rest))" : "key " + hex(bytes)
            }
        }
        if database == Schema.terms || database == Schema.positions, TextSpace(rawValue: first) != nil {
            return "list \(name):" + String(decoding: rest, as: UTF8.self)
        }
        if database == Schema.aliases, first < 0x80 { return "'\(name):" + String(decoding: rest, as: UTF8.self) + "'" }
        return "key " + hex(bytes)
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
