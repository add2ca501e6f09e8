import Testing

@testable import IsnadStore

@Suite struct MapGrowthTests {
    /// 50 MiB in one write transaction on a store opened with a 1 MiB map.
    @Test func largeWriteGrowsTheMapAndSurvivesReopening() throws {
        let valueSize = 64 * 1024
        let count = 800  // 800 × 64 KiB = 50 MiB
        try withTemporaryDirectory { folder in
            let path = folder + "/store"
            var configuration = StoreConfiguration()
            configuration.mapSize = 1 << 20
            var runs = 0
            do {
                let env = try Environment(path: path, format: testFormat, configuration: configuration)
                let db = try env.database("blobs")
                try env.write { txn in
                    runs += 1
                    for i in 0..<count {
                        var key = KeyBuilder()
                        key.append(UInt32(i))
                        let value = [UInt8](repeating: UInt8(truncatingIfNeeded: i), count: valueSize)
                        try txn.put(value, for: key.bytes, in: db)
                    }
                }
                #expect(runs > 1, "the 1 MiB map must have been full at least once")
                try #expect(env.info().mapSize >= 50 << 20)
            }
            // Reopen with the small configured map: the data is all there.
            let env = try Environment(path: path, format: testFormat, configuration: configuration)
            let db = try env.database("blobs")
            try env.read { txn in
                try #expect(txn.count(db) == count)
                var key = KeyBuilder()
                key.append(UInt32(count - 1))
                let value = try txn.get(key.bytes, in: db)
                #expect(value?.count == valueSize)
                #expect(value?.allSatisfy { $0 == UInt8(truncatingIfNeeded: count - 1) } == true)
            }
            // And it keeps growing on later writes.
            try env.write { txn in
                for i in count..<(count + 100) {
                    var key = KeyBuilder()
                    key.append(UInt32(i))
                    try txn.put([UInt8](repeating: 1, count: valueSize), for: key.bytes, in: db)
                }
            }
            try env.read { txn in try #expect(txn.count(db) == count + 100) }
        }
    }

    /// An import reserves room first, so its one long transaction does not
    /// fill the map and start over; with a transaction of this process
    /// open the map cannot change, and reserving must not wait for it.
    @Test func reservingGrowsTheMapOnlyWhenItCan() throws {
        try withTemporaryStore(mapSize: 1 << 20) { env, _ in
            let db = try env.database("blobs")
            try env.read { _ in
                try env.reserve(50 << 20)
            }
            #expect(try env.info().mapSize == 1 << 20)
            try env.reserve(50 << 20)
            #expect(try env.info().mapSize >= 50 << 20)
            var runs = 0
            try env.write { txn in
                runs += 1
                for i in 0..<600 {
                    var key = KeyBuilder()
                    key.append(UInt32(i))
                    try txn.put([UInt8](repeating: 7, count: 64 * 1024), for: key.bytes, in: db)
                }
            }
            #expect(runs == 1, "the reserved map should have held 37.5 MiB without growing")
            let grown = try env.info().mapSize
            try env.reserve(1 << 20)
            #expect(try env.info().mapSize == grown, "room enough: nothing to do")
        }
    }

    /// A closure that catches the map-full error itself still gets rerun.
    @Test func swallowedMapFullIsStillRetried() throws {
        try withTemporaryStore(mapSize: 1 << 20) { env, _ in
            let db = try env.database("blobs")
            var runs = 0
            var swallowed = 0
            try env.write { txn in
                runs += 1
                for i in 0..<100 {
                    var key = KeyBuilder()
                    key.append(UInt32(i))
                    do {
                        try txn.put([UInt8](repeating: 2, count: 32 * 1024), for: key.bytes, in: db)
                    } catch StoreError.mapFull {
                        swallowed += 1
                        return
                    }
                }
            }
            #expect(swallowed > 0)
            #expect(runs == swallowed + 1)
            try env.read { txn in try #expect(txn.count(db) == 100) }
        }
    }
}
