import Foundation
import IsnadStore
import IsnadText

/// Brings a store of an older format up to this build's when it is opened
/// for writing, in one write transaction: a failure (or a crash) leaves
/// the store as it was.
///
/// - Before format 6: the columns are rewritten in blocks of
///   ``ColumnLayout/current`` with the statement rows as narrow columns,
///   and the articles' statement lists moved under ``FieldIndex/doc``.
///   Everything moved is derived from the rows and lists already stored.
/// - Before format 7: the texts were indexed with light10 exactly, which
///   stems `باليستية` `يست` but `الباليستية` `باليست`. The texts that hold
///   a word the current stemmer stems otherwise (found through the form
///   lists, under the few prefixes such words start with) are indexed
///   again: their light10 terms and positions taken off, the current ones
///   put on. Other records, postings and positions stay as they are.
/// - Before format 8: every record gets its checksum (RecordChecksum.swift).
extension IndexStore {
    func upgrade() throws {
        try environment.write { txn in
            // Another process may have upgraded it since this one opened it.
            let stored = try environment.formatVersion(in: txn, meta: meta) ?? 0
            guard stored < Schema.format.version else { return }
            // First, so that the steps after it read records as this
            // format keeps them.
            if stored < Schema.checksumFormat { try addChecksums(txn: txn) }
            if stored < Schema.columnsFormat {
                try upgradeColumns(txn: txn)
                try moveArticleLists(txn: txn)
            }
            if stored < Schema.analyzerFormat { try reindexOwnLetterWords(txn: txn) }
            try environment.raiseFormat(in: txn, meta: meta)
        }
    }

    /// Indexes again, with the current analyzer, the articles and statements
    /// whose text holds a word that light10 stemmed otherwise
    /// (``ArabicLightStemmer/ownLetterStems``).
    func reindexOwnLetterWords(txn: borrowing WriteTransaction) throws {
        let current = Analyzer()
        let light10 = Analyzer(arabicStemmer: .light10)
        var articleIDs = Set<UInt32>()
        var statementIDs = Set<UInt32>()
        var checked: [String: Bool] = [:]
        for space in [TextSpace.articleForms, .quoteForms, .sentenceForms] {
            for prefix in ArabicLightStemmer.ownLetterPrefixes {
                try txn.scan(terms, in: .prefix(IndexKey.term(space, prefix))) { entry in
                    // The form: the key after the space byte, up to a later
                    // chunk's 0xFF (ListChunks.swift).
                    let bytes = entry.key.dropFirst()
                    let form = String(decoding: bytes.prefix { $0 != 0xFF }, as: UTF8.self)
                    let differs =
                        checked[form]
                        ?? {
                            let differs = current.tokens(in: form).map(\.term) != light10.tokens(in: form).map(\.term)
                            checked[form] = differs
                            return differs
                        }()
                    guard differs else { return .next }
                    guard let postings = Postings(entry.value) else { throw IndexStore.damaged(Schema.terms, Array(entry.key)) }
                    postings.forEach { id in
                        if space == .articleForms { articleIDs.insert(id) } else { statementIDs.insert(id) }
                        return true
                    }
                    return .next
                }
            }
        }
        guard !articleIDs.isEmpty || !statementIDs.isEmpty else { return }

        // The texts, analysed as a batch would analyse them.
        var words = BatchWords()
        var articles: [(id: UInt32, texts: [String], start: Int)] = []
        for id in articleIDs.sorted() {
            guard let bytes = try recordBytes(id, in: self.articles, txn: txn) else { continue }
            let record = try IndexStore.decodeRecord(ArticleRecord.self, bytes, database: Schema.articles, id: id)
            articles.append(
                (
                    id, [record.title ?? "", record.text],
                    words.appendArticle(title: record.title ?? "", text: record.text, analyzer: current)
                ))
        }
        var statements: [(id: UInt32, quote: String, sentence: String, start: Int)] = []
        for id in statementIDs.sorted() {
            guard let bytes = try recordBytes(id, in: self.statements, txn: txn) else { continue }
            let record = try IndexStore.storedStatement(
                bytes, id: id,
                article: { article in
                    try txn.get(IndexKey.id(article), in: articleNames).map { String(decoding: $0, as: UTF8.self) }
                },
                entity: { entity in
                    try recordBytes(entity, in: entities, txn: txn).map {
                        try IndexStore.decodeRecord(EntityRecord.self, $0, database: Schema.entities, id: entity).name
                    }
                })
            let sentence = record.sentence ?? ""
            // Quote then sentence, one after the other, as PreparedBatch
            // puts them: the writer reads the sentence's entry after the quote's.
            let start = words.append(CollectionOfOne(record.quote), positions: true, analyzer: current)
            _ = words.append(CollectionOfOne(sentence), positions: true, analyzer: current)
            statements.append((id, record.quote, sentence, start))
        }
        var writer = try BatchWriter(store: self, txn: txn, words: words)
        for article in articles {
            writer.unindex(article.texts, space: .article, id: article.id, analyzer: light10)
            _ = writer.index(words: article.start, space: .article, id: article.id)
        }
        for statement in statements {
            writer.unindex(CollectionOfOne(statement.quote), space: .quote, id: statement.id, analyzer: light10)
            writer.unindex(CollectionOfOne(statement.sentence), space: .sentence, id: statement.id, analyzer: light10)
            _ = writer.index(
                words: writer.index(words: statement.start, space: .quote, id: statement.id),
                space: .sentence, id: statement.id)
        }
        try writer.flush(txn: txn)
    }

    private func upgradeColumns(txn: borrowing WriteTransaction) throws {
        let old = ColumnLayout.legacy
        // The old statement rows and article rows, each column's blocks
        // joined in id order (rows never written are the zeros the old
        // writer padded with); the old narrow columns only repeat the
        // statement rows and are deleted with them.
        var joined: [Column: [UInt8]] = [.statements: [], .articles: []]
        var keys: [[UInt8]] = []
        try txn.scan(columns) { entry in
            guard entry.key.count == 5, let column = Column(rawValue: entry.key[0]) else { return .next }
            keys.append(Array(entry.key))
            guard joined[column] != nil else { return .next }
            let block = Int(UInt32(bigEndian: UnsafeRawBufferPointer(rebasing: entry.key[1...]).loadUnaligned(as: UInt32.self)))
            let start = block * old.blockSize * column.width
            let end = start + entry.value.count
            // In place: a copy of the array per block would be quadratic.
            let count = joined[column, default: []].count
            if count < end { joined[column, default: []].append(contentsOf: repeatElement(0, count: end - count)) }
            joined[column, default: []].withUnsafeMutableBytes {
                UnsafeMutableRawBufferPointer(rebasing: $0[start..<end]).copyMemory(from: entry.value)
            }
            return .next
        }
        for key in keys { try txn.delete(key, in: columns) }

        let statements = joined[.statements] ?? []
        let articles = joined[.articles] ?? []
        var rows = statements.withUnsafeBytes { bytes in
            (0..<(bytes.count / Column.rowSize)).map { StatementRow(bytes, at: $0 * Column.rowSize) }
        }
        while rows.last?.live == false { rows.removeLast() }
        var stored = articles.withUnsafeBytes { bytes in
            (0..<(bytes.count / Column.rowSize)).map { ArticleRow(bytes, at: $0 * Column.rowSize).live }
        }
        while stored.last == false { stored.removeLast() }

        var rebuilt: [(Column, [UInt8])] = [(.articles, Array(articles.prefix(stored.count * Column.rowSize)))]
        for column in ColumnLayout.current.statementColumns {
            var bytes: [UInt8] = []
            column.pad(&bytes, rows: rows.count)
            bytes.withUnsafeMutableBytes { bytes in
                for (id, row) in rows.enumerated() where row.live { row.write(column, to: bytes, at: id * column.width) }
            }
            rebuilt.append((column, bytes))
        }
        let size = ColumnLayout.current.blockSize
        for (column, bytes) in rebuilt {
            let blockBytes = size * column.width
            for (block, start) in stride(from: 0, to: bytes.count, by: blockBytes).enumerated() {
                try txn.put(
                    Array(bytes[start..<min(bytes.count, start + blockBytes)]),
                    for: Column.key(column, block: block), in: columns)
            }
        }
    }

    /// Moves every list (and chunk) under ``FieldIndex/legacyDoc`` to the
    /// same key under ``FieldIndex/doc``, in key order, so they fill the
    /// end of the table.
    private func moveArticleLists(txn: borrowing WriteTransaction) throws {
        var moved: [(key: [UInt8], value: [UInt8])] = []
        try txn.scan(fields, in: .prefix([FieldIndex.legacyDoc.rawValue])) { entry in
            moved.append((Array(entry.key), Array(entry.value)))
            return .next
        }
        for entry in moved {
            try txn.delete(entry.key, in: fields)
            var key = entry.key
            key[0] = FieldIndex.doc.rawValue
            try txn.put(entry.value, for: key, in: fields)
        }
    }
}
