/// Lucene's ArabicStemmer ("light10", Larkey, Ballesteros and Connell 2002),
/// as `../shared/tools/refanalyzer.py` specifies it: at most one prefix, the
/// first that matches, then each suffix once, in order, on the shrinking
/// word. Lengths count code points. Affixes are Arabic letters, so Latin and
/// digit tokens pass unchanged.
///
/// One difference, ``Variant/keepingWordLetters`` (the default): light10
/// reads the first three letters of a word such as `باليستية` as the
/// prefix `بال` ("with the") and stems it `يست`, while the definite form
/// `الباليستية` loses only `ال` and stems `باليست`; a query for one form
/// then misses the other. Where the word's own letters begin like `وال`,
/// `بال`, `كال` or `فال` and the word without that "prefix" stems to one of
/// ``ownLetterStems`` (the stem of its definite form), that stem is kept.
/// Every other word stems exactly as light10 does (docs/text-analysis.md).
package enum ArabicLightStemmer {
    /// Which light stemmer: the reference's, or with the own-letter words.
    package enum Variant: Sendable, Equatable {
        /// light10 exactly, as `refanalyzer.py` and Lucene stem: what stores
        /// before format 7 were indexed with.
        case light10
        /// light10, but words of ``ownLetterStems`` keep their first letters.
        case keepingWordLetters
    }

    /// Stems of words whose own first letters read as a light10 prefix
    /// (`وال`, `بال`, `كال`, `فال`), normalised as the analyzer normalises
    /// (ة → ه): each is what light10 gives the word's definite form, and
    /// what its bare form now gets too. Only words met in news about
    /// weapons and people, where the bare and definite forms both occur;
    /// the list is short on purpose, since a word of the list that really
    /// starts with a prefix (`بالغ` "adult" against `ب` + `ال` + `غ…`) would
    /// keep letters it should lose.
    ///
    /// - `باليست`, `بالست`: باليستي، باليستية، باليستيات، بالستية (ballistic)
    /// - `بالغ`: بالغة (grave, considerable: "أهمية بالغة")
    /// - `والد`: والده، والدة (father, mother)
    package static let ownLetterStems: [[UInt32]] = [
        "باليست", "بالست", "بالغ", "والد",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Whether `word[range]` is one of ``ownLetterStems``, compared in
    /// place: words that start like a prefix are common (`والحرب`), and an
    /// array made for each would cost more than the stemming.
    @inline(__always)
    private static func isOwnLetterStem(_ word: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        ownLetterStems.contains { stem in
            stem.count == range.count && zip(stem, word[range]).allSatisfy { $0 == $1.value }
        }
    }

    /// The letters that begin the words of ``ownLetterStems``: only a word
    /// that starts so can stem otherwise than light10 does (the store's
    /// upgrade looks for such words under these prefixes).
    package static let ownLetterPrefixes = ["وال", "بال", "كال", "فال"]

    // The affixes, as code points (compared directly: this runs per token).
    private static let alef: UInt32 = 0x627, lam: UInt32 = 0x644, waw: UInt32 = 0x648, beh: UInt32 = 0x628
    private static let kaf: UInt32 = 0x643, feh: UInt32 = 0x641, heh: UInt32 = 0x647, noon: UInt32 = 0x646
    private static let teh: UInt32 = 0x62A, yeh: UInt32 = 0x64A, tehMarbuta: UInt32 = 0x629

    /// Suffixes in Lucene's order: ها ان ات ون ين يه ية ه ة ي. ية and ة cannot
    /// match after folding; they are kept so the list is Lucene's.
    private static let suffixes: [(UInt32, UInt32?)] = [
        (heh, alef), (alef, noon), (alef, teh), (waw, noon), (yeh, noon), (yeh, heh), (yeh, tehMarbuta),
        (heh, nil), (tehMarbuta, nil), (yeh, nil),
    ]

    /// The stem of `word` as a range of its indices.
    @inline(__always)
    static func stem(_ word: UnsafeBufferPointer<Unicode.Scalar>, variant: Variant = .keepingWordLetters) -> Range<Int> {
        var start = word.startIndex
        let n = word.endIndex - start
        // Prefixes in order, the first that matches: ال وال بال كال فال لل و.
        if n >= 2 + 2, word[start].value == alef, word[start + 1].value == lam {
            start += 2
        } else if n >= 3 + 2, word[start + 1].value == alef, word[start + 2].value == lam,
            [waw, beh, kaf, feh].contains(word[start].value)
        {
            // The rare case: is `وال`/`بال`/`كال`/`فال` the word's own?
            if variant == .keepingWordLetters {
                let whole = stripSuffixes(word, from: start)
                if isOwnLetterStem(word, whole) { return whole }
            }
            start += 3
        } else if n >= 2 + 2, word[start].value == lam, word[start + 1].value == lam {
            start += 2
        } else if n >= 4, word[start].value == waw {
            start += 1
        }
        return stripSuffixes(word, from: start)
    }

    /// Each suffix once, in order, on the word from `start` on.
    @inline(__always)
    private static func stripSuffixes(_ word: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Range<Int> {
        var end = word.endIndex
        for (first, second) in suffixes {
            if let second {
                if end - start >= 2 + 2, word[end - 2].value == first, word[end - 1].value == second { end -= 2 }
            } else if end - start >= 1 + 2, word[end - 1].value == first {
                end -= 1
            }
        }
        return start..<end
    }
}
