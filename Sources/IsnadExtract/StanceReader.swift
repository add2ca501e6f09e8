import IsnadText

/// Why a statement has its stance: the rule that decided and the words it
/// read. Stored with the statement, so `.explain` and `--format json` can
/// show a doubting user the words behind `stance:accuse`.
package struct StanceBasis: Sendable, Hashable {
    package enum Rule: String, Sendable, CaseIterable {
        /// The cue verb's own stance ("denied", اتهم).
        case cue
        /// Words in what was said, over a cue of plain saying or of a
        /// neighbouring stance.
        case content
        /// A first-person act inside the quotation ("…، نحض إيران").
        case performative
        /// The speaker is a media outlet or a report.
        case media
    }

    package var rule: Rule
    /// What the words were read as ("a denial"); empty for the cue's own.
    package var signal: String
    /// Byte ranges, in the article's text, of the words that decided: the
    /// cue's for `.cue`, the signal's for `.content`.
    package var spans: [Range<Int>]

    package init(rule: Rule, signal: String = "", spans: [Range<Int>]) {
        self.rule = rule
        self.signal = signal
        self.spans = spans
    }
}

/// Decides a statement's stance from its cue, the cue's negation and the
/// words of what was said (the quotation and the clause after the cue).
///
/// A cue of plain saying (`said`, قال, أكد, أضاف) says nothing of stance:
/// what was said decides, by the first of these it holds, in this order —
/// a refusal to comment, a denial, a threat by the speaker's side, a
/// demand, a condemnation, another party's wrongdoing, concern, a
/// commitment, a danger, an admission. A cue with a stance of its own keeps
/// it, but for two readings the content corrects: a pledge or warning of
/// harm the speaker's side will do is a threat ("vowed to respond", حذر من
/// أنها سترد), and a denial-verb's "rejected … as unacceptable" stays a
/// denial.
enum StanceReader {
    /// A stance the words gave, and where (token indices).
    struct Reading {
        var stance: String
        var signal: StanceSignal?
        var tokens: [Range<Int>]
    }

    /// Words that negate the word after them, up to four words on.
    private static let negations = WordSet(normalizing: [
        "لم", "لا", "ليس", "ليست", "لن", "غير", "عدم", "not", "never", "no", "didn't", "don't", "doesn't", "wasn't",
        "weren't", "haven't", "hasn't",
    ])
    /// Nouns of a response, a threat only in a promise ("وعدت برد").
    private static let retaliation = WordSet(normalizing: [
        "رد", "برد", "بالرد", "الرد", "ردا", "الانتقام", "انتقام", "بالانتقام", "response", "retaliation", "retaliate",
    ])
    /// Force, after a future: "سيواصلون هجماتهم".
    private static let hostile = WordSet(normalizing: [
        "هجمات", "هجماتها", "هجماتهم", "هجماتنا", "الهجمات", "ضربات", "الضربات", "ضرباتها", "القتال", "قتال", "استهداف",
        "attacks", "strikes", "fighting", "troops", "retaliate", "retaliation",
    ])
    private static let futureWords = WordSet(normalizing: ["سوف", "فسوف", "will", "would", "might", "shall", "'ll"])
    private static let futurePrefixes = ["سي", "ست", "سن", "سا"].map { Array($0.utf8) }

    /// A future word, or an Arabic verb of more than four letters with سـ
    /// before its person prefix (``Extractor/isFuture(_:)``'s test, on bytes).
    static func isFuture(_ key: [UInt8]) -> Bool {
        if futureWords.contains(key) { return true }
        guard key.count > 8, key.first == 0xD8 else { return false }
        return futurePrefixes.contains { key.starts(with: $0) } && !Extractor.notFutureWords.contains(key)
    }

    /// "أي": any, between a negated verb and its object.
    private static let anyWords = WordSet(normalizing: ["أي", "أية", "any"])
    /// "we", "our", نحن: the speaker's own side.
    private static let firstPerson = WordSet(normalizing: [
        "we", "our", "us", "i", "نحن", "إننا", "أننا", "إنني", "أنني", "لدينا",
    ])

    /// Cue stances that say no more than that something was said.
    static func isPlain(_ stance: String) -> Bool { stance == "assert" || stance == "confirm" }

    /// Reads `stance` (the cue's) against the words in `content` (token
    /// ranges, in order; words in `excluded`, the speaker's name, are not
    /// read).
    static func read(
        cue stance: String, content: [Range<Int>], excluded: Range<Int>?, analysis: Bool = false, keys: [[UInt8]],
        flags: [WordFlags]
    ) -> Reading? {
        let adjustable = isPlain(stance) || stance == "pledge" || stance == "warn"
        guard adjustable else { return nil }
        var found: [(signal: StanceSignal, tokens: Range<Int>)] = []
        // The quotation and the clause around it overlap: read each word once.
        var merged: [Range<Int>] = []
        for range in content.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        for range in merged {
            var k = range.lowerBound
            while k < range.upperBound {
                if let excluded, excluded.contains(k) {
                    k = excluded.upperBound
                    continue
                }
                guard flags[k].contains(.phrase) else {
                    k += 1
                    continue
                }
                var hit: (StanceSignal, Range<Int>)?
                if let m = StanceLexicon.phrases.match(at: k, in: keys[range]), let signal = StanceSignal(rawValue: m.group) {
                    hit = (signal, k..<m.end)
                } else if let signal = StanceLexicon.signal(ofWord: keys[k]) {
                    hit = (signal, k..<k + 1)
                }
                guard var (signal, span) = hit else {
                    k += 1
                    continue
                }
                // An analyst describes wrongs and dangers: analysis.
                if analysis, signal == .wrongdoing || signal == .danger {
                    k = span.upperBound
                    continue
                }
                // "we targeted", "نحن استهدفنا": the speaker's own act.
                if signal == .wrongdoing,
                    (max(range.lowerBound, k - 2)..<k).contains(where: { firstPerson.contains(keys[$0]) })
                {
                    k = span.upperBound
                    continue
                }
                // "did not commit", "لم ترتكب أي انتهاكات": wrongdoing denied.
                // An Arabic negation governs its verb and that verb's
                // object, not a conjunct after it ("لا تنتهي ويُفشل") or a
                // noun after a preposition ("لن يتنازل عن سرقة").
                if signal == .wrongdoing,
                    let not = (max(range.lowerBound, k - 4)..<k).last(where: { negations.contains(keys[$0]) }),
                    (keys[k].first ?? 0) < 0x80
                        || (Bytes.clitic(keys[k][...]) != .conjunction
                            && (k - not <= 2 || k - not == 3 && anyWords.contains(keys[k - 1])))
                {
                    signal = .denial
                    span = not..<span.upperBound
                }
                found.append((signal, span))
                k = span.upperBound
            }
        }
        // "سيواصلون هجماتهم", "the army will continue fighting", "might
        // send troops": force to come, named after a future.
        for range in merged {
            for k in range where isFuture(keys[k]) {
                guard let j = (k + 1..<min(range.upperBound, k + 4)).first(where: { hostile.contains(DateFinder.strippedSlice(keys[$0])) })
                else { continue }
                if !found.contains(where: { $0.tokens.contains(j) }) { found.append((.threat, k..<j + 1)) }
            }
        }
        // "ووعدت برد سريع": a promise of retaliation.
        if stance == "pledge" {
            for range in merged {
                for k in range where retaliation.contains(keys[k]) || retaliation.contains(DateFinder.strippedSlice(keys[k])) {
                    found.append((.threat, k..<k + 1))
                }
            }
        }
        guard !found.isEmpty else { return nil }
        if isPlain(stance) {
            guard let best = found.min(by: { $0.signal.rawValue < $1.signal.rawValue }) else { return nil }
            let spans = found.filter { $0.signal == best.signal }.map(\.tokens)
            return Reading(stance: best.signal.stance, signal: best.signal, tokens: spans)
        }
        // "vowed to respond", "حذرت من أنها سترد": harm the speaker's side
        // will do.
        if let threat = found.first(where: { $0.signal == .threat }) {
            return Reading(stance: "threaten", signal: .threat, tokens: [threat.tokens])
        }
        return nil
    }
}
