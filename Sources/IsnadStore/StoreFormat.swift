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

    package init(identifier: String, version: Int, oldestReadable: Int? = nil, creator: String) {
        self.identifier = identifier
        self.version = version
        self.oldestReadable = oldestReadable ?? version
        self.creator = creator
    }
}

/// Keys of the `meta` database.
enum MetaKey {
    static let database = "meta"
    static let format = Array("format".utf8)
    static let formatVersion = Array("format_version".utf8)
    static let creator = Array("creator".utf8)
}

extension Environment {
    func checkFormat(isNew: Bool) throws {
        if isNew {
            let meta = try database(MetaKey.database)
            try write { txn in
                try txn.put(Array(format.identifier.utf8), for: MetaKey.format, in: meta)
                var version = KeyBuilder()
                version.append(UInt32(format.version))
                try txn.put(version.bytes, for: MetaKey.formatVersion, in: meta)
                try txn.put(Array(format.creator.utf8), for: MetaKey.creator, in: meta)
            }
            recordFormat(version: format.version, creator: format.creator)
            return
        }
        let meta: Database
        do {
            meta = try openExistingMeta()
        } catch StoreError.noSuchDatabase {
            throw StoreError(.notAStore, operation: "open",
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
            throw StoreError(.notAStore, operation: "open",
                             message: "'\(path)' is \(what), not a '\(format.identifier)' store")
        }
        guard let version else {
            throw StoreError(.corrupted, operation: "open", message: "'\(path)' has no readable format version")
        }
        if version > format.version {
            throw StoreError(.incompatibleFormat, operation: "open",
                             message: "'\(path)' has store format \(version), newer than this build reads "
                                 + "(up to \(format.version)); it was made by \(creator): upgrade to read it")
        }
        if version < format.oldestReadable {
            throw StoreError(.incompatibleFormat, operation: "open",
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
