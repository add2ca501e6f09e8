/// A word of a text, as the index and the query language see it.
package struct Token: Hashable, Sendable {
    /// The indexed term: the stem, or the normalised form when stemming is off.
    package var term: String
    /// The normalised but unstemmed form, for exact matching.
    package var form: String
    /// UTF-8 byte offsets of the surface form in the original text.
    package var range: Range<Int>

    package init(term: String, form: String, range: Range<Int>) {
        self.term = term
        self.form = form
        self.range = range
    }
}

extension Array where Element == String {
    /// Whether these words hold `phrase`, word for word and in order.
    package func contains(phrase: [String]) -> Bool {
        guard !phrase.isEmpty, count >= phrase.count else { return false }
        for start in 0...(count - phrase.count) where self[start] == phrase[0] {
            if self[start..<start + phrase.count].elementsEqual(phrase) { return true }
        }
        return false
    }
}
