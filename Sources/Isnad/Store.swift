import Foundation
import IsnadExtract
import IsnadIndex
import IsnadStore
import IsnadVocabulary

/// An Isnad store: a folder holding articles, statements and entities.
///
/// ```swift
/// let store = try Store(path: "news.isnad")
/// let summary = try store.ingest(try Article.load(from: "articles/"))
/// print(try store.statistics().articles)
/// ```
///
/// A store may be shared by concurrent readers across tasks and threads
/// while one writer ingests; a second process may read it at the same time.
public final class Store: Sendable {
    /// How to open a store.
    public struct Configuration: Sendable {
        /// The initial size of the memory map; it grows on demand.
        public var mapSize: Int = 1 << 30
        /// Open without write access.
        public var readOnly = false
        /// Create the store if the folder does not exist or is empty.
        public var create = true

        /// The defaults: a 1 GiB map to start with, read-write, created if missing.
        public init() {}
    }

    /// The folder of the store.
    public let path: String
    package let index: IndexStore

    /// Opens the store at `path`, creating it when the configuration allows.
    ///
    /// - Throws: ``StoreError`` when the path is a file or a folder that
    ///   holds no store, when the store's format is newer than this build,
    ///   or when LMDB fails.
    public init(path: String, configuration: Configuration = .init()) throws {
        self.path = path
        var storeConfiguration = StoreConfiguration()
        storeConfiguration.mapSize = configuration.mapSize
        storeConfiguration.readOnly = configuration.readOnly
        storeConfiguration.create = configuration.create
        index = try IndexStore(path: path, configuration: storeConfiguration)
    }

    /// Articles per write transaction of an ingest. Each batch rewrites the
    /// last chunk of every list it adds to, so fewer, larger batches write
    /// less: 20,000 articles went in 5.8 s in batches of 1,000, 5.1 s of
    /// 4,000 and 4.9 s of 10,000 (one core), for 64 MB more at the peak.
    static let ingestBatch = 10_000

    /// Puts the default gazetteer into the entity store once: entries the
    /// user has since replaced (same name, other content) are left as the
    /// user made them.
    package func loadDefaultGazetteer() throws {
        let marker = "default_gazetteer"
        let fingerprint = String(DefaultGazetteer.records.count) + ":" + (DefaultGazetteer.records.last?.name ?? "")
        let stored = try index.snapshot { txn in try index.metaValue(marker, txn: txn) }
        guard stored != fingerprint else { return }
        try index.apply(ImportBatch(entities: DefaultGazetteer.records))
        try index.setMetaValue(marker, fingerprint)
    }

    /// Adds `articles` to the store and the statements extracted from them.
    ///
    /// An article already stored with the same content is left alone; one
    /// with other content is replaced, and its old statements with it. The
    /// default gazetteer is loaded into the entity store first, so names in
    /// the text resolve to known entities. Articles go in batches of 10,000
    /// per transaction, each batch's statements extracted on every core;
    /// `progress` hears how many are done after each. An article with no
    /// statements is still stored and searchable.
    ///
    /// ```swift
    /// let article = Article(id: "kirby-1", source: "Reuters", published: "2022-10-20",
    ///                       text: "John Kirby denied that Iran was providing drones.")
    /// try store.ingest([article])
    /// ```
    ///
    /// - Throws: ``InvalidArticle`` before anything is written when an
    ///   article has no text, an unusable id, a malformed `published`
    ///   date or a `lang` other than `ar` and `en`; ``StoreError``
    ///   (`readOnly`, …) when the store refuses. An article without a
    ///   `lang` is stored with its script's (see ``Article/lang``).
    @discardableResult
    public func ingest(_ articles: [Article], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> IngestSummary {
        for (n, article) in articles.enumerated() {
            if let reason = article.problem { throw InvalidArticle(index: n, id: article.id, reason: reason) }
        }
        try loadDefaultGazetteer()
        let extractor = Extractor(gazetteer: try gazetteer())
        let records = articles.map(\.record)
        var summary = IngestSummary()
        // Each worker's words, kept from batch to batch (``extract(_:with:words:)``).
        var words: [ArticleWords] = []
        for range in Store.batches(of: records) {
            var batch = ImportBatch()
            var withoutStatements: [String] = []
            try index.snapshot { txn in
                var pending: [ArticleRecord] = []
                for record in records[range] {
                    if try index.isStored(record, txn: txn) {
                        summary.unchanged += 1
                    } else {
                        pending.append(record)
                    }
                }
                // Speakers found in this batch so far: one found in many
                // articles is one record to write.
                var found: Set<String> = []
                for (record, extractions) in zip(pending, Store.extract(pending, with: extractor, words: &words)) {
                    let statements = Store.statements(of: record, extractions)
                    if statements.isEmpty { withoutStatements.append(record.key) }
                    // A speaker already in the store keeps their record.
                    for speaker in Store.newSpeakers(extractions) where found.insert(speaker.name).inserted {
                        if try index.entityID(named: speaker.name, txn: txn) == nil { batch.entities.append(Store.withLatinAlias(speaker)) }
                    }
                    // The statements of the stored version that these do
                    // not replace go when it is replaced, in the write
                    // transaction (``IndexStore/applyExtracted(_:)``).
                    batch.articles.append(record)
                    batch.statements += statements
                }
            }
            // What this process wrote: an article another process stored
            // exactly so meanwhile is unchanged, and its statements (the
            // other process's) are not written again or counted here.
            let result = try index.applyExtracted(batch)
            summary.added += result.articles.added
            summary.replaced += result.articles.replaced
            summary.unchanged += result.articles.unchanged
            summary.statements += result.statements.added + result.statements.replaced + result.statements.unchanged
            summary.withoutStatements += withoutStatements.filter { !result.unchangedExtracted.contains($0) }.count
            progress?(range.upperBound, records.count)
        }
        return summary
    }

    /// The ranges of `records` ingested one batch (one transaction) each:
    /// ``ingestBatch`` articles, or fewer where an id comes again, so
    /// that an article given twice is stored, then replaced, as when
    /// the two are in different batches.
    static func batches(of records: [ArticleRecord]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var ids: Set<String> = []
        for (n, record) in records.enumerated() {
            if n - start >= Store.ingestBatch || ids.contains(record.key) {
                ranges.append(start..<n)
                start = n
                ids = []
            }
            ids.insert(record.key)
        }
        if start < records.count { ranges.append(start..<records.count) }
        return ranges
    }

    /// The extractions of each article, worked out on every core: extraction
    /// reads only the text and the gazetteer, so the articles are independent;
    /// each result goes to its own slot, and the results are in input order
    /// whatever the scheduling. (Every read of the store stays on the
    /// caller's thread, in its transaction.)
    static func extract(_ records: [ArticleRecord], with extractor: Extractor) -> [[Extraction]] {
        var words: [ArticleWords] = []
        return extract(records, with: extractor, words: &words)
    }

    /// The same, each worker reading through its own ``ArticleWords`` in
    /// `words` (made when missing): it takes every `workers`-th article, so
    /// the words an article shares with the ones before it are analysed
    /// once per worker. Kept by the caller from batch to batch, so that a
    /// word met in an earlier batch is not analysed again: a new word
    /// (normalised, stemmed, looked up in every lexicon) costs some 10,000
    /// instructions.
    static func extract(_ records: [ArticleRecord], with extractor: Extractor, words: inout [ArticleWords]) -> [[Extraction]] {
        var results = [[Extraction]](repeating: [], count: records.count)
        let workers = min(records.count, ProcessInfo.processInfo.activeProcessorCount)
        while words.count < workers { words.append(extractor.words()) }
        results.withUnsafeMutableBufferPointer { buffer in
            words.withUnsafeMutableBufferPointer { readers in
                nonisolated(unsafe) let slots = buffer
                // Worker w alone uses readers[w].
                nonisolated(unsafe) let readers = readers
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for n in stride(from: worker, to: records.count, by: workers) {
                        let record = records[n]
                        let published = record.published.flatMap(RecordDate.init) ?? DateFinder.dateline(in: record.text)
                        slots[n] = extractor.extract(text: record.text, published: published, words: &readers[worker])
                    }
                }
            }
        }
        return results
    }

    /// The store format this build writes. A store of an older format is
    /// read as it is and upgraded in place by the first write to it
    /// (``Statistics/formatVersion`` is the store's own).
    public static let currentFormatVersion = Schema.format.version

    /// What queries miss on this store until a write upgrades it, in words,
    /// or nil when they miss nothing. A store of format 6 or older was
    /// indexed with light10 exactly, which stems `باليستية` `يست` but
    /// `الباليستية` `باليست`: a store opened read-only answers with those
    /// stems until an ingest or an import upgrades it.
    public var upgradeNote: String? {
        guard index.environment.storedFormatVersion < Schema.analyzerFormat else { return nil }
        return "its text was indexed with an older Arabic stemmer, so searches for a few words "
            + "(such as 'باليستية') miss some of their forms until the store is upgraded; "
            + "any ingest or import upgrades it"
    }

    /// Counts and sizes of the store.
    public func statistics() throws -> Statistics {
        let info = try index.environment.info()
        let counts = try index.snapshot { txn in try index.counts(txn: txn) }
        return Statistics(
            articles: counts.articles,
            statements: counts.statements,
            entities: counts.entities,
            bytes: info.usedBytes,
            formatVersion: index.environment.storedFormatVersion,
            creator: index.environment.creator)
    }

    /// Writes a compacted copy of the store into the new folder
    /// `destination` (like SQLite's `VACUUM INTO`): the same records and
    /// indexes without the free pages that imports and re-ingests leave
    /// behind. Returns the size of the store and of the copy, in bytes.
    /// The store itself is not changed; open the copy to use it.
    ///
    /// - Throws: ``StoreError`` when `destination` exists and is not an
    ///   empty folder, or when writing fails (nothing is left behind).
    @discardableResult
    public func compact(into destination: String) throws -> (before: Int, after: Int) {
        let before = try index.environment.info().usedBytes
        try index.environment.copy(to: destination)
        let after = (try? FileManager.default.attributesOfItem(atPath: destination + "/data.mdb")[.size] as? Int) ?? 0
        return (before, after)
    }

    /// Every stored article, in the order they were first stored.
    public func articles() throws -> [Article] {
        var out: [Article] = []
        try index.snapshot { txn in
            try index.forEach(ArticleRecord.self, txn: txn) { _, record in out.append(Article(record: record)) }
        }
        return out
    }
}

/// An article ``Store/ingest(_:progress:)`` refuses; nothing of the call
/// was stored.
public struct InvalidArticle: Error, Sendable, Equatable, CustomStringConvertible {
    /// Its position in the array given.
    public var index: Int
    /// Its id, if it has one.
    public var id: String?
    /// What is wrong, e.g. "the text is empty".
    public var reason: String

    /// `article N (id): reason`.
    public var description: String {
        "article \(index + 1)" + (id.map { " (\($0))" } ?? "") + ": " + reason
    }
}

/// What an ingest did.
public struct IngestSummary: Sendable, Equatable {
    /// Articles stored for the first time.
    public var added = 0
    /// Articles stored before with other content.
    public var replaced = 0
    /// Articles stored before exactly so (nothing done).
    public var unchanged = 0
    /// Statements extracted from the added and replaced articles.
    public var statements = 0
    /// Added and replaced articles in which extraction found no statement
    /// (they are stored and searchable all the same).
    public var withoutStatements = 0
    /// Files, lines or articles that were refused, with the reason
    /// (``Store/ingest(files:progress:)`` only: the others throw).
    public var rejected: [LoadedArticles.Rejection] = []

    /// A summary with these counts.
    public init(added: Int = 0, replaced: Int = 0, unchanged: Int = 0, statements: Int = 0) {
        self.added = added
        self.replaced = replaced
        self.unchanged = unchanged
        self.statements = statements
    }
}

/// Counts and sizes of a store.
public struct Statistics: Sendable, Equatable {
    /// Articles stored.
    public var articles: Int
    /// Statements stored, extracted or imported.
    public var statements: Int
    /// Entities in the entity store (the default gazetteer's, the user's
    /// and the people extraction found).
    public var entities: Int
    /// Bytes of the data file in use.
    public var bytes: Int
    /// The version of the on-disk format.
    public var formatVersion: Int
    /// The tool that created the store, e.g. `isnad 0.1.0`.
    public var creator: String
}

extension Store {
    /// Reads articles from files and folders (see ``Article/load(from:)``)
    /// and ingests them. Files and lines that cannot be read are listed in
    /// ``IngestSummary/rejected`` and do not stop the rest.
    ///
    /// ```swift
    /// let summary = try store.ingest(files: ["articles/"])
    /// for problem in summary.rejected { print(problem) }
    /// ```
    @discardableResult
    public func ingest(files paths: [String], progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> IngestSummary {
        let loaded = Article.load(from: paths)
        var summary = try ingest(loaded.articles, progress: progress)
        summary.rejected = loaded.rejected
        return summary
    }
}
