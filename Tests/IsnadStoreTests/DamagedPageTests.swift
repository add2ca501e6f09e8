import Foundation
import Testing

@testable import IsnadStore

/// Damage inside LMDB's pages that LMDB does not report (issue 32): before
/// the page guard, each of these crashed the process (SIGSEGV in
/// `mdb_xcursor_init1`, SIGBUS reading a value past the end of the file).
/// Now a read throws ``StoreError/corrupted`` and a write leaves with exit
/// code 3 before anything is written.
@Suite struct DamagedPageTests {
    static let format = StoreFormat(
        identifier: "isnad-store-tests", version: 3, oldestReadable: 2, creator: "IsnadStoreTests",
        databases: [DatabaseSpec("records")])

    /// LMDB's leaf node header: data size (two 16-bit halves), flags, key
    /// size; the key follows.
    static let nodeHeader = 8
    /// `F_DUPDATA`: the node holds duplicates (a sub-page or sub-database).
    static let duplicatesFlag: UInt16 = 0x04

    private func configuration(readOnly: Bool) -> StoreConfiguration {
        var configuration = StoreConfiguration()
        configuration.mapSize = 1 << 24
        configuration.readOnly = readOnly
        configuration.create = !readOnly
        return configuration
    }

    /// A store of 20 records `record-000`… in one plain (not
    /// duplicate-sorted) database, written in one transaction, so that
    /// each key is in the file once, in one leaf page.
    private func makeStore(_ path: String) throws {
        let env = try Environment(path: path, format: Self.format, configuration: configuration(readOnly: false))
        let db = try env.database("records")
        try env.write { txn in
            for n in 0..<20 {
                try txn.put(bytes("value of record \(n)"), for: bytes(String(format: "record-%03d", n)), in: db)
            }
        }
    }

    /// Changes the 16-bit field at `field` bytes into the leaf node of
    /// `key` in `path`'s data file.
    private func damageNode(of key: String, in path: String, field: Int, _ change: (UInt16) -> UInt16) throws {
        let file = path + "/data.mdb"
        var data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let needle = bytes(key)
        var found: [Int] = []
        for at in Self.nodeHeader..<(data.count - needle.count)
        where data[at] == needle[0] && Array(data[at..<at + needle.count]) == needle {
            let node = at - Self.nodeHeader
            if Int(data[node + 6]) | Int(data[node + 7]) << 8 == needle.count { found.append(node) }
        }
        try #require(found.count == 1, "the node of \(key) is in the file once")
        let at = found[0] + field
        let old = UInt16(data[at]) | UInt16(data[at + 1]) << 8
        let new = change(old)
        data[at] = UInt8(new & 0xFF)
        data[at + 1] = UInt8(new >> 8)
        try Data(data).write(to: URL(fileURLWithPath: file))
    }

    private func expectDamage(_ error: StoreError?, saying words: String) {
        guard let error else { return }
        #expect(error.message.contains("store damaged"), "\(error)")
        #expect(error.message.contains(words), "\(error)")
        #expect(error.message.hasSuffix("run 'isnad check'"), "\(error)")
    }

    /// A flipped bit gives a record's node the "duplicates" flag in a
    /// database that has none: LMDB followed the null pointer of the
    /// sub-cursor that such a database lacks.
    @Test func aDuplicatesFlagOnAPlainRecordIsAnErrorNotACrash() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            try makeStore(path)
            try damageNode(of: "record-007", in: path, field: 4) { $0 | Self.duplicatesFlag }
            let env = try Environment(path: path, format: Self.format, configuration: configuration(readOnly: true))
            let db = try env.database("records", mustExist: true)
            // A scan meets it at record 7 (mdb_cursor_next)…
            var seen: [String] = []
            let scanned = expectStoreError(.corrupted) {
                try env.read { txn in
                    try txn.scan(db) { entry in
                        seen.append(String(decoding: entry.key, as: UTF8.self))
                        return .next
                    }
                }
            }
            expectDamage(scanned, saying: "LMDB met a damaged page (SIGSEGV")
            #expect(seen == (0..<7).map { String(format: "record-%03d", $0) })
            // … a lookup too (mdb_get) …
            expectDamage(
                expectStoreError(.corrupted) { try env.read { try $0.getBytes(bytes("record-007"), in: db) } },
                saying: "LMDB met a damaged page")
            // … and the process goes on: other records still read, in new
            // transactions, as often as asked.
            #expect(try env.read { try $0.getBytes(bytes("record-006"), in: db) } == bytes("value of record 6"))
            #expect(try env.read { try $0.getBytes(bytes("record-008"), in: db) } == bytes("value of record 8"))
            expectStoreError(.corrupted) { try env.read { try $0.getBytes(bytes("record-007"), in: db) } }
            #expect(try env.read { try $0.count(db) } == 20)
        }
    }

    /// A flipped high bit of a record's size: LMDB returned a value of
    /// 1 GiB, most of it past the end of the file, and reading it was a
    /// SIGBUS (or SIGSEGV) in Swift.
    @Test func aValueThatRunsPastTheFileIsAnErrorNotACrash() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            try makeStore(path)
            try damageNode(of: "record-012", in: path, field: 2) { $0 | 0x4000 }
            let env = try Environment(path: path, format: Self.format, configuration: configuration(readOnly: true))
            let db = try env.database("records", mustExist: true)
            expectDamage(
                expectStoreError(.corrupted) { try env.read { try $0.getBytes(bytes("record-012"), in: db) } },
                saying: "run past the end of data.mdb")
            var total = 0
            let scanned = expectStoreError(.corrupted) {
                try env.read { txn in
                    try txn.scan(db) { entry in
                        total += entry.value.reduce(0) { $0 + Int($1) }
                        return .next
                    }
                }
            }
            expectDamage(scanned, saying: "run past the end of data.mdb")
            #expect(try env.read { try $0.getBytes(bytes("record-011"), in: db) } == bytes("value of record 11"))
        }
    }

    /// A write that meets the damage cannot be undone in the middle of
    /// LMDB's work, so the process says so and leaves with exit code 3;
    /// the data file is as it was (LMDB writes nothing before the commit).
    /// Another process (StoreProbe) does it, since it leaves.
    @Test func aWriteThatMeetsADamagedPageLeavesWithExitCode3() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/s"
            try makeStore(path)
            try damageNode(of: "record-007", in: path, field: 4) { $0 | Self.duplicatesFlag }
            let before = try Data(contentsOf: URL(fileURLWithPath: path + "/data.mdb"))
            let probe = try Probe(path: path, format: Self.format)
            // Reading it in the probe is an error, and the probe goes on.
            #expect(try probe.ask("get records record-007").contains("store damaged"))
            #expect(try probe.ask("get records record-006") == "value of record 6")
            // Writing it ends the probe, with exit code 3 and the reason.
            #expect(throws: ProbeError.self) { try probe.ask("put records record-007 new") }
            probe.process.waitUntilExit()
            #expect(probe.process.terminationReason == .exit)
            #expect(probe.process.terminationStatus == 3)
            #expect(probe.errors().contains("error: store damaged: LMDB met a damaged page and cannot go on (SIGSEGV"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path + "/data.mdb")) == before)
        }
    }

    /// Where data.mdb is mapped comes from /proc/self/maps: the lines of
    /// its inode at offset 0, whatever else the file holds.
    @Test func theMapIsFoundInProcSelfMaps() throws {
        let maps = """
            55890e48a000-55890e845000 r-xp 00000000 fe:00 333702                     /usr/bin/isnad
            7f8bc0000000-7f8c00000000 r--s 00000000 fe:00 4242                       /tmp/s/data.mdb
            7f8bc7018000-7f8bc701a000 rw-p 00002000 fe:00 4242                       /tmp/s/data.mdb
            7f8bc8000000-7f8bc8001000 rw-s 00000000 fe:00 42                         /tmp/s/lock.mdb
            garbage line - 00000000
            -

            7f8bc9000000-7f8bca000000 r--s 00000000 fe:00 4242                       /tmp/s/data.mdb (deleted)
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            7f8bd0000000-7f8bd0001000 r--s 00000000 fe:00 4242
            """
        let found = Array(maps.utf8).withUnsafeBufferPointer { MapWindow.mappings(of: 4242, in: $0) }
        #expect(found.map(\.start) == [0x7f8b_c000_0000, 0x7f8b_c900_0000, 0x7f8b_d000_0000])
        #expect(found.map(\.end) == [0x7f8c_0000_0000, 0x7f8b_ca00_0000, 0x7f8b_d000_1000])
        #expect(Array("".utf8).withUnsafeBufferPointer { MapWindow.mappings(of: 4242, in: $0) }.isEmpty)
        // And in this process, an open store's map is one of them, as
        // large as the map LMDB was asked for.
        try withTemporaryDirectory { folder in
            try makeStore(folder + "/s")
            let env = try Environment(path: folder + "/s", format: Self.format, configuration: configuration(readOnly: true))
            let window = try env.read { $0.pageGuard.window }
            #expect(window.mappings.count == 1)
            #expect(window.mappings.first.map { $0.end - $0.start } == 1 << 24)
            let size = try FileManager.default.attributesOfItem(atPath: folder + "/s/data.mdb")[.size] as? Int
            #expect(Int(window.fileSize) == size)
        }
    }
}
