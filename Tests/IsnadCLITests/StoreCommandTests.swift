import Foundation
import SyntheticCorpus
import Testing

/// `isnad import`, `query` and `export` run as a user runs them, and
/// several processes on one store at once.
extension CommandLineTests {
    /// A small generated corpus (``SyntheticCorpus``), written once per test.
    func corpus(_ folder: String, docs: Int = 200) throws -> String {
        let out = folder + "/corpus"
        try SyntheticCorpus.generate(docs: docs, seed: 3).write(to: URL(fileURLWithPath: out), docs: docs, seed: 3)
        return out
    }

    @Test func importQueryExport() throws {
        try withFolder { folder in
            let corpus = try corpus(folder)
            // What the queries below must find, counted in the generated records.
            let generated = SyntheticCorpus.generate(docs: 200, seed: 3)
            let total = generated.statements.count
            let kirby = generated.statements.filter { $0.actor == "John Kirby" }.count
            let in2023 = Dictionary(
                generated.statements.filter { $0.date.hasPrefix("2023") }.map { ($0.stance, 1) },
                uniquingKeysWith: +)
            let kanaani = Dictionary(
                generated.statements.filter { $0.actor == "Nasser Kanaani" }.map { ($0.stance, 1) },
                uniquingKeysWith: +
            ).max { ($0.value, $1.key) < ($1.value, $0.key) }
            #expect(kirby > 20 && in2023.count > 3 && (kanaani?.value ?? 0) > 1 && !generated.revisions.isEmpty)

            let store = folder + "/store"
            let first = try isnad([
                "import", "--store", store, "--entities", corpus + "/entities.jsonl",
                "--articles", corpus + "/articles.jsonl", "--statements", corpus + "/statements.jsonl",
            ])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("statements: \(total) added, 0 replaced, 0 unchanged, 0 rejected"), "\(first.stdout)")
            let again = try isnad(["import", "--store", store, "--statements", corpus + "/statements.jsonl"])
            #expect(again.stdout.contains("statements: 0 added, 0 replaced, \(total) unchanged"))

            // JSON rows carry the statement fields; Latin and Arabic names
            // of one actor give the same rows.
            let latin = try isnad(["query", "--store", store, "--format", "json", #"actor:"John Kirby""#])
            #expect(latin.status == 0, "\(latin.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(latin.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == kirby)
            for key in ["id", "doc", "actor", "stance", "date", "quote"] { #expect(rows.first?[key] != nil, "\(key)") }
            #expect(rows.allSatisfy { $0["actor"] as? String == "John Kirby" })
            let arabic = try isnad(["query", "--store", store, "--format", "json", "actor:كيربي"])
            #expect(arabic.stdout == latin.stdout)

            // Aggregation rows carry the group field and count.
            let counts = try isnad(["query", "--store", store, "--format", "json", "stance:deny | count by actor | limit 3"])
            let groups = try #require(try JSONSerialization.jsonObject(with: Data(counts.stdout.utf8)) as? [[String: Any]])
            #expect(groups.count == 3)
            #expect(groups.allSatisfy { $0["actor"] is String && $0["count"] is Int })

            let csv = try isnad(["query", "--store", store, "--format", "csv", "date:2023 | count by stance"])
            let csvRows = csv.stdout.components(separatedBy: "\r\n").dropLast()
            #expect(csvRows.first == "stance,count")
            #expect(Set(csvRows.dropFirst()) == Set(in2023.map { "\($0.key),\($0.value)" }), "\(csv.stdout)")
            let csvCounts = csvRows.dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Int($0) } }
            #expect(csvCounts == csvCounts.sorted(by: >))
            let stance = kanaani?.key ?? "deny"
            let n = kanaani?.value ?? 0
            let table = try isnad(["query", "--store", store, "actor:Kanaani stance:\(stance)"])
            #expect(table.stdout.contains("Nasser Kanaani  \(stance)"), "\(table.stdout)")
            #expect(table.stdout.hasSuffix("(\(n) statements)\n"))

            let explain = try isnad(["query", "--store", store, "--explain", #"actor:"John Kirby" stance:warn date>2022-10"#])
            #expect(explain.stdout.contains("plan:"))
            #expect(explain.stdout.contains("AND: smallest first"))
            #expect(explain.stdout.contains("estimated"))

            let exported = try isnad(["export", "--store", store, "--out", folder + "/out"])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout.contains("\(total) statements"))
            let lines = try String(contentsOfFile: folder + "/out/statements.jsonl", encoding: .utf8)
                .split(separator: "\n")
            #expect(lines.count == total)
            // Some articles come twice in the file: the later version is the one kept.
            let articles = try String(contentsOfFile: folder + "/out/articles.jsonl", encoding: .utf8).split(separator: "\n")
            #expect(articles.count == generated.articles.count)
            let revised = try #require(generated.revisions.first)
            let final = try #require(generated.articles.first { $0.id == revised.id })
            let stored = articles.first { $0.contains(#""id":"\#(revised.id)""#) }
            #expect(stored?.contains(#""title":"\#(final.title)""#) == true, "\(stored ?? "")")
        }
    }

    @Test func compactWritesASmallerCopyThatAnswersTheSame() throws {
        try withFolder { folder in
            let corpus = try corpus(folder)
            let store = folder + "/store"
            let copy = folder + "/copy"
            _ = try isnad([
                "import", "--store", store, "--entities", corpus + "/entities.jsonl",
                "--articles", corpus + "/articles.jsonl", "--statements", corpus + "/statements.jsonl",
            ])
            // Replacing every statement leaves the old lists' pages free.
            let statements = try String(contentsOfFile: corpus + "/statements.jsonl", encoding: .utf8)
            try statements.replacingOccurrences(of: #""stance":"assert""#, with: #""stance":"report""#)
                .write(toFile: folder + "/changed.jsonl", atomically: true, encoding: .utf8)
            let changed = try isnad(["import", "--store", store, "--statements", folder + "/changed.jsonl"])
            #expect(changed.status == 0, "\(changed.stderr)")

            let compacted = try isnad(["compact", "--store", store, "--out", copy])
            #expect(compacted.status == 0, "\(compacted.stderr)")
            #expect(compacted.stdout.contains("smaller) → " + copy))
            let before = try #require(FileManager.default.attributesOfItem(atPath: store + "/data.mdb")[.size] as? Int)
            let after = try #require(FileManager.default.attributesOfItem(atPath: copy + "/data.mdb")[.size] as? Int)
            #expect(after < before)
            for query in [#"actor:"John Kirby""#, "stance:report | count by actor", "صواريخ | timeline year"] {
                let a = try isnad(["query", "--store", store, "--format", "csv", query])
                let b = try isnad(["query", "--store", copy, "--format", "csv", query])
                #expect(a.status == 0 && b.status == 0)
                #expect(a.stdout == b.stdout, "\(query)")
            }
            _ = try isnad(["export", "--store", store, "--out", folder + "/a"])
            _ = try isnad(["export", "--store", copy, "--out", folder + "/b"])
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: folder + "/a/" + name))
                        == Data(contentsOf: URL(fileURLWithPath: folder + "/b/" + name)), "\(name)")
            }

            // Nothing is written over.
            let again = try isnad(["compact", "--store", store, "--out", copy])
            #expect(again.status == 3)
            #expect(again.stderr.contains("already exists"))
            #expect(try isnad(["query", "--store", copy, "--format", "csv", #"actor:"John Kirby""#]).status == 0)
        }
    }

    @Test func badInputAndBadQueriesExitWithTheirCodes() throws {
        try withFolder { folder in
            let store = folder + "/store"
            let file = folder + "/s.jsonl"
            try """
            {"id":"s1","doc":"a1","actor":"Kirby","stance":"deny","date":"2022-10-05","quote":"x","about":[]}
            {"id":"s2","doc":"a1","actor":"Kirby","stance":"deny","date":"2022-10-05"}
            """.write(toFile: file, atomically: true, encoding: .utf8)
            let run = try isnad(["import", "--store", store, "--statements", file])
            #expect(run.status == 1)
            #expect(run.stderr.contains("s.jsonl:2: missing field 'quote'"))
            #expect(run.stdout.contains("statements: 1 added, 0 replaced, 0 unchanged, 1 rejected"))
            let strict = try isnad(["import", "--store", folder + "/other", "--strict", "--statements", file])
            #expect(strict.stdout.contains("nothing loaded (--strict)"))

            let typo = try isnad(["query", "--store", store, "actor:Kirby stanse:deny"])
            #expect(typo.status == 1)
            #expect(typo.stderr.contains("unknown field 'stanse'"))
            #expect(typo.stderr.contains("^^^^^^"))
            let missing = try isnad(["query", "--store", folder + "/nothing-here", "stance:deny"])
            #expect(missing.status == 3)
            let usage = try isnad(["import", "--store", store])
            #expect(usage.status == 2)
            let unreadable = try isnad(["import", "--store", store, "--statements", folder + "/absent.jsonl"])
            #expect(unreadable.status == 1)
            #expect(unreadable.stderr.contains("cannot read"))
        }
    }

    /// Two processes query while a third imports: every answer is a whole
    /// snapshot (between the counts before and after, never decreasing) and
    /// no process fails.
    @Test func twoProcessesQueryWhileAThirdImports() throws {
        try withFolder { folder in
            let corpus = try corpus(folder, docs: 1500)
            let store = folder + "/store"
            let all = try String(contentsOfFile: corpus + "/statements.jsonl", encoding: .utf8)
                .split(separator: "\n").map(String.init)
            try (all.prefix(all.count / 2).joined(separator: "\n") + "\n")
                .write(toFile: folder + "/half.jsonl", atomically: true, encoding: .utf8)
            #expect(try isnad(["import", "--store", store, "--statements", folder + "/half.jsonl"]).status == 0)

            let importer = Process()
            importer.executableURL = try Self.binary()
            importer.arguments = ["import", "--store", store, "--batch", "100", "--statements", corpus + "/statements.jsonl"]
            importer.standardOutput = FileHandle.nullDevice
            try importer.run()
            let counts = Counts()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                var seen: [Int] = []
                repeat {
                    guard let run = try? isnad(["query", "--store", store, "--format", "csv", "| count"]),
                        run.status == 0, let n = Int(run.stdout.split(separator: "\r\n").last ?? "")
                    else {
                        counts.failures += 1
                        return
                    }
                    seen.append(n)
                } while importer.isRunning
                counts.add(seen)
            }
            importer.waitUntilExit()
            #expect(importer.terminationStatus == 0)
            #expect(counts.failures == 0)
            for seen in counts.all {
                #expect(seen == seen.sorted(), "a later query saw fewer statements")
                #expect(seen.allSatisfy { $0 >= all.count / 2 && $0 <= all.count })
            }
            let final = try isnad(["query", "--store", store, "--format", "csv", "| count"])
            #expect(final.stdout == "count\r\n\(all.count)\r\n")
        }
    }
}

/// Results gathered from several threads.
final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var _all: [[Int]] = []
    private var _failures = 0
    var all: [[Int]] { lock.withLock { _all } }
    var failures: Int {
        get { lock.withLock { _failures } }
        set { lock.withLock { _failures = newValue } }
    }
    func add(_ seen: [Int]) { lock.withLock { _all.append(seen) } }
}

extension CommandLineTests {
    @Test func ingestExtractsStatementsWithProvenance() throws {
        try withFolder { folder in
            let store = folder + "/store"
            let run = try isnad(["ingest", "--store", store, "examples/corpus"])
            #expect(run.status == 0, "\(run.stderr)")
            // The same person by his Latin and Arabic names.
            let latin = try isnad(["query", "--store", store, "--format", "csv", "actor:Peskov | count"])
            let arabic = try isnad(["query", "--store", store, "--format", "csv", "actor:بيسكوف | count"])
            #expect(latin.stdout == arabic.stdout)
            #expect(latin.stdout != "count\r\n0\r\n")
            // JSON rows carry the sentence and spans into the article text.
            let json = try isnad(["query", "--store", store, "--format", "json", "actor:Peskov | limit 1"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let row = try #require(rows.first)
            let sentence = try #require(row["sentence"] as? String)
            let spans = try #require(row["spans"] as? [String: [Int]])
            let doc = try #require(row["doc"] as? String)
            let article = try isnad(["query", "--store", store, "--format", "json", "is:article doc:\(doc) | fields id"])
            #expect(article.stdout.contains(doc))
            #expect(spans["sentence"]?.count == 2)
            #expect(spans["cue"].map { $0[0] >= spans["sentence"]![0] && $0[1] <= spans["sentence"]![1] } == true)
            #expect(!sentence.isEmpty)
        }
    }

    @Test func ownEntitiesExtendTheGazetteer() throws {
        try withFolder { folder in
            let store = folder + "/store"
            let entities = folder + "/mine.jsonl"
            try """
            {"name":"Omar Haddad","kind":"person","aliases_ar":["عمر حداد","حداد"],"aliases_en":["Omar Haddad"],"country":"Syria"}
            """.write(toFile: entities, atomically: true, encoding: .utf8)
            let article = folder + "/a.txt"
            try "---\npublished: 2024-05-02\n---\nوقال المحلل عمر حداد إن التعاون العسكري مستمر.\n"
                .write(toFile: article, atomically: true, encoding: .utf8)
            let run = try isnad(["ingest", "--store", store, "--entities", entities, article])
            #expect(run.status == 0, "\(run.stderr)")
            let found = try isnad(["query", "--store", store, "--format", "csv", "actor:حداد | fields actor, date, stance"])
            #expect(found.stdout == "actor,date,stance\r\nOmar Haddad,2024-05-02,assert\r\n")
            let country = try isnad(["query", "--store", store, "--format", "csv", "country:Syria | count"])
            #expect(country.stdout == "count\r\n1\r\n")
        }
    }

    @Test(.enabled(if: SharedFolder.hasCorpus, Comment(rawValue: SharedFolder.corpusMissing)))
    func evalPrintsScoresAsJSON() throws {
        let gold = SharedFolder.corpus.appendingPathComponent("seeds/gold").path
        let run = try isnad(["eval", "--gold", gold, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let scores = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [String: Double]])
        #expect(Set(scores.keys) == ["found", "actor", "actor_stance", "actor_stance_date"])
        #expect((scores["found"]?["f1"] ?? 0) > 0.9)
        let missing = try isnad(["eval", "--gold", "/nonexistent"])
        #expect(missing.status == 1)
    }
}
