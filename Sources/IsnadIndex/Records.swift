import Foundation
import IsnadStore

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

    enum CodingKeys: String, CodingKey {
        case id, doc, actor, stance, date, quote, about, sentence, cue, spans
        case dateBasis = "date_basis"
    }

    package init(id: String, doc: String, actor: String, stance: Stance, date: String, quote: String,
                 about: [String] = [], sentence: String? = nil, cue: String? = nil) {
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

    package init(name: String, kind: String?, aliasesAr: [String] = [], aliasesEn: [String] = [],
                 country: String? = nil, role: String? = nil) {
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

/// A date as records carry it: its first day and how much it covers.
package struct RecordDate: Hashable, Sendable {
    package var first: DayNumber
    package var precision: PartialDate.Precision

    package init?(_ text: String) {
        // Records nearly always write YYYY-MM-DD, YYYY-MM or YYYY: read those
        // bytes directly (every record is checked on import, then indexed).
        if let attempt = text.utf8.withContiguousStorageIfAvailable(RecordDate.canonical), let canonical = attempt {
            guard let canonical else { return nil }
            self = canonical
            return
        }
        guard text.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
              case .success(let date) = PartialDate.parse(text) else { return nil }
        first = date.first
        precision = date.precision
    }

    /// The date of `text` when `text` is written as ``text`` writes it
    /// (`2022`, `2022-02`, `2022-02-16`), else nil. Formatting the date to
    /// compare was a tenth of reading a statement line.
    package static func canonical(_ text: String) -> RecordDate? {
        if let attempt = text.utf8.withContiguousStorageIfAvailable(RecordDate.canonical) {
            // Fixed-width digits of a valid date are the canonical text.
            return attempt ?? nil
        }
        guard let date = RecordDate(text), date.text == text else { return nil }
        return date
    }

    /// nil? when the bytes are not in a canonical form (the general parser
    /// decides); nil inside when they are but name no date.
    private static func canonical(_ b: UnsafeBufferPointer<UInt8>) -> RecordDate?? {
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard b.count == 4 || b.count == 7 || b.count == 10, let year = digits(0..<4) else { return .none }
        if b.count == 4 {
            guard year >= 1, let first = DayNumber(year: year, month: 1, day: 1) else { return .some(nil) }
            return RecordDate(first: first, precision: .year)
        }
        guard b[4] == 0x2D, let month = digits(5..<7) else { return .none }
        if b.count == 7 {
            guard year >= 1, (1...12).contains(month), let first = DayNumber(year: year, month: month, day: 1) else {
                return .some(nil)
            }
            return RecordDate(first: first, precision: .month)
        }
        guard b[7] == 0x2D, let day = digits(8..<10) else { return .none }
        guard year >= 1, (1...12).contains(month), let first = DayNumber(year: year, month: month, day: day) else {
            return .some(nil)
        }
        return RecordDate(first: first, precision: .day)
    }

    package init(first: DayNumber, precision: PartialDate.Precision) {
        self.first = first
        self.precision = precision
    }

    /// The last day the date covers.
    package var last: DayNumber {
        let (y, m, _) = first.date
        switch precision {
        case .day: return first
        case .month: return DayNumber(year: y, month: m, day: DayNumber.daysIn(month: m, year: y)) ?? first
        case .year: return DayNumber(year: y, month: 12, day: 31) ?? first
        }
    }

    /// As written in records: `2022`, `2022-10` or `2022-10-05`.
    package var text: String {
        let (y, m, _) = first.date
        switch precision {
        case .year: return String(format4: y)
        case .month: return String(format4: y) + "-" + String(format2: m)
        case .day: return first.description
        }
    }
}
