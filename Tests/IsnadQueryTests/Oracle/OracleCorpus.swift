import Foundation
import IsnadIndex
import IsnadText

/// A generated corpus (`gencorpus.py`), augmented so that every field has
/// values to find: countries on actors, cited outlets on articles,
/// month- and year-dated statements, sentences around some quotes, and
/// replacement versions of some statements for a second import.
struct OracleCorpus {
    var entities: [EntityRecord] = []
    var articles: [ArticleRecord] = []
    var statements: [StatementRecord] = []
    /// New versions of some statements (same ids, other content).
    var replacements: [StatementRecord] = []
    var folder: URL

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tools = repository.deletingLastPathComponent().appendingPathComponent("shared/tools")

    /// Runs gencorpus.py into a temporary folder and augments its records.
    static func generate(docs: Int, seed: Int) throws -> OracleCorpus {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("isnad-oracle-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tools.appendingPathComponent("gencorpus.py").path,
                             "--docs", String(docs), "--seed", String(seed), "--out", folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "gencorpus.py failed"])
        }
        var corpus = OracleCorpus(folder: folder)
        let decoder = JSONDecoder()
        func lines(_ name: String) throws -> [Data] {
            try Data(contentsOf: folder.appendingPathComponent(name)).split(separator: 0x0A).map { Data($0) }
        }
        corpus.entities = try lines("entities.jsonl").map { try decoder.decode(EntityRecord.self, from: $0) }
        corpus.articles = try lines("articles.jsonl").map { try decoder.decode(ArticleRecord.self, from: $0) }
        corpus.statements = try lines("statements.jsonl").map { try decoder.decode(StatementRecord.self, from: $0) }
        corpus.augment()
        return corpus
    }

    /// Deterministic choices from a string, so reruns build the same corpus.
    static func pick(_ text: String, _ salt: UInt64, _ n: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(h % UInt64(n))
    }

    mutating func augment() {
        let countries = ["Iran", "Russia", "Ukraine", "United States", "United Kingdom", "China", "Israel"]
        for i in entities.indices where ["person", "org", "anon"].contains(entities[i].kind ?? "") {
            let k = OracleCorpus.pick(entities[i].name, 1, 10)
            if k < countries.count { entities[i].country = countries[k] }
        }
        let outlets = entities.filter { $0.kind == "outlet" }.map(\.name) + ["Unlisted Bulletin"]
        for i in articles.indices {
            let key = articles[i].key
            let k = OracleCorpus.pick(key, 2, 4)
            if k < 2 {
                articles[i].cites = [outlets[OracleCorpus.pick(key, 3, outlets.count)]]
                if k == 0 { articles[i].cites?.append(outlets[OracleCorpus.pick(key, 4, outlets.count)]) }
            }
            if OracleCorpus.pick(articles[i].key, 5, 10) == 0 { articles[i].lang = "en" }
        }
        for i in statements.indices {
            let k = OracleCorpus.pick(statements[i].id, 6, 100)
            if k < 3 { statements[i].date = String(statements[i].date.prefix(7)) }
            if k == 3 { statements[i].date = String(statements[i].date.prefix(4)) }
            if OracleCorpus.pick(statements[i].id, 7, 5) == 0 {
                statements[i].sentence = statements[OracleCorpus.pick(statements[i].id, 8, statements.count)].quote
            }
        }
        let stances = Stance.allCases
        for i in statements.indices where OracleCorpus.pick(statements[i].id, 9, 20) == 0 {
            var s = statements[i]
            s.stance = stances[OracleCorpus.pick(s.id, 10, stances.count)]
            s.quote = statements[OracleCorpus.pick(s.id, 11, statements.count)].quote
            s.about = Array(s.about.prefix(1)) + ["drones"]
            replacements.append(s)
        }
    }

    /// Writes records as JSON Lines.
    func write(_ records: [some Encodable], to name: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// The statements after the replacements.
    var finalStatements: [StatementRecord] {
        let replaced = Dictionary(replacements.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        return statements.map { replaced[$0.id] ?? $0 }
    }
}
