import Foundation
import IsnadStore
import IsnadText
import IsnadVocabulary

/// Records to store in one write transaction.
package struct ImportBatch: Sendable {
    package var entities: [EntityRecord] = []
    package var articles: [ArticleRecord] = []
    package var statements: [StatementRecord] = []
    /// External ids of statements to delete (an article re-ingested with
    /// fewer statements than before).
    package var removedStatements: [String] = []

    package init(
        entities: [EntityRecord] = [], articles: [ArticleRecord] = [], statements: [StatementRecord] = [],
        removedStatements: [String] = []
    ) {
        self.entities = entities
        self.articles = articles
        self.statements = statements
        self.removedStatements = removedStatements
    }

    package var isEmpty: Bool { entities.isEmpty && articles.isEmpty && statements.isEmpty && removedStatements.isEmpty }
    package var count: Int { entities.count + articles.count + statements.count + removedStatements.count }
}

/// How many records a batch added, replaced and left alone.
package struct ChangeCounts: Sendable, Equatable {
    package var added = 0
    package var replaced = 0
    package var unchanged = 0

    package init() {}

    mutating func record(_ change: RecordChange) {
        switch change {
        case .added: added += 1
        case .replaced: replaced += 1
        case .unchanged: unchanged += 1
        }
    }

    package static func += (a: inout ChangeCounts, b: ChangeCounts) {
        a.added += b.added
        a.replaced += b.replaced
        a.unchanged += b.unchanged
    }
}

package struct BatchResult: Sendable, Equatable {
    package var entities = ChangeCounts()
    package var articles = ChangeCounts()
    package var statements = ChangeCounts()
    package var removedStatements = 0
    /// Extracted articles found stored exactly so in the write transaction
    /// (another process stored them meanwhile): their statements were
    /// left as they were (``StatementSession/Mode/extracted``).
    package var unchangedExtracted: Set<String> = []

    package init() {}

    package static func += (a: inout BatchResult, b: BatchResult) {
        a.entities += b.entities
        a.articles += b.articles
        a.statements += b.statements
        a.removedStatements += b.removedStatements
        a.unchangedExtracted.formUnion(b.unchangedExtracted)
    }
}

extension IndexStore {
    /// Stores a batch in one transaction: entities first, then articles,
    /// then statements, so names and articles are known when statements
    /// refer to them. A record identical to the stored one is left alone
    /// (importing the same file twice changes nothing); one with the same
    /// id and other content replaces it, keeping its dense id.
    ///
    /// Everything happens inside the transaction, so the map-full rerun of
    /// ``Environment/write(_:)`` is safe, and a failure leaves no trace.
    @discardableResult
    package func apply(_ batch: ImportBatch) throws -> BatchResult {
        let prepared = PreparedBatch(batch)
        return try environment.write { txn in try apply(prepared, txn: txn) }
    }

    /// Stores a batch of extracted articles (`ingest`) in one transaction,
    /// each article with all its statements: an article found stored
    /// exactly so when the transaction begins (another process stored it
    /// meanwhile) keeps its stored statements and the batch's are not
    /// written; a replaced article loses the stored statements the batch
    /// does not hold (``StatementSession/Mode/extracted``).
    @discardableResult
    package func applyExtracted(_ batch: ImportBatch) throws -> BatchResult {
        let prepared = PreparedBatch(batch)
        return try environment.write { txn in
            var session = StatementSession(mode: .extracted)
            var result = try apply(prepared, txn: txn, session: &session)
            result.removedStatements += try removeStale(&session, txn: txn)
            return result
        }
    }

    /// A batch prepared already (on another thread, say), inside a write
    /// transaction that may hold other batches: an import writes all its
    /// files in one (``Importer``).
    package func apply(_ batch: PreparedBatch, txn: borrowing WriteTransaction) throws -> BatchResult {
        var session = StatementSession(mode: .none)
        return try apply(batch, txn: txn, session: &session)
    }

    /// The same, noting in `session` the statements of the articles it
    /// replaces (and, for extracted articles, the articles it finds
    /// unchanged, whose statements it leaves as they are).
    package func apply(
        _ batch: PreparedBatch, txn: borrowing WriteTransaction, session: inout StatementSession
    ) throws -> BatchResult {
        var writer = try BatchWriter(store: self, txn: txn, words: batch.words)
        swap(&writer.session, &session)
        defer { swap(&writer.session, &session) }
        for (record, bytes) in zip(batch.entities, batch.entityBytes) {
            writer.result.entities.record(try writer.put(record, bytes: bytes, txn: txn))
        }
        for k in batch.articles.indices {
            writer.result.articles.record(
                try writer.put(
                    batch.articles[k], bytes: batch.articleBytes[k],
                    words: batch.articleWords[k], txn: txn))
        }
        let skipped = writer.session.unchangedArticles
        writer.session.unchangedArticles = []
        writer.result.unchangedExtracted = skipped
        // Through a buffer: indexing the array copied each record (and
        // retained its ten strings) on the way in.
        try batch.statements.withUnsafeBufferPointer { statements in
            for k in statements.indices {
                if !skipped.isEmpty, skipped.contains(statements[k].doc) { continue }
                writer.result.statements.record(
                    try writer.put(
                        statements[k], parts: batch.statementParts[k],
                        words: batch.statementWords[k], txn: txn))
            }
        }
        for id in batch.removedStatements where try writer.removeStatement(id, txn: txn) {
            writer.result.removedStatements += 1
        }
        try writer.flush(txn: txn)
        return writer.result
    }

    /// Removes the statements `session` holds as stale (those of replaced
    /// articles that nothing written since brought again); returns how many.
    package func removeStale(_ session: inout StatementSession, txn: borrowing WriteTransaction) throws -> Int {
        guard !session.stale.isEmpty else { return 0 }
        var writer = try BatchWriter(store: self, txn: txn, words: BatchWords())
        var removed = 0
        for id in session.stale.sorted() where try writer.removeStatement(id: id, txn: txn) {
            removed += 1
        }
        session.stale = []
        try writer.flush(txn: txn)
        return removed
    }
}

/// What a write transaction does with the statements stored for the
/// articles it replaces, across the batches it writes.
package struct StatementSession: Sendable {
    package enum Mode: Sendable {
        /// Nothing: statements stay until replaced or removed by id.
        case none
        /// `import`: an article replaced with another text (its `text`)
        /// loses the statements stored for it, but for those the same
        /// import brings again (by id), which replace them. Their words
        /// were the old text's.
        case imported
        /// `ingest`: a batch holds each of its articles with all its
        /// statements. A replaced article loses the stored statements the
        /// batch does not bring again; one found unchanged keeps its own
        /// and the batch's are not written.
        case extracted
    }

    package let mode: Mode
    /// Dense ids of statements of replaced articles not written again yet.
    var stale: Set<UInt32> = []
    /// External ids of the articles of the batch being written that were
    /// found unchanged (``Mode/extracted`` only).
    var unchangedArticles: Set<String> = []

    package init(mode: Mode) { self.mode = mode }
}

/// Accumulates one batch's index changes, then merges them into the stored
/// postings once per key: a frequent term is rewritten once per batch, not
/// once per statement.
struct BatchWriter {
    let store: IndexStore
    var result = BatchResult()
    var session = StatementSession(mode: .none)
    var nextArticle: UInt32
    var nextStatement: UInt32
    var nextEntity: UInt32

    struct PostingKey {
        /// 0 fields, 1 dates, 2 terms.
        let database: UInt8
        let key: [UInt8]
    }

    var table: PostingTable
    /// The batch's analysed texts, and per word and text space its slot + 1
    /// (0: not looked up yet), so each word's key is hashed once a batch.
    let words: BatchWords
    var wordSlots: [Int32]
    var scratch: [UInt8] = []
    /// Column blocks this batch reads or makes, written back in `flush`,
    /// found by column and block number.
    var blocks: [[UInt8]] = []
    var blockKeys: [[UInt8]] = []
    var blockIndex = NumberSlots()
    /// Names met in this batch, numbered as bytes (no SipHash: a
    /// statement resolves two or three), and by number their entity and
    /// whether the name is the entity's canonical one.
    var resolvedNames = ByteKeys()
    var resolvedEntities: [(id: UInt32, canonical: Bool)] = []
    /// The article key met last and its id (article keys are never deleted).
    var lastArticle: (key: String, id: UInt32)?
    let analyzer = Analyzer()
    let names = Analyzer(stemming: false)
    let decoder = JSONDecoder()

    init(store: IndexStore, txn: borrowing WriteTransaction, words: BatchWords) throws {
        self.store = store
        self.words = words
        table = PostingTable(arenas: store.arenas)
        wordSlots = [Int32](repeating: 0, count: words.words.count * BatchWriter.spaces.count)
        nextArticle = try store.counter(.nextArticle, in: txn)
        nextStatement = try store.counter(.nextStatement, in: txn)
        nextEntity = try store.counter(.nextEntity, in: txn)
    }

    // MARK: - Entities

    mutating func put(_ record: EntityRecord, bytes: Data, txn: borrowing WriteTransaction) throws -> RecordChange {
        let nameKey = Array(record.name.utf8)
        var change = RecordChange.added
        let id: UInt32
        if let stored = try txn.get(nameKey, in: store.entityKeys), let existing = IndexKey.readID(stored) {
            id = existing
            let old = try store.recordBytes(id, in: store.entities, txn: txn)
            if let old, old.elementsEqual(bytes) { return .unchanged }
            if let old {
                let previous = try IndexStore.decodeRecord(
                    EntityRecord.self, old, database: Schema.entities, id: id,
                    decoder: decoder)
                try unindex(previous, id: id, txn: txn)
            }
            change = .replaced
        } else {
            id = nextEntity
            nextEntity += 1
            try txn.put(IndexKey.id(id), for: nameKey, in: store.entityKeys)
        }
        try store.putRecord(bytes, id: id, in: store.entities, txn: txn)
        try index(record, id: id, txn: txn)
        return change
    }

    /// The alias keys of every name of an entity.
    func aliasKeys(_ record: EntityRecord) -> Set<[UInt8]> {
        var keys: Set<[UInt8]> = []
        for name in record.allNames {
            let normalized = names.aliasForm(name)
            guard !normalized.isEmpty, normalized.utf8.count <= IndexKey.longestName else { continue }
            keys.insert(IndexKey.alias(.normalized, normalized))
            let key = NameKey(name)
            guard !key.words.isEmpty else { continue }
            keys.insert(IndexKey.alias(.key, key.description))
            for start in 1..<key.words.count {
                keys.insert(IndexKey.alias(.keySuffix, key.words[start...].joined(separator: " ")))
            }
        }
        return keys
    }

    mutating func index(_ record: EntityRecord, id: UInt32, txn: borrowing WriteTransaction) throws {
        for key in aliasKeys(record) {
            try txn.put(IndexKey.id(id), for: key, in: store.aliases, options: .noDuplicateData)
        }
        if let kind = record.kind {
            add(id, field: .kind, kind.lowercased())
        }
        if let country = record.country {
            let countryID = try entity(named: country, txn: txn)
            add(id, to: PostingKey(database: 0, key: IndexKey.field(.country, countryID)))
        }
    }

    mutating func unindex(_ record: EntityRecord, id: UInt32, txn: borrowing WriteTransaction) throws {
        for key in aliasKeys(record) {
            try txn.delete(key, value: IndexKey.id(id), in: store.aliases)
        }
        if let kind = record.kind {
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.kind, kind.lowercased())))
        }
        if let country = record.country, let countryID = try existingEntity(named: country, txn: txn) {
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.country, countryID)))
        }
    }

    /// The entity a name in a record refers to: the entity of that
    /// canonical name, else the first whose alias it is, else a new entity
    /// of that name with no kind (the file may describe it later).
    mutating func entity(named name: String, txn: borrowing WriteTransaction) throws -> UInt32 {
        try resolve(name, txn: txn).id
    }

    /// The same, and whether `name` is the entity's canonical name (a
    /// record then stores it by number).
    mutating func resolve(_ name: String, txn: borrowing WriteTransaction) throws -> (id: UInt32, canonical: Bool) {
        var bytes = name
        let (n, isNew) = bytes.withUTF8 { resolvedNames.number($0) }
        if !isNew { return resolvedEntities[n] }
        resolvedEntities.append((0, false))  // numbered now; set below
        if let found = try existing(name, txn: txn) {
            resolvedEntities[n] = found
            return found
        }
        let record = EntityRecord(name: name, kind: nil)
        let id = nextEntity
        nextEntity += 1
        try txn.put(IndexKey.id(id), for: Array(name.utf8), in: store.entityKeys)
        try store.putRecord(record.storedJSON(), id: id, in: store.entities, txn: txn)
        try index(record, id: id, txn: txn)
        resolvedEntities[n] = (id, true)
        return (id, true)
    }

    func existingEntity(named name: String, txn: borrowing WriteTransaction) throws -> UInt32? {
        try existing(name, txn: txn)?.id
    }

    /// The entity of that canonical name, else the first whose alias it is.
    private func existing(_ name: String, txn: borrowing WriteTransaction) throws -> (id: UInt32, canonical: Bool)? {
        if let stored = try txn.get(Array(name.utf8), in: store.entityKeys) { return IndexKey.readID(stored).map { ($0, true) } }
        let normalized = names.aliasForm(name)
        guard !normalized.isEmpty else { return nil }
        return try txn.withCursor(on: store.aliases) { cursor in
            try cursor.seek(exactly: IndexKey.alias(.normalized, normalized)).flatMap { IndexKey.readID($0.value) }
        }.map { ($0, false) }
    }

    // MARK: - Articles

    mutating func articleID(_ key: String, txn: borrowing WriteTransaction) throws -> (UInt32, isNew: Bool) {
        // A file's statements come article by article: the one before
        // nearly always names the same one (an LMDB lookup saved).
        if let last = lastArticle, last.key == key { return (last.id, false) }
        let id = nextArticle
        if let stored = try txn.insert(IDKey(id), for: TextKey(key), in: store.articleKeys) {
            if let known = IndexKey.readID(stored) {
                lastArticle = (key, known)
                return (known, false)
            }
            try txn.put(IDKey(id), for: TextKey(key), in: store.articleKeys)  // not an id: replaced
        }
        nextArticle += 1
        try txn.put(TextKey(key), for: IDKey(id), in: store.articleNames)
        lastArticle = (key, id)
        return (id, true)
    }

    mutating func put(
        _ record: ArticleRecord, bytes: Data, words: Int,
        txn: borrowing WriteTransaction
    ) throws -> RecordChange {
        let (id, _) = try articleID(record.key, txn: txn)
        var change = RecordChange.added
        if let old = try store.recordBytes(id, in: store.articles, txn: txn) {
            if old.elementsEqual(bytes) {
                if session.mode == .extracted { session.unchangedArticles.insert(record.key) }
                return .unchanged
            }
            let previous = try IndexStore.decodeRecord(
                ArticleRecord.self, old, database: Schema.articles, id: id,
                decoder: decoder)
            try unindex(previous, id: id, txn: txn)
            change = .replaced
            if session.mode == .extracted || (session.mode == .imported && previous.text != record.text) {
                try noteStatements(ofArticle: id, txn: txn)
            }
        }
        try store.putRecord(bytes, id: id, in: store.articles, txn: txn)
        try index(record, id: id, words: words, txn: txn)
        return change
    }

    /// Notes the statements stored for article `id` as stale: removed at
    /// the end of the session unless written again before.
    mutating func noteStatements(ofArticle id: UInt32, txn: borrowing WriteTransaction) throws {
        let key = IndexKey.field(.doc, id)
        for chunk in try store.chunks(key, in: store.fields, txn: txn) {
            guard let postings = Postings(chunk.value) else { throw IndexStore.damaged(Schema.fields, chunk.key) }
            postings.forEach {
                session.stale.insert($0)
                return true
            }
        }
    }

    mutating func index(_ record: ArticleRecord, id: UInt32, words: Int, txn: borrowing WriteTransaction) throws {
        _ = index(words: words, space: .article, id: id)
        var row = ArticleRow()
        row.live = true
        if let source = record.source {
            row.source = try entity(named: source, txn: txn)
            add(row.source, field: .source, id)
        }
        if let lang = record.lang { add(id, field: .lang, lang) }
        row.lang = ArticleRow.langCode(record.lang)
        // In record order: new entities get ids in a repeatable order.
        for cited in uniqued(record.cites ?? []) {
            add(try entity(named: cited, txn: txn), field: .cites, id)
        }
        if let published = record.published.flatMap(RecordDate.init) {
            row.day = published.first.rawValue
            row.precision = published.precision.ordinal
        }
        add(id, field: .liveArticles)
        try setRow(id, column: .articles, txn: txn) { row.write(to: $0, at: $1) }
    }

    mutating func unindex(_ record: ArticleRecord, id: UInt32, txn: borrowing WriteTransaction) throws {
        unindex([record.title ?? "", record.text], space: .article, id: id)
        if let source = record.source, let entity = try existingEntity(named: source, txn: txn) {
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.source, entity)))
        }
        if let lang = record.lang { remove(id, from: PostingKey(database: 0, key: IndexKey.field(.lang, lang))) }
        for cited in Set(record.cites ?? []) {
            if let entity = try existingEntity(named: cited, txn: txn) {
                remove(id, from: PostingKey(database: 0, key: IndexKey.field(.cites, entity)))
            }
        }
    }

    // MARK: - Statements

    /// A statement's names resolved: its article and entities.
    struct StatementNames {
        var article: UInt32
        var actor: (id: UInt32, canonical: Bool)
        var about: [(id: UInt32, canonical: Bool)]
    }

    mutating func put(
        _ record: StatementRecord, parts: StatementRecord.StoredParts, words: Int,
        txn: borrowing WriteTransaction
    ) throws -> RecordChange {
        let key = TextKey(record.id)
        // In the order indexing used to meet them, so that new entities
        // get the same ids: actor, article, about names.
        let actor = try resolve(record.actor, txn: txn)
        let names = StatementNames(
            article: try articleID(record.doc, txn: txn).0, actor: actor,
            about: try record.about.map { try resolve($0, txn: txn) })
        let bytes = record.storedBytes(
            parts, article: names.article, actor: actor.canonical ? actor.id : nil,
            about: names.about.map { $0.canonical ? $0.id : nil })
        var change = RecordChange.added
        let id: UInt32
        // The usual statement is new: its key goes in with the next id in
        // the same search that finds a stored one.
        let stored = try txn.insert(IDKey(nextStatement), for: key, in: store.statementKeys).map(IndexKey.readID)
        if let stored, let existing = stored {
            id = existing
            if !session.stale.isEmpty { session.stale.remove(id) }
            if let old = try store.recordBytes(id, in: store.statements, txn: txn) {
                if old.elementsEqual(bytes) { return .unchanged }
                let previous = try storedStatement(old, id: id, txn: txn)
                if previous == record {
                    // The same record stored another way (an older layout,
                    // a name as text that has a number now): nothing to index.
                    try store.putRecord(bytes, id: id, in: store.statements, txn: txn)
                    return .unchanged
                }
                try unindex(previous, id: id, txn: txn)
            }
            change = .replaced
        } else {
            id = nextStatement
            nextStatement += 1
            if stored != nil { try txn.put(IDKey(id), for: key, in: store.statementKeys) }  // not an id: replaced
        }
        try store.putRecord(bytes, id: id, in: store.statements, txn: txn)
        try index(record, id: id, names: names, words: words, txn: txn)
        return change
    }

    /// A stored statement with the names it holds by number read back in
    /// this transaction (which may have made them).
    func storedStatement(_ bytes: UnsafeRawBufferPointer, id: UInt32, txn: borrowing WriteTransaction) throws -> StatementRecord {
        try IndexStore.storedStatement(
            bytes, id: id,
            article: { article in
                try txn.get(IndexKey.id(article), in: store.articleNames).map { String(decoding: $0, as: UTF8.self) }
            },
            entity: { entity in
                try store.recordBytes(entity, in: store.entities, txn: txn).map {
                    try IndexStore.decodeRecord(EntityRecord.self, $0, database: Schema.entities, id: entity, decoder: decoder).name
                }
            })
    }

    /// Deletes a statement: its index entries, its record and its key. The
    /// dense id is not reused; its row is marked dead.
    mutating func removeStatement(_ external: String, txn: borrowing WriteTransaction) throws -> Bool {
        let key = Array(external.utf8)
        guard let stored = try txn.get(key, in: store.statementKeys), let id = IndexKey.readID(stored) else { return false }
        return try removeStatement(id: id, txn: txn)
    }

    /// The same by dense id.
    mutating func removeStatement(id: UInt32, txn: borrowing WriteTransaction) throws -> Bool {
        guard let old = try store.recordBytes(id, in: store.statements, txn: txn) else { return false }
        let record = try storedStatement(old, id: id, txn: txn)
        try unindex(record, id: id, txn: txn)
        try txn.delete(IndexKey.id(id), in: store.statements)
        try txn.delete(Array(record.id.utf8), in: store.statementKeys)
        remove(id, from: PostingKey(database: 0, key: IndexKey.field(.liveStatements)))
        try setStatementRow(id, StatementRow(), txn: txn)
        return true
    }

    mutating func index(
        _ record: StatementRecord, id: UInt32, names: StatementNames, words: Int,
        txn: borrowing WriteTransaction
    ) throws {
        var row = StatementRow()
        row.live = true
        row.actor = names.actor.id
        row.article = names.article
        row.stance = record.stance.ordinal
        add(row.actor, field: .actor, id)
        add(row.article, field: .doc, id)
        add(UInt32(row.stance), field: .stance, id)
        for (k, entity) in names.about.enumerated() where !names.about[..<k].contains(where: { $0.id == entity.id }) {
            add(entity.id, field: .about, id)
        }
        if let date = RecordDate(record.date) {
            row.day = date.first.rawValue
            row.precision = date.precision.ordinal
            add(id, day: date.first)
            if date.precision != .day { add(id, field: .impreciseDates) }
        }
        _ = index(words: index(words: words, space: .quote, id: id), space: .sentence, id: id)
        add(id, field: .liveStatements)
        try setStatementRow(id, row, txn: txn)
    }

    /// The text spaces, in the order of ``wordSlots``.
    static let spaces: [TextSpace] = [.quote, .sentence, .article, .quoteForms, .sentenceForms, .articleForms]

    /// The slot of a batch word in a text space.
    @inline(__always)
    mutating func slot(word: UInt32, _ space: TextSpace) -> Int {
        let column: Int
        switch space {
        case .quote: column = 0
        case .sentence: column = 1
        case .article: column = 2
        case .quoteForms: column = 3
        case .sentenceForms: column = 4
        case .articleForms: column = 5
        }
        let cell = Int(word) * BatchWriter.spaces.count + column
        let known = wordSlots[cell]
        if known > 0 { return Int(known) - 1 }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(2)
        scratch.append(space.rawValue)
        scratch.append(contentsOf: words.words.key(Int(word)))
        let slot = scratch.withUnsafeBufferPointer { table.slot($0) }
        wordSlots[cell] = Int32(slot + 1)
        return slot
    }

    /// Indexes the ``BatchWords`` entry at `start` under `space`: each term's
    /// list gets the id once, with the term's positions for statements; each
    /// form's list the id once. Returns where the next entry starts.
    mutating func index(words start: Int, space: TextSpace, id: UInt32) -> Int {
        let stream = words.stream
        return stream.withUnsafeBufferPointer { stream in
            var i = start
            let terms = Int(stream[i])
            i += 1
            let keepsPositions = space != .article
            for _ in 0..<terms {
                let slot = slot(word: stream[i], space)
                let n = Int(stream[i + 1])
                table.added.append(slot, id)
                if keepsPositions {
                    table.positions.appendRun(slot, id: id, positions: UnsafeBufferPointer(rebasing: stream[(i + 2)..<(i + 2 + n)]))
                }
                i += 2 + n
            }
            let forms = Int(stream[i])
            i += 1
            let formSpace = space.forms
            for k in i..<(i + forms) {
                // Distinct within the entry already.
                table.added.append(slot(word: stream[k], formSpace), id)
            }
            return i + forms
        }
    }

    mutating func unindex(_ record: StatementRecord, id: UInt32, txn: borrowing WriteTransaction) throws {
        var rows = StatementRows()
        let row = try rows.row(id, store: store, txn: txn)
        if row.live {
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.actor, row.actor)))
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.doc, row.article)))
            remove(id, from: PostingKey(database: 0, key: IndexKey.field(.stance, UInt32(row.stance))))
            if let date = row.date {
                remove(id, from: PostingKey(database: 1, key: IndexKey.day(date.first)))
                remove(id, from: PostingKey(database: 0, key: IndexKey.field(.impreciseDates)))
            }
        }
        for name in Set(record.about) {
            if let entity = try existingEntity(named: name, txn: txn) {
                remove(id, from: PostingKey(database: 0, key: IndexKey.field(.about, entity)))
            }
        }
        unindex(CollectionOfOne(record.quote), space: .quote, id: id)
        unindex(CollectionOfOne(record.sentence ?? ""), space: .sentence, id: id)
    }

    /// Takes `id` off the lists of the words of `texts` (analysed as when
    /// they were indexed: by `analyzer`, else the current one) under `space`
    /// and its form space, and for statements off the terms' positions.
    mutating func unindex(_ texts: some Sequence<String>, space: TextSpace, id: UInt32, analyzer: Analyzer? = nil) {
        var words = BatchWords()
        let start = words.append(texts, positions: false, analyzer: analyzer ?? self.analyzer)
        let entry = words.entry(at: start)
        for term in entry.terms {
            let key = [space.rawValue] + words.words.key(term)
            remove(id, from: PostingKey(database: 2, key: key))
            if space != .article { table.positionRemovals[table.slot(2, key), default: []].insert(id) }
        }
        for form in entry.forms {
            remove(id, from: PostingKey(database: 2, key: [space.forms.rawValue] + words.words.key(form)))
        }
    }

    // MARK: - Accumulating and flushing

    mutating func add(_ id: UInt32, to key: PostingKey) {
        table.added.append(table.slot(key.database, key.key), id)
    }

    mutating func remove(_ id: UInt32, from key: PostingKey) {
        table.removed[table.slot(key.database, key.key)].append(id)
    }

    // The three below find their slot by number: a statement adds its id
    // to eight or so such lists, and building and hashing each key's bytes
    // was a tenth of the writer's time.

    mutating func add(_ value: UInt32, field: FieldIndex, _ id: UInt32) {
        let slot = table.slot(number: UInt64(field.rawValue) << 32 | UInt64(value)) { [0] + IndexKey.field(field, value) }
        table.added.append(slot, id)
    }

    /// A field index of no value (live statements, imprecise dates).
    mutating func add(_ id: UInt32, field: FieldIndex) {
        let slot = table.slot(number: 1 << 40 | UInt64(field.rawValue) << 32) { [0] + IndexKey.field(field) }
        table.added.append(slot, id)
    }

    mutating func add(_ id: UInt32, day: DayNumber) {
        let slot = table.slot(number: 2 << 40 | UInt64(UInt32(bitPattern: day.rawValue))) { [1] + IndexKey.day(day) }
        table.added.append(slot, id)
    }

    mutating func add(_ id: UInt32, field: FieldIndex, _ value: String) {
        add(id, to: PostingKey(database: 0, key: IndexKey.field(field, value)))
    }

    /// A statement's row: its five narrow columns.
    mutating func setStatementRow(_ id: UInt32, _ row: StatementRow, txn: borrowing WriteTransaction) throws {
        for column in store.layout.statementColumns {
            try setRow(id, column: column, txn: txn) { row.write(column, to: $0, at: $1) }
        }
    }

    mutating func setRow(
        _ id: UInt32, column: Column, txn: borrowing WriteTransaction,
        _ write: (UnsafeMutableRawBufferPointer, Int) -> Void
    ) throws {
        let size = store.layout.blockSize
        let block = Int(id) / size
        let number = UInt64(column.rawValue) << 32 | UInt64(block)
        let index: Int
        if let known = blockIndex.find(number) {
            index = known
        } else {
            let key = Column.key(column, block: block)
            let bytes = try txn.getBytes(key, in: store.columns) ?? []
            index = blocks.count
            blocks.append(bytes)
            blockKeys.append(key)
            blockIndex.insert(number, index)
        }
        // A block ends at its last row written; the rows before it that
        // were not hold "none".
        let row = Int(id) % size
        column.pad(&blocks[index], rows: row + 1)
        blocks[index].withUnsafeMutableBytes { write($0, row * column.width) }
    }

    mutating func flush(txn: borrowing WriteTransaction) throws {
        try store.environment.raiseFormat(in: txn, meta: store.meta)
        // The lists in key order, through one cursor per database: each
        // read and write then starts from the page the one before left.
        let slots = table.orderedSlots()
        // The closures work on this one copy: a call on `self` from inside
        // them copied the whole writer (a retain per field) for every list.
        let writer = self
        try txn.withCursor(on: store.fields) { fields in
            try txn.withCursor(on: store.dates) { dates in
                try txn.withCursor(on: store.terms) { terms in
                    try txn.withCursor(on: store.positions) { positions in
                        for slot in slots {
                            guard let (target, key) = writer.table.key(slot) else { continue }
                            switch target {
                            case 0: try writer.flushPostings(slot, key: key, db: writer.store.fields, cursor: fields, txn: txn)
                            case 1: try writer.flushPostings(slot, key: key, db: writer.store.dates, cursor: dates, txn: txn)
                            default:
                                try writer.flushPostings(slot, key: key, db: writer.store.terms, cursor: terms, txn: txn)
                                if !writer.table.positions.isEmpty(slot) || writer.table.positionRemovals[slot] != nil {
                                    try writer.flushPositions(slot, key: key, cursor: positions, txn: txn)
                                }
                            }
                        }
                    }
                }
            }
        }
        for index in blockKeys.indices.sorted(by: { blockKeys[$0].lexicographicallyPrecedes(blockKeys[$1]) }) {
            try txn.put(blocks[index], for: blockKeys[index], in: store.columns)
        }
        try store.setCounter(.nextArticle, to: nextArticle, in: txn)
        try store.setCounter(.nextStatement, to: nextStatement, in: txn)
        try store.setCounter(.nextEntity, to: nextEntity, in: txn)
    }

    /// Merges a slot's additions and removals into its stored list. Ids
    /// added above every stored one (a new statement's, nearly always) go
    /// to the end of the last chunk and into new chunks after it: the
    /// chunks before are not read or written. Anything else (an update, a
    /// deletion) rewrites the list.
    private func flushPostings(
        _ slot: Int, key: [UInt8], db: Database, cursor: borrowing Cursor,
        txn: borrowing WriteTransaction
    ) throws {
        var added = table.added.array(slot)
        if !isAscending(added) { added = dedupe(added.sorted()) }
        let removed = table.removed[slot].filter { !contains(sorted: added, $0) }.sorted()
        let stored = try store.chunks(key, cursor: cursor).map { chunk in
            guard let postings = Postings(chunk.value) else { throw IndexStore.damaged(db.name, chunk.key) }
            return (key: chunk.key, postings: postings)
        }
        func laterKey(_ high: UInt32) -> [UInt8] { ListChunks.key(key, high: UInt16(truncatingIfNeeded: high)) }
        if removed.isEmpty, let first = added.first,
            stored.last.map({ $0.postings.lastID.map { first > $0 } ?? true }) ?? true
        {
            let tail = stored.last.map { chunk in
                (
                    key: chunk.key, bytes: chunk.postings.bytes, continued: chunk.postings.continued,
                    lastHigh: chunk.postings.containerCount > 0
                        ? chunk.postings.container(chunk.postings.containerCount - 1).high : nil
                )
            }
            let cuts = ChunkCuts.of(
                added, target: store.chunkTarget, size: tail?.bytes.count ?? 0,
                lastHigh: tail?.lastHigh)
            try putChunks(
                cuts, of: key, after: tail.map { ($0.key, $0.bytes, $0.continued) },
                isFirst: stored.count <= 1, laterKey: laterKey, cursor: cursor
            ) { k in
                guard k == 0, let tail = stored.last?.postings else { return Postings.encode(sorted: added[cuts.range(k)]) }
                return Postings.encode(appending: Array(added[cuts.range(0)]), to: tail)
            }
            return
        }
        var old: [UInt32] = []
        for chunk in stored {
            chunk.postings.forEach {
                old.append($0)
                return true
            }
        }
        let merged = PostingsMerge.apply(old: old, added: added, removed: removed)
        guard merged != old else { return }
        for chunk in stored.dropFirst() { try txn.delete(chunk.key, in: db) }
        if merged.isEmpty {
            if !stored.isEmpty { try txn.delete(key, in: db) }
            return
        }
        let cuts = ChunkCuts.of(merged, target: store.chunkTarget)
        try putChunks(cuts, of: key, after: nil, isFirst: true, laterKey: laterKey, cursor: cursor) { k in
            Postings.encode(sorted: merged[cuts.range(k)])
        }
    }

    /// The same for a term's positions: runs of `id, count, positions…`.
    private func flushPositions(
        _ slot: Int, key: [UInt8], cursor: borrowing Cursor,
        txn: borrowing WriteTransaction
    ) throws {
        let db = store.positions
        let runs = table.positions.array(slot)
        let removals = table.positionRemovals[slot] ?? []
        let stored = try store.chunks(key, suffix: ListChunks.positionsSuffix, cursor: cursor).map { chunk in
            guard let positions = Positions(chunk.value) else { throw IndexStore.damaged(db.name, chunk.key) }
            return (key: chunk.key, positions: positions)
        }
        func laterKey(_ id: UInt32) -> [UInt8] { ListChunks.key(key, firstID: id) }
        // Each run's start, id and encoded size (about), for cutting.
        var starts: [Int] = []
        var ids: [UInt32] = []
        var sizes: [Int] = []
        // A run is at least three numbers (id, count, a position).
        starts.reserveCapacity(runs.count / 3 + 1)
        ids.reserveCapacity(runs.count / 3)
        sizes.reserveCapacity(runs.count / 3)
        var ascending = true
        // Over the buffer: a slice of the array per run, retained and
        // released, was most of this loop.
        runs.withUnsafeBufferPointer { runs in
            var i = 0
            var last: UInt32?
            while i + 1 < runs.count {
                let id = runs[i]
                if let last, last >= id { ascending = false }
                let n = Int(runs[i + 1])
                starts.append(i)
                sizes.append(
                    Positions.entrySize(
                        delta: id &- (last ?? 0),
                        UnsafeBufferPointer(rebasing: runs[min(runs.count, i + 2)..<min(runs.count, i + 2 + n)])))
                ids.append(id)
                last = id
                i += 2 + n
            }
        }
        starts.append(runs.count)
        // Entries above every stored one (or a new word's): to the end of
        // the last chunk and into new chunks after it. A list stored before
        // positions were packed is rewritten whole instead, packed.
        let tail = stored.last?.positions
        if removals.isEmpty, ascending, let first = ids.first,
            tail.map({ $0.count > 0 && $0.packed && ($0.lastID.map { first > $0 } ?? false) }) ?? true
        {
            let cuts = ChunkCuts.of(
                entries: ids, bytes: sizes, target: store.positionsChunkTarget,
                size: tail?.bytes.count ?? 0, entries: tail?.count ?? 0)
            try putChunks(
                cuts, of: key, after: stored.last.map { ($0.key, $0.positions.bytes, $0.positions.continued) },
                isFirst: stored.count <= 1, laterKey: laterKey, cursor: cursor
            ) { k in
                let r = cuts.range(k)
                return Positions.encode(
                    appending: Array(runs[starts[r.lowerBound]..<starts[r.upperBound]]),
                    to: k == 0 ? tail : nil)
            }
            return
        }
        var added: [(id: UInt32, positions: [UInt32])] = []
        for k in 0..<ids.count {
            let n = Int(runs[starts[k] + 1])
            added.append((ids[k], Array(runs[(starts[k] + 2)..<min(runs.count, starts[k] + 2 + n)])))
        }
        var entries: [(id: UInt32, positions: [UInt32])] = []
        if !stored.isEmpty {
            guard let list = PositionList(joining: stored.map { $0.positions }) else {
                throw IndexStore.damaged(db.name, key)
            }
            entries = list.entries
        }
        let replaced = removals.union(added.map(\.id))
        if !replaced.isEmpty, entries.contains(where: { replaced.contains($0.id) }) {
            entries.removeAll { replaced.contains($0.id) }
        }
        entries.append(contentsOf: added)
        entries.sort { $0.id < $1.id }
        for chunk in stored.dropFirst() { try txn.delete(chunk.key, in: db) }
        if entries.isEmpty {
            if !stored.isEmpty { try txn.delete(key, in: db) }
            return
        }
        var entrySizes: [Int] = []
        entrySizes.reserveCapacity(entries.count)
        for (k, entry) in entries.enumerated() {
            entrySizes.append(Positions.entrySize(delta: entry.id &- (k > 0 ? entries[k - 1].id : 0), entry.positions[...]))
        }
        let cuts = ChunkCuts.of(entries: entries.map { $0.id }, bytes: entrySizes, target: store.positionsChunkTarget)
        try putChunks(cuts, of: key, after: nil, isFirst: true, laterKey: laterKey, cursor: cursor) { k in
            Positions.encode(Array(entries[cuts.range(k)]))
        }
    }

    /// Writes the chunks `cuts` describes. Chunk 0 continues `last`, the
    /// stored last chunk (nil: a new list, or one rewritten whole, whose
    /// later chunks are deleted already), and is written only when it
    /// gains items or, being the list's first, must now say that chunks
    /// follow. `encode(k)` gives chunk k's bytes (chunk 0's with `last`'s
    /// items before the new ones); `laterKey` a later chunk's key from its
    /// start. `last`'s bytes must not be read after the first write.
    private func putChunks(
        _ cuts: ChunkCuts, of key: [UInt8],
        after last: (key: [UInt8], bytes: UnsafeRawBufferPointer, continued: Bool)?,
        isFirst: Bool, laterKey: (UInt32) -> [UInt8], cursor: borrowing Cursor,
        encode: (Int) -> [UInt8]
    ) throws {
        let continued = last?.continued ?? false
        if !cuts.range(0).isEmpty || (isFirst && cuts.count > 1 && !continued) {
            var bytes: [UInt8]
            if let last, cuts.range(0).isEmpty {
                bytes = Array(last.bytes)
            } else {
                bytes = encode(0)
            }
            if isFirst { ListChunks.mark(&bytes, continued: cuts.count > 1 || continued) }
            try cursor.put(bytes, for: last?.key ?? key)
        }
        for k in 1..<cuts.count {
            try cursor.put(encode(k), for: laterKey(cuts.starts[k]))
        }
    }

    private func isAscending(_ ids: [UInt32]) -> Bool {
        var previous: UInt32?
        for id in ids {
            if let p = previous, p >= id { return false }
            previous = id
        }
        return true
    }

    private func contains(sorted ids: [UInt32], _ id: UInt32) -> Bool {
        var lo = 0
        var hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < ids.count && ids[lo] == id
    }

    private func uniqued(_ names: [String]) -> [String] {
        // A record names a few entities: comparing beats hashing.
        guard names.count > 1 else { return names }
        guard names.count <= 16 else {
            var seen: Set<String> = []
            return names.filter { seen.insert($0).inserted }
        }
        var out: [String] = []
        for name in names where !out.contains(name) { out.append(name) }
        return out
    }

    private func dedupe(_ sorted: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(sorted.count)
        for id in sorted where out.last != id { out.append(id) }
        return out
    }
}

extension IndexKey {
    /// Words longer than this (in UTF-8 bytes) are not indexed: LMDB keys
    /// end at 511 bytes, and no language has such words.
    package static let longestWord = 200
    /// Names and ids longer than this are refused on import.
    package static let longestName = 400

}

extension Stance {
    package var ordinal: UInt8 { UInt8(Stance.allCases.firstIndex(of: self) ?? 0) }

    package init?(ordinal: UInt8) {
        guard Int(ordinal) < Stance.allCases.count else { return nil }
        self = Stance.allCases[Int(ordinal)]
    }
}

extension IndexStore {
    func counter(_ counter: Schema.Counter, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> UInt32 {
        guard let bytes = try txn.get(Array(counter.rawValue.utf8), in: meta) else { return 0 }
        var reader = KeyReader(bytes)
        return reader.readUInt32() ?? 0
    }

    /// Moves the id counters forward, so that the next statement and article
    /// get at least these ids: tests place lists across 65,536-id
    /// containers this way without importing tens of thousands of records.
    package func skipIDs(statementsTo statement: UInt32, articlesTo article: UInt32) throws {
        try environment.write { txn in
            if try counter(.nextStatement, in: txn) < statement { try setCounter(.nextStatement, to: statement, in: txn) }
            if try counter(.nextArticle, in: txn) < article { try setCounter(.nextArticle, to: article, in: txn) }
        }
    }

    func setCounter(_ counter: Schema.Counter, to value: UInt32, in txn: borrowing WriteTransaction) throws {
        var bytes = KeyBuilder()
        bytes.append(value)
        try txn.put(bytes.bytes, for: Array(counter.rawValue.utf8), in: meta)
    }

    static func damagedRecord(_ database: String, _ id: UInt32, _ why: String? = nil) -> StoreError {
        StoreError(
            .corrupted, operation: "read '\(database)'",
            message: "store damaged: record \(id) in '\(database)' cannot be read"
                + (why.map { " (\($0))" } ?? "") + "; run 'isnad check'")
    }

    /// A JSON record of `database` (articles, entities) decoded, or the
    /// store-damaged error that names it: a record that no longer decodes
    /// is damage, not bad input.
    static func decodeRecord<T: Decodable>(
        _ type: T.Type, _ bytes: UnsafeRawBufferPointer, database: String, id: UInt32,
        decoder: JSONDecoder = JSONDecoder()
    ) throws -> T {
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw damagedRecord(database, id, IndexStore.reason(error))
        }
    }

    /// A DecodingError in a few words.
    static func reason(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " '" + path.map(\.stringValue).joined(separator: ".") + "'"
        }
        switch error {
        case .dataCorrupted(let context): return "not valid JSON" + field(context.codingPath)
        case .keyNotFound(let key, let context): return "field" + field(context.codingPath + [key]) + " is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field" + field(context.codingPath) + " has the wrong type"
        @unknown default: return "it does not decode"
        }
    }

    /// A stored statement record with the names it holds by number named
    /// through `article` and `entity`, or the error that it is damaged.
    static func storedStatement(
        _ bytes: UnsafeRawBufferPointer, id: UInt32,
        article: (UInt32) throws -> String?,
        entity: (UInt32) throws -> String?
    ) throws -> StatementRecord {
        guard let (decoded, numbers) = StatementRecord.decode(stored: bytes) else {
            throw damagedRecord(Schema.statements, id)
        }
        var record = decoded
        guard try numbers.name(&record, article: article, entity: entity) else {
            throw damagedRecord(Schema.statements, id)
        }
        return record
    }

    static func damaged(_ database: String, _ key: [UInt8]) -> StoreError {
        StoreError(
            .corrupted, operation: "read '\(database)'",
            message: "the stored list under \(String(decoding: key.dropFirst(), as: UTF8.self)) is damaged")
    }
}
