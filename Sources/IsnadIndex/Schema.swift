import Foundation
import IsnadStore
import IsnadVocabulary
import Synchronization

/// The Isnad store format: the named databases and what their keys and
/// values hold. docs/architecture.md explains the choices.
///
/// Bump `version` whenever stored bytes change meaning; an older build then
/// refuses the store with a clear message instead of misreading it.
package enum Schema {
    package static let toolVersion = "0.1.0"

    /// Format 4 stores long lists in chunks (ListChunks.swift); a format 3
    /// store reads as a store whose lists are all one chunk. Format 5
    /// statement records hold names by number (StatementBytes.swift,
    /// layout 3); records of older layouts read as they are. Format 6 cuts
    /// columns into larger blocks and keeps statement rows in narrow
    /// columns only (``ColumnLayout``), and keys articles' statement lists
    /// by ``FieldIndex/doc`` where they were ``FieldIndex/legacyDoc``. An
    /// older store is read as it is when opened read-only and upgraded
    /// when opened for writing (Upgrade.swift). Format 7 stems the words
    /// whose own first letters light10 takes for a prefix (`باليستية`) as
    /// their definite forms (``ArabicLightStemmer/ownLetterStems``); the
    /// upgrade indexes the texts that hold such words again. Format 8 ends
    /// every record of `articles`, `entities` and `statements` with a
    /// checksum (``RecordChecksum``), checked whenever a record is read;
    /// the upgrade adds them. Format 8 statements may also carry what
    /// decided their stance (flag 64 of ``StatementRecord``'s layout 3),
    /// which a format 7 build would take for damage.
    ///
    /// Its databases are created together with the format record, in one
    /// transaction, so a store is never found half made.
    package static let format = StoreFormat(
        identifier: "isnad", version: 8, oldestReadable: 3, creator: "isnad \(toolVersion)",
        databases: databases)

    /// Every named database of a store and its options.
    static let databases: [DatabaseSpec] = [
        DatabaseSpec(meta), DatabaseSpec(articles), DatabaseSpec(articleKeys), DatabaseSpec(articleNames),
        DatabaseSpec(statements), DatabaseSpec(statementKeys), DatabaseSpec(entities), DatabaseSpec(entityKeys),
        DatabaseSpec(aliases, [.duplicateSort, .duplicateFixed]), DatabaseSpec(terms), DatabaseSpec(positions),
        DatabaseSpec(fields), DatabaseSpec(dates), DatabaseSpec(columns),
    ]

    /// Counters, format identity and other single values.
    package static let meta = "meta"
    /// Article id (UInt32, big-endian) → article record (JSON).
    package static let articles = "articles"
    /// External article key (UTF-8) → article id. A statement may name an
    /// article before it is stored: its id is reserved here first.
    package static let articleKeys = "article_keys"
    /// Article id → external key, for every article a record names
    /// (stored or not yet).
    package static let articleNames = "article_names"
    /// Statement id → statement record (compact bytes, StatementBytes.swift).
    package static let statements = "statements"
    /// External statement id → statement id.
    package static let statementKeys = "statement_keys"
    /// Entity id → entity record (JSON).
    package static let entities = "entities"
    /// Canonical entity name → entity id.
    package static let entityKeys = "entity_keys"
    /// Alias → entity ids (duplicate-sorted, 4-byte values). Keys start
    /// with ``AliasKind``.
    package static let aliases = "aliases"
    /// ``TextSpace`` byte + term → ``Postings``; for the form spaces, the
    /// unstemmed form → ``Postings``, so a prefix is a range of keys.
    package static let terms = "terms"
    /// ``TextSpace`` byte + term → ``Positions`` (statement text only).
    package static let positions = "positions"
    /// ``FieldIndex`` byte + value → ``Postings``.
    package static let fields = "fields"
    /// Day (``KeyBuilder`` day encoding) → ``Postings`` of statements whose
    /// date starts that day, so a date range is one cursor range.
    package static let dates = "dates"
    /// ``Column`` byte + block number → fixed-width rows, for aggregations.
    package static let columns = "columns"

    /// The first format of ``ColumnLayout/current``.
    static let columnsFormat = 6
    /// The first format whose texts are indexed with the Arabic stemmer
    /// that keeps the own letters of ``ArabicLightStemmer/ownLetterStems``
    /// (before: light10 exactly).
    package static let analyzerFormat = 7
    /// The first format whose records end with a ``RecordChecksum``.
    package static let checksumFormat = 8

    package enum Counter: String {
        case nextArticle = "next_article"
        case nextStatement = "next_statement"
        case nextEntity = "next_entity"
    }
}

/// Which text a term was found in.
package enum TextSpace: UInt8, Sendable {
    /// A statement's quote (ids are statements).
    case quote = 0x71  // q
    /// The rest of a statement's sentence (ids are statements).
    case sentence = 0x73  // s
    /// An article's title and body (ids are articles).
    case article = 0x74  // t
    /// The same three, by unstemmed form rather than by stem: what prefix
    /// queries (`missil*`, `الصو*`) compare with.
    case quoteForms = 0x51  // Q
    case sentenceForms = 0x53  // S
    case articleForms = 0x54  // T

    /// The form space of a term space.
    package var forms: TextSpace {
        switch self {
        case .quote, .quoteForms: .quoteForms
        case .sentence, .sentenceForms: .sentenceForms
        case .article, .articleForms: .articleForms
        }
    }
}

/// The value indexes of the `fields` database.
package enum FieldIndex: UInt8, Sendable, CaseIterable {
    /// Entity id → statements it is the actor of.
    case actor = 0x61  // a
    /// Entity id → statements about it.
    case about = 0x62  // b
    /// Stance ordinal → statements.
    case stance = 0x73  // s
    /// Article id → its statements. After every other field, so that a new
    /// article's list goes at the end of the table: LMDB fills pages to
    /// the brim when keys arrive in order at the end, but splits them in
    /// half when they arrive before other keys, which had left the lists'
    /// pages half empty (13 MiB of a million statements' store).
    case doc = 0x7E  // ~
    /// Where stores before format 6 keep the article lists.
    case legacyDoc = 0x64  // d
    /// Entity id → articles the outlet published.
    case source = 0x6F  // o
    /// Language code → articles.
    case lang = 0x6C  // l
    /// Entity id → articles that cite it.
    case cites = 0x63  // c
    /// Lower-cased kind → entities.
    case kind = 0x6B  // k
    /// Entity id of a country → entities affiliated with it.
    case country = 0x6E  // n
    /// Every stored statement (one key).
    case liveStatements = 0x2A  // *
    /// Every stored article with its record (one key).
    case liveArticles = 0x23  // #
    /// Statements dated to a month or a year rather than a day (one key).
    case impreciseDates = 0x69  // i
}

/// The kinds of alias keys.
package enum AliasKind: UInt8, Sendable {
    /// The alias normalised like text, unstemmed, words joined by a space.
    case normalized = 0x6E  // n
    /// The alias's cross-script ``NameKey``.
    case key = 0x6B  // k
    /// A proper word-suffix of the alias's key (`krb` of `jn krb`).
    case keySuffix = 0x65  // e
}

/// Opens the store's databases once and reads or writes its records.
package final class IndexStore: Sendable {
    package let environment: Environment
    /// Memory the writer's batch tables reuse (``ArenaPool``).
    let arenas = ArenaPool()
    let articles: Database
    let articleKeys: Database
    let articleNames: Database
    let statements: Database
    let statementKeys: Database
    let entities: Database
    let entityKeys: Database
    let aliases: Database
    let terms: Database
    let positions: Database
    let fields: Database
    let dates: Database
    let columns: Database
    let meta: Database
    /// Entity names by id for one snapshot, kept between queries: naming
    /// the groups of `count by actor` would otherwise decode a record per
    /// actor on every run.
    let names = Mutex(NameCache())

    struct NameCache {
        var snapshot = -1
        var names: [UInt32: String] = [:]
        /// Every name, once something asked for them all.
        var all: EntityNames?
    }

    /// The most bytes of a long list's chunk (ListChunks.swift), fitted to
    /// the store's pages; tests make it small to store lists in many chunks.
    package let chunkTarget: Int
    let positionsChunkTarget: Int
    /// How the columns are laid out: ``ColumnLayout/current`` but in an
    /// older store opened read-only.
    package let layout: ColumnLayout
    /// Whether records end with a ``RecordChecksum``: always but in a
    /// store older than ``Schema/checksumFormat`` opened read-only.
    package let checksums: Bool
    /// Whether reads verify the checksums (they take them off either
    /// way): only `isnad-bench checksums` turns this off, to time what
    /// verifying costs.
    package let verifiesChecksums = Atomic<Bool>(true)

    package init(path: String, configuration: StoreConfiguration, chunkTarget: Int? = nil) throws {
        let environment = try Environment(path: path, format: Schema.format, configuration: configuration)
        self.environment = environment
        let pageSize = try environment.info().pageSize
        self.chunkTarget = chunkTarget ?? ListChunks.target(pageSize: pageSize)
        positionsChunkTarget = chunkTarget ?? ListChunks.positionsTarget(pageSize: pageSize)
        let readOnly = configuration.readOnly
        // Opened (a new store: created) with the environment, all at once.
        func open(_ name: String) throws -> Database {
            let options = Schema.databases.first { $0.name == name }?.options ?? []
            return try environment.database(name, options: options, mustExist: true)
        }
        articles = try open(Schema.articles)
        articleKeys = try open(Schema.articleKeys)
        articleNames = try open(Schema.articleNames)
        statements = try open(Schema.statements)
        statementKeys = try open(Schema.statementKeys)
        entities = try open(Schema.entities)
        entityKeys = try open(Schema.entityKeys)
        aliases = try open(Schema.aliases)
        terms = try open(Schema.terms)
        positions = try open(Schema.positions)
        fields = try open(Schema.fields)
        dates = try open(Schema.dates)
        columns = try open(Schema.columns)
        meta = try open(Schema.meta)
        let older = environment.storedFormatVersion < Schema.columnsFormat
        layout = older && readOnly ? .legacy : .current
        checksums = environment.storedFormatVersion >= Schema.checksumFormat || !readOnly
        if environment.storedFormatVersion < Schema.format.version && !readOnly { try upgrade() }
    }
}

/// Every entity's canonical name by id, and the place of the name in name
/// order (`String` comparison), by id; `nil` and `UInt32.max` where an id
/// has no name.
package struct EntityNames: Sendable {
    package let names: [String?]
    package let ranks: [UInt32]
}

/// A dense id as a key, without an array: the writer stores two or three
/// per statement, and allocating and freeing each was measurable.
struct IDKey: ContiguousBytes {
    let bigEndian: UInt32
    init(_ id: UInt32) { bigEndian = id.bigEndian }
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: bigEndian, body)
    }
}

/// A string's UTF-8 as a key, without copying it into an array.
struct TextKey: ContiguousBytes {
    let text: String
    init(_ text: String) { self.text = text }
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

/// Keys of the index databases.
package enum IndexKey {
    package static func id(_ id: UInt32) -> [UInt8] {
        withUnsafeBytes(of: id.bigEndian) { Array($0) }
    }

    package static func field(_ field: FieldIndex, _ id: UInt32) -> [UInt8] {
        [field.rawValue] + self.id(id)
    }

    package static func field(_ field: FieldIndex, _ text: String) -> [UInt8] {
        [field.rawValue] + Array(text.utf8)
    }

    package static func field(_ field: FieldIndex) -> [UInt8] { [field.rawValue] }

    package static func term(_ space: TextSpace, _ term: String) -> [UInt8] {
        [space.rawValue] + Array(term.utf8)
    }

    package static func alias(_ kind: AliasKind, _ text: String) -> [UInt8] {
        [kind.rawValue] + Array(text.utf8)
    }

    package static func day(_ day: DayNumber) -> [UInt8] {
        var key = KeyBuilder(capacity: 4)
        key.append(day: day)
        return key.bytes
    }

    package static func readID(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        guard bytes.count == 4 else { return nil }
        return UInt32(bigEndian: bytes.loadUnaligned(as: UInt32.self))
    }
}
