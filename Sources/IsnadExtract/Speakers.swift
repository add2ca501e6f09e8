import IsnadText

/// Who speaks: the speaker after or before a cue, unnamed and described
/// speakers, groups, holders of titles, and the people a lede names later.
extension Extractor {
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
                !forms.tokens(in: out[n].sentence).contains(where: { Extractor.identity.contains($0.form) })
            else { continue }
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

    /// The speaker after a verb-first cue: titles and roles are passed over,
    /// and a person is preferred to the institution in the role
    /// ("المتحدث باسم الكرملين دميتري بيسكوف"). The search ends at a clause
    /// boundary (colon, quotation, إن/أن).
    func speaker(
        after: Int, end: Int, tokens: [Token], mentionAt: Gazetteer.MentionIndex,
        gaps: [Gap], isReport: Bool
    ) -> (name: String, span: Range<Int>?)? {
        var firstOther: (String, Range<Int>)?
        var k = after
        let limit = min(end, after + 16)
        while k < limit {
            switch gaps[k] {
            case .hard: return firstOther
            case .quote:
                // An outlet's name in quotation marks after صحيفة or قناة.
                guard k > 0, Extractor.mediaNouns.contains(strippedOf: tokens[k - 1].form) else { return firstOther }
            case .comma where firstOther != nil && k > after + 1:
                // A comma after a name ends the subject unless a person
                // follows at once (the name after a role).
                if let m = mentionAt[k], gazetteer.entries[m.entry].kind == "person", !m.isNisba {
                    return (gazetteer.entries[m.entry].name, m.bytes)
                }
                return firstOther
            default: break
            }
            // (A name the gazetteer knows may start with a boundary's
            // folded form: علي شمخاني.)
            if Extractor.boundaries.contains(tokens[k].form), mentionAt[k] == nil { break }
            if let group = Extractor.groups[strippedOf: tokens[k].form] { return (group, tokens[k].range) }
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
                DateFinder.weekdays[Array(tokens[k].form.utf8)] == nil, !DateFinder.today.contains(Array(tokens[k].form.utf8))
            {
                return nil
            }
            if let m = mentionAt[k] {
                let entry = gazetteer.entries[m.entry]
                if m.isNisba {
                    // "الرئيس الأوكراني": the country's president.
                    let countryName = entry.name
                    // (Only a president the article names: "الرئيس الأمريكي" of
                    // 2009 is not the gazetteer's.)
                    if k > after, Extractor.presidents.contains(strippedOf: tokens[k - 1].form),
                        let holder = president(of: countryName), let h = gazetteer.entry(named: holder.name), mentionAt.names(h)
                    {
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
                if firstOther == nil, gazetteer.canSpeak(m.entry) {
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

    /// Whether every character of an analyzer form is of the Arabic
    /// script. Asked of each word after a role; the usual form is all
    /// letters of U+0620–064A (what normalisation leaves of an Arabic word),
    /// told from its bytes before any scalar is decoded.
    static func isArabic(_ form: String) -> Bool {
        var form = form
        let letters = form.withUTF8 { bytes -> Bool in
            guard bytes.count % 2 == 0 else { return false }
            for i in stride(from: 0, to: bytes.count, by: 2) {
                let lead = bytes[i]
                let second = bytes[i + 1]
                guard lead == 0xD8 ? second >= 0xA0 : lead == 0xD9 && second >= 0x80 && second <= 0x8A else { return false }
            }
            return true
        }
        return letters || !form.unicodeScalars.contains { Script($0) != .arabic }
    }

    /// A person joined to a speaker by "ونظيره …" or "و" + a name, before
    /// the clause goes on (إن، أن، a colon).
    func partner(
        after span: Range<Int>, end: Int, tokens: [Token],
        mentions: [Gazetteer.Mention]
    ) -> (name: String, span: Range<Int>)? {
        // (Both lists are in text order: found by halving, not by a walk
        // from the start, which made a long article quadratic.)
        let next = tokens.partitionPoint { $0.range.lowerBound < span.upperBound }
        guard next < end else { return nil }
        let joined = Extractor.counterparts.contains(tokens[next].form)
        let from = mentions.partitionPoint { $0.tokens.lowerBound < next }
        for m in mentions[from...].prefix(while: { $0.tokens.lowerBound < min(end, next + 6) }) {
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
    func unnamed(
        before cue: Int, start: Int, tokens: [Token], mentionAt: Gazetteer.MentionIndex,
        gaps: [Gap]
    ) -> (name: String, span: Range<Int>?)? {
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
    func unnamed(at k: Int, end: Int, tokens: [Token], mentionAt: Gazetteer.MentionIndex) -> (name: String, span: Range<Int>?) {
        let word = DateFinder.stripped(tokens[k].form)
        let plural = [
            "مسؤولون", "مسؤولين", "المسؤولون", "المسؤولين", "مصادر", "المصادر", "دبلوماسيون",
            "دبلوماسيين", "officials", "sources", "diplomats",
        ].contains(word)
        // "مصادر مسؤولين": sources who are officials.
        func holds(_ text: String, _ part: String) -> Bool { PlainForm.contains(text, part) }
        let sourcesWhoAre =
            (holds(word, "مصدر") || holds(word, "مصادر")) && k + 1 < end
            && Extractor.isOfficial(tokens[k + 1].form) && !(holds(tokens[k + 1].form, "مصدر") || holds(tokens[k + 1].form, "مصادر"))
        if sourcesWhoAre { return unnamed(at: k + 1, end: end, tokens: tokens, mentionAt: mentionAt) }
        let noun =
            holds(word, "دبلوماسي") || word.hasPrefix("diplomat")
            ? "diplomat"
            : holds(word, "مصدر") || holds(word, "مصادر") || word.hasPrefix("source") ? "source" : "official"
        // The adjectives after the noun: nationalities, what kind of source
        // (حكومي, أمني, إعلامية), how senior ("مصدر حكومي أردني رفيع").
        var countries: [String] = []
        var qualifiers: [String] = []
        var senior = false
        var next = k + 1
        while next < min(end, k + 6) {
            if let m = mentionAt[next], m.isNisba {
                countries.append(gazetteer.entries[m.entry].name)
                next = m.tokens.upperBound
                continue
            }
            let word = Extractor.bare(tokens[next].form)
            if let q = Extractor.describedQualifiers[word], !qualifiers.contains(q), q != noun {
                qualifiers.append(q)
            } else if Extractor.seniorWords.contains(Array(word.utf8)) {
                senior = true
            } else {
                break
            }
            next += 1
        }
        // "مصدر مطلع", "مصدر مصري مطلع": an informed (Egyptian) source.
        if noun == "source",
            let informed = [k + 1, next].first(where: { $0 < end && ["مطلعه", "مطلع", "informed"].contains(tokens[$0].form) })
        {
            let adjective = informed == next ? countries.compactMap { Extractor.adjectives[$0] }.map { $0 + " " }.joined() : ""
            let described = "informed " + adjective + (plural ? "sources" : "source")
            return (plural ? described : "unnamed " + described, tokens[k].range)
        }
        // "مسؤول بارز في إدارة بايدن": senior Biden administration official.
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
        // "الحاليون والسابقون": current and former.
        var current = false
        var former = false
        while next < end, let word = Optional(Extractor.bare(tokens[next].form)),
            Extractor.currentWords.contains(word) || Extractor.formerWords.contains(word)
        {
            if Extractor.currentWords.contains(word) { current = true } else { former = true }
            next += 1
        }
        // "مسؤولون وخبراء", "مسؤولين أميركيين ومحللين مستقلين": others who
        // speak with them.
        var others: String?
        if next < end, tokens[next].form.hasPrefix("و"), let group = Extractor.conjunctGroups[bareOf: tokens[next].form] {
            let independent = next + 1 < end && Extractor.independentWords.contains(bareOf: tokens[next + 1].form)
            others = (independent ? "independent " : "") + group
        }
        // "senior Jordanian government source"
        var head = ([senior ? "senior" : nil, adjective] + qualifiers + [noun + (plural ? "s" : "")])
            .compactMap { $0 }.joined(separator: " ")
        if current || former { head = (current && former ? "current and former " : current ? "current " : "former ") + head }
        if let others { head += " and " + others }
        // Officials of a side are a group as written ("Ukrainian
        // officials", "US officials and independent analysts"); sources of
        // a kind are unnamed ("unnamed media sources"), as one official is.
        if plural, adjective != nil || current || former || others != nil { return (head, tokens[k].range) }
        return ("unnamed " + head, tokens[k].range)
    }

    /// Who a citation names ("وفق وثيقة أصدرها المجلس الأوروبي …", "برأي
    /// مسؤولين أميركيين", "according to Western officials"). An outlet
    /// cited beside another cue only relays it ("وقال شمخاني …، بحسب
    /// التلفزيون"), and "وفقا للتقرير" points back to a report already
    /// counted: neither is a statement of its own.
    func citedSource(
        after i: Int, sentence: Range<Int>, tokens: [Token], keys: [[UInt8]],
        mentionAt: Gazetteer.MentionIndex, gaps: [Gap],
        inQuote: (Int) -> Bool
    ) -> (name: String, span: Range<Int>?, document: Bool)? {
        func otherCue() -> Bool {
            sentence.contains { $0 != i && !inQuote($0) && Cue.cue(at: $0, in: tokens, keys: keys) != nil }
        }
        var k = i + 1
        while k < min(sentence.upperBound, i + 8) {
            if k > i + 1, gaps[k] != .none, gaps[k] != .quote { return nil }
            let form = tokens[k].form
            if ["ل", "to"].contains(form) {
                k += 1
                continue
            }
            if let m = mentionAt[k], !m.isNisba {
                let entry = gazetteer.entries[m.entry]
                guard gazetteer.canSpeak(m.entry) else { return nil }
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
                    if let m = mentionAt[j], !m.isNisba,
                        ["org", "media", "outlet", "country", "person"].contains(gazetteer.entries[m.entry].kind ?? "")
                    {
                        return (gazetteer.entries[m.entry].name, m.bytes, true)
                    }
                }
                return nil
            }
            k += 1
        }
        return nil
    }

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

    /// "تعهد البلدان": the two countries last spoken of, in the order the
    /// article first names them.
    func pair(before k: Int, mentionAt: Gazetteer.MentionIndex) -> String? {
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
    func mediaGroup(at k: Int, end: Int, tokens: [Token], mentionAt: Gazetteer.MentionIndex) -> (name: String, span: Range<Int>?)? {
        guard k + 1 < end, let (kind, next) = Extractor.mediaGroups[bareOf: tokens[k].form],
            PlainForm.bare(tokens[k + 1].form, { $0.elementsEqual(next) })
        else { return nil }
        var countries: [String] = []
        var state = false
        var j = k + 2
        while j < end {
            if let m = mentionAt[j], m.isNisba {
                countries.append(gazetteer.entries[m.entry].name)
                j = m.tokens.upperBound
                continue
            }
            if Extractor.stateWords.contains(bareOf: tokens[j].form) {
                state = true
                j += 1
                continue
            }
            // "وسائل إعلام عبرية": Hebrew-language media.
            if Extractor.hebrewWords.contains(bareOf: tokens[j].form) {
                countries.append("Hebrew-language")
                j += 1
                continue
            }
            break
        }
        let adjectives = countries.compactMap { Extractor.adjectives[$0] ?? ($0 == "Hebrew-language" ? $0 : nil) }
        let name = (adjectives.isEmpty ? "" : adjectives.joined(separator: " and ") + " ") + (state ? "state " : "") + kind
        return (name, tokens[k].range.lowerBound..<tokens[j - 1].range.upperBound)
    }

    /// The person whose role is `keywords` of `institution`: a role naming
    /// the institution, or two of its words ("head of Ukraine's Defence
    /// Intelligence Directorate" for "Defence Intelligence of Ukraine").
    func holder(of institution: String, keywords: [String]) -> String? {
        // The same few offices are asked about again and again, each
        // answer a walk through every role in the gazetteer.
        holders.answer(for: institution + "\u{0}" + keywords.joined(separator: "\u{1}")) {
            findHolder(of: institution, keywords: keywords)
        }
    }

    private func findHolder(of institution: String, keywords: [String]) -> String? {
        let institution = institution.lowercased()
        let words = Set(institution.split(separator: " ").map(String.init).filter { $0.count > 3 })
        var found: [String] = []
        for (entry, role, roleWords) in gazetteer.personRoles {
            // The role's bytes must hold the keyword's for the role to hold
            // it (the keywords are ASCII), and Foundation's search, called
            // only then, costs a hundred times more.
            guard keywords.contains(where: { Extractor.bytes(of: role, hold: $0) && role.contains($0) }) else { continue }
            if role.contains(institution) || words.intersection(roleWords).count >= 2 { found.append(gazetteer.entries[entry].name) }
        }
        // Several holders (past and present) cannot be told apart.
        return found.count == 1 ? found[0] : nil
    }

    /// Whether the UTF-8 of `text` holds that of `part`. (The standard
    /// library's `contains` of one collection in another builds a Z-array
    /// for each search: five times Foundation's cost here, not a tenth.)
    static func bytes(of text: String, hold part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { t in part.withUTF8 { p in bytes(of: t, hold: p) } }
    }

    static func bytes(of t: UnsafeBufferPointer<UInt8>, hold p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = p.first, t.count >= p.count else { return p.isEmpty }
        for start in 0...(t.count - p.count) where t[start] == first {
            if t[start..<start + p.count].elementsEqual(p) { return true }
        }
        return false
    }

    /// The speaker just before a subject-first cue ("بيسكوف قال",
    /// "الولايات المتحدة وشركاؤها حذروا"): a mention ending at most two
    /// words before the cue, with no clause boundary between.
    func speaker(
        before cue: Int, start: Int, mentions: [Gazetteer.Mention],
        gaps: [Gap]
    ) -> (name: String, span: Range<Int>?)? {
        // The last mention ending by the cue (mentions are in text order and
        // do not overlap), found by halving.
        let after = mentions.partitionPoint { $0.tokens.upperBound <= cue }
        guard after > 0, case let m = mentions[after - 1], m.tokens.upperBound >= cue - 2, m.tokens.lowerBound >= start,
            !m.isNisba, !m.isPrepositional
        else { return nil }
        if (m.tokens.upperBound...cue).contains(where: { $0 < gaps.count && gaps[$0] != .none }) { return nil }
        let entry = gazetteer.entries[m.entry]
        guard gazetteer.canSpeak(m.entry) else { return nil }
        return (entry.name, m.bytes)
    }

    /// Relayed speech ("نقلت … عن باتروشيف قوله", "عنه قوله"): the person
    /// after the last عن before the participle; a pronoun (عنه) or nothing
    /// leaves the speaker to the context.
    func speaker(
        relayedBefore cue: Int, start: Int, tokens: [Token],
        mentions: [Gazetteer.Mention]
    ) -> (name: String, span: Range<Int>?)? {
        guard let from = (start..<cue).last(where: { Extractor.relayWords.contains(tokens[$0].form) }),
            tokens[from].form == "عن"
        else { return nil }
        let first = mentions.partitionPoint { $0.tokens.lowerBound <= from }
        guard
            let m = mentions[first...].prefix(while: { $0.tokens.upperBound <= cue }).first(where: {
                !$0.isNisba && gazetteer.entries[$0.entry].kind == "person"
            })
        else { return nil }
        return (gazetteer.entries[m.entry].name, m.bytes)
    }
}
