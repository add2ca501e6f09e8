import IsnadText

/// Speakers found from how the text names them, not from the gazetteer: a
/// name after a title or role ("UN Secretary-General Antonio Guterres",
/// "المتحدث باسم الجيش السوداني العميد نبيل عبد الله"), a name in
/// apposition ("Ahmed Saleh, the interior minister, denied"), an
/// institution by its head noun ("قوات الدعم السريع", "the Ministry of
/// Defence"), a described speaker ("a ministry spokesman"). The gazetteer
/// only gives canonical names afterwards (see ``Extractor``): it is an aid,
/// never a gate.
extension Extractor {
    /// A speaker read off the words at a cue.
    struct NamedSpeaker {
        enum Kind { case person, institution, described }
        /// As the text writes it (without a leading "the"), or a
        /// description ("unnamed ministry spokesman").
        var name: String
        var kind: Kind
        /// The whole phrase: role and name, or the institution.
        var span: Range<Int>
        /// The name alone within it, for a person.
        var nameSpan: Range<Int>?

        /// The kind of entity it is: a person, an org, or a group of
        /// described speakers ("unnamed officials").
        var entityKind: String {
            switch kind {
            case .person: return "person"
            case .institution: return "org"
            case .described: return name.hasSuffix("s") ? "group" : "person"
            }
        }
    }

    /// What one word is, for reading speaker phrases.
    struct WordReader {
        let text: String
        let tokens: [Token]
        /// The tokens' forms as UTF-8 and what each may start (``ArticleWords``).
        let keys: [[UInt8]]
        let flags: [WordFlags]
        let bytes: [UInt8]
        let gaps: [Gap]
        /// Whether the article spells على with its final ى, so that علي
        /// written with ي is the given name Ali, not the preposition that
        /// normalisation folds into the same form.
        var spellsAlaWithAlefMaqsura = false

        func form(_ k: Int) -> String { tokens[k].form }
        /// The given name علي (Ali), told from the preposition على by the
        /// article's own spelling.
        func isAli(_ k: Int) -> Bool {
            guard spellsAlaWithAlefMaqsura, keys[k] == Bytes.ala else { return false }
            let r = tokens[k].range
            return r.count >= 2 && bytes[r.upperBound - 2] == 0xD9 && bytes[r.upperBound - 1] == 0x8A
        }
        /// A common Arabic given name (علي included, when it is one).
        func isGivenName(_ k: Int) -> Bool { `is`(k, in: Extractor.arabicGivenNames) || isAli(k) }
        /// Whether word `k` is in `set` (by its UTF-8 key, no `String` work).
        func `is`(_ k: Int, in set: WordSet) -> Bool { set.contains(keys[k]) }
        func isWeekday(_ k: Int) -> Bool { DateFinder.weekdays[keys[k]] != nil }
        /// A word no Arabic subject runs through: إن، في، أمس …
        func isArabicStop(_ k: Int) -> Bool { Extractor.subjectStops.contains(keys[k]) && !isAli(k) }
        /// A role or title word, in either language (looked up only when
        /// ``WordFlags/role`` allows).
        func isRole(_ k: Int) -> Bool { flags[k].contains(.role) && Extractor.isRole(keys[k]) }
        /// A word that heads an institution's name.
        func isOrgHead(_ k: Int) -> Bool { flags[k].contains(.orgHead) && Extractor.isOrgHead(keys[k]) }
        /// Written with a capital (Latin) letter.
        func isCapital(_ k: Int) -> Bool {
            guard let b = bytes[tokens[k].range].first else { return false }
            return (0x41...0x5A).contains(b)
        }
        func isLatin(_ k: Int) -> Bool { (bytes[tokens[k].range].first ?? 0) < 0x80 }
        /// Whether the text between word `k` and the one before it holds
        /// a slash, which sets off a source ("لـ /المعلومة/") and ends a name.
        func slashBefore(_ k: Int) -> Bool {
            k > 0 && bytes[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].contains(0x2F)
        }
        /// Written in capitals, two letters or more: "US", "UN", "IAEA" are
        /// names even where "us" is a pronoun.
        func isAcronym(_ k: Int) -> Bool {
            tokens[k].range.count >= 2 && bytes[tokens[k].range].allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x2E }
        }
        /// Joined to the word before by a hyphen: the rest of one word
        /// ("Chia-lung", "al-Jubeir").
        func isHyphenated(_ k: Int) -> Bool {
            k > 0 && tokens[k].range.lowerBound == tokens[k - 1].range.upperBound + 1 && bytes[tokens[k - 1].range.upperBound] == 0x2D
        }
        /// Written with the article ال as the text has it (normalisation
        /// makes أليكسي look like one).
        func isDefinite(_ k: Int) -> Bool {
            // ال is D8 A7 D9 84; و and ف before it are D9 88 and D9 81.
            let r = tokens[k].range
            func at(_ i: Int, _ b: UInt8) -> Bool { r.lowerBound + i < r.upperBound && bytes[r.lowerBound + i] == b }
            func article(from i: Int) -> Bool { at(i, 0xD8) && at(i + 1, 0xA7) && at(i + 2, 0xD9) && at(i + 3, 0x84) }
            let lamLam = at(0, 0xD9) && at(1, 0x84) && at(2, 0xD9) && at(3, 0x84)
            let conjoined = r.count > 4 && at(0, 0xD9) && (at(1, 0x88) || at(1, 0x81)) && article(from: 2)
            return article(from: 0) || lamLam || conjoined
        }
        /// Whether the marks before word `k` only set a phrase off (commas,
        /// brackets, quotation marks around an acronym) and end nothing:
        /// no full stop, colon, question, exclamation or new line.
        func onlySetsOff(_ k: Int) -> Bool {
            guard k > 0 else { return false }
            for b in bytes[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound] {
                if b == 0x2E || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x0A || b == 0x9B { return false }
            }
            return true
        }
        /// An English possessive: "Hafter's", "the Embassy’s".
        /// (The English analyzer keeps the apostrophe in the word and
        /// writes ’ as '.)
        func isPossessive(_ k: Int) -> Bool { tokens[k].form.hasSuffix("'s") }
        /// Whether only spaces stand between word `k` and the one before.
        func onlySpaceBefore(_ k: Int) -> Bool {
            k > 0 && bytes[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].allSatisfy { $0 == 0x20 }
        }
        /// Whether there is a comma (, or ،) before word `k`.
        func commaBefore(_ k: Int) -> Bool {
            guard k > 0 else { return false }
            let gap = bytes[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound]
            return gap.contains(0x2C) || gap.contains(0x8C) && gap.contains(0xD8)
        }
        func text(_ from: Int, _ to: Int) -> String { Extractor.slice(text, span(from, to)) }
        func span(_ from: Int, _ to: Int) -> Range<Int> { tokens[from].range.lowerBound..<tokens[to].range.upperBound }
    }

    // MARK: English

    /// The subject of an English cue ("Finance Minister Jane Ortega said",
    /// "A ministry spokesman said", "Ahmed Saleh, the interior minister,
    /// denied", "The Lebanese cabinet said"): the noun phrase that ends just
    /// before it, past auxiliaries and adverbs.
    func englishSubject(before cue: Int, start: Int, _ w: WordReader) -> NamedSpeaker? {
        // "Lazzarini, who last month said": the relative clause's antecedent.
        // (Set off by dashes the clause may close before the verb: "al-Jaber
        // - who is also the CEO of an oil company - has described".)
        if let who = (max(start, cue - 14)..<cue).last(where: { ["who", "which"].contains(w.form($0)) }), who > start,
            w.gaps[who] == .comma,
            case let closing = (who + 1..<cue).filter({ w.gaps[$0] != .none }),
            closing.isEmpty || closing.count == 1 && w.gaps[closing[0]] == .comma && closing[0] >= cue - 3
        {
            return englishPhrase(endingAt: who - 1, start: start, w)
        }
        var k = cue - 1
        // Past auxiliaries, adverbs and when: "X on Friday said", "X has
        // also said", "X late Monday denied".
        while k >= start, w.gaps[k + 1] == .none,
            Extractor.englishSkips.contains(w.form(k)) || Extractor.englishWhen.contains(w.form(k)) || w.isWeekday(k)
                || Extractor.isEnglishAdverb(w.form(k)) && !w.isCapital(k)
        { k -= 1 }
        // "The People's Democratic Party (PDP) said": the short name in
        // brackets is the phrase's, not its end.
        if k - 1 > start, w.isAcronym(k), w.gaps[k + 1] == .hard, w.gaps[k] == .hard, w.onlySetsOff(k + 1), w.onlySetsOff(k),
            !w.commaBefore(k + 1), !w.commaBefore(k)
        {
            k -= 1
            if w.gaps[k + 1] != .none, let phrase = englishPhrase(endingAt: k, start: start, w) {
                return NamedSpeaker(
                    name: phrase.name, kind: phrase.kind, span: phrase.span.lowerBound..<w.tokens[k + 1].range.upperBound,
                    nameSpan: phrase.nameSpan)
            }
        }
        // (A comma after a bracket sets off too: "… (AEOI), said".)
        let setOff = w.gaps[k + 1] == .comma || k + 1 < w.tokens.count && w.commaBefore(k + 1) && w.onlySetsOff(k + 1)
        guard k >= start, w.gaps[k + 1] == .none || setOff else { return nil }
        // "Ahmed Saleh, the interior minister, denied": the name before an
        // apposition that describes it.
        if setOff {
            // "Ahmed Saleh, the interior minister", "Olga Ivanova, the
            // group's lawyer", "Guy Martin, of the CGT union", "Ali Musa,
            // minister of power, works and housing": each comma back, the
            // first that has a person's name before it and a description
            // after it.
            var open = k
            while open > max(start, k - 16) {
                guard let comma = (max(start, k - 16)...open).reversed().first(where: { w.gaps[$0] == .comma && $0 > start }) else { break }
                open = comma
                // ("Bruno Frattasi, speaking for the fire services, said".)
                let describes =
                    ["the", "a", "an", "who", "whose", "of", "for"].contains(w.form(open)) || w.isRole(open)
                    || Extractor.englishModifiers.contains(w.form(open)) || w.form(open).hasSuffix("ing") && !w.isCapital(open)
                    || (open...k).contains { w.isRole($0) || w.form($0).hasSuffix("'s") || w.form($0).hasSuffix("’s") }
                if describes, let name = englishPhrase(endingAt: open - 1, start: start, w), name.kind == .person,
                    name.nameSpan == name.span || ["the", "a", "an", "who", "whose"].contains(w.form(open)) || w.isRole(open)
                {
                    return NamedSpeaker(
                        name: name.name, kind: name.kind, span: name.span.lowerBound..<w.tokens[k].range.upperBound,
                        nameSpan: name.nameSpan)
                }
                open -= 1
            }
        }
        if w.gaps[k + 1] == .comma, let open = (max(start, k - 12)...k).reversed().first(where: { w.gaps[$0] == .comma }),
            open > start
        {
            if ["the", "a", "an", "who", "whose"].contains(w.form(open)) || w.isRole(open)
                || Extractor.englishModifiers.contains(w.form(open))
            {
                if let name = englishPhrase(endingAt: open - 1, start: start, w), name.kind != .described {
                    return NamedSpeaker(
                        name: name.name, kind: name.kind, span: name.span.lowerBound..<w.tokens[k].range.upperBound,
                        nameSpan: name.nameSpan)
                }
            }
            // "His predecessor, Sir John Major, said": a whole name set off
            // by commas right before the verb is its subject, whatever
            // stands before it.
            if let name = englishPhrase(endingAt: k, start: open, w), name.kind == .person,
                name.span.lowerBound == w.tokens[open].range.lowerBound
                    || open < k && Extractor.englishHonorificWords.contains(w.form(open))
                        && name.span.lowerBound == w.tokens[open + 1].range.lowerBound,
                (open...k).allSatisfy({ w.isCapital($0) || Extractor.englishNameParticles.contains(w.form($0)) || w.isHyphenated($0) })
            {
                return NamedSpeaker(name: name.name, kind: .person, span: name.span, nameSpan: name.nameSpan)
            }
            // "Lebanon's caretaker Prime Minister, Najib Mikati, said": the
            // name set off after its role.
            if let name = englishPhrase(endingAt: k, start: open, w), name.kind == .person,
                name.span.lowerBound == w.tokens[open].range.lowerBound,
                let role = englishPhrase(endingAt: open - 1, start: start, w), role.kind == .described
            {
                return NamedSpeaker(
                    name: name.name, kind: .person, span: role.span.lowerBound..<name.span.upperBound, nameSpan: name.nameSpan)
            }
        }
        guard w.gaps[k + 1] == .none else { return nil }
        if let office = englishOffice(endingAt: k, start: start, w) { return office }
        return englishPhrase(endingAt: k, start: start, w)
    }

    /// "The head of the UN agency for Palestinian refugees said", "a
    /// spokesman for the group said": a role of a body that opens the
    /// clause is a person the text describes, however the body is written
    /// (not the body, and not its last words). Unnamed when the article is
    /// indefinite; a definite one may be the holder named before.
    func englishOffice(endingAt end: Int, start: Int, _ w: WordReader) -> NamedSpeaker? {
        let from = max(start, end - 12)
        guard let of = (from...end).first(where: { ["of", "for"].contains(w.form($0)) }), of > start, of < end,
            w.isRole(of - 1), !w.isCapital(of - 1),
            (of + 1...end).allSatisfy({ w.gaps[$0] == .none && w.isLatin($0) && !Extractor.officeBreaks.contains(w.form($0)) })
        else { return nil }
        // ("a spokesperson for Meta" is read as "unnamed Meta spokesperson"
        // by ``englishPhrase(endingAt:start:_:)``.)
        let body = w.form(of + 1) == "the" && of + 2 <= end ? of + 2 : of + 1
        if w.form(of) == "for", w.isCapital(body) { return nil }
        // The role and its modifiers back to the article that opens the clause.
        var d = of - 1
        while d - 1 >= start, w.gaps[d] == .none, !w.isCapital(d - 1),
            w.isRole(d - 1) || Extractor.englishModifiers.contains(w.form(d - 1))
        { d -= 1 }
        guard d - 1 >= start, w.gaps[d] == .none, ["the", "a", "an"].contains(w.form(d - 1)),
            d - 1 == start || w.gaps[d - 1] != .none
        else { return nil }
        let phrase = w.text(d, end)
        return NamedSpeaker(
            name: w.form(d - 1) == "the" ? phrase : "unnamed " + phrase, kind: .described, span: w.span(d - 1, end))
    }

    /// The speaker after an inverted English cue ("…,” said Farhan Haq,
    /// deputy spokesman") or after "according to".
    func englishObject(after: Int, end: Int, _ w: WordReader) -> NamedSpeaker? {
        var k = after
        while k < end, ["to", "by"].contains(w.form(k)) { k += 1 }
        guard k < end else { return nil }
        var last = k
        // (A plain noun before a role is the role's: "foreign policy chief".)
        // ("on Monday" after the name is when, not part of it.)
        func when(_ n: Int) -> Bool {
            w.isWeekday(n)
                || ["on", "at", "in"].contains(w.form(n)) && n + 1 < end
                    && (w.isWeekday(n + 1) || Extractor.englishWhen.contains(w.form(n + 1)))
        }
        while last + 1 < end, w.gaps[last + 1] == .none, !when(last + 1),
            englishPhraseWord(last + 1, w)
                || last + 2 < end && w.gaps[last + 2] == .none && w.isLatin(last + 1) && !w.isCapital(last + 1) && w.isRole(last + 2)
                    && !Extractor.englishNonNames.contains(w.form(last + 1))
        { last += 1 }
        guard englishPhraseWord(k, w) || Extractor.englishDeterminers.contains(w.form(k)) else { return nil }
        var phrase = englishPhrase(endingAt: last, start: k, w)
        // "a source familiar with the negotiations", "people close to the
        // talks": what the described speaker knows is part of who they are.
        if let p = phrase, p.kind == .described, last + 2 < end, w.gaps[last + 1] == .none,
            ["familiar", "close", "briefed", "with"].contains(w.form(last + 1))
        {
            var n = last + 1
            while n + 1 < end, n < last + 4, w.gaps[n + 1] == .none { n += 1 }
            if n > last + 1 {
                phrase = NamedSpeaker(
                    name: p.name + " " + w.text(last + 1, n), kind: .described, span: p.span.lowerBound..<w.tokens[n].range.upperBound)
            }
        }
        // "said the lawyer, Stuart London": a role set off before the name.
        if let phrase, phrase.kind == .described, last + 1 < end, w.gaps[last + 1] == .comma, w.isCapital(last + 1),
            phrase.span.upperBound == w.tokens[last].range.upperBound
        {
            var n = last + 1
            while n + 1 < end, w.gaps[n + 1] == .none, englishPhraseWord(n + 1, w) { n += 1 }
            if let name = englishPhrase(endingAt: n, start: last + 1, w), name.kind == .person {
                return NamedSpeaker(
                    name: name.name, kind: .person, span: phrase.span.lowerBound..<name.span.upperBound,
                    nameSpan: name.nameSpan)
            }
        }
        return phrase
    }

    /// The first role followed by a capitalised name within a few words
    /// from `from`, before the clause ends: "… (LNA) official spokesperson
    /// Ahmed Mesmari".
    func englishRoleAndName(from: Int, end: Int, _ w: WordReader) -> NamedSpeaker? {
        var k = from
        while k + 1 < end, k < from + 12 {
            if w.gaps[k + 1] == .comma || w.gaps[k + 1] == .quote { return nil }
            if w.isRole(k), !w.isCapital(k), w.gaps[k + 1] == .none, w.isCapital(k + 1) {
                var n = k + 1
                while n + 1 < end, w.gaps[n + 1] == .none, w.isCapital(n + 1) || w.isHyphenated(n + 1) { n += 1 }
                if let phrase = englishPhrase(endingAt: n, start: k, w), phrase.kind == .person { return phrase }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Whether a word may stand in an English speaker phrase.
    private func englishPhraseWord(_ k: Int, _ w: WordReader) -> Bool {
        let f = w.form(k)
        if w.isHyphenated(k), w.isCapital(k - 1) { return true }
        if w.isCapital(k) { return !Extractor.englishNonNames.contains(f) || w.isAcronym(k) }
        return w.isRole(k) || Extractor.englishModifiers.contains(f) || w.isOrgHead(k)
            || Extractor.englishConnectors.contains(f) || Extractor.englishUnnamed.contains(f) || f.hasSuffix("'s")
            || f.hasSuffix("’s")
    }

    /// The English noun phrase that ends at word `end`, read back to its
    /// start and then forward: [the/a] [modifiers, names, roles] [name].
    func englishPhrase(endingAt end: Int, start: Int, _ w: WordReader) -> NamedSpeaker? {
        guard end >= start, englishPhraseWord(end, w) else { return nil }
        var first = end
        while first - 1 >= start, w.gaps[first] == .none, englishPhraseWord(first - 1, w) { first -= 1 }
        // "Diplomats in Brussels said", "officials at the ministry": unnamed
        // speakers where they are.
        let place = first - 1 >= start && w.form(first - 1) == "the" && w.gaps[first] == .none ? first - 1 : first
        if place - 2 >= start, ["in", "at"].contains(w.form(place - 1)), w.gaps[place] == .none, w.gaps[place - 1] == .none,
            Extractor.englishUnnamed.contains(w.form(place - 2)), w.form(place - 2).hasSuffix("s")
        {
            let noun = place - 2
            var from = noun
            while from - 1 >= start, w.gaps[from] == .none,
                Extractor.quantities.contains(w.form(from - 1))
                    || Extractor.englishModifiers.contains(w.form(from - 1))
                    || w.isCapital(from - 1) && w.gaps[from] == .none
                        && !Extractor.englishDeterminers.contains(w.form(from - 1))
            { from -= 1 }
            let opener =
                from - 1 >= start && w.gaps[from] == .none && Extractor.englishDeterminers.contains(w.form(from - 1)) ? from - 1 : from
            let words = w.text(from, end)
            // ("Diplomats" opening the sentence is a common noun.)
            let phrase = from == noun ? words.prefix(1).lowercased() + words.dropFirst() : words
            return NamedSpeaker(name: "unnamed " + phrase, kind: .described, span: w.span(opener, end))
        }
        // "a coast guard official": plain nouns before a role or an
        // institution's head belong to it when an article opens them.
        if w.isRole(end) || w.isOrgHead(end) || Extractor.englishUnnamed.contains(w.form(end)),
            let article = (max(start, first - 4)..<first).last(where: { Extractor.englishDeterminers.contains(w.form($0)) }),
            (article + 1..<first).allSatisfy({
                w.gaps[$0 + 1] == .none && !w.isCapital($0) && w.isLatin($0)
                    && (!Extractor.englishNonNames.contains(w.form($0)) || Extractor.englishModifiers.contains(w.form($0)))
            })
        {
            first = article + 1
        }
        // Connectors ("of", "al") neither start nor end a phrase.
        while first < end, Extractor.englishConnectors.contains(w.form(first)), !w.isCapital(first) { first += 1 }
        let determiner =
            first - 1 >= start && w.gaps[first] == .none && Extractor.englishDeterminers.contains(w.form(first - 1))
            ? first - 1 : nil
        let indefinite = determiner.map { w.form($0) != "the" } ?? false
        // The name: the capitalised words at the end, after any role.
        var nameStart = end + 1
        var k = end
        /// A title, role or institution word, or a possessive: these end a name.
        func isTitle(_ k: Int) -> Bool {
            let f = w.form(k)
            return w.isRole(k) || Extractor.englishHonorificWords.contains(f) || w.isOrgHead(k) || f.hasSuffix("'s") || f.hasSuffix("’s")
        }
        while k >= first {
            let f = w.form(k)
            let capital = w.isCapital(k)
            // A title that is also a given name ("Hossein Amir-Abdollahian")
            // is part of the name when a name word stands before it.
            // (Nor is one that ends a name after a given name: "John Major".)
            if isTitle(k),
                !(capital && k < end && k > first && Extractor.englishGivenNames.contains(f) && w.isCapital(k - 1)
                    && !isTitle(k - 1) && w.gaps[k] == .none),
                !(capital && k == end && k > first && w.gaps[k] == .none && Extractor.englishGivenNames.contains(w.form(k - 1)))
            {
                break
            }
            if capital || (Extractor.englishNameParticles.contains(f) && k < end && k > first)
                || (w.isHyphenated(k) && k > first && w.isCapital(k - 1))
            {
                nameStart = k
                k -= 1
                continue
            }
            break
        }
        let phraseStart = determiner ?? first
        // "the Ministry of Fisheries": an institution named after its head.
        if nameStart <= end, nameStart > first, ["of", "for", "on"].contains(w.form(nameStart - 1)),
            (first..<nameStart).contains(where: w.isOrgHead)
        {
            return NamedSpeaker(name: w.text(first, end), kind: .institution, span: w.span(phraseStart, end))
        }
        // "a spokesperson for Meta", "a spokesman for the Spanish Foreign
        // Ministry": one of the body's people, unnamed.
        let body = nameStart <= end ? nameStart : (first...end).first(where: w.isCapital) ?? first
        var of = body - 1
        if of > start, w.form(of) == "the", w.gaps[body] == .none { of -= 1 }
        // ("The head of the ministry" is its holder, not read here.)
        if w.isCapital(body), of > start, w.form(of) == "for", w.gaps[of + 1] == .none,
            w.isRole(of - 1), !w.isCapital(of - 1), w.gaps[of] == .none,
            !(body...end).contains(where: { w.isRole($0) && !w.isOrgHead($0) && !Extractor.englishModifiers.contains(w.form($0)) })
        {
            var r = of - 1
            while r - 1 >= start, w.gaps[r] == .none, !w.isCapital(r - 1),
                Extractor.englishModifiers.contains(w.form(r - 1)) || w.isRole(r - 1)
            { r -= 1 }
            let opener = r - 1 >= start && w.gaps[r] == .none && Extractor.englishDeterminers.contains(w.form(r - 1)) ? r - 1 : r
            return NamedSpeaker(
                name: "unnamed " + w.text(body, end) + " " + w.text(r, of - 1), kind: .described,
                span: w.span(opener, end))
        }
        if nameStart <= end, w.isCapital(nameStart) {
            // A name of one word that is an institution's ("Hamas said") or a
            // capital at a sentence start is still a name; the gazetteer
            // decides what it is later.
            let hasRole = nameStart > first
            let name = w.text(nameStart, end)
            if !hasRole, determiner != nil { return NamedSpeaker(name: name, kind: .institution, span: w.span(phraseStart, end)) }
            return NamedSpeaker(name: name, kind: .person, span: w.span(phraseStart, end), nameSpan: w.span(nameStart, end))
        }
        let last = w.form(end)
        if w.isOrgHead(end) || (w.isCapital(end) && !w.isRole(end)) {
            return NamedSpeaker(name: w.text(first, end), kind: .institution, span: w.span(phraseStart, end))
        }
        if w.isRole(end) || Extractor.englishUnnamed.contains(last) {
            // Leave out how many: "three people familiar with the matter".
            var from = first
            while from < end, Extractor.quantities.contains(w.form(from)) { from += 1 }
            let phrase = w.text(from, end)
            // "a resident" is an unnamed one; "witnesses", "the spokesperson"
            // are as the text says.
            let plural = last.hasSuffix("s")
            // "Turkish officials", "senior Treasury officials" are described
            // unnamed; "officials" alone, "Hamas officials" (the group's) and
            // "Western and Iraqi officials" as written.
            let described =
                from < end && !(from..<end).contains { w.form($0) == "and" }
                && (w.isCapital(from) ? Extractor.looksAdjectival(w.form(from)) : ["senior", "top", "former"].contains(w.form(from)))
            // ("One Deepwater resident", "three people familiar with the
            // matter": counted, so unnamed.)
            let counted = from > first || first > start && w.gaps[first] == .none && Extractor.quantities.contains(w.form(first - 1))
            let anonymous =
                indefinite || counted
                || determiner == nil
                    && (plural
                        ? w.is(end, in: Extractor.anonymousHeads) && described
                        : !w.isCapital(first))
            return NamedSpeaker(
                name: anonymous ? "unnamed " + phrase : phrase,
                kind: .described, span: w.span(phraseStart, end))
        }
        return nil
    }

    // MARK: Arabic

    /// The subject after an Arabic verb-first cue: a role with its
    /// complement and then a name ("المتحدث باسم قوات الدعم السريع، الفاتح
    /// قرشي"), an institution by its head noun ("الجيش السوداني", "وزارة
    /// الخارجية المصرية"), or a name ("عبد الفتاح البرهان").
    func arabicSubject(after: Int, end: Int, mentionAt: Gazetteer.MentionIndex, _ w: WordReader) -> NamedSpeaker? {
        var k = after
        let limit = min(end, after + 14)
        // Adverbs between the verb and its subject ("أيضا").
        while k < limit, w.is(k, in: Extractor.arabicSkips) || Extractor.arabicSkips.contains(DateFinder.strippedSlice(w.keys[k])),
            w.gaps[k] != .hard
        { k += 1 }
        // "قالت "كتائب القسام"، إن …": a short name in quotation marks
        // right after the verb, with what was said after it.
        if k < limit, w.gaps[k] == .quote, !w.isLatin(k) {
            var j = k
            while j + 1 < end, j < k + 3, w.gaps[j + 1] == .none { j += 1 }
            let n = j + 1
            if n < end, w.gaps[n] != .none, w.is(n, in: Extractor.complementizers) {
                return NamedSpeaker(name: w.text(k, j), kind: .institution, span: w.span(k, j))
            }
            return nil
        }
        guard k < limit, w.gaps[k] != .hard, w.gaps[k] != .quote, !w.isLatin(k) else { return nil }
        let head = k
        let f = w.form(k)
        // "قناة “الإخبارية” السعودية", "صحيفة «الأخبار»": an outlet's name in
        // quotation marks after its kind.
        if Extractor.mediaNouns.contains(strippedOf: f), k + 1 < limit, w.gaps[k + 1] == .quote {
            var j = k + 1
            while j + 1 < limit, j < k + 6, w.gaps[j + 1] == .none { j += 1 }
            if j + 1 >= end || w.gaps[j + 1] != .none, j < k + 6 {
                return NamedSpeaker(name: w.text(k + 1, j), kind: .institution, span: w.span(k, j))
            }
        }
        if w.isArabicStop(k) { return nil }
        // "مسؤول أميركي", "مصادر مطلعة": unnamed speakers are read elsewhere
        // (``unnamed(at:end:tokens:mentionAt:)``).
        // An official of a body with a name after it ("مسؤول حزب الله حسين
        // الخليل", "مسؤول المساعدات في الأمم المتحدة مارتن غريفيث") is read
        // as a role; without a name it is left to the unnamed reader too.
        let namedOfficial =
            Extractor.singularOfficials.contains(strippedOf: f) && k + 1 < limit && w.gaps[k + 1] == .none
            && !Extractor.seniorWords.contains(Array(Extractor.bare(w.form(k + 1)).utf8))
            && mentionAt[k + 1].map({ !$0.isNisba }) ?? !Extractor.isAdjectival(DateFinder.stripped(w.keys[k + 1]))
        if Extractor.isOfficial(f), !namedOfficial { return nil }
        let isRole = w.isRole(k) || namedOfficial
        let isOrg = w.isOrgHead(k)
        if isRole || isOrg {
            // The complement: definite words, nisba adjectives, names the
            // gazetteer knows, a construct noun, باسم.
            var last = k
            var j = k + 1
            var sawComma = false
            while j < limit {
                if w.gaps[j] == .hard || w.gaps[j] == .quote { break }
                if w.gaps[j] == .comma {
                    sawComma = true
                    break
                }
                let g = w.form(j)
                // "باسم", "العام" (الأمين العام) belong to the role.
                if w.is(j, in: Extractor.roleLinks) {
                    last = j
                    j += 1
                    continue
                }
                // "مبعوث الأمين العام إلى ليبيا", "السفير الروسي لدى طهران", "وزير
                // الدفاع في حكومة البرهان": a place or body the role is for.
                if isRole, w.is(j, in: Extractor.rolePrepositions), j + 1 < limit, w.gaps[j + 1] == .none,
                    mentionAt[j + 1].map({ !$0.isNisba }) == true || w.isOrgHead(j + 1)
                {
                    last = j + 1
                    j += 2
                    continue
                }
                let previousIndefinite = !w.isDefinite(last) && mentionAt[last] == nil
                // (A body's head after a construct noun is its complement,
                // even one that ends names: "مراسل وكالة الأنباء".)
                if w.isArabicStop(j) && !(previousIndefinite && w.isOrgHead(j)) || w.isWeekday(j) || w.isLatin(j) { break }
                if let m = mentionAt[j] {
                    // A person the gazetteer knows after the role is the name.
                    // (Not after an official: "مسؤول في إدارة بايدن" is the
                    // administration's.)
                    if isRole, !namedOfficial, !m.isNisba, gazetteer.entries[m.entry].kind == "person" {
                        return NamedSpeaker(
                            name: gazetteer.entries[m.entry].name, kind: .person,
                            span: w.tokens[head].range.lowerBound..<m.bytes.upperBound, nameSpan: m.bytes)
                    }
                    // A body after a definite head is another phrase, the
                    // object ("اتهم التحالف الحوثيين"); after a construct it
                    // is the complement ("حركة حماس").
                    if !previousIndefinite, !m.isNisba, !isRole, last > head || w.isDefinite(head) { break }
                    // "لرويترز": whom it was said to, not who.
                    if m.isPrepositional, !isRole || ["media", "outlet"].contains(gazetteer.entries[m.entry].kind ?? "") { break }
                    last = m.tokens.upperBound - 1
                    j = m.tokens.upperBound
                    continue
                }
                // After a definite word, a definite noun that is not an
                // adjective is no complement but the object ("نفى الجيش
                // الاتهامات", "انتقد الوزير القرار"): construct chains have
                // an indefinite head (وزارة الخارجية).
                if last == head, w.isDefinite(head), Bytes.starts(w.keys[j], with: Bytes.al), !w.isRole(j), !w.isOrgHead(j),
                    mentionAt[j] == nil, !Extractor.isAdjectival(w.keys[j])
                {
                    break
                }
                if w.isDefinite(j) {
                    // A rank or title after the role leads to the name:
                    // "المتحدث العسكري للحوثيين العميد يحيى سريع".
                    if isRole, w.isRole(j), j + 1 < limit, w.gaps[j + 1] == .none {
                        var n = j + 1
                        while n < limit, w.is(n, in: Extractor.roleLinks) || (w.isRole(n) && w.isDefinite(n)) { n += 1 }
                        if n < limit, let name = arabicName(at: n, end: limit, mentionAt: mentionAt, w) {
                            return NamedSpeaker(
                                name: name.name, kind: .person,
                                span: w.tokens[head].range.lowerBound..<name.span.upperBound, nameSpan: name.span)
                        }
                    }
                    // A second institution or role after a definite one starts
                    // another phrase (the object: "اتهم التحالف الحوثيين").
                    if !previousIndefinite, w.isOrgHead(j) || w.isRole(j) {
                        break
                    }
                    last = j
                    j += 1
                    continue
                }
                // An indefinite word continues only a construct chain (وزير
                // خارجية قطر, حركة حماس, زميل أبحاث, مكتب رئيس وزراء …).
                if previousIndefinite, !(isRole && j > k + 1 && w.isGivenName(j)) {
                    last = j
                    j += 1
                    continue
                }
                break
            }
            if isRole {
                // The name: after a comma, or straight after the role phrase.
                if j < limit, let name = arabicName(at: j, end: limit, mentionAt: mentionAt, w, afterComma: sawComma) {
                    return NamedSpeaker(
                        name: name.name, kind: .person, span: w.tokens[head].range.lowerBound..<name.span.upperBound,
                        nameSpan: name.span)
                }
                // A long role whose complement the words above cannot follow
                // ("رئيس وزراء الحكومة المتمركزة بشرق ليبيا أسامة حماد", "رئيس
                // مجلس الأمة (البرلمان) الكويتي، مرزوق الغانم"): the name further
                // on, opened by a given name or set off by a comma.
                if let name = appositiveName(from: j, end: min(end, after + 24), mentionAt: mentionAt, w) {
                    return NamedSpeaker(
                        name: name.name, kind: .person, span: w.tokens[head].range.lowerBound..<name.span.upperBound,
                        nameSpan: name.span)
                }
                // No name: the role speaks ("المتحدث باسم الجيش", "الوزير"),
                // the holder named before if there is one.
                if namedOfficial { return nil }
                return NamedSpeaker(name: w.text(head, last), kind: .described, span: w.span(head, last))
            }
            return NamedSpeaker(name: w.text(head, last), kind: .institution, span: w.span(head, last))
        }
        if let name = arabicName(at: k, end: limit, mentionAt: mentionAt, w) {
            return NamedSpeaker(name: name.name, kind: .person, span: name.span, nameSpan: name.span)
        }
        return nil
    }

    /// The subject written before an Arabic verb ("دونالد ترمب أكد", "وكان
    /// البرادعي قد قال", "أن المملكة أبلغت إسرائيل"): a role, institution or
    /// name that fills the words from the clause's start to the verb, with
    /// only قد between. The clause starts the sentence, follows a comma, or
    /// follows كان, أن, كما, فيما and the like. A verb with و or ف on it
    /// goes on from another clause and has its subject after it.
    func arabicSubject(
        before cue: Int, start: Int, mentionAt: Gazetteer.MentionIndex,
        _ w: WordReader
    ) -> NamedSpeaker? {
        var verb = cue
        if verb - 1 > start, w.is(verb - 1, in: Extractor.perfectParticles), w.onlySpaceBefore(verb) { verb -= 1 }
        // "أن مسؤولا أمريكيا رفيعا معنيا بالملف، نفى", "وكان مصدر تركي، أعلن":
        // an unnamed official opening the clause, a comma allowed before
        // the verb.
        if let official = (max(start, verb - 8)..<verb).first(where: { q in
            Extractor.isOfficial(w.form(q)) && (q == start || w.gaps[q] != .none || w.is(q - 1, in: Extractor.subjectOpeners))
        }), (official + 1..<verb).allSatisfy({ w.gaps[$0] == .none }),
            w.onlySpaceBefore(verb) || w.commaBefore(verb) && w.onlySetsOff(verb)
        {
            let found = unnamed(at: official, end: verb, tokens: w.tokens, mentionAt: mentionAt)
            return NamedSpeaker(name: found.name, kind: .described, span: w.span(official, verb - 1))
        }
        guard verb - 1 >= start, w.onlySpaceBefore(verb) else { return nil }
        var p = verb - 1
        while p > start, verb - p < 8, w.gaps[p] == .none, !w.is(p - 1, in: Extractor.subjectOpeners) { p -= 1 }
        guard p == start || w.gaps[p] != .none || w.is(p - 1, in: Extractor.subjectOpeners),
            w.gaps[p] != .quote || p == start,
            let subject = arabicSubject(after: p, end: verb, mentionAt: mentionAt, w),
            subject.span.upperBound == w.tokens[verb - 1].range.upperBound
        else { return nil }
        return subject
    }

    /// "أصدرت الوزارة بيانا قالت فيه": the verb said "in it" is the words of
    /// whoever issued the statement, speech or post just named.
    func arabicIssuer(of cue: Int, start: Int, mentionAt: Gazetteer.MentionIndex, _ w: WordReader) -> NamedSpeaker? {
        // ("نشر زيلينسكي عبر تيليغرام خطابا له إلى المواطنين، انتقد فيه": the
        // document may have its own words before the cue, but no other cue.)
        guard cue + 1 < w.tokens.count, w.is(cue + 1, in: Extractor.inIt),
            let document = (max(start, cue - 8)..<cue).last(where: { w.is($0, in: Extractor.issuedThings) }),
            !(document + 1..<cue).contains(where: { w.flags[$0].contains(.cue) || w.gaps[$0] == .hard || w.gaps[$0] == .quote }),
            let verb = (max(start, document - 8)..<document).last(where: { w.is($0, in: Extractor.issuingVerbs) })
        else { return nil }
        if verb + 1 < document, let issuer = arabicSubject(after: verb + 1, end: document, mentionAt: mentionAt, w),
            issuer.span.upperBound <= w.tokens[document - 1].range.upperBound
        {
            return issuer
        }
        // "وكان زيلينسكي نشر … خطابا": the issuer before its verb, a name the
        // gazetteer knows or one the words give.
        if verb > start, w.onlySpaceBefore(verb),
            let known = (max(start, verb - 4)..<verb).first(where: { q in
                mentionAt[q].map { $0.tokens.upperBound == verb && !$0.isNisba && !$0.isPrepositional } == true
            }), let m = mentionAt[known], gazetteer.canSpeak(m.entry)
        {
            let kind: NamedSpeaker.Kind = gazetteer.entries[m.entry].kind == "person" ? .person : .institution
            return NamedSpeaker(name: gazetteer.entries[m.entry].name, kind: kind, span: m.bytes, nameSpan: m.bytes)
        }
        return arabicSubject(before: verb, start: start, mentionAt: mentionAt, w)
    }

    /// The name of a role's holder some words after the role, before the
    /// clause says anything: the first place, up to `end`, where a comma
    /// or a given name opens a name (titles such as الدكتور, السفير skipped).
    /// Nothing past إن/أن, a cue or the end of the sentence.
    func appositiveName(
        from start: Int, end: Int, mentionAt: Gazetteer.MentionIndex,
        _ w: WordReader
    ) -> (name: String, span: Range<Int>)? {
        var p = start
        while p < end {
            if w.gaps[p] == .quote || w.gaps[p] != .none && !w.onlySetsOff(p) { return nil }
            if w.is(p, in: Extractor.complementizers) || w.is(p, in: Extractor.clauseOpeners) && w.gaps[p] == .none
                || w.flags[p].contains(.cue) || w.isWeekday(p)
            {
                return nil
            }
            let comma = w.commaBefore(p)
            // A known person is the gazetteer's to read.
            if mentionAt[p] != nil, comma { return nil }
            if comma || w.isGivenName(p) {
                var n = p
                while n < end, w.isRole(n), w.isDefinite(n) || w.is(n, in: Extractor.roleLinks) { n += 1 }
                let given = n < end && w.isGivenName(n)
                if n < end, given || comma, let name = arabicName(at: n, end: end, mentionAt: mentionAt, w, afterComma: true),
                    given || name.name.contains(" ")
                {
                    return name
                }
            }
            p += 1
        }
        return nil
    }

    /// A person's name of one to five words starting at word `k`: given
    /// names, عبد/أبو/بن compounds, family names with ال; it ends at a
    /// comma, إن/أن, a date, a preposition or a cue. Straight after a verb
    /// (not a role), one unknown word counts only when the clause goes on
    /// at once after it ("وأشار بومبيو إلى أن").
    func arabicName(
        at k: Int, end: Int, mentionAt: Gazetteer.MentionIndex, _ w: WordReader,
        afterComma: Bool = false, relayed: Bool = false
    ) -> (name: String, span: Range<Int>)? {
        // Never inside a quotation that opens here.
        if k > 0, w.gaps[k] == .quote || w.gaps[k] == .hard { return nil }
        // A name the gazetteer knows is the gazetteer's to read; a given
        // name that is also a people's adjective (تركي) is not one.
        if let m = mentionAt[k], !(m.isNisba && w.is(k, in: Extractor.arabicGivenNames)) { return nil }
        var j = k
        var run: [Int] = []
        while j < end, run.count < 5 {
            // (One letter is no name: "لـ", "و".)
            if j > k, w.gaps[j] != .none || w.slashBefore(j) || w.keys[j].count <= 2 { break }
            let g = w.form(j)
            // ("للبرلمان", "للصحفيين": to whom it was said; "انفتاحها",
            // "موقفهم": a noun with its pronoun, never a name.)
            if w.isLatin(j) || w.isArabicStop(j) || w.isWeekday(j) || w.isRole(j) || w.isOrgHead(j)
                || w.keys[j].count > 8 && (w.keys[j].suffix(4).elementsEqual(Bytes.ha) || w.keys[j].suffix(4).elementsEqual(Bytes.hum))
                || j > k && w.keys[j].count > 8 && w.keys[j].starts(with: Bytes.lilAl)
                || Extractor.isOfficial(g) || !Extractor.isArabic(g)
                || Extractor.participle(w.keys[j]) != nil
                // (After a given name a people's adjective is the family
                // name: خالد المصري.)
                || j > k && mentionAt[j].map({ !($0.isNisba && w.is(k, in: Extractor.arabicGivenNames)) }) == true
                || w.flags[j].contains(.cue) && !w.isAli(j) || Extractor.mediaNouns.contains(strippedOf: g)
                || Extractor.reports.contains(g) || Extractor.documents.contains(g)
            {
                break
            }
            // A definite word starts no name (الرئيس), but ends one (البرهان),
            // and follows عبد (عبد الفتاح).
            if w.isDefinite(j) {
                // "عن الحداد قوله": a family name alone, right before the relay's
                // cue.
                if run.isEmpty, relayed && j + 1 == end || Extractor.isFamilyNisba(w.keys[j]) {
                    run.append(j)
                    break
                }
                if run.isEmpty { return nil }
                run.append(j)
                j += 1
                if let prev = run.dropLast().last, w.is(prev, in: Extractor.namePrefixes) { continue }
                break
            }
            run.append(j)
            j += 1
        }
        guard let first = run.first, let last = run.last else { return nil }
        // Evidence that these words are a name: a given name first, a comma
        // before them, or the clause going on at once after them ("وأشار
        // بومبيو إلى أن", "مايك بومبيو، اليوم").
        let next = last + 1
        // (A lone ل, "لـ /المعلومة/": said to.)
        let clauseGoesOn =
            next >= end || w.gaps[next] != .none || w.slashBefore(next) || w.is(next, in: Extractor.clauseOpeners)
            || w.keys[next] == Bytes.lam
            || w.isWeekday(next) || w.keys[next].count > 8 && w.keys[next].starts(with: Bytes.lilAl)
        // (A word and a family nisba are a given and a family name: غيث
        // التميمي.)
        let given =
            w.isGivenName(first) || (run.count > 1 && w.is(first, in: Extractor.compoundStarts))
            || run.count == 2 && !w.isDefinite(first) && Extractor.isFamilyNisba(w.keys[last])
        guard clauseGoesOn || (given && run.count > 1) else { return nil }
        if run.count == 1, !clauseGoesOn { return nil }
        if !given, !afterComma, run.count > 3 { return nil }
        return (w.text(first, last), w.span(first, last))
    }
}

extension WordSet {
    /// Whether the form itself, or it without its conjunction or article,
    /// is a member: وزارة is a word, not و + زارة.
    func contains(formOrStripped form: String) -> Bool { contains(form) || contains(strippedOf: form) }
}

extension Extractor {
    static let englishSkips = words([
        "has", "have", "had", "also", "later", "publicly", "repeatedly", "previously", "further",
        "again", "then", "separately", "earlier", "recently", "already", "reportedly", "once",
        "would", "will", "could", "is", "was", "were", "are", "has", "had", "been", "subsequently",
        "himself", "herself", "itself", "themselves", "too", "firmly", "strongly", "flatly",
    ])
    static let englishRoleWords = words(SpeakerLexicon.englishRoles)
    static let englishHonorificWords = words(SpeakerLexicon.englishHonorifics.map { $0.lowercased() })
    static let englishModifiers = words([
        "deputy", "foreign", "former", "senior", "top", "prime", "vice", "acting", "interim",
        "defence", "defense", "finance", "interior", "health", "justice", "economy", "trade",
        "military", "army", "ministry", "government", "state", "national", "security",
        "police", "white", "house", "company", "party", "opposition", "campaign", "official",
        "regional", "local", "federal", "chief", "general", "presidential", "palace",
        "embassy", "agency", "department", "office", "foreign-policy", "press",
        "one", "two", "three", "several", "other", "another", "some",
        "many", "most", "u.s.", "un", "eu",
    ])
    static let englishConnectors = words([
        "of", "for", "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "del",
        "van", "von", "der", "la", "le", "du", "dos", "di", "and", "on", "at",
    ])
    static let englishNameParticles = words([
        "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "del", "van", "von",
        "der", "la", "le", "du", "dos", "di",
    ])
    static let englishOrgHeads = words(SpeakerLexicon.englishOrgHeads.map { $0.lowercased() })
    static let englishUnnamed = words(SpeakerLexicon.englishUnnamed)
    static let englishNonNames = words(SpeakerLexicon.englishNonNames)

    /// English pronouns that carry the speaker on, with the kind they
    /// refer to.
    static let englishPronouns: WordMap<String> = {
        var out = WordMap<String>()
        for (word, kind) in [("he", "person"), ("she", "person"), ("it", "org"), ("they", "group")] { out[Array(word.utf8)] = kind }
        return out
    }()
    static let englishGivenNames = words(SpeakerLexicon.englishGivenNames.map { $0.lowercased() })
    /// A word's key without its article (and a conjunction before it):
    /// الوزارة, والوزارة → وزارة; وزارة itself stays whole, unlike
    /// ``bare(_:)``. On UTF-8: each of these letters is two bytes.
    static func withoutArticle(_ key: [UInt8]) -> ArraySlice<UInt8> {
        var word = key[...]
        if word.count > 8, Bytes.clitic(word) == .conjunction, Bytes.starts(word.dropFirst(2), with: Bytes.al) {
            word = word.dropFirst(2)
        }
        if word.count > 6, Bytes.starts(word, with: Bytes.al) { word = word.dropFirst(4) }
        return word
    }
    /// What makes an English phrase one met before: "the official", "that
    /// official".
    static let definiteDeterminers = words(["the", "that", "this"])
    /// Words that end a body's name after "the head of": a clause or a
    /// verb begins ("The head of the agency that runs the camps said").
    static let officeBreaks = words([
        "that", "which", "who", "whom", "whose", "said", "says", "has", "have", "had", "is", "was", "were", "are",
        "and", "but", "or", "when", "after", "before", "while", "as", "if", "because", "to", "by", "on", "at",
    ])
    /// Plural heads for speakers who stay anonymous ("Turkish officials
    /// say"): described as unnamed even without an article.
    static let anonymousHeads = words(["officials", "sources", "diplomats", "aides", "insiders", "advisers", "advisors"])
    /// Whether a capitalised English word reads as an adjective of a
    /// people or place (Turkish, Syrian, Iraqi, Chinese, Western), by its
    /// ending.
    static func looksAdjectival(_ form: String) -> Bool {
        ["ish", "an", "ese", "i", "ern", "ic"].contains { form.hasSuffix($0) }
    }
    /// What may open an English speaker phrase before its words.
    static let demonstrativeWords = words(["this", "that", "these", "those"])
    /// "adds to", "adding to": more of something, not words.
    static let addingWords = words(["add", "adds", "added", "adding"])
    /// A wire story's credits: "(Reporting by …; Editing by …)".
    static let creditWords = words(["reporting", "writing", "editing"])
    /// Words that open a clause inside a sentence ("when he said").
    static let subordinators = words(["when", "after", "as", "while", "before", "because", "since", "and", "but", "where"])
    static let englishDeterminers = words(["the", "a", "an", "his", "her", "its", "their"])
    /// How or when something was (not) said, never what: "did not respond
    /// directly", "declined immediately".
    static let mannerWords = words([
        "directly", "immediately", "publicly", "officially", "formally", "yet", "again", "today",
        "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month",
        "request", "requests", "comment", "comments", "for", "queries", "inquiries", "emails",
        "messages", "calls", "repeated", "multiple", "several",
        "مباشرة", "فورا", "علنا", "رسميا", "بعد",
    ])
    /// Words inside a role's name: "المتحدث باسم", "الأمين العام".
    static let roleLinks = words([
        "باسم", "العام", "السابق", "السابقة", "الأسبق", "الحالي", "الحالية", "المكلف", "المكلفة",
        "الجديد", "الجديدة", "الركن",
    ])
    /// A role or title word: the form, or it without و, ف or ب.
    static func isRole(_ key: [UInt8]) -> Bool {
        let stripped = DateFinder.strippedSlice(key)
        return arabicRoleWords.contains(key) || arabicRoleWords.contains(stripped) || roles.contains(key) || roles.contains(stripped)
            || englishRoleWords.contains(key)
    }
    /// A word that heads an institution's name: the form, or it without و,
    /// ف or ب.
    static func isOrgHead(_ key: [UInt8]) -> Bool {
        arabicOrgHeads.contains(key) || arabicOrgHeads.contains(DateFinder.strippedSlice(key)) || englishOrgHeads.contains(key)
            || englishSingular(key).map { englishOrgHeads.contains($0) } == true
    }
    /// An English plural's singular ("companies" → company, "boards" →
    /// board), by its bytes; nil for other words.
    static func englishSingular(_ key: [UInt8]) -> [UInt8]? {
        guard key.count > 3, key.last == 0x73, key.allSatisfy({ $0 < 0x80 }) else { return nil }
        if key.suffix(3).elementsEqual([0x69, 0x65, 0x73]) { return key.dropLast(3) + [0x79] }  // -ies → -y
        return Array(key.dropLast())
    }
    /// A noun or participle of saying (قوله, "saying", قائلا): what a cue
    /// before it says ends there.
    static func isSaying(_ key: [UInt8]) -> Bool { sayingNouns.contains(key) || introducers.contains(key) }
    /// Words no Arabic subject runs through (إن، في، أمس …), in one table.
    static let subjectStops: WordSet = {
        var all: [[UInt8]] = []
        for set in [boundaries, nameStops, arabicNameStops] { set.forEach { all.append($0) } }
        return WordSet(all)
    }()
    /// Words that take the next into a name: عبد الفتاح, أبو زيد, بن سلمان.
    static let namePrefixes = words(["عبد", "ابو", "بن", "ابن", "ال"])
    /// A family name by its shape: a definite nisba (العبادي, البوسعيدي,
    /// المالكي) of five letters or more, which a plain noun after a verb of
    /// saying seldom is. Roles, institutions, officials and the gazetteer's
    /// names are ruled out before this is asked.
    static func isFamilyNisba(_ key: [UInt8]) -> Bool {
        let word = key.count > 8 && Bytes.clitic(key[...]) == .conjunction ? key.dropFirst(2) : key[...]
        return word.count >= 10 && Bytes.starts(word, with: Bytes.al) && word.suffix(2).elementsEqual(Bytes.ya)
    }
    static let compoundStarts = words(["عبد", "أبو"])
    static let rolePrepositions = words(["إلى", "لدى", "في"])
    /// English abbreviations whose full stop ends nothing ("the Dept. of
    /// Justice", "Lt. Col. Pavel Ryaguzov"): the sentence splitter's.
    static let abbreviations = WordSet(SentenceSplitter.abbreviations.map { Array($0.utf8) })
    /// What may stand between a participle and what it says: "مشيرا إلى
    /// أن", "مشددا على أن", "محذرا من أن".
    static let speechPrepositions = words(["من", "على", "إلى", "الى"])
    /// Arabic prepositions, after which a word is a noun, never a verb.
    static let prepositions = words(["على", "في", "من", "عن", "إلى", "الى", "حول", "بشأن", "ضد", "مع", "عقب", "إثر"])
    /// Whether word `k`, just before an English verb, ends a subject that
    /// cannot speak: a plain singular noun after an article or quantifier
    /// ("any failure", "the move", "any failure to comply"), not a name,
    /// pronoun, role, institution, described speaker, document or report.
    /// Plurals may be people ("refugees said") and are never taken so.
    static func isThingSubject(_ k: Int, _ w: WordReader) -> Bool {
        func plainNoun(_ k: Int) -> Bool {
            let f = w.form(k)
            guard w.isLatin(k), !w.isCapital(k), f.count > 3, !f.hasSuffix("s") else { return false }
            return
                !(w.isRole(k) || w.isOrgHead(k) || englishUnnamed.contains(f) || englishPronouns[f] != nil
                || englishSkips.contains(f) || englishWhen.contains(f) || englishNonNames.contains(f) || documents.contains(f)
                || reports.contains(f) || englishModifiers.contains(f) || (f.hasSuffix("ly") && !lyVerbs.contains(f))
                || f.hasSuffix("'s") || f.hasSuffix("’s") || w.flags[k].contains(.cue) || w.isWeekday(k))
        }
        func opened(_ k: Int) -> Bool { k > 0 && w.gaps[k] == .none && thingOpeners.contains(w.form(k - 1)) }
        guard plainNoun(k) else { return false }
        // "failure to comply": the noun before the infinitive is the subject.
        if k >= 2, w.form(k - 1) == "to", plainNoun(k - 2) { return opened(k - 2) }
        return opened(k)
    }
    static let thingOpeners = words(["the", "a", "an", "any", "this", "that", "such", "its", "their", "every", "each", "no"])
    /// Verbs that end like adverbs ("to comply threatens").
    static let lyVerbs = words(["comply", "apply", "supply", "rely", "reply", "imply", "multiply", "ally"])
    /// Words of when that stand between a subject and its verb.
    static let englishWhen = words([
        "on", "late", "early", "last", "this", "today", "yesterday", "tonight", "week", "month",
        "morning", "evening", "afternoon", "night", "weekend",
    ])
    static let quantities = words(["one", "two", "three", "four", "five", "six", "several", "some", "many", "multiple"])
    /// Verbs whose object is whom it was said to ("told Reuters").
    static let addressVerbs = words(["told", "tells", "telling", "tell", "briefed", "informed"])
    static let passiveAuxiliaries = words(["was", "were", "been", "being", "is", "are", "be"])
    /// An English adverb of manner by its ending ("successfully",
    /// "initially"), not the nouns that end so (family, assembly).
    static func isEnglishAdverb(_ form: String) -> Bool {
        form.count > 5 && PlainForm.hasSuffix(form, "ly") && !lyNouns.contains(form)
    }
    static let lyNouns = words([
        "family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "reply", "italy", "july", "bully",
        "folly", "holly", "lily", "jelly", "belly", "butterfly", "firefly", "homily", "oligopoly", "melancholy",
    ])
    /// Whether the English verb at `k` is a passive participle: an
    /// auxiliary before it, adverbs allowed between ("were initially
    /// denied by", "has been flatly rejected by").
    static func isPassive(_ k: Int, start: Int, _ tokens: [Token]) -> Bool {
        var p = k - 1
        while p > start, p > k - 3, PlainForm.hasSuffix(tokens[p].form, "ly") || englishSkips.contains(tokens[p].form),
            !passiveAuxiliaries.contains(tokens[p].form)
        { p -= 1 }
        return p >= start && passiveAuxiliaries.contains(tokens[p].form)
    }
    static let arabicSkips = words([
        "أيضا", "كذلك", "بدوره", "بدورها", "بدورهم", "جهته", "جهتها", "ايضا", "فيه", "فيها",
        "خلاله", "خلالها",
    ])
    static let singularOfficials = words(["مسؤول", "المسؤول", "مسئول", "المسئول"])
    static let arabicRoleWords = words(SpeakerLexicon.arabicRoles)
    static let arabicOrgHeads = words(SpeakerLexicon.arabicOrgHeads)
    /// Indefinite nouns that open a complement in construct (وزير خارجية).
    static let arabicConstructs = words([
        "خارجية", "داخلية", "دفاع", "مالية", "عدل", "صحة", "إعلام", "اقتصاد", "نفط",
        "طاقة", "تجارة", "وزراء", "أركان", "الأركان", "حركة", "حزب", "مجلس", "جيش",
        "قوات", "هيئة", "منظمة", "لجنة", "وزارة", "شؤون", "الشؤون", "دولة", "حكومة",
        "مكتب", "جماعة", "مفوضية", "وكالة", "أمن", "الأمن", "مخابرات", "الاستخبارات",
    ])
    static let arabicGivenNames = words(SpeakerLexicon.arabicGivenNames)
    /// Words that follow a subject when the clause goes on: "قال X إن",
    /// "أشار X إلى", "قال X في بيان", "قال X لوكالة", "قال X اليوم".
    /// An Arabic adjective after a definite noun: a nisba (السوداني,
    /// الثوري, الخارجية), or one of the common others (العام, المتحدة).
    static func isAdjectival(_ key: [UInt8]) -> Bool {
        nisbaEndings.contains { key.suffix($0.count).elementsEqual($0) } || commonAdjectives.contains(key)
    }
    /// ي, يه (ية folded), يين and يون, as UTF-8: built once, not per word.
    static let nisbaEndings: [[UInt8]] = [
        Bytes.ya, Bytes.ya + [0xD9, 0x87], Bytes.ya + Bytes.ya + [0xD9, 0x86], Bytes.ya + [0xD9, 0x88, 0xD9, 0x86],
    ]
    static let commonAdjectives = words([
        "العام", "العامة", "الخاص", "الخاصة", "المكلف", "المكلفة", "السابق", "السابقة",
        "الأسبق", "الجديد", "الجديدة", "المؤقت", "المؤقتة", "الدائم", "الدائمة", "المساعد",
        "الأول", "الأولى", "المتحدة", "الكبير", "الكبرى", "الأعلى", "العليا", "الأحمر",
        "الأبيض", "الحر", "المسلحة", "المستقل", "المستقلة", "الموحد", "الموحدة", "العربية",
        "المنتخب", "المنتهية", "الأمريكية", "المشترك", "المشتركة", "الأوسط", "الشعبية",
    ])
    /// عبّر and عبّرت, folded into the spelling of the preposition عبر.
    static let expressing = words(["عبر", "وعبر", "عبرت", "وعبرت"])
    static let concernWords = words(["قلق", "القلق", "قلقه", "قلقها", "قلقهم", "أسف", "الأسف", "أسفه", "أسفها"])
    static let clauseLinks = words(["فيما", "بينما", "حيث", "كما", "وقد", "قد", "ثم"])
    static let inIt = words(["فيه", "فيها"])
    static let relativePronouns = words(["الذي", "التي", "الذين"])
    /// English verbs that relay another's words: "Reuters quoted a senior
    /// official as saying".
    static let activeRelays = words(["quoted", "quoting", "quotes", "cited", "citing", "cites"])
    /// "ما", "مما", "بما" before a present verb: "what shows", a fact's.
    static let whatShows = words(["ما", "مما", "بما"])
    /// Whether a verb agrees with the relative pronoun before it, as its
    /// subject would: الذي a masculine singular, التي a feminine, الذين a
    /// plural.
    static func agrees(relative: String, verb: [UInt8], plural: Bool) -> Bool {
        switch relative {
        case "الذي": return !plural && gender(ofVerb: verb) == .masculine
        case "التي": return !plural && gender(ofVerb: verb) == .feminine
        default: return plural
        }
    }
    /// A statement as who speaks ("وأضاف البيان", "the statement said").
    static let statementNouns = words(["بيان", "البيان", "بيانا", "بيانه", "بيانها", "statement"])
    /// "بيان صادر عن …", "البيان الصادر عن …": who issued it follows.
    static let issuedFrom = words(["صادر", "الصادر"])
    /// "البيان الذي أصدره …": who issued it follows the verb.
    static let issuedIt = words(["أصدره", "أصدرته", "أصدرها", "اصدره", "اصدرته"])
    static let issuedThings = words([
        "بيانا", "بيان", "بيانه", "بيانها", "تغريدة", "كلمة", "رسالة", "مقابلة", "تصريحا",
        "تصريح", "منشورا", "مؤتمرا", "خطابا", "خطاب", "خطابه", "خطابها", "تدوينة", "منشور", "مقطعا", "تسجيلا",
        "رسالته", "رسالتها", "كلمته", "كلمتها",
    ])
    static let issuingVerbs = words([
        "أصدر", "أصدرت", "وأصدر", "وأصدرت", "نشر", "نشرت", "ونشر", "ونشرت", "ألقى", "ألقت",
        "وألقى", "وألقت", "وجه", "وجهت", "ووجه", "ووجهت", "أجرى", "أجرت", "وأجرى", "وأجرت",
        "عقد", "عقدت", "وعقد", "وعقدت", "بث", "بثت",
    ])
    /// قد and لقد between a subject and its verb.
    static let perfectParticles = words(["قد", "لقد", "وقد", "فقد", "ولقد"])
    /// Words after which a clause may open with its subject.
    static let subjectOpeners = words([
        "كان", "وكان", "كانت", "وكانت", "أن", "إن", "بأن", "وأن", "لأن", "كما", "فيما",
        "بينما", "حيث", "لكن", "ولكن", "إذ", "أما", "وأما", "ان", "بان",
    ])
    static let clauseOpeners = words([
        "ل", "لـ", "إن", "أن", "بأن", "إنه", "إنها", "أنه", "أنها", "بأنه", "بأنها", "إلى", "الى",
        "على", "عن", "في", "خلال", "لدى", "أمام", "اليوم", "أمس", "مساء", "صباح", "يوم",
        "للصحفيين", "للصحافيين", "لوكالة", "لقناة", "لصحيفة", "لموقع", "لوسائل", "عبر",
        "قائلا", "قائلة", "بعد", "عقب", "إثر", "ان", "انه", "انها", "من", "بشأن", "حول",
    ])
    static let arabicNameStops = words(SpeakerLexicon.arabicNameStops)
}

extension Extractor {
    /// Who speaks, given the speaker the gazetteer's names gave (`found`)
    /// and the one the words name (`text`): a person the gazetteer knows
    /// inside the phrase keeps its canonical name; otherwise the phrase
    /// wins over an institution in its role ("Hamas spokesman Hazem
    /// Qassem" is Qassem, not Hamas) and over a name found further on.
    /// The flag says the speaker is new to the gazetteer.
    /// `mentions` are the gazetteer's names that start inside the phrase.
    func preferred(
        _ found: (name: String, span: Range<Int>?)?, _ text: NamedSpeaker,
        mentions: [Gazetteer.Mention]
    ) -> (name: String, span: Range<Int>?, isNew: Bool) {
        let inside = mentions.filter { !$0.isNisba && gazetteer.canSpeak($0.entry) }
        func entry(_ m: Gazetteer.Mention) -> Gazetteer.Entry { gazetteer.entries[m.entry] }
        switch text.kind {
        case .person:
            let nameSpan = text.nameSpan ?? text.span
            // The actor's span is where the person is named, not the role.
            if let m = inside.first(where: { nameSpan.overlaps($0.bytes) && entry($0).kind == "person" }) {
                return (entry(m).name, m.bytes, false)
            }
            return (text.name, nameSpan, true)
        case .institution:
            if let m = inside.first(where: { $0.bytes.lowerBound == text.span.lowerBound }),
                m.bytes.upperBound >= text.span.upperBound || m.tokens.count >= 2
            {
                return (entry(m).name, text.span, false)
            }
            // A country or capital alone after "the" is the country.
            if inside.count == 1, let m = inside.first, m.bytes == text.span { return (entry(m).name, text.span, false) }
            return (text.name, text.span, true)
        case .described:
            if let found, let e = gazetteer.entry(named: found.name), gazetteer.entries[e].kind == "person",
                let span = found.span, span.lowerBound <= text.span.upperBound + 1
            {
                return (found.name, found.span, false)
            }
            // An institution the gazetteer knows in the role: its office's
            // holder, or one of its officials, is worked out from it later
            // ("رئيس مديرية المخابرات …"); "a US defense official" stays one.
            if !text.name.hasPrefix("unnamed"), let found, gazetteer.entry(named: found.name) != nil, let span = found.span,
                text.span.contains(span.lowerBound)
            {
                return (found.name, found.span, false)
            }
            return (text.name, text.span, false)
        }
    }
}
