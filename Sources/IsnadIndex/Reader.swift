import Foundation
import IsnadStore
import IsnadText
import IsnadVocabulary

/// Reads the index inside one read transaction. Postings and positions
/// point into the memory map and are valid until the transaction ends.
extension IndexStore {
    package typealias Txn = ReadTransaction

    /// Runs `body` on one consistent snapshot of the store.
    package func snapshot<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        guard layout == .legacy || !checksums else { return try environment.read(body) }
        return try environment.read { txn in
            // Another process may have upgraded the store since it was
            // opened; this one would misread its columns or its records.
            let version = try environment.formatVersion(in: txn, meta: meta) ?? 0
            if (layout == .legacy && version >= Schema.columnsFormat) || (!checksums && version >= Schema.checksumFormat) {
                throw StoreError(
                    .incompatibleFormat, operation: "read",
                    message: "the store at '\(environment.path)' was upgraded to format \(Schema.format.version) "
                        + "by another process while open here: open it again")
            }
            return try body(txn)
        }
    }

    func postings(_ key: [UInt8], in db: Database, txn: borrowing Txn) throws -> Postings {
        let parts = try chunks(key, in: db, txn: txn).map { chunk in
            guard let part = Postings(chunk.value) else { throw IndexStore.damaged(db.name, chunk.key) }
            return part
        }
        guard parts.count > 1 else { return parts.first ?? .empty }
        guard let joined = Postings.joined(parts) else { throw IndexStore.damaged(db.name, key) }
        return joined
    }

    package func postings(_ field: FieldIndex, _ id: UInt32, txn: borrowing Txn) throws -> Postings {
        let field = field == .doc && layout == .legacy ? .legacyDoc : field
        return try postings(IndexKey.field(field, id), in: fields, txn: txn)
    }

    package func postings(_ field: FieldIndex, _ value: String, txn: borrowing Txn) throws -> Postings {
        try postings(IndexKey.field(field, value), in: fields, txn: txn)
    }

    package func postings(_ field: FieldIndex, txn: borrowing Txn) throws -> Postings {
        try postings(IndexKey.field(field), in: fields, txn: txn)
    }

    package func postings(_ space: TextSpace, term: String, txn: borrowing Txn) throws -> Postings {
        guard term.utf8.count <= IndexKey.longestWord else { return .empty }
        return try postings(IndexKey.term(space, term), in: terms, txn: txn)
    }

    package func positions(_ space: TextSpace, term: String, txn: borrowing Txn) throws -> PositionList? {
        let key = IndexKey.term(space, term)
        let parts = try chunks(key, in: positions, suffix: ListChunks.positionsSuffix, txn: txn).map { chunk in
            guard let part = Positions(chunk.value) else { throw IndexStore.damaged(Schema.positions, chunk.key) }
            return part
        }
        guard !parts.isEmpty else { return nil }
        guard let list = PositionList(joining: parts) else { throw IndexStore.damaged(Schema.positions, key) }
        return list
    }

    /// How many statements the days from `lower` to `upper` hold, from
    /// each list's stored total alone: a plan's estimate, which must not
    /// cost what reading the lists would (a year is hundreds of them).
    package func dateCount(from lower: DayNumber?, to upper: DayNumber?, txn: borrowing Txn) throws -> Int {
        var total = 0
        try txn.scan(dates, in: dateRange(from: lower, to: upper)) { entry in
            if entry.value.count >= Postings.headerSize {
                total += Int(entry.value.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
            }
            return .next
        }
        return total
    }

    private func dateRange(from lower: DayNumber?, to upper: DayNumber?) -> KeyRange {
        KeyRange(
            lower: lower.map { .inclusive(IndexKey.day($0)) } ?? .unbounded,
            upper: upper.map { .inclusive(ListChunks.key(IndexKey.day($0), high: .max)) } ?? .unbounded)
    }

    /// The postings of every day from `lower` to `upper` (nil: open), by a
    /// cursor range over the date index: each chunk of a day's list on its
    /// own (they hold different ids), so the range ends past the last
    /// day's later chunks.
    package func dates(from lower: DayNumber?, to upper: DayNumber?, txn: borrowing Txn) throws -> [Postings] {
        var out: [Postings] = []
        try txn.scan(dates, in: dateRange(from: lower, to: upper)) { entry in
            guard let postings = Postings(entry.value) else {
                throw IndexStore.damaged(Schema.dates, Array(entry.key))
            }
            out.append(postings)
            return .next
        }
        return out
    }

    /// The entities an alias key names, in id order.
    package func entities(alias kind: AliasKind, _ text: String, txn: borrowing Txn) throws -> [UInt32] {
        let key = IndexKey.alias(kind, text)
        guard key.count <= 511 else { return [] }
        return try txn.withCursor(on: aliases) { cursor in
            var out: [UInt32] = []
            var entry = try cursor.seek(exactly: key)
            while let current = entry {
                if let id = IndexKey.readID(current.value) { out.append(id) }
                entry = try cursor.nextDuplicate()
            }
            return out
        }
    }

    /// Entities with a normalised alias that starts with `prefix`.
    package func entities(aliasPrefix prefix: String, txn: borrowing Txn) throws -> [UInt32] {
        var out: Set<UInt32> = []
        try txn.scan(aliases, in: .prefix(IndexKey.alias(.normalized, prefix))) { entry in
            if let id = IndexKey.readID(entry.value) { out.insert(id) }
            return .next
        }
        return out.sorted()
    }

    /// The postings of every form of `space` that starts with `prefix`,
    /// each chunk of a form's list on its own.
    package func postings(_ space: TextSpace, formsStartingWith prefix: String, txn: borrowing Txn) throws -> [Postings] {
        var out: [Postings] = []
        try txn.scan(terms, in: .prefix(IndexKey.term(space.forms, prefix))) { entry in
            guard let postings = Postings(entry.value) else { throw IndexStore.damaged(Schema.terms, Array(entry.key)) }
            out.append(postings)
            return .next
        }
        return out
    }

    package func statement(_ id: UInt32, txn: borrowing Txn) throws -> StatementRecord? {
        try recordBytes(id, in: statements, txn: txn).map { try storedStatement($0, id: id, txn: txn) }
    }

    /// A stored statement record with the names it holds by number read
    /// back, or the error that it is damaged.
    func storedStatement(_ bytes: UnsafeRawBufferPointer, id: UInt32, txn: borrowing Txn) throws -> StatementRecord {
        try IndexStore.storedStatement(
            bytes, id: id, article: { try articleKey($0, txn: txn) },
            entity: { try entityName($0, txn: txn) })
    }

    /// A statement's external id alone: listing matches needs no more than
    /// that, and it is the first thing in the record.
    package func statementKey(_ id: UInt32, txn: borrowing Txn) throws -> String? {
        guard let bytes = try recordBytes(id, in: statements, txn: txn) else { return nil }
        guard let key = StatementRecord.storedID(bytes) else { throw IndexStore.damagedRecord(Schema.statements, id) }
        return key
    }

    package func article(_ id: UInt32, txn: borrowing Txn) throws -> ArticleRecord? {
        try record(id, in: articles, txn: txn)
    }

    package func entity(_ id: UInt32, txn: borrowing Txn) throws -> EntityRecord? {
        try record(id, in: entities, txn: txn)
    }

    /// An entity's canonical name, from the store's cache for this
    /// snapshot (see ``IndexStore/names``).
    package func entityName(_ id: UInt32, txn: borrowing Txn) throws -> String? {
        let snapshot = txn.snapshotID
        if let name = names.withLock({ cache -> String? in
            guard cache.snapshot == snapshot else { return nil }
            if let all = cache.all, Int(id) < all.names.count { return all.names[Int(id)] }
            return cache.names[id]
        }) {
            return name
        }
        guard let name = try entity(id, txn: txn)?.name else { return nil }
        names.withLock { cache in
            if cache.snapshot != snapshot { cache = NameCache(snapshot: snapshot) }
            cache.names[id] = name
        }
        return name
    }

    /// Every entity's canonical name and its place in name order, read
    /// once per snapshot from `entity_keys` (names → ids, already in byte
    /// order) and kept: `count by actor` names and orders its groups with
    /// neither a lookup nor a string comparison per group.
    package func entityNames(txn: borrowing Txn) throws -> EntityNames {
        let snapshot = txn.snapshotID
        if let all = names.withLock({ $0.snapshot == snapshot ? $0.all : nil }) { return all }
        let limit = try idLimits(txn: txn).entities
        var pairs: [(name: String, id: UInt32)] = []
        try txn.scan(entityKeys) { entry in
            if let id = IndexKey.readID(entry.value), Int(id) < limit {
                pairs.append((String(decoding: entry.key, as: UTF8.self), id))
            }
            return .next
        }
        // Byte order is String order for names in NFC, which is nearly
        // always; where it is not, the names are sorted as Strings.
        if !zip(pairs, pairs.dropFirst()).allSatisfy({ $0.name <= $1.name }) {
            pairs.sort { $0.name != $1.name ? $0.name < $1.name : $0.id < $1.id }
        }
        var byID = [String?](repeating: nil, count: limit)
        var ranks = [UInt32](repeating: .max, count: limit)
        for (rank, pair) in pairs.enumerated() {
            byID[Int(pair.id)] = pair.name
            ranks[Int(pair.id)] = UInt32(rank)
        }
        let all = EntityNames(names: byID, ranks: ranks)
        names.withLock { cache in
            if cache.snapshot != snapshot { cache = NameCache(snapshot: snapshot) }
            cache.all = all
        }
        return all
    }

    private func record<T: Decodable>(_ id: UInt32, in db: Database, txn: borrowing Txn) throws -> T? {
        guard let bytes = try recordBytes(id, in: db, txn: txn) else { return nil }
        return try IndexStore.decodeRecord(T.self, bytes, database: db.name, id: id)
    }

    /// The dense id of an external article key.
    /// The statement with this external id (`a0000001:2`), if stored.
    package func statement(key: String, txn: borrowing Txn) throws -> StatementRecord? {
        guard let bytes = try txn.get(Array(key.utf8), in: statementKeys), let id = IndexKey.readID(bytes) else { return nil }
        return try statement(id, txn: txn)
    }

    package func articleID(_ key: String, txn: borrowing Txn) throws -> UInt32? {
        // LMDB refuses to look up an empty key or one over 511 bytes
        // (MDB_BAD_VALSIZE); no such key is stored (`doc:` + a long value).
        guard IndexStore.canBeKey(key), let bytes = try txn.get(Array(key.utf8), in: articleKeys) else { return nil }
        return IndexKey.readID(bytes)
    }

    /// The entity a name in a record refers to, as import resolved it: the
    /// entity of that canonical name, else the first with it as an alias.
    package func entityID(named name: String, txn: borrowing Txn) throws -> UInt32? {
        if IndexStore.canBeKey(name), let stored = try txn.get(Array(name.utf8), in: entityKeys) { return IndexKey.readID(stored) }
        let normalized = Analyzer(stemming: false).aliasForm(name)
        guard !normalized.isEmpty else { return nil }
        return try entities(alias: .normalized, normalized, txn: txn).first
    }

    /// Whether `record` is stored exactly so (ingesting it again would
    /// change nothing).
    package func isStored(_ record: ArticleRecord, txn: borrowing Txn) throws -> Bool {
        guard let id = try articleID(record.key, txn: txn),
            let stored = try recordBytes(id, in: articles, txn: txn)
        else { return false }
        return stored.elementsEqual(record.storedJSON())
    }

    /// An article's statements, in id order.
    package func statements(ofArticle key: String, txn: borrowing Txn) throws -> [StatementRecord] {
        guard let id = try articleID(key, txn: txn) else { return [] }
        return try postings(.doc, id, txn: txn).ids.compactMap { try statement($0, txn: txn) }
    }

    /// Whether LMDB can hold `text` as a key: 1 to 511 bytes.
    static func canBeKey(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 511
    }

    /// A single value of `meta`, as text.
    package func metaValue(_ key: String, txn: borrowing Txn) throws -> String? {
        try txn.get(Array(key.utf8), in: meta).map { String(decoding: $0, as: UTF8.self) }
    }

    package func setMetaValue(_ key: String, _ value: String) throws {
        try environment.write { txn in try txn.put(Array(value.utf8), for: Array(key.utf8), in: meta) }
    }

    /// The external key of an article id.
    package func articleKey(_ id: UInt32, txn: borrowing Txn) throws -> String? {
        try txn.get(IndexKey.id(id), in: articleNames).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One past the largest id of each kind: the size of the id spaces.
    package func idLimits(txn: borrowing Txn) throws -> (statements: Int, articles: Int, entities: Int) {
        (
            Int(try counter(.nextStatement, in: txn)), Int(try counter(.nextArticle, in: txn)),
            Int(try counter(.nextEntity, in: txn))
        )
    }

    /// Calls `body` with every record of a database in id order, decoded.
    /// A damaged record throws, or with `skipping`, is handed to it with
    /// its error and left out.
    package func forEach<T: Decodable>(
        _ type: T.Type, txn: borrowing Txn, skipping: ((StoreError) -> Void)? = nil,
        _ body: (UInt32, T) throws -> Void
    ) throws {
        /// `read` done, or its damage passed to `skipping`.
        func record(_ read: () throws -> T?) throws -> T? {
            guard let skipping else { return try read() }
            do {
                return try read()
            } catch let error as StoreError where error.code == .corrupted {
                skipping(error)
                return nil
            }
        }
        if type is StatementRecord.Type {
            try txn.scan(statements) { entry in
                guard let id = IndexKey.readID(entry.key) else { return .next }
                let decoded = try record {
                    let bytes = try recordBytes(entry.value, id: id, in: Schema.statements)
                    return try storedStatement(bytes, id: id, txn: txn) as? T
                }
                if let decoded { try body(id, decoded) }
                return .next
            }
            return
        }
        let db = type is ArticleRecord.Type ? articles : entities
        let decoder = JSONDecoder()
        try txn.scan(db) { entry in
            guard let id = IndexKey.readID(entry.key) else { return .next }
            let decoded = try record {
                let bytes = try recordBytes(entry.value, id: id, in: db.name)
                return try IndexStore.decodeRecord(T.self, bytes, database: db.name, id: id, decoder: decoder)
            }
            if let decoded { try body(id, decoded) }
            return .next
        }
    }

    /// The number of records of each kind.
    package func counts(txn: borrowing Txn) throws -> (statements: Int, articles: Int, entities: Int) {
        (try txn.count(statements), try txn.count(articles), try txn.count(entities))
    }
}
