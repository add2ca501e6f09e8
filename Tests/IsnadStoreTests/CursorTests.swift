import Foundation
import Testing

@testable import IsnadStore

@Suite struct CursorTests {
    /// Keys "k00" … "k19" in a plain database.
    private func withNumberedKeys(_ body: (Environment, Database) throws -> Void) throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("numbers")
            try env.write { txn in
                for i in (0..<20).shuffled() {
                    try txn.put(bytes("v\(i)"), for: bytes(String(format: "k%02d", i)), in: db)
                }
            }
            try body(env, db)
        }
    }

    private func names(_ range: ClosedRange<Int>) -> [String] { range.map { String(format: "k%02d", $0) } }

    @Test func forwardRanges() throws {
        try withNumberedKeys { env, db in
            try #expect(keys(in: db, env, range: .all) == names(0...19))
            try #expect(keys(in: db, env, range: .closed(bytes("k05"), bytes("k08"))) == names(5...8))
            try #expect(
                keys(
                    in: db, env,
                    range: KeyRange(
                        lower: .exclusive(bytes("k05")),
                        upper: .exclusive(bytes("k08")))) == names(6...7))
            // Bounds that are not keys themselves.
            try #expect(keys(in: db, env, range: .closed(bytes("k045"), bytes("k065"))) == names(5...6))
            try #expect(keys(in: db, env, range: .prefix(bytes("k1"))) == names(10...19))
            try #expect(keys(in: db, env, range: .closed(bytes("x"), bytes("z"))).isEmpty)
            try #expect(keys(in: db, env, range: .closed(bytes("k09"), bytes("k03"))).isEmpty)
        }
    }

    @Test func backwardRanges() throws {
        try withNumberedKeys { env, db in
            try #expect(keys(in: db, env, range: .all, reverse: true) == names(0...19).reversed())
            try #expect(
                keys(in: db, env, range: .closed(bytes("k05"), bytes("k08")), reverse: true)
                    == names(5...8).reversed())
            try #expect(
                keys(
                    in: db, env,
                    range: KeyRange(
                        lower: .exclusive(bytes("k05")),
                        upper: .exclusive(bytes("k08"))), reverse: true)
                    == names(6...7).reversed())
            try #expect(
                keys(in: db, env, range: .closed(bytes("k045"), bytes("k065")), reverse: true)
                    == names(5...6).reversed())
            // Upper bound past the last key, lower bound before the first.
            try #expect(
                keys(in: db, env, range: .closed(bytes("a"), bytes("z")), reverse: true)
                    == names(0...19).reversed())
            try #expect(keys(in: db, env, range: .prefix(bytes("k1")), reverse: true) == names(10...19).reversed())
        }
    }

    @Test func scanStopsWhenAsked() throws {
        try withNumberedKeys { env, db in
            let seen = try env.read { txn in
                var seen: [String] = []
                try txn.scan(db) { entry in
                    seen.append(String(decoding: entry.key, as: UTF8.self))
                    return seen.count == 3 ? .stop : .next
                }
                return seen
            }
            #expect(seen == names(0...2))
        }
    }

    @Test func cursorMoves() throws {
        try withNumberedKeys { env, db in
            try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    try #expect(text(cursor.first()?.key) == "k00")
                    try #expect(text(cursor.next()?.key) == "k01")
                    try #expect(text(cursor.last()?.value) == "v19")
                    try #expect(cursor.next() == nil)
                    try #expect(text(cursor.seek(atLeast: bytes("k105"))?.key) == "k11")
                    try #expect(text(cursor.previous()?.key) == "k10")
                    try #expect(cursor.seek(exactly: bytes("k105")) == nil)
                    try #expect(cursor.seek(atLeast: bytes("l")) == nil)
                }
            }
        }
    }

    @Test func duplicateSortedRanges() throws {
        try withTemporaryStore { env, _ in
            let db = try env.database("postings", options: .duplicateSort)
            try env.write { txn in
                for key in ["a", "b", "c"] {
                    for value in [3, 1, 2] {
                        try txn.put(bytes("\(key)\(value)"), for: bytes(key), in: db)
                    }
                }
                // The same pair twice is stored once.
                try #expect(txn.put(bytes("b1"), for: bytes("b"), in: db, options: .noDuplicateData) == false)
            }
            func values(_ range: KeyRange, reverse: Bool = false) throws -> [String] {
                try env.read { txn in
                    var out: [String] = []
                    try txn.scan(db, in: range, reverse: reverse) { entry in
                        out.append(String(decoding: entry.value, as: UTF8.self))
                        return .next
                    }
                    return out
                }
            }
            try #expect(values(.closed(bytes("b"), bytes("b"))) == ["b1", "b2", "b3"])
            try #expect(values(.closed(bytes("b"), bytes("c")), reverse: true) == ["c3", "c2", "c1", "b3", "b2", "b1"])
            try #expect(values(KeyRange(lower: .exclusive(bytes("a")), upper: .exclusive(bytes("c")))) == ["b1", "b2", "b3"])
            try #expect(
                values(KeyRange(lower: .exclusive(bytes("a")), upper: .exclusive(bytes("c"))), reverse: true)
                    == ["b3", "b2", "b1"])
            try env.read { txn in
                try txn.withCursor(on: db) { cursor in
                    _ = try cursor.seek(exactly: bytes("b"))
                    try #expect(cursor.duplicateCount() == 3)
                    try #expect(text(cursor.nextDuplicate()?.value) == "b2")
                    try #expect(text(cursor.nextKey()?.value) == "c1")
                    try #expect(text(cursor.seek(key: bytes("a"), valueAtLeast: bytes("a15"))?.value) == "a2")
                }
                try #expect(txn.count(db) == 9)
            }
            try env.write { txn in
                try #expect(txn.delete(bytes("b"), value: bytes("b2"), in: db))
                try #expect(txn.delete(bytes("b"), value: bytes("b2"), in: db) == false)
            }
            try #expect(values(.prefix(bytes("b"))) == ["b1", "b3"])
        }
    }

    @Test func prefixRangeOfMaximalBytes() {
        let range = KeyRange.prefix([0x61, 0xFF, 0xFF])
        guard case .exclusive(let end) = range.upper else {
            Issue.record("expected an exclusive upper bound")
            return
        }
        #expect(end == [0x62])
        guard case .unbounded = KeyRange.prefix([0xFF]).upper else {
            Issue.record("an all-0xFF prefix has no upper bound")
            return
        }
    }
}
