internal import CLMDB
import Foundation

/// The identity of the data a store holds, recorded in its `meta` database
/// when the store is created and checked on every open, so that a store is
/// never misread by a build that does not understand it.
package struct StoreFormat: Sendable {
    /// Names the application whose store this is, e.g. `"isnad"`.
    package var identifier: String
    /// The newest format version this build writes and reads.
    package var version: Int
    /// The oldest format version this build still reads.
    package var oldestReadable: Int
    /// Recorded at creation: which tool and version made the store.
    package var creator: String
    /// The named databases a store of this format holds besides `meta`.
    /// A new store is created with all of them and its format record in
    /// one transaction, so that a crash leaves either no store or a whole
    /// one; opening a store opens them all at once.
    package var databases: [DatabaseSpec]

    package init(
        identifier: String, version: Int, oldestReadable: Int? = nil, creator: String,
        databases: [DatabaseSpec] = []
    ) {
        self.identifier = identifier
        self.version = version
        self.oldestReadable = oldestReadable ?? version
        self.creator = creator
        self.databases = databases
    }

    /// Every named database of the format, `meta` first.
    var schema: [DatabaseSpec] {
        [DatabaseSpec(MetaKey.database)] + databases.filter { $0.name != MetaKey.database }
    }
}

/// A named database of a ``StoreFormat``.
package struct DatabaseSpec: Sendable, Hashable {
    package var name: String
    package var options: DatabaseOptions

    package init(_ name: String, _ options: DatabaseOptions = []) {
        self.name = name
        self.options = options
    }
}

/// Keys of the `meta` database.
enum MetaKey {
    static let database = "meta"
    static let format = Array("format".utf8)
    static let formatVersion = Array("format_version".utf8)
    static let creator = Array("creator".utf8)
}

/// What an environment holds, as far as creating a store is concerned.
enum Contents: Equatable {
    /// No database at all: what LMDB writes when it makes the file (a
    /// creation stopped there), or an environment emptied since.
    case empty
    /// Only databases of the format, all of them empty but for a format
    /// record, with the format record or some database missing: a creation
    /// (by a build that made the databases one transaction at a time)
    /// stopped half-way. Nothing was stored.
    case unfinished
    /// Anything else: a store, or something that is not one.
    case existing
}

extension Environment {
    /// Looks at the environment's databases without changing anything.
    func survey() throws -> Contents {
        try read { txn in
            var main: MDB_dbi = 0
            try check(mdb_dbi_open(txn.handle, nil, 0, &main), "mdb_dbi_open")
            var stat = MDB_stat()
            try check(mdb_stat(txn.handle, main, &stat), "mdb_stat")
            if stat.ms_entries == 0 { return .empty }
            let schema = format.schema
            let specs = Dictionary(schema.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var names: [String] = []
            var cursor: OpaquePointer?
            try check(mdb_cursor_open(txn.handle, main, &cursor), "mdb_cursor_open")
            defer { mdb_cursor_close(cursor) }
            var key = MDB_val()
            var value = MDB_val()
            var rc = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
            while rc == 0 {
                guard let name = String(bytes: key.bytes, encoding: .utf8),
                    specs[name] != nil
                else { return .existing }
                names.append(name)
                rc = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
            }
            guard rc == MDB_NOTFOUND else {
                try check(rc, "mdb_cursor_get")
                return .existing
            }
            var hasFormat = false
            for name in names {
                guard let spec = specs[name] else { return .existing }
                var dbi: MDB_dbi = 0
                guard mdb_dbi_open(txn.handle, name, spec.options.lmdbFlags, &dbi) == 0 else { return .existing }
                if name == MetaKey.database {
                    // Only the format record, and this format's.
                    var metaCursor: OpaquePointer?
                    try check(mdb_cursor_open(txn.handle, dbi, &metaCursor), "mdb_cursor_open")
                    defer { mdb_cursor_close(metaCursor) }
                    var rc = mdb_cursor_get(metaCursor, &key, &value, MDB_FIRST)
                    while rc == 0 {
                        let k = Array(key.bytes)
                        if k == MetaKey.format {
                            guard Array(value.bytes) == Array(format.identifier.utf8) else { return .existing }
                            hasFormat = true
                        } else if k != MetaKey.formatVersion, k != MetaKey.creator {
                            return .existing
                        }
                        rc = mdb_cursor_get(metaCursor, &key, &value, MDB_NEXT)
                    }
                } else {
                    try check(mdb_stat(txn.handle, dbi, &stat), "mdb_stat")
                    if stat.ms_entries > 0 { return .existing }
                }
            }
            if hasFormat && Set(names) == Set(specs.keys) { return .existing }
            return .unfinished
        }
    }

    /// Creates the store: every database of the format and the format
    /// record, in one transaction. `isNew`: the folder was made or empty;
    /// otherwise an environment with nothing stored in it is taken over,
    /// which only a writer that may create stores does.
    func createStore(isNew: Bool) throws {
        guard !configuration.readOnly, configuration.create || isNew else {
            throw StoreError(
                .missing, operation: "open",
                message: "no store at '\(path)' yet: a store was being created there, but nothing was "
                    + "stored before the process creating it stopped; the next ingest or import creates it")
        }
        let schema = format.schema
        let opened = try write { txn -> [Database] in
            var opened: [Database] = []
            for spec in schema {
                var dbi: MDB_dbi = 0
                try check(
                    mdb_dbi_open(txn.handle, spec.name, spec.options.lmdbFlags | UInt32(MDB_CREATE), &dbi),
                    "mdb_dbi_open '\(spec.name)'", state: txn.state)
                opened.append(Database(name: spec.name, dbi: dbi, options: spec.options))
            }
            let meta = opened[0]
            try txn.put(Array(format.identifier.utf8), for: MetaKey.format, in: meta)
            var version = KeyBuilder()
            version.append(UInt32(format.version))
            try txn.put(version.bytes, for: MetaKey.formatVersion, in: meta)
            try txn.put(Array(format.creator.utf8), for: MetaKey.creator, in: meta)
            return opened
        }
        adopt(opened)
        recordFormat(version: format.version, creator: format.creator)
    }

    /// Opens every database of the format in one transaction: a writer
    /// creates those missing (all at once), a reader finds them all.
    func openSchema() throws {
        let schema = format.schema.filter { !isOpen($0.name) }
        guard !schema.isEmpty else { return }
        func open(_ txn: OpaquePointer, _ state: TransactionState?, create: Bool) throws -> [Database] {
            try schema.map { spec in
                var dbi: MDB_dbi = 0
                let flags = spec.options.lmdbFlags | (create ? UInt32(MDB_CREATE) : 0)
                let rc = mdb_dbi_open(txn, spec.name, flags, &dbi)
                if rc == MDB_NOTFOUND {
                    throw StoreError(
                        .corrupted, operation: "open",
                        message: "'\(path)' is a '\(format.identifier)' store without its '\(spec.name)' database")
                }
                try check(rc, "mdb_dbi_open '\(spec.name)'", state: state)
                return Database(name: spec.name, dbi: dbi, options: spec.options)
            }
        }
        let opened =
            configuration.readOnly
            ? try readCommitting { txn in try open(txn.handle, nil, create: false) }
            : try write { txn in try open(txn.handle, txn.state, create: true) }
        adopt(opened)
    }

    func checkFormat() throws {
        let meta: Database
        do {
            meta = try openExistingMeta()
        } catch StoreError.noSuchDatabase {
            throw StoreError(
                .notAStore, operation: "open",
                message: "'\(path)' is an LMDB environment but not a store (it has no 'meta' database)")
        }
        let (identifier, version, creator) = try read { txn -> (String?, Int?, String) in
            let identifier = try txn.get(MetaKey.format, in: meta).map { String(decoding: $0, as: UTF8.self) }
            let version = try txn.get(MetaKey.formatVersion, in: meta).flatMap { bytes -> Int? in
                var reader = KeyReader(bytes)
                return reader.readUInt32().map(Int.init)
            }
            let creator = try txn.get(MetaKey.creator, in: meta).map { String(decoding: $0, as: UTF8.self) } ?? "?"
            return (identifier, version, creator)
        }
        guard let identifier, identifier == format.identifier else {
            let what = identifier.map { "a '\($0)' store" } ?? "an LMDB environment with no format record"
            throw StoreError(
                .notAStore, operation: "open",
                message: "'\(path)' is \(what), not a '\(format.identifier)' store")
        }
        guard let version else {
            throw StoreError(.corrupted, operation: "open", message: "'\(path)' has no readable format version")
        }
        if version > format.version {
            throw StoreError(
                .incompatibleFormat, operation: "open",
                message: "'\(path)' has store format \(version), newer than this build reads "
                    + "(up to \(format.version)); it was made by \(creator): upgrade to read it")
        }
        if version < format.oldestReadable {
            throw StoreError(
                .incompatibleFormat, operation: "open",
                message: "'\(path)' has store format \(version), older than this build reads "
                    + "(\(format.oldestReadable) to \(format.version)); export it with \(creator) and import it again")
        }
        recordFormat(version: version, creator: creator)
    }

    /// Records this build's format version in a store opened at an older
    /// (readable) one, inside a write that may store what only this version
    /// reads: an older build then refuses the store rather than misreading
    /// it. `meta` is the store's `meta` database.
    package func raiseFormat(in txn: borrowing WriteTransaction, meta: Database) throws {
        guard storedFormatVersion < format.version else { return }
        var version = KeyBuilder()
        version.append(UInt32(format.version))
        try txn.put(version.bytes, for: MetaKey.formatVersion, in: meta)
    }

    /// The format version `meta` records in `txn`'s snapshot (nil: none).
    package func formatVersion(in txn: borrowing some ReadableTransaction & ~Copyable, meta: Database) throws -> Int? {
        try txn.get(MetaKey.formatVersion, in: meta).flatMap { bytes -> Int? in
            var reader = KeyReader(bytes)
            return reader.readUInt32().map(Int.init)
        }
    }

    /// `database(_:)` would create `meta` in a writable store; here it must
    /// exist already.
    private func openExistingMeta() throws -> Database {
        try database(MetaKey.database, mustExist: true)
    }
}
