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
                    var k = Array(key.utf8), v = Array(value.utf8)
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
    @Test(arguments: ["lmdb-only", "meta-only", "meta-and-format", "format-without-sets"])
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
                try leaveBehind(path, databases: ["meta", "records", "postings"],
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

}
