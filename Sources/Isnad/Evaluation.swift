import Foundation
import IsnadIndex

/// Extraction measured against hand annotations (`../shared/corpus/seeds/gold`):
/// which gold statements were found, and with which actor, stance and date.
package struct Evaluation {
    /// A gold statement as `statements.jsonl` gives it.
    package struct Gold: Decodable, Sendable {
        package var doc: String
        package var actor: String
        package var stance: String
        package var date: String
        package var evidence: String
        package var cue: String?
    }

    /// A gold article as `docs.jsonl` gives it.
    struct Doc: Decodable {
        var doc: String
        var title: String?
        var outlet: String?
        var published: String?
        var lang: String?
    }

    package struct Score: Sendable, Equatable {
        package var truePositives: Int
        package var predicted: Int
        package var gold: Int
        package var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        package var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    package var found: Score
    package var actor: Score
    package var actorStance: Score
    package var actorStanceDate: Score
    /// Gold stance → predicted stance → count, over matched statements.
    package var confusion: [String: [String: Int]]
    package var misses: [Gold]
    package var falseAlarms: [StatementRecord]
    /// Matched pairs whose actor, stance or date differ.
    package var mismatches: [(gold: Gold, predicted: StatementRecord)]

    /// Ingests the articles `folder/docs.jsonl` names (their text from
    /// `DOC.txt` beside the folder or in it), then compares the store's
    /// statements for them with `folder/statements.jsonl`.
    package static func run(gold folder: String, store: Store) throws -> Evaluation {
        let decoder = JSONDecoder()
        func lines<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
            let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            return try data.split(separator: 0x0A).map { try decoder.decode(T.self, from: Data($0)) }
        }
        let docs = try lines("docs.jsonl", Doc.self)
        let gold = try lines("statements.jsonl", Gold.self)
        var articles: [Article] = []
        for doc in docs {
            let candidates = [(folder as NSString).appendingPathComponent(doc.doc + ".txt"),
                              ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent(doc.doc + ".txt")]
            guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
                  let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0]])
            }
            articles.append(Article(id: doc.doc, title: doc.title, source: doc.outlet, published: doc.published,
                                    lang: doc.lang, text: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        try store.ingest(articles)
        var predicted: [StatementRecord] = []
        try store.index.snapshot { txn in
            for doc in docs {
                predicted += try store.index.statements(ofArticle: doc.doc, txn: txn)
            }
        }
        return compare(gold: gold, predicted: predicted)
    }

    /// Matches each gold statement with at most one prediction from the same
    /// article whose sentence contains the gold evidence, preferring one with
    /// the same actor and stance.
    package static func compare(gold: [Gold], predicted: [StatementRecord]) -> Evaluation {
        func squeeze(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
        var used = Set<Int>()
        var pairs: [(Gold, StatementRecord)] = []
        var misses: [Gold] = []
        let sentences = predicted.map { squeeze($0.sentence ?? "") }
        for g in gold {
            let evidence = squeeze(g.evidence)
            let candidates = predicted.indices.filter {
                !used.contains($0) && predicted[$0].doc == g.doc && sentences[$0].contains(evidence)
            }
            let best = candidates.max { a, b in
                rank(g, predicted[a]) < rank(g, predicted[b]) || (rank(g, predicted[a]) == rank(g, predicted[b]) && a > b)
            }
            if let best {
                used.insert(best)
                pairs.append((g, predicted[best]))
            } else {
                misses.append(g)
            }
        }
        let n = predicted.count, total = gold.count
        func score(_ keep: (Gold, StatementRecord) -> Bool) -> Score {
            Score(truePositives: pairs.filter(keep).count, predicted: n, gold: total)
        }
        var confusion: [String: [String: Int]] = [:]
        for (g, p) in pairs { confusion[g.stance, default: [:]][p.stance.rawValue, default: 0] += 1 }
        return Evaluation(
            found: score { _, _ in true },
            actor: score { g, p in same(g.actor, p.actor) },
            actorStance: score { g, p in same(g.actor, p.actor) && g.stance == p.stance.rawValue },
            actorStanceDate: score { g, p in
                same(g.actor, p.actor) && g.stance == p.stance.rawValue && sameDate(gold: g.date, predicted: p.date)
            },
            confusion: confusion, misses: misses,
            falseAlarms: predicted.indices.filter { !used.contains($0) }.map { predicted[$0] },
            mismatches: pairs.filter { g, p in
                !same(g.actor, p.actor) || g.stance != p.stance.rawValue || !sameDate(gold: g.date, predicted: p.date)
            })
    }

    static func rank(_ g: Gold, _ p: StatementRecord) -> Int {
        (g.actor.lowercased() == p.actor.lowercased() ? 2 : 0) + (g.stance == p.stance.rawValue ? 1 : 0)
    }

    /// The same date at the gold's precision: gold `2024-09` and predicted
    /// `2024-09-06` agree.
    static func sameDate(gold: String, predicted: String) -> Bool {
        guard let g = RecordDate(gold), let p = RecordDate(predicted) else { return gold == predicted }
        let cut = RecordDate(first: p.first, precision: g.precision)
        return cut.text == g.text && (g.precision != .day || p.precision == .day)
    }

    /// The scores as one JSON object.
    package var json: String {
        func object(_ s: Score) -> String {
            String(format: "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}", s.precision, s.recall, s.f1)
        }
        return "{\"found\": \(object(found)), \"actor\": \(object(actor)), \"actor_stance\": \(object(actorStance)), "
            + "\"actor_stance_date\": \(object(actorStanceDate))}"
    }
}
