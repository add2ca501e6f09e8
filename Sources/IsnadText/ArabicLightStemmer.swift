/// Lucene's ArabicStemmer ("light10", Larkey, Ballesteros and Connell 2002),
/// as `../shared/tools/refanalyzer.py` specifies it: at most one prefix, the
/// first that matches, then each suffix once, in order, on the shrinking
/// word. Lengths count code points. Affixes are Arabic letters, so Latin and
/// digit tokens pass unchanged.
enum ArabicLightStemmer {
    private static let prefixes: [[Unicode.Scalar]] = [
        "\u{627}\u{644}",            // ال
        "\u{648}\u{627}\u{644}",     // وال
        "\u{628}\u{627}\u{644}",     // بال
        "\u{643}\u{627}\u{644}",     // كال
        "\u{641}\u{627}\u{644}",     // فال
        "\u{644}\u{644}",            // لل
        "\u{648}",                   // و
    ].map { Array($0.unicodeScalars) }

    private static let suffixes: [[Unicode.Scalar]] = [
        "\u{647}\u{627}",            // ها
        "\u{627}\u{646}",            // ان
        "\u{627}\u{62A}",            // ات
        "\u{648}\u{646}",            // ون
        "\u{64A}\u{646}",            // ين
        "\u{64A}\u{647}",            // يه
        "\u{64A}\u{629}",            // ية (cannot match after folding; kept as Lucene has it)
        "\u{647}",                   // ه
        "\u{629}",                   // ة (likewise)
        "\u{64A}",                   // ي
    ].map { Array($0.unicodeScalars) }

    /// The stem of `word` as a range of its indices.
    static func stem(_ word: ArraySlice<Unicode.Scalar>) -> Range<Int> {
        var start = word.startIndex
        var end = word.endIndex
        for prefix in prefixes {
            let n = end - start
            if prefix.count == 1 ? n < 4 : n < prefix.count + 2 { continue }
            if word[start..<(start + prefix.count)].elementsEqual(prefix) {
                start += prefix.count
                break
            }
        }
        for suffix in suffixes {
            if end - start >= suffix.count + 2, word[(end - suffix.count)..<end].elementsEqual(suffix) {
                end -= suffix.count
            }
        }
        return start..<end
    }
}
