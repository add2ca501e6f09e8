import Foundation
import IsnadStore
import Testing

@testable import IsnadIndex

/// Statement records hold names by number where a number stands for
/// exactly that name (StatementBytes.swift), and records of an older layout
/// still read and count as unchanged when imported again.
@Suite struct StoredRecordTests {
    func withStore<R>(_ body: (IndexStore, URL) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let store = try IndexStore(path: url.appendingPathComponent("store").path, configuration: StoreConfiguration())
        return try body(store, url)
    }

    func write(_ lines: [String], to url: URL) throws -> String {
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every stored record's layout byte and whether it names its actor by
    /// number, by statement id.
    func stored(_ store: IndexStore) throws -> [String: (layout: UInt8, actorByNumber: Bool)] {
        try store.snapshot { txn in
            var out: [String: (UInt8, Bool)] = [:]
            try txn.scan(store.statements) { entry in
                // The record without its checksum (RecordChecksum.swift).
                let number = try #require(IndexKey.readID(entry.key))
                let value = try store.recordBytes(entry.value, id: number, in: Schema.statements)
                if let id = StatementRecord.storedID(value),
                    let decoded = StatementRecord.decode(stored: value)
                {
                    out[id] = (value[0], decoded.numbers.actor != nil)
                }
                return .next
            }
            return out
        }
    }

    /// Every statement record, read back, in id order.
    func records(_ store: IndexStore) throws -> [StatementRecord] {
        try store.snapshot { txn in
            var records: [StatementRecord] = []
            try store.forEach(StatementRecord.self, txn: txn) { _, record in records.append(record) }
            return records
        }
    }

    @Test func canonicalNamesGoByNumberAndOthersAsText() throws {
        try withStore { store, folder in
            let entities = try write(
                [#"{"name":"John Kirby","kind":"person","aliases_en":["Kirby"]}"#],
                to: folder.appendingPathComponent("e.jsonl"))
            let statements = try write(
                [
                    #"{"id":"s1","doc":"a1","actor":"John Kirby","stance":"deny","date":"2022-10-05","quote":"no","about":["Iran","drones"]}"#,
                    #"{"id":"s2","doc":"a1","actor":"Kirby","stance":"warn","date":"2022-10","quote":"yes","about":["Kirby"]}"#,
                    #"{"id":"s3","doc":"a2","actor":"Someone New","stance":"assert","date":"2022-1","quote":"maybe","about":[]}"#,
                ], to: folder.appendingPathComponent("s.jsonl"))
            let input: [(RecordKind, String)] = [(.entities, entities), (.statements, statements)]
            _ = try Importer(store: store).run(input)
            let records = try stored(store)
            #expect(records["s1"]?.layout == 3)
            #expect(records["s1"]?.actorByNumber == true)
            // An alias resolves to John Kirby but is stored as written.
            #expect(records["s2"]?.actorByNumber == false)
            // A name met first as an actor becomes an entity of that name.
            #expect(records["s3"]?.actorByNumber == true)
            let back = try store.snapshot { txn in
                try ["s1", "s2", "s3"].map { key -> StatementRecord? in
                    guard let bytes = try txn.get(Array(key.utf8), in: store.statementKeys),
                        let id = IndexKey.readID(bytes)
                    else { return nil }
                    return try store.statement(id, txn: txn)
                }
            }
            #expect(back.map { $0?.actor } == ["John Kirby", "Kirby", "Someone New"])
            #expect(back.map { $0?.doc } == ["a1", "a1", "a2"])
            #expect(back.map { $0?.date } == ["2022-10-05", "2022-10", "2022-1"])
            #expect(back.map { $0?.about } == [["Iran", "drones"], ["Kirby"], []])
            let again = try Importer(store: store).run(input)
            #expect(again[1].result.statements.unchanged == 3)
        }
    }

    /// A format 4 store's records (layout 2, every name as text) read as
    /// they are; importing them again changes nothing but rewrites them
    /// in layout 3.
    @Test func olderRecordsImportedAgainAreUnchangedAndRewritten() throws {
        try withStore { store, folder in
            let lines = (1...40).map { n in
                #"{"id":"s\#(n)","doc":"a\#(n % 7)","actor":"Actor \#(n % 5)","stance":"deny","date":"2022-10-\#(10 + n % 9)","quote":"صواريخ \#(n)","about":["Topic \#(n % 3)"]}"#
            }
            let file = try write(lines, to: folder.appendingPathComponent("s.jsonl"))
            _ = try Importer(store: store).run([(.statements, file)])
            let before = try records(store)
            #expect(before.count == 40)
            // Rewritten as a format 4 build stored them.
            try store.environment.write { txn in
                for (k, record) in before.enumerated() {
                    try txn.put(
                        RecordChecksum.sealed(Self.layoutTwo(record), id: UInt32(k)), for: IndexKey.id(UInt32(k)),
                        in: store.statements)
                }
            }
            #expect(try stored(store).values.allSatisfy { $0.layout == 2 })
            #expect(try records(store) == before)
            let again = try Importer(store: store).run([(.statements, file)])
            #expect(again[0].result.statements.unchanged == 40)
            #expect(again[0].result.statements.replaced == 0)
            #expect(try stored(store).values.allSatisfy { $0.layout == 3 && $0.actorByNumber })
        }
    }

    /// Layout 2 of a record with no sentence, cue, date basis or spans.
    static func layoutTwo(_ record: StatementRecord) -> [UInt8] {
        func text(_ s: String) -> [UInt8] { [UInt8(s.utf8.count)] + Array(s.utf8) }
        let quote = Array(record.quote.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : UInt8($0.value - 0x600 + 0x80) })
        return [2, record.stance.ordinal, 0] + text(record.id) + text(record.doc) + text(record.actor) + text(record.date)
            + [UInt8(quote.count)] + quote + [UInt8(record.about.count)] + record.about.flatMap(text)
    }
}
