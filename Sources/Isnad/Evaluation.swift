import Foundation
import IsnadIndex
import IsnadText
import IsnadVocabulary

/// Extraction measured against hand annotations (`../shared/corpus/seeds/gold`):
/// which gold statements were found, and with which actor, stance and date.
package struct Evaluation {
    /// A gold statement as `statements.jsonl` gives it.
    package struct Gold: Decodable, Sendable {
        package var doc: String
        package var actor: String
        package var stance: String
        /// Nil (`"date": null`): the text gives no date, so none is scored.
        package var date: String?
        package var evidence: String
        package var cue: String?
        /// The actor as the text writes it (`actor_native`, or the seeds'
        /// `actor_ar`): a speaker found without a gazetteer entry is named so.
        package var native: String?
        /// The article's language, from `docs.jsonl`.
        package var lang: String?
        /// False for a described speaker ("unnamed US official"), which only
        /// an equal description matches.
        package var named: Bool?

        enum CodingKeys: String, CodingKey {
            case doc, actor, stance, date, evidence, cue, named
            case native = "actor_native"
            case arabic = "actor_ar"
        }

        package init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            doc = try c.decode(String.self, forKey: .doc)
            actor = try c.decode(String.self, forKey: .actor)
            stance = try c.decode(String.self, forKey: .stance)
            date = try c.decodeIfPresent(String.self, forKey: .date)
            evidence = try c.decode(String.self, forKey: .evidence)
            cue = try c.decodeIfPresent(String.self, forKey: .cue)
            named = try c.decodeIfPresent(Bool.self, forKey: .named)
            native = try c.decodeIfPresent(String.self, forKey: .native) ?? c.decodeIfPresent(String.self, forKey: .arabic)
        }
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
    /// The same scores for the articles of each language (`ar`, `en`), by
    /// the `lang` of `docs.jsonl`.
    package var languages: [String: Evaluation] = [:]
    /// Gold stance → predicted stance → count, over matched statements.
    package var confusion: [String: [String: Int]]
    package var misses: [Gold]
    package var falseAlarms: [StatementRecord]
    /// Matched pairs whose actor, stance or date differ.
    package var mismatches: [(gold: Gold, predicted: StatementRecord)]
    /// The other names of each predicted actor the store knows (its
    /// entity's aliases): "IRGC" is also "Islamic Revolutionary Guard
    /// Corps" and "الحرس الثوري".
    package var aliases: [String: [String]] = [:]

    /// Whether a matched prediction names the gold's actor, by its name or
    /// one of its entity's aliases (``sameActor(_:_:aliases:)``).
    package func isSameActor(_ g: Gold, _ predicted: String) -> Bool {
        Self.sameActor(g, predicted, aliases: aliases[predicted] ?? [])
    }

    /// ``run(gold:store:)`` over several gold folders at once, scored as one
    /// set (document names must not repeat across them).
    package static func run(gold folders: [String], store: Store) throws -> Evaluation {
        var gold: [Gold] = []
        var predicted: [StatementRecord] = []
        var languages: [String: String] = [:]
        for folder in folders {
            let (g, p, l) = try load(gold: folder, store: store)
            gold += g
            predicted += p
            languages.merge(l) { a, _ in a }
        }
        var aliases: [String: [String]] = [:]
        try store.index.snapshot { txn in
            for name in Set(predicted.map(\.actor)) {
                guard let id = try store.index.entityID(named: name, txn: txn),
                    let entity = try store.index.entity(id, txn: txn)
                else { continue }
                aliases[name] = entity.aliasesAr + entity.aliasesEn
            }
        }
        return compare(gold: gold, predicted: predicted, languages: languages, aliases: aliases)
    }

    /// Ingests the articles `folder/docs.jsonl` names (their text from
    /// `DOC.txt` beside the folder or in it), then compares the store's
    /// statements for them with `folder/statements.jsonl`.
    package static func run(gold folder: String, store: Store) throws -> Evaluation {
        try run(gold: [folder], store: store)
    }

    /// The gold statements of one folder, each with its article's language,
    /// and what the store extracted from those articles.
    static func load(gold folder: String, store: Store) throws
        -> (gold: [Gold], predicted: [StatementRecord], languages: [String: String])
    {
        let decoder = JSONDecoder()
        func lines<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
            let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            return try data.split(separator: 0x0A).map { try decoder.decode(T.self, from: Data($0)) }
        }
        let docs = try lines("docs.jsonl", Doc.self)
        var gold = try lines("statements.jsonl", Gold.self)
        var articles: [Article] = []
        var languages: [String: String] = [:]
        for doc in docs {
            let candidates = [
                (folder as NSString).appendingPathComponent(doc.doc + ".txt"),
                ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent(doc.doc + ".txt"),
            ]
            guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
                let text = try? String(contentsOfFile: path, encoding: .utf8)
            else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0]])
            }
            languages[doc.doc] = doc.lang
            articles.append(
                Article(
                    id: doc.doc, title: doc.title, source: doc.outlet, published: doc.published,
                    lang: doc.lang, text: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        for n in gold.indices { gold[n].lang = languages[gold[n].doc] }
        try store.ingest(articles)
        var predicted: [StatementRecord] = []
        try store.index.snapshot { txn in
            for doc in docs {
                predicted += try store.index.statements(ofArticle: doc.doc, txn: txn)
            }
        }
        return (gold, predicted, languages)
    }

    /// Matches each gold statement with at most one prediction from the same
    /// article whose sentence contains the gold evidence, preferring one with
    /// the same actor and stance. `languages` maps documents to their
    /// language for the per-language scores (from the gold when not given).
    package static func compare(
        gold: [Gold], predicted: [StatementRecord], languages: [String: String] = [:], aliases: [String: [String]] = [:]
    ) -> Evaluation {
        var whole = compareOne(gold: gold, predicted: predicted, aliases: aliases)
        var language = languages
        for g in gold { if let lang = g.lang, language[g.doc] == nil { language[g.doc] = lang } }
        for lang in Set(language.values) {
            whole.languages[lang] = compareOne(
                gold: gold.filter { $0.lang == lang },
                predicted: predicted.filter { language[$0.doc] == lang }, aliases: aliases)
        }
        return whole
    }

    private static func compareOne(gold: [Gold], predicted: [StatementRecord], aliases: [String: [String]]) -> Evaluation {
        func sameActor(_ g: Gold, _ p: String) -> Bool { Self.sameActor(g, p, aliases: aliases[p] ?? []) }
        func rank(_ g: Gold, _ p: StatementRecord) -> Int {
            (sameActor(g, p.actor) ? 2 : 0) + (g.stance == p.stance.rawValue ? 1 : 0)
        }
        func squeeze(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var used = Set<Int>()
        var pairs: [(Gold, StatementRecord)] = []
        var misses: [Gold] = []
        let sentences = predicted.map { squeeze($0.sentence ?? "") }
        var byDoc: [String: [Int]] = [:]
        for k in predicted.indices { byDoc[predicted[k].doc, default: []].append(k) }
        for g in gold {
            let evidence = squeeze(g.evidence)
            let candidates = (byDoc[g.doc] ?? []).filter { !used.contains($0) && sentences[$0].contains(evidence) }
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
        let n = predicted.count
        let total = gold.count
        func score(_ keep: (Gold, StatementRecord) -> Bool) -> Score {
            Score(truePositives: pairs.filter(keep).count, predicted: n, gold: total)
        }
        var confusion: [String: [String: Int]] = [:]
        for (g, p) in pairs { confusion[g.stance, default: [:]][p.stance.rawValue, default: 0] += 1 }
        var evaluation = Evaluation(
            found: score { _, _ in true },
            actor: score { g, p in sameActor(g, p.actor) },
            actorStance: score { g, p in sameActor(g, p.actor) && g.stance == p.stance.rawValue },
            actorStanceDate: score { g, p in
                sameActor(g, p.actor) && g.stance == p.stance.rawValue && sameDate(gold: g.date, predicted: p.date)
            },
            confusion: confusion, misses: misses,
            falseAlarms: predicted.indices.filter { !used.contains($0) }.map { predicted[$0] },
            mismatches: pairs.filter { g, p in
                !sameActor(g, p.actor) || g.stance != p.stance.rawValue || !sameDate(gold: g.date, predicted: p.date)
            })
        evaluation.aliases = aliases
        return evaluation
    }

    /// The gold actor and a predicted one are the same: equal to the
    /// canonical name or to the form the text uses, or, for named actors,
    /// a name key that meets either (``NameKey``: `Lazzarini`, `لازاريني`
    /// and `Philippe Lazzarini` meet). Described speakers must be equal
    /// as descriptions: case, a leading article or "unnamed", and the full
    /// stops of abbreviations aside ("a U.N. source", "unnamed UN source").
    /// A named gold actor also matches an alias of the predicted actor's
    /// entity.
    package static func sameActor(_ g: Gold, _ predicted: String, aliases: [String] = []) -> Bool {
        func same(_ a: String, _ b: String) -> Bool { described(a) == described(b) }
        if same(g.actor, predicted) || g.native.map({ same($0, predicted) }) == true { return true }
        if g.named != false,
            aliases.contains(where: { alias in same(g.actor, alias) || g.native.map({ same($0, alias) }) == true })
        {
            return true
        }
        guard g.named != false, !predicted.hasPrefix("unnamed") else { return false }
        let key = NameKey(predicted)
        return [g.actor, g.native].compactMap { $0 }.contains { NameKey($0).meets(key) }
    }

    /// A speaker's words as a description: lowercase, without a leading
    /// article or "unnamed", full stops or the curly apostrophe.
    static func described(_ name: String) -> String {
        var words = name.lowercased().replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "\u{2019}", with: "'")
            .split(separator: " ")
        while let first = words.first, words.count > 1, ["unnamed", "the", "a", "an"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The same date at the gold's precision: gold `2024-09` and predicted
    /// `2024-09-06` agree.
    package static func sameDate(gold: String?, predicted: String) -> Bool {
        guard let gold else { return true }
        guard let g = RecordDate(gold), let p = RecordDate(predicted) else { return gold == predicted }
        let cut = RecordDate(first: p.first, precision: g.precision)
        return cut.text == g.text && (g.precision != .day || p.precision == .day)
    }

    /// The scores as one JSON object.
    package var json: String {
        func object(_ s: Score) -> String {
            String(format: "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}", s.precision, s.recall, s.f1)
        }
        let scores =
            "\"found\": \(object(found)), \"actor\": \(object(actor)), \"actor_stance\": \(object(actorStance)), "
            + "\"actor_stance_date\": \(object(actorStanceDate))"
        // Per language when there are several ("languages": {"ar": …, "en": …}).
        let perLanguage =
            languages.count < 2 ? [] : languages.keys.sorted().compactMap { lang in languages[lang].map { "\"\(lang)\": \($0.json)" } }
        return "{" + scores + (perLanguage.isEmpty ? "" : ", \"languages\": {" + perLanguage.joined(separator: ", ") + "}") + "}"
    }
}
