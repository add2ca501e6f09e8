internal import CLMDB

/// Options of a named database, fixed when it is first created.
package struct DatabaseOptions: OptionSet, Hashable, Sendable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Several sorted values per key (each value at most 511 bytes).
    /// Pays off for small sets per key, e.g. value index → statement ids.
    package static let duplicateSort = DatabaseOptions(rawValue: 1 << 0)
    /// With ``duplicateSort``: all values of the database have one size,
    /// stored packed.
    package static let duplicateFixed = DatabaseOptions(rawValue: 1 << 1)

    var lmdbFlags: UInt32 {
        var flags: UInt32 = 0
        if contains(.duplicateSort) { flags |= UInt32(MDB_DUPSORT) }
        if contains(.duplicateFixed) { flags |= UInt32(MDB_DUPFIXED) }
        return flags
    }
}

/// A handle on a named database of an ``Environment``. Keys sort as
/// unsigned bytes (memcmp, shorter first), which the encodings of
/// ``KeyBuilder`` rely on.
package struct Database: Hashable, Sendable {
    package let name: String
    let dbi: MDB_dbi
    package let options: DatabaseOptions
}

/// Flags of a single put.
package struct PutOptions: OptionSet, Sendable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Fail (return `false`) rather than overwrite an existing key.
    package static let noOverwrite = PutOptions(rawValue: 1 << 0)
    /// In a duplicate-sorted database: do nothing if the pair exists.
    package static let noDuplicateData = PutOptions(rawValue: 1 << 1)
    /// The key sorts after every key in the database (bulk loads in order).
    /// LMDB answers `MDB_KEYEXIST` when it does not.
    package static let append = PutOptions(rawValue: 1 << 2)

    var lmdbFlags: UInt32 {
        var flags: UInt32 = 0
        if contains(.noOverwrite) { flags |= UInt32(MDB_NOOVERWRITE) }
        if contains(.noDuplicateData) { flags |= UInt32(MDB_NODUPDATA) }
        if contains(.append) { flags |= UInt32(MDB_APPEND) }
        return flags
    }
}
