internal import CLMDB
import Foundation

/// How to open an ``Environment``.
package struct StoreConfiguration: Sendable {
    /// The initial size of the memory map in bytes. The map is sparse, so a
    /// large value costs address space, not disk; it grows on demand anyway.
    package var mapSize: Int = 1 << 30
    /// How many named databases the environment may hold.
    package var maxDatabases: Int = 64
    /// How many read transactions may be open at once, across all processes.
    package var maxReaders: Int = 126
    /// Open without write access; `write` then throws ``StoreError/readOnly``.
    package var readOnly = false
    /// Create the store when the path does not exist or is an empty folder.
    package var create = true
    /// How long map growth waits for this process's other transactions to
    /// end before it gives up with ``StoreError/mapFull``.
    package var growthTimeout: TimeInterval = 30

    package init() {}
}

/// Basic figures of an open environment.
package struct EnvironmentInfo: Sendable {
    package var mapSize: Int
    package var pageSize: Int
    /// Bytes of the data file in use (last used page × page size).
    package var usedBytes: Int
    package var readersInUse: Int
}

/// An LMDB environment: one store folder, its memory map and its named
/// databases.
///
/// All access goes through scoped transactions, ``read(_:)`` and
/// ``write(_:)``. The environment is opened with `MDB_NOTLS`, so a read
/// transaction is not tied to the thread that began it, and any number of
/// threads (and processes) may read while one writes.
///
/// When a write meets a full map, the environment aborts it, doubles the map
/// and runs the whole write closure again; callers never see `MDB_MAP_FULL`.
package final class Environment: @unchecked Sendable {
    // @unchecked: `env` is used only through LMDB calls that are thread-safe
    // with MDB_NOTLS; the mutable state below is guarded by `gate`,
    // `writeLock` and `databaseLock`.
    let env: OpaquePointer
    package let path: String
    package let configuration: StoreConfiguration
    package let format: StoreFormat
    /// The format version found in (or written to) the store.
    package private(set) var storedFormatVersion: Int = 0
    /// The tool version that created the store, as recorded in `meta`.
    package private(set) var creator: String = ""

    private let gate = TransactionGate()
    private let writeLock = NSLock()
    private var writerThread: pthread_t?
    private let databaseLock = NSLock()
    private var databases: [String: Database] = [:]
    /// Opened without a lock file (`MDB_NOLOCK`): read-only, by a user who
    /// may not write the lock file or on a read-only file system.
    package let lockless: Bool

    /// Opens (or, when the configuration allows, creates) the store at `path`.
    ///
    /// - Throws: ``StoreError/missing`` when nothing is there and `create` is
    ///   off; ``StoreError/notAStore`` for a file, a folder that holds no
    ///   store, or an LMDB file of another application;
    ///   ``StoreError/incompatibleFormat`` for a format this build cannot read.
    package init(path: String, format: StoreFormat, configuration: StoreConfiguration = .init()) throws {
        self.path = path
        self.format = format
        self.configuration = configuration
        let isNew = try Environment.prepareFolder(path, configuration: configuration)
        if !isNew { try Environment.checkDataFile(path, configuration: configuration) }
        let (handle, lockless) = try Environment.openHandle(path, configuration: configuration)
        // From here on `self` is fully initialised, so a throw runs deinit,
        // which closes the environment.
        self.env = handle
        self.lockless = lockless
        // Readers left behind by crashed processes would otherwise pin old
        // pages (blocking growth of free space) and fill the reader table.
        var dead: Int32 = 0
        try check(mdb_reader_check(env, &dead), "mdb_reader_check")
        switch try survey() {
        case .existing:
            try checkFormat()
            try openSchema()
        case .empty:
            if !isNew, !Environment.holdsOnlyLMDBFiles(path) {
                throw StoreError(
                    .notAStore, operation: "open",
                    message: "'\(path)' is an LMDB environment with nothing in it, not a '\(format.identifier)' store")
            }
            try createStore(isNew: isNew)
        case .unfinished:
            try createStore(isNew: isNew)
        }
    }

    deinit {
        mdb_env_close(env)
    }

    /// Opens the LMDB environment of `path`. A read-only open of a store
    /// whose lock file this user may not write (or create) goes on without
    /// it (`MDB_NOLOCK`): a store on a read-only mount or owned by someone
    /// else still answers queries. Returns the handle and whether it has no
    /// lock file.
    private static func openHandle(_ path: String, configuration: StoreConfiguration) throws -> (OpaquePointer, Bool) {
        func attempt(lockless: Bool) throws -> (OpaquePointer?, Int32) {
            var handle: OpaquePointer?
            try check(mdb_env_create(&handle), "mdb_env_create")
            guard let handle else {
                throw StoreError(.lmdb, operation: "mdb_env_create", message: "no environment returned")
            }
            mdb_env_set_assert(handle, damagedPage)
            var flags = UInt32(MDB_NOTLS)
            if configuration.readOnly { flags |= UInt32(MDB_RDONLY) }
            if lockless { flags |= UInt32(MDB_NOLOCK) }
            var rc = mdb_env_set_maxdbs(handle, MDB_dbi(configuration.maxDatabases))
            if rc == 0 { rc = mdb_env_set_maxreaders(handle, UInt32(configuration.maxReaders)) }
            if rc == 0 { rc = mdb_env_set_mapsize(handle, max(configuration.mapSize, 1 << 16)) }
            if rc == 0 { rc = mdb_env_open(handle, path, flags, 0o644) }
            if rc != 0 {
                // "If this function fails, mdb_env_close() must be called."
                mdb_env_close(handle)
                return (nil, rc)
            }
            return (handle, rc)
        }
        var (handle, rc) = try attempt(lockless: false)
        var lockless = false
        if handle == nil, configuration.readOnly, rc == EACCES || rc == EROFS || rc == EPERM {
            (handle, rc) = try attempt(lockless: true)
            lockless = true
        }
        if let handle { return (handle, lockless) }
        switch rc {
        case MDB_INVALID:
            throw StoreError(
                .notAStore, operation: "open",
                message: "'\(path)/data.mdb' is not an LMDB data file")
        case MDB_VERSION_MISMATCH:
            throw StoreError(
                .incompatibleFormat, operation: "open",
                message: "'\(path)' was written by an incompatible LMDB version", lmdbCode: rc)
        case EACCES, EPERM:
            throw StoreError(
                .readOnly, operation: "open",
                message: "'\(path)' cannot be " + (configuration.readOnly ? "read" : "written")
                    + " by this user (\(String(cString: mdb_strerror(rc))))"
                    + (configuration.readOnly ? "" : "; commands that only read it (query, export, stats) still can"),
                lmdbCode: rc)
        case EROFS:
            throw StoreError(
                .readOnly, operation: "open",
                message: "'\(path)' is on a read-only file system: it can be read (query, export, stats), not written",
                lmdbCode: rc)
        default:
            try check(rc, "mdb_env_open", path: path)
            throw StoreError(.lmdb, operation: "mdb_env_open", message: "no environment returned")
        }
    }

    /// Refuses a data file that cannot be mapped safely: one shorter than
    /// its own header says (reading past its end would crash the process),
    /// or an empty one where nothing may create a store.
    private static func checkDataFile(_ path: String, configuration: StoreConfiguration) throws {
        let file = path + "/data.mdb"
        switch try DataFile.inspect(file) {
        case .whole, .unknown:
            return
        case .empty:
            // What a creation stopped before LMDB wrote its first page
            // leaves: a writer takes it over, a reader finds no store yet.
            guard configuration.readOnly || !configuration.create else {
                if holdsOnlyLMDBFiles(path) { return }
                throw StoreError(
                    .notAStore, operation: "open",
                    message: "'\(file)' is empty (0 bytes) and the folder holds other files: not a store")
            }
            throw StoreError(
                .missing, operation: "open",
                message: "no store at '\(path)' yet: its data.mdb is empty (0 bytes), so nothing was ever "
                    + "stored there; the next ingest or import creates the store")
        case .truncated(let size, let needed):
            throw StoreError(
                .corrupted, operation: "open",
                message: "'\(file)' is truncated: it has \(size) bytes, but its own header says the store "
                    + "takes \(needed); the file was cut short (a full disk, an interrupted copy?) and cannot "
                    + "be read; restore the store from a backup or an export")
        }
    }

    /// Whether the folder holds nothing but LMDB's two files: an
    /// environment a creation left there, not someone else's folder.
    private static func holdsOnlyLMDBFiles(_ path: String) -> Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
        return Set(contents).isSubset(of: ["data.mdb", "lock.mdb"])
    }

    /// Decides whether `path` is an existing store, a place for a new one, or
    /// neither. Returns `true` when a new store is to be created.
    private static func prepareFolder(_ path: String, configuration: StoreConfiguration) throws -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            guard configuration.create, !configuration.readOnly else {
                throw StoreError(.missing, operation: "open", message: "no store at '\(path)'")
            }
            do {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    .lmdb, operation: "open",
                    message: "cannot create the folder '\(path)': \(error.localizedDescription)")
            }
            return true
        }
        guard isDirectory.boolValue else {
            throw StoreError(
                .notAStore, operation: "open",
                message: "'\(path)' is a file, not a store (a store is a folder)")
        }
        if fm.fileExists(atPath: path + "/data.mdb") { return false }
        let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        // An empty folder, or one where another writer creating the store
        // this moment has made LMDB's lock file but not yet its data file:
        // a place for the store (LMDB's lock serialises the two).
        if Set(contents).isSubset(of: ["lock.mdb"]), configuration.create, !configuration.readOnly { return true }
        if contents.contains(Environment.partialCopy) {
            throw StoreError(
                .notAStore, operation: "open",
                message: "'\(path)' holds an unfinished copy (\(Environment.partialCopy): a compact that "
                    + "stopped before it finished), not a store")
        }
        let what = contents.isEmpty ? "an empty folder" : "a folder with no store in it (no data.mdb)"
        throw StoreError(.notAStore, operation: "open", message: "'\(path)' is \(what), not a store")
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only transaction that sees one consistent
    /// snapshot of the store, however many writes commit meanwhile.
    ///
    /// Bytes read inside the transaction point into the memory map and are
    /// valid only until `body` returns; copy what you keep.
    @discardableResult
    package func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try read(commit: false, body)
    }

    /// A read transaction that commits rather than aborts: database handles
    /// opened inside a transaction survive it only if it commits, read-only
    /// transactions included.
    private func read<R>(commit: Bool, _ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        while true {
            try gate.enter()
            var txn: OpaquePointer?
            let rc = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn)
            if rc == MDB_MAP_RESIZED {
                gate.leave()
                try adoptMapSize()
                continue
            }
            guard rc == 0, let txn else {
                gate.leave()
                try check(rc, "mdb_txn_begin")
                throw StoreError(.lmdb, operation: "mdb_txn_begin", message: "no transaction returned")
            }
            defer { gate.leave() }
            let result: R
            do {
                result = try body(ReadTransaction(handle: txn))
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            if commit {
                try check(mdb_txn_commit(txn), "mdb_txn_commit")
            } else {
                mdb_txn_abort(txn)
            }
            return result
        }
    }

    /// Runs `body` in a write transaction: it commits when `body` returns and
    /// aborts, leaving no trace, when `body` throws.
    ///
    /// - Important: `body` may run more than once. When the map is full the
    ///   transaction is aborted, the map grows and `body` runs again from the
    ///   start, so it must not have effects outside the transaction (or they
    ///   must be safe to repeat). Do not call `write` from inside `read` or
    ///   `write` on the same thread.
    @discardableResult
    package func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        guard !configuration.readOnly else {
            throw StoreError(.readOnly, operation: "write", message: "the store at '\(path)' is open read-only")
        }
        if let owner = writerThread, pthread_equal(owner, pthread_self()) != 0 {
            throw StoreError(
                .lmdb, operation: "write",
                message: "a write transaction is already open on this thread (nested write)")
        }
        writeLock.lock()
        writerThread = pthread_self()
        defer {
            writerThread = nil
            writeLock.unlock()
        }
        while true {
            try gate.enter()
            var txn: OpaquePointer?
            var rc = mdb_txn_begin(env, nil, 0, &txn)
            if rc == MDB_MAP_RESIZED {
                gate.leave()
                try adoptMapSize()
                continue
            }
            guard rc == 0, let txn else {
                gate.leave()
                try check(rc, "mdb_txn_begin")
                throw StoreError(.lmdb, operation: "mdb_txn_begin", message: "no transaction returned")
            }
            let state = TransactionState()
            let result: R
            do {
                result = try body(WriteTransaction(handle: txn, state: state))
            } catch {
                mdb_txn_abort(txn)
                gate.leave()
                // The closure may have caught and rethrown, wrapped or even
                // swallowed the map-full error; the state flag sees it anyway.
                if state.mapFull {
                    try growMap()
                    continue
                }
                // A put that spilled pages to a full disk.
                throw StoreError.onFullDisk(error, path: path)
            }
            if state.mapFull {
                mdb_txn_abort(txn)
                gate.leave()
                try growMap()
                continue
            }
            rc = mdb_txn_commit(txn)
            gate.leave()
            if rc == MDB_MAP_FULL {
                try growMap()
                continue
            }
            try check(rc, "mdb_txn_commit", path: path)
            return result
        }
    }

    // MARK: - Map size

    /// Doubles the map. LMDB requires that no transaction of this process is
    /// open while the size changes ("This function may only be called if no
    /// transactions are active in the current process"), so new ones wait.
    private func growMap() throws {
        try exclusively(operation: "grow map") {
            var info = MDB_envinfo()
            try check(mdb_env_info(env, &info), "mdb_env_info")
            try check(mdb_env_set_mapsize(env, info.me_mapsize * 2), "mdb_env_set_mapsize")
        }
    }

    /// Grows the map, when needed and possible at once, to hold `bytes`
    /// more than the store uses now: a long write transaction (an import)
    /// then does not fill the map and run again from its start. Map space
    /// costs no disk until used. While this process has transactions open
    /// the map cannot change; then nothing happens, and the write grows the
    /// map as usual if it must.
    package func reserve(_ bytes: Int) throws {
        func wanted() throws -> (current: Int, size: Int) {
            var info = MDB_envinfo()
            try check(mdb_env_info(env, &info), "mdb_env_info")
            var stat = MDB_stat()
            try check(mdb_env_stat(env, &stat), "mdb_env_stat")
            let needed = (info.me_last_pgno + 1) * Int(stat.ms_psize) + bytes
            var size = info.me_mapsize
            while size < needed { size *= 2 }
            return (info.me_mapsize, size)
        }
        let (current, size) = try wanted()
        guard size > current else { return }
        _ = try gate.exclusively(timeout: 0) {
            let (current, size) = try wanted()
            if size != current { try check(mdb_env_set_mapsize(env, size), "mdb_env_set_mapsize") }
        }
    }

    /// Another process grew the map: `mdb_env_set_mapsize(env, 0)` adopts the
    /// size recorded in the data file (LMDB's answer to `MDB_MAP_RESIZED`).
    private func adoptMapSize() throws {
        try exclusively(operation: "adopt map size") {
            try check(mdb_env_set_mapsize(env, 0), "mdb_env_set_mapsize")
        }
    }

    private func exclusively(operation: String, _ body: () throws -> Void) throws {
        let done = try gate.exclusively(timeout: configuration.growthTimeout, body)
        if !done {
            throw StoreError(
                .mapFull, operation: operation,
                message: "the map is full and cannot grow while other transactions of this process stay open")
        }
    }

    func recordFormat(version: Int, creator: String) {
        storedFormatVersion = version
        self.creator = creator
    }

    /// Figures for statistics and tests.
    package func info() throws -> EnvironmentInfo {
        var info = MDB_envinfo()
        try check(mdb_env_info(env, &info), "mdb_env_info")
        var stat = MDB_stat()
        try check(mdb_env_stat(env, &stat), "mdb_env_stat")
        return EnvironmentInfo(
            mapSize: info.me_mapsize,
            pageSize: Int(stat.ms_psize),
            usedBytes: (info.me_last_pgno + 1) * Int(stat.ms_psize),
            readersInUse: Int(info.me_numreaders)
        )
    }

    /// The name a copy is written under until it is complete.
    package static let partialCopy = "data.mdb.partial"

    /// Writes one consistent snapshot of the store into the new folder
    /// `destination`, leaving out free pages: after many batches of changes
    /// a store keeps the pages its old versions of large values occupied
    /// (for reuse), and the copy holds only what is live. Writers may go on
    /// meanwhile; the original is never changed.
    ///
    /// The copy is written as `data.mdb.partial`, flushed to disk and only
    /// then renamed `data.mdb`, so an interrupted copy is never taken for a
    /// store (a later copy into the same folder replaces the leftover).
    ///
    /// - Throws: ``StoreError/notAStore`` when `destination` exists and is
    ///   not an empty folder (nothing is overwritten); LMDB errors, after
    ///   which the half-written folder is removed.
    package func copy(to destination: String, compact: Bool = true) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        var created = false
        let partial = destination + "/" + Environment.partialCopy
        if fm.fileExists(atPath: destination, isDirectory: &isDirectory) {
            let contents = isDirectory.boolValue ? ((try? fm.contentsOfDirectory(atPath: destination)) ?? ["?"]) : ["?"]
            guard contents.allSatisfy({ $0 == Environment.partialCopy }) else {
                throw StoreError(
                    .notAStore, operation: "copy",
                    message: "'\(destination)' already exists; copy into a new or empty folder")
            }
        } else {
            do {
                try fm.createDirectory(atPath: destination, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    .lmdb, operation: "copy",
                    message: "cannot create the folder '\(destination)': \(error.localizedDescription)")
            }
            created = true
        }
        func fail(_ rc: Int32, _ operation: String) throws -> Never {
            unlink(partial)
            if created { try? fm.removeItem(atPath: destination) }
            if let full = StoreError.fullDisk(rc, path: destination, copying: true) { throw full }
            try check(rc, operation)
            throw StoreError(.lmdb, operation: operation, message: "failed")
        }
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { try fail(errno, "copy") }
        var rc = mdb_env_copyfd2(env, fd, compact ? UInt32(MDB_CP_COMPACT) : 0)
        if rc == 0, fsync(fd) != 0 { rc = errno }
        if close(fd) != 0, rc == 0 { rc = errno }
        if rc != 0 { try fail(rc, "mdb_env_copy2") }
        guard rename(partial, destination + "/data.mdb") == 0 else { try fail(errno, "copy") }
    }

    // MARK: - Databases

    /// A read transaction that commits, so that database handles opened
    /// in it stay open.
    func readCommitting<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try read(commit: true, body)
    }

    func isOpen(_ name: String) -> Bool {
        databaseLock.withLock { databases[name] != nil }
    }

    /// Keeps handles opened in a transaction that committed.
    func adopt(_ opened: [Database]) {
        databaseLock.withLock {
            for db in opened { databases[db.name] = db }
        }
    }

    /// The named database `name`, created on first use unless the store is
    /// read-only. Handles are cached; opening is cheap after the first time.
    ///
    /// - Throws: ``StoreError/noSuchDatabase`` in a read-only store that
    ///   lacks it; an LMDB `MDB_INCOMPATIBLE` error when it exists with other
    ///   options.
    package func database(_ name: String, options: DatabaseOptions = [], mustExist: Bool = false) throws -> Database {
        databaseLock.lock()
        defer { databaseLock.unlock() }
        if let db = databases[name] {
            guard db.options == options else {
                throw StoreError(
                    .badValue, operation: "open database '\(name)'",
                    message: "already open with other options")
            }
            return db
        }
        var dbi: MDB_dbi = 0
        let flags = options.lmdbFlags
        if configuration.readOnly || mustExist {
            try read(commit: true) { txn in
                let rc = mdb_dbi_open(txn.handle, name, flags, &dbi)
                if rc == MDB_NOTFOUND {
                    throw StoreError(
                        .noSuchDatabase, operation: "open database '\(name)'",
                        message: "the store has no database named '\(name)'")
                }
                try check(rc, "mdb_dbi_open '\(name)'")
            }
        } else {
            // Opened in a transaction of its own that commits at once: a
            // handle opened in a write that aborts (or reruns) would be lost.
            try write { txn in
                try check(mdb_dbi_open(txn.handle, name, flags | UInt32(MDB_CREATE), &dbi), "mdb_dbi_open '\(name)'")
            }
        }
        let db = Database(name: name, dbi: dbi, options: options)
        databases[name] = db
        return db
    }
}

/// Counts this process's open transactions so that the map can be resized
/// only while none is open.
private final class TransactionGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var active = 0
    private var exclusive = false

    func enter() throws {
        condition.lock()
        while exclusive { condition.wait() }
        active += 1
        condition.unlock()
    }

    func leave() {
        condition.lock()
        active -= 1
        if active == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Runs `body` while no transaction is open. Returns `false` when others
    /// stayed open past `timeout`.
    func exclusively(timeout: TimeInterval, _ body: () throws -> Void) throws -> Bool {
        condition.lock()
        while exclusive { condition.wait() }
        exclusive = true
        defer {
            exclusive = false
            condition.broadcast()
            condition.unlock()
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while active > 0 {
            if !condition.wait(until: deadline) { return false }
        }
        try body()
        return true
    }
}

/// Mutable facts about one write transaction, seen by the retry loop.
package final class TransactionState {
    var mapFull = false
}

/// LMDB asserts what its pages hold (Debian's liblmdb keeps assertions),
/// and aborts when a damaged page breaks one: a flipped byte in a page
/// header or in a sub-database's record (`mdb.c:5645: Assertion 'root > 1'
/// failed in mdb_page_search()`). Nothing can go on in the process after
/// that; this says what happened and leaves with the store-damage exit
/// code (3) instead of a crash report.
private let damagedPage: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Void = { _, message in
    let what = message.map { String(cString: $0) } ?? "an assertion failed"
    let text =
        "error: store damaged: LMDB met a damaged page and cannot go on (\(what)); "
        + "restore the store from a copy, or save what still reads with 'isnad export --skip-damaged'\n"
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    _exit(3)
}
