import Foundation
import Isnad
import Testing

/// The embedding API as a program meets it: only `import Isnad`.
@Suite(.serialized) struct PublicAPITests {
    static let sampleCorpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/corpus").path

    /// A store built once from the sample corpus, shared by the read-only tests.
    static let sample: (store: Store, folder: String) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-api-\(UUID().uuidString)").path
        // A failure here fails every test that uses it, with this message.
        guard let store = try? Store(path: folder), (try? store.ingest(files: [sampleCorpus])) != nil else {
            fatalError("cannot build the sample store in \(folder)")
        }
        return (store, folder)
    }()

    private func withFolder<R>(_ body: (String) throws -> R) throws -> R {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    // MARK: - Queries

    // Fixed defect (issue 34): Swift said `article` where queries and JSON
    // say `doc`; `doc` is now the same value by the query's name.
    @Test func aStatementsArticleIsItsDocAsInQueries() throws {
        let store = Self.sample.store
        let statements = try store.query("actor:Kirby").statements
        let first = try #require(statements.first)
        #expect(first.doc == first.article)
        let byDoc = try store.query(.doc(first.doc))
        #expect(byDoc.statements.contains { $0.id == first.id })
        let shown = try store.query("doc:\(first.doc) | fields id, doc")
        #expect(shown.columns == ["id", "doc"])
        #expect(shown.rows.contains { $0 == [first.id, first.article] })
    }

    @Test func statementsAreTypedAndPointIntoTheirArticles() throws {
        let store = Self.sample.store
        let result = try store.query("actor:كيربي stance:warn")
        #expect(result.kind == .statements)
        #expect(!result.statements.isEmpty)
        #expect(result.total == result.statements.count)
        for statement in result.statements {
            #expect(statement.actor == "John Kirby", "the Arabic name means the canonical entity")
            #expect(statement.stance == .warn)
            #expect(statement.date?.count ?? 0 >= 4)
            #expect(statement.id.hasPrefix(statement.article + ":"))
            // The spans are byte ranges of the article's own text.
            let article = try #require(try store.article(id: statement.article))
            let bytes = Array(article.text.utf8)
            let sentence = try #require(statement.spans?.sentence)
            #expect(sentence.upperBound <= bytes.count)
            #expect(String(decoding: bytes[sentence], as: UTF8.self) == statement.sentence)
            if let quote = statement.spans?.quote {
                #expect(
                    String(decoding: bytes[quote], as: UTF8.self).contains(statement.quote)
                        || statement.quote.contains(String(decoding: bytes[quote], as: UTF8.self)))
            }
        }
        // The text table has the query's columns, one value each.
        #expect(result.columns == ["id", "doc", "date", "actor", "stance", "quote", "about"])
        #expect(result.rows.count == result.statements.count)
        #expect(result.rows.allSatisfy { $0.count == result.columns.count })
        #expect(result.rows.first?[3] == "John Kirby")
    }

    /// A saved query file is checked whole before anything runs: every
    /// problem of the file and every query's error, each with its line
    /// (issue 34, section 2, item 7). An unknown `$name` used to hide the
    /// rest, and a query's error came only after the queries before it ran.
    @Test func queryFilesAreCheckedWholeBeforeAnyQueryRuns() throws {
        do {
            _ = try QueryFile(path: "q.isq", source: "actor:$who\n\nstance:$what\n")
            Issue.record("no error for unknown parameters")
        } catch {
            #expect(error.all.map(\.line) == [1, 3])
            #expect(error.description.contains("q.isq:3:8: error: unknown parameter '$what'"))
        }
        let file = try QueryFile(path: "q.isq", source: "# fine\nactor:Kirby\n\n# bad\nstanse:deny\n\nactor:Kirby | count by actr\n")
        do {
            _ = try Self.sample.store.run(file)
            Issue.record("a file with errors ran")
        } catch let error as QueryError {
            #expect(error.diagnostics.map(\.line) == [5, 7])
        }
    }

    /// The embedding guide ingests an article and then asks for it; the
    /// pair must answer (issue 34, section 2, item 2: `date>2022-10`
    /// means after the whole month, so it found nothing).
    @Test func theEmbeddingGuidesIngestThenQueryAnswers() throws {
        let guide = try String(
            contentsOfFile: URL(fileURLWithPath: Self.sampleCorpus)
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/embedding.md").path,
            encoding: .utf8)
        let query = "actor:Kirby stance:deny date>=2022-10"
        let text = "John Kirby denied that the drones came from Iran."
        #expect(guide.contains("store.query(\"\(query)\")"))
        #expect(guide.contains("text: \"\(text)\""))
        try withFolder { folder in
            let store = try Store(path: folder)
            try store.ingest([Article(id: "wh-2022-10-20", source: "Reuters", published: "2022-10-20", text: text)])
            let result = try store.query(query)
            #expect(result.statements.map(\.actor) == ["John Kirby"])
            #expect(result.statements.map(\.quote) == ["the drones came from Iran"])
            let built = Query.actor("Kirby").stance(.deny).date(from: "2022-10", through: nil)
            #expect(guide.contains("// \(built.text)\n"))
            #expect(try store.query(built).statements.map(\.id) == result.statements.map(\.id))
        }
    }

    @Test func checkFindsTheSampleStoreHealthy() throws {
        let store = Self.sample.store
        let report = try store.check()
        #expect(report.isHealthy && report.exportable && report.problems.isEmpty, "\(report.problems)")
        let statistics = try store.statistics()
        #expect(report.statements == statistics.statements && report.articles == statistics.articles)
        #expect(report.entities == statistics.entities)
    }

    @Test func fieldsChooseTheColumnsButStatementsStayWhole() throws {
        let result = try Self.sample.store.query("actor:Kirby | fields date, quote")
        #expect(result.columns == ["date", "quote"])
        #expect(result.rows.first?.count == 2)
        #expect(result.statements.first?.actor == "John Kirby")
        #expect(result.rows.first?[1] == result.statements.first?.quote)
    }

    @Test func aggregationsGiveCountRows() throws {
        let store = Self.sample.store
        let result = try store.query("stance:(deny OR decline) | count by actor")
        #expect(result.kind == .counts)
        #expect(result.columns == ["actor", "count"])
        #expect(!result.counts.isEmpty)
        #expect(result.statements.isEmpty)
        // Each count is the number of statements the same filter finds.
        for row in result.counts {
            let one = try store.query(Query.stance(.deny, .decline).actor(row.keys[0]))
            #expect(one.total == row.count, "\(row)")
        }
        let total = try store.query("stance:(deny OR decline) | count")
        #expect(total.counts == [CountRow(keys: [], count: result.counts.map(\.count).reduce(0, +))])
        let timeline = try store.query("actor:Kirby | timeline year")
        #expect(timeline.counts.allSatisfy { $0.keys.count == 1 && $0.keys[0].count == 4 })
    }

    @Test func articlesAndEntitiesComeTyped() throws {
        let store = Self.sample.store
        let articles = try store.query("actor:Kirby | articles")
        #expect(articles.kind == .articles)
        #expect(!articles.articles.isEmpty)
        for match in articles.articles {
            let article = try #require(try store.article(id: match.id))
            #expect(article.published?.hasPrefix(match.date ?? "?") == true)
        }
        let iranians = try store.query("is:entity kind:person country:Iran")
        #expect(iranians.kind == .entities)
        #expect(iranians.entities.contains { $0.name == "Nasser Kanaani" })
        #expect(iranians.entities.allSatisfy { $0.country == "Iran" && $0.kind == "person" })
        #expect(try store.article(id: "no-such-article") == nil)
    }

    @Test func limitCutsRowsButNotTheTotal() throws {
        let all = try Self.sample.store.query("lang:ar")
        #expect(all.total > 3)
        let three = try Self.sample.store.query("lang:ar", limit: 3)
        #expect(three.statements.count == 3)
        #expect(three.rows.count == 3)
        #expect(three.total == all.total)
        #expect(three.statements == Array(all.statements.prefix(3)))
    }

    @Test func badQueriesThrowDiagnosticsWithPlaces() throws {
        do {
            _ = try Self.sample.store.query("actor:Kirby stanse:deny")
            Issue.record("a bad field was accepted")
        } catch let error as QueryError {
            #expect(error.query == "actor:Kirby stanse:deny")
            let first = try #require(error.diagnostics.first)
            #expect(first.id == "unknown-field")
            #expect(first.message == "unknown field 'stanse'")
            #expect(first.help == "did you mean 'stance'?")
            #expect(first.range == 12..<18)
            #expect((first.line, first.column) == (1, 13))
            #expect(!first.isWarning)
            // The description draws the caret under the mistake.
            #expect(error.description.contains("actor:Kirby stanse:deny\n              ^^^^^^"))
        }
        // Several problems are all reported, syntax and meaning together.
        let error = try #require(throws: QueryError.self) { try Self.sample.store.query("stance:denys | cout") }
        #expect(error.diagnostics.count == 2)
        #expect(throws: QueryError.self) { try Self.sample.store.query(Query.stance(.deny).count(by: .quote)) }
        #expect(throws: QueryError.self) { try Self.sample.store.query(Query.date(after: "October")) }
    }

    /// An aggregation past the bound of a million groups is a
    /// `QueryError` under its stage, from `query`, `forEach` and `explain`.
    @Test func aggregationsPastTheBoundThrowAQueryError() throws {
        try withFolder { folder in
            func json(_ object: [String: Any]) throws -> String {
                String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try
                (try json([
                    "id": "a1", "source": "Desk", "published": "2022-10-05", "lang": "en", "title": "Many",
                    "text": "Kirby denied it.", "cites": (0..<1000).map { "Outlet \($0)" },
                ]) + "\n")
                .write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
            try
                (try json([
                    "id": "s1", "doc": "a1", "actor": "John Kirby", "stance": "deny", "date": "2022-10-05",
                    "quote": "no drones", "about": (0...1000).map { "Topic \($0)" },
                ]) + "\n")
                .write(toFile: folder + "/s.jsonl", atomically: true, encoding: .utf8)
            let store = try Store(path: folder + "/store")
            try store.importRecords(articles: folder + "/a.jsonl", statements: folder + "/s.jsonl")
            let text = "stance:deny | count by about, cites"
            let error = try #require(throws: QueryError.self) { try store.query(text) }
            #expect(error.query == text)
            let first = try #require(error.diagnostics.first)
            #expect(first.id == "too-large")
            #expect(first.message == "'count by about, cites' makes more than 1,000,000 groups")
            #expect(first.range == 14..<35)
            #expect(first.help?.hasPrefix("group by fewer fields") == true)
            let built = Query.stance(.deny).count(by: .about, .cites)
            #expect(throws: QueryError.self) { try store.forEach(built) { _ in } }
            #expect(throws: QueryError.self) { try store.explain(built) }
            #expect(try store.query(Query.stance(.deny).count(by: .about)).counts.count == 1001)
        }
    }

    // MARK: - The builder

    @Test func theBuilderWritesTheSameQueryAsText() throws {
        let store = Self.sample.store
        let pairs: [(Query, String)] = [
            (Query.actor("Kirby").stance(.deny).date(after: "2022-10"), "actor:Kirby stance:deny date>2022-10"),
            (Query.stance(.deny, .decline).count(by: .actor), "stance:(deny OR decline) | count by actor"),
            (Query.actor("John Kirby").fields(.date, .stance, .quote), "actor:\"John Kirby\" | fields date, stance, quote"),
            (Query.phrase("طائرات مسيرة").stance(.warn), "\"طائرات مسيرة\" stance:warn"),
            (Query.words("drones Iran").lang("en"), "drones Iran lang:en"),
            (Query.about("drones").timeline(.year), "about:drones | timeline year"),
            (Query.country("Iran").top(5, .actor), "country:Iran | top 5 actor"),
            (
                Query.date(from: "2022-10", through: nil).sort(by: .date, .ascending).limit(5),
                "date:2022-10..* | sort date asc | limit 5"
            ),
            (Query.stance(.deny).excluding(.country("Russia")), "stance:deny -(country:Russia)"),
            (Query.actor("Kirby").or(.actor("Peskov")).count(), "(actor:Kirby) OR (actor:Peskov) | count"),
            (Query("actor:Kirby OR actor:Peskov").stance(.deny), "(actor:Kirby OR actor:Peskov) stance:deny"),
            (Query("stance:deny | count by actor").lang("ar"), "stance:deny lang:ar | count by actor"),
            (Query.returning(.article).source("Reuters"), "is:article source:Reuters"),
            (Query.all.count(by: .stance), "| count by stance"),
        ]
        for (built, text) in pairs {
            #expect(built.text == text)
            // Same plan, same answer.
            #expect(try store.explain(built) == store.explain(Query(text)), "\(text)")
            let a = try store.query(built)
            let b = try store.query(text)
            #expect(a.rows == b.rows && a.total == b.total, "\(text)")
        }
        // Values never change the structure of the query: quotes and
        // operators inside a name stay inside it.
        let sly = Query.actor("Kirby\" OR actor:\"Peskov")
        #expect(sly.text == #"actor:"Kirby\" OR actor:\"Peskov""#)
        // One name (which the lenient name match may still resolve), never two.
        #expect(try store.query(sly).total < store.query(Query.actor("Kirby").or(.actor("Peskov"))).total)
        #expect(Query.words("AND").text == #""AND""#)
    }

    // MARK: - Streaming

    @Test func forEachStreamsEveryRowOfOneSnapshot() throws {
        let store = Self.sample.store
        let whole = try store.query("| fields id")
        var ids: [String] = []
        try store.forEach("| fields id") { match in
            guard case .statement(let s) = match else {
                Issue.record("not a statement: \(match)")
                return
            }
            ids.append(s.id)
        }
        #expect(ids == whole.statements.map(\.id))
        #expect(ids.count == (try store.statistics().statements))
        // A body may stop early by throwing.
        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try store.forEach(Query.all) { _ in
                seen += 1
                if seen == 5 { throw Enough() }
            }
        }
        #expect(seen == 5)
        // Entity rows look their entity up inside the streaming snapshot.
        var people: [Entity] = []
        try store.forEach("is:entity kind:person country:Iran") { if case .entity(let e) = $0 { people.append(e) } }
        #expect(!people.isEmpty)
        #expect(people == (try store.query("is:entity kind:person country:Iran").entities))
        var counts: [CountRow] = []
        try store.forEach(Query.all.count(by: .stance)) { if case .count(let row) = $0 { counts.append(row) } }
        #expect(counts == (try store.query("| count by stance").counts))
    }

    // MARK: - Entities

    @Test func entitiesAreFoundByAnyNameAndCanBeEdited() throws {
        try withFolder { folder in
            let store = try Store(path: folder)
            try store.ingest(files: [Self.sampleCorpus])
            #expect(try store.entity(named: "كيربي")?.name == "John Kirby")
            #expect(try store.entity(named: "john kirby")?.name == "John Kirby")
            #expect(try store.entity(named: "Nobody At All") == nil)
            #expect(try store.entities(prefix: "بيسك").map(\.name).contains("Dmitry Peskov"))
            #expect(try store.entities().count == store.statistics().entities)

            var entity = Entity(
                name: "Ali Bagheri Kani", kind: "person", arabicAliases: ["علي باقري كني", "باقري"],
                latinAliases: ["Bagheri"], country: "Iran", role: "deputy foreign minister")
            try store.save([entity])
            #expect(try store.entity(named: "باقري") == entity)
            entity.role = "acting foreign minister"
            entity.latinAliases.append("Bagheri Kani")
            try store.save([entity])
            #expect(try store.entity(named: "Bagheri Kani")?.role == "acting foreign minister")
            #expect(try store.query("is:entity actor:باقري").entities == [entity])
        }
    }

    // MARK: - Ingest, import and errors

    @Test func badArticlesAreRefusedBeforeAnythingIsWritten() throws {
        try withFolder { folder in
            let store = try Store(path: folder)
            let good = Article(id: "ok", text: "Peskov said Russia would respond.")
            for (bad, reason) in [
                (Article(id: "x", text: "  \n"), "the text is empty"),
                (Article(id: "", text: "text"), "the id is empty"),
                (Article(id: "z", text: "a\u{0}b"), "the text holds a NUL byte (a binary file?)"),
                (
                    Article(id: "y", published: "last week", text: "text"),
                    "published 'last week' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                ),
            ] {
                let error = try #require(throws: InvalidArticle.self) { try store.ingest([good, bad]) }
                #expect(error.index == 1)
                #expect(error.reason == reason)
            }
            #expect(try store.statistics().articles == 0)
            // A timestamp is read as its day.
            try store.ingest([Article(id: "t", published: "2022-10-20T14:05:00Z", text: "Kirby said it was false.")])
            #expect(try store.article(id: "t")?.published == "2022-10-20")
        }
    }

    @Test func missingAndReadOnlyStoresSayWhy() throws {
        try withFolder { folder in
            var configuration = Store.Configuration()
            configuration.create = false
            #expect { try Store(path: folder, configuration: configuration) } throws: { error in
                (error as? StoreError)?.code == StoreError.missing
            }
            _ = try Store(path: folder)
            configuration.readOnly = true
            let reader = try Store(path: folder, configuration: configuration)
            #expect { try reader.save([Entity(name: "X")]) } throws: { error in
                (error as? StoreError)?.code == StoreError.readOnly
            }
            #expect { try reader.importRecords(entities: "/nonexistent/entities.jsonl") } throws: { error in
                (error as? LoadedArticles.Rejection)?.path == "/nonexistent/entities.jsonl"
            }
        }
    }

    @Test func recordsImportAndReportBadLines() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let entities = folder + "/entities.jsonl"
            let statements = folder + "/statements.jsonl"
            try Data(
                """
                {"name": "John Kirby", "kind": "person", "aliases_ar": ["كيربي"], "aliases_en": ["Kirby"]}
                """.utf8
            ).write(to: URL(fileURLWithPath: entities))
            try Data(
                """
                {"id": "s1", "doc": "d1", "actor": "John Kirby", "stance": "deny", "date": "2022-10-20", "quote": "not true", "about": []}
                {"id": "s2", "doc": "d1", "actor": "John Kirby", "stance": "shrug", "date": "2022-10-20", "quote": "x", "about": []}
                """.utf8
            ).write(to: URL(fileURLWithPath: statements))
            let store = try Store(path: folder + "/store")
            let summary = try store.importRecords(entities: entities, statements: statements)
            #expect(summary.entities.added == 1)
            #expect(summary.statements.added == 1)
            #expect(summary.rejected.count == 1)
            #expect(summary.rejected.first?.line == 2)
            #expect(try store.query("actor:كيربي stance:deny").statements.map(\.quote) == ["not true"])
            let again = try store.importRecords(entities: entities, statements: statements)
            #expect(again.statements.unchanged == 1 && again.statements.added == 0)
        }
    }

    // MARK: - Concurrency

    @Test func readersInSeveralTasksWhileOneWriterIngests() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(path: folder)
        let articles = Article.load(from: [Self.sampleCorpus]).articles
        try store.ingest(Array(articles.prefix(2)))
        let writer = Task.detached { () throws -> Int in
            // The rest, one article per transaction, while the readers run.
            for article in articles.dropFirst(2) { try store.ingest([article]) }
            return try store.statistics().statements
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var seen = 0
                    var last = 0
                    for _ in 0..<30 {
                        // Every answer is consistent with itself: the count
                        // of a snapshot equals the rows of the same query.
                        let result = try store.query("| count by stance")
                        let total = result.counts.map(\.count).reduce(0, +)
                        #expect(total >= last, "an ingest only adds here, so no snapshot sees fewer")
                        last = total
                        seen += 1
                        await Task.yield()
                    }
                    return seen
                }
            }
            var reads = 0
            for try await n in group { reads += n }
            #expect(reads == 120)
        }
        let statements = try await writer.value
        #expect(try store.statistics().articles == articles.count)
        #expect(try store.query("| count").counts.first?.count == statements)
    }
}
