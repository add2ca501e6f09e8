/// Lucene's ArabicStemmer ("light10", Larkey, Ballesteros and Connell 2002),
/// as `../shared/tools/refanalyzer.py` specifies it: at most one prefix, the
/// first that matches, then each suffix once, in order, on the shrinking
/// word. Lengths count code points. Affixes are Arabic letters, so Latin and
/// digit tokens pass unchanged.
enum ArabicLightStemmer {
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
    static func stem(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Range<Int> {
        var start = word.startIndex
        var end = word.endIndex
        let n = end - start
        // Prefixes in order, the first that matches: ال وال بال كال فال لل و.
        if n >= 2 + 2, word[start].value == alef, word[start + 1].value == lam {
            start += 2
        } else if n >= 3 + 2, word[start + 1].value == alef, word[start + 2].value == lam,
                  [waw, beh, kaf, feh].contains(word[start].value) {
            start += 3
        } else if n >= 2 + 2, word[start].value == lam, word[start + 1].value == lam {
            start += 2
        } else if n >= 4, word[start].value == waw {
            start += 1
        }
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
