import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import IsnadVocabulary
import Testing

/// Structured import and export: idempotence, malformed lines, --strict,
/// and import → export → import giving the same store.
@Suite(.serialized) struct ImportExportTests {
    func withFolder<R>(_ body: (URL) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    func open(_ url: URL) throws -> IndexStore {
        try IndexStore(path: url.path, configuration: StoreConfiguration())
    }

    func files(_ folder: URL) -> [(RecordKind, String)] {
        [
            (.entities, folder.appendingPathComponent("entities.jsonl").path),
            (.articles, folder.appendingPathComponent("articles.jsonl").path),
            (.statements, folder.appendingPathComponent("statements.jsonl").path),
        ]
    }

    @Test func importExportImportGivesTheSameStore() throws {
        let corpus = try OracleCorpus.generate(docs: 300, seed: 5)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            let first = try open(folder.appendingPathComponent("first"))
            var importer = Importer(store: first)
            importer.batchSize = 301
            // Some articles twice, an earlier version first: the export holds the later.
            _ = try importer.run([
                (.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
                (.articles, try corpus.write(corpus.articleLines, to: "a.jsonl")),
                (.statements, try corpus.write(corpus.statements, to: "s.jsonl")),
            ])
            let out1 = folder.appendingPathComponent("out1")
            let out2 = folder.appendingPathComponent("out2")
            let counts = try Exporter(store: first).run(to: out1.path)
            #expect(counts.statements == corpus.statements.count)
            #expect(counts.articles == corpus.articles.count)
            #expect(counts.entities >= corpus.entities.count)

            let second = try open(folder.appendingPathComponent("second"))
            let reports = try Importer(store: second).run(files(out1))
            #expect(reports.allSatisfy { $0.problems.isEmpty })
            try Exporter(store: second).run(to: out2.path)
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                let a = try Data(contentsOf: out1.appendingPathComponent(name))
                let b = try Data(contentsOf: out2.appendingPathComponent(name))
                #expect(a == b, "\(name) differs after import → export → import")
            }
            // The same answers, ids and all.
            var generator = QueryGenerator(corpus: corpus, seed: 77)
            for _ in 0..<150 {
                guard let query = Compilation(generator.next()).checked else { continue }
                #expect(try QueryEngine(store: first).run(query) == QueryEngine(store: second).run(query))
            }
            let statsA = try first.snapshot { try first.counts(txn: $0) }
            let statsB = try second.snapshot { try second.counts(txn: $0) }
            #expect(statsA == statsB)
        }
    }

    @Test func importingTwiceChangesNothing() throws {
        let corpus = try OracleCorpus.generate(docs: 100, seed: 6)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let input = [
                (RecordKind.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
                (.articles, try corpus.write(corpus.articles, to: "a.jsonl")),
                (.statements, try corpus.write(corpus.statements, to: "s.jsonl")),
            ]
            _ = try Importer(store: store).run(input)
            try Exporter(store: store).run(to: folder.appendingPathComponent("before").path)
            let again = try Importer(store: store).run(input)
            #expect(again[0].result.entities.unchanged == corpus.entities.count)
            #expect(again[1].result.articles.unchanged == corpus.articles.count)
            #expect(again[2].result.statements.unchanged == corpus.statements.count)
            #expect(again.allSatisfy { $0.result.statements.added + $0.result.articles.added + $0.result.entities.added == 0 })
            try Exporter(store: store).run(to: folder.appendingPathComponent("after").path)
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                #expect(
                    try Data(contentsOf: folder.appendingPathComponent("before/\(name)"))
                        == Data(contentsOf: folder.appendingPathComponent("after/\(name)")))
            }
        }
    }

    /// The importer reads and analyses the next batch on another thread
    /// while this one is written. When a write fails, the reader must stop
    /// (not wait forever to hand over its batch) and the error come back.
    @Test func aFailedWriteStopsTheReaderAndReportsTheError() throws {
        let corpus = try OracleCorpus.generate(docs: 120, seed: 9)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            let path = folder.appendingPathComponent("store").path
            _ = try IndexStore(path: path, configuration: StoreConfiguration())
            var readOnly = StoreConfiguration()
            readOnly.readOnly = true
            let store = try IndexStore(path: path, configuration: readOnly)
            var importer = Importer(store: store)
            importer.batchSize = 10
            let file = try corpus.write(corpus.statements, to: "s.jsonl")
            #expect(corpus.statements.count > 3 * importer.batchSize)
            #expect(throws: StoreError.self) { try importer.run([(.statements, file)]) }
            #expect(try store.snapshot { try store.counts(txn: $0) }.statements == 0)
        }
    }

    /// A file is imported in one transaction: when writing fails part way
    /// (here the map is full and cannot grow while a snapshot is open),
    /// none of its batches stays, and the store is as it was.
    @Test func aFileThatFailsPartWayLeavesNothing() throws {
        let corpus = try OracleCorpus.generate(docs: 1500, seed: 11)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            var configuration = StoreConfiguration()
            configuration.mapSize = 1 << 20
            configuration.growthTimeout = 0.1
            let store = try IndexStore(path: folder.appendingPathComponent("store").path, configuration: configuration)
            let first = Array(corpus.statements.prefix(20))
            try store.apply(ImportBatch(statements: first))  // (an import would reserve room for the map)
            let all = try corpus.write(corpus.statements, to: "all.jsonl")
            nonisolated(unsafe) var failure: (any Error)?
            try store.snapshot { _ in
                let done = DispatchSemaphore(value: 0)
                Thread {
                    var importer = Importer(store: store)
                    importer.batchSize = 25
                    do { _ = try importer.run([(.statements, all)]) } catch { failure = error }
                    done.signal()
                }.start()
                done.wait()
            }
            #expect((failure as? StoreError)?.code == .mapFull)
            #expect(try store.snapshot { try store.counts(txn: $0) }.statements == first.count)
            // And the store takes the file once nothing holds the map.
            _ = try Importer(store: store).run([(.statements, all)])
            #expect(try store.snapshot { try store.counts(txn: $0) }.statements == corpus.statements.count)
        }
    }

    /// Statements of one batch pass through ``PreparedBatch`` the same
    /// way whether the batch is one or split in many: the same answers.
    @Test func smallAndLargeBatchesGiveTheSameStore() throws {
        let corpus = try OracleCorpus.generate(docs: 150, seed: 10)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            let input = [
                (RecordKind.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
                (.articles, try corpus.write(corpus.articles, to: "a.jsonl")),
                (.statements, try corpus.write(corpus.statements, to: "s.jsonl")),
            ]
            var stores: [IndexStore] = []
            for (name, size) in [("one", 1_000_000), ("many", 7)] {
                let store = try open(folder.appendingPathComponent(name))
                var importer = Importer(store: store)
                importer.batchSize = size
                var seen: [Int] = []
                importer.progress = { done, _ in seen.append(done) }
                let reports = try importer.run(input)
                #expect(reports[2].result.statements.added == corpus.statements.count)
                #expect(seen == seen.sorted(), "progress went backwards")
                stores.append(store)
            }
            try Exporter(store: stores[0]).run(to: folder.appendingPathComponent("out-one").path)
            try Exporter(store: stores[1]).run(to: folder.appendingPathComponent("out-many").path)
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                #expect(
                    try Data(contentsOf: folder.appendingPathComponent("out-one/\(name)"))
                        == Data(contentsOf: folder.appendingPathComponent("out-many/\(name)")))
            }
            var generator = QueryGenerator(corpus: corpus, seed: 78)
            for _ in 0..<150 {
                guard let query = Compilation(generator.next()).checked else { continue }
                #expect(try QueryEngine(store: stores[0]).run(query) == QueryEngine(store: stores[1]).run(query))
            }
        }
    }

    /// A batch that holds one id more than once keeps the last version,
    /// in the place of its last occurrence.
    @Test func theLastOfRepeatedIdsInABatchWins() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            func statement(_ id: String, _ quote: String) -> StatementRecord {
                StatementRecord(id: id, doc: "a1", actor: "Kirby", stance: .deny, date: "2023-01-02", quote: quote)
            }
            let result = try store.apply(
                ImportBatch(statements: [
                    statement("s1", "first rockets"), statement("s2", "second drones"),
                    statement("s1", "third missiles"), statement("s3", "fourth tanks"), statement("s2", "fifth ships"),
                ]))
            #expect(result.statements.added == 3)
            let engine = QueryEngine(store: store)
            #expect(try engine.count(CheckedQuery(parsing: "missiles")).ids == ["s1"])
            #expect(try engine.count(CheckedQuery(parsing: "rockets OR drones")).count == 0)
            #expect(try engine.count(CheckedQuery(parsing: "ships")).ids == ["s2"])
            // Dense ids in the order of last occurrence: s1, s3, s2.
            #expect(try engine.count(CheckedQuery(parsing: "actor:Kirby")).ids == ["s1", "s3", "s2"])
        }
    }

    /// Grouping reads the narrow actor, stance and day columns: after
    /// statements are replaced and removed they must still say what the
    /// records say.
    @Test func groupsFollowReplacedAndRemovedStatements() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            func statement(_ n: Int, _ actor: String, _ stance: Stance, _ date: String) -> StatementRecord {
                StatementRecord(id: "s\(n)", doc: "a\(n % 3)", actor: actor, stance: stance, date: date, quote: "q \(n)")
            }
            let actors = ["Kirby", "Peskov", "Kanaani"]
            let stances: [Stance] = [.deny, .warn, .assert]
            var records = (0..<3000).map {
                statement($0, actors[$0 % 3], stances[$0 % 3 == 0 ? 0 : $0 % 2 + 1], "2023-0\($0 % 9 + 1)-1\($0 % 10)")
            }
            try store.apply(ImportBatch(statements: records))
            var changed: [StatementRecord] = []
            for n in stride(from: 0, to: 3000, by: 7) {
                records[n] = statement(n, "Zelensky", .condemn, "2021-12-31")
                changed.append(records[n])
            }
            let removed = stride(from: 1, to: 3000, by: 11).filter { $0 % 7 != 0 }.map { "s\($0)" }
            try store.apply(ImportBatch(statements: changed, removedStatements: removed))
            records.removeAll { removed.contains($0.id) }
            let engine = QueryEngine(store: store)
            func counts(_ query: String) throws -> [String: Int] {
                var out: [String: Int] = [:]
                for row in try engine.run(CheckedQuery(parsing: query)).rows {
                    guard case .text(let key) = row[0], case .number(let n) = row[1] else { continue }
                    out[key] = n
                }
                return out
            }
            #expect(try counts("| count by actor") == Dictionary(records.map { ($0.actor, 1) }, uniquingKeysWith: +))
            #expect(try counts("| count by stance") == Dictionary(records.map { ($0.stance.rawValue, 1) }, uniquingKeysWith: +))
            let months = Dictionary(records.map { (String($0.date.prefix(7)), 1) }, uniquingKeysWith: +)
            #expect(try counts("| timeline month").filter { $0.value > 0 } == months)
        }
    }

    /// With many groups, `count by actor` orders them by count and then by
    /// name through ranks kept for the snapshot: the order must be the one
    /// String comparison gives, also for names whose bytes sort otherwise
    /// (decomposed accents), and an import that adds names must be seen.
    @Test func manyActorGroupsInCountThenNameOrder() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let names =
                (0..<90).map { "Actor \($0 % 9) \(["b", "A", "z", "é", "e\u{301}x", "ä"][$0 % 6])\($0)" }
                + ["كيربي", "بيسكوف", "Zoë", "Zoe\u{308}y", "zed", "Émile", "E\u{301}mile Jr"]
            var n = 0
            func statements(_ names: [String]) -> [StatementRecord] {
                names.enumerated().flatMap { k, actor in
                    (0..<(k % 4 + 1)).map { _ in
                        n += 1
                        return StatementRecord(
                            id: "s\(n)", doc: "a\(n % 5)", actor: actor, stance: .deny,
                            date: "2023-01-01", quote: "q \(n)")
                    }
                }
            }
            var records = statements(names)
            try store.apply(ImportBatch(statements: records))
            let engine = QueryEngine(store: store)
            func expected() -> [[Cell]] {
                let counts = Dictionary(records.map { ($0.actor, 1) }, uniquingKeysWith: +)
                return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { [.text($0.key), .number($0.value)] }
            }
            let first = try engine.run(CheckedQuery(parsing: "| count by actor"))
            #expect(first.rows.count > 64)
            #expect(first.rows == expected())
            let more = ["Aaron", "عباس", "Zz", "A\u{301}lvaro"] + (0..<10).map { "Late \($0)" }
            let added = statements(more)
            records += added
            try store.apply(ImportBatch(statements: added))
            #expect(try engine.run(CheckedQuery(parsing: "| count by actor")).rows == expected())
        }
    }

    /// A small set narrowed by a large operand is checked on one narrow
    /// column (first day, stance, actor); a month or a year whose first
    /// day is close to a range's upper bound needs its whole row. Every
    /// answer must be the one the records give.
    @Test func narrowColumnChecksAgreeWithTheRecords() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let stances: [Stance] = [.deny, .warn, .assert]
            var records = (0..<4000).map { n in
                StatementRecord(
                    id: "s\(n)", doc: "a\(n % 5)", actor: ["Kirby", "Peskov"][n % 2], stance: stances[n % 3],
                    date: "20\(20 + n % 5)-0\(n % 9 + 1)-1\(n % 10)", quote: "q \(n)")
            }
            // The rare actor's dates: days, months and years on both sides
            // of the bounds asked below.
            let rareDates = [
                "2021", "2022", "2022-06", "2022-05", "2022-07", "2022-06-30", "2022-07-01", "2021-12",
                "2023", "2020-02-29", "2022-01", "2021-07-02", "2022-12-31", "2023-01-01",
            ]
            for (k, date) in rareDates.enumerated() {
                records.append(
                    StatementRecord(
                        id: "r\(k)", doc: "a9", actor: "Rare", stance: stances[k % 3],
                        date: date, quote: "r \(k)"))
            }
            try store.apply(ImportBatch(statements: records))
            let engine = QueryEngine(store: store)
            func expected(_ lower: String?, _ upper: String?, stance: Stance? = nil) -> Set<String> {
                Set(
                    records.filter { r in
                        guard r.actor == "Rare", let date = RecordDate(r.date) else { return false }
                        if let lower, let l = RecordDate(lower), date.first < l.first { return false }
                        if let upper, let u = RecordDate(upper), date.last > u.last { return false }
                        return stance.map { r.stance == $0 } ?? true
                    }.map(\.id))
            }
            func found(_ query: String) throws -> (Set<String>, String) {
                let result = try engine.run(CheckedQuery(parsing: query))
                let ids = Set(
                    result.rows.compactMap { row -> String? in
                        if case .text(let id) = row[0] { return id }
                        return nil
                    })
                return (ids, result.plan.map { "\($0)" } ?? "")
            }
            let cases: [(String, String?, String?)] = [
                ("actor:Rare date<=2022-06", nil, "2022-06"), ("actor:Rare date<2023", nil, "2022"),
                ("actor:Rare date:2022", "2022", "2022"), ("actor:Rare date:2021-07..2022-06", "2021-07", "2022-06"),
                ("actor:Rare date>=2022-06", "2022-06", nil), ("actor:Rare date<=2022-12-31", nil, "2022-12-31"),
            ]
            for (query, lower, upper) in cases {
                let (ids, plan) = try found(query)
                #expect(ids == expected(lower, upper), "\(query)")
                #expect(plan.contains("day column"), "\(query) did not check the day column: \(plan)")
            }
            let (warned, plan) = try found("actor:Rare stance:warn")
            #expect(warned == expected(nil, nil, stance: .warn))
            #expect(plan.contains("stance column"), "\(plan)")
            // A few days, then the actor's column.
            let (kirby, actorPlan) = try found("date:2022-06-10..2022-06-12 actor:Kirby")
            let days = Set(["2022-06-10", "2022-06-11", "2022-06-12"])
            #expect(kirby == Set(records.filter { $0.actor == "Kirby" && days.contains($0.date) }.map(\.id)))
            #expect(!kirby.isEmpty)
            #expect(actorPlan.contains("actor column"), "\(actorPlan)")
        }
    }

    static let badStatements = """
        {"id":"s1","doc":"a1","actor":"John Kirby","stance":"deny","date":"2022-10-05","quote":"لم نرسل","about":["drones"]}
        {"id":"s2","doc":"a1","actor":"John Kirby","stance":"deny","date":"2022-10-05","quote":"x"
        {"id":"s3","doc":"a1","stance":"deny","date":"2022-10-05","quote":"x","about":[]}
        {"id":"s4","doc":"a1","actor":"Peskov","stance":"denies","date":"2022-10-05","quote":"x","about":[]}

        {"id":"s5","doc":"a1","actor":"Peskov","stance":"deny","date":"2022-13-05","quote":"x","about":[]}
        {"id":"","doc":"a1","actor":"Peskov","stance":"deny","date":"2022-10-05","quote":"x","about":[]}
        {"id":"s6","doc":"a1","actor":"Peskov","stance":"deny","date":"2022-10","quote":"نفى","about":"drones"}
        {"id":"s7","doc":"a1","actor":"Peskov","stance":"warn","date":"2022","quote":"حذر","about":[]}
        """

    @Test func malformedLinesAreReportedAndTheRestLoads() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let path = folder.appendingPathComponent("s.jsonl").path
            try ImportExportTests.badStatements.write(toFile: path, atomically: true, encoding: .utf8)
            let report = try Importer(store: store).run([(.statements, path)])[0]
            let problems = report.problems.map { "\($0.line): \($0.reason)" }
            #expect(
                problems == [
                    "2: not valid JSON",
                    "3: missing field 'actor'",
                    "4: unknown stance (expected one of assert, confirm, deny, decline, warn, accuse, condemn, concern, demand, threaten, pledge, admit, report)",
                    "6: 'date' is not a date: '2022-13-05' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                    "7: 'id' is empty",
                    "8: 'about' should be a list",
                ])
            #expect(report.problems.allSatisfy { $0.file == path })
            #expect(report.result.statements.added == 2)
            let count = try QueryEngine(store: store).count(CheckedQuery(parsing: "| count"))
            #expect(count.count == 2)
            #expect(count.ids == ["s1", "s7"])
        }
    }

    /// What the REPL asks of the engine: a row limit that still reports
    /// the total, and a query stopped on request.
    @Test func rowLimitsAndInterruption() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let path = folder.appendingPathComponent("s.jsonl").path
            try ImportExportTests.badStatements.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try Importer(store: store).run([(.statements, path)])
            let engine = QueryEngine(store: store)
            var options = RunOptions()
            options.rowLimit = 1
            let limited = try engine.run(CheckedQuery(parsing: "| fields id"), options: options)
            #expect(limited.rows.count == 1)
            #expect(limited.total == 2)
            #expect(try engine.run(CheckedQuery(parsing: "| fields id")).total == 2)
            options.shouldStop = { true }
            #expect(throws: QueryInterrupted.self) { try engine.run(CheckedQuery(parsing: "| fields id"), options: options) }
            #expect(throws: QueryInterrupted.self) { try engine.run(CheckedQuery(parsing: "| count by stance"), options: options) }
            #expect(throws: QueryInterrupted.self) { try engine.run(CheckedQuery(parsing: "| timeline year"), options: options) }
        }
    }

    @Test func strictLoadsNothingOfABadFileAndTouchesNothingStored() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let good = folder.appendingPathComponent("good.jsonl").path
            try """
            {"id":"s1","doc":"a1","actor":"John Kirby","stance":"deny","date":"2022-10-05","quote":"لم نرسل","about":[]}
            """.write(toFile: good, atomically: true, encoding: .utf8)
            _ = try Importer(store: store).run([(.statements, good)])
            // A new version of s1 in a file with a bad line: with --strict,
            // s1 keeps its stored version.
            let bad = folder.appendingPathComponent("bad.jsonl").path
            try """
            {"id":"s1","doc":"a1","actor":"John Kirby","stance":"confirm","date":"2022-10-05","quote":"نعم","about":[]}
            {"id":"s2", oops}
            """.write(toFile: bad, atomically: true, encoding: .utf8)
            var strict = Importer(store: store)
            strict.strict = true
            let report = try strict.run([(.statements, bad)])[0]
            #expect(report.skipped)
            #expect(report.problems.map(\.line) == [2])
            let engine = QueryEngine(store: store)
            #expect(try engine.count(CheckedQuery(parsing: "stance:deny")).ids == ["s1"])
            #expect(try engine.count(CheckedQuery(parsing: "stance:confirm")).count == 0)
            // Without --strict the good line of the same file loads.
            let loose = try Importer(store: store).run([(.statements, bad)])[0]
            #expect(loose.result.statements.replaced == 1)
            #expect(try engine.count(CheckedQuery(parsing: "stance:confirm نعم")).ids == ["s1"])
            #expect(try engine.count(CheckedQuery(parsing: "stance:deny")).count == 0)
        }
    }

    @Test func readersKeepTheirSnapshotWhileAnImportCommits() throws {
        let corpus = try OracleCorpus.generate(docs: 200, seed: 8)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let half = Array(corpus.statements.prefix(corpus.statements.count / 2))
            _ = try Importer(store: store).run([(.statements, try corpus.write(half, to: "half.jsonl"))])
            let all = try corpus.write(corpus.statements, to: "all.jsonl")
            let query = try CheckedQuery(parsing: "| count")
            try store.snapshot { txn in
                // An import commits in full while this snapshot is open.
                let done = DispatchSemaphore(value: 0)
                let thread = Thread {
                    var importer = Importer(store: store)
                    importer.batchSize = 50
                    _ = try? importer.run([(.statements, all)])
                    done.signal()
                }
                thread.start()
                done.wait()
                // Still the old snapshot inside this transaction.
                let seen = try store.counts(txn: txn).statements
                #expect(seen == half.count)
            }
            #expect(try QueryEngine(store: store).count(query).count == corpus.statements.count)
        }
    }
}
