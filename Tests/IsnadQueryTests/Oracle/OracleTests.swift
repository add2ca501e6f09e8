import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import Testing

/// The engine against a plain in-memory evaluation, on a generated corpus
/// imported in several runs (one file twice, some statements replaced,
/// some articles replaced by a later version),
/// for thousands of random queries covering every field, operator and
/// pipe stage. The statement ids of each run are placed across 65,536-id containers
/// and lists close a chunk at 256 bytes, so that most lists are stored in
/// several chunks, appended to and rewritten (ListChunks.swift).
@Suite(.serialized) struct OracleTests {
    static let queries = Int(ProcessInfo.processInfo.environment["ISNAD_ORACLE_QUERIES"] ?? "") ?? 2000

    @Test func engineAgreesWithTheOracle() throws {
        let corpus = try OracleCorpus.generate(docs: 3000, seed: 11)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        let store = try IndexStore(
            path: corpus.folder.appendingPathComponent("store").path,
            configuration: StoreConfiguration(), chunkTarget: 256)
        try store.skipIDs(statementsTo: 65536 - 2000, articlesTo: 0)
        var importer = Importer(store: store)
        importer.batchSize = 997
        let half = Array(corpus.statements.prefix(corpus.statements.count / 2))
        let files = (
            entities: try corpus.write(corpus.entities, to: "e.jsonl"),
            revisions: try corpus.write(corpus.revisions, to: "a-earlier.jsonl"),
            articles: try corpus.write(corpus.articles, to: "a.jsonl"),
            half: try corpus.write(half, to: "s-half.jsonl"),
            all: try corpus.write(corpus.statements, to: "s-all.jsonl"),
            replacements: try corpus.write(corpus.replacements, to: "s-new.jsonl")
        )
        let first = try importer.run([
            (.entities, files.entities), (.articles, files.revisions), (.articles, files.articles),
            (.statements, files.half),
        ])
        // Some articles come twice: the later version replaces the earlier.
        #expect(first[2].result.articles.added == corpus.articles.count - corpus.revisions.count)
        #expect(first[2].result.articles.replaced == corpus.revisions.count)
        #expect(corpus.revisions.count > 50)
        try store.skipIDs(statementsTo: 3 * 65536 - 2000, articlesTo: 0)
        let second = try importer.run([(.statements, files.all), (.entities, files.entities)])
        #expect(second[0].result.entities.unchanged == corpus.entities.count)
        #expect(second[1].result.statements.unchanged == half.count)
        #expect(second[1].result.statements.added == corpus.statements.count - half.count)
        let third = try importer.run([(.statements, files.replacements)])
        #expect(third[0].result.statements.replaced == corpus.replacements.count)
        #expect(corpus.replacements.count > 50)

        let oracle = Oracle(
            entities: corpus.entities, articles: corpus.articleLines,
            statementImports: [half, corpus.statements, corpus.replacements])
        let engine = QueryEngine(store: store)
        var generator = QueryGenerator(corpus: corpus, seed: 20_261_121)
        var coverage = Coverage()
        var mismatches = 0
        var nonEmpty = 0
        for _ in 0..<OracleTests.queries {
            var text = generator.next()
            if text.isEmpty { text = "| count" }
            let compilation = Compilation(text)
            guard let checked = compilation.checked else {
                Issue.record("generated query does not check: \(text)\n\(compilation.diagnostics.map(\.message))")
                continue
            }
            coverage.note(checked)
            let got = try engine.run(checked)
            let want = oracle.run(checked)
            if !want.rows.isEmpty { nonEmpty += 1 }
            if got != want {
                mismatches += 1
                if mismatches <= 8 { Issue.record(Comment(rawValue: OracleTests.difference(text, got, want))) }
            }
        }
        #expect(mismatches == 0)
        // Most queries must find something, or the test proves little.
        #expect(nonEmpty * 2 > OracleTests.queries)
        let missing = coverage.missing
        #expect(missing.isEmpty, "constructs no query exercised: \(missing)")
    }

    static func difference(_ query: String, _ got: QueryResult, _ want: QueryResult) -> String {
        var out = "query: \(query)\n"
        if got.columns != want.columns { return out + "columns: got \(got.columns), want \(want.columns)" }
        out += "rows: got \(got.rows.count), want \(want.rows.count)\n"
        for i in 0..<max(got.rows.count, want.rows.count) {
            let g = i < got.rows.count ? got.rows[i].map(\.description) : nil
            let w = i < want.rows.count ? want.rows[i].map(\.description) : nil
            if g != w {
                out += "first difference at row \(i):\n  got  \(g ?? [])\n  want \(w ?? [])"
                break
            }
        }
        return out
    }
}

/// Which constructs the generated queries used.
struct Coverage {
    var seen: Set<String> = []

    static let all: Set<String> = [
        "actor", "about", "country", "kind", "stance", "date", "source", "cites", "lang", "doc",
        "quote", "text", "any", "term", "phrase", "prefix", "entity-prefix", "and", "or", "not",
        "range", "open-range", "is:article", "is:entity",
        "count", "count by", "count by 2", "top", "timeline day", "timeline week", "timeline month",
        "timeline year", "sort", "sort count", "limit", "fields", "articles",
    ]

    var missing: Set<String> { Coverage.all.subtracting(seen) }

    mutating func note(_ query: CheckedQuery) {
        if let filter = query.filter { note(filter) }
        for stage in query.stages {
            switch stage {
            case .count(let by): seen.insert(by.isEmpty ? "count" : by.count == 1 ? "count by" : "count by 2")
            case .top: seen.insert("top")
            case .timeline(let i): seen.insert("timeline \(i.rawValue)")
            case .sort(.count, _): seen.insert("sort count")
            case .sort: seen.insert("sort")
            case .limit: seen.insert("limit")
            case .fields: seen.insert("fields")
            case .articles: seen.insert("articles")
            }
        }
    }

    mutating func note(_ filter: Filter) {
        switch filter {
        case .and(let fs):
            seen.insert("and")
            fs.forEach { note($0) }
        case .or(let fs):
            seen.insert("or")
            fs.forEach { note($0) }
        case .not(let f):
            seen.insert("not")
            note(f)
        case .entity(let field, let name):
            seen.insert(field.rawValue)
            if name.isPrefix { seen.insert("entity-prefix") }
        case .keyword(let field, _): seen.insert(field.rawValue)
        case .stance: seen.insert("stance")
        case .lang: seen.insert("lang")
        case .date(let range):
            seen.insert("date")
            seen.insert(range.lower == nil || range.upper == nil ? "open-range" : "range")
        case .text(let scope, let match):
            seen.insert(scope.rawValue)
            switch match {
            case .term: seen.insert("term")
            case .phrase: seen.insert("phrase")
            case .prefix: seen.insert("prefix")
            }
        case .target(let t): seen.insert("is:\(t.rawValue)")
        }
    }
}
