import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import Testing

/// Short queries that would build huge answers (issue 32, item 3): an
/// aggregation is bounded in the groups it builds, a timeline in its
/// periods, and the error names the stage with a hint.
@Suite(.serialized) struct QueryLimitsTests {
    /// A store with one statement about 1,001 topics in an article citing
    /// 1,000 outlets (`count by about, cites` makes 1,001,000 groups from
    /// it alone), statements dated from year 1 to 9999, and 13 actors.
    static func withStore(_ body: (QueryEngine) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func json(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let cites = (0..<1000).map { "Outlet \($0)" }
        let articles = [
            try json([
                "id": "a1", "source": "Desk", "published": "2022-10-05", "lang": "en", "title": "Many",
                "text": "Kirby denied it.", "cites": cites,
            ]),
            try json([
                "id": "a2", "source": "Desk", "published": "2022-10-06", "lang": "en", "title": "Dates",
                "text": "Old and new.",
            ]),
        ]
        var statements = [
            try json([
                "id": "s1", "doc": "a1", "actor": "John Kirby", "stance": "deny", "date": "2022-10-05",
                "quote": "no drones", "about": (0...1000).map { "Topic \($0)" },
            ]),
            try json([
                "id": "s2", "doc": "a2", "actor": "Old Scribe", "stance": "report", "date": "0001-01-01",
                "quote": "long ago", "about": [],
            ]),
            try json([
                "id": "s3", "doc": "a2", "actor": "Far Seer", "stance": "warn", "date": "9999-12-31",
                "quote": "far ahead", "about": [],
            ]),
        ]
        for n in 0..<10 {
            statements.append(
                try json([
                    "id": "s\(n + 10)", "doc": "a2", "actor": "Speaker \(n)", "stance": "assert",
                    "date": "2022-10-06", "quote": "words \(n)", "about": ["Topic \(n)"],
                ]))
        }
        let articlesFile = folder.appendingPathComponent("a.jsonl")
        let statementsFile = folder.appendingPathComponent("s.jsonl")
        try (articles.joined(separator: "\n") + "\n").write(to: articlesFile, atomically: true, encoding: .utf8)
        try (statements.joined(separator: "\n") + "\n").write(to: statementsFile, atomically: true, encoding: .utf8)
        let store = try IndexStore(path: folder.appendingPathComponent("store").path, configuration: StoreConfiguration())
        var importer = Importer(store: store)
        let results = try importer.run([(.articles, articlesFile.path), (.statements, statementsFile.path)])
        #expect(results.last?.result.statements.added == 13)
        try body(QueryEngine(store: store))
    }

    static func run(_ engine: QueryEngine, _ text: String, groups: Int? = nil) throws -> QueryResult {
        var options = RunOptions()
        if let groups { options.maximumGroups = groups }
        return try engine.run(try CheckedQuery(parsing: text), options: options)
    }

    /// The refusal, and the error as the command line shows it.
    static func refusal(_ engine: QueryEngine, _ text: String, groups: Int? = nil) throws -> (QueryTooLarge, String) {
        try #require(try refused(engine, text, groups: groups), "'\(text)' was not refused")
    }

    static func refused(_ engine: QueryEngine, _ text: String, groups: Int?) throws -> (QueryTooLarge, String)? {
        do {
            _ = try run(engine, text, groups: groups)
        } catch let error as QueryTooLarge {
            let diagnostic = Compilation(text).diagnostic(for: error)
            #expect(diagnostic.id.rawValue == "too-large")
            return (error, DiagnosticFormatter(colors: false).format([diagnostic], in: text))
        }
        return nil
    }

    /// One statement's combinations past the bound are refused before
    /// they are built: with the default bound of a million, at once.
    /// A name no key can be (empty, or past LMDB's 511 bytes) matches
    /// nothing: `make torture`'s engine fuzzing met "mdb_get in
    /// 'article_keys': MDB_BAD_VALSIZE" for a long `doc:` value.
    @Test func namesNoKeyCanBeMatchNothing() throws {
        try Self.withStore { engine in
            let long = String(repeating: "x", count: 600)
            for query in ["doc:\(long)", "doc:\(long) OR actor:Kirby", "actor:\(long)", "source:\(long) | count", "doc:\"\""] {
                guard let checked = Compilation(query).checked else { continue }
                let count = try engine.count(checked).count
                #expect(count == (query.contains("Kirby") ? 1 : 0), "\(query.prefix(40))")
            }
        }
    }

    @Test func aRowsCombinationsPastTheBoundAreRefused() throws {
        try Self.withStore { engine in
            let text = "stance:deny | count by about, cites"
            let started = Date()
            let (error, shown) = try Self.refusal(engine, text)
            #expect(Date().timeIntervalSince(started) < 5)
            #expect(error.stage == 0)
            #expect(
                shown == """
                    error: 'count by about, cites' makes more than 1,000,000 groups
                      stance:deny | count by about, cites
                                    ^^^^^^^^^^^^^^^^^^^^^
                    help: group by fewer fields, or narrow the query first (a date range, an actor)

                    """)
            // Each field alone is well within it.
            #expect(try Self.run(engine, "stance:deny | count by about").rows.count == 1001)
            #expect(try Self.run(engine, "stance:deny | count by cites").rows.count == 1000)
        }
    }

    /// Every kind of aggregation stops at the bound it is given, and the
    /// error names the stage it stopped at.
    @Test func everyAggregationStopsAtTheBound() throws {
        try Self.withStore { engine in
            // 13 actors, counted from the actor column.
            #expect(try Self.run(engine, "| count by actor", groups: 13).rows.count == 13)
            let (actors, _) = try Self.refusal(engine, "| count by actor", groups: 12)
            #expect(actors.message == "'count by actor' makes more than 12 groups")
            let (top, _) = try Self.refusal(engine, "| sort date | top 3 actor | limit 1", groups: 12)
            #expect(top.stage == 1)
            #expect(top.message == "'top 3 actor' makes more than 12 groups")
            // Four pairs, counted from the records.
            let (pairs, _) = try Self.refusal(engine, "| count by stance, doc", groups: 3)
            #expect(pairs.message == "'count by stance, doc' makes more than 3 groups")
            #expect(try Self.run(engine, "| count by stance, doc", groups: 4).rows.count == 4)
            let (days, _) = try Self.refusal(engine, "| count by date", groups: 3)
            #expect(days.message == "'count by date' makes more than 3 groups")
        }
    }

    /// `| sort date` written 1,000 times sorted 1,000 times (20 s on a
    /// big store): of sorts in a row, each field's last one runs, which
    /// gives the same rows, since a stable sort by a field leaves nothing
    /// an earlier sort by that field decided.
    @Test func repeatedSortsFoldIntoOne() throws {
        try Self.withStore { engine in
            let once = try Self.run(engine, "| sort date")
            let repeated = try Self.run(engine, String(repeating: "| sort date ", count: 1000))
            #expect(repeated.rows == once.rows && once.rows.count == 13)
            let folded = repeated.plan?.children.filter { $0.label.hasSuffix("(folded into a later sort)") }
            #expect(folded?.count == 999)
            // Another field between them: by actor, then by date within an
            // actor, whatever the repeats around them.
            let two = try Self.run(engine, "| sort date asc | sort actor | sort date desc | sort actor | fields actor, date")
            let plain = try Self.run(engine, "| sort date desc | sort actor | fields actor, date")
            #expect(two.rows == plain.rows)
            // A limit that cuts runs the sorts before it; one that cuts
            // nothing does not stop them folding.
            let cut = try Self.run(engine, "| sort date asc | limit 3 | sort date desc | fields date")
            #expect(cut.rows.map { $0[0].description } == ["2022-10-06", "2022-10-05", "0001-01-01"])
            let uncut = try Self.run(engine, "| sort date asc | limit 50 | sort date asc | fields date")
            #expect(uncut.rows == (try Self.run(engine, "| sort date asc | fields date")).rows)
            #expect(uncut.plan?.children.filter { $0.label.hasSuffix("(folded into a later sort)") }.count == 1)
        }
    }

    /// Dates 9,999 years apart: a timeline by day would be 3.65 million
    /// rows, by year 9,999.
    @Test func aTimelineStopsAtTheBound() throws {
        try Self.withStore { engine in
            let (days, shown) = try Self.refusal(engine, "| timeline day", groups: 10_000)
            #expect(
                shown == """
                    error: 'timeline day' makes more than 10,000 periods
                      | timeline day
                        ^^^^^^^^^^^^
                    help: use a longer interval ('week', 'month' or 'year') or narrow the dates

                    """)
            #expect(days.stage == 0)
            #expect(try Self.run(engine, "| timeline year", groups: 10_000).rows.count == 9999)
            #expect(try Self.run(engine, "date:2022 | timeline day", groups: 10_000).rows.count == 2)
        }
    }
}
