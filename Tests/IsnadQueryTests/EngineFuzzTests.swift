import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore
import Testing

/// Fuzzing that reaches the engine, not only the parser: queries made
/// from the grammar, with every order of pipe stages up to three long and
/// random longer pipelines, checked and run on a real store. No query may
/// crash; every query the checker accepts must run and give the answer of
/// the plain in-memory evaluation (`Oracle`); what it refuses, it refuses
/// with a diagnostic. CI runs a short seeded run; `make fuzz` runs more
/// queries (`ISNAD_ENGINE_FUZZ_QUERIES`) on a bigger store
/// (`ISNAD_ENGINE_FUZZ_DOCS`) in a release build.
@Suite(.serialized) struct EngineFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    /// Random queries on top of the 585 stage orders and the grammar trees.
    static let queries = Int(environment["ISNAD_ENGINE_FUZZ_QUERIES"] ?? "") ?? 400
    /// 300 documents: about 900 statements, so that a frequent actor has
    /// more than 64 of them and sets are held as bitmaps.
    static let docs = Int(environment["ISNAD_ENGINE_FUZZ_DOCS"] ?? "") ?? 300

    @Test func generatedQueriesRunOnARealStore() throws {
        let corpus = try OracleCorpus.generate(docs: Self.docs, seed: 32)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        let store = try IndexStore(
            path: corpus.folder.appendingPathComponent("store").path,
            configuration: StoreConfiguration())
        var importer = Importer(store: store)
        _ = try importer.run([
            (.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
            (.articles, try corpus.write(corpus.revisions, to: "a-earlier.jsonl")),
            (.articles, try corpus.write(corpus.articles, to: "a.jsonl")),
            (.statements, try corpus.write(corpus.statements, to: "s.jsonl")),
        ])
        let oracle = Oracle(entities: corpus.entities, articles: corpus.articleLines, statementImports: [corpus.statements])
        let engine = QueryEngine(store: store)
        var run = FuzzRun(engine: engine, oracle: oracle)

        // The crash of issue 32: more than 64 statements, reordered by
        // `sort`, then their articles. The articles are those of the
        // statements in any order.
        let frequent =
            Dictionary(corpus.statements.map { ($0.actor, 1) }, uniquingKeysWith: +)
            .max { $0.value < $1.value }?.key ?? ""
        let sorted = try engine.run(CheckedQuery(parsing: "actor:\"\(frequent)\" | sort date | articles"))
        let plain = try engine.run(CheckedQuery(parsing: "actor:\"\(frequent)\" | articles"))
        #expect(try engine.run(CheckedQuery(parsing: "actor:\"\(frequent)\"")).total > 64)
        #expect(sorted.rows == plain.rows && sorted.rows.count > 20)

        // Every order of the eight stages, up to three of them, each after
        // a random filter (or none) and with random arguments.
        var pipelines = PipelineGenerator(corpus: corpus, seed: 0xE561)
        for length in 0...3 {
            for order in PipelineGenerator.orders(length) {
                try run.check(pipelines.query(order))
            }
        }
        // Longer random pipelines, most in an order the checker takes.
        for _ in 0..<Self.queries {
            try run.check(pipelines.query(pipelines.longOrder(pipelines.below(8) + 4)))
        }
        // Random syntax trees of the whole grammar, printed.
        var trees = SyntaxGenerator(seed: 0xE562)
        for _ in 0..<Self.queries {
            try run.check(Printer.print(trees.query()))
        }

        #expect(run.mismatches == 0)
        // The run proves little unless many queries reached the engine and
        // many of them found something.
        #expect(run.ran > Self.queries / 2 + 200)
        #expect(run.nonEmpty * 3 > run.ran)
        let kinds = Set(run.stagesRun)
        #expect(kinds.isSuperset(of: PipelineGenerator.Kind.allCases), "stages never run: \(kinds)")
    }
}

/// Runs queries and keeps the tally.
struct FuzzRun {
    let engine: QueryEngine
    let oracle: Oracle
    var ran = 0, refused = 0, nonEmpty = 0, mismatches = 0
    var stagesRun: [PipelineGenerator.Kind] = []

    mutating func check(_ text: String) throws {
        let compilation = Compilation(text)
        guard let checked = compilation.checked else {
            refused += 1
            #expect(!compilation.diagnostics.isEmpty, "refused without a reason: \(text)")
            return
        }
        ran += 1
        for stage in checked.stages { stagesRun.append(PipelineGenerator.Kind(stage)) }
        let got = try engine.run(checked)
        let want = oracle.run(checked)
        if !want.rows.isEmpty { nonEmpty += 1 }
        #expect(got.rows.count == got.total || got.kind == .aggregate, "\(text)")
        if got != want {
            mismatches += 1
            if mismatches <= 8 { Issue.record(Comment(rawValue: OracleTests.difference(text, got, want))) }
        }
    }
}

/// Pipelines of stages in a given order, each stage with arguments that
/// fit the rows before it where possible (so that most orders check).
struct PipelineGenerator {
    enum Kind: CaseIterable, Hashable {
        case count, countBy, top, timeline, sort, limit, fields, articles

        init(_ stage: CheckedStage) {
            switch stage {
            case .count(let by): self = by.isEmpty ? .count : .countBy
            case .top: self = .top
            case .timeline: self = .timeline
            case .sort: self = .sort
            case .limit: self = .limit
            case .fields: self = .fields
            case .articles: self = .articles
            }
        }
    }

    /// Every sequence of `length` kinds.
    static func orders(_ length: Int) -> [[Kind]] {
        guard length > 0 else { return [[]] }
        return orders(length - 1).flatMap { order in Kind.allCases.map { order + [$0] } }
    }

    var filters: QueryGenerator

    init(corpus: OracleCorpus, seed: UInt64) {
        filters = QueryGenerator(corpus: corpus, seed: seed)
    }

    mutating func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &filters.random) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `length` stages, each one the rows before it accept (after an
    /// aggregation only `sort` and `limit`, one `articles`), but for one
    /// stage in ten, which is any.
    mutating func longOrder(_ length: Int) -> [Kind] {
        var order: [Kind] = []
        var aggregated = false
        var articles = false
        for _ in 0..<length {
            var allowed = aggregated ? [.sort, .limit] : Kind.allCases.filter { $0 != .articles || !articles }
            if below(10) == 0 { allowed = Kind.allCases }
            let kind = pick(allowed)
            if [.count, .countBy, .top, .timeline].contains(kind) { aggregated = true }
            if kind == .articles { articles = true }
            order.append(kind)
        }
        return order
    }

    /// What rows a stage sees, as the checker tracks them.
    enum Rows {
        case statements, articles
        case counts([String])
    }

    static let statementGroups = ["actor", "about", "country", "source", "cites", "kind", "stance", "date", "lang", "doc"]
    static let articleGroups = ["source", "cites", "lang", "date", "doc"]
    static let statementSorts = ["date", "actor", "stance", "source", "country", "lang", "doc"]
    static let articleSorts = ["date", "source", "lang", "doc"]
    static let outputs = [
        "id", "date", "actor", "stance", "quote", "about", "country", "kind", "source", "cites",
        "lang", "doc", "title", "url", "cue",
    ]

    mutating func query(_ order: [Kind]) -> String {
        var text: String
        switch below(10) {
        case 0: text = ""
        case 1: text = "is:article " + filters.expression(depth: 2)
        case 2: text = "is:entity " + filters.expression(depth: 1)
        default: text = filters.expression(depth: 3)
        }
        var rows: Rows = text.hasPrefix("is:article") ? .articles : .statements
        for kind in order {
            text += " | " + stage(kind, rows: &rows)
        }
        return text
    }

    mutating func fields(_ among: [String], most: Int) -> [String] {
        Array(among.shuffled(using: &filters.random).prefix(1 + below(most)))
    }

    mutating func stage(_ kind: Kind, rows: inout Rows) -> String {
        let groups: [String]
        switch rows {
        case .articles: groups = Self.articleGroups
        default: groups = Self.statementGroups
        }
        switch kind {
        case .count:
            rows = .counts(["count"])
            return "count"
        case .countBy:
            let by = fields(groups, most: 3)
            rows = .counts(by + ["count"])
            return "count by " + by.joined(separator: ", ")
        case .top:
            let field = pick(groups)
            rows = .counts([field, "count"])
            return "top \(below(12)) \(field)"
        case .timeline:
            rows = .counts(["date", "count"])
            return "timeline" + pick(["", " day", " week", " month", " year"])
        case .sort:
            let direction = pick(["", " asc", " desc"])
            switch rows {
            case .statements: return "sort " + pick(Self.statementSorts) + direction
            case .articles: return "sort " + pick(Self.articleSorts) + direction
            case .counts(let columns): return "sort " + pick(columns) + direction
            }
        case .limit:
            return "limit \(pick([0, 1, 3, 10, 65, 200, 5000]))"
        case .fields:
            return "fields " + fields(Self.outputs, most: 4).joined(separator: ", ")
        case .articles:
            if case .statements = rows { rows = .articles }
            return "articles"
        }
    }
}
