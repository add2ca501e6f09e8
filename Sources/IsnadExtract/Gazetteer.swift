import IsnadText

/// Known names, matched over analysed text: the entity store as extraction
/// sees it.
package struct Gazetteer: Sendable {
    package struct Entry: Sendable, Hashable {
        package var name: String
        package var kind: String?
        package var aliases: [String]
        package var country: String?
        package var role: String?
        package var gender: String?

        package init(
            name: String, kind: String?, aliases: [String], country: String? = nil, role: String? = nil,
            gender: String? = nil
        ) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.country = country
            self.role = role
            self.gender = gender
        }
    }

    package let entries: [Entry]
    /// Whether Arabic treats the entity as feminine: countries and places,
    /// and institutions named by a feminine noun (وزارة، إدارة، مجموعة).
    package let feminine: [Bool]
    /// First word of an alias (normalised, unstemmed, as UTF-8) → (words,
    /// entry). Words are compared as bytes: Swift compares non-ASCII
    /// Strings through Unicode normalisation, which the analyzer has
    /// already done, and which would cost a third of extraction.
    ///
    /// Nisba adjectives (إيراني, الروسية, أميركيون) → country entry, in the
    /// same table: every candidate form of every word is looked up in both,
    /// so one lookup finds both.
    private var byFirstWord = WordMap<FirstWord>()

    struct FirstWord {
        var aliases: [(words: [[UInt8]], entry: Int)] = []
        var nisba: Int?
    }
    /// Entries by canonical name.
    private var byName: [String: Int] = [:]
    /// The same by the names' UTF-8, and whether every name is plain
    /// (``PlainForm``): a `String` key is hashed through Unicode
    /// normalisation, which made the quarter of a million lookups of an
    /// ingest of 20,000 articles 1.4% of it (see ``entry(named:)``).
    private var byNameBytes = WordMap<Int>()
    private var namesArePlain = true
    /// Per entry, whether its kind can speak (``Extractor/speakers``) and
    /// be spoken about (``Extractor/topics``): asked for every name near a
    /// cue, and a `Set<String>` hashed the kind each time.
    private let speaks: [Bool]
    private let isTopic: [Bool]
    /// People with a role: the role lowercased and its words, which
    /// `Extractor.holder(of:keywords:)` reads for every office it is asked
    /// about (worked out on each call, they took 2M instructions a call).
    let personRoles: [(entry: Int, role: String, words: Set<String>)]

    static let forms = Analyzer(stemming: false)

    package init(_ entries: [Entry]) {
        self.entries = entries
        speaks = entries.map { Extractor.speakers.contains($0.kind ?? "") }
        isTopic = entries.map { Extractor.topics.contains($0.kind ?? "") }
        feminine = entries.map { entry in
            switch entry.kind {
            case "country", "place": return true
            case "person", nil: return entry.gender == "female"
            default:
                // The first Arabic name's first word: "وزارة الخارجية" is
                // feminine, "البيت الأبيض" is not.
                guard let arabic = entry.aliases.first(where: { Script.of($0.unicodeScalars) == .arabic }),
                    let word = arabic.split(separator: " ").first
                else { return false }
                return word.hasSuffix("ة") || word.hasSuffix("ات")
            }
        }
        personRoles = entries.indices.compactMap { i in
            guard entries[i].kind == "person", let role = entries[i].role?.lowercased() else { return nil }
            return (i, role, Set(role.split(whereSeparator: { !$0.isLetter }).map(String.init)))
        }
        for (i, entry) in entries.enumerated() {
            byName[entry.name] = byName[entry.name] ?? i
            for alias in [entry.name] + entry.aliases {
                let words = Gazetteer.forms.tokens(in: alias).map { Array($0.form.utf8) }
                guard let first = words.first else { continue }
                if byFirstWord[first, default: FirstWord()].aliases.contains(where: { $0.words == words && $0.entry == i }) { continue }
                byFirstWord[first, default: FirstWord()].aliases.append((words, i))
            }
        }
        for (name, i) in byName {
            byNameBytes[Array(name.utf8)] = i
            if !PlainForm.isPlain(name) { namesArePlain = false }
        }
        byFirstWord.updateValues { $0.aliases.sort { $0.words.count > $1.words.count } }
        // Nisba adjectives of countries, in their usual inflections (the
        // accusative أمريكيا too: "مسؤولا أمريكيا"; a country's own name in
        // يا, روسيا, is an alias and matched first).
        for (stem, country) in Gazetteer.nisbaStems {
            guard let i = byName[country] else { continue }
            for ending in ["ي", "يه", "يون", "يين", "يان", "يتان", "يا"] {
                for article in ["", "ال"] {
                    byFirstWord[
                        Array((Gazetteer.forms.tokens(in: article + stem + ending).first?.form ?? "").utf8),
                        default: FirstWord()
                    ].nisba = i
                }
            }
        }
    }

    /// Whether entry `n`'s kind can speak.
    func canSpeak(_ n: Int) -> Bool { speaks[n] }

    /// Whether entry `n`'s kind can be what a statement is about.
    func canBeTopic(_ n: Int) -> Bool { isTopic[n] }

    /// The entry whose canonical name is `name` (equal as Strings are).
    ///
    /// By bytes first: equal bytes are equal names. Names that differ in
    /// bytes may still be equal Strings (canonically equivalent, as ا with
    /// a combining madda is آ), but not when both are plain, whose
    /// characters neither decompose nor combine: then a miss is a miss.
    package func entry(named name: String) -> Int? {
        var name = name
        let (found, plain) = name.withUTF8 { (byNameBytes[$0], PlainForm.characterCount($0) != nil) }
        if let found { return found }
        return plain && namesArePlain ? nil : byName[name]
    }

    /// Countries by the stem of their adjective.
    static let nisbaStems: [(String, String)] = [
        ("إيران", "Iran"), ("روس", "Russia"), ("أميرك", "United States"), ("أمريك", "United States"),
        ("أوكران", "Ukraine"), ("بريطان", "United Kingdom"), ("صين", "China"), ("إسرائيل", "Israel"),
        ("سعود", "Saudi Arabia"), ("إمارات", "UAE"), ("قطر", "Qatar"), ("سور", "Syria"), ("عراق", "Iraq"),
        ("لبنان", "Lebanon"), ("يمن", "Yemen"), ("ترك", "Turkey"), ("مصر", "Egypt"), ("فرنس", "France"),
        ("ألمان", "Germany"), ("أوروب", "European Union"), ("غرب", "West"), ("كور", "North Korea"),
        ("بيلاروس", "Belarus"), ("يابان", "Japan"), ("هند", "India"),
        ("أردن", "Jordan"), ("كويت", "Kuwait"), ("بحرين", "Bahrain"), ("عمان", "Oman"), ("فلسطين", "Palestine"),
        ("إيطال", "Italy"), ("باكستان", "Pakistan"), ("أفغان", "Afghanistan"), ("أذربيجان", "Azerbaijan"),
        ("أرمين", "Armenia"), ("فنزويل", "Venezuela"), ("ليب", "Libya"), ("سودان", "Sudan"), ("جزائر", "Algeria"),
        ("مغرب", "Morocco"), ("تونس", "Tunisia"),
    ]

    /// A name found in text.
    package struct Mention: Sendable, Hashable {
        package var entry: Int
        /// Token indexes.
        package var tokens: Range<Int>
        /// UTF-8 byte range in the text.
        package var bytes: Range<Int>
        /// Found through a nisba adjective (أميركي): the country, not a name.
        package var isNisba: Bool
        /// Written with a preposition (لروسيا، بكيربي): an object, never a
        /// speaker.
        package var isPrepositional = false
    }

    /// An article's mentions by the token each starts at (the last one
    /// given wins): the speaker searches ask at word after word, and a
    /// dictionary hashed each question.
    struct MentionIndex {
        /// Per token, 1 + its mention's place in `mentions`, or 0.
        private var at: [Int32]
        private let mentions: [Mention]

        init(_ mentions: [Mention], tokens: Int) {
            self.mentions = mentions
            at = [Int32](repeating: 0, count: tokens)
            for (n, m) in mentions.enumerated() where at.indices.contains(m.tokens.lowerBound) {
                at[m.tokens.lowerBound] = Int32(n + 1)
            }
        }

        subscript(token: Int) -> Mention? {
            guard at.indices.contains(token), at[token] > 0 else { return nil }
            return mentions[Int(at[token]) - 1]
        }

        /// Whether the article names the entry anywhere (not as a nisba).
        func names(_ entry: Int) -> Bool { mentions.contains { $0.entry == entry && !$0.isNisba } }
    }

    /// Word forms with their clitics removed: وبيسكوف, لبيسكوف → بيسكوف;
    /// للكرملين → الكرملين; والروسية → الروسية. Each with whether a
    /// preposition (ب، ل، ك) was removed, the form itself first. On UTF-8:
    /// each of these letters is two bytes. As byte ranges of the form, in
    /// place (only للـ → الـ is spelt anew, in `scratch`), into a list the
    /// caller keeps: most words have no clitic, and a list per word, then
    /// an array per form, were each a twentieth of extraction.
    struct Stripped {
        var bytes: Range<Int>
        /// The bytes are in `scratch`, not the form.
        var respelt: Bool
        var prepositional: Bool
    }

    static func strippedForms(_ form: UnsafeBufferPointer<UInt8>, into out: inout [Stripped], scratch: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        out.append(Stripped(bytes: 0..<form.count, respelt: false, prepositional: false))
        var rest = form[...]
        var prepositional = false
        var last = (word: rest, prepositional: false)
        for _ in 0..<2 {
            guard rest.count > 4, let clitic = Bytes.clitic(rest) else { break }
            if clitic == .lam, rest.count > 6, Bytes.starts(rest.dropFirst(2), with: Bytes.lam) {
                let start = scratch.count
                scratch.append(contentsOf: Bytes.al)
                scratch.append(contentsOf: rest.dropFirst(4))
                out.append(Stripped(bytes: start..<scratch.count, respelt: true, prepositional: true))
            }
            if clitic != .conjunction { prepositional = true }
            rest = rest.dropFirst(2)
            last = (rest, prepositional)
            out.append(Stripped(bytes: rest.startIndex..<rest.endIndex, respelt: false, prepositional: prepositional))
        }
        if last.word.count > 6, Bytes.starts(last.word, with: Bytes.al) {
            out.append(
                Stripped(
                    bytes: (last.word.startIndex + 4)..<last.word.endIndex, respelt: false,
                    prepositional: last.prepositional))
        }
    }

    /// Every longest match of an alias over `tokens`, left to right.
    /// `flags`, when given, say which words may start a name (``WordFlags``).
    package func mentions(in tokens: [Token], keys: [[UInt8]]? = nil, flags: [WordFlags]? = nil) -> [Mention] {
        let keys = keys ?? tokens.map { Array($0.form.utf8) }
        var out: [Mention] = []
        var scratch: [UInt8] = []
        var candidates: [Stripped] = []
        var i = 0
        // No closure here takes `self` or a table: a closure the optimiser
        // does not inline copied the gazetteer (a retain per table) for
        // every word.
        while i < tokens.count {
            if let flags, !flags[i].contains(.name) {
                i += 1
                continue
            }
            var best: Mention?
            keys[i].withUnsafeBufferPointer { Gazetteer.strippedForms($0, into: &candidates, scratch: &scratch) }
            for candidate in candidates {
                guard let first = keys[i].withUnsafeBufferPointer({ firstWord(candidate, of: $0, scratch: scratch) }) else { continue }
                // Longest first (see init): the first that matches is the
                // best, and none after one no longer than `best` can be.
                for a in first.aliases.indices {
                    let count = first.aliases[a].words.count
                    if let best, count <= best.tokens.count { break }
                    guard i + count <= tokens.count else { continue }
                    var matches = true
                    for k in 1..<max(count, 1) where !Gazetteer.same(keys, i + k, first.aliases[a].words, k) {
                        // Later words may carry the article too (الحرس الثوري).
                        matches = false
                        break
                    }
                    if matches {
                        best = Mention(
                            entry: first.aliases[a].entry, tokens: i..<i + count,
                            bytes: tokens[i].range.lowerBound..<tokens[i + count - 1].range.upperBound,
                            isNisba: false, isPrepositional: candidate.prepositional)
                        break
                    }
                }
                if best == nil, let country = first.nisba {
                    best = Mention(entry: country, tokens: i..<i + 1, bytes: tokens[i].range, isNisba: true)
                }
            }
            if let best {
                out.append(best)
                i = best.tokens.upperBound
            } else {
                i += 1
            }
        }
        return out
    }
}

extension Gazetteer {
    /// Whether one of the word's clitic-stripped forms starts a name or is
    /// a nisba: the first step of ``mentions(in:keys:flags:)``, for ``WordFlags``.
    func mayStartName(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var scratch: [UInt8] = []
        var candidates: [Stripped] = []
        Gazetteer.strippedForms(key, into: &candidates, scratch: &scratch)
        return candidates.contains { firstWord($0, of: key, scratch: scratch) != nil }
    }

    /// The names and nisba a stripped form of `key` starts, if any.
    @inline(__always)
    private func firstWord(_ candidate: Stripped, of key: UnsafeBufferPointer<UInt8>, scratch: [UInt8]) -> FirstWord? {
        candidate.respelt
            ? scratch.withUnsafeBufferPointer { byFirstWord[UnsafeBufferPointer(rebasing: $0[candidate.bytes])] }
            : byFirstWord[UnsafeBufferPointer(rebasing: key[candidate.bytes])]
    }

    /// `a[i] == b[j]`, compared in place.
    @inline(__always)
    static func same(_ a: [[UInt8]], _ i: Int, _ b: [[UInt8]], _ j: Int) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                a[i].withUnsafeBufferPointer { x in
                    b[j].withUnsafeBufferPointer { y in
                        x.count == y.count && x.elementsEqual(y)
                    }
                }
            }
        }
    }
}

/// UTF-8 spellings of the Arabic letters extraction looks at.
enum Bytes {
    static let waw: [UInt8] = [0xD9, 0x88], fa: [UInt8] = [0xD9, 0x81], ba: [UInt8] = [0xD8, 0xA8]
    static let lam: [UInt8] = [0xD9, 0x84], kaf: [UInt8] = [0xD9, 0x83], alef: [UInt8] = [0xD8, 0xA7]
    static let ta: [UInt8] = [0xD8, 0xAA], ya: [UInt8] = [0xD9, 0x8A]
    /// على as normalisation leaves it (ى folded to ي), and as written with ى.
    static let ala: [UInt8] = [0xD8, 0xB9, 0xD9, 0x84, 0xD9, 0x8A]
    static let alaWithAlefMaqsura: [UInt8] = [0xD8, 0xB9, 0xD9, 0x84, 0xD9, 0x89]
    static let al: [UInt8] = alef + lam
    /// لل ("to the" on a noun), and the attached pronouns ها and هم.
    static let lilAl: [UInt8] = lam + lam
    static let ha: [UInt8] = [0xD9, 0x87] + alef, hum: [UInt8] = [0xD9, 0x87, 0xD9, 0x85]

    enum Clitic { case conjunction, lam, preposition }

    /// Byte by byte: the generic `elementsEqual` this replaced was a
    /// twentieth of extraction (every word is tested for five clitics).
    static func starts<Word: Collection<UInt8>>(_ word: Word, with prefix: [UInt8]) -> Bool {
        guard word.count >= prefix.count else { return false }
        var i = word.startIndex
        for byte in prefix {
            if word[i] != byte { return false }
            word.formIndex(after: &i)
        }
        return true
    }

    /// The one-letter clitic a word starts with, if any.
    static func clitic<Word: Collection<UInt8>>(_ word: Word) -> Clitic? {
        if starts(word, with: waw) || starts(word, with: fa) { return .conjunction }
        if starts(word, with: lam) { return .lam }
        if starts(word, with: ba) || starts(word, with: kaf) { return .preposition }
        return nil
    }
}
