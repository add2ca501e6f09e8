import Foundation
import Testing

@testable import IsnadStore

@Suite struct TransactionTests {
    @Test func putGetDelete() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            try env.write { txn in
                try txn.put(bytes("one"), for: bytes("a"), in: db)
                try txn.put(bytes("two"), for: bytes("b"), in: db)
            }
            try env.read { txn in
                try #expect(text(txn.get(bytes("a"), in: db)) == "one")
                try #expect(text(txn.get(bytes("b"), in: db)) == "two")
                try #expect(txn.get(bytes("c"), in: db) == nil)
                try #expect(txn.count(db) == 2)
            }
            let (deleted, missing, kept) = try env.write { txn in
                (
                    try txn.delete(bytes("a"), in: db),
                    try txn.delete(bytes("zzz"), in: db),
                    try txn.put(bytes("three"), for: bytes("b"), in: db, options: .noOverwrite)
                )
            }
            #expect(deleted)
            #expect(!missing)
            #expect(!kept, "noOverwrite must keep the existing value")
            try env.read { txn in
                try #expect(txn.get(bytes("a"), in: db) == nil)
                try #expect(text(txn.get(bytes("b"), in: db)) == "two")
            }
        }
    }

    @Test func overwriteAndReservedPut() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            try env.write { txn in
                try txn.put(bytes("first"), for: bytes("k"), in: db)
                try txn.put(bytes("second"), for: bytes("k"), in: db)
                try txn.put(reserving: 4, for: bytes("r"), in: db) { buffer in
                    buffer.copyBytes(from: bytes("wxyz"))
                }
            }
            try env.read { txn in
                try #expect(text(txn.get(bytes("k"), in: db)) == "second")
                try #expect(text(txn.get(bytes("r"), in: db)) == "wxyz")
            }
        }
    }

    @Test func abortOnThrowLeavesNoTrace() throws {
        struct Boom: Error {}
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            try env.write { txn in try txn.put(bytes("kept"), for: bytes("a"), in: db) }
            #expect(throws: Boom.self) {
                try env.write { txn in
                    try txn.put(bytes("changed"), for: bytes("a"), in: db)
                    try txn.put(bytes("new"), for: bytes("b"), in: db)
                    try txn.removeAll(in: db)
                    throw Boom()
                }
            }
            try env.read { txn in
                try #expect(text(txn.get(bytes("a"), in: db)) == "kept")
                try #expect(txn.get(bytes("b"), in: db) == nil)
                try #expect(txn.count(db) == 1)
            }
        }
    }

    @Test func badKeysAreErrorsNotCrashes() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            expectStoreError(StoreError.badValue) {
                try env.write { txn in try txn.put(bytes("v"), for: [UInt8](), in: db) }
            }
            expectStoreError(StoreError.badValue) {
                try env.write { txn in try txn.put(bytes("v"), for: [UInt8](repeating: 7, count: 600), in: db) }
            }
            // The failed writes left the store usable and empty.
            try env.read { txn in try #expect(txn.count(db) == 0) }
        }
    }

    @Test func nestedWriteOnOneThreadIsRefused() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            let error = expectStoreError(StoreError.lmdb) {
                try env.write { _ in
                    try env.write { txn in try txn.put(bytes("v"), for: bytes("k"), in: db) }
                }
            }
            #expect(error?.message.contains("nested") == true)
        }
    }

    @Test func readerKeepsItsSnapshotWhileWriterCommits() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("things")
            try env.write { txn in try txn.put(bytes("old"), for: bytes("k"), in: db) }

            let readerStarted = DispatchSemaphore(value: 0)
            let writerDone = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            let seen = LockedBox<[String?]>([])
            DispatchQueue.global().async {
                do {
                    try env.read { txn in
                        seen.append(text(try txn.get(bytes("k"), in: db)))
                        readerStarted.signal()
                        writerDone.wait()
                        // Same transaction after the commit: still the snapshot.
                        seen.append(text(try txn.get(bytes("k"), in: db)))
                        seen.append(text(try txn.get(bytes("k2"), in: db)))
                    }
                } catch {
                    seen.append("error: \(error)")
                }
                finished.signal()
            }
            readerStarted.wait()
            try env.write { txn in
                try txn.put(bytes("new"), for: bytes("k"), in: db)
                try txn.put(bytes("added"), for: bytes("k2"), in: db)
            }
            writerDone.signal()
            finished.wait()
            #expect(seen.value == ["old", "old", nil])
            try env.read { txn in
                try #expect(text(txn.get(bytes("k"), in: db)) == "new")
            }
        }
    }

    @Test func readOnlyStoreRefusesWrites() throws {
        try withTemporaryStore { env, path in
            let db = try env.database("things")
            try env.write { txn in try txn.put(bytes("v"), for: bytes("k"), in: db) }
            var configuration = StoreConfiguration()
            configuration.readOnly = true
            let reader = try Environment(path: path, format: testFormat, configuration: configuration)
            let same = try reader.database("things")
            try reader.read { txn in try #expect(text(txn.get(bytes("k"), in: same)) == "v") }
            expectStoreError(StoreError.readOnly) {
                try reader.write { txn in try txn.put(bytes("w"), for: bytes("k"), in: same) }
            }
            expectStoreError(StoreError.noSuchDatabase) { try reader.database("absent") }
        }
    }
}

/// A value shared between threads in tests.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}

extension LockedBox where Value == [String?] {
    func append(_ element: String?) { update { $0.append(element) } }
}
