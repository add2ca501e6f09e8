import Foundation
import IsnadIndex
import IsnadStore

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

    /// Adds `articles` to the store in one transaction. An article whose id
    /// is already stored with the same content is left alone; with other
    /// content it is replaced.
    @discardableResult
    public func ingest(_ articles: [Article]) throws -> IngestSummary {
        let result = try index.apply(ImportBatch(articles: articles.map(\.record)))
        return IngestSummary(added: result.articles.added, replaced: result.articles.replaced,
                             unchanged: result.articles.unchanged)
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

    /// Every stored article, in the order they were first stored.
    public func articles() throws -> [Article] {
        var out: [Article] = []
        try index.snapshot { txn in
            try index.forEach(ArticleRecord.self, txn: txn) { _, record in out.append(Article(record: record)) }
        }
        return out
    }
}

/// What an ingest did.
public struct IngestSummary: Sendable, Equatable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0

    public init(added: Int = 0, replaced: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.replaced = replaced
        self.unchanged = unchanged
    }
}

/// Counts and sizes of a store.
public struct Statistics: Sendable, Equatable {
    public var articles: Int
    public var statements: Int
    public var entities: Int
    /// Bytes of the data file in use.
    public var bytes: Int
    public var formatVersion: Int
    /// The tool that created the store, e.g. `isnad 0.1.0`.
    public var creator: String
}
