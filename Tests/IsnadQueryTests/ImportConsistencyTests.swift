import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import Testing

/// Issue 32, item 7: one import is one transaction, an article replaced by
/// an import takes its old statements with it, and a repeated id gives the
/// same store whatever the batch size.
@Suite(.serialized) struct ImportConsistencyTests {
    func withFolder<R>(_ body: (URL) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-consistency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    func open(_ url: URL) throws -> IndexStore {
        try IndexStore(path: url.path, configuration: StoreConfiguration())
    }

    func write(_ lines: [String], to url: URL) throws -> String {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: url)
        return url.path
    }

    func article(_ id: String, _ text: String, url: String? = nil) -> String {
        let link = url.map { #","url":"\#($0)""# } ?? ""
        return #"{"id":"\#(id)","source":"Reuters","published":"2024-01-02","lang":"en"\#(link),"text":"\#(text)"}"#
    }

    func statement(_ id: String, doc: String, _ quote: String) -> String {
        #"{"id":"\#(id)","doc":"\#(doc)","actor":"John Kirby","stance":"deny","date":"2024-01-02","quote":"\#(quote)","about":[]}"#
    }

    func exported(_ store: IndexStore, _ folder: URL) throws -> [String: Data] {
        try Exporter(store: store).run(to: folder.path)
        var out: [String: Data] = [:]
        for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    /// While an import of articles and statements runs, a reader sees none
    /// of it: not the articles file once it is written, only everything
    /// once the import commits. (Each file was its own transaction, so a
    /// reader saw the articles without their statements.)
    @Test func readersNeverSeeArticlesWithoutTheirStatements() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let articles = try write(
                (0..<40).map { article("a\($0)", "John Kirby denied the report number \($0) on Monday.") },
                to: folder.appendingPathComponent("a.jsonl"))
            let statements = try write(
                (0..<40).map { statement("s\($0)", doc: "a\($0)", "the report number \($0)") },
                to: folder.appendingPathComponent("s.jsonl"))
            var importer = Importer(store: store)
            importer.batchSize = 5
            nonisolated(unsafe) var seen: [(articles: Int, statements: Int)] = []
            importer.progress = { _, _ in
                // Another thread reads, as another process would.
                let done = DispatchSemaphore(value: 0)
                Thread {
                    if let counts = try? store.snapshot({ try store.counts(txn: $0) }) {
                        seen.append((counts.articles, counts.statements))
                    }
                    done.signal()
                }.start()
                done.wait()
            }
            let reports = try importer.run([(.articles, articles), (.statements, statements)])
            #expect(reports.map(\.kind) == [.articles, .statements])
            #expect(seen.count > 10)
            for counts in seen {
                #expect(counts.articles == 0 && counts.statements == 0, "a reader saw \(counts) during the import")
            }
            let after = try store.snapshot { try store.counts(txn: $0) }
            #expect(after.articles == 40 && after.statements == 40)
        }
    }

    /// An import that replaces an article with another text removes the
    /// statements stored for it (and their postings), but for those it
    /// brings again; one that changes only the article's metadata keeps
    /// them.
    @Test func anImportedArticleReplacesTheStatementsOfItsOldText() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            let engine = QueryEngine(store: store)
            func ids(_ query: String) throws -> [String] { try engine.count(CheckedQuery(parsing: query)).ids.sorted() }
            // As ingest stores it: the article with its statements.
            _ = try Importer(store: store).run([
                (
                    .articles,
                    try write(
                        [
                            article("a1", "Kirby denied the drones. Kirby denied the missiles. Kirby denied the tanks."),
                            article("a2", "Kirby denied the ships."),
                        ], to: folder.appendingPathComponent("a0.jsonl"))
                ),
                (
                    .statements,
                    try write(
                        [
                            statement("a1:1", doc: "a1", "the drones"), statement("a1:2", doc: "a1", "the missiles"),
                            statement("a1:3", doc: "a1", "the tanks"), statement("a2:1", doc: "a2", "the ships"),
                        ], to: folder.appendingPathComponent("s0.jsonl"))
                ),
            ])
            #expect(try ids("doc:a1") == ["a1:1", "a1:2", "a1:3"])

            // a1 gets another text and one statement of it; a2 only a url.
            let reports = try Importer(store: store).run([
                (
                    .articles,
                    try write(
                        [article("a1", "Kirby denied the rockets."), article("a2", "Kirby denied the ships.", url: "https://x.test/2")],
                        to: folder.appendingPathComponent("a1.jsonl"))
                ),
                (.statements, try write([statement("a1:1", doc: "a1", "the rockets")], to: folder.appendingPathComponent("s1.jsonl"))),
            ])
            #expect(reports[0].result.articles.replaced == 2)
            #expect(reports[1].result.statements.replaced == 1)
            #expect(reports.reduce(0) { $0 + $1.result.removedStatements } == 2)
            #expect(try ids("doc:a1") == ["a1:1"])
            #expect(try ids("quote:missiles OR quote:tanks OR quote:drones").isEmpty)
            #expect(try ids("quote:rockets") == ["a1:1"])
            #expect(try ids("doc:a2") == ["a2:1"])
            #expect(try ids("actor:Kirby") == ["a1:1", "a2:1"])
            #expect(try store.snapshot { try store.counts(txn: $0) }.statements == 2)

            // An articles file alone: the replaced article's statements go.
            _ = try Importer(store: store).run([
                (.articles, try write([article("a1", "Kirby said nothing.")], to: folder.appendingPathComponent("a2.jsonl")))
            ])
            #expect(try ids("doc:a1").isEmpty)
            #expect(try ids("quote:rockets").isEmpty)
            #expect(try ids("| count").count == 1)
        }
    }

    /// A file that gives an id twice: the later line replaces the earlier,
    /// in the earlier one's place, whatever the batch size; the export and
    /// the counts are the same with batches of one and of a million.
    @Test func repeatedIdsGiveTheSameStoreWhateverTheBatch() throws {
        try withFolder { folder in
            let articles = try write(
                [
                    article("a1", "First text about drones."), article("a2", "Second text."),
                    article("a1", "First text, corrected, about missiles."), article("a3", "Third text."),
                    article("a2", "Second text."),
                ], to: folder.appendingPathComponent("a.jsonl"))
            let statements = try write(
                [
                    statement("s1", doc: "a1", "drones"), statement("s2", doc: "a2", "text"),
                    statement("s1", doc: "a1", "missiles"), statement("s3", doc: "a3", "third"),
                ], to: folder.appendingPathComponent("s.jsonl"))
            var outcomes: [(exports: [String: Data], counts: [BatchResult], repeated: [Int])] = []
            for size in [1, 2, 3, 1_000_000] {
                let store = try open(folder.appendingPathComponent("store-\(size)"))
                var importer = Importer(store: store)
                importer.batchSize = size
                let reports = try importer.run([(.articles, articles), (.statements, statements)])
                outcomes.append(
                    (try exported(store, folder.appendingPathComponent("out-\(size)")), reports.map(\.result), reports.map(\.repeated)))
            }
            for outcome in outcomes.dropFirst() {
                #expect(outcome.exports == outcomes[0].exports)
                #expect(outcome.counts == outcomes[0].counts)
                #expect(outcome.repeated == [2, 1])
            }
            let first = outcomes[0]
            #expect(first.counts[0].articles.added == 3)
            #expect(first.counts[0].articles.replaced == 1)
            #expect(first.counts[0].articles.unchanged == 1)
            #expect(first.counts[1].statements.added == 3)
            #expect(first.counts[1].statements.replaced == 1)
            let lines = String(decoding: first.exports["articles.jsonl"] ?? Data(), as: UTF8.self).split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.first?.contains("corrected") == true)
            let quotes = String(decoding: first.exports["statements.jsonl"] ?? Data(), as: UTF8.self)
            #expect(quotes.contains("missiles") && !quotes.contains("drones"))
        }
    }

    /// Ingest's batches (`applyExtracted`): an article another writer
    /// stored exactly so before this one got the write lock is unchanged,
    /// and its statements are not written or counted again; a replaced one
    /// loses the stored statements the batch does not hold.
    @Test func extractedBatchesCountOnlyWhatTheyWrite() throws {
        try withFolder { folder in
            let store = try open(folder.appendingPathComponent("store"))
            func record(_ id: String, _ text: String) -> ArticleRecord {
                ArticleRecord(key: id, title: nil, source: "Reuters", url: nil, published: "2024-01-02", lang: "en", text: text)
            }
            func said(_ id: String, _ doc: String, _ quote: String) -> StatementRecord {
                StatementRecord(id: id, doc: doc, actor: "John Kirby", stance: .deny, date: "2024-01-02", quote: quote)
            }
            let batch = ImportBatch(
                articles: [record("a1", "Kirby denied drones and missiles.")],
                statements: [said("a1:1", "a1", "drones"), said("a1:2", "a1", "missiles")])
            let first = try store.applyExtracted(batch)
            #expect(first.articles.added == 1 && first.statements.added == 2)
            // The second writer, with the same batch: nothing to do.
            let second = try store.applyExtracted(batch)
            #expect(second.articles.unchanged == 1)
            #expect(second.statements == ChangeCounts())
            #expect(second.unchangedExtracted == ["a1"])
            // Replaced with one statement: the other goes.
            let third = try store.applyExtracted(
                ImportBatch(articles: [record("a1", "Kirby denied rockets.")], statements: [said("a1:1", "a1", "rockets")]))
            #expect(third.articles.replaced == 1 && third.statements.replaced == 1 && third.removedStatements == 1)
            let engine = QueryEngine(store: store)
            #expect(try engine.count(CheckedQuery(parsing: "doc:a1")).ids == ["a1:1"])
            #expect(try engine.count(CheckedQuery(parsing: "quote:missiles")).count == 0)
        }
    }
}
