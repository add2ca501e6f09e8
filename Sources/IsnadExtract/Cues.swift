import IsnadText

/// The words that attribute speech in Arabic and English news, with the
/// stance each usually carries.
package enum Cue {
    /// Verb forms by stance. Past and present, masculine and feminine,
    /// singular and plural; prefixes (و، ف) are removed before lookup.
    static let verbs: [(String, [String])] = [
        (
            "assert",
            [
                "قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "أضاف", "أضافت", "أضافوا", "يضيف", "تضيف",
                "أوضح", "أوضحت", "يوضح", "تابع", "أشار", "أشارت", "يشير", "يظن", "يظنون", "يزعمون", "يؤكدون",
                "صرح", "صرحت", "يصرح", "أعلن", "أعلنت", "يعلن", "تعلن", "اعتبر", "اعتبرت",
                "رأى", "رأت", "يرى", "ترى", "لفت", "لفتت", "زعم", "زعمت", "يزعم", "ادعى", "ادعت",
                "وصف", "وصفت", "يصف", "أبلغ", "أبلغت", "أبلغوا", "شدد", "شددت", "يشدد", "قالا",
                "said", "says", "told", "added", "stated", "noted", "claimed", "described", "explained",
            ]
        ),
        // أكد is "stressed" far more often than "confirmed": plain saying,
        // but for the phrases that confirm a fact (أكد مقتل, أكد صحة).
        ("assert", ["أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد"]),
        ("confirm", ["confirmed", "confirms"]),
        (
            "deny",
            [
                "نفى", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "نفاه", "نفته", "أنكر", "أنكرت", "ينكر", "تنكر", "أنكره", "denied", "denies",
                "rejected",
            ]
        ),
        ("warn", ["حذر", "حذرت", "حذروا", "يحذر", "تحذر", "يحذرون", "warned", "warns", "cautioned"]),
        ("accuse", ["اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "accused", "accuses"]),
        (
            "condemn",
            [
                "ندد", "نددت", "يندد", "أدان", "أدانت", "يدين", "تدين", "انتقد", "انتقدت", "ينتقد", "استنكر",
                "استنكرت", "condemned", "condemns", "criticized", "criticised",
            ]
        ),
        (
            "demand",
            [
                "طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "دعا", "دعت", "يدعو", "تدعو", "حث", "حثت", "يحث",
                "urged", "demanded", "called",
            ]
        ),
        ("threaten", ["هدد", "هددت", "هددوا", "يهدد", "تهدد", "توعد", "توعدت", "threatened", "threatens"]),
        ("pledge", ["تعهد", "تعهدت", "يتعهد", "وعد", "وعدت", "pledged", "vowed", "promised"]),
        ("admit", ["اعترف", "اعترفت", "يعترف", "أقر", "أقرت", "يقر", "admitted", "acknowledged", "conceded"]),
        ("report", ["ذكرت", "ذكر", "أفادت", "أفاد", "أوردت", "reported"]),
    ]

    /// Cues of several words, matched before single verbs.
    static let phrases: [(String, String)] = [
        ("أعرب عن قلقه", "concern"), ("أعربت عن قلقها", "concern"), ("أعرب عن قلق", "concern"),
        ("أعربوا عن قلقهم", "concern"), ("أبدى قلقه", "concern"), ("أبدت قلقها", "concern"),
        ("يشعر بالقلق", "concern"), ("نشعر بالقلق", "concern"),
        ("امتنع عن تأكيد", "decline"), ("امتنعت عن تأكيد", "decline"), ("امتنع عن التعليق", "decline"),
        ("امتنعت عن التعليق", "decline"), ("رفض التعليق", "decline"), ("رفضت التعليق", "decline"),
        ("لم ينكر", "decline"), ("لم تنكر", "decline"), ("لم يؤكد", "decline"), ("لم تؤكد", "decline"),
        ("declined to comment", "decline"), ("declined to confirm", "decline"), ("refused to comment", "decline"),
        ("expressed concern", "concern"),
        ("بحسب ما ورد", "report"),
    ]

    /// Verbs whose stance depends on certain words soon after them:
    /// "امتنع يوم الاثنين عن تأكيد", "رفض تحديد", "أعربت … عن قلقها". A verb
    /// also listed alone is a cue of that stance without them.
    static let conditional: [(verbs: [String], stance: String, needs: [String])] = [
        (
            ["امتنع", "امتنعت", "امتنعوا", "رفض", "رفضت", "رفضوا"], "decline",
            ["تأكيد", "التعليق", "تحديد", "الكشف", "الإفصاح", "confirm", "comment"]
        ),
        (["أعرب", "أعربت", "أعربوا", "أبدى", "أبدت", "يبدي"], "concern", ["قلق", "قلقه", "قلقها", "قلقهم", "بالقلق", "القلق"]),
    ]

    static let conditionalForms: WordMap<(stance: String, needs: WordSet)> = {
        var out = WordMap<(stance: String, needs: WordSet)>()
        for (verbs, stance, needs) in conditional {
            let needed = WordSet(normalizing: needs)
            for verb in verbs { if let form = normalize(verb).first { out[Array(form.utf8)] = (stance, needed) } }
        }
        return out
    }()

    static let forms = Analyzer(stemming: false)

    static func normalize(_ words: String) -> [String] { forms.tokens(in: words).map(\.form) }

    /// Normalised single-word cues, by their UTF-8 bytes (see
    /// ``Gazetteer``: byte comparison skips Unicode normalisation).
    static let single: WordMap<String> = {
        var out = WordMap<String>()
        for (stance, list) in verbs {
            for verb in list {
                if let form = normalize(verb).first, out[Array(form.utf8)] == nil { out[Array(form.utf8)] = stance }
            }
        }
        // The general lexicon after the tables above, which win where both
        // list a word.
        for (word, stance) in lexiconCues where !word.contains(" ") {
            if let form = normalize(word).first, out[Array(form.utf8)] == nil { out[Array(form.utf8)] = stance }
        }
        return out
    }()

    /// ``SpeakerLexicon``'s cues in both languages (what it leaves out,
    /// and why, is said there).
    static let lexiconCues = SpeakerLexicon.englishCues + SpeakerLexicon.arabicCues

    /// Phrases by their first word.
    static let multi: WordMap<[(words: [[UInt8]], stance: String)]> = {
        var out = WordMap<[(words: [[UInt8]], stance: String)]>()
        for (phrase, stance) in phrases + lexiconCues.filter({ $0.0.contains(" ") }) {
            let words = normalize(phrase).map { Array($0.utf8) }
            guard let first = words.first else { continue }
            out[first, default: []].append((words, stance))
        }
        out.updateValues { $0.sort { $0.words.count > $1.words.count } }
        return out
    }()

    static let reportVerbs = WordSet(normalizing: verbs.first { $0.0 == "report" }?.1 ?? [])

    /// What a word can start, from the tables above, for ``cue(at:in:keys:)``:
    /// asked of nearly every word, it looks each form up once, not in each table.
    /// (A class: a lookup then costs one retain, not one per field.)
    final class Entry: Sendable {
        let phrases: [(words: [[UInt8]], stance: String)]
        let conditional: (stance: String, needs: WordSet)?
        let single: String?
        let isReport: Bool
        let isSaying: Bool
        /// In one of the cue tables (a verb, a phrase's first word or a
        /// conditional verb), not only among the report verbs or sayings.
        var isListed: Bool { single != nil || !phrases.isEmpty || conditional != nil }

        init(
            phrases: [(words: [[UInt8]], stance: String)] = [], conditional: (stance: String, needs: WordSet)? = nil,
            single: String? = nil, isReport: Bool = false, isSaying: Bool = false
        ) {
            self.phrases = phrases
            self.conditional = conditional
            self.single = single
            self.isReport = isReport
            self.isSaying = isSaying
        }
    }

    static let entries: WordMap<Entry> = {
        struct Fields {
            var phrases: [(words: [[UInt8]], stance: String)] = []
            var conditional: (stance: String, needs: WordSet)?
            var single: String?
            var isReport = false
            var isSaying = false
        }
        var fields = WordMap<Fields>()
        func update(_ word: [UInt8], _ change: (inout Fields) -> Void) {
            var entry = fields[word] ?? Fields()
            change(&entry)
            fields[word] = entry
        }
        single.forEach { word, stance in update(word) { $0.single = stance } }
        multi.forEach { word, phrases in update(word) { $0.phrases = phrases } }
        conditionalForms.forEach { word, conditional in update(word) { $0.conditional = conditional } }
        reportVerbs.forEach { word in update(word) { $0.isReport = true } }
        sayings.forEach { word in update(word) { $0.isSaying = true } }
        var out = WordMap<Entry>()
        fields.forEach { word, f in
            out[word] = Entry(phrases: f.phrases, conditional: f.conditional, single: f.single, isReport: f.isReport, isSaying: f.isSaying)
        }
        return out
    }()

    /// What ``cue(at:in:keys:)`` finds.
    typealias Hit = (stance: String, length: Int, isReport: Bool)

    /// The cue starting at token `i`, if any: its stance and token length.
    ///
    /// Asked of nearly every word, so the word and its form without a
    /// conjunction (``strippedVerb(_:)``) are looked at in place: the list
    /// of both forms allocated for each word was a third of this.
    static func cue(at i: Int, in tokens: [Token], keys: [[UInt8]]) -> Hit? {
        keys[i].withUnsafeBufferPointer { key -> Hit? in
            // The word itself, then without its conjunction when it has one.
            let forms = hasConjunction(key) ? 2 : 1
            let first = entries[key]
            let second = forms == 2 ? entries[UnsafeBufferPointer(rebasing: key[2...])] : nil
            for n in 0..<forms {
                guard let entry = n == 0 ? first : second else { continue }
                for (words, stance) in entry.phrases where i + words.count <= tokens.count {
                    if (1..<words.count).allSatisfy({ verb(keys[i + $0], is: words[$0]) }) {
                        return (stance, words.count, false)
                    }
                }
            }
            for n in 0..<forms {
                guard let entry = n == 0 ? first : second else { continue }
                if let (stance, needs) = entry.conditional {
                    let window = keys[(i + 1)..<min(keys.count, i + 7)]
                    if window.contains(where: { needs.contains($0) || ($0.count > 2 && needs.contains(Array($0.dropFirst(2)))) }) {
                        return (stance, 1, false)
                    }
                    // Without those words the verb is still a cue of its own
                    // when listed alone: "رفض الاتهامات", "أعرب عن أسفه".
                    if entry.single == nil { continue }
                }
                if let stance = entry.single { return (stance, 1, entry.isReport) }
            }
            // An object pronoun on the verb: "وصفتها بأنها", "اتهمه", "حذرهم".
            for n in 0..<forms {
                let candidate = n == 0 ? key : UnsafeBufferPointer(rebasing: key[2...])
                let hit = firstWithoutObject(candidate) { verb -> Hit? in
                    guard let entry = entries[verb], let stance = entry.single, !entry.isSaying else { return nil }
                    return (stance, 1, entry.isReport)
                }
                if let hit { return hit }
            }
            return nil
        }
    }

    /// Whether ``cue(at:in:keys:)`` can find a cue at this word, whatever
    /// follows it: the same lookups without the words after it (for
    /// ``WordFlags``).
    static func mayStart(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for n in 0..<(hasConjunction(key) ? 2 : 1) {
            let candidate = n == 0 ? key : UnsafeBufferPointer(rebasing: key[2...])
            if entries[candidate] != nil || firstWithoutObject(candidate, { entries[$0]?.single }) != nil { return true }
        }
        return false
    }

    /// The first answer `body` gives for `word` without an object pronoun
    /// (``objectSuffixes``, longest first), where what is left is long
    /// enough to be a verb.
    @inline(__always)
    static func firstWithoutObject<T>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        for suffix in objectSuffixes where word.count > suffix.count + 4 && word.suffix(suffix.count).elementsEqual(suffix) {
            if let found = body(UnsafeBufferPointer(rebasing: word[..<(word.count - suffix.count)])) { return found }
        }
        return nil
    }

    /// Whether ``strippedVerb(_:)`` gives two forms.
    @inline(__always)
    static func hasConjunction<Word: Collection<UInt8>>(_ form: Word) -> Bool {
        form.count > 4 && Bytes.clitic(form) == .conjunction
    }

    /// Whether `word` is among ``strippedVerb(_:)`` of `key`.
    @inline(__always)
    static func verb(_ key: [UInt8], is word: [UInt8]) -> Bool {
        key == word || (hasConjunction(key) && key.dropFirst(2).elementsEqual(word))
    }

    /// The cue verb as listed, without its conjunction or object pronoun:
    /// ووصفتها → وصفت, فأضاف → أضاف. Nil when the word is no listed verb.
    static func bareVerb(_ key: [UInt8]) -> [UInt8]? {
        let candidates = strippedVerb(key)
        func listed(_ form: UnsafeBufferPointer<UInt8>) -> Bool { entries[form]?.isListed == true }
        if let form = candidates.first(where: { $0.withUnsafeBufferPointer(listed) }) { return form }
        for candidate in candidates {
            if let verb = candidate.withUnsafeBufferPointer({ firstWithoutObject($0) { listed($0) ? Array($0) : nil } }) {
                return verb
            }
        }
        return nil
    }

    /// "ووعدت", "فأضاف": the verb carries a conjunction, so it begins a new
    /// clause and the noun just before it cannot be its subject.
    static func isConjoined(_ key: [UInt8]) -> Bool {
        hasConjunction(key) && entries[key]?.isListed != true
    }

    /// هما، ها، هم as UTF-8, longest first. A lone ه is left out: the
    /// analyzer folds ة into ه, so "حذرة" (wary) would read as "حذره".
    static let objectSuffixes: [[UInt8]] = [
        [0xD9, 0x87, 0xD9, 0x85, 0xD8, 0xA7], [0xD9, 0x87, 0xD8, 0xA7],
        [0xD9, 0x87, 0xD9, 0x85],
    ]
    /// Verbs of plain saying, whose suffixed forms are nouns or relative
    /// clauses ("ما قاله"), not new statements.
    static let sayings = WordSet(normalizing: ["قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "تابع", "ذكر", "ذكرت"])

    /// A verb form with its conjunction removed: وقال → قال, فأضاف → أضاف.
    static func strippedVerb(_ form: [UInt8]) -> [[UInt8]] {
        if hasConjunction(form) { return [form, Array(form.dropFirst(2))] }
        return [form]
    }

}
