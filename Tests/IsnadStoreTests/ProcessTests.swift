import Testing

@testable import IsnadStore

/// Two processes on one store: this test process writes, StoreProbe reads.
@Suite(.serialized) struct ProcessTests {
    @Test func secondProcessReadsWhileOneWrites() throws {
        try withTemporaryStore { env, path in
            let db = try env.database("things")
            try env.write { txn in try txn.put(bytes("v1"), for: bytes("k"), in: db) }
            let probe = try Probe(path: path)
            defer { probe.quit() }
            try #expect(probe.ask("get things k") == "v1")

            // While a write transaction is open here, the other process
            // reads the last committed state without waiting.
            let answersDuringWrite = try env.write { txn -> [String] in
                try txn.put(bytes("v2"), for: bytes("k"), in: db)
                try txn.put(bytes("new"), for: bytes("k2"), in: db)
                return [try probe.ask("get things k"), try probe.ask("count things")]
            }
            #expect(answersDuringWrite == ["v1", "1"])
            try #expect(probe.ask("get things k") == "v2")
            try #expect(probe.ask("count things") == "2")
        }
    }

    @Test func otherProcessAdoptsAGrownMap() throws {
        try withTemporaryStore(mapSize: 1 << 20) { env, path in
            let db = try env.database("blobs")
            try env.write { txn in try txn.put(bytes("small"), for: bytes("first"), in: db) }
            let probe = try Probe(path: path)
            defer { probe.quit() }
            try #expect(probe.ask("count blobs") == "1")
            let before = Int(try probe.ask("mapsize")) ?? 0

            // 8 MiB through a 1 MiB map: this process grows it.
            try env.write { txn in
                for i in 0..<128 {
                    var key = KeyBuilder()
                    key.append(UInt32(i))
                    try txn.put([UInt8](repeating: 9, count: 64 * 1024), for: key.bytes, in: db)
                }
            }
            // The probe's next transaction meets MDB_MAP_RESIZED and adopts
            // the new size instead of failing.
            try #expect(probe.ask("count blobs") == "129")
            let after = Int(try probe.ask("mapsize")) ?? 0
            #expect(after > before)
            #expect(after == (try env.info().mapSize))
        }
    }
}
