import Foundation
import IsnadStore
import IsnadVocabulary
import Testing

@testable import IsnadIndex

/// `IndexStore.check` (isnad check) on stores damaged on purpose: what it
/// finds, and that a healthy store passes.
@Suite struct IntegrityCheckTests {
    /// A store of three statements in two articles (one stored), and the
    /// entities they name.
    func withStore<R>(_ body: (IndexStore) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let store = try IndexStore(path: url.appendingPathComponent("store").path, configuration: StoreConfiguration())
        let files = [
            (RecordKind.entities, "e.jsonl", [#"{"name":"John Kirby","kind":"person","aliases_en":["Kirby"]}"#]),
            (
                .articles, "a.jsonl",
                [#"{"id":"a1","source":"Reuters","lang":"en","published":"2022-10-05","text":"Kirby said no."}"#]
            ),
            (
                .statements, "s.jsonl",
                [
                    #"{"id":"s1","doc":"a1","actor":"John Kirby","stance":"deny","date":"2022-10-05","quote":"no drones","about":["Iran"]}"#,
                    #"{"id":"s2","doc":"a1","actor":"Kirby","stance":"warn","date":"2022-10","quote":"yes","about":[]}"#,
                    #"{"id":"s3","doc":"a2","actor":"Someone New","stance":"assert","date":"2022","quote":"maybe","about":[]}"#,
                ]
            ),
        ]
        var input: [(RecordKind, String)] = []
        for (kind, name, lines) in files {
            let path = url.appendingPathComponent(name).path
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            input.append((kind, path))
        }
        _ = try Importer(store: store).run(input)
        return try body(store)
    }

    func statementID(_ key: String, _ store: IndexStore) throws -> UInt32 {
        try #require(
            try store.snapshot { txn in try txn.get(Array(key.utf8), in: store.statementKeys).flatMap(IndexKey.readID) })
    }

    @Test func aHealthyStorePasses() throws {
        try withStore { store in
            let report = try store.check()
            #expect(report.isHealthy, "\(report.problems)")
            #expect(report.statements == 3 && report.articles == 1 && report.exportable)
            #expect(report.lists > 10)
        }
    }

    @Test func aPostingTakenOutOfAListIsFound() throws {
        try withStore { store in
            let s1 = try statementID("s1", store)
            let key = IndexKey.field(.stance, UInt32(Stance.deny.ordinal))
            try store.environment.write { txn in
                let list = try #require(try txn.get(key, in: store.fields).flatMap(Postings.init))
                let ids = list.ids.filter { $0 != s1 }
                if ids.isEmpty {
                    try txn.delete(key, in: store.fields)
                } else {
                    try txn.put(Postings.encode(sorted: ids), for: key, in: store.fields)
                }
            }
            let report = try store.check()
            #expect(report.problemCount == 1, "\(report.problems)")
            #expect(
                report.problems.first?.description
                    == "'statements' record \(s1): is missing from its list s:\(Stance.deny.ordinal) in 'fields'")
            // The records are whole: an export saves them all.
            #expect(report.exportable)
        }
    }

    @Test func aListHoldingAStatementNotStoredIsFound() throws {
        try withStore { store in
            let s2 = try statementID("s2", store)
            let key = IndexKey.field(.liveStatements)
            try store.environment.write { txn in
                let list = try #require(try txn.get(key, in: store.fields).flatMap(Postings.init))
                try txn.put(Postings.encode(sorted: list.ids + [s2 + 100]), for: key, in: store.fields)
            }
            let report = try store.check()
            #expect(report.problems.map(\.description) == ["'fields' list '*': holds statement \(s2 + 100), which is not stored"])
        }
    }

    @Test func aStatementWhoseArticleIsGoneIsFound() throws {
        try withStore { store in
            let s3 = try statementID("s3", store)
            // a2 is reserved (named by s3, never stored): its name taken away.
            let a2 = try #require(
                try store.snapshot { txn in try txn.get(Array("a2".utf8), in: store.articleKeys).flatMap(IndexKey.readID) })
            try store.environment.write { txn in
                try txn.delete(IndexKey.id(a2), in: store.articleNames)
                try txn.delete(Array("a2".utf8), in: store.articleKeys)
            }
            let report = try store.check()
            #expect(
                report.problems.map(\.description).contains(
                    "'statements' record \(s3) ('s3'): names article \(a2), which is not in 'article_names'"),
                "\(report.problems)")
            // Export cannot name that statement's article.
            #expect(!report.exportable)
            #expect(report.damagedRecords == 1)
        }
    }

    @Test func aRecordUnderAnotherIDFailsItsChecksum() throws {
        try withStore { store in
            let s1 = try statementID("s1", store)
            let s2 = try statementID("s2", store)
            // s1's bytes, checksum and all, put under s2's id.
            try store.environment.write { txn in
                let bytes = try #require(try txn.getBytes(IndexKey.id(s1), in: store.statements))
                try txn.put(bytes, for: IndexKey.id(s2), in: store.statements)
            }
            var failure: StoreError?
            do {
                _ = try store.snapshot { txn in try store.statement(s2, txn: txn) }
            } catch let error as StoreError {
                failure = error
            }
            #expect(failure?.code == .corrupted)
            #expect(
                failure?.message == "store damaged: record \(s2) in 'statements' does not match its checksum; run 'isnad check'")
            let report = try store.check()
            #expect(report.problems.first?.description == "'statements' record \(s2): does not match its checksum")
            #expect(report.damagedRecords == 1 && !report.exportable)
        }
    }

    /// A term's list found under another key (a flipped byte in the key)
    /// differs from what the records' texts give: the text lists are
    /// compared with the texts analysed again.
    @Test func aTermListUnderAnotherKeyIsFound() throws {
        try withStore { store in
            let key = IndexKey.term(.quote, "drone")
            try store.environment.write { txn in
                let list = try #require(try txn.getBytes(key, in: store.terms))
                try txn.delete(key, in: store.terms)
                try txn.put(list, for: IndexKey.term(.quote, "drome"), in: store.terms)
            }
            let report = try store.check()
            #expect(
                report.problems.map(\.description) == [
                    "'terms' list q:drome: holds 1 id more than the records' texts give",
                    "'terms' list q:drone: holds 1 id fewer than the records' texts give",
                ])
            #expect(report.exportable)
        }
    }

    /// A statement's row in the stance column changed (what `count by
    /// stance` reads) no longer matches its record.
    @Test func aColumnRowThatDisagreesWithItsRecordIsFound() throws {
        try withStore { store in
            let s1 = try statementID("s1", store)
            let key = Column.key(.statementStances, block: Int(s1) / ColumnLayout.current.blockSize)
            try store.environment.write { txn in
                var block = try #require(try txn.getBytes(key, in: store.columns))
                block[Int(s1) % ColumnLayout.current.blockSize] = Stance.warn.ordinal
                try txn.put(block, for: key, in: store.columns)
            }
            let report = try store.check()
            #expect(
                report.problems.map(\.description) == [
                    "'columns' statement row \(s1): does not match the record: its stance differs"
                ])
        }
    }

    /// A counter in `meta` damaged: too small, the records past it are
    /// named; too large (a flipped high byte), it sizes nothing.
    @Test func aDamagedCounterIsFoundAndCostsNoMemory() throws {
        try withStore { store in
            try store.environment.write { txn in try store.setCounter(.nextStatement, to: 0xFFFF_FFF0, in: txn) }
            #expect(try store.check().isHealthy)
            try store.environment.write { txn in try store.setCounter(.nextStatement, to: 1, in: txn) }
            let report = try store.check()
            #expect(report.problems.first?.description == "'statements' record 1: is past the id counter (1) in 'meta'")
            #expect(report.problemCount == 2, "\(report.problems)")
        }
    }

    /// Keys in words, damaged ones included: never a trap.
    @Test func keysInWords() throws {
        #expect(IntegrityChecker.describe(IndexKey.field(.actor, 7)) == "list a:7")
        #expect(IntegrityChecker.describe(IndexKey.field(.lang, "en")) == "list l:en")
        #expect(IntegrityChecker.describe(IndexKey.field(.liveStatements)) == "list '*'")
        #expect(IntegrityChecker.describe(IndexKey.term(.quote, "missil"), in: Schema.terms) == "list q:missil")
        let day = IndexKey.day(try #require(DayNumber(year: 2024, month: 9, day: 12)))
        #expect(IntegrityChecker.describe(day, in: Schema.dates) == "day 2024-09-12")
        for bytes: [UInt8] in [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0xFF], [0x61, 0xFF], []] {
            for database in [Schema.fields, Schema.dates, Schema.terms, Schema.aliases] {
                #expect(!IntegrityChecker.describe(bytes, in: database).isEmpty)
            }
        }
    }
}
