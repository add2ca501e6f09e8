import Foundation
import IsnadIndex
import IsnadText

/// One attributed statement found in an article.
package struct Extraction: Sendable, Hashable {
    /// A gazetteer entity's canonical name, or a described speaker
    /// ("unnamed US official", "media reports").
    package var actor: String
    package var stance: String
    /// The cue words as written.
    package var cue: String
    package var quote: String
    package var sentence: String
    package var date: RecordDate?
    package var dateBasis: DateBasis
    /// Canonical names of what the statement mentions, in order.
    package var about: [String]
    /// UTF-8 byte ranges in the article text.
    package var sentenceSpan: Range<Int>
    package var cueSpan: Range<Int>
    package var actorSpan: Range<Int>?
    package var quoteSpan: Range<Int>?
    /// The actor is a person the gazetteer does not know, named after a
    /// title or role ("وزير الخارجية الفرنسي جان نويل بارو"): keep them as
    /// a provisional entity.
    package var actorIsNew = false
}

/// Finds attributed statements in news text by the patterns of Arabic news
/// writing — verb-first cues with the speaker after them (ونفى المتحدث باسم
/// … ناصر كنعاني), subject-first cues, quotations, continuation by pronoun
/// (وأضاف), media reports (ذكرت صحيفة …), unnamed officials (مسؤول أميركي)
/// — and their English counterparts.
package struct Extractor: Sendable {
    package let gazetteer: Gazetteer
    let forms = Analyzer(stemming: false)

    package init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Kinds that can speak.
    static let speakers: Set<String> = ["person", "org", "media", "country", "outlet", "anon", "place", "group"]
    /// Kinds a statement can be about.
    static let topics: Set<String> = ["topic", "weapon", "place", "country", "org", "person", "media", "outlet", "group"]

    static func words(_ list: [String]) -> Set<String> {
        Set(list.compactMap { Analyzer(stemming: false).tokens(in: $0).first?.form })
    }

    /// Words that end the search for a speaker after a cue.
    static let boundaries = words(["إن", "أن", "بأن", "لأن", "that", "إلى", "عن", "على", "حول", "بشأن", "إذا", "لو",
                                   "عندما", "حين", "بينما", "لكن", "if", "when", "while"])
    /// "مسؤول", "والمسؤولون", "officials": a word for unnamed speakers,
    /// with or without its conjunction and article.
    static func isOfficial(_ form: String) -> Bool {
        let word = DateFinder.stripped(form)
        return officials.contains(word.hasPrefix("ال") && word.count > 4 ? String(word.dropFirst(2)) : word)
    }

    /// Groups that speak without names.
    static let groups: [String: String] = {
        var out: [String: String] = [:]
        for (word, name) in [("الخبراء", "experts"), ("خبراء", "experts"), ("المحللون", "analysts"), ("محللون", "analysts"),
                             ("experts", "experts"), ("analysts", "analysts")] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[form] = name }
        }
        return out
    }()

    static let complementizers = words(["إن", "أن", "بأن", "that"])

    /// Titles and roles that may stand between a cue and the speaker's name.
    static let roles = words(["المتحدث", "المتحدثة", "الناطق", "وزير", "وزيرة", "الوزير", "رئيس", "رئيسة", "الرئيس",
                              "مستشار", "مستشارة", "المستشار", "السفير", "سفير", "الأمين", "المدير", "مدير", "قائد",
                              "القائد", "نائب", "النائب", "عضو", "الخبير", "خبير", "زميل", "الباحث", "الباحثة", "المحلل",
                              "مندوب", "المندوب", "ممثل", "المبعوث", "مبعوث", "الجنرال", "اللواء", "العميد", "الأدميرال",
                              "spokesman", "spokeswoman", "minister", "president", "adviser", "ambassador", "secretary"])
    static let officials = words(["مسؤول", "مسؤولا", "مسؤولون", "مسؤولين", "مصدر", "مصادر", "دبلوماسي",
                                  "دبلوماسيون", "دبلوماسيين", "official", "officials", "source", "sources", "diplomat"])
    static let reports = words(["تقارير", "تقرير", "التقارير", "التقرير", "reports", "report"])
    /// Participles and nouns that continue the sentence's speaker.
    static let nominal: [[UInt8]: String] = {
        var out: [[UInt8]: String] = [:]
        for (word, stance) in [("قوله", "assert"), ("قولها", "assert"), ("مضيفا", "assert"), ("مضيفة", "assert"),
                               ("مشيرا", "assert"), ("مشيرة", "assert"), ("معتبرا", "assert"), ("معتبرة", "assert"),
                               ("مدعيا", "assert"), ("مدعية", "assert"), ("مردفا", "assert"), ("مردفة", "assert"),
                               ("موضحا", "assert"), ("موضحة", "assert"), ("لافتا", "assert"), ("لافتة", "assert"),
                               ("مشددا", "assert"), ("مشددة", "assert"), ("منوها", "assert"), ("منوهة", "assert"),
                               ("مؤكدا", "confirm"), ("مؤكدة", "confirm"), ("محذرا", "warn"), ("محذرة", "warn"),
                               ("نافيا", "deny"), ("نافية", "deny"), ("متهما", "accuse"), ("متهمة", "accuse"),
                               ("مطالبا", "demand"), ("مطالبة", "demand"), ("داعيا", "demand"), ("داعية", "demand"),
                               ("مهددا", "threaten"), ("مهددة", "threaten"), ("متعهدا", "pledge"), ("متعهدة", "pledge"),
                               ("adding", "assert"), ("saying", "assert")] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[Array(form.utf8)] = stance }
        }
        return out
    }()
    /// "في وقت لاحق", "لاحقا": after the time the paragraph set.
    static let later = words(["لاحق", "لاحقا", "later", "since"])
    static let accordingTo = words(["وفقا", "وفق", "بحسب", "حسب", "according"])
    static let reportNouns = ["تقرير", "صحيفه", "الوكاله", "report"].map { Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0 }
    /// Present-tense verbs (يقول، تقول، يظن) and participles speak of now.
    static func isPresent(_ key: [UInt8]) -> Bool {
        guard let verb = Cue.bareVerb(key) else { return nominal[key] != nil }
        if verb.starts(with: [0xD9, 0x8A]) { return true }
        return verb.starts(with: Bytes.ta) && !pastWithTa.contains(verb)
    }
    static let pastWithTa: Set<[UInt8]> = Set(["تابع", "تابعت", "تعهد", "تعهدت", "توعد", "توعدت", "تحدث", "تحدثت"]
        .compactMap { Analyzer(stemming: false).tokens(in: $0).first.map { Array($0.form.utf8) } })
    static let retaliation = phrases(["برد", "بالرد", "ردا", "بالانتقام", "بانتقام", "retaliation", "retaliate", "response"])

    /// Phrases as the UTF-8 of their words: matched against every quote
    /// and clause, so compared as bytes (see ``Gazetteer``).
    static func phrases(_ list: [String]) -> [[[UInt8]]] {
        list.map { Analyzer(stemming: false).tokens(in: $0).map { Array($0.form.utf8) } }
    }

    /// Whether `words` hold `phrase`, word for word and in order.
    static func holds(_ words: [[UInt8]], _ phrase: [[UInt8]]) -> Bool {
        guard let first = phrase.first, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == first {
            if words[start..<start + phrase.count].elementsEqual(phrase) { return true }
        }
        return false
    }
    /// "قوله": nouns of saying, cues wherever they stand; so are the English
    /// participles ("saying only that …"), which are never adjectives.
    static let sayingNouns: Set<[UInt8]> = Set(["قوله", "قولها", "قولهم", "saying", "adding"].compactMap {
        Analyzer(stemming: false).tokens(in: $0).first.map { Array($0.form.utf8) }
    })
    static let denials = ["لا أساس له", "لا أساس لها", "عارية عن الصحة", "غير صحيح", "لم تكن قط", "لم يكن قط",
                          "لا علاقة له", "لا علاقة لها", "ليس له علاقة", "ليست لها علاقة", "لا صلة له",
                          "لم نرسل", "لم ترسل", "لا صحة", "كاذبة", "baseless", "not true", "never"]
        .map { Analyzer(stemming: false).tokens(in: $0).map { Array($0.form.utf8) } }
    static let cannotConfirm = ["لا أستطيع تأكيد", "لا يمكنني تأكيد", "لا نستطيع تأكيد", "لا يمكننا تأكيد",
                                "cannot confirm", "can't confirm"]
        .map { Analyzer(stemming: false).tokens(in: $0).map { Array($0.form.utf8) } }
    /// What plain saying conveys by its words: "نشعر بالقلق" is concern,
    /// "ستفرض عقوبات" a pledge, "عواقب وخيمة" a warning.
    static let readings: [(String, [[[UInt8]]])] = [
        ("concern", ["نشعر بالقلق", "نحن قلقون", "يثير قلقا", "يثير القلق", "مصدر قلق", "concerned", "worried"]),
        ("condemn", ["ندين", "نستنكر", "الدنيئة", "دنيئة", "مدان", "تلحق ضررا", "يلحق ضررا", "تلحق الضرر", "يلحق الضرر",
                     "condemn"]),
        ("warn", ["عواقب", "تأثير ضار", "آثار ضارة", "خطير", "خطيرة", "تصعيدا", "تصعيدا كبيرا", "warn", "consequences"]),
        ("pledge", ["ستفرض", "سنفرض", "ستواصل", "سنواصل", "سنعمل", "سنقدم", "ستقدم", "نتعهد", "حزمة مساعدات",
                    "will continue"]),
        ("demand", ["نحض", "ندعو", "نطالب", "يجب على", "urge", "we call on"]),
        ("accuse", ["نتهم", "متورطة", "متورط"]),
    ].map { ($0.0, phrases($0.1)) }

    /// "قال إنهما سيحاربان", "أكد أننا سنواصل": the speakers say what they
    /// themselves will do — a commitment.
    static let selfComplementizers = words(["إنه", "إنها", "إنهما", "إنهم", "إننا", "إنني", "أنه", "أنها", "أنهما",
                                            "أنهم", "أننا", "بأنه", "بأنها", "بأنهم"])

    static func commitsSelf(_ clause: [String]) -> Bool {
        guard let k = clause.prefix(10).firstIndex(where: { selfComplementizers.contains($0) }) else { return false }
        return clause.dropFirst(k + 1).prefix(2).contains { word in
            word == "سوف" || (word.count > 4 && ["سي", "ست", "سن", "سا"].contains { word.hasPrefix($0) }
                && !["ستة", "سنة", "سنوات", "سياسة", "سياسي", "ستين", "سنه"].contains(word))
        }
    }

    static func reading(of words: [[UInt8]]) -> String? {
        readings.first { _, phrases in phrases.contains { holds(words, $0) } }?.0
    }

    static let adjectives: [String: String] = [
        "Iran": "Iranian", "Russia": "Russian", "United States": "US", "Ukraine": "Ukrainian",
        "United Kingdom": "British", "Israel": "Israeli", "China": "Chinese", "European Union": "European",
        "West": "Western", "Saudi Arabia": "Saudi", "Turkey": "Turkish", "France": "French", "Germany": "German",
    ]

    /// The statements of one article.
    package func extract(text: String, published: RecordDate?) -> [Extraction] {
        let tokens = forms.tokens(in: text)
        guard !tokens.isEmpty else { return [] }
        // Words as UTF-8 bytes for the lexicons (see Gazetteer).
        let keys = tokens.map { Array($0.form.utf8) }
        let bytes = Array(text.utf8)
        let quotes = Extractor.quotes(in: bytes)
        let allMentions = gazetteer.mentions(in: tokens, keys: keys)
        // Names inside quotations are spoken about, never speakers.
        let mentions = allMentions.filter { m in
            !quotes.contains { $0.contains(m.bytes.lowerBound) }
                || (m.tokens.lowerBound > 0 && Extractor.mediaNouns.contains(DateFinder.stripped(tokens[m.tokens.lowerBound - 1].form)))
        }
        var mentionAt: [Int: Gazetteer.Mention] = [:]
        for m in mentions { mentionAt[m.tokens.lowerBound] = m }
        let dates = DateFinder.find(in: tokens, article: published, keys: keys)
        // Punctuation between a token and the one before it.
        var gaps = [Gap](repeating: .none, count: tokens.count)
        for k in tokens.indices where k > 0 {
            gaps[k] = Gap(bytes[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound])
        }
        // Which tokens stand inside a quotation (quotes are in text order).
        var quoted = [Bool](repeating: false, count: tokens.count)
        var q = 0
        for k in tokens.indices {
            let at = tokens[k].range.lowerBound
            while q < quotes.count, quotes[q].upperBound <= at { q += 1 }
            quoted[k] = q < quotes.count && quotes[q].contains(at)
        }
        func inQuote(_ k: Int) -> Bool { quoted[k] }
        /// The tokens that start inside a byte range (tokens are in text order).
        func tokenRange(_ bytes: Range<Int>) -> Range<Int> {
            func firstAtOrAfter(_ offset: Int) -> Int {
                var low = 0, high = tokens.count
                while low < high {
                    let mid = (low + high) / 2
                    if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
                }
                return low
            }
            let from = firstAtOrAfter(bytes.lowerBound)
            return from..<max(from, firstAtOrAfter(bytes.upperBound))
        }
        /// A participle is a cue when what was said follows it ("مضيفا أن",
        /// "محذرا من أن", "مؤكدة: “…”"); otherwise it is an adjective
        /// ("حذرة", "عقوبات مشددة").
        func introducesSpeech(after k: Int) -> Bool {
            for j in k..<min(tokens.count, k + 3) {
                if gaps[j] == .quote || (j > 0 && bytes[tokens[j - 1].range.upperBound..<tokens[j].range.lowerBound].contains(0x3A)) {
                    return true
                }
                if gaps[j] == .hard { return false }
                if Extractor.complementizers.contains(tokens[j].form) || Extractor.selfComplementizers.contains(tokens[j].form) {
                    return true
                }
                if !["من", "على", "إلى", "الى"].contains(tokens[j].form) { return false }
            }
            return false
        }

        let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
        func paragraphStart(_ offset: Int) -> Int { newlines.last { $0 < offset }.map { $0 + 1 } ?? 0 }
        /// The date a statement without one of its own takes from the text
        /// before it, if any.
        func inheritedDate(cue i: Int, singleVerb: Bool, sentence start: Int, through end: Int, speaker: String, named: Bool, earlier: [Extraction],
                           dates: [DateFinder.Found], paragraphStart: Int) -> DateFinder.Found? {
            // "في وقت لاحق", "لاحقا": after whatever time came before.
            if (start..<end).contains(where: { Extractor.later.contains(DateFinder.stripped(tokens[$0].form)) }) { return nil }
            // "ووفقا للتقرير، أكد مسؤول": said when the report was.
            if (start..<i).contains(where: { Extractor.accordingTo.contains(DateFinder.stripped(tokens[$0].form))
                && $0 + 1 < i && Extractor.reportNouns.contains(where: tokens[$0 + 1].form.hasSuffix) }),
               let report = earlier.last(where: { $0.stance == "report" && $0.dateBasis != .article }), let d = report.date {
                return DateFinder.Found(date: d, basis: report.dateBasis, index: i)
            }
            // The same speaker going on ("وأضاف", "ووصف كنعاني" after his
            // words of Sunday): the occasion is the same.
            if let prior = earlier.suffix(named ? 3 : 8).last(where: { $0.actor == speaker }) {
                if prior.dateBasis != .article, let d = prior.date { return DateFinder.Found(date: d, basis: prior.dateBasis, index: i) }
                return nil
            }
            // A paragraph that opens on a date tells of that time: a past
            // verb after it is of then ("في آب 2022 … وقد ذكرت صحيفة …"); a
            // present one ("يظن المسؤولون") is of now.
            guard singleVerb, !Extractor.isPresent(keys[i]) else { return nil }
            let sentenceOffset = tokens[start].range.lowerBound
            return dates.last { $0.basis == .explicit && tokens[$0.index].range.lowerBound >= paragraphStart
                && tokens[$0.index].range.lowerBound < sentenceOffset }
        }

        var out: [Extraction] = []
        var previousActor: (name: String, span: Range<Int>?)?
        var previousGroup: (name: String, span: Range<Int>?)?
        /// Recent speakers, newest last, for pronouns that must agree in
        /// gender ("وأضاف" after "إدارة بايدن … أكدت" is not the
        /// administration).
        var history: [(name: String, span: Range<Int>?)] = []
        var newPeople: Set<String> = []
        var t = 0
        for sentence in SentenceSplitter.sentences(in: text) {
            while t < tokens.count, tokens[t].range.upperBound <= sentence.lowerBound { t += 1 }
            let start = t
            var end = t
            while end < tokens.count, tokens[end].range.lowerBound < sentence.upperBound { end += 1 }
            var sentenceActor: (name: String, span: Range<Int>?)?
            var i = start
            while i < end {
                if inQuote(i) { i += 1; continue }
                var found = Cue.cue(at: i, in: tokens, keys: keys).map { (stance: $0.stance, length: $0.length, isReport: $0.isReport, nominal: false) }
                if found == nil, let stance = Extractor.nominal[keys[i]],
                   Extractor.sayingNouns.contains(keys[i]) || introducesSpeech(after: i + 1) {
                    found = (stance, 1, false, true)
                }
                // "وفق مصادر …", "برأي مسؤولين …", "according to X": the
                // source that follows speaks.
                var cited: (name: String, span: Range<Int>?, document: Bool)?
                if found == nil, Extractor.citationKeys.contains(keys[i]) {
                    cited = citedSource(after: i, sentence: start..<end, tokens: tokens, keys: keys, mentionAt: mentionAt,
                                        gaps: gaps, inQuote: inQuote)
                    if cited != nil { found = ("assert", 1, false, false) }
                }
                guard let cue = found else { i += 1; continue }
                // "(رفض الإفصاح عن اسمه)": the formula of an anonymous
                // source, not a refusal to comment.
                if cue.stance == "decline",
                   (i + 1..<min(end, i + 5)).contains(where: { Extractor.identity.contains(tokens[$0].form) }) {
                    i += cue.length
                    continue
                }
                let after = i + cue.length
                var actor: (name: String, span: Range<Int>?)?
                // A verb marked plural ("حذروا", "يقولون") comes after its
                // subject or has none: an Arabic verb before its subject is
                // singular.
                let raw = String(decoding: bytes[tokens[i].range], as: UTF8.self)
                let conjoined = Cue.isConjoined(keys[i])
                // English puts its subject first; a name after the verb is
                // one inverted right after it ("…", said Kirby), never one
                // deep in what was said ("but said they … Ukraine began").
                let latin = (keys[i].first ?? 0) < 0x80
                let plural = cue.length == 1 && (tokens[i].form.hasSuffix("وا") || tokens[i].form.hasSuffix("ون"))
                // A vocalised passive ("اتُهمت") attributes nothing.
                if raw.unicodeScalars.contains("\u{064F}") && cue.stance != "report" { i = after; continue }
                if let cited {
                    actor = (cited.name, cited.span)
                } else if cue.nominal {
                    actor = speaker(relayedBefore: i, start: start, tokens: tokens, mentions: mentions)
                } else if plural {
                    actor = (conjoined ? nil : speaker(before: i, start: start, mentions: mentions, gaps: gaps))
                        ?? unnamed(before: i, start: start, tokens: tokens, mentionAt: mentionAt, gaps: gaps)
                    // "يحتفل المسؤولون الأوكرانيون … ويزعمون": the officials
                    // the sentence is about go on.
                    if actor == nil, let k = (start..<i).last(where: { !inQuote($0) && Extractor.isOfficial(tokens[$0].form)
                        && Extractor.pluralOfficials.contains(Extractor.bare(tokens[$0].form)) }) {
                        actor = unnamed(at: k, end: i, tokens: tokens, mentionAt: mentionAt)
                    }
                } else {
                    // Subject-first ("الولايات المتحدة … حذروا") wins over the
                    // object that follows a verb; "بحسب ما ورد" has no subject.
                    actor = cue.length > 1 && tokens[i].form.hasSuffix("بحسب") ? ("unspecified reports", nil)
                        : (conjoined ? nil : speaker(before: i, start: start, mentions: mentions, gaps: gaps))
                        ?? speaker(after: after, end: latin ? min(end, after + 3) : end, tokens: tokens, mentionAt: mentionAt,
                                   gaps: gaps, isReport: cue.isReport)
                    // An English name after the verb is its subject only when
                    // inverted at the end of a clause ("…", said Kirby, …);
                    // "He said Russia had received" is the previous speaker's.
                    if latin, let found = actor, let span = found.span, span.lowerBound >= tokens[i].range.upperBound {
                        let next = tokenRange(span.upperBound..<span.upperBound + 1).lowerBound
                        if next < end, gaps[next] == .none, !Extractor.closingWords.contains(tokens[next].form) { actor = nil }
                    }
                    // A title or role followed by a name the gazetteer does
                    // not know beats the institution in the role.
                    if actor == nil || gazetteer.entry(named: actor!.name).map({ gazetteer.entries[$0].kind != "person" }) == true,
                       let person = unknownPerson(after: after, end: end, tokens: tokens, text: bytes,
                                                  mentionAt: mentionAt, gaps: gaps) {
                        actor = (person.name, person.span)
                        newPeople.insert(person.name)
                    }
                }
                if actor == nil, tokens[i].form.hasSuffix("بحسب"), cue.length > 1 { actor = ("unspecified reports", nil) }
                if actor == nil, cue.stance == "report", i + 1 < end,
                   Extractor.reports.contains(tokens[i + 1].form) || Extractor.reports.contains(tokens[i].form) {
                    actor = ("media reports", nil)
                }
                // Named here, or carried on from what came before?
                let named = actor != nil
                if actor == nil, let gender = Extractor.gender(ofVerb: keys[i]), !plural {
                    actor = history.last { isFeminine($0.name) == (gender == .feminine) }
                }
                actor = actor ?? (plural ? previousGroup : nil) ?? sentenceActor ?? previousActor
                guard var speaker = actor else { i = after; continue }
                // "وأضافت المصادر", "يوضح المسؤول في إدارة بايدن", "هؤلاء
                // المسؤولون": a definite unnamed speaker is one met before.
                if named, let span = speaker.span, let p = tokens.firstIndex(where: { $0.range.lowerBound == span.lowerBound }),
                   Extractor.isOfficial(tokens[p].form),
                   Extractor.bare(tokens[p].form) != DateFinder.stripped(tokens[p].form)
                    || (p > 0 && Extractor.demonstratives.contains(tokens[p - 1].form)),
                   let earlier = antecedent(of: speaker.name, among: out) {
                    speaker.name = earlier
                }
                // "رئيس مديرية المخابرات الدفاعية الأوكرانية قال": the holder
                // of the office speaks; "مسؤولا في البيت الأبيض": one of its
                // officials.
                if named, let span = speaker.span, let e = gazetteer.entry(named: speaker.name),
                   ["org", "group"].contains(gazetteer.entries[e].kind ?? ""),
                   let p = tokens.firstIndex(where: { $0.range.lowerBound == span.lowerBound }), p > start {
                    let title = p >= start + 2 && ["باسم", "of"].contains(tokens[p - 1].form) ? p - 2 : p - 1
                    if let keywords = Extractor.titles[DateFinder.stripped(tokens[title].form)],
                       let holder = holder(of: gazetteer.entries[e].name, keywords: keywords) {
                        speaker = (holder, tokens[title].range.lowerBound..<span.upperBound)
                    } else if p >= start + 2, ["في", "من", "in", "at"].contains(tokens[p - 1].form), Extractor.isOfficial(tokens[p - 2].form) {
                        speaker = unnamed(at: p - 2, end: end, tokens: tokens, mentionAt: mentionAt)
                    }
                }
                // "الولايات المتحدة وشركاؤها": the speaker with its partners.
                if named, let span = speaker.span, let q = tokens.firstIndex(where: { $0.range.lowerBound >= span.upperBound }),
                   q < end, let others = Extractor.partners[tokens[q].form] {
                    speaker.name += " and " + others
                    speaker.span = span.lowerBound..<tokens[q].range.upperBound
                }
                // "نددت واشنطن": a capital speaks for its country.
                if let e = gazetteer.entry(named: speaker.name), gazetteer.entries[e].kind == "place" {
                    let place = gazetteer.entries[e]
                    if (place.role ?? "").hasPrefix("capital of"), let country = place.country {
                        speaker.name = country
                    } else if place.country == nil {
                        i = after
                        continue
                    }
                }
                sentenceActor = speaker
                previousActor = speaker
                history.append(speaker)
                if history.count > 8 { history.removeFirst() }
                if speaker.name.hasSuffix("s") || speaker.name.contains(" and ") { previousGroup = speaker }

                // The quote: the first quotation after the cue in the
                // sentence, else the rest of the sentence after the speaker.
                let cueEnd = tokens[after - 1].range.upperBound
                // What a cue says ends where the next cue begins: "امتنع عن
                // تأكيد …، بينما أعرب عن قلقه", "رفض تحديد …، لكنه أشار إلى “…”".
                let nextCue = (after..<end).first { !inQuote($0) && Cue.cue(at: $0, in: tokens, keys: keys) != nil }
                // …and before the words that link the two ("بينما", "لكنه").
                let clauseLimit = nextCue.map { n in
                    n - 1 > after && Extractor.linkers.contains(tokens[n - 1].form) ? tokens[n - 1].range.lowerBound : tokens[n].range.lowerBound
                } ?? sentence.upperBound
                var quoteSpan = cited != nil ? nil : quotes.first { $0.lowerBound >= cueEnd && $0.lowerBound < min(clauseLimit, sentence.upperBound + 4) }
                /// What was said, where the text marks it: a quotation, or
                /// the clause after إن / أن.
                var contentSpan = quoteSpan
                if quoteSpan == nil {
                    var from = max(cueEnd, speaker.span?.upperBound ?? cueEnd)
                    // What was said starts after إن / أن / that.
                    if let k = (after..<(nextCue ?? end)).first(where: { tokens[$0].range.lowerBound >= from
                        && Extractor.complementizers.contains(tokens[$0].form) }), k + 1 < end {
                        from = tokens[k + 1].range.lowerBound
                        contentSpan = tokens[k].range.lowerBound..<sentence.upperBound
                    }
                    if cited != nil, i > start {
                        // "…، وفق مصادر مسؤولين": what comes before is what they said.
                        // Its dates are the source's too ("في تشرين الثاني
                        // 2022، ذكرت … وفق مصادر").
                        from = sentence.lowerBound
                        quoteSpan = from..<tokens[i].range.lowerBound
                    } else if cited != nil, let comma = (after..<end).first(where: { gaps[$0] != .none }) {
                        quoteSpan = tokens[comma].range.lowerBound..<sentence.upperBound
                        contentSpan = quoteSpan
                    } else if from < clauseLimit { quoteSpan = from..<clauseLimit }
                    // "Iranian personnel are in Crimea, the White House said on
                    // Thursday": an attribution closing its sentence after a
                    // comma, with nothing said after it, said what came before.
                    let head = min(tokens[i].range.lowerBound, speaker.span.map { sentence.contains($0.lowerBound) ? $0.lowerBound : Int.max } ?? Int.max)
                    let h = tokenRange(head..<head + 1).lowerBound
                    // The comma may stand before the speaker's title ("…,
                    // White House national security adviser Jake Sullivan
                    // told reporters on Monday").
                    let speakerTokens = speaker.span.map(tokenRange) ?? 0..<0
                    let closing = (after..<end).allSatisfy { k in
                        speakerTokens.contains(k) || Extractor.closingWords.contains(tokens[k].form)
                            || dates.contains { $0.index == k } || DateFinder.weekdays[keys[k]] != nil
                    }
                    if cited == nil, contentSpan == nil, h > start, h < end, end - after <= 4, closing,
                       let c = stride(from: h, to: max(start, h - 8), by: -1).first(where: { gaps[$0] != .none }), gaps[c] == .comma,
                       !(c..<i).contains(where: { Extractor.complementizers.contains(tokens[$0].form) }) {
                        quoteSpan = sentence.lowerBound..<tokens[c - 1].range.upperBound
                        contentSpan = quoteSpan
                    }
                }
                // "“اطلعنا على تقارير …، نحض إيران على عكس المسار”": a
                // first-person performative inside the quotation is a speech
                // act of its own (an appeal, a condemnation, a pledge).
                var performative: (stance: String, span: Range<Int>, cue: Range<Int>)?
                if cited == nil, let q = quoteSpan, quotes.contains(q),
                   let j = (after..<end).first(where: { k in
                       q.contains(tokens[k].range.lowerBound) && tokens[k].range.lowerBound > q.lowerBound + 1
                           && (gaps[k] == .comma || gaps[k] == .hard) && Extractor.performatives[DateFinder.stripped(tokens[k].form)] != nil
                   }), let act = Extractor.performatives[DateFinder.stripped(tokens[j].form)] {
                    performative = (act, tokens[j].range.lowerBound..<q.upperBound, tokens[j].range)
                    quoteSpan = q.lowerBound..<tokens[j - 1].range.upperBound
                }
                let quoteText = quoteSpan.map { Extractor.trimmed(String(decoding: bytes[$0], as: UTF8.self)) } ?? ""
                // The words of the quote, and without their conjunctions too
                // ("وليس له علاقة"), from the article's own analysis.
                let quoteForms = quoteSpan.map { Array(keys[tokenRange($0)]) } ?? []
                let bareQuoteForms = quoteForms.map(DateFinder.stripped)
                var stance = cue.stance
                if ["assert", "confirm"].contains(stance),
                   Extractor.denials.contains(where: { Extractor.holds(quoteForms, $0) || Extractor.holds(bareQuoteForms, $0) }) {
                    stance = "deny"
                }
                if Extractor.cannotConfirm.contains(where: { Extractor.holds(quoteForms, $0) }) { stance = "decline" }
                // The clause runs to the next cue: "قالت إنها سترسل … ووعدت
                // برد" reads each verb by its own words.
                let clauseEnd = performative?.cue.lowerBound ?? clauseLimit
                let clauseForms = cueEnd < clauseEnd ? Array(keys[tokenRange(cueEnd..<clauseEnd)]) : []
                if stance == "assert" {
                    if let reading = Extractor.reading(of: quoteForms) ?? Extractor.reading(of: clauseForms) {
                        stance = reading
                    } else if Extractor.commitsSelf(clauseForms.prefix(14).map { String(decoding: $0, as: UTF8.self) }) {
                        stance = "pledge"
                    }
                }

                // A promise of retaliation is a threat: "ووعدت برد سريع إذا".
                if stance == "pledge", Extractor.retaliation.contains(where: { Extractor.holds(clauseForms, $0) }) { stance = "threaten" }
                // A media outlet's own words are a report; a report verb with
                // a speaker who is no outlet ("أفادت مصادر مطلعة") is saying.
                let isMedia = Extractor.isPress(speaker.name)
                    || gazetteer.entry(named: speaker.name).map { ["media", "outlet"].contains(gazetteer.entries[$0].kind ?? "") } == true
                if stance == "assert", isMedia { stance = "report" }
                if stance == "report", !isMedia, speaker.name != "unspecified reports" { stance = "assert" }
                if cited?.document == true { stance = "report" }
                // The date nearest the cue in the sentence; else, for the
                // same speaker going on, the date of what they said before;
                // else the article's.
                // Dates inside what was said belong to its content ("قال إن
                // روسيا أطلقت في أغسطس"), not to the saying.
                let inSentence = dates.filter { (start..<end).contains($0.index)
                    && !(contentSpan?.contains(tokens[$0.index].range.lowerBound) ?? false) && !inQuote($0.index) }
                var date = inSentence.min { abs($0.index - i) < abs($1.index - i) }
                if date == nil {
                    date = inheritedDate(cue: i, singleVerb: cue.length == 1 && !cue.nominal, sentence: start, through: end, speaker: speaker.name, named: named,
                                         earlier: out, dates: dates, paragraphStart: paragraphStart(sentence.lowerBound))
                }
                var about: [String] = []
                for m in allMentions where m.tokens.lowerBound >= start && m.tokens.lowerBound < end {
                    let entry = gazetteer.entries[m.entry]
                    guard entry.name != speaker.name, !m.isNisba, Extractor.topics.contains(entry.kind ?? "") else { continue }
                    if !about.contains(entry.name) { about.append(entry.name) }
                }
                let cueSpan = tokens[i].range.lowerBound..<cueEnd
                out.append(Extraction(
                    actor: speaker.name, stance: stance, cue: String(decoding: bytes[cueSpan], as: UTF8.self),
                    quote: quoteText, sentence: String(decoding: bytes[sentence], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                    date: date?.date ?? published, dateBasis: date?.basis ?? .article, about: about,
                    sentenceSpan: sentence, cueSpan: cueSpan, actorSpan: speaker.span, quoteSpan: quoteSpan,
                    actorIsNew: newPeople.contains(speaker.name)))
                if let performative, var act = out.last {
                    act.stance = performative.stance
                    act.cue = String(decoding: bytes[performative.cue], as: UTF8.self)
                    act.cueSpan = performative.cue
                    act.quoteSpan = performative.span
                    act.quote = Extractor.trimmed(String(decoding: bytes[performative.span], as: UTF8.self))
                    out.append(act)
                }
                // "قال باتروشيف ونظيره الإيراني، علي شمخاني، إنهما": a second
                // person joined to the speaker says it too.
                if let span = speaker.span, let partner = partner(after: span, end: end, tokens: tokens, mentions: mentions),
                   partner.name != speaker.name, var joint = out.last {
                    joint.actor = partner.name
                    joint.actorSpan = partner.span
                    joint.about.removeAll { $0 == partner.name }
                    out.append(joint)
                }
                i = after
            }
            t = end
        }
        return namingLater(out)
    }

    /// "لكن مسؤولا في البيت الأبيض امتنع … وقال مستشار الأمن القومي جون
    /// كيربي": a lede that describes its speaker and names him in the
    /// statements that follow. An official kept anonymous on purpose
    /// ("رفض الإفصاح عن اسمه") stays unnamed.
    func namingLater(_ found: [Extraction]) -> [Extraction] {
        var out = found
        for n in out.indices {
            let name = out[n].actor
            guard name.hasSuffix(" official"), !name.hasPrefix("unnamed"), gazetteer.entry(named: name) == nil else { continue }
            let institution = String(name.dropLast(" official".count)).replacingOccurrences(of: "senior ", with: "")
            guard gazetteer.entry(named: institution) != nil,
                  !forms.tokens(in: out[n].sentence).contains(where: { Extractor.identity.contains($0.form) }) else { continue }
            let next = out[(n + 1)..<min(out.count, n + 6)].first { later in
                guard let e = gazetteer.entry(named: later.actor), gazetteer.entries[e].kind == "person" else { return false }
                return gazetteer.entries[e].role?.lowercased().contains(institution.lowercased()) == true
            }
            guard let person = next?.actor else { continue }
            for k in out.indices where out[k].actor == name { out[k].actor = person }
        }
        return out
    }

    enum Gender { case masculine, feminine }

    /// The gender a verb form agrees with: past -ت and present ت- are
    /// feminine (قالت، تقول), ي- and plain past forms masculine.
    static func gender(ofVerb key: [UInt8]) -> Gender? {
        let verb = Cue.bareVerb(key) ?? Cue.strippedVerb(key).last ?? key
        // Arabic letters are U+0600–U+06FF: lead bytes D8–DB.
        guard let first = verb.first, (0xD8...0xDB).contains(first) else { return nil }
        if verb.starts(with: Bytes.ta) || verb.suffix(2).elementsEqual(Bytes.ta) { return .feminine }
        return .masculine
    }

    func isFeminine(_ name: String) -> Bool {
        if let e = gazetteer.entry(named: name) { return gazetteer.feminine[e] }
        // Described speakers: "unnamed US official", "informed sources".
        return name.hasSuffix("sources") || name == "media reports"
    }

    /// What separates two tokens.
    enum Gap {
        case none
        /// A comma: roles and names are set off by commas
        /// ("المتحدث باسم …، جون كيربي، إن").
        case comma
        /// A colon, full stop, bracket or quotation mark: the clause ends.
        case hard
        /// An opening quotation mark.
        case quote

        init(_ text: String) { self.init(ArraySlice(text.utf8)) }

        /// From the UTF-8 between two words (read for every word, so as
        /// bytes): “ is E2 80 9C, ” E2 80 9D, « C2 AB, » C2 BB, ؛ D8 9B, ، D8 8C.
        init(_ gap: ArraySlice<UInt8>) {
            var opening = false, hard = false, comma = false
            var k = gap.startIndex
            while k < gap.endIndex {
                let b = gap[k]
                let next = k + 1 < gap.endIndex ? gap[k + 1] : 0
                let third = k + 2 < gap.endIndex ? gap[k + 2] : 0
                switch b {
                case 0x22: opening = true
                case 0x3A, 0x2E: hard = true
                case 0x28, 0x29, 0x21, 0x3F: hard = true
                case 0x2C: comma = true
                case 0xE2 where next == 0x80 && third == 0x9C: opening = true
                case 0xE2 where next == 0x80 && third == 0x9D: hard = true
                case 0xC2 where next == 0xAB: opening = true
                case 0xC2 where next == 0xBB: hard = true
                case 0xD8 where next == 0x9B: hard = true
                case 0xD8 where next == 0x8C: comma = true
                default: break
                }
                k += 1
            }
            if opening {
                // A colon or full stop before the mark ends the clause.
                var stop = false
                for b in gap where b == 0x3A || b == 0x2E { stop = true }
                self = stop ? .hard : .quote
            } else if hard {
                self = .hard
            } else if comma {
                self = .comma
            } else {
                self = .none
            }
        }
    }

    /// Nouns that introduce an outlet's name ("صحيفة "واشنطن بوست"").
    static let mediaNouns = words(["صحيفة", "قناة", "وكالة", "موقع", "مجلة", "شبكة", "newspaper", "agency"])
    /// "الرئيس الأوكراني": the title that, with a country, names its holder.
    static let presidents = words(["الرئيس", "president"])

    /// The speaker after a verb-first cue: titles and roles are passed over,
    /// and a person is preferred to the institution in the role
    /// ("المتحدث باسم الكرملين دميتري بيسكوف"). The search ends at a clause
    /// boundary (colon, quotation, إن/أن).
    func speaker(after: Int, end: Int, tokens: [Token], mentionAt: [Int: Gazetteer.Mention],
                 gaps: [Gap], isReport: Bool) -> (name: String, span: Range<Int>?)? {
        var firstOther: (String, Range<Int>)?
        var k = after
        let limit = min(end, after + 16)
        while k < limit {
            switch gaps[k] {
            case .hard: return firstOther
            case .quote:
                // An outlet's name in quotation marks after صحيفة or قناة.
                guard k > 0, Extractor.mediaNouns.contains(DateFinder.stripped(tokens[k - 1].form)) else { return firstOther }
            case .comma where firstOther != nil && k > after + 1:
                // A comma after a name ends the subject unless a person
                // follows at once (the name after a role).
                if let m = mentionAt[k], gazetteer.entries[m.entry].kind == "person", !m.isNisba {
                    return (gazetteer.entries[m.entry].name, m.bytes)
                }
                return firstOther
            default: break
            }
            if Extractor.boundaries.contains(tokens[k].form) { break }
            if let group = Extractor.groups[DateFinder.stripped(tokens[k].form)] { return (group, tokens[k].range) }
            if let media = mediaGroup(at: k, end: end, tokens: tokens, mentionAt: mentionAt) { return media }
            if Extractor.pairs.contains(tokens[k].form), let pair = pair(before: k, mentionAt: mentionAt) { return (pair, tokens[k].range) }
            // "قال تقرير لصحيفة واشنطن بوست", "وأشارت تقارير إعلامية": a
            // report speaks for its outlet, or for the media at large.
            if k == after, Extractor.reports.contains(tokens[k].form), !tokens[k].form.hasPrefix("ال") {
                for j in (k + 1)..<min(end, k + 4) {
                    if let m = mentionAt[j], ["media", "outlet"].contains(gazetteer.entries[m.entry].kind ?? "") {
                        return (gazetteer.entries[m.entry].name, m.bytes)
                    }
                }
                return ("media reports", tokens[k].range)
            }
            // "ونفى التقارير": a definite noun right after the verb is its
            // object; the subject is the one already speaking.
            if k == after, mentionAt[k] == nil, tokens[k].form.hasPrefix("ال"),
               !Extractor.roles.contains(tokens[k].form), !Extractor.isOfficial(tokens[k].form),
               DateFinder.weekdays[Array(tokens[k].form.utf8)] == nil, !DateFinder.today.contains(Array(tokens[k].form.utf8)) {
                return nil
            }
            if let m = mentionAt[k] {
                let entry = gazetteer.entries[m.entry]
                if m.isNisba {
                    // "الرئيس الأوكراني": the country's president.
                    let countryName = entry.name
                    if k > after, Extractor.presidents.contains(DateFinder.stripped(tokens[k - 1].form)),
                       let holder = president(of: countryName) {
                        return (holder.name, tokens[k - 1].range.lowerBound..<m.bytes.upperBound)
                    }
                    k = m.tokens.upperBound
                    continue
                }
                if m.isPrepositional {
                    k = m.tokens.upperBound
                    continue
                }
                if entry.kind == "person" { return (entry.name, m.bytes) }
                if firstOther == nil, Extractor.speakers.contains(entry.kind ?? "") {
                    firstOther = (entry.name, m.bytes)
                    if isReport || entry.kind == "media" || entry.kind == "outlet" { return firstOther }
                }
                k = m.tokens.upperBound
                continue
            }
            if firstOther == nil, Extractor.isOfficial(tokens[k].form) {
                return unnamed(at: k, end: end, tokens: tokens, mentionAt: mentionAt)
            }
            k += 1
        }
        return firstOther
    }

    static let nameStops = words(["في", "من", "على", "عن", "إلى", "خلال", "يوم", "أمس", "اليوم", "لدى", "الذي", "التي",
                                  "قد", "كان", "كانت", "للصحفيين", "لصحيفة", "لوكالة", "مع", "بعد", "قبل", "أيضا", "باسم",
                                  "السابق", "الحالي", "الأسبق", "the", "of", "on", "in", "for", "to"])

    /// A name the gazetteer does not know, after a title or role: two to
    /// four words, the first without the article, ending at a clause
    /// boundary, a comma or إن/أن ("وقال السفير الروسي لدى طهران أليكسي
    /// ديدوف إن").
    func unknownPerson(after: Int, end: Int, tokens: [Token], text: [UInt8], mentionAt: [Int: Gazetteer.Mention],
                       gaps: [Gap]) -> (name: String, span: Range<Int>)? {
        // The article as written, not as normalised: أليكسي is a name,
        // الخارجية a definite noun.
        func definite(_ k: Int) -> Bool {
            let raw = text[tokens[k].range]
            return raw.starts(with: Bytes.al) || raw.starts(with: Bytes.lam + Bytes.lam)
        }
        var sawRole = false
        var run: [Int] = []
        var k = after
        func name() -> (String, Range<Int>)? {
            guard sawRole, (2...4).contains(run.count), let first = run.first, let last = run.last else { return nil }
            let span = tokens[first].range.lowerBound..<tokens[last].range.upperBound
            return (run.map { tokens[$0].form }.joined(separator: " "), span)
        }
        while k < min(end, after + 16) {
            if k > after, gaps[k] == .hard || gaps[k] == .quote { break }
            if gaps[k] == .comma, !run.isEmpty { break }
            let form = tokens[k].form
            if Extractor.boundaries.contains(form) { break }
            if Extractor.roles.contains(DateFinder.stripped(form)) {
                sawRole = true
                run = []
            } else if let m = mentionAt[k] {
                if !m.isNisba, gazetteer.entries[m.entry].kind == "person" { return nil }
                run = []
                k = m.tokens.upperBound
                continue
            } else if Extractor.nameStops.contains(form) || form.unicodeScalars.contains(where: { Script($0) != .arabic })
                        || (run.isEmpty && definite(k)) {
                if run.count >= 2 { break }
                run = []
            } else {
                run.append(k)
            }
            k += 1
        }
        return name()
    }

    static let counterparts = words(["ونظيره", "ونظيرته", "ونظيريه", "and", "ونظيرها"])

    /// A person joined to a speaker by "ونظيره …" or "و" + a name, before
    /// the clause goes on (إن، أن، a colon).
    func partner(after span: Range<Int>, end: Int, tokens: [Token],
                 mentions: [Gazetteer.Mention]) -> (name: String, span: Range<Int>)? {
        guard let next = tokens.firstIndex(where: { $0.range.lowerBound >= span.upperBound }), next < end else { return nil }
        let joined = Extractor.counterparts.contains(tokens[next].form)
        for m in mentions where m.tokens.lowerBound >= next && m.tokens.lowerBound < min(end, next + 6) {
            if (next..<m.tokens.lowerBound).contains(where: { Extractor.boundaries.contains(tokens[$0].form) }) { return nil }
            let entry = gazetteer.entries[m.entry]
            guard entry.kind == "person", !m.isNisba, !m.isPrepositional else { continue }
            // "و" + a name right after the speaker, or a counterpart before it.
            if joined || (m.tokens.lowerBound == next && tokens[next].form.hasPrefix("و")) {
                return (entry.name, m.bytes)
            }
            return nil
        }
        return nil
    }

    /// The person whose role is the country's presidency.
    func president(of country: String) -> Gazetteer.Entry? {
        for candidate in gazetteer.entries where candidate.kind == "person" && candidate.country == country {
            if (candidate.role ?? "").hasPrefix("President of") { return candidate }
        }
        return nil
    }

    /// Unnamed speakers before a plural verb: "مسؤولين أوروبيين وأمريكيين
    /// أبلغوا".
    func unnamed(before cue: Int, start: Int, tokens: [Token], mentionAt: [Int: Gazetteer.Mention],
                 gaps: [Gap]) -> (name: String, span: Range<Int>?)? {
        var k = cue - 1
        while k >= max(start, cue - 4) {
            if Extractor.isOfficial(tokens[k].form) { return unnamed(at: k, end: cue, tokens: tokens, mentionAt: mentionAt) }
            if gaps[k + 1] == .hard || gaps[k + 1] == .quote { return nil }
            k -= 1
        }
        return nil
    }

    /// "مسؤول أميركي" → unnamed US official; "مسؤولون أوكرانيون" →
    /// Ukrainian officials.
    func unnamed(at k: Int, end: Int, tokens: [Token], mentionAt: [Int: Gazetteer.Mention]) -> (name: String, span: Range<Int>?) {
        let word = DateFinder.stripped(tokens[k].form)
        let plural = ["مسؤولون", "مسؤولين", "المسؤولون", "المسؤولين", "مصادر", "المصادر", "دبلوماسيون",
                      "دبلوماسيين", "officials", "sources", "diplomats"].contains(word)
        // "مصادر مسؤولين": sources who are officials.
        let sourcesWhoAre = (word.contains("مصدر") || word.contains("مصادر")) && k + 1 < end
            && Extractor.isOfficial(tokens[k + 1].form) && !(tokens[k + 1].form.contains("مصدر") || tokens[k + 1].form.contains("مصادر"))
        if sourcesWhoAre { return unnamed(at: k + 1, end: end, tokens: tokens, mentionAt: mentionAt) }
        let noun = word.contains("دبلوماسي") || word.hasPrefix("diplomat") ? "diplomat"
            : word.contains("مصدر") || word.contains("مصادر") || word.hasPrefix("source") ? "source" : "official"
        var countries: [String] = []
        var next = k + 1
        while next < end, let m = mentionAt[next], m.isNisba {
            countries.append(gazetteer.entries[m.entry].name)
            next = m.tokens.upperBound
        }
        let country = countries.first
        if noun == "source", k + 1 < end, ["مطلعه", "مطلع", "informed"].contains(tokens[k + 1].form) {
            return (plural ? "informed sources" : "informed source", tokens[k].range)
        }
        // "مسؤول بارز في إدارة بايدن": senior Biden administration official.
        var senior = false
        var j = k + 1
        while j < min(end, k + 6) {
            if ["بارز", "كبير", "رفيع", "senior"].contains(tokens[j].form) { senior = true }
            if let m = mentionAt[j], !m.isNisba, ["org"].contains(gazetteer.entries[m.entry].kind ?? "") {
                return ("\(senior ? "senior " : "")\(gazetteer.entries[m.entry].name) \(noun)\(plural ? "s" : "")", tokens[k].range)
            }
            j += 1
        }
        let adjectives = countries.compactMap { Extractor.adjectives[$0] }
        let adjective = adjectives.isEmpty ? nil : adjectives.joined(separator: " and ")
        _ = country
        // "الحاليون والسابقون": current and former.
        var current = false, former = false
        while next < end, let word = Optional(Extractor.bare(tokens[next].form)),
              Extractor.currentWords.contains(word) || Extractor.formerWords.contains(word) {
            if Extractor.currentWords.contains(word) { current = true } else { former = true }
            next += 1
        }
        // "مسؤولون وخبراء", "مسؤولين أميركيين ومحللين مستقلين": others who
        // speak with them.
        var others: String?
        if next < end, tokens[next].form.hasPrefix("و"), let group = Extractor.conjunctGroups[Extractor.bare(tokens[next].form)] {
            let independent = next + 1 < end && Extractor.independentWords.contains(Extractor.bare(tokens[next + 1].form))
            others = (independent ? "independent " : "") + group
        }
        var head = (adjective.map { $0 + " " } ?? "") + noun + (plural ? "s" : "")
        if current || former { head = (current && former ? "current and former " : current ? "current " : "former ") + head }
        if let others { head += " and " + others }
        if plural, adjective != nil || current || former || others != nil { return (head, tokens[k].range) }
        return ("unnamed " + head, tokens[k].range)
    }

    static let identity = words(["اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم", "name", "identified"])
    /// "وفق", "بحسب", "برأي": the source follows.
    static let citations = words(["وفق", "وفقا", "بحسب", "حسب", "برأي", "according"])
    /// The same, with and without a conjunction, as UTF-8 (looked up for
    /// every word, so compared as bytes; see ``Gazetteer``).
    static let citationKeys: Set<[UInt8]> = Set(citations.flatMap { word in
        [Array(word.utf8), Array(("و" + word).utf8), Array(("ف" + word).utf8)]
    })
    static let documents = words(["وثيقة", "دراسة", "تقرير", "بيان", "مذكرة", "document", "study", "report", "statement"])

    /// Who a citation names ("وفق وثيقة أصدرها المجلس الأوروبي …", "برأي
    /// مسؤولين أميركيين", "according to Western officials"). An outlet
    /// cited beside another cue only relays it ("وقال شمخاني …، بحسب
    /// التلفزيون"), and "وفقا للتقرير" points back to a report already
    /// counted: neither is a statement of its own.
    func citedSource(after i: Int, sentence: Range<Int>, tokens: [Token], keys: [[UInt8]],
                     mentionAt: [Int: Gazetteer.Mention], gaps: [Gap],
                     inQuote: (Int) -> Bool) -> (name: String, span: Range<Int>?, document: Bool)? {
        func otherCue() -> Bool {
            sentence.contains { $0 != i && !inQuote($0) && Cue.cue(at: $0, in: tokens, keys: keys) != nil }
        }
        var k = i + 1
        while k < min(sentence.upperBound, i + 8) {
            if k > i + 1, gaps[k] != .none, gaps[k] != .quote { return nil }
            let form = tokens[k].form
            if ["ل", "to"].contains(form) { k += 1; continue }
            if let m = mentionAt[k], !m.isNisba {
                let entry = gazetteer.entries[m.entry]
                guard Extractor.speakers.contains(entry.kind ?? "") else { return nil }
                if ["media", "outlet"].contains(entry.kind ?? ""), otherCue() { return nil }
                return (entry.name, m.bytes, false)
            }
            let word = Extractor.unprefixed(form)
            if Extractor.isOfficial(word) {
                let found = unnamed(at: k, end: sentence.upperBound, tokens: tokens, mentionAt: mentionAt)
                return (found.name, found.span, false)
            }
            if Extractor.documents.contains(word) {
                // The definite "التقرير" is one already met.
                if form.hasPrefix("ال") || form.hasPrefix("لل") { return nil }
                for j in (k + 1)..<min(sentence.upperBound, k + 5) {
                    if let m = mentionAt[j], !m.isNisba, ["org", "media", "outlet", "country", "person"].contains(gazetteer.entries[m.entry].kind ?? "") {
                        return (gazetteer.entries[m.entry].name, m.bytes, true)
                    }
                }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A word without a leading لـ: لمصادر → مصادر, للتقرير → التقرير.
    static func unprefixed(_ form: String) -> String {
        if form.hasPrefix("لل"), form.count > 4 { return "ال" + form.dropFirst(2) }
        if form.hasPrefix("ل"), form.count > 3 { return String(form.dropFirst()) }
        return form
    }

    /// What may follow an attribution that closes its sentence: when,
    /// where and to whom ("said on Thursday", "told reporters on Monday").
    static let closingWords = words(["on", "in", "at", "to", "late", "early", "last", "reporters", "journalists", "a",
                                     "statement", "briefing", "the", "news", "conference", "يوم", "أمس", "اليوم", "للصحفيين",
                                     "للصحافيين", "في", "بيان"])
    static let linkers = words(["بينما", "لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "حيث", "كما", "فيما", "في حين", "but", "while", "and"])
    static let demonstratives = words(["هؤلاء", "هذا", "هذه", "هذان", "these", "the"])
    /// Words of a described speaker that say who they are, not what.
    static let describing: Set<String> = ["unnamed", "senior", "and", "current", "former", "informed", "independent",
                                          "experts", "analysts", "researchers"]

    /// The described speaker met before that `name` (built from a definite
    /// noun phrase) refers back to: the same kind of speaker, in the same
    /// number, with every qualifier `name` has (country, institution).
    func antecedent(of name: String, among earlier: [Extraction]) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard let noun = words.first(where: { ["official", "officials", "source", "sources", "diplomat", "diplomats"].contains($0) })
        else { return nil }
        let qualifiers = Set(words.filter { !Extractor.describing.contains($0) && $0 != noun })
        /// "… officials and experts": others named after the noun.
        func hasOthers(_ words: [String]) -> Bool { words.drop { $0 != noun }.contains("and") }
        let withOthers = hasOthers(words)
        let candidates = earlier.reversed().map(\.actor).filter { $0 != name && gazetteer.entry(named: $0) == nil }
        func fits(_ candidate: String) -> Bool {
            let theirs = candidate.split(separator: " ").map(String.init)
            // Qualified ("المسؤولون الأوكرانيون"): exactly those; bare
            // ("المصادر"): whoever came before.
            return theirs.contains(noun)
                && (qualifiers.isEmpty || Set(theirs.filter { !Extractor.describing.contains($0) && $0 != noun }) == qualifiers)
        }
        return candidates.first { fits($0) && (!withOthers || hasOthers($0.split(separator: " ").map(String.init))) }
            ?? candidates.first(where: fits)
    }

    static let pairs = words(["البلدان", "الجانبان", "الطرفان", "الدولتان", "both countries"])

    /// "تعهد البلدان": the two countries last spoken of, in the order the
    /// article first names them.
    func pair(before k: Int, mentionAt: [Int: Gazetteer.Mention]) -> String? {
        func country(_ m: Gazetteer.Mention) -> String? {
            let entry = gazetteer.entries[m.entry]
            if entry.kind == "country" { return entry.name }
            if entry.kind == "place", (entry.role ?? "").hasPrefix("capital of") { return entry.country }
            return nil
        }
        var recent: [String] = []
        for j in stride(from: k - 1, through: max(0, k - 400), by: -1) {
            if let m = mentionAt[j], let name = country(m), !recent.contains(name) { recent.append(name) }
            if recent.count == 2 { break }
        }
        guard recent.count == 2 else { return nil }
        let first = (0..<k).lazy.compactMap { mentionAt[$0].flatMap(country) }.first { recent.contains($0) }
        return first == recent[1] ? "\(recent[1]) and \(recent[0])" : "\(recent[0]) and \(recent[1])"
    }

    /// "وكالات الأنباء الروسية والإيرانية الرسمية" → Russian and Iranian
    /// state news agencies; "وسائل إعلام روسية" → Russian media.
    func mediaGroup(at k: Int, end: Int, tokens: [Token], mentionAt: [Int: Gazetteer.Mention]) -> (name: String, span: Range<Int>?)? {
        guard k + 1 < end, let (kind, next) = Extractor.mediaGroups[Extractor.bare(tokens[k].form)],
              Extractor.bare(tokens[k + 1].form) == next else { return nil }
        var countries: [String] = []
        var state = false
        var j = k + 2
        while j < end {
            if let m = mentionAt[j], m.isNisba { countries.append(gazetteer.entries[m.entry].name); j = m.tokens.upperBound; continue }
            if Extractor.official.contains(Extractor.bare(tokens[j].form)) { state = true; j += 1; continue }
            break
        }
        let adjectives = countries.compactMap { Extractor.adjectives[$0] }
        let name = (adjectives.isEmpty ? "" : adjectives.joined(separator: " and ") + " ") + (state ? "state " : "") + kind
        return (name, tokens[k].range.lowerBound..<tokens[j - 1].range.upperBound)
    }

    /// The first word of a media group, the second it needs, and the name.
    static let mediaGroups: [String: (String, String)] = {
        var out: [String: (String, String)] = [:]
        for (first, second, name) in [("وكالات", "أنباء", "news agencies"), ("وسائل", "إعلام", "media"), ("صحف", "صحف", "newspapers")] {
            let a = bare(Analyzer(stemming: false).tokens(in: first).first?.form ?? first)
            let b = bare(Analyzer(stemming: false).tokens(in: second).first?.form ?? second)
            out[a] = (name, b)
        }
        return out
    }()
    static let official = Set(["رسمية", "رسمي", "حكومية", "state"].map { bare(Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0) })
    /// Described speakers that are the press.
    static func isPress(_ name: String) -> Bool {
        name == "media reports" || name.hasSuffix("news agencies") || name.hasSuffix(" media") || name.hasSuffix("newspapers")
    }

    /// Titles that, before an institution, name the person who holds them,
    /// with the words the gazetteer's roles use for them.
    static let titles: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (word, keys) in [("رئيس", ["head", "chief", "director", "chairman"]), ("مدير", ["director", "head", "chief"]),
                             ("قائد", ["commander", "chief"]), ("المتحدث", ["spokes"]), ("الناطق", ["spokes"]),
                             ("head", ["head", "chief", "director"]), ("spokesman", ["spokes"]), ("spokeswoman", ["spokes"])] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[form] = keys }
        }
        return out
    }()

    /// The person whose role is `keywords` of `institution`: a role naming
    /// the institution, or two of its words ("head of Ukraine's Defence
    /// Intelligence Directorate" for "Defence Intelligence of Ukraine").
    func holder(of institution: String, keywords: [String]) -> String? {
        let words = Set(institution.lowercased().split(separator: " ").map(String.init).filter { $0.count > 3 })
        var found: [String] = []
        for entry in gazetteer.entries where entry.kind == "person" {
            guard let role = entry.role?.lowercased(), keywords.contains(where: role.contains) else { continue }
            let roleWords = Set(role.split(whereSeparator: { !$0.isLetter }).map(String.init))
            if role.contains(institution.lowercased()) || words.intersection(roleWords).count >= 2 { found.append(entry.name) }
        }
        // Several holders (past and present) cannot be told apart.
        return found.count == 1 ? found[0] : nil
    }

    /// First-person verbs that perform what they say.
    static let performatives: [String: String] = {
        var out: [String: String] = [:]
        for (word, stance) in [("نحض", "demand"), ("ندعو", "demand"), ("نطالب", "demand"), ("نناشد", "demand"),
                               ("ندين", "condemn"), ("نستنكر", "condemn"), ("نحذر", "warn"), ("نتعهد", "pledge"),
                               ("ننفي", "deny"), ("نرفض", "deny")] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[form] = stance }
        }
        return out
    }()
    static let partners: [String: String] = {
        var out: [String: String] = [:]
        for (word, name) in [("وشركاؤها", "partners"), ("وشركاؤه", "partners"), ("وشركائها", "partners"), ("وشركائه", "partners"),
                             ("وحلفاؤها", "allies"), ("وحلفاؤه", "allies"), ("وحلفائها", "allies"), ("وحلفائه", "allies")] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[form] = name }
        }
        return out
    }()
    static let pluralOfficials = Set(["مسؤولون", "مسؤولين", "مصادر", "دبلوماسيون", "دبلوماسيين", "officials", "sources", "diplomats"]
        .map { bare(Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0) })

    /// A word without its conjunction and article: والسابقون → سابقون.
    static func bare(_ form: String) -> String {
        var word = form
        if word.count > 3, word.hasPrefix("و") || word.hasPrefix("ف") { word.removeFirst() }
        if word.count > 4, word.hasPrefix("ال") { word.removeFirst(2) }
        return word
    }
    static let currentWords = Set(["حاليون", "حاليين", "حالي", "current"].map { bare(Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0) })
    static let formerWords = Set(["سابقون", "سابقين", "سابق", "former"].map { bare(Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0) })
    static let independentWords = Set(["مستقلون", "مستقلين", "independent"].map { bare(Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0) })
    static let conjunctGroups: [String: String] = {
        var out: [String: String] = [:]
        for (word, name) in [("خبراء", "experts"), ("محللون", "analysts"), ("محللين", "analysts"), ("باحثون", "researchers"),
                             ("باحثين", "researchers"), ("دبلوماسيون", "diplomats"), ("دبلوماسيين", "diplomats"),
                             ("experts", "experts"), ("analysts", "analysts")] {
            out[bare(Analyzer(stemming: false).tokens(in: word).first?.form ?? word)] = name
        }
        return out
    }()

    /// The speaker just before a subject-first cue ("بيسكوف قال",
    /// "الولايات المتحدة وشركاؤها حذروا"): a mention ending at most two
    /// words before the cue, with no clause boundary between.
    func speaker(before cue: Int, start: Int, mentions: [Gazetteer.Mention],
                 gaps: [Gap]) -> (name: String, span: Range<Int>?)? {
        guard let m = mentions.last(where: { $0.tokens.upperBound <= cue && $0.tokens.upperBound >= cue - 2
            && $0.tokens.lowerBound >= start }), !m.isNisba, !m.isPrepositional else { return nil }
        if (m.tokens.upperBound...cue).contains(where: { $0 < gaps.count && gaps[$0] != .none }) { return nil }
        let entry = gazetteer.entries[m.entry]
        guard Extractor.speakers.contains(entry.kind ?? "") else { return nil }
        return (entry.name, m.bytes)
    }

    static let relayWords = words(["عن", "عنه", "عنها", "عنهم"])

    /// Relayed speech ("نقلت … عن باتروشيف قوله", "عنه قوله"): the person
    /// after the last عن before the participle; a pronoun (عنه) or nothing
    /// leaves the speaker to the context.
    func speaker(relayedBefore cue: Int, start: Int, tokens: [Token],
                 mentions: [Gazetteer.Mention]) -> (name: String, span: Range<Int>?)? {
        guard let from = (start..<cue).last(where: { Extractor.relayWords.contains(tokens[$0].form) }),
              tokens[from].form == "عن" else { return nil }
        guard let m = mentions.first(where: { $0.tokens.lowerBound > from && $0.tokens.upperBound <= cue && !$0.isNisba
            && gazetteer.entries[$0.entry].kind == "person" }) else { return nil }
        return (gazetteer.entries[m.entry].name, m.bytes)
    }

    /// Byte ranges inside quotation marks: “…”, «…» and "…". Scanned as
    /// UTF-8: “ ” are E2 80 9C/9D, « » are C2 AB/BB.
    static func quotes(in bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        /// The closing mark awaited (0x22, 0x9D for ”, 0xBB for ») and where the quotation starts.
        var open: (close: UInt8, start: Int)?
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            var mark: (opening: UInt8?, closing: UInt8?, width: Int)?
            switch b {
            case 0x0A:
                // A quotation does not run past its paragraph: an unmatched
                // mark must not swallow the rest of the article.
                open = nil
            case 0x22:
                mark = (0x22, 0x22, 1)
            case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D):
                mark = bytes[k + 2] == 0x9C ? (0x9D, nil, 3) : (nil, 0x9D, 3)
            case 0xC2 where k + 1 < bytes.count && (bytes[k + 1] == 0xAB || bytes[k + 1] == 0xBB):
                mark = bytes[k + 1] == 0xAB ? (0xBB, nil, 2) : (nil, 0xBB, 2)
            default:
                break
            }
            if let mark {
                if let current = open {
                    if mark.closing == current.close {
                        out.append(current.start..<k)
                        open = nil
                    }
                } else if let closing = mark.opening {
                    open = (closing, k + mark.width)
                }
                k += mark.width
            } else {
                k += 1
            }
        }
        return out
    }

    static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "“”«»\":،.,;؛")))
    }
}
