import Foundation

/// A statement as stored and exported: the fields of `statements.jsonl`
/// (see `../shared/tools/README.md`), plus what extraction adds.
package struct StatementRecord: Codable, Hashable, Sendable {
    /// The caller's id (`s00000001`).
    package var id: String
    /// The article's id.
    package var doc: String
    /// The actor's name as given; resolved to an entity on import.
    package var actor: String
    package var stance: Stance
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    package var date: String
    package var quote: String
    /// Names of what the statement is about.
    package var about: [String]
    /// The sentence around the quote, when known (extraction records it).
    package var sentence: String?
    /// The words that carry the attribution (قال, نفى, denied).
    package var cue: String?
    /// Where the date came from: explicit, relative or article.
    package var dateBasis: String?
    /// Byte ranges in the article's text, so every answer can be checked
    /// against its source.
    package var spans: StatementSpans?
    /// What decided the stance, when extraction recorded it.
    package var stanceBasis: StanceBasisRecord?

    enum CodingKeys: String, CodingKey {
        case id, doc, actor, stance, date, quote, about, sentence, cue, spans
        case dateBasis = "date_basis"
        case stanceBasis = "stance_basis"
    }

    package init(
        id: String, doc: String, actor: String, stance: Stance, date: String, quote: String,
        about: [String] = [], sentence: String? = nil, cue: String? = nil
    ) {
        self.id = id
        self.doc = doc
        self.actor = actor
        self.stance = stance
        self.date = date
        self.quote = quote
        self.about = about
        self.sentence = sentence
        self.cue = cue
    }
}

/// What decided a statement's stance: `rule` is `cue` (the verb's own),
/// `content` (words in what was said), `performative` (a first-person act
/// in the quotation) or `media` (the speaker is an outlet); `signal` names
/// what the words were read as ("a denial"), empty for a cue's own stance;
/// `spans` are the deciding words' UTF-8 byte ranges in the article, as
/// start, end pairs.
package struct StanceBasisRecord: Codable, Hashable, Sendable {
    package var rule: String
    package var signal: String
    package var spans: [Int]

    package init(rule: String, signal: String, spans: [Int]) {
        self.rule = rule
        self.signal = signal
        self.spans = spans
    }

    /// `spans` as ranges (a pair that is no range is left out).
    package var ranges: [Range<Int>] {
        stride(from: 0, to: spans.count - 1, by: 2).compactMap { k in spans[k] <= spans[k + 1] ? spans[k]..<spans[k + 1] : nil }
    }

    /// The deciding words, cut from `sentence` (which starts at byte
    /// `start` of the article); words outside it are left out.
    package func words(in sentence: String, from start: Int) -> [String] {
        let bytes = Array(sentence.utf8)
        return ranges.compactMap { range in
            let (a, b) = (range.lowerBound - start, range.upperBound - start)
            guard a >= 0, b <= bytes.count else { return nil }
            return String(decoding: bytes[a..<b], as: UTF8.self)
        }
    }
}

extension StatementRecord {
    /// The words that decided the stance, as the sentence writes them;
    /// none without a sentence and its place in the article.
    package var stanceWords: [String] {
        guard let basis = stanceBasis, let sentence, let start = spans?.sentence.first else { return [] }
        return basis.words(in: sentence, from: start)
    }
}

/// Where a statement sits in its article: UTF-8 byte ranges `[start, end)`.
package struct StatementSpans: Codable, Hashable, Sendable {
    package var sentence: [Int]
    package var cue: [Int]
    package var actor: [Int]?
    package var quote: [Int]?

    package init(sentence: Range<Int>, cue: Range<Int>, actor: Range<Int>?, quote: Range<Int>?) {
        self.sentence = [sentence.lowerBound, sentence.upperBound]
        self.cue = [cue.lowerBound, cue.upperBound]
        self.actor = actor.map { [$0.lowerBound, $0.upperBound] }
        self.quote = quote.map { [$0.lowerBound, $0.upperBound] }
    }
}

/// An entity as stored and exported: the fields of `entities.jsonl`, plus
/// the optional `country` (the affiliation, by name) and `role`.
package struct EntityRecord: Codable, Hashable, Sendable {
    /// The canonical name; an entity's identity in files.
    package var name: String
    /// person, org, country, media, place, weapon, topic, anon, outlet, …
    /// (an open set); nil for names met only as actors or topics.
    package var kind: String?
    package var aliasesAr: [String]
    package var aliasesEn: [String]
    package var country: String?
    package var role: String?
    /// "female" or "male" for persons, when known: Arabic verbs agree with
    /// their speaker, so pronouns are resolved by it.
    package var gender: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, country, role, gender
        case aliasesAr = "aliases_ar"
        case aliasesEn = "aliases_en"
    }

    package init(
        name: String, kind: String?, aliasesAr: [String] = [], aliasesEn: [String] = [],
        country: String? = nil, role: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.aliasesAr = aliasesAr
        self.aliasesEn = aliasesEn
        self.country = country
        self.role = role
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        aliasesAr = try c.decodeIfPresent([String].self, forKey: .aliasesAr) ?? []
        aliasesEn = try c.decodeIfPresent([String].self, forKey: .aliasesEn) ?? []
        country = try c.decodeIfPresent(String.self, forKey: .country)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        gender = try c.decodeIfPresent(String.self, forKey: .gender)
    }

    /// The record exactly as ``RecordCoding/encoder()`` writes it (keys
    /// sorted, nil fields left out, empty alias lists kept), built straight
    /// into bytes as ``ArticleRecord/storedJSON()`` is; a test holds them
    /// to JSONEncoder's.
    package func storedJSON() -> Data {
        var line = JSONLine(escapes: .encoder, capacity: 128)
        line.add("aliases_ar", aliasesAr)
        line.add("aliases_en", aliasesEn)
        line.add("country", country)
        line.add("gender", gender)
        line.add("kind", kind)
        line.add("name", name)
        line.add("role", role)
        return line.data
    }

    /// Every name the entity goes by, the canonical one first.
    package var allNames: [String] {
        var seen: Set<String> = []
        return ([name] + aliasesEn + aliasesAr).filter { seen.insert($0).inserted }
    }
}
