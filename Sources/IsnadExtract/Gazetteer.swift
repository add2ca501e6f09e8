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

        package init(name: String, kind: String?, aliases: [String], country: String? = nil, role: String? = nil) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.country = country
            self.role = role
        }
    }

    package let entries: [Entry]
    /// Whether Arabic treats the entity as feminine: countries and places,
    /// and institutions named by a feminine noun (وزارة، إدارة، مجموعة).
    package let feminine: [Bool]
    /// First word of an alias (normalised, unstemmed) → (words, entry).
    private var byFirstWord: [String: [(words: [String], entry: Int)]] = [:]
    /// Entries by canonical name.
    private var byName: [String: Int] = [:]
    /// Nisba adjectives (إيراني, الروسية, أميركيون) → country entry.
    private var nisba: [String: Int] = [:]

    static let forms = Analyzer(stemming: false)

    package init(_ entries: [Entry]) {
        self.entries = entries
        feminine = entries.map { entry in
            switch entry.kind {
            case "country", "place": return true
            case "person", nil: return false
            default:
                // The first Arabic name's first word: "وزارة الخارجية" is
                // feminine, "البيت الأبيض" is not.
                guard let arabic = entry.aliases.first(where: { Script.of($0.unicodeScalars) == .arabic }),
                      let word = arabic.split(separator: " ").first else { return false }
                return word.hasSuffix("ة") || word.hasSuffix("ات")
            }
        }
        for (i, entry) in entries.enumerated() {
            byName[entry.name] = byName[entry.name] ?? i
            for alias in [entry.name] + entry.aliases {
                let words = Gazetteer.forms.tokens(in: alias).map(\.form)
                guard let first = words.first else { continue }
                if byFirstWord[first, default: []].contains(where: { $0.words == words && $0.entry == i }) { continue }
                byFirstWord[first, default: []].append((words, i))
            }
        }
        for list in byFirstWord.keys { byFirstWord[list]?.sort { $0.words.count > $1.words.count } }
        // Nisba adjectives of countries, in their usual inflections.
        for (stem, country) in Gazetteer.nisbaStems {
            guard let i = byName[country] else { continue }
            for ending in ["ي", "يه", "يون", "يين", "يان", "يتان"] {
                for article in ["", "ال"] {
                    nisba[Gazetteer.forms.tokens(in: article + stem + ending).first?.form ?? ""] = i
                }
            }
        }
    }

    package func entry(named name: String) -> Int? { byName[name] }

    /// Countries by the stem of their adjective.
    static let nisbaStems: [(String, String)] = [
        ("إيران", "Iran"), ("روس", "Russia"), ("أميرك", "United States"), ("أمريك", "United States"),
        ("أوكران", "Ukraine"), ("بريطان", "United Kingdom"), ("صين", "China"), ("إسرائيل", "Israel"),
        ("سعود", "Saudi Arabia"), ("إمارات", "UAE"), ("قطر", "Qatar"), ("سور", "Syria"), ("عراق", "Iraq"),
        ("لبنان", "Lebanon"), ("يمن", "Yemen"), ("ترك", "Turkey"), ("مصر", "Egypt"), ("فرنس", "France"),
        ("ألمان", "Germany"), ("أوروب", "European Union"), ("غرب", "West"), ("كور", "North Korea"),
        ("بيلاروس", "Belarus"), ("يابان", "Japan"), ("هند", "India"),
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

    /// Word forms with their clitics removed: وبيسكوف, لبيسكوف → بيسكوف;
    /// للكرملين → الكرملين; والروسية → الروسية.
    static func stripped(_ form: String) -> [String] {
        var out = [form]
        var rest = Substring(form)
        for _ in 0..<2 {
            guard let first = rest.first, "وفبلك".contains(first), rest.count > 2 else { break }
            if first == "ل", rest.hasPrefix("لل"), rest.count > 3 {
                out.append("ال" + rest.dropFirst(2))
            }
            rest = rest.dropFirst()
            out.append(String(rest))
        }
        if let last = out.last, last.hasPrefix("ال"), last.count > 3 { out.append(String(last.dropFirst(2))) }
        return out
    }

    /// Every longest match of an alias over `tokens`, left to right.
    package func mentions(in tokens: [Token]) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        while i < tokens.count {
            var best: Mention?
            let form = tokens[i].form
            for candidate in Gazetteer.stripped(form) {
                // What was cut off the front: و، ف are conjunctions; ب، ل، ك
                // prepositions.
                let cut = form.unicodeScalars.count - candidate.unicodeScalars.count
                let prefix = form.unicodeScalars.prefix(max(cut, 0)).filter { $0 != "و" && $0 != "ف" }
                let prepositional = prefix.contains { "بلك".unicodeScalars.contains($0) } || (candidate.hasPrefix("ال") && form.hasPrefix("لل"))
                for (words, entry) in byFirstWord[candidate] ?? [] where i + words.count <= tokens.count {
                    guard best == nil || words.count > best!.tokens.count else { continue }
                    var matches = true
                    for k in 1..<max(words.count, 1) where tokens[i + k].form != words[k] {
                        // Later words may carry the article too (الحرس الثوري).
                        matches = false
                        break
                    }
                    if matches {
                        best = Mention(entry: entry, tokens: i..<i + words.count,
                                       bytes: tokens[i].range.lowerBound..<tokens[i + words.count - 1].range.upperBound,
                                       isNisba: false, isPrepositional: prepositional)
                    }
                }
                if best == nil, let country = nisba[candidate] {
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
