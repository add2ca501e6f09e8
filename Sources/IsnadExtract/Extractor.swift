import Foundation
import IsnadText
import IsnadVocabulary

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
    /// The actor is a speaker the gazetteer does not know, named by the
    /// text ("وزير الخارجية الفرنسي جان نويل بارو", "the Ministry of
    /// Fisheries"): keep them as a provisional entity of this kind
    /// (person or org).
    package var actorIsNew: Bool { newActorKind != nil }
    package var newActorKind: String?
    /// What decided the stance (``StanceReader``).
    package var stanceBasis: StanceBasis? = nil
}

/// Finds attributed statements in news text by the patterns of Arabic news
/// writing — verb-first cues with the speaker after them (ونفى المتحدث باسم
/// … ناصر كنعاني), subject-first cues, quotations, continuation by pronoun
/// (وأضاف), media reports (ذكرت صحيفة …), unnamed officials (مسؤول أميركي)
/// — and their English counterparts.
package struct Extractor: Sendable {
    package let gazetteer: Gazetteer
    let forms = Analyzer(stemming: false)
    /// ``holder(of:keywords:)``'s answers so far, shared by the workers.
    let holders = Answers<String?>()

    package init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Kinds that can speak.
    static let speakers: Set<String> = ["person", "org", "media", "country", "outlet", "anon", "place", "group"]
    /// Kinds a statement can be about.
    static let topics: Set<String> = ["topic", "weapon", "place", "country", "org", "person", "media", "outlet", "group"]

    /// The statements of one article.
    package func extract(text: String, published: RecordDate?) -> [Extraction] {
        var words = words()
        return extract(text: text, published: published, words: &words)
    }

    /// What reads the words of articles for this extractor: one per worker,
    /// kept from article to article (``extract(text:published:words:)``).
    package func words() -> ArticleWords {
        let extractor = self
        return ArticleWords(analyzer: forms) { extractor.flags(of: $0) }
    }

    /// The statements of one article, its words read through `words`.
    package func extract(text: String, published: RecordDate?, words: inout ArticleWords) -> [Extraction] {
        // The keys are the words as UTF-8 bytes for the lexicons (see Gazetteer).
        let (tokens, keys, flags) = words.read(text)
        guard !tokens.isEmpty else { return [] }
        // The tokens' byte ranges alone, for the loops over every token
        // (`tokens[k].range` copied the whole token, retaining its strings).
        let wordRanges = ArticleWords.ranges(of: tokens)
        let bytes = Array(text.utf8)
        let quotes = Extractor.quotes(in: bytes)
        let allMentions = gazetteer.mentions(in: tokens, keys: keys, flags: flags)
        // Names inside quotations are spoken about, never speakers.
        let mentions = allMentions.filter { m in
            !Extractor.isQuoted(m.bytes.lowerBound, quotes)
                || (m.tokens.lowerBound > 0 && Extractor.mediaNouns.contains(strippedOf: tokens[m.tokens.lowerBound - 1].form))
        }
        let mentionAt = Gazetteer.MentionIndex(mentions, tokens: tokens.count)
        let dates = DateFinder.find(in: tokens, article: published, keys: keys, flags: flags)
        // Punctuation between a token and the one before it.
        var gaps = [Gap](repeating: .none, count: tokens.count)
        for k in tokens.indices where k > 0 {
            let from = wordRanges[k - 1].upperBound
            let to = wordRanges[k].lowerBound
            if to - from == 1 && bytes[from] == 0x20 { continue }  // most gaps: one space
            // The full stop of an initial or an abbreviation ("U.S.",
            // "William C. Killian") ends nothing: a single capital letter
            // before it, or no space after it.
            if bytes[from] == 0x2E,
                to - from == 1
                    || (to - from == 2 && bytes[from + 1] == 0x20
                        && (wordRanges[k - 1].count == 1 && (0x41...0x5A).contains(bytes[wordRanges[k - 1].lowerBound])
                            || Extractor.abbreviations.contains(keys[k - 1])))
            {
                continue
            }
            gaps[k] = Gap(bytes[from..<to])
        }
        var reader = WordReader(text: text, tokens: tokens, keys: keys, flags: flags, bytes: bytes, gaps: gaps)
        reader.spellsAlaWithAlefMaqsura = wordRanges.contains { range in
            range.count == 6 && bytes[range].elementsEqual(Bytes.alaWithAlefMaqsura)
        }
        // Which tokens stand inside a quotation (quotes are in text order).
        var quotedTokens = [Bool](repeating: false, count: tokens.count)
        var q = 0
        for k in tokens.indices {
            let at = wordRanges[k].lowerBound
            while q < quotes.count, quotes[q].upperBound <= at { q += 1 }
            quotedTokens[k] = q < quotes.count && quotes[q].contains(at)
        }
        // (A constant: a function over the variable paid an access check per call.)
        let quoted = quotedTokens
        func inQuote(_ k: Int) -> Bool { quoted[k] }
        /// The tokens that start inside a byte range (tokens are in text order).
        func tokenRange(_ bytes: Range<Int>) -> Range<Int> {
            func firstAtOrAfter(_ offset: Int) -> Int { wordRanges.partitionPoint { $0.lowerBound < offset } }
            let from = firstAtOrAfter(bytes.lowerBound)
            return from..<max(from, firstAtOrAfter(bytes.upperBound))
        }
        /// The token that starts at a byte offset, if one does.
        func tokenAt(_ offset: Int) -> Int? {
            let k = tokenRange(offset..<offset).lowerBound
            return k < tokens.count && tokens[k].range.lowerBound == offset ? k : nil
        }
        /// A participle is a cue when what was said follows it ("مضيفا أن",
        /// "محذرا من أن", "مؤكدة: “…”"); otherwise it is an adjective
        /// ("حذرة", "عقوبات مشددة").
        func introducesSpeech(after k: Int) -> Bool {
            // "واصفا الهجوم على المنشآت بأنه": what is described comes first.
            if k > 0, Extractor.describers.contains(keys[k - 1]) {
                for j in k..<min(tokens.count, k + 8) {
                    if gaps[j] == .hard { return false }
                    if gaps[j] == .quote || Extractor.describedAs.contains(keys[j]) { return true }
                }
                return false
            }
            for j in k..<min(tokens.count, k + 3) {
                if gaps[j] == .quote || (j > 0 && bytes[tokens[j - 1].range.upperBound..<tokens[j].range.lowerBound].contains(0x3A)) {
                    return true
                }
                if gaps[j] == .hard { return false }
                if Extractor.complementizers.contains(tokens[j].form) || Extractor.selfComplementizers.contains(tokens[j].form) {
                    return true
                }
                // (Forms are folded, على → علي: compare keys, not the spelling.)
                if !Extractor.speechPrepositions.contains(keys[j]) { return false }
            }
            return false
        }

        // (A closure over each byte's index was 1.6% of an ingest.)
        var newlines: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            for k in bytes.indices where bytes[k] == 0x0A { newlines.append(k) }
        }
        // (Lists in text order are searched by halving throughout: a walk
        // from one end for every statement made a long article quadratic.)
        func paragraphStart(_ offset: Int) -> Int {
            let k = newlines.partitionPoint { $0 < offset }
            return k > 0 ? newlines[k - 1] + 1 : 0
        }
        /// Whether a date was found at token k.
        var isDate = [Bool](repeating: false, count: tokens.count)
        for d in dates where d.index < isDate.count { isDate[d.index] = true }
        let headlines = Extractor.headlines(in: bytes, newlines: newlines)
        /// The date a statement without one of its own takes from the text
        /// before it, if any.
        func inheritedDate(
            cue i: Int, singleVerb: Bool, sentence start: Int, through end: Int, speaker: String, named: Bool, earlier: [Extraction],
            dates: [DateFinder.Found], paragraphStart: Int
        ) -> DateFinder.Found? {
            // "في وقت لاحق", "لاحقا": after whatever time came before.
            // (Looked up as bytes, and only for the words whose flags allow
            // it: this runs over the sentence for every cue.)
            if (start..<end).contains(where: {
                flags[$0].contains(.later) && Extractor.laterKeys.contains(DateFinder.strippedSlice(keys[$0]))
            }) {
                return nil
            }
            // "ووفقا للتقرير، أكد مسؤول": said when the report was.
            if (start..<i).contains(where: {
                flags[$0].contains(.citation)
                    && Extractor.citationWords.contains(DateFinder.strippedSlice(keys[$0]))
                    && $0 + 1 < i && Extractor.reportNouns.contains(where: tokens[$0 + 1].form.hasSuffix)
            }),
                let report = earlier.last(where: { $0.stance == "report" && $0.dateBasis != .article }), let d = report.date
            {
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
            let before = dates.partitionPoint { tokens[$0.index].range.lowerBound < sentenceOffset }
            return dates[..<before].last { $0.basis == .explicit && tokens[$0.index].range.lowerBound >= paragraphStart }
        }

        var out: [Extraction] = []
        var previousActor: (name: String, span: Range<Int>?)?
        var previousGroup: (name: String, span: Range<Int>?)?
        /// Who last spoke "in a statement" (في بيان، أصدر بيانا): whom "the
        /// statement" speaks for later.
        var issuer: (name: String, span: Range<Int>?)?
        /// Recent speakers, newest last, for pronouns that must agree in
        /// gender ("وأضاف" after "إدارة بايدن … أكدت" is not the
        /// administration).
        var history: [(name: String, span: Range<Int>?)] = []
        /// The first speaker of each sentence that had one, newest last:
        /// whom an English pronoun opening a sentence stands for.
        var leads: [(name: String, span: Range<Int>?)] = []
        // What the article has named so far, by UTF-8 (a `String` key of
        // Arabic is hashed through Unicode normalisation, which made these
        // tables a fortieth of an ingest):
        /// speakers new to the gazetteer, with their kind (person, org);
        var newSpeakers = WordMap<String>()
        /// institutions named in full, by their head noun ("the ministry",
        /// الحركة → the one met before);
        var institutions = WordMap<String>()
        /// people named in full, by their last word ("Haq" → Farhan Haq),
        /// and the holders of roles met ("spokesperson");
        var namesByLast = WordMap<String>()
        /// English people named in full, by their first word ("Tasneem").
        var namesByFirst = WordMap<String>()
        var holders = WordMap<String>()
        /// English described speakers by their last word ("official" →
        /// "unnamed White House official"), for "the official" later.
        var described = WordMap<String>()
        /// Outlets found from the words, whose own words are reports.
        var outlets = WordMap<String>()
        /// the kind of each speaker found from the words (person, org, group).
        var kinds = WordMap<String>()
        /// A speaker's kind as pronouns see it (person, org, group): the
        /// gazetteer's, else as the words read it.
        func speakerKind(_ name: String) -> String {
            if let e = gazetteer.entry(named: name), let kind = gazetteer.entries[e].kind {
                switch kind {
                case "person", "group": return kind
                case "media", "outlet", "org", "country": return "org"
                default: return kind
                }
            }
            return kinds[Array(name.utf8)] ?? (PlainForm.hasSuffix(name, "s") ? "group" : "person")
        }
        /// The head noun of an institution's phrase: its last in English
        /// ("the Harbour Board"), its first in Arabic ("وزارة الخارجية").
        func institutionHead(_ span: Range<Int>, latin: Bool) -> [UInt8]? {
            let words = tokenRange(span).filter(reader.isOrgHead)
            return (latin ? words.last : words.first).map { Array(Extractor.withoutArticle(keys[$0])) }
        }
        /// The role word of a phrase: its last role word in English
        /// ("White House spokeswoman"), its first in Arabic ("المتحدث باسم …").
        func roleHead(_ span: Range<Int>, latin: Bool) -> [UInt8]? {
            let words = tokenRange(span).filter(reader.isRole)
            return (latin ? words.last : words.first).map { PlainForm.bare(tokens[$0].form) { Array($0) } }
        }
        /// The speaker the words name, resolved within the article: the
        /// gazetteer's name for what it knows (``preferred(_:_:mentions:)``),
        /// a surname alone or a bare role ("Haq", "the spokesperson") the
        /// person named before, a bare institution ("the ministry") the one
        /// named before; and what it names is remembered for later.
        func adopt(
            _ textual: NamedSpeaker, over found: (name: String, span: Range<Int>?)?,
            latin: Bool
        ) -> (name: String, span: Range<Int>?) {
            // ("Hezbollah officials" are described; the group inside is not who speaks.)
            let people =
                textual.kind == .described && !textual.name.hasPrefix("unnamed") && latin
                && PlainForm.hasSuffix(textual.name, "s")
            var chosen =
                people
                ? (textual.name, textual.span, true)
                : preferred(found, textual, mentions: tokenRange(textual.span).compactMap { mentionAt[$0] })
            // "منسق الأمم المتحدة للإغاثة", "رئيس بعثة الأمم المتحدة": a role
            // inside a body is a person the text describes, not the body.
            // Only a head or spokesman right before the body's name is left
            // for the office's holder to be worked out later.
            if textual.kind == .described, !textual.name.hasPrefix("unnamed"), chosen.name != textual.name,
                let e = gazetteer.entry(named: chosen.name), gazetteer.entries[e].kind != "person",
                let role =
                    (latin ? tokenRange(textual.span).last(where: reader.isRole) : tokenRange(textual.span).first(where: reader.isRole)),
                let body = chosen.span.flatMap({ tokenAt($0.lowerBound) })
            {
                let title = body >= 2 && ["باسم", "of", "for"].contains(tokens[body - 1].form) ? body - 2 : body - 1
                if title != role || Extractor.titles[DateFinder.stripped(tokens[role].form)] == nil {
                    chosen = (textual.name, textual.span, false)
                }
            }
            let nameTokens = tokenRange(textual.nameSpan ?? textual.span)
            switch textual.kind {
            case .person:
                if nameTokens.count <= 2, let last = nameTokens.last, let full = namesByLast[keys[last]],
                    full != chosen.name, chosen.isNew
                {
                    chosen.name = full
                } else if latin, nameTokens.count == 1, let only = nameTokens.first, let full = namesByFirst[keys[only]],
                    full != chosen.name, chosen.isNew
                {
                    // "Tasneem said" after "Tasneem Aslam": the one named in full.
                    chosen.name = full
                }
            case .described:
                let words = tokenRange(textual.span)
                if !textual.name.hasPrefix("unnamed"), let head = roleHead(textual.span, latin: latin), let holder = holders[head] {
                    chosen = (holder, chosen.span, newSpeakers[Array(holder.utf8)] != nil)
                } else if latin, let last = words.last {
                    // "The official said" after "a White House official said":
                    // the one described before, by the same last word.
                    if textual.name.hasPrefix("unnamed") {
                        described[keys[last]] = chosen.name
                    } else if let first = words.first, Extractor.definiteDeterminers.contains(keys[first]), words.count <= 3,
                        let earlier = described[keys[last]]
                    {
                        chosen = (earlier, chosen.span, false)
                    }
                }
            case .institution:
                if let head = institutionHead(textual.span, latin: latin) {
                    let words = tokenRange(textual.span).filter { !Extractor.englishDeterminers.contains(tokens[$0].form) }
                    if words.count == 1, let earlier = institutions[head] {
                        chosen = (earlier, chosen.span, false)
                    } else if words.count > 1 {
                        institutions[head] = chosen.name
                    }
                }
            }
            let name = Array(chosen.name.utf8)
            // An outlet named after its kind ("قناة “الإخبارية”") is media.
            let outlet =
                textual.kind == .institution
                && tokenRange(textual.span).first.map {
                    Extractor.mediaNouns.contains(strippedOf: tokens[$0].form)
                } == true
            if outlet { outlets[name] = chosen.name }
            if chosen.isNew { newSpeakers[name] = outlet ? "media" : textual.entityKind }
            kinds[name] = textual.entityKind
            if textual.kind == .person {
                if nameTokens.count >= 2, let last = nameTokens.last { namesByLast[keys[last]] = chosen.name }
                if latin, nameTokens.count >= 2, let first = nameTokens.first { namesByFirst[keys[first]] = chosen.name }
                if let nameSpan = textual.nameSpan, nameSpan.lowerBound > textual.span.lowerBound,
                    let head = roleHead(textual.span.lowerBound..<nameSpan.lowerBound, latin: latin)
                {
                    holders[head] = chosen.name
                }
            }
            return (chosen.name, chosen.span)
        }
        /// The person a sentence opens with, when the article knows them:
        /// a person the gazetteer knows, or a name met in full before ("Reid"
        /// after "Harry Reid").
        func personOpening(sentenceAt start: Int, before end: Int) -> (name: String, span: Range<Int>?)? {
            var k = start
            while k < end, Extractor.englishDeterminers.contains(tokens[k].form) || reader.isRole(k) { k += 1 }
            guard k < end, reader.isCapital(k) else { return nil }
            if let m = mentionAt[k], !m.isNisba, gazetteer.entries[m.entry].kind == "person", m.tokens.upperBound < end {
                return (gazetteer.entries[m.entry].name, m.bytes)
            }
            var last = k
            while last + 1 < end, reader.isCapital(last + 1), gaps[last + 1] == .none { last += 1 }
            guard last + 1 < end, !reader.isCapital(last + 1) else { return nil }
            if let full = namesByLast[keys[last]] ?? (last == k ? namesByFirst[keys[k]] : nil) {
                return (full, tokens[k].range.lowerBound..<tokens[last].range.upperBound)
            }
            // A name new to the article opening the sentence, its verb
            // after it ("Reid backed … when he said").
            // (Not a participle, a possessive or a contraction: "Pressed",
            // "Turkey's", "It'll".)
            func plainName(_ j: Int) -> Bool {
                let form = tokens[j].form
                return mentionAt[j] == nil && !reader.isRole(j) && !reader.isOrgHead(j)
                    && !Extractor.englishNonNames.contains(keys[j]) && !form.contains("'")
                    && !PlainForm.hasSuffix(form, "ed") && !PlainForm.hasSuffix(form, "ing")
            }
            guard k == start, last - k < 3, (k...last).allSatisfy(plainName),
                Extractor.subordinators.contains(keys[end - 1]),
                PlainForm.hasSuffix(tokens[last + 1].form, "ed") || PlainForm.hasSuffix(tokens[last + 1].form, "s")
            else { return nil }
            let span = tokens[k].range.lowerBound..<tokens[last].range.upperBound
            return adopt(
                NamedSpeaker(name: Extractor.slice(text, span), kind: .person, span: span, nameSpan: span),
                over: nil, latin: true)
        }
        // Each word's cue, looked up once: the search for where a cue's
        // clause ends looks ahead at the words the main loop comes to next.
        // Per word: -1 not looked up yet, 0 no cue, n the cue `cueHits[n - 1]`
        // (plain numbers: an array of optional hits, each holding a String,
        // was destroyed element by element, 1.4% of an ingest).
        var cueOf = [Int32](repeating: -1, count: tokens.count)
        var cueHits: [Cue.Hit] = []
        func cueAt(_ k: Int) -> Cue.Hit? {
            guard flags[k].contains(.cue) else { return nil }
            if cueOf[k] >= 0 { return cueOf[k] == 0 ? nil : cueHits[Int(cueOf[k]) - 1] }
            guard let hit = Cue.cue(at: k, in: tokens, keys: keys) else {
                cueOf[k] = 0
                return nil
            }
            cueHits.append(hit)
            cueOf[k] = Int32(cueHits.count)
            return hit
        }
        /// Whether a cue stands before word `i` in its clause with nothing
        /// said yet (no إن/أن, quotation or full stop between).
        func introducesWordsOfCue(before i: Int, start: Int) -> Bool {
            var k = i - 1
            while k >= max(start, i - 8) {
                if gaps[k + 1] == .hard || gaps[k + 1] == .quote || Extractor.complementizers.contains(tokens[k].form) { return false }
                if cueAt(k) != nil { return true }
                k -= 1
            }
            return false
        }
        /// "وقال بيان صادر عن الديوان الملكي", "وأضاف البيان", "the statement
        /// said": a statement speaks for whoever issued it, named after it
        /// or met before as speaking in a statement.
        func statementSpeaker(cue i: Int, after: Int, start: Int, end: Int, latin: Bool) -> (name: String, span: Range<Int>?)? {
            if latin {
                guard i >= start + 2, gaps[i] == .none, gaps[i - 1] == .none, tokens[i - 1].form == "statement",
                    tokens[i - 2].form == "the"
                else { return nil }
                return issuer ?? previousActor
            }
            let k = after
            guard k < end, gaps[k] == .none, Extractor.statementNouns.contains(formOrStripped: tokens[k].form) else { return nil }
            let words = tokens[k].range
            // The issuer named after it: "بيان صادر عن X", "البيان الذي أصدره X".
            var from: Int?
            if k + 2 < end, Extractor.issuedFrom.contains(formOrStripped: tokens[k + 1].form), tokens[k + 2].form == "عن" {
                from = k + 3
            } else if k + 1 < end, Extractor.issuedIt.contains(formOrStripped: tokens[k + 1].form) {
                from = k + 2
            }
            if let from, from < end, gaps[from] != .hard, gaps[from] != .quote {
                if let m = mentionAt[from], !m.isNisba, gazetteer.canSpeak(m.entry) {
                    return (gazetteer.entries[m.entry].name, m.bytes)
                }
                if let named = arabicSubject(after: from, end: end, mentionAt: mentionAt, reader) {
                    return adopt(named, over: nil, latin: false)
                }
                return nil
            }
            // "البيان", "البيان الأمريكي": the statement met before.
            guard Bytes.starts(keys[k], with: Bytes.al) || Extractor.bare(tokens[k].form) != DateFinder.stripped(tokens[k].form)
            else { return nil }
            return (issuer ?? previousActor).map { ($0.name, $0.span ?? words) }
        }
        /// The speaker whose name ends right before a relative pronoun
        /// (a comma between allowed): the longest a gazetteer name or the
        /// words name.
        func relativeAntecedent(before rel: Int, start: Int) -> (name: String, span: Range<Int>?)? {
            let last = rel - 1
            guard last >= start, gaps[rel] == .none || gaps[rel] == .comma else { return nil }
            for q in max(start, rel - 7)...last {
                if let m = mentionAt[q], m.tokens.upperBound == rel, !m.isNisba, !m.isPrepositional, gazetteer.canSpeak(m.entry) {
                    return (gazetteer.entries[m.entry].name, m.bytes)
                }
                if !(q + 1..<rel).allSatisfy({ gaps[$0] == .none }) { continue }
                if let named = arabicSubject(after: q, end: rel, mentionAt: mentionAt, reader),
                    named.span.upperBound == tokens[last].range.upperBound, named.kind != .described
                {
                    return adopt(named, over: nil, latin: false)
                }
            }
            return nil
        }
        /// "وهو ما ينفي", "مما يؤكد": a present verb right after ما says
        /// what a fact shows.
        func showsAFact(_ k: Int) -> Bool {
            k > 0 && gaps[k] == .none && Extractor.whatShows.contains(tokens[k - 1].form) && Extractor.isPresent(keys[k])
        }
        /// The source a relay verb names after عن, when what it relays
        /// follows as أن/إن/بأن or a colon and no قوله carries it.
        func relayedSource(after i: Int, end: Int) -> (name: String, span: Range<Int>?)? {
            guard let from = (i + 1..<min(end, i + 10)).first(where: { tokens[$0].form == "عن" }), from + 1 < end,
                !(i + 1...from).contains(where: { gaps[$0] == .hard || gaps[$0] == .quote })
            else { return nil }
            let k = from + 1
            // What was relayed: its complementizer or a colon within a few words.
            guard
                let said = (k + 1..<min(end, k + 10)).first(where: {
                    Extractor.complementizers.contains(tokens[$0].form) || gaps[$0] == .hard || gaps[$0] == .quote
                }),
                Extractor.complementizers.contains(tokens[said].form)
                    || gaps[said] == .hard && tokens[said - 1].range.upperBound < tokens[said].range.lowerBound,
                !(k..<said).contains(where: { Extractor.sayingNouns.contains(keys[$0]) || cueAt($0) != nil })
            else { return nil }
            return relaySource(at: k, end: said)
        }
        /// Whom a relay names at word `k`, after its عن (up to `end`): an
        /// official, a name the gazetteer knows, a body or role, or a name.
        func relaySource(at k: Int, end: Int) -> (name: String, span: Range<Int>?)? {
            if Extractor.isOfficial(tokens[k].form) {
                return arabicSubject(after: k, end: end, mentionAt: mentionAt, reader).map { adopt($0, over: nil, latin: false) }
                    ?? unnamed(at: k, end: end, tokens: tokens, mentionAt: mentionAt)
            }
            if let m = mentionAt[k], !m.isNisba, gazetteer.canSpeak(m.entry) { return (gazetteer.entries[m.entry].name, m.bytes) }
            if let source = arabicSubject(after: k, end: end, mentionAt: mentionAt, reader) {
                return adopt(source, over: nil, latin: false)
            }
            if let name = arabicName(at: k, end: end, mentionAt: mentionAt, reader, relayed: true) {
                return adopt(NamedSpeaker(name: name.name, kind: .person, span: name.span, nameSpan: name.span), over: nil, latin: false)
            }
            return nil
        }
        var t = 0
        for sentence in SentenceSplitter.sentences(in: text) {
            while t < tokens.count, wordRanges[t].upperBound <= sentence.lowerBound { t += 1 }
            // Headlines, titles and link lines say nothing (the guide).
            if headlines.contains(where: { $0.contains(sentence.lowerBound) }) { continue }
            let start = t
            var end = t
            while end < tokens.count, wordRanges[end].lowerBound < sentence.upperBound { end += 1 }
            var sentenceActor: (name: String, span: Range<Int>?)?
            /// Where what the sentence's last speaker said begins (its
            /// إن/أن/that), for the cues said inside it.
            var saidFrom: Int?
            var i = start
            while i < end {
                if inQuote(i) {
                    i += 1
                    continue
                }
                var found = cueAt(i).map { (stance: $0.stance, length: $0.length, isReport: $0.isReport, nominal: false) }
                if found == nil, flags[i].contains(.participle), let stance = Extractor.participle(keys[i]),
                    Extractor.sayingNouns.contains(keys[i]) || introducesSpeech(after: i + 1),
                    // "صرح قائلا:": a participle that only introduces the
                    // words of a verb before it in its clause is that verb's.
                    !(Extractor.introducers.contains(keys[i]) && introducesWordsOfCue(before: i, start: start))
                {
                    found = (stance, 1, false, true)
                }
                // "عبّر الأنصاري عن أن …", "عبر الأمين العام … عن القلق": the
                // verb عبّر, written as the preposition عبر ("via"), when a
                // subject follows it and then عن.
                // (Only opening a clause: "كتب عبر حسابه" is "via".)
                if found == nil, Extractor.expressing.contains(keys[i]), i + 2 < end, gaps[i + 1] == .none,
                    i == start || gaps[i] != .none || Bytes.clitic(keys[i][...]) == .conjunction
                        || Extractor.subjectOpeners.contains(keys[i - 1]) || Extractor.clauseLinks.contains(keys[i - 1]),
                    let about = (i + 2..<min(end, i + 12)).first(where: { tokens[$0].form == "عن" }),
                    (i + 1...about).allSatisfy({ gaps[$0] != .hard && gaps[$0] != .quote }),
                    mentionAt[i + 1].map({ !$0.isNisba && gazetteer.canSpeak($0.entry) })
                        ?? (arabicSubject(after: i + 1, end: about, mentionAt: mentionAt, reader) != nil)
                {
                    let concern = about + 1 < end && Extractor.concernWords.contains(strippedOf: tokens[about + 1].form)
                    found = (concern ? "concern" : "assert", 1, false, false)
                }
                // "وفق مصادر …", "برأي مسؤولين …", "according to X": the
                // source that follows speaks.
                var cited: (name: String, span: Range<Int>?, document: Bool)?
                if found == nil, Extractor.citationKeys.contains(keys[i]) {
                    cited = citedSource(
                        after: i, sentence: start..<end, tokens: tokens, keys: keys, mentionAt: mentionAt,
                        gaps: gaps, inQuote: inQuote)
                    // "according to a law enforcement official", "according
                    // to the Houthis' health ministry": a source the
                    // gazetteer does not know, when no other cue carries the
                    // sentence.
                    // ("according to a source familiar with the negotiations"
                    // says more than the "unnamed source" the noun alone gives.)
                    let vague = cited.map { $0.name.hasPrefix("unnamed") || !$0.name.contains(" ") } ?? true
                    if vague, (keys[i].first ?? 0) < 0x80, i + 1 < end, tokens[i + 1].form == "to",
                        cited != nil || !(start..<end).contains(where: { $0 != i && !inQuote($0) && cueAt($0) != nil }),
                        let source = englishObject(after: i + 2, end: end, reader),
                        cited == nil || source.kind == .described && source.name.count > (cited?.name.count ?? 0)
                    {
                        let adopted = adopt(source, over: nil, latin: true)
                        cited = (adopted.name, adopted.span, false)
                    }
                    if cited != nil { found = ("assert", 1, false, false) }
                }
                // "ونقلت وكالة رويترز عن مصادر مطلعة أن …": a relay with no
                // قوله is the source's statement, its cue the relay verb.
                if found == nil, Extractor.relayVerbs.contains(keys[i]), !Extractor.citationKeys.contains(keys[i]),
                    let source = relayedSource(after: i, end: end)
                {
                    cited = (source.name, source.span, false)
                    found = ("assert", 1, false, false)
                }
                guard let cue = found else {
                    i += 1
                    continue
                }
                // "(رفض الإفصاح عن اسمه)": the formula of an anonymous
                // source, not a refusal to comment.
                if cue.stance == "decline",
                    (i + 1..<min(end, i + 5)).contains(where: { Extractor.identity.contains(tokens[$0].form) })
                {
                    i += cue.length
                    continue
                }
                let after = i + cue.length
                // A cue of several words ends in its sentence: "… expressed.
                // Concern grew" holds no "expressed concern".
                guard after <= end else {
                    i += 1
                    continue
                }
                // "Reuters quoted a senior official as saying": the relay verb
                // is no statement of the outlet's; "as saying" is the
                // official's.
                if (keys[i].first ?? 0) < 0x80, Extractor.activeRelays.contains(tokens[i].form),
                    !Extractor.isPassive(i, start: start, tokens),
                    (after..<min(end, after + 12)).contains(where: { k in
                        tokens[k].form == "as" && k + 1 < end && Extractor.sayingNouns.contains(keys[k + 1])
                    })
                {
                    i = after
                    continue
                }
                var actor: (name: String, span: Range<Int>?)?
                // A verb marked plural ("حذروا", "يقولون") comes after its
                // subject or has none: an Arabic verb before its subject is
                // singular.
                let raw = Extractor.slice(text, tokens[i].range)
                let conjoined = Cue.isConjoined(keys[i])
                // English puts its subject first; a name after the verb is
                // one inverted right after it ("…", said Kirby), never one
                // deep in what was said ("but said they … Ukraine began").
                let latin = (keys[i].first ?? 0) < 0x80
                let plural = cue.length == 1 && (PlainForm.hasSuffix(tokens[i].form, "وا") || PlainForm.hasSuffix(tokens[i].form, "ون"))
                // A vocalised passive ("اتُهمت") attributes nothing.
                // (A participle's مُ is not a passive's: "مُشدّدًا".)
                if raw.unicodeScalars.contains("\u{064F}") && cue.stance != "report" && !cue.nominal {
                    i = after
                    continue
                }
                // "a person briefed on the talks": the formula of an
                // anonymous source, not a briefing.
                if latin, tokens[i].form == "briefed", i > start, i + 1 < end, tokens[i + 1].form == "on",
                    Extractor.englishUnnamed.contains(tokens[i - 1].form)
                {
                    i = after
                    continue
                }
                // A verb never follows a preposition: "على رفض الحلف" is the
                // alliance's refusal, a noun, and says nothing.
                if !latin, cited == nil, !cue.nominal, i > start, gaps[i] == .none, Extractor.prepositions.contains(keys[i - 1]) {
                    i = after
                    continue
                }
                // "وهو ما ينفي منطقية أن …", "مما يؤكد أن …": a present verb after
                // ما says what a fact shows, not what someone said.
                if !latin, cited == nil, !cue.nominal, i > start, showsAFact(i) {
                    i = after
                    continue
                }
                // An English passive ("he was denied entry", "it was reported")
                // attributes nothing unless "by" names the speaker.
                // ("is confirming", "are warning": progressive, not passive.)
                if latin, !cue.nominal, cited == nil, i > start, Extractor.isPassive(i, start: start, tokens),
                    !PlainForm.hasSuffix(tokens[i].form, "ing"),
                    tokens[i].form != "no", !(after < end && tokens[after].form == "by")
                {
                    i = after
                    continue
                }
                // "any failure to comply threatens unity": an English verb
                // whose subject is a thing, not a speaker, says nothing.
                // "Hafter's reported illness", "a reported raid", "the
                // security warning", "That said,": after an article or a
                // possessive an English participle is an adjective or a noun.
                // "adding to a 7 per cent bounce" and "(Reporting by …)" say
                // nothing either.
                if latin, cited == nil, i > start, gaps[i] == .none,
                    Extractor.englishDeterminers.contains(keys[i - 1])
                        || i - 1 == start && Extractor.demonstrativeWords.contains(keys[i - 1])
                        || reader.isPossessive(i - 1)
                        // ("the security warning": a noun after an article and a noun.)
                        || PlainForm.hasSuffix(tokens[i].form, "ing") && i - 1 > start && gaps[i - 1] == .none
                            && Extractor.englishDeterminers.contains(keys[i - 2]) && !reader.isCapital(i - 1)
                {
                    i = after
                    continue
                }
                // "Asked whether …, the spokesman replied", "when asked": who
                // was asked answers with a cue of their own.
                if latin, tokens[i].form == "asked",
                    i == start || ["when", "if", "once", "after", "before", "as"].contains(tokens[i - 1].form)
                {
                    i = after
                    continue
                }
                if latin, after < end,
                    tokens[after].form == "to" && Extractor.addingWords.contains(keys[i])
                        || tokens[after].form == "by" && Extractor.creditWords.contains(keys[i])
                {
                    i = after
                    continue
                }
                if latin, !cue.nominal, cited == nil, i > start, gaps[i] == .none, Extractor.isThingSubject(i - 1, reader) {
                    i = after
                    continue
                }
                if let cited {
                    actor = (cited.name, cited.span)
                } else if cue.nominal {
                    actor = speaker(relayedBefore: i, start: start, tokens: tokens, mentions: mentions)
                    // "ونقلت الصحيفة عن خليل قوله", "عن مصدر مطلع قوله": whom
                    // the relay names, when the gazetteer does not know them.
                    if actor == nil, !latin, Extractor.sayingNouns.contains(keys[i]),
                        let from = (max(start, i - 12)..<i).last(where: { tokens[$0].form == "عن" }), from + 1 < i,
                        (start..<from).contains(where: { Extractor.relayVerbs.contains(keys[$0]) })
                    {
                        var k = from + 1
                        if Extractor.documents.contains(tokens[k].form), k + 1 < i { k += 1 }  // عن بيان التحالف
                        actor = relaySource(at: k, end: i)
                    }
                    // "Reuters quoted a senior official as saying": whom the
                    // active relay names before "as".
                    if actor == nil, latin, i - 1 > start, tokens[i - 1].form == "as",
                        let r = (max(start, i - 13)..<(i - 1)).last(where: { Extractor.activeRelays.contains(tokens[$0].form) }),
                        r + 1 < i - 1, !Extractor.isPassive(r, start: start, tokens),
                        (r + 1..<i).allSatisfy({ gaps[$0] != .hard && gaps[$0] != .quote }),
                        let source = englishObject(after: r + 1, end: i - 1, reader)
                    {
                        actor = adopt(source, over: nil, latin: true)
                    }
                    // "with Taiwan saying that …": the name right before an
                    // English participle is its subject.
                    if actor == nil, latin, gaps[i] == .none, let subject = englishSubject(before: i, start: start, reader),
                        subject.kind != .described
                    {
                        actor = adopt(subject, over: nil, latin: latin)
                    }
                } else if latin, gaps[i] == .comma, cue.length == 1, PlainForm.hasSuffix(tokens[i].form, "ing"), sentenceActor != nil {
                    // "…, blaming the PKK instead": an English participle
                    // after a comma is its clause's speaker's; who follows is
                    // whom it is about.
                    actor = nil
                } else if plural {
                    actor = (conjoined ? nil : speaker(before: i, start: start, mentions: mentions, gaps: gaps))
                    if !latin, !conjoined, let subject = arabicSubject(before: i, start: start, mentionAt: mentionAt, reader) {
                        actor = adopt(subject, over: actor, latin: false)
                    }
                    actor = actor ?? unnamed(before: i, start: start, tokens: tokens, mentionAt: mentionAt, gaps: gaps)
                    // "يحتفل المسؤولون الأوكرانيون … ويزعمون": the officials
                    // the sentence is about go on.
                    if actor == nil,
                        let k = (start..<i).last(where: {
                            !inQuote($0) && Extractor.isOfficial(tokens[$0].form)
                                && Extractor.pluralOfficials.contains(bareOf: tokens[$0].form)
                        })
                    {
                        actor = unnamed(at: k, end: i, tokens: tokens, mentionAt: mentionAt)
                    }
                } else {
                    // Subject-first ("الولايات المتحدة … حذروا") wins over the
                    // object that follows a verb; "بحسب ما ورد" has no subject.
                    actor =
                        cue.length > 1 && tokens[i].form.hasSuffix("بحسب")
                        ? ("unspecified reports", nil)
                        : (conjoined ? nil : speaker(before: i, start: start, mentions: mentions, gaps: gaps))
                            ?? (latin && Extractor.addressVerbs.contains(tokens[i].form) && i > start && gaps[i] == .none
                                ? nil
                                // "X told Reuters": who is told is never who speaks.
                                : speaker(
                                    after: after, end: latin ? min(end, after + 3) : end, tokens: tokens, mentionAt: mentionAt,
                                    gaps: gaps, isReport: cue.isReport))
                    if !latin, let issuer = arabicIssuer(of: i, start: start, mentionAt: mentionAt, reader) {
                        actor = adopt(issuer, over: nil, latin: false)
                    }
                    // "وكان البرادعي قد قال", "أن المملكة أبلغت إسرائيل": a subject
                    // written before the verb, whoever follows it.
                    if !latin, !conjoined, cue.length == 1 || actor?.span.map({ $0.upperBound <= tokens[i].range.lowerBound }) != false,
                        let subject = arabicSubject(before: i, start: start, mentionAt: mentionAt, reader)
                    {
                        let before = actor?.span.map { $0.upperBound <= tokens[i].range.lowerBound } == true ? actor : nil
                        actor = adopt(subject, over: before, latin: false)
                    }
                    // "والرئيس ميشال عون، الذي اتهم الحريري": a verb after a
                    // relative pronoun is said by what the pronoun stands for.
                    // (Only a verb that agrees with the pronoun: in "إيران، التي
                    // أشار كيربي إلى" the pronoun is the object and Kirby speaks.)
                    if !latin, i - 2 >= start, gaps[i] == .none, Extractor.relativePronouns.contains(tokens[i - 1].form),
                        Extractor.agrees(relative: tokens[i - 1].form, verb: keys[i], plural: plural),
                        let antecedent = relativeAntecedent(before: i - 1, start: start)
                    {
                        actor = antecedent
                    }
                    let statement = statementSpeaker(cue: i, after: after, start: start, end: end, latin: latin)
                    if let statement { actor = statement }
                    // An English name after the verb is its subject only when
                    // inverted at the end of a clause ("…", said Kirby, …);
                    // "He said Russia had received" is the previous speaker's.
                    if latin, let found = actor, let span = found.span, span.lowerBound >= tokens[i].range.upperBound {
                        let next = tokenRange(span.upperBound..<span.upperBound + 1).lowerBound
                        if next < end, gaps[next] == .none, !Extractor.closingWords.contains(tokens[next].form) { actor = nil }
                    }
                    // Speakers the words name: a role and a name, a name in
                    // apposition, an institution by its head noun. A speaker
                    // already found before an Arabic verb (subject first)
                    // stays.
                    let subjectFirst = actor?.span.map { $0.upperBound <= tokens[i].range.lowerBound } ?? false
                    var textual: NamedSpeaker?
                    if statement != nil {
                        // (Whoever issued the statement speaks; no other subject.)
                    } else if latin, i > start, Extractor.isPassive(i, start: start, tokens), after < end,
                        tokens[after].form == "by", !["quoted", "cited"].contains(tokens[i].form),
                        let agent = englishObject(after: after + 1, end: end, reader)
                    {
                        // ("was quoted by Interfax as saying" is a relay, read apart.)
                        // "The claim was rejected by councillor Tom Reyes": the agent.
                        textual = agent
                        actor = nil
                        // "denied by the Libyan National Army's (LNA) official
                        // spokesperson Ahmed Mesmari": a body's brackets cut the
                        // phrase short; the role and name after them are the agent.
                        if agent.kind != .person, let person = englishRoleAndName(from: after + 1, end: end, reader) {
                            textual = person
                        }
                    } else if latin {
                        textual = englishSubject(before: i, start: start, reader)
                        // "…,” said Farhan Haq": inverted after a quotation or comma.
                        if textual == nil, i == start || gaps[i] != .none { textual = englishObject(after: after, end: end, reader) }
                    } else if !subjectFirst {
                        // "وأضاف البرهان", "ولم يحدد سريع": a family name alone is
                        // the person named in full before.
                        // ("واتهم عون الحريري": the family name is the subject and
                        // the name after it the object.)
                        if after + 1 < end, let full = namesByLast[keys[after]], gaps[after + 1] == .none,
                            actor?.span.map({ $0.lowerBound >= tokens[after + 1].range.lowerBound }) ?? true
                        {
                            actor = (full, tokens[after].range)
                        } else {
                            textual = arabicSubject(after: after, end: end, mentionAt: mentionAt, reader)
                        }
                    }
                    // A described speaker already read ("media reports",
                    // "unnamed US official") stays; so does a person, unless
                    // named inside the phrase's role.
                    // ("a senior customs official" says more than the
                    // "unnamed official" the official's word alone gave.)
                    // ("Hezbollah officials said": the officials, not the group
                    // the gazetteer found inside the phrase.)
                    let inside = textual.map { t in t.kind == .described && actor?.span.map { t.span.contains($0.lowerBound) } == true }
                    let keep =
                        inside == true
                        ? false
                        : actor.map { found in
                            gazetteer.entry(named: found.name).map { gazetteer.entries[$0].kind == "person" }
                                ?? !(latin && textual?.kind == .described && found.name.hasPrefix("unnamed")
                                && (textual?.name.count ?? 0) > found.name.count)
                        } ?? false
                    // (A person inside an institution's phrase after its
                    // head is whose it is: "مكتب نتنياهو", "إدارة ترامب" speak,
                    // not the person.)
                    if let textual,
                        !keep
                            || (textual.kind == .person && textual.nameSpan != textual.span
                                && actor?.span.map {
                                    textual.span.contains($0.lowerBound)
                                } == true)
                            || (!latin && textual.kind == .institution
                                && actor?.span.map {
                                    textual.span.contains($0.lowerBound) && $0.lowerBound > textual.span.lowerBound
                                } == true)
                    {
                        actor = adopt(textual, over: actor, latin: latin)
                    }
                }
                // "There was no immediate comment from the Israeli military":
                // whoever gave none declines.
                if latin, cue.stance == "decline", tokens[i].form == "no",
                    let from = (after..<min(end, after + 3)).first(where: { tokens[$0].form == "from" }),
                    let source = englishObject(after: from + 1, end: end, reader)
                {
                    actor = adopt(source, over: nil, latin: true)
                }
                if actor == nil, tokens[i].form.hasSuffix("بحسب"), cue.length > 1 { actor = ("unspecified reports", nil) }
                if actor == nil, cue.stance == "report", i + 1 < end,
                    Extractor.reports.contains(tokens[i + 1].form) || Extractor.reports.contains(tokens[i].form)
                {
                    actor = ("media reports", nil)
                }
                // Named here, or carried on from what came before?
                let named = actor != nil
                if actor == nil, let gender = Extractor.gender(ofVerb: keys[i]), !plural {
                    actor = history.last { isFeminine($0.name) == (gender == .feminine) }
                }
                // "he said", "it added", "they said": the last speaker of
                // that kind (a person; an institution; a group).
                if actor == nil, latin, let p = (max(start, i - 3)..<i).last(where: { Extractor.englishPronouns[tokens[$0].form] != nil }),
                    (p + 1..<i).allSatisfy({ Extractor.englishSkips.contains(tokens[$0].form) }),
                    let wanted = Extractor.englishPronouns[tokens[p].form]
                {
                    // "Reid backed the plan when he said": a person who opens
                    // the sentence and is known from before is who "he" is.
                    if wanted == "person", p > start + 1, !(start..<p).contains(where: inQuote),
                        let opener = personOpening(sentenceAt: start, before: p)
                    {
                        actor = opener
                    } else if wanted == "person", p > start + 1, Extractor.subordinators.contains(keys[p - 1]),
                        !(start..<p).contains(where: inQuote),
                        let named = (max(start + 1, p - 8)..<(p - 1)).reversed().lazy.compactMap({ k -> NamedSpeaker? in
                            guard reader.isCapital(k), !reader.isCapital(k + 1), !reader.isWeekday(k),
                                let named = englishPhrase(endingAt: k, start: start, reader), named.kind == .person,
                                tokenRange(named.nameSpan ?? named.span).count >= 2
                            else { return nil }
                            return named
                        }).first
                    {
                        // "backed up by schools secretary Ed Balls this morning
                        // when he said": the person just named in the sentence.
                        actor = adopt(named, over: nil, latin: true)
                    } else if p == start, sentenceActor == nil,
                        let lead = leads.last(where: { speakerKind($0.name) == wanted })
                    {
                        // "Belheeg reported that Saleh had warned … . He did not
                        // specify": a pronoun opening a sentence is the last
                        // sentence's main speaker, not the one it quoted.
                        actor = lead
                    } else {
                        actor = history.last { speakerKind($0.name) == wanted }
                    }
                }
                actor = actor ?? (plural ? previousGroup : nil) ?? sentenceActor ?? previousActor
                guard var speaker = actor else {
                    i = after
                    continue
                }
                // "وأضافت المصادر", "يوضح المسؤول في إدارة بايدن", "هؤلاء
                // المسؤولون": a definite unnamed speaker is one met before.
                if named, let span = speaker.span, let p = tokenAt(span.lowerBound),
                    Extractor.isOfficial(tokens[p].form),
                    Extractor.bare(tokens[p].form) != DateFinder.stripped(tokens[p].form)
                        || (p > 0 && Extractor.demonstratives.contains(tokens[p - 1].form)),
                    let earlier = antecedent(of: speaker.name, among: out)
                {
                    speaker.name = earlier
                }
                // "رئيس مديرية المخابرات الدفاعية الأوكرانية قال": the holder
                // of the office speaks; "مسؤولا في البيت الأبيض": one of its
                // officials.
                if named, let span = speaker.span, let e = gazetteer.entry(named: speaker.name),
                    ["org", "group"].contains(gazetteer.entries[e].kind ?? ""),
                    let p = tokenAt(span.lowerBound), p > start
                {
                    let title = p >= start + 2 && ["باسم", "of"].contains(tokens[p - 1].form) ? p - 2 : p - 1
                    // The holder the gazetteer knows speaks only if the article
                    // names him: offices change hands, and "the White House
                    // spokesman" of 2009 is not the one the gazetteer lists.
                    if let keywords = Extractor.titles[DateFinder.stripped(tokens[title].form)] {
                        let office = tokens[title].range.lowerBound..<span.upperBound
                        if let holder = holder(of: gazetteer.entries[e].name, keywords: keywords),
                            let h = gazetteer.entry(named: holder), mentionAt.names(h)
                        {
                            speaker = (holder, office)
                        } else {
                            // No one the article names: the office speaks, as
                            // the text describes it ("المتحدث باسم البيت الأبيض").
                            let phrase = Extractor.slice(text, office)
                            speaker = (latin ? "unnamed " + phrase : phrase, office)
                        }
                    } else if p >= start + 2, ["في", "من", "in", "at"].contains(tokens[p - 1].form),
                        Extractor.isOfficial(tokens[p - 2].form)
                    {
                        speaker = unnamed(at: p - 2, end: end, tokens: tokens, mentionAt: mentionAt)
                    }
                }
                // "الولايات المتحدة وشركاؤها": the speaker with its partners.
                if named, let span = speaker.span, case let q = tokenRange(span.upperBound..<span.upperBound).lowerBound,
                    q < end, let others = Extractor.partners[tokens[q].form]
                {
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
                // "قال بومبيو إن الحوثيين يدعون أنهم …": a cue inside what
                // another speaker said, with nothing between to end it, is
                // reported by that speaker; the next "وأضاف" is still theirs.
                let nested =
                    saidFrom.map { c in
                        c < i && (c + 1..<i).allSatisfy { gaps[$0] == .none && !Extractor.linkers.contains(tokens[$0].form) }
                            && gaps[i] == .none && !Extractor.linkers.contains(tokens[i - 1].form)
                    } ?? false
                if !nested {
                    // "قالت الوزارة في بيان", "said in a statement", "أصدرت
                    // بيانا قالت فيه": the statement "البيان" means later.
                    if (max(start, i - 4)..<min(end, after + 6)).contains(where: {
                        !inQuote($0) && Extractor.statementNouns.contains(formOrStripped: tokens[$0].form)
                    }) {
                        issuer = speaker
                    }
                    if sentenceActor == nil {
                        leads.append(speaker)
                        if leads.count > 8 { leads.removeFirst() }
                    }
                    sentenceActor = speaker
                    previousActor = speaker
                    history.append(speaker)
                    if history.count > 8 { history.removeFirst() }
                }
                if PlainForm.hasSuffix(speaker.name, "s") || PlainForm.contains(speaker.name, " and ") { previousGroup = speaker }

                // The quote: the first quotation after the cue in the
                // sentence, else the rest of the sentence after the speaker.
                let cueEnd = tokens[after - 1].range.upperBound
                // What a cue says ends where the next cue begins: "امتنع عن
                // تأكيد …، بينما أعرب عن قلقه", "رفض تحديد …، لكنه أشار إلى “…”".
                let nextCue = (after..<end).first {
                    !inQuote($0)
                        && (cueAt($0) != nil
                            && !(latin
                                && (Extractor.isPassive($0, start: start, tokens)
                                    || gaps[$0] == .none && Extractor.isThingSubject($0 - 1, reader)))
                            && !(!latin && showsAFact($0))
                            || flags[$0].contains(.saying) && Extractor.isSaying(keys[$0])
                                && !(Extractor.introducers.contains(keys[$0]) && introducesWordsOfCue(before: $0, start: start))
                            // "…، مشيرا إلى أن …": a participle that says something of its own.
                            || !latin && gaps[$0] == .comma && Extractor.participle(keys[$0]) != nil
                                && !Extractor.introducers.contains(keys[$0])
                                && introducesSpeech(after: $0 + 1))
                }
                // …and before the words that link the two ("بينما", "لكنه").
                let clauseLimit =
                    nextCue.map { n in
                        n - 1 > after && Extractor.linkers.contains(tokens[n - 1].form)
                            ? tokens[n - 1].range.lowerBound : tokens[n].range.lowerBound
                    } ?? sentence.upperBound
                // (Not the quotation marks around the speaker's own name:
                // قناة “الإخبارية”.)
                let afterSpeaker = speaker.span.map { $0.lowerBound >= cueEnd ? $0.upperBound : cueEnd } ?? cueEnd
                let firstQuote = quotes.partitionPoint { $0.lowerBound < cueEnd }
                var quoteSpan =
                    cited != nil
                    ? nil
                    : quotes[firstQuote...].first {
                        $0.lowerBound >= cueEnd && $0.upperBound > afterSpeaker
                            && $0.lowerBound < min(clauseLimit, sentence.upperBound + 4)
                    }
                // "“The reports are baseless,” Kanaani said.": in English a
                // quotation that closes just before its attribution is what
                // was said, when none follows.
                if latin, quoteSpan == nil, cited == nil,
                    let q = quotes[..<quotes.partitionPoint { $0.lowerBound < tokens[i].range.lowerBound }]
                        .last(where: { $0.upperBound <= tokens[i].range.lowerBound && $0.lowerBound >= sentence.lowerBound }),
                    tokenRange(q.upperBound..<tokens[i].range.lowerBound).count <= 10,
                    !(after..<end).contains(where: { Extractor.complementizers.contains(tokens[$0].form) })
                {
                    quoteSpan = q
                }
                /// What was said, where the text marks it: a quotation, or
                /// the clause after إن / أن.
                var contentSpan = quoteSpan
                if quoteSpan == nil {
                    var from = max(cueEnd, speaker.span?.upperBound ?? cueEnd)
                    // "told Al Arabiya the ships were hit": whom it was told
                    // is not what.
                    if latin, Extractor.addressVerbs.contains(tokens[i].form), after < end {
                        var k = after
                        if let addressee = englishObject(after: after, end: end, reader) {
                            k = tokenRange(addressee.span.upperBound..<addressee.span.upperBound).lowerBound
                        }
                        while k < end,
                            Extractor.closingWords.contains(tokens[k].form) && !Extractor.englishDeterminers.contains(tokens[k].form)
                                || DateFinder.weekdays[keys[k]] != nil
                        { k += 1 }
                        if k < end { from = max(from, tokens[k].range.lowerBound) }
                    }
                    // What was said starts after إن / أن / that.
                    if let k = (after..<(nextCue ?? end)).first(where: {
                        tokens[$0].range.lowerBound >= from
                            && Extractor.complementizers.contains(tokens[$0].form)
                    }), k + 1 < end {
                        from = tokens[k + 1].range.lowerBound
                        contentSpan = tokens[k].range.lowerBound..<sentence.upperBound
                        saidFrom = k
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
                    } else if from < clauseLimit {
                        quoteSpan = from..<clauseLimit
                    }
                    // "Iranian personnel are in Crimea, the White House said on
                    // Thursday": an attribution closing its sentence after a
                    // comma, with nothing said after it, said what came before.
                    let head = min(
                        tokens[i].range.lowerBound,
                        speaker.span.map { sentence.contains($0.lowerBound) ? $0.lowerBound : Int.max } ?? Int.max)
                    let h = tokenRange(head..<head + 1).lowerBound
                    // The comma may stand before the speaker's title ("…,
                    // White House national security adviser Jake Sullivan
                    // told reporters on Monday").
                    let speakerTokens = speaker.span.map(tokenRange) ?? 0..<0
                    let closing = (after..<end).allSatisfy { k in
                        speakerTokens.contains(k) || Extractor.closingWords.contains(tokens[k].form)
                            || isDate[k] || DateFinder.weekdays[keys[k]] != nil
                    }
                    // "…, said John Patten, the defence lawyer.": the
                    // speaker inverted after the verb, then only who they are.
                    let described =
                        latin && speakerTokens.lowerBound >= after && speakerTokens.upperBound <= end
                        && (after..<end).allSatisfy { k in
                            let f = tokens[k].form
                            return speakerTokens.contains(k) || reader.isRole(k) || reader.isOrgHead(k) || reader.isCapital(k)
                                || Extractor.englishModifiers.contains(f)
                                || Extractor.englishDeterminers.contains(f) || Extractor.englishConnectors.contains(f)
                                || Extractor.closingWords.contains(f) || f.hasSuffix("'s") || f.hasSuffix("’s")
                        }
                    if cited == nil, contentSpan == nil, h > start, h < end, end - after <= 4 && closing || described,
                        let c = stride(from: h, to: max(start, h - 8), by: -1).first(where: { gaps[$0] != .none }), gaps[c] == .comma,
                        !(c..<i).contains(where: { Extractor.complementizers.contains(tokens[$0].form) })
                    {
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
                            && (gaps[k] == .comma || gaps[k] == .hard) && Extractor.performatives[strippedOf: tokens[k].form] != nil
                    }), let act = Extractor.performatives[strippedOf: tokens[j].form]
                {
                    performative = (act, tokens[j].range.lowerBound..<q.upperBound, tokens[j].range)
                    quoteSpan = q.lowerBound..<tokens[j - 1].range.upperBound
                }
                // "did not respond directly on Monday": words of when and how
                // alone are no quote.
                if let q = quoteSpan, !quotes.contains(q),
                    tokenRange(q).allSatisfy({ k in
                        Extractor.closingWords.contains(tokens[k].form) || Extractor.mannerWords.contains(tokens[k].form)
                            || DateFinder.weekdays[keys[k]] != nil || isDate[k]
                    })
                {
                    quoteSpan = nil
                }
                let quoteText = quoteSpan.map { Extractor.trimmed(Extractor.slice(text, $0)) } ?? ""
                let quoteTokens = quoteSpan.map { tokenRange($0) } ?? 0..<0
                // The clause runs to the next cue: "قالت إنها سترسل … ووعدت
                // برد" reads each verb by its own words.
                let clauseEnd = performative?.cue.lowerBound ?? clauseLimit
                let clauseTokens = cueEnd < clauseEnd ? tokenRange(cueEnd..<clauseEnd) : 0..<0
                let clauseForms = keys[clauseTokens]
                var stance = cue.stance
                var basis = StanceBasis(rule: .cue, spans: [tokens[i].range.lowerBound..<cueEnd])
                // What was said: the quotation, and the clause when it
                // goes on past it.
                var content = [quoteTokens]
                if clauseTokens.upperBound > quoteTokens.upperBound || clauseTokens.lowerBound < quoteTokens.lowerBound {
                    content.append(clauseTokens)
                }
                content.sort { $0.lowerBound < $1.lowerBound }
                // An analyst's or expert's account of wrongs and dangers is
                // analysis, not an accusation or a warning of their own
                // (asked only when the words read so).
                let speakerTokens = speaker.span.map { tokenRange($0) }
                func isAnalyst() -> Bool {
                    let name = speaker.name.lowercased()
                    if Extractor.analysts.contains(where: { name.contains($0) }) { return true }
                    guard let r = speakerTokens else { return false }
                    // (A speaker met in an earlier sentence is described there.)
                    let around = max(start, r.lowerBound - 4)..<max(start, min(end, r.upperBound + 4))
                    return around.contains { Extractor.analystWords.contains(DateFinder.strippedSlice(keys[$0])) }
                }
                var reading = StanceReader.read(cue: stance, content: content, excluded: speakerTokens, keys: keys, flags: flags)
                if let signal = reading?.signal, signal == .wrongdoing || signal == .danger, isAnalyst() {
                    reading = StanceReader.read(
                        cue: stance, content: content, excluded: speakerTokens, analysis: true, keys: keys, flags: flags)
                }
                // "أعلن التوصل إلى تفاهم", "announced the suspension of its
                // attacks": an announcement of a measure, not of a fact
                // (أعلن أن, "announced that"), whatever harm it names.
                // أعلن, أكد: the verb as listed, asked only of plain saying.
                let plainVerb = stance == "assert" ? Cue.bareVerb(keys[i]) ?? keys[i] : nil
                /// Whether a noun is the verb's object: its first `n` words,
                /// the speaker's apart, hold no clause, quotation or verb,
                /// nor any of `others`.
                func takesNoun(within n: Int, unless others: WordSet) -> Bool {
                    let object = clauseTokens.prefix(n).filter { k in !(speaker.span?.contains(tokens[k].range.lowerBound) ?? false) }
                    return !object.isEmpty
                        && !object.contains(where: { k in
                            Extractor.complementizers.contains(keys[k]) || Extractor.selfComplementizers.contains(keys[k])
                                || others.contains(keys[k]) || inQuote(k) || Cue.bareVerb(keys[k]) != nil
                        })
                }
                let announcesMeasure =
                    plainVerb.map(Extractor.announcing.contains) == true && takesNoun(within: 8, unless: Extractor.deaths)
                if announcesMeasure, reading.map({ [.wrongdoing, .danger, .commitment].contains($0.signal) }) ?? true {
                    stance = "pledge"
                    basis = StanceBasis(
                        rule: .content, signal: StanceSignal.commitment.label,
                        spans: [tokens[i].range.lowerBound..<cueEnd])
                } else if let reading {
                    stance = reading.stance
                    basis = StanceBasis(
                        rule: .content, signal: reading.signal?.label ?? "",
                        spans: reading.tokens.map { tokens[$0.lowerBound].range.lowerBound..<tokens[$0.upperBound - 1].range.upperBound })
                } else if !latin, plainVerb.map(Extractor.affirming.contains) == true,
                    takesNoun(within: 4, unless: Extractor.affirmingLinks)
                {
                    // "أكد مسؤول أميركي وصول الشحنة": أكد with a noun for
                    // object affirms a fact; with أن or على it stresses.
                    stance = "confirm"
                } else if stance == "assert", Extractor.commitsSelf(clauseForms) {
                    // "قال إنهما سيحاربان": what the speakers will do.
                    stance = "pledge"
                    basis = StanceBasis(
                        rule: .content, signal: StanceSignal.commitment.label,
                        spans: [tokens[clauseTokens.lowerBound].range.lowerBound..<tokens[clauseTokens.upperBound - 1].range.upperBound])
                }

                // A media outlet's own words are a report; a report verb with
                // a speaker who is no outlet ("أفادت مصادر مطلعة") is saying.
                let isMedia =
                    Extractor.isPress(speaker.name) || outlets[Array(speaker.name.utf8)] != nil
                    || gazetteer.entry(named: speaker.name).map { ["media", "outlet"].contains(gazetteer.entries[$0].kind ?? "") } == true
                if isMedia && (StanceReader.isPlain(cue.stance) || cue.stance == "report") || cited?.document == true {
                    stance = "report"
                    basis = StanceBasis(rule: .media, spans: speaker.span.map { [$0] } ?? [])
                } else if stance == "report", speaker.name != "unspecified reports" {
                    stance = "assert"
                }
                // The date nearest the cue in the sentence; else, for the
                // same speaker going on, the date of what they said before;
                // else the article's.
                // Dates inside what was said belong to its content ("قال إن
                // روسيا أطلقت في أغسطس"), not to the saying.
                let sentenceDates = dates.partitionPoint { $0.index < start }..<dates.partitionPoint { $0.index < end }
                let inSentence = dates[sentenceDates].filter {
                    (start..<end).contains($0.index)
                        && !(contentSpan?.contains(tokens[$0.index].range.lowerBound) ?? false) && !inQuote($0.index)
                }
                var date = inSentence.min { abs($0.index - i) < abs($1.index - i) }
                if date == nil {
                    date = inheritedDate(
                        cue: i, singleVerb: cue.length == 1 && !cue.nominal, sentence: start, through: end, speaker: speaker.name,
                        named: named,
                        earlier: out, dates: dates, paragraphStart: paragraphStart(sentence.lowerBound))
                }
                var about: [String] = []
                let sentenceMentions =
                    allMentions.partitionPoint { $0.tokens.lowerBound < start }..<allMentions.partitionPoint { $0.tokens.lowerBound < end }
                for m in allMentions[sentenceMentions] {
                    guard !m.isNisba, gazetteer.canBeTopic(m.entry) else { continue }
                    let name = gazetteer.entries[m.entry].name
                    guard name != speaker.name else { continue }
                    if !about.contains(name) { about.append(name) }
                }
                let cueSpan = tokens[i].range.lowerBound..<cueEnd
                out.append(
                    Extraction(
                        actor: speaker.name, stance: stance, cue: Extractor.slice(text, cueSpan),
                        quote: quoteText, sentence: Extractor.slice(text, sentence).trimmed(),
                        date: date?.date ?? published, dateBasis: date?.basis ?? .article, about: about,
                        sentenceSpan: sentence, cueSpan: cueSpan, actorSpan: speaker.span, quoteSpan: quoteSpan,
                        newActorKind: newSpeakers[Array(speaker.name.utf8)], stanceBasis: basis))
                if let performative, var act = out.last {
                    act.stance = performative.stance
                    act.stanceBasis = StanceBasis(rule: .performative, spans: [performative.cue])
                    act.cue = Extractor.slice(text, performative.cue)
                    act.cueSpan = performative.cue
                    act.quoteSpan = performative.span
                    act.quote = Extractor.trimmed(Extractor.slice(text, performative.span))
                    out.append(act)
                }
                // "قال باتروشيف ونظيره الإيراني، علي شمخاني، إنهما": a second
                // person joined to the speaker says it too.
                if let span = speaker.span, let partner = partner(after: span, end: end, tokens: tokens, mentions: mentions),
                    partner.name != speaker.name, var joint = out.last
                {
                    joint.actor = partner.name
                    joint.actorSpan = partner.span
                    joint.about.removeAll { $0 == partner.name }
                    out.append(joint)
                }
                // "Sheikh Hamad and Sheikh Ahmed said", "Washington and Paris
                // said": two named speakers joined by "and" before the verb
                // are two statements (a body acting as one, "US and European
                // officials", is described and stays one).
                if latin, named, let span = speaker.span, let p0 = tokenAt(span.lowerBound), p0 < i, var joint = out.last,
                    !speaker.name.hasPrefix("unnamed")
                {
                    // (The phrase read may hold the whole list: its last name
                    // is after the last "and".)
                    let p =
                        tokenAt(span.upperBound - 1).flatMap { last in (p0..<last).last { tokens[$0].form == "and" } }.map { $0 + 1 } ?? p0
                    var q = p - 1
                    while q > start, gaps[q + 1] == .none, reader.isRole(q) || Extractor.englishHonorificWords.contains(tokens[q].form) {
                        q -= 1
                    }
                    if q > start, tokens[q].form == "and", gaps[q + 1] == .none, gaps[q] == .none, reader.isCapital(q - 1),
                        let other = englishPhrase(endingAt: q - 1, start: start, reader), other.kind != .described,
                        // ("Lawyers for Kern and Cruz said": whom they act for.)
                        let k = tokenAt(other.span.lowerBound),
                        !(max(start, k - 1)..<q).contains(where: { ["for", "of", "to", "with", "by"].contains(tokens[$0].form) })
                    {
                        // "The UN, US and EU called for": a list of names the
                        // gazetteer knows is one statement each; a list of
                        // others ("Norway's unions, farmers and …") stays one.
                        var items = [other]
                        var first = k
                        while first - 1 > start, gaps[first] == .comma, items.count < 8,
                            let item = englishPhrase(endingAt: first - 1, start: start, reader), item.kind != .described,
                            let at = tokenAt(item.span.lowerBound), at < first
                        {
                            items.append(item)
                            first = at
                        }
                        // (One name before "and" after a comma is no list: "In a
                        // joint statement, Sheikh Hamad and Sheikh Ahmed said".)
                        let list = gaps[k] == .comma && items.count > 1
                        let adopted = items.reversed().map { item -> (name: String, span: Range<Int>?) in
                            var one = adopt(item, over: nil, latin: true)
                            // (A capital speaks for its country, as the speaker's did.)
                            if let e = gazetteer.entry(named: one.name), gazetteer.entries[e].kind == "place",
                                (gazetteer.entries[e].role ?? "").hasPrefix("capital of"), let country = gazetteer.entries[e].country
                            {
                                one.name = country
                            }
                            return one
                        }
                        func isKnown(_ span: Range<Int>?) -> Bool {
                            span.map { tokenRange($0).contains { mentionAt[$0].map { !$0.isNisba } == true } } ?? false
                        }
                        let known = items.allSatisfy { isKnown($0.span) } && isKnown(span)
                        if !list || (items.count > 1 || first == k) && known && (first == start || gaps[first] != .comma) {
                            for one in adopted where one.name != speaker.name {
                                joint.actor = one.name
                                joint.actorSpan = one.span
                                joint.newActorKind = newSpeakers[Array(one.name.utf8)]
                                joint.about.removeAll { $0 == one.name }
                                out.append(joint)
                            }
                        }
                    }
                }
                i = after
            }
            t = end
        }
        return namingLater(Extractor.oneActEach(out))
    }

    /// One reading per speech act: "was quoted by Interfax as saying",
    /// "said …, adding", قال … مضيفا each attribute the same words to the
    /// same speaker, and the annotation counts each cue; the words get one
    /// stance, the one that says more than "assert" (the first, when both
    /// do), with its reason.
    static func oneActEach(_ found: [Extraction]) -> [Extraction] {
        guard found.count > 1 else { return found }
        var out = found
        // "was quoted by Interfax as saying that …": the words are the
        // ones after "saying".
        for b in out.indices.dropFirst() where out[b].cue.lowercased() == "saying" {
            let a = b - 1
            guard out[a].actor == out[b].actor, out[a].cue.lowercased() == "quoted",
                out[a].quote.isEmpty || out[a].quote.hasSuffix(" as") || out[a].quote == "as"
            else { continue }
            (out[a].quote, out[a].quoteSpan) = (out[b].quote, out[b].quoteSpan)
        }
        for b in out.indices.dropFirst() where !out[b].quote.isEmpty {
            // (Acts of one speech stand close together.)
            for a in max(0, b - 3)..<b where out[a].actor == out[b].actor && out[a].quote == out[b].quote {
                if out[a].stance == "assert" && out[b].stance != "assert" {
                    (out[a].stance, out[a].stanceBasis) = (out[b].stance, out[b].stanceBasis)
                } else if out[a].stance != out[b].stance {
                    (out[b].stance, out[b].stanceBasis) = (out[a].stance, out[a].stanceBasis)
                }
                break
            }
        }
        return out
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

        /// From the UTF-8 between two words (read for every word, so as
        /// bytes): “ is E2 80 9C, ” E2 80 9D, « C2 AB, » C2 BB, ؛ D8 9B, ، D8 8C.
        init(_ gap: ArraySlice<UInt8>) {
            var opening = false
            var hard = false
            var comma = false
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
                // A dash between spaces sets off like a comma: "Sultan
                // al-Jaber - who is also … - has described".
                case 0x2D where k > gap.startIndex && gap[k - 1] == 0x20 && next == 0x20: comma = true
                case 0xE2 where next == 0x80 && (third == 0x93 || third == 0x94): comma = true
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

    /// Byte ranges inside quotation marks: “…”, «…» and "…". Scanned as
    /// UTF-8: “ ” are E2 80 9C/9D, « » are C2 AB/BB.
    static func quotes(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { quotes(in: $0) }
    }

    private static func quotes(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        /// The closing mark awaited (0x22, 0x9D for ”, 0xBB for ») and where the quotation starts.
        var open: (close: UInt8, start: Int)?
        var k = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while k < bytes.count {
            // Nearly every byte is none of the four that can start a mark
            // (\n " and the lead bytes of “ ” « »): eight at a time.
            if k + 8 <= bytes.count, !Self.mayHoldMark(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) {
                k += 8
                continue
            }
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
                    // Sloppy text mixes its marks (“…," said Killian; "…”): a
                    // straight mark where a quotation closes (after a word,
                    // before no letter) closes a curly one, and a curly or
                    // angle closing mark closes a straight one.
                    let straightCloses =
                        b == 0x22 && k > 0 && bytes[k - 1] != 0x20 && bytes[k - 1] != 0x0A
                        && (k + 1 == bytes.count || !Self.startsWord(bytes[k + 1]))
                    if mark.closing == current.close || straightCloses || current.close == 0x22 && mark.closing != nil {
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

    /// Whether a byte opens a word: an ASCII letter or digit, or the lead
    /// byte of an Arabic letter.
    private static func startsWord(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || (0xD8...0xDB).contains(b)
    }

    /// Whether `offset` is inside one of `quotes` (``quotes(in:)``: in
    /// text order, none overlapping).
    static func isQuoted(_ offset: Int, _ quotes: [Range<Int>]) -> Bool {
        let k = quotes.partitionPoint { $0.upperBound <= offset }
        return k < quotes.count && quotes[k].contains(offset)
    }

    /// The characters of `text` at a byte range of it (whose ends are
    /// between characters), copied as they are: `String(decoding:)` of the
    /// same bytes checked their UTF-8 again, for every quote, sentence and
    /// cue of an article.
    static func slice(_ text: String, _ range: Range<Int>) -> String { String(text.substring(utf8: range)) }

    /// Whether any of eight bytes is 0A, 22, E2 or C2 (a byte is zero in
    /// `v ^ pattern` exactly where it equals the pattern's byte).
    @inline(__always)
    private static func mayHoldMark(_ v: UInt64) -> Bool {
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 }
        return hasZeroByte(v ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(v ^ 0x2222_2222_2222_2222)
            || hasZeroByte(v ^ 0xE2E2_E2E2_E2E2_E2E2) || hasZeroByte(v ^ 0xC2C2_C2C2_C2C2_C2C2)
    }

    /// A quote without spaces and quotation marks around it.
    static func trimmed(_ s: String) -> String {
        s.trimmed { $0.isSpace || quotePunctuation.contains($0) }
    }

    private static let quotePunctuation = Set("“”«»\":،.,;؛".unicodeScalars)
}

extension Extractor {
    /// The lines of an article that are headlines, titles or link lines,
    /// not sentences: a line that another line follows, that ends in no
    /// sentence punctuation and has at most 25 words ("China says drills
    /// met goals", "إيران تنفي منح الوكالة حق الدخول", "Posted , updated").
    /// A text whose lines mostly end without punctuation is broken at a
    /// fixed width, not into paragraphs: then no line is taken for one.
    static func headlines(in bytes: [UInt8], newlines: [Int]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var from = 0
        for n in newlines + [bytes.count] {
            var a = from
            var b = n
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
            if a < b { lines.append(a..<b) }
            from = n + 1
        }
        guard lines.count >= 2 else { return [] }
        func ends(_ line: Range<Int>) -> Bool {
            let last = bytes[line.upperBound - 1]
            // . ! ? : " ' and the last byte of ” ’ » … ؟ (E2 80 9D, E2 80 99, C2 BB, E2 80 A6, D8 9F).
            if [0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x27].contains(last) { return true }
            guard line.count >= 2 else { return false }
            let pair = (bytes[line.upperBound - 2], last)
            return pair == (0x80, 0x9D) || pair == (0x80, 0x99) || pair == (0xC2, 0xBB) || pair == (0x80, 0xA6) || pair == (0xD8, 0x9F)
        }
        let open = lines.dropLast().filter { !ends($0) }
        guard open.count * 2 <= lines.count else { return [] }
        // Arabic news often ends a paragraph without a full stop; a line
        // that opens with و ("وقال المصدر …") or says "that" (إن, أن) is a
        // sentence all the same.
        let said: [[UInt8]] = [" إن ", " أن ", " ان ", " بأن ", " that "].map { Array($0.utf8) }
        func holds(_ line: Range<Int>, _ word: [UInt8]) -> Bool {
            let slice = bytes[line]
            guard slice.count >= word.count else { return false }
            return (slice.startIndex...(slice.endIndex - word.count)).contains { bytes[$0..<($0 + word.count)].elementsEqual(word) }
        }
        return open.filter { line in
            bytes[line].lazy.filter { $0 == 0x20 }.count < 25 && !bytes[line].starts(with: Bytes.waw)
                && !said.contains { holds(line, $0) }
        }
    }
}
