import CLMDB
import Foundation
import Testing

@testable import IsnadStore

/// How a store comes into being and what opening does with the remains of
/// a creation that stopped half-way, a data file cut short, a full disk
/// and an interrupted copy.
@Suite struct CreationAndDamageTests {
    /// A format with databases of its own, as the real schema has.
    static let format = StoreFormat(
        identifier: "isnad-store-tests", version: 3, oldestReadable: 2, creator: "IsnadStoreTests",
        databases: [DatabaseSpec("records"), DatabaseSpec("postings"), DatabaseSpec("sets", [.duplicateSort])])

    private func configuration(readOnly: Bool = false) -> StoreConfiguration {
        var configuration = StoreConfiguration()
        configuration.mapSize = 1 << 24
        configuration.readOnly = readOnly
        configuration.create = !readOnly
        return configuration
    }

    /// Builds an environment with LMDB alone, as a creation that stopped
    /// would have left it: `databases` created (each in a transaction of
    /// its own, as older builds did), `meta` holding `metaValues`.
    private func leaveBehind(_ path: String, databases: [String], metaValues: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var env: OpaquePointer?
        #expect(mdb_env_create(&env) == 0)
        defer { mdb_env_close(env) }
        #expect(mdb_env_set_maxdbs(env, 16) == 0)
        #expect(mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o644) == 0)
        for name in databases {
            var txn: OpaquePointer?
            #expect(mdb_txn_begin(env, nil, 0, &txn) == 0)
            var dbi: MDB_dbi = 0
            let flags = name == "sets" ? UInt32(MDB_DUPSORT) : 0
            #expect(mdb_dbi_open(txn, name, flags | UInt32(MDB_CREATE), &dbi) == 0)
            if name == "meta" {
                for (key, value) in metaValues {
                    var k = Array(key.utf8)
                    var v = Array(value.utf8)
                    k.withUnsafeMutableBytes { kb in
                        v.withUnsafeMutableBytes { vb in
                            var kv = MDB_val(mv_size: kb.count, mv_data: kb.baseAddress)
                            var vv = MDB_val(mv_size: vb.count, mv_data: vb.baseAddress)
                            #expect(mdb_put(txn, dbi, &kv, &vv, 0) == 0)
                        }
                    }
                }
            }
            #expect(mdb_txn_commit(txn) == 0)
        }
    }

    @Test func aStoreIsCreatedInOneTransaction() throws {
        try withTemporaryDirectory { folder in
            let env = try Environment(path: folder + "/s", format: Self.format, configuration: configuration())
            // Every database and the format record came with the first
            // commit: there is no state in between for a crash to leave.
            #expect(try env.read { $0.snapshotID } == 1)
            #expect(try env.survey() == .existing)
            for name in ["meta", "records", "postings", "sets"] {
                #expect(env.isOpen(name), "\(name)")
            }
            let reader = try Environment(path: folder + "/s", format: Self.format, configuration: configuration(readOnly: true))
            #expect(reader.storedFormatVersion == 3)
            _ = try reader.database("sets", options: [.duplicateSort], mustExist: true)
        }
    }

    /// The states a creation killed early left, with nothing stored: each
    /// is "no store yet" to a reader and becomes a whole store for the
    /// next writer.
    @Test(arguments: ["lmdb-only", "meta-only", "meta-and-format", "format-without-sets", "zero-bytes"])
    func halfCreatedStoreIsTakenOverByTheNextWriter(_ state: String) throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            switch state {
            case "lmdb-only":
                try leaveBehind(path, databases: [])
            case "meta-only":
                try leaveBehind(path, databases: ["meta"])
            case "meta-and-format":
                try leaveBehind(path, databases: ["meta"], metaValues: ["format": "isnad-store-tests"])
            case "format-without-sets":
                try leaveBehind(
                    path, databases: ["meta", "records", "postings"],
                    metaValues: ["format": "isnad-store-tests", "creator": "IsnadStoreTests"])
            default:
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                #expect(FileManager.default.createFile(atPath: path + "/data.mdb", contents: Data()))
            }
            let error = expectStoreError(StoreError.missing) {
                try Environment(path: path, format: Self.format, configuration: configuration(readOnly: true))
            }
            #expect(error?.message.contains("no store at '\(path)' yet") == true, "\(String(describing: error))")

            let writer = try Environment(path: path, format: Self.format, configuration: configuration())
            #expect(writer.storedFormatVersion == 3)
            let records = try writer.database("records", mustExist: true)
            try writer.write { txn in try txn.put(bytes("v"), for: bytes("k"), in: records) }

            let reader = try Environment(path: path, format: Self.format, configuration: configuration(readOnly: true))
            #expect(reader.creator == "IsnadStoreTests")
            let sets = try reader.database("sets", options: [.duplicateSort], mustExist: true)
            #expect(try reader.read { try $0.count(sets) } == 0)
            let stored = try reader.database("records", mustExist: true)
            #expect(try reader.read { txn in text(try txn.get(bytes("k"), in: stored)) } == "v")
        }
    }

    @Test func anEnvironmentWithDataOrBesideOtherFilesIsNotTakenOver() throws {
        try withTemporaryDirectory { folder in
            // Nothing stored, but the folder is someone's.
            try leaveBehind(folder + "/a", databases: [])
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/a/notes.txt"))
            expectStoreError(StoreError.notAStore) {
                try Environment(path: folder + "/a", format: Self.format, configuration: configuration())
            }
            // A database of another application.
            try leaveBehind(folder + "/b", databases: ["meta", "other"])
            let error = expectStoreError(StoreError.notAStore) {
                try Environment(path: folder + "/b", format: Self.format, configuration: configuration())
            }
            #expect(error?.message.contains("no format record") == true)
        }
    }

    /// A store with a few hundred pages, closed.
    private func filledStore(_ path: String, values: Int = 200) throws {
        let env = try Environment(path: path, format: Self.format, configuration: configuration())
        let records = try env.database("records", mustExist: true)
        try env.write { txn in
            for n in 0..<values {
                try txn.put([UInt8](repeating: UInt8(n % 251), count: 3000), for: bytes("key\(n)"), in: records)
            }
        }
    }

    private func size(_ file: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    }

    @Test(arguments: [8192, -1])
    func truncatedDataFileIsRefusedBeforeItIsMapped(_ length: Int) throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            let file = folder + "/s/data.mdb"
            try filledStore(path)
            let whole = try size(file)
            let cut = length > 0 ? length : whole / 2
            #expect(truncate(file, off_t(cut)) == 0)
            guard case .truncated(cut, let needed) = try DataFile.inspect(file) else {
                Issue.record("not seen as truncated")
                return
            }
            #expect(needed == whole)
            for readOnly in [true, false] {
                let error = expectStoreError(StoreError.corrupted) {
                    try Environment(path: path, format: Self.format, configuration: configuration(readOnly: readOnly))
                }
                #expect(error?.message.contains("is truncated") == true)
            }
            #expect(try size(file) == cut, "a writer left the file alone")
        }
    }

    /// LMDB says the file "may be shorter if the freeDB lists the final
    /// pages": pages past the end that are all free do not make it
    /// truncated, one page in use does.
    @Test func missingPagesThatAreAllFreeAreNoDamage() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            let file = folder + "/s/data.mdb"
            do {
                let env = try Environment(path: path, format: Self.format, configuration: configuration())
                let records = try env.database("records", mustExist: true)
                try env.write { txn in
                    for n in 0..<200 { try txn.put([UInt8](repeating: 1, count: 3000), for: bytes("key\(n)"), in: records) }
                }
                // Frees the values' pages; the writes after it reuse them
                // and free the pages it wrote at the end of the file.
                try env.write { txn in
                    for n in 0..<200 { _ = try txn.delete(bytes("key\(n)"), in: records) }
                }
                for n in 0..<4 {
                    try env.write { txn in try txn.put(bytes("v"), for: bytes("last\(n)"), in: records) }
                }
            }
            guard case .whole(let header) = try DataFile.inspect(file) else {
                Issue.record("a whole store is not whole")
                return
            }
            // The free pages at the end of the file, as LMDB lists them.
            let free = try freePages(path)
            var tail = header.lastPage
            while free.contains(tail) { tail -= 1 }
            try #require(tail < header.lastPage, "the store ends in free pages: \(header), \(free.sorted())")
            #expect(truncate(file, off_t((tail + 1) * header.pageSize)) == 0)
            #expect(try DataFile.inspect(file) == .whole(header))
            let env = try Environment(path: path, format: Self.format, configuration: configuration(readOnly: true))
            let records = try env.database("records", mustExist: true)
            #expect(try env.read { txn in text(try txn.get(bytes("last3"), in: records)) } == "v")
            #expect(try env.read { try $0.count(records) } == 4)

            #expect(truncate(file, off_t(tail * header.pageSize)) == 0)
            #expect(
                try DataFile.inspect(file)
                    == .truncated(
                        size: tail * header.pageSize,
                        needed: (header.lastPage + 1) * header.pageSize))
        }
    }

    /// Every page number LMDB's free-page database lists (dbi 0).
    private func freePages(_ path: String) throws -> Set<Int> {
        var env: OpaquePointer?
        #expect(mdb_env_create(&env) == 0)
        defer { mdb_env_close(env) }
        #expect(mdb_env_open(env, path, UInt32(MDB_RDONLY), 0o644) == 0)
        var txn: OpaquePointer?
        #expect(mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn) == 0)
        defer { mdb_txn_abort(txn) }
        var cursor: OpaquePointer?
        #expect(mdb_cursor_open(txn, 0, &cursor) == 0)
        defer { mdb_cursor_close(cursor) }
        var pages: Set<Int> = []
        var key = MDB_val()
        var value = MDB_val()
        var rc = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        while rc == 0 {
            let ids = UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
            let count = ids.loadUnaligned(as: Int.self)
            for k in 0..<count { pages.insert(ids.loadUnaligned(fromByteOffset: 8 * (k + 1), as: Int.self)) }
            rc = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        return pages
    }

    @Test func aFullDiskIsNamedAsSuch() throws {
        try withTemporaryDirectory { folder in
            let full = try #require(StoreError.fullDisk(ENOSPC, path: folder))
            #expect(full.code == StoreError.diskFull)
            #expect(full.message.contains("is full"))
            #expect(full.message.contains("nothing already stored was lost"))
            #expect(StoreError.fullDisk(EDQUOT, path: folder)?.code == StoreError.diskFull)
            // LMDB's EIO for a short write is a full disk only where the
            // file system has no room left; here it has.
            #expect(StoreError.fullDisk(EIO, path: folder) == nil)
            #expect(StoreError.fullDisk(EACCES, path: folder) == nil)
            let wrapped = StoreError(.lmdb, operation: "mdb_put", message: "No space left on device", lmdbCode: ENOSPC)
            #expect((StoreError.onFullDisk(wrapped, path: folder) as? StoreError)?.code == StoreError.diskFull)
        }
    }

    @Test func aCopyIsWrittenUnderATemporaryName() throws {
        try withTemporaryDirectory { folder in
            try filledStore(folder + "/s", values: 20)
            let env = try Environment(path: folder + "/s", format: Self.format, configuration: configuration(readOnly: true))
            // What a copy killed half-way leaves: not a store, and no
            // obstacle to the next copy.
            let copy = folder + "/copy"
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try Data(repeating: 7, count: 5000).write(to: URL(fileURLWithPath: copy + "/" + Environment.partialCopy))
            let error = expectStoreError(StoreError.notAStore) {
                try Environment(path: copy, format: Self.format, configuration: configuration(readOnly: true))
            }
            #expect(error?.message.contains("unfinished copy") == true)
            try env.copy(to: copy)
            #expect(try FileManager.default.contentsOfDirectory(atPath: copy) == ["data.mdb"])
            let copied = try Environment(path: copy, format: Self.format, configuration: configuration(readOnly: true))
            let records = try copied.database("records", mustExist: true)
            #expect(try copied.read { try $0.count(records) } == 20)
        }
    }
}
