import IsnadText

/// The words extraction reads Arabic and English news by. Lists that are
/// looked up for every word are kept as UTF-8 bytes (see ``Gazetteer``).
extension Extractor {
    static func words(_ list: [String]) -> WordSet {
        WordSet(forms: list.compactMap { Analyzer(stemming: false).tokens(in: $0).first?.form })
    }

    /// A word as the analyzer writes it (normalised, not stemmed).
    static func form(_ word: String) -> String { Analyzer(stemming: false).tokens(in: word).first?.form ?? word }

    /// Words that end the search for a speaker after a cue.
    static let boundaries = words([
        "إن", "أن", "بأن", "لأن", "that", "إلى", "عن", "على", "حول", "بشأن", "إذا", "لو",
        "عندما", "حين", "بينما", "لكن", "if", "when", "while",
        // A relative clause is about someone else: "وقال في المؤتمر، الذي عقد
        // بتوجيه من ولي العهد، إن" has no subject after the verb.
        "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي",
    ])
    /// "مسؤول", "والمسؤولون", "officials": a word for unnamed speakers,
    /// with or without its conjunction and article.
    static func isOfficial(_ form: String) -> Bool {
        PlainForm.stripped(form) { word, count in
            guard let count else {
                let word = String(decoding: word, as: UTF8.self)
                return officials.contains(word.hasPrefix("ال") && word.count > 4 ? String(word.dropFirst(2)) : word)
            }
            if count > 4, Bytes.starts(word, with: Bytes.al) {
                return officials.contains(UnsafeBufferPointer(rebasing: word[4...]))
            }
            return officials.contains(word)
        }
    }

    /// Groups that speak without names.
    static let groups: WordMap<String> = {
        var out = WordMap<String>()
        for (word, name) in [
            ("الخبراء", "experts"), ("خبراء", "experts"), ("المحللون", "analysts"), ("محللون", "analysts"),
            ("experts", "experts"), ("analysts", "analysts"),
        ] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[Array(form.utf8)] = name }
        }
        return out
    }()

    static let complementizers = words(["إن", "أن", "بأن", "that"])
    /// Who analyses rather than takes sides (``StanceReader``): by the
    /// words of their description, and in a described speaker's name.
    static let analystWords = words([
        "خبير", "الخبير", "خبراء", "الخبراء", "محلل", "المحلل", "محللون", "المحللون", "محللين", "باحث", "الباحث",
        "الباحثة", "باحثة", "زميل", "أستاذ", "الأستاذ", "أكاديمي", "analyst", "analysts", "expert", "experts",
        "researcher", "researchers", "fellow", "professor", "scholar", "economist", "economists",
    ])
    static let analysts = ["analyst", "expert", "researcher", "economist", "professor"]
    /// أعلن, "announced": a measure when a noun is its object.
    static let announcing = words(["أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "announced", "announces", "announcing", "unveiled"])
    /// Deaths announced are facts, not measures.
    static let deaths = words([
        "مقتل", "وفاة", "استشهاد", "مصرع", "سقوط", "إصابة", "death", "deaths", "killing", "results", "نتائج", "النتائج",
    ])
    /// أكد and its forms: confirming when a noun is its object
    /// (``affirmingLinks`` and a clause are not).
    static let affirming = words(["أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "مؤكدا", "مؤكدة"])
    static let affirmingLinks = words(["على", "علي", "عليه", "عليها", "ضرورة", "أهمية", "في", "خلال", "أيضا", "اليوم", "أمس"])

    /// Titles and roles that may stand between a cue and the speaker's name.
    static let roles = words([
        "المتحدث", "المتحدثة", "الناطق", "وزير", "وزيرة", "الوزير", "رئيس", "رئيسة", "الرئيس",
        "مستشار", "مستشارة", "المستشار", "السفير", "سفير", "الأمين", "المدير", "مدير", "قائد",
        "القائد", "نائب", "النائب", "عضو", "الخبير", "خبير", "زميل", "الباحث", "الباحثة", "المحلل",
        "مندوب", "المندوب", "ممثل", "المبعوث", "مبعوث", "الجنرال", "اللواء", "العميد", "الأدميرال",
        "spokesman", "spokeswoman", "minister", "president", "adviser", "ambassador", "secretary",
    ])
    static let officials = words([
        "مسؤول", "مسؤولا", "مسؤولون", "مسؤولين", "مصدر", "مصدرا", "مصادر", "دبلوماسي", "دبلوماسيا",
        "دبلوماسيون", "دبلوماسيين", "official", "officials", "source", "sources", "diplomat",
    ])
    static let reports = words(["تقارير", "تقرير", "التقارير", "التقرير", "reports", "report"])
    /// Participles and nouns that continue the sentence's speaker.
    static let nominal: WordMap<String> = {
        var out = WordMap<String>()
        for (word, stance) in [
            ("قوله", "assert"), ("قولها", "assert"), ("مضيفا", "assert"), ("مضيفة", "assert"),
            ("مشيرا", "assert"), ("مشيرة", "assert"), ("معتبرا", "assert"), ("معتبرة", "assert"),
            ("مدعيا", "assert"), ("مدعية", "assert"), ("مردفا", "assert"), ("مردفة", "assert"),
            ("موضحا", "assert"), ("موضحة", "assert"), ("لافتا", "assert"), ("لافتة", "assert"),
            ("مشددا", "assert"), ("مشددة", "assert"), ("منوها", "assert"), ("منوهة", "assert"),
            ("مؤكدا", "assert"), ("مؤكدة", "assert"), ("محذرا", "warn"), ("محذرة", "warn"),
            ("نافيا", "deny"), ("نافية", "deny"), ("متهما", "accuse"), ("متهمة", "accuse"),
            ("مطالبا", "demand"), ("مطالبة", "demand"), ("داعيا", "demand"), ("داعية", "demand"),
            ("مهددا", "threaten"), ("مهددة", "threaten"), ("متعهدا", "pledge"), ("متعهدة", "pledge"),
            ("adding", "assert"), ("saying", "assert"),
        ] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[Array(form.utf8)] = stance }
        }
        for (word, stance) in SpeakerLexicon.arabicParticiples {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form, out[Array(form.utf8)] == nil {
                out[Array(form.utf8)] = stance
            }
        }
        return out
    }()
    /// The stance of a participle of saying, with و or ف on it or not
    /// ("ومؤكدا:").
    static func participle(_ key: [UInt8]) -> String? {
        if let stance = nominal[key] { return stance }
        guard key.count > 8, Bytes.clitic(key[...]) == .conjunction else { return nil }
        return nominal[key.dropFirst(2)]
    }
    /// Participles of describing ("واصفا الهجوم بأنه …"): the thing
    /// described stands between them and what is said of it.
    static let describers = WordSet(normalizing: ["واصفا", "واصفة", "واصفين", "ووصفا", "معتبرا", "معتبرة", "ومعتبرا"])
    static let describedAs = WordSet(normalizing: ["بأنه", "بأنها", "بأنهم", "بأن", "بانه", "بانها", "بانهم", "بان"])
    /// Participles that say only "saying" (قائلا), which after a cue verb
    /// carry that verb's words rather than a statement of their own.
    static let introducers = WordSet(normalizing: ["قائلا", "قائلة", "قائلين", "قائلتين", "قائلان"])
    /// "في وقت لاحق", "لاحقا": after the time the paragraph set.
    static let laterKeys = WordSet(normalizing: ["لاحق", "لاحقا", "later", "since"])
    static let reportNouns = ["تقرير", "صحيفه", "الوكاله", "report"].map { Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0 }
    /// Present-tense verbs (يقول، تقول، يظن) and participles speak of now.
    static func isPresent(_ key: [UInt8]) -> Bool {
        guard let verb = Cue.bareVerb(key) else { return nominal[key] != nil }
        if verb.starts(with: [0xD9, 0x8A]) { return true }
        return verb.starts(with: Bytes.ta) && !pastWithTa.contains(verb)
    }
    static let pastWithTa = WordSet(normalizing: ["تابع", "تابعت", "تعهد", "تعهدت", "توعد", "توعدت", "تحدث", "تحدثت"])

    /// "قوله": nouns of saying, cues wherever they stand; so are the English
    /// participles ("saying only that …"), which are never adjectives.
    static let sayingNouns = WordSet(normalizing: ["قوله", "قولها", "قولهم", "saying", "adding"])

    /// "قال إنهما سيحاربان", "أكد أننا سنواصل": the speakers say what they
    /// themselves will do — a commitment.
    static let selfComplementizers = words([
        "إنه", "إنها", "إنهما", "إنهم", "إننا", "إنني", "أنه", "أنها", "أنهما",
        "أنهم", "أننا", "بأنه", "بأنها", "بأنهم",
    ])

    /// Whether the clause's words (as keys) say so: a self-complementizer
    /// in its first ten words, then a future verb or سوف.
    static func commitsSelf(_ clause: ArraySlice<[UInt8]>) -> Bool {
        guard let k = clause.prefix(10).firstIndex(where: { selfComplementizers.contains($0) }) else { return false }
        return clause[(k + 1)...].prefix(2).contains { key in
            key.withUnsafeBufferPointer { word in
                // A plain word's characters are its bytes' (``PlainForm``).
                guard let count = PlainForm.characterCount(word) else { return isFuture(String(decoding: word, as: UTF8.self)) }
                return word.elementsEqual(sawfa)
                    || (count > 4 && futurePrefixes.contains { word.starts(with: $0) } && !notFuture.contains(word))
            }
        }
    }

    /// سوف, or a verb of more than four letters with سـ before its
    /// person prefix (ستة and سنة are not).
    static func isFuture(_ word: String) -> Bool {
        word == "سوف"
            || (word.count > 4 && ["سي", "ست", "سن", "سا"].contains { word.hasPrefix($0) }
                && !["ستة", "سنة", "سنوات", "سياسة", "سياسي", "ستين", "سنه"].contains(word))
    }

    private static let sawfa = Array("سوف".utf8)
    private static let futurePrefixes = ["سي", "ست", "سن", "سا"].map { Array($0.utf8) }
    private static let notFuture = WordSet(forms: ["ستة", "سنة", "سنوات", "سياسة", "سياسي", "ستين", "سنه"])
    static let notFutureWords = WordSet(normalizing: [
        "ستة", "سنة", "سنوات", "سياسة", "سياسي", "سياسية", "ستين", "سنه", "سيارة", "سيارات", "سيطرة", "سياق", "سيادة",
        "ستار", "سنوي", "سنوية", "سياسات", "سيدة", "سيناريو",
    ])

    /// Every table of stance phrases, for ``WordFlags/phrase``.
    static let phraseTables = [StanceLexicon.phrases]

    static let adjectives: [String: String] = [
        "Iran": "Iranian", "Russia": "Russian", "United States": "US", "Ukraine": "Ukrainian",
        "United Kingdom": "British", "Israel": "Israeli", "China": "Chinese", "European Union": "European",
        "West": "Western", "Saudi Arabia": "Saudi", "Turkey": "Turkish", "France": "French", "Germany": "German",
        "Egypt": "Egyptian", "Qatar": "Qatari", "UAE": "Emirati", "Syria": "Syrian", "Iraq": "Iraqi", "Lebanon": "Lebanese",
        "Yemen": "Yemeni", "North Korea": "North Korean", "Belarus": "Belarusian", "Japan": "Japanese", "India": "Indian",
        "South Korea": "South Korean", "Kuwait": "Kuwaiti", "Bahrain": "Bahraini", "Oman": "Omani", "Jordan": "Jordanian",
        "Palestine": "Palestinian", "Italy": "Italian", "Poland": "Polish", "Pakistan": "Pakistani", "Afghanistan": "Afghan",
        "Azerbaijan": "Azerbaijani", "Armenia": "Armenian", "Georgia": "Georgian", "Kazakhstan": "Kazakh",
        "Venezuela": "Venezuelan", "Libya": "Libyan", "Sudan": "Sudanese", "Algeria": "Algerian", "Morocco": "Moroccan",
        "Tunisia": "Tunisian",
    ]
    /// What kind of source or official an Arabic adjective after the noun
    /// says it is (مصدر حكومي أردني: a Jordanian government source), in the
    /// order English puts it, after the nationality.
    static let describedQualifiers: [String: String] = {
        var out: [String: String] = [:]
        for (english, forms) in [
            ("government", ["حكومي", "حكومية", "حكوميون", "حكوميين", "حكوميا"]),
            ("security", ["أمني", "أمنية", "أمنيون", "أمنيين", "أمنيا"]),
            ("military", ["عسكري", "عسكرية", "عسكريون", "عسكريين", "عسكريا"]),
            ("media", ["إعلامي", "إعلامية", "إعلاميون", "إعلاميين"]),
            ("medical", ["طبي", "طبية", "طبيون", "طبيين"]),
            ("diplomatic", ["دبلوماسية"]),
            ("political", ["سياسي", "سياسية", "سياسيون", "سياسيين"]),
            ("judicial", ["قضائي", "قضائية", "قضائيون", "قضائيين"]),
            ("intelligence", ["استخباراتي", "استخباراتية", "استخباري", "استخبارية"]),
        ] {
            for word in forms { out[bare(form(word))] = english }
        }
        return out
    }()
    /// "رفيع", "كبير", "بارز": a senior one ("رفيع المستوى" too).
    static let seniorWords = WordSet(
        forms: [
            "رفيع", "رفيعة", "رفيعا", "رفيعو", "رفيعي", "كبير", "كبيرة", "كبار", "بارز", "بارزة",
            "بارزا", "المستوى", "senior",
        ].map { bare(form($0)) })

    /// Nouns that introduce an outlet's name ("صحيفة "واشنطن بوست"").
    static let mediaNouns = words(["صحيفة", "قناة", "وكالة", "موقع", "مجلة", "شبكة", "newspaper", "agency"])
    /// "الرئيس الأوكراني": the title that, with a country, names its holder.
    static let presidents = words(["الرئيس", "president"])

    static let nameStops = words([
        "في", "من", "على", "عن", "إلى", "خلال", "يوم", "أمس", "اليوم", "لدى", "الذي", "التي",
        "قد", "كان", "كانت", "للصحفيين", "لصحيفة", "لوكالة", "مع", "بعد", "قبل", "أيضا", "باسم",
        "السابق", "الحالي", "الأسبق", "the", "of", "on", "in", "for", "to",
    ])

    static let counterparts = words(["ونظيره", "ونظيرته", "ونظيريه", "and", "ونظيرها"])

    static let identity = words(["اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم", "name", "identified"])
    /// "وفق", "بحسب", "برأي": the source follows.
    static let citations = ["وفق", "وفقا", "بحسب", "حسب", "برأي", "according"].map(form)
    /// The same, with and without a conjunction, as UTF-8 (looked up for
    /// every word, so compared as bytes; see ``Gazetteer``).
    static let citationWords = WordSet(citations.map { Array($0.utf8) })
    static let citationKeys = WordSet(
        citations.flatMap { word in
            [Array(word.utf8), Array(("و" + word).utf8), Array(("ف" + word).utf8)]
        })
    static let documents = words(["وثيقة", "دراسة", "تقرير", "بيان", "مذكرة", "document", "study", "report", "statement"])

    /// A word without a leading لـ: لمصادر → مصادر, للتقرير → التقرير.
    static func unprefixed(_ form: String) -> String {
        if form.hasPrefix("لل"), form.count > 4 { return "ال" + form.dropFirst(2) }
        if form.hasPrefix("ل"), form.count > 3 { return String(form.dropFirst()) }
        return form
    }

    /// What may follow an attribution that closes its sentence: when,
    /// where and to whom ("said on Thursday", "told reporters on Monday").
    static let closingWords = words([
        "on", "in", "at", "to", "late", "early", "last", "reporters", "journalists", "a",
        "statement", "briefing", "the", "news", "conference", "يوم", "أمس", "اليوم", "للصحفيين",
        "للصحافيين", "في", "بيان",
    ])
    static let linkers = words(["بينما", "لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "حيث", "كما", "فيما", "في حين", "but", "while", "and"])
    static let demonstratives = words(["هؤلاء", "هذا", "هذه", "هذان", "these", "the"])
    /// Words of a described speaker that say who they are, not what.
    static let describing: Set<String> = [
        "unnamed", "senior", "and", "current", "former", "informed", "independent",
        "experts", "analysts", "researchers",
    ]

    static let pairs = words(["البلدان", "الجانبان", "الطرفان", "الدولتان"])

    /// The first word of a media group, the second it needs, and the name.
    /// By the first word's bare form (looked up for every word after a cue).
    static let mediaGroups: WordMap<(name: String, second: [UInt8])> = {
        var out = WordMap<(name: String, second: [UInt8])>()
        for (first, second, name) in [("وكالات", "أنباء", "news agencies"), ("وسائل", "إعلام", "media"), ("صحف", "صحف", "newspapers")] {
            out[Array(bare(form(first)).utf8)] = (name, Array(bare(form(second)).utf8))
        }
        return out
    }()
    static let hebrewWords = WordSet(forms: ["عبرية", "عبري", "العبرية", "العبري"].map { bare(form($0)) })
    static let stateWords = WordSet(forms: ["رسمية", "رسمي", "حكومية", "state"].map { bare(form($0)) })
    /// Described speakers that are the press.
    static func isPress(_ name: String) -> Bool {
        // (`hasSuffix` compares Characters; the bytes tell first, cheaply,
        // when it cannot hold: no other spelling is equivalent to these.)
        if name == "media reports" || endsWith(name, "news agencies") || endsWith(name, " media") || endsWith(name, "newspapers") {
            return true
        }
        // A speaker the gazetteer does not know, named as an outlet: "state
        // TV", "the TASS news agency", "وسائل إعلام عبرية", "الوكالة الوطنية
        // للإعلام" (but not a ministry of information).
        // (Asked of every speaker: most names hold no word of the press,
        // which a scan of their bytes tells without making Strings.)
        guard mayBePress(name) else { return false }
        let words = name.split(separator: " ")
        guard let first = words.first, !officialHeads.contains(String(first)) else { return false }
        if pressHeads.contains(String(first)) { return true }
        return words.contains { word in
            let w = word.lowercased()
            return pressWords.contains(w) || w.hasSuffix("إعلام") || w == "إعلامية"
        } || name.lowercased().contains("news agency")
    }
    /// `name.hasSuffix(suffix)`, its bytes compared first.
    private static func endsWith(_ name: String, _ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        return name.utf8.count >= tail.count && name.utf8.suffix(tail.count).elementsEqual(tail)
            && name.hasSuffix(String(decoding: tail, as: UTF8.self))
    }
    /// Whether `name` holds, in any case, a fragment of a press word or
    /// starts with a press head: ``isPress(_:)``'s quick test.
    private static func mayBePress(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            if pressHeadBytes.contains(where: { head in
                bytes.starts(with: head) && (bytes.count == head.count || bytes[head.count] == 0x20)
            }) {
                return true
            }
            return pressFragments.contains { fragment in
                guard bytes.count >= fragment.count else { return false }
                var i = 0
                while i + fragment.count <= bytes.count {
                    var k = 0
                    // ASCII letters compare without case (a fragment is lower case).
                    while k < fragment.count, bytes[i + k] | (bytes[i + k] < 0x80 ? 0x20 : 0) == fragment[k] { k += 1 }
                    if k == fragment.count { return true }
                    i += 1
                }
                return false
            }
        }
    }
    private static let pressFragments: [[UInt8]] = [
        "media", "news", "tv", "television", "radio", "outlet", "broadcaster", "tabloid", "daily", "إعلام",
    ].map { Array($0.utf8) }
    private static let pressHeadBytes: [[UInt8]] = pressHeads.map { Array($0.utf8) }
    private static let pressWords: Set<String> = [
        "media", "news", "newspaper", "television", "tv", "radio", "outlet", "outlets", "broadcaster", "tabloid", "daily",
    ]
    private static let pressHeads: Set<String> = [
        "وسائل", "وكالة", "الوكالة", "صحيفة", "الصحيفة", "قناة", "القناة", "تلفزيون", "التلفزيون", "إذاعة", "الإذاعة", "موقع",
        "شبكة", "مجلة", "وكالات", "صحف", "الصحف",
    ]
    private static let officialHeads: Set<String> = ["وزارة", "وزير", "وزيرة", "Ministry", "Minister", "minister", "ministry"]

    /// Titles that, before an institution, name the person who holds them,
    /// with the words the gazetteer's roles use for them.
    static let titles: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (word, keys) in [
            ("رئيس", ["head", "chief", "director", "chairman"]), ("مدير", ["director", "head", "chief"]),
            ("قائد", ["commander", "chief"]), ("المتحدث", ["spokes"]), ("الناطق", ["spokes"]),
            ("head", ["head", "chief", "director"]), ("spokesman", ["spokes"]), ("spokeswoman", ["spokes"]),
        ] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[form] = keys }
        }
        return out
    }()

    /// First-person verbs that perform what they say.
    static let performatives: WordMap<String> = {
        var out = WordMap<String>()
        for (word, stance) in [
            ("نحض", "demand"), ("ندعو", "demand"), ("نطالب", "demand"), ("نناشد", "demand"),
            ("ندين", "condemn"), ("نستنكر", "condemn"), ("نحذر", "warn"), ("نتعهد", "pledge"),
            ("ننفي", "deny"), ("نرفض", "deny"),
        ] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[Array(form.utf8)] = stance }
        }
        return out
    }()
    static let partners: WordMap<String> = {
        var out = WordMap<String>()
        for (word, name) in [
            ("وشركاؤها", "partners"), ("وشركاؤه", "partners"), ("وشركائها", "partners"), ("وشركائه", "partners"),
            ("وحلفاؤها", "allies"), ("وحلفاؤه", "allies"), ("وحلفائها", "allies"), ("وحلفائه", "allies"),
        ] {
            if let form = Analyzer(stemming: false).tokens(in: word).first?.form { out[Array(form.utf8)] = name }
        }
        return out
    }()
    static let pluralOfficials = WordSet(
        forms: ["مسؤولون", "مسؤولين", "مصادر", "دبلوماسيون", "دبلوماسيين", "officials", "sources", "diplomats"]
            .map { bare(form($0)) })

    /// A word without its conjunction and article: والسابقون → سابقون.
    static func bare(_ form: String) -> String {
        var word = form
        if word.count > 3, word.hasPrefix("و") || word.hasPrefix("ف") { word.removeFirst() }
        if word.count > 4, word.hasPrefix("ال") { word.removeFirst(2) }
        return word
    }
    static let currentWords = WordSet(forms: ["حاليون", "حاليين", "حالي", "current"].map { bare(form($0)) })
    static let formerWords = WordSet(forms: ["سابقون", "سابقين", "سابق", "former"].map { bare(form($0)) })
    static let independentWords = WordSet(forms: ["مستقلون", "مستقلين", "independent"].map { bare(form($0)) })
    static let conjunctGroups: WordMap<String> = {
        var out = WordMap<String>()
        for (word, name) in [
            ("خبراء", "experts"), ("محللون", "analysts"), ("محللين", "analysts"), ("باحثون", "researchers"),
            ("باحثين", "researchers"), ("دبلوماسيون", "diplomats"), ("دبلوماسيين", "diplomats"),
            ("experts", "experts"), ("analysts", "analysts"),
        ] {
            out[Array(bare(form(word)).utf8)] = name
        }
        return out
    }()

    static let relayWords = words(["عن", "عنه", "عنها", "عنهم"])
    /// Verbs that relay another's words ("ونقلت الصحيفة عن … قوله").
    static let relayVerbs = WordSet(normalizing: ["نقل", "نقلت", "ونقل", "ونقلت", "ينقل", "تنقل", "نقلا", "ونقلا"])
}
