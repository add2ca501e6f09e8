internal import CLMDB
import Foundation

/// Operations common to read and write transactions.
///
/// Transactions are non-copyable and handed to closures as `borrowing`
/// parameters, so they cannot escape the closure that owns them: there is no
/// way to use one after it ended. The raw bytes they return are the one
/// exception the type system cannot guard: they point into the map and are
/// valid only until the closure returns.
package protocol ReadableTransaction: ~Copyable {
    var handle: OpaquePointer { get }
    /// Set in write transactions, so that `MDB_MAP_FULL` is noticed.
    var state: TransactionState? { get }
}

extension ReadableTransaction where Self: ~Copyable {
    /// The id of the snapshot this transaction reads (LMDB's transaction
    /// id): two transactions with the same id see the same data, so what
    /// was derived in one holds in the other.
    package var snapshotID: Int { Int(mdb_txn_id(handle)) }
}

/// A key and value as LMDB holds them, valid inside their transaction only.
package struct Entry {
    package let key: UnsafeRawBufferPointer
    package let value: UnsafeRawBufferPointer
}

extension ReadableTransaction where Self: ~Copyable {
    /// The value stored under `key`, or `nil`; the bytes are not copied.
    package func get(_ key: some ContiguousBytes, in db: Database) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { keyBytes in
            var k = MDB_val(keyBytes)
            var v = MDB_val()
            let rc = mdb_get(handle, db.dbi, &k, &v)
            if rc == MDB_NOTFOUND { return nil }
            try check(rc, "mdb_get in '\(db.name)'")
            return v.bytes
        }
    }

    /// The value stored under `key`, copied out of the map.
    package func getBytes(_ key: some ContiguousBytes, in db: Database) throws -> [UInt8]? {
        try get(key, in: db).map { Array($0) }
    }

    /// Runs `body` with a cursor on `db`, closed when `body` returns.
    package func withCursor<R>(on db: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, db.dbi, &cursor), "mdb_cursor_open on '\(db.name)'")
        guard let cursor else {
            throw StoreError(.lmdb, operation: "mdb_cursor_open", message: "no cursor returned")
        }
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor, database: db, state: state))
    }

    /// Calls `body` for each entry of `db` in `range`, in key order or, with
    /// `reverse`, against it, until it returns ``IterationStep/stop``.
    /// - Complexity: O(log n) to find the start, then one cursor step per entry.
    package func scan(
        _ db: Database, in range: KeyRange = .all, reverse: Bool = false,
        _ body: (Entry) throws -> IterationStep
    ) throws {
        try withCursor(on: db) { cursor in
            try cursor.scan(range, reverse: reverse, body)
        }
    }

    /// The number of entries (counting duplicates) in `db`.
    package func count(_ db: Database) throws -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(handle, db.dbi, &stat), "mdb_stat on '\(db.name)'")
        return stat.ms_entries
    }
}

/// A read-only snapshot of the store; see ``Environment/read(_:)``.
package struct ReadTransaction: ~Copyable, ReadableTransaction {
    package let handle: OpaquePointer
    package var state: TransactionState? { nil }
}

/// A write transaction; see ``Environment/write(_:)``.
package struct WriteTransaction: ~Copyable, ReadableTransaction {
    package let handle: OpaquePointer
    let writeState: TransactionState
    package var state: TransactionState? { writeState }

    init(handle: OpaquePointer, state: TransactionState) {
        self.handle = handle
        self.writeState = state
    }

    /// Stores `value` under `key`.
    /// - Returns: `false` when ``PutOptions/noOverwrite`` or
    ///   ``PutOptions/noDuplicateData`` kept an existing entry.
    @discardableResult
    package func put(
        _ value: some ContiguousBytes, for key: some ContiguousBytes, in db: Database,
        options: PutOptions = []
    ) throws -> Bool {
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                let rc = mdb_put(handle, db.dbi, &k, &v, options.lmdbFlags)
                if rc == MDB_KEYEXIST, !options.contains(.append) { return false }
                try check(rc, "mdb_put in '\(db.name)'", state: writeState)
                return true
            }
        }
    }

    /// Stores `value` under `key` unless the key is there already; then
    /// returns the value stored under it (not copied; valid until the
    /// next change) and stores nothing. One search of the B-tree where a
    /// `get` and a `put` took two.
    package func insert(
        _ value: some ContiguousBytes, for key: some ContiguousBytes,
        in db: Database
    ) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                let rc = mdb_put(handle, db.dbi, &k, &v, UInt32(MDB_NOOVERWRITE))
                // LMDB points `v` at the value already stored.
                if rc == MDB_KEYEXIST { return v.bytes }
                try check(rc, "mdb_put in '\(db.name)'", state: writeState)
                return nil
            }
        }
    }

    /// Reserves `count` bytes under `key` and lets `fill` write them in
    /// place, saving a copy for large values. Not for duplicate-sorted
    /// databases (LMDB forbids `MDB_RESERVE` there).
    package func put(
        reserving count: Int, for key: some ContiguousBytes, in db: Database,
        _ fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        try key.withUnsafeBytes { keyBytes in
            var k = MDB_val(keyBytes)
            var v = MDB_val(mv_size: count, mv_data: nil)
            try check(
                mdb_put(handle, db.dbi, &k, &v, UInt32(MDB_RESERVE)), "mdb_put in '\(db.name)'",
                state: writeState)
            try fill(UnsafeMutableRawBufferPointer(start: v.mv_data, count: count))
        }
    }

    /// Deletes `key` (and all its values in a duplicate-sorted database).
    /// - Returns: whether anything was deleted.
    @discardableResult
    package func delete(_ key: some ContiguousBytes, in db: Database) throws -> Bool {
        try key.withUnsafeBytes { keyBytes in
            var k = MDB_val(keyBytes)
            let rc = mdb_del(handle, db.dbi, &k, nil)
            if rc == MDB_NOTFOUND { return false }
            try check(rc, "mdb_del in '\(db.name)'", state: writeState)
            return true
        }
    }

    /// Deletes one key/value pair of a duplicate-sorted database.
    /// - Returns: whether the pair existed.
    @discardableResult
    package func delete(_ key: some ContiguousBytes, value: some ContiguousBytes, in db: Database) throws -> Bool {
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                let rc = mdb_del(handle, db.dbi, &k, &v)
                if rc == MDB_NOTFOUND { return false }
                try check(rc, "mdb_del in '\(db.name)'", state: writeState)
                return true
            }
        }
    }

    /// Removes every entry of `db`, keeping the database itself.
    package func removeAll(in db: Database) throws {
        try check(mdb_drop(handle, db.dbi, 0), "mdb_drop '\(db.name)'", state: writeState)
    }
}

extension MDB_val {
    init(_ bytes: UnsafeRawBufferPointer) {
        self.init(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    }

    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: mv_data, count: mv_size)
    }
}
