import Foundation
import IsnadExtract
import IsnadIndex
import IsnadStore
import IsnadText

/// The default gazetteer shipped with Isnad (`Resources/gazetteer.jsonl`,
/// compiled in as ``shippedGazetteer``): persons, organisations,
/// countries, outlets, places, weapons and topics.
enum DefaultGazetteer {
    static let records: [EntityRecord] = {
        let decoder = JSONDecoder()
        return Data(shippedGazetteer.utf8).split(separator: 0x0A)
            .compactMap { try? decoder.decode(EntityRecord.self, from: Data($0)) }
    }()
}

extension Store {
    /// The role that marks an entity extraction found in text (see
    /// ``newSpeakers(_:)``).
    static let discoveredRole = "found in text, not in the gazetteer"

    /// The entities of the store as extraction matches them: the shipped
    /// gazetteer and the user's entities, never the speakers found in
    /// earlier articles, so that what an article gives depends only on it
    /// and on the configured entities, not on what was ingested before or
    /// in which batches.
    func gazetteer() throws -> Gazetteer {
        var entries: [Gazetteer.Entry] = []
        try index.snapshot { txn in
            try index.forEach(EntityRecord.self, txn: txn) { _, record in
                guard record.role != Store.discoveredRole else { return }
                entries.append(
                    Gazetteer.Entry(
                        name: record.name, kind: record.kind,
                        aliases: record.aliasesAr + record.aliasesEn, country: record.country,
                        role: record.role, gender: record.gender))
            }
        }
        return Gazetteer(entries)
    }

    /// Provisional entities for the speakers extraction named without
    /// knowing them (people and institutions): their kind, and the name as
    /// written as their alias in its script (so the cross-script key finds
    /// a person too).
    static func newSpeakers(_ extractions: [Extraction]) -> [EntityRecord] {
        var seen: Set<String> = []
        return extractions.compactMap { e in
            guard let kind = e.newActorKind, seen.insert(e.actor).inserted else { return nil }
            let arabic = e.actor.unicodeScalars.contains { (0x600...0x6FF).contains($0.value) }
            return EntityRecord(
                name: e.actor, kind: kind, aliasesAr: arabic ? [e.actor] : [], aliasesEn: arabic ? [] : [e.actor],
                role: Store.discoveredRole)
        }
    }

    /// A found person named in Arabic, with the Latin spelling English news
    /// would give ("Samer al-Khatib") as an alias. Worked out only for a
    /// record about to be written: it is the dearest part of a new speaker.
    static func withLatinAlias(_ speaker: EntityRecord) -> EntityRecord {
        guard speaker.kind == "person", speaker.aliasesEn.isEmpty, let latin = LatinName.rendering(of: speaker.name) else {
            return speaker
        }
        var record = speaker
        record.aliasesEn = [latin]
        return record
    }

    /// The statement records of one article's extractions: ids `KEY:1`,
    /// `KEY:2`, … in text order.
    static func statements(of article: ArticleRecord, _ extractions: [Extraction]) -> [StatementRecord] {
        extractions.enumerated().compactMap { n, e in
            guard let stance = IsnadIndex.Stance(rawValue: e.stance) else { return nil }
            var record = StatementRecord(
                id: "\(article.key):\(n + 1)", doc: article.key, actor: e.actor, stance: stance,
                date: e.date?.text ?? "", quote: e.quote, about: e.about,
                sentence: e.sentence, cue: e.cue)
            record.spans = StatementSpans(sentence: e.sentenceSpan, cue: e.cueSpan, actor: e.actorSpan, quote: e.quoteSpan)
            record.dateBasis = e.dateBasis.rawValue
            record.stanceBasis = e.stanceBasis.map { basis in
                StanceBasisRecord(
                    rule: basis.rule.rawValue, signal: basis.signal, spans: basis.spans.flatMap { [$0.lowerBound, $0.upperBound] })
            }
            return record
        }
    }
}
