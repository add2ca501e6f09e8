import Foundation
import IsnadIndex
import IsnadText
import SyntheticCorpus

/// A generated corpus (``SyntheticCorpus``, Arabic and English articles,
/// some of them replaced by a later version with the same id), augmented
/// so that every field has values to find: countries on actors, cited
/// outlets on articles, month- and year-dated statements, sentences around
/// some quotes, and replacement versions of some statements for a second
/// import.
struct OracleCorpus {
    var entities: [EntityRecord] = []
    /// The articles as they finally stand, one per id.
    var articles: [ArticleRecord] = []
    /// Earlier versions of some articles (same ids as later ones in `articles`).
    var revisions: [ArticleRecord] = []
    var statements: [StatementRecord] = []
    /// New versions of some statements (same ids, other content).
    var replacements: [StatementRecord] = []
    var folder: URL

    /// The lines of an articles file that holds some ids twice: the
    /// earlier versions first, so that the later ones replace them.
    var articleLines: [ArticleRecord] { revisions + articles }

    /// Generates the corpus in memory, read back through the store's own
    /// record types (as the importer would read the files), and augments
    /// it; `folder` is a fresh temporary folder for its files and stores.
    static func generate(docs: Int, seed: Int) throws -> OracleCorpus {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("isnad-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generated = SyntheticCorpus.generate(docs: docs, seed: UInt64(seed))
        var corpus = OracleCorpus(folder: folder)
        let decoder = JSONDecoder()
        func records<R: Decodable>(_ items: [some Encodable], as: R.Type) throws -> [R] {
            try SyntheticCorpus.jsonLines(items).split(separator: 0x0A).map { try decoder.decode(R.self, from: Data($0)) }
        }
        corpus.entities = try records(generated.entities, as: EntityRecord.self)
        corpus.articles = try records(generated.articles, as: ArticleRecord.self)
        corpus.revisions = try records(generated.revisions, as: ArticleRecord.self)
        corpus.statements = try records(generated.statements, as: StatementRecord.self)
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
        }
        // Earlier versions cite something else, which their replacement drops.
        for i in revisions.indices {
            revisions[i].cites = [outlets[OracleCorpus.pick(revisions[i].key, 12, outlets.count)]]
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
        let url = folder.appendingPathComponent(name)
        try SyntheticCorpus.jsonLines(records).write(to: url)
        return url.path
    }

    /// The statements after the replacements.
    var finalStatements: [StatementRecord] {
        let replaced = Dictionary(replacements.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        return statements.map { replaced[$0.id] ?? $0 }
    }
}
