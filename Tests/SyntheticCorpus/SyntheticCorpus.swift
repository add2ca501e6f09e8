import Foundation
import IsnadVocabulary

/// A synthetic news corpus in the JSON Lines format `isnad import` reads:
/// Arabic and English articles, every attributed statement in them (the
/// ground truth), and the entities they name.
///
/// The output is a pure function of the arguments: the same bytes on every
/// machine and run (its own seeded generator, no hashing or set order).
/// Articles are Arabic four times in five, English otherwise; about one in
/// twenty-five has an earlier version with the same id, which the later one
/// replaces (`revisions`, written first in `articles.jsonl`). Arabic text
/// carries the surface noise of real news (diacritics, tatweel, hamza and
/// final-letter variants, clitics, Arabic-Indic and Persian digits, Persian
/// letters) so that normalisation and stemming are exercised.
package struct SyntheticCorpus: Sendable {
    package struct Article: Codable, Hashable, Sendable {
        package var id: String
        package var source: String
        package var url: String
        package var published: String
        package var lang: String
        package var title: String
        package var text: String
    }

    package struct Statement: Codable, Hashable, Sendable {
        package var id: String
        package var doc: String
        /// The actor's canonical name.
        package var actor: String
        package var stance: String
        /// `YYYY-MM-DD`.
        package var date: String
        /// Exactly the text between the quotation marks in the article.
        package var quote: String
        /// Canonical names of the topics and places the statement is about.
        package var about: [String]
    }

    package struct Entity: Codable, Hashable, Sendable {
        package var name: String
        /// person, org, anon, outlet, topic or place.
        package var kind: String
        package var aliasesAr: [String]
        package var aliasesEn: [String]

        enum CodingKeys: String, CodingKey {
            case name, kind
            case aliasesAr = "aliases_ar"
            case aliasesEn = "aliases_en"
        }
    }

    package var entities: [Entity] = []
    /// The articles as they finally stand, one per id, in id order.
    package var articles: [Article] = []
    /// Earlier versions of some articles, each replaced by the article of
    /// the same id in `articles`.
    package var revisions: [Article] = []
    package var statements: [Statement] = []

    /// The lines of `articles.jsonl`: the earlier versions, then every
    /// article as it finally stands.
    package var articleLines: [Article] { revisions + articles }

    package static func generate(docs: Int, seed: UInt64, people: Int = 1500) -> SyntheticCorpus {
        var generator = Generator(seed: seed, people: people)
        return generator.corpus(docs: docs)
    }

    /// Writes `entities.jsonl`, `articles.jsonl`, `statements.jsonl` and a
    /// `manifest.json` with the arguments and counts into `folder`.
    package func write(to folder: URL, docs: Int, seed: UInt64) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.jsonLines(entities).write(to: folder.appendingPathComponent("entities.jsonl"))
        try Self.jsonLines(articleLines).write(to: folder.appendingPathComponent("articles.jsonl"))
        try Self.jsonLines(statements).write(to: folder.appendingPathComponent("statements.jsonl"))
        let manifest = """
            {"generator":"SyntheticCorpus","docs":\(docs),"seed":\(seed),"articles":\(articles.count),\
            "revisions":\(revisions.count),"statements":\(statements.count),"entities":\(entities.count)}

            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
    }

    /// Records as JSON Lines, keys sorted, slashes and non-ASCII unescaped.
    package static func jsonLines(_ records: [some Encodable]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return data
    }
}

/// SplitMix64, so that a corpus (and any test that draws from it) depends
/// on its seed alone; the one seeded generator of the tests.
package struct SeededGenerator: RandomNumberGenerator {
    package var state: UInt64

    package init(state: UInt64) { self.state = state }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }
}

/// Picks an index in proportion to its weight.
struct WeightedPick {
    private var cumulative: [Double] = []

    init(_ weights: [Double]) {
        var sum = 0.0
        for w in weights {
            sum += max(0, w)
            cumulative.append(sum)
        }
    }

    func index(_ random: inout SeededGenerator) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let x = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// A speaker as the generator uses it.
struct Speaker {
    var name: String
    var kind: String
    var arabic: [String]
    var latin: [String]
    var roleAr: String
    var roleEn: String
    var female: Bool
    var stances: WeightedPick
    /// For outlets, the Arabic type word (صحيفة, وكالة…).
    var outletType = ""
}

struct Generator {
    var random: SeededGenerator
    var speakers: [Speaker] = []
    var speakerPick = WeightedPick([])
    var outletPick = WeightedPick([])
    var topicPick = WeightedPick([])
    var placePick = WeightedPick([])
    var wordPickAr = WeightedPick([])
    var wordsAr: [String] = []
    var wordPickEn = WeightedPick([])
    var entities: [SyntheticCorpus.Entity] = []

    /// The first day of the corpus (2015-01-01) as days since 1970-01-01.
    static let firstDay = 16436
    static let dayCount = 4322  // to 2026-10-31
    /// Busy periods: (days after the first day, spread in days, share of articles).
    static let bursts: [(Int, Int, Double)] = [
        (2836, 30, 0.10), (2846, 20, 0.12), (3540, 12, 0.08),
        (1953, 10, 0.05), (3823, 15, 0.05),
    ]

    init(seed: UInt64, people: Int) {
        random = SeededGenerator(state: seed &* 0x2545_F491_4F6C_DD1D ^ 0x1234_5678)
        buildSpeakers(people: people)
        buildVocabulary()
        outletPick = WeightedPick(Lexicon.outlets.map(\.weight))
        topicPick = WeightedPick(Lexicon.topics.indices.map { 1.0 / Double($0 + 2) })
        placePick = WeightedPick(Lexicon.places.indices.map { 1.0 / Double($0 + 1) })
    }

    func stancePick(_ leaning: [(String, Double)]) -> WeightedPick {
        WeightedPick(
            zip(Lexicon.stances, Lexicon.stanceWeights).map { stance, weight in
                weight * (leaning.first { $0.0 == stance }?.1 ?? 1)
            })
    }

    mutating func buildSpeakers(people: Int) {
        var weights: [Double] = []
        for (i, p) in Lexicon.persons.enumerated() {
            speakers.append(
                Speaker(
                    name: p.name, kind: "person", arabic: p.arabic, latin: p.latin, roleAr: p.roleAr,
                    roleEn: p.roleEn, female: p.female, stances: stancePick(p.leaning)))
            // Zipf-like, the first (John Kirby) quoted most: about one
            // statement in ten.
            weights.append(i == 0 ? 50 : 60.0 / Double(i + 2))
        }
        for g in Lexicon.groups {
            speakers.append(
                Speaker(
                    name: g.name, kind: g.kind, arabic: g.arabic, latin: g.latin, roleAr: "", roleEn: "",
                    female: g.female, stances: stancePick([])))
            weights.append(4)
        }
        for o in Lexicon.outlets {
            var report = Lexicon.stanceWeights.map { _ in 0.0 }
            report[Lexicon.stances.count - 1] = 1
            speakers.append(
                Speaker(
                    name: o.name, kind: "outlet", arabic: [o.arabic], latin: [o.name], roleAr: "",
                    roleEn: "", female: o.type != "موقع", stances: WeightedPick(report), outletType: o.type))
            weights.append(o.weight / 2)
        }
        // Generated people, unique by name, most of them rarely quoted.
        var seen = Set(speakers.map(\.name))
        let originPick = WeightedPick(Lexicon.origins.map(\.weight))
        var made = 0
        var attempts = 0
        while made < people && attempts < people * 20 {
            attempts += 1
            let origin = Lexicon.origins[originPick.index(&random)]
            let female = random.chance(0.2)
            let given = random.pick(female ? origin.female : origin.male)
            let family = random.pick(origin.family)
            let name = given.1 + " " + family.1
            guard seen.insert(name).inserted else { continue }
            let country = Lexicon.places[random.pick(origin.countries)]
            let role = random.pick(Lexicon.roles)
            let roleAr = (female ? role.1 : role.0).replacingOccurrences(of: "{M}", with: country.adjM)
                .replacingOccurrences(of: "{F}", with: country.adjF)
            let roleEn = role.2.replacingOccurrences(of: "{C}", with: country.english[0])
            let leaning = [(random.pick(Lexicon.stances.dropLast().map { $0 }), 1.0 + 3 * random.unit())]
            speakers.append(
                Speaker(
                    name: name, kind: "person", arabic: [given.0 + " " + family.0, family.0],
                    latin: [name, family.1], roleAr: roleAr, roleEn: roleEn, female: female,
                    stances: stancePick(leaning)))
            weights.append(3.0 / Double(made / 8 + 3))
            made += 1
        }
        speakerPick = WeightedPick(weights)
        for s in speakers {
            entities.append(.init(name: s.name, kind: s.kind, aliasesAr: s.arabic, aliasesEn: s.latin))
        }
        for t in Lexicon.topics {
            entities.append(.init(name: t.name, kind: "topic", aliasesAr: t.arabic, aliasesEn: t.english))
        }
        for p in Lexicon.places {
            entities.append(.init(name: p.name, kind: "place", aliasesAr: p.arabic, aliasesEn: p.english))
        }
    }

    // MARK: - Words

    /// Arabic surface forms: each word, its forms with clitics, and
    /// spelling variants, weighted by rank.
    mutating func buildVocabulary() {
        var forms: [String] = []
        var weights: [Double] = []
        var seen: Set<String> = []
        func add(_ form: String, _ weight: Double) {
            guard form.count >= 2, seen.insert(form).inserted else { return }
            forms.append(form)
            weights.append(weight)
        }
        for (rank, word) in Lexicon.arabicWords.enumerated() {
            let w = 10.0 / Double(rank + 10)
            add(word, w)
            if Lexicon.particles.contains(word) {
                add("و" + word, w * 0.3)
                add("ف" + word, w * 0.05)
                continue
            }
            if word.hasPrefix("ال") && word.count >= 4 {
                let bare = String(word.dropFirst(2))
                for (clitic, share) in [("و", 0.25), ("ب", 0.12), ("ف", 0.04), ("ك", 0.03), ("وال", 0), ("بال", 0)]
                where share > 0 {
                    add(clitic + word, w * share)
                }
                add("لل" + bare, w * 0.08)
                if bare.count >= 3 { add(bare, w * 0.2) }
                if word.hasSuffix("ة") { add(String(word.dropLast()) + "ات", w * 0.1) }
            } else {
                add("و" + word, w * 0.2)
                add("ب" + word, w * 0.05)
                add("ال" + word, w * 0.1)
                add("وال" + word, w * 0.03)
                add("بال" + word, w * 0.02)
                if word.hasSuffix("ة") { add(word + "ً", w * 0.01) }
            }
        }
        // Spelling variants of some forms, rarer than the forms themselves.
        let count = forms.count
        for i in 0..<count {
            for variant in variants(of: forms[i]) { add(variant, weights[i] * 0.02) }
        }
        wordsAr = forms
        wordPickAr = WeightedPick(weights)
        wordPickEn = WeightedPick(Lexicon.englishWords.indices.map { 10.0 / Double($0 + 10) })
    }

    static let harakat: [Character] = ["\u{64E}", "\u{64F}", "\u{650}", "\u{652}", "\u{64B}", "\u{64C}", "\u{64D}"]
    static let joining: Set<Character> = Set("بتثجحخسشصضطظعغفقكلمنهي")

    /// Noisy spellings of an Arabic word, as news text has them.
    mutating func variants(of word: String) -> [String] {
        var out: [String] = []
        let letters = Array(word)
        // Diacritics on some letters, sometimes a shadda.
        var marked = ""
        for (i, c) in letters.enumerated() {
            marked.append(c)
            if c.isLetter && random.chance(0.5) {
                if random.chance(0.1) { marked.append("\u{651}") }
                marked.append(Self.harakat[random.below(i == letters.count - 1 ? 7 : 4)])
            }
        }
        if marked != word { out.append(marked) }
        // Tatweel after a letter that joins the next.
        if let i = letters.indices.dropLast().first(where: { Self.joining.contains(letters[$0]) && random.chance(0.4) }) {
            out.append(String(letters[...i]) + String(repeating: "ـ", count: 1 + random.below(3)) + String(letters[(i + 1)...]))
        }
        // Hamza forms of alef dropped or added.
        if let i = letters.firstIndex(where: { "أإآ".contains($0) }) {
            var l = letters
            l[i] = "ا"
            out.append(String(l))
        } else if word.hasPrefix("ا") {
            out.append("إ" + word.dropFirst())
        }
        if word.hasSuffix("ي") { out.append(word.dropLast() + "ى") }
        if word.hasSuffix("ى") { out.append(word.dropLast() + "ي") }
        if word.hasSuffix("ة") { out.append(word.dropLast() + "ه") }
        // Persian letters for kaf and yeh, rarely.
        if word.contains("ك") && random.chance(0.1) { out.append(word.replacingOccurrences(of: "ك", with: "ک")) }
        if word.contains("ي") && random.chance(0.1) { out.append(word.replacingOccurrences(of: "ي", with: "ی")) }
        return out
    }

    mutating func wordsAr(_ n: Int) -> [String] { (0..<n).map { _ in wordsAr[wordPickAr.index(&random)] } }
    mutating func wordsEn(_ n: Int) -> [String] { (0..<n).map { _ in Lexicon.englishWords[wordPickEn.index(&random)] } }

    mutating func number(arabic: Bool) -> String {
        let value = [random.between(2, 99), random.between(100, 999), random.between(1000, 50000), random.between(2015, 2026)]
        let n = String(random.pick(value))
        guard arabic else {
            return random.chance(0.3) && n.count > 3 ? n.dropLast(3) + "," + n.suffix(3) : n
        }
        let base: UInt32 = [0x30, 0x0660, 0x06F0][random.below(3)]
        return String(String.UnicodeScalarView(n.unicodeScalars.map { Unicode.Scalar(base + $0.value - 0x30) ?? $0 }))
    }

    // MARK: - Dates

    mutating func articleDay() -> Int {
        let r = random.unit()
        var share = 0.0
        for (centre, spread, weight) in Self.bursts {
            share += weight
            if r < share {
                let offset = random.below(2 * spread + 1) - spread + random.below(spread + 1) - spread / 2
                return min(Self.dayCount - 1, max(0, centre + offset))
            }
        }
        return random.below(Self.dayCount)
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 (proleptic Gregorian).
    static func dateString(_ days: Int) -> String {
        let (year, month, day) = DayNumber(rawValue: Int32(days)).date
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// 0 for Monday.
    static func weekday(_ days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    // MARK: - Sentences

    func topicPhrase(_ t: Int, arabic: Bool) -> String {
        arabic ? Lexicon.topics[t].arabic[0] : Lexicon.topics[t].english[0]
    }

    mutating func anyTopicPhrase(_ t: Int, arabic: Bool) -> String {
        random.pick(arabic ? Lexicon.topics[t].arabic : Lexicon.topics[t].english)
    }

    mutating func placePhrase(_ p: Int, arabic: Bool) -> String {
        random.pick(arabic ? Lexicon.places[p].arabic : Lexicon.places[p].english)
    }

    mutating func insert(_ phrase: String, into words: inout [String]) {
        words.insert(phrase, at: random.below(words.count + 1))
    }

    mutating func fillerSentence(arabic: Bool, topics: [Int], places: [Int]) -> String {
        var words = arabic ? wordsAr(random.between(6, 16)) : wordsEn(random.between(7, 18))
        if random.chance(0.4) { insert(anyTopicPhrase(random.pick(topics), arabic: arabic), into: &words) }
        if random.chance(0.4) { insert(placePhrase(random.pick(places), arabic: arabic), into: &words) }
        if random.chance(0.15) { insert(number(arabic: arabic), into: &words) }
        if random.chance(0.3) && words.count > 3 {
            let i = 1 + random.below(words.count - 2)
            words[i] += arabic ? "،" : ","
        }
        var sentence = words.joined(separator: " ")
        if arabic {
            if random.chance(0.2) { sentence = random.pick(Lexicon.connectorsAr) + sentence }
        } else {
            if random.chance(0.2) { sentence = random.pick(Lexicon.connectorsEn) + sentence }
            sentence = sentence.prefix(1).uppercased() + sentence.dropFirst()
        }
        return sentence + "."
    }

    /// The quoted words of a statement and what they are about.
    mutating func quote(stance: String, arabic: Bool, topics: [Int], places: [Int]) -> (String, [String]) {
        var about: [String] = []
        var words = arabic ? wordsAr(random.between(3, 12)) : wordsEn(random.between(4, 14))
        let t = random.pick(topics)
        insert(anyTopicPhrase(t, arabic: arabic), into: &words)
        about.append(Lexicon.topics[t].name)
        if random.chance(0.25) {
            let t2 = random.pick(topics)
            if t2 != t {
                insert(anyTopicPhrase(t2, arabic: arabic), into: &words)
                about.append(Lexicon.topics[t2].name)
            }
        }
        if random.chance(0.45) {
            let p = random.pick(places)
            insert(placePhrase(p, arabic: arabic), into: &words)
            about.append(Lexicon.places[p].name)
        }
        if random.chance(0.05) { insert(number(arabic: arabic), into: &words) }
        if random.chance(0.5) {
            let openers = (arabic ? Lexicon.openersAr : Lexicon.openersEn)[stance] ?? []
            if !openers.isEmpty { words.insert(random.pick(openers), at: 0) }
        }
        return (words.joined(separator: " "), about)
    }

    /// How an article names a speaker: role and full name the first time,
    /// mostly the short name after.
    mutating func mention(_ s: Int, arabic: Bool, mentioned: inout Set<Int>) -> String {
        let speaker = speakers[s]
        let names = arabic ? speaker.arabic : speaker.latin
        switch speaker.kind {
        case "outlet":
            guard arabic else { return names[0] }
            let name = random.chance(0.1) ? "«" + names[0] + "»" : names[0]
            return speaker.outletType + " " + name
        case "person":
            if !mentioned.insert(s).inserted {
                return random.chance(0.8) ? names[names.count - 1] : names[0]
            }
            let role = arabic ? speaker.roleAr : speaker.roleEn
            switch random.below(4) {
            case 0: return names[0]
            case 1: return arabic ? role + "، " + names[0] + "،" : names[0] + ", " + role + ","
            default: return arabic ? role + " " + names[0] : names[0] + ", " + role + ","
            }
        default:
            return random.pick(names)
        }
    }

    mutating func statementSentence(
        speaker s: Int, stance: String, day: Int, arabic: Bool, topics: [Int], places: [Int],
        mentioned: inout Set<Int>
    ) -> (String, String, [String]) {
        var (q, about) = quote(stance: stance, arabic: arabic, topics: topics, places: places)
        let actor = mention(s, arabic: arabic, mentioned: &mentioned)
        let cues = Lexicon.cues[stance] ?? ([("قال", "قالت")], ["said"])
        let marks: (String, String)
        if arabic {
            marks = [("“", "”"), ("«", "»"), ("\"", "\"")][random.below(3)]
        } else {
            marks = random.chance(0.8) ? ("“", "”") : ("\"", "\"")
        }
        let quoted = marks.0 + q + marks.1
        if arabic {
            let verbs = random.pick(cues.arabic)
            let verb = (random.chance(0.6) ? "و" : "") + (speakers[s].female ? verbs.1 : verbs.0)
            let when = random.chance(0.3) ? "يوم " + Lexicon.weekdaysAr[Self.weekday(day)] + " " : ""
            let sentence: String
            switch random.below(4) {
            case 0: sentence = "\(verb) \(actor) \(when)إن \(quoted)."
            case 1: sentence = "\(verb) \(actor): \(quoted)."
            case 2:
                let t = random.pick(topics)
                let topic = anyTopicPhrase(t, arabic: true)
                if !about.contains(Lexicon.topics[t].name) { about.append(Lexicon.topics[t].name) }
                sentence = "\(verb) \(actor) \(when)بشأن \(topic)، \(speakers[s].female ? "قائلة" : "قائلا"): \(quoted)."
            default: sentence = "\(verb) \(actor) \(when)أن \(quoted)."
            }
            return (sentence, q, about)
        }
        let verb = random.pick(cues.english)
        let when = random.chance(0.3) ? " on " + Lexicon.weekdaysEn[Self.weekday(day)] : ""
        let capitalised = actor.prefix(1).uppercased() + actor.dropFirst()
        switch random.below(3) {
        case 0:
            // A quotation first keeps its sentence's capital.
            q = q.prefix(1).uppercased() + q.dropFirst()
            return (
                "\(marks.0)\(q)\(marks.1), \(actor.hasSuffix(",") ? String(actor.dropLast()) : actor) \(verb)\(when).",
                q, about
            )
        case 1:
            return ("\(capitalised) \(verb)\(when): \(quoted).", q, about)
        default:
            return ("\(capitalised) \(verb)\(when) that \(quoted).", q, about)
        }
    }

    mutating func title(first: (Int, String)?, arabic: Bool, topics: [Int], places: [Int]) -> String {
        let t = topics[0]
        if let (s, stance) = first, random.chance(0.5) {
            let speaker = speakers[s]
            let cues = Lexicon.cues[stance] ?? ([("قال", "قالت")], ["said"])
            if arabic {
                let verbs = random.pick(cues.arabic)
                let who = speaker.kind == "outlet" ? speaker.outletType + " " + speaker.arabic[0] : speaker.arabic.last ?? ""
                return who + " " + (speaker.female ? verbs.1 : verbs.0) + " " + wordsAr(random.between(1, 3)).joined(separator: " ")
                    + " " + topicPhrase(t, arabic: true)
            }
            return (speaker.latin.last ?? "") + " " + random.pick(cues.english) + " " + topicPhrase(t, arabic: false)
                + " " + wordsEn(random.between(1, 3)).joined(separator: " ")
        }
        if arabic {
            return topicPhrase(t, arabic: true) + ".. " + wordsAr(random.between(3, 6)).joined(separator: " ")
        }
        let head = placePhrase(places[0], arabic: false) + ": " + topicPhrase(t, arabic: false)
        return head + " " + wordsEn(random.between(2, 5)).joined(separator: " ")
    }

    // MARK: - Articles

    mutating func corpus(docs: Int) -> SyntheticCorpus {
        var corpus = SyntheticCorpus()
        corpus.entities = entities
        let docWidth = max(7, String(docs).count)
        let statementWidth = max(8, String(docs * 8).count)
        func padded(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var statementNumber = 0
        for d in 1...max(1, docs) where d <= docs {
            let id = "a" + padded(d, docWidth)
            let arabic = !random.chance(0.2)
            let day = articleDay()
            let outlet = Lexicon.outlets[outletPick.index(&random)]
            let topics = (0..<random.between(1, 3)).map { _ in topicPick.index(&random) }
            let places = (0..<random.between(1, 3)).map { _ in placePick.index(&random) }
            let statementCount = [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6][random.below(11)]
            let sentenceCount = max(statementCount, random.between(3, 12))
            var slots = Array(repeating: false, count: sentenceCount)
            var order = Array(0..<sentenceCount)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
            for i in order.prefix(statementCount) { slots[i] = true }
            var mentioned: Set<Int> = []
            var sentences: [String] = []
            var first: (Int, String)?
            for isStatement in slots {
                guard isStatement else {
                    sentences.append(fillerSentence(arabic: arabic, topics: topics, places: places))
                    continue
                }
                let s = speakerPick.index(&random)
                let stance = Lexicon.stances[speakers[s].stances.index(&random)]
                let r = random.unit()
                let statementDay = r < 0.8 ? day : max(0, day - (r < 0.95 ? 1 : 2))
                let (sentence, q, about) = statementSentence(
                    speaker: s, stance: stance, day: statementDay, arabic: arabic,
                    topics: topics, places: places, mentioned: &mentioned)
                sentences.append(sentence)
                statementNumber += 1
                corpus.statements.append(
                    .init(
                        id: "s" + padded(statementNumber, statementWidth), doc: id,
                        actor: speakers[s].name, stance: stance,
                        date: Self.dateString(Self.firstDay + statementDay), quote: q, about: about))
                if first == nil { first = (s, stance) }
            }
            var paragraphs: [String] = []
            var i = 0
            while i < sentences.count {
                let n = random.between(1, 3)
                paragraphs.append(sentences[i..<min(sentences.count, i + n)].joined(separator: " "))
                i += n
            }
            if random.chance(0.03) {
                paragraphs.insert((arabic ? "المصدر: " + outlet.arabic : "Source: " + outlet.name), at: 0)
            }
            let published = Self.dateString(Self.firstDay + day)
            let slug = outlet.name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
            let article = SyntheticCorpus.Article(
                id: id, source: outlet.name,
                url: "https://news.example/\(slug)/\(published.replacingOccurrences(of: "-", with: "/"))/\(id)",
                published: published, lang: arabic ? "ar" : "en",
                title: title(first: first, arabic: arabic, topics: topics, places: places),
                text: paragraphs.joined(separator: "\n\n"))
            // An earlier version: another headline, the last paragraph not yet written.
            if random.chance(0.04) {
                var draft = article
                draft.title = (arabic ? "عاجل: " : "Breaking: ") + topicPhrase(topics[0], arabic: arabic)
                if paragraphs.count > 1 { draft.text = paragraphs.dropLast().joined(separator: "\n\n") }
                draft.published = Self.dateString(Self.firstDay + max(0, day - 1))
                corpus.revisions.append(draft)
            }
            corpus.articles.append(article)
        }
        return corpus
    }
}
