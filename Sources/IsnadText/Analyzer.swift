/// Turns text into tokens for the index and the query language.
///
/// The Arabic analyzer equals `../shared/tools/refanalyzer.py` token for
/// token: the same normalisation and tokenisation, then light10 stemming.
/// Every token keeps the byte range of its surface form in the original.
package struct Analyzer: Sendable {
    package var stemming: Bool

    package init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// Calls `body` for each token of `text`, in order.
    package func forEachToken(in text: String, _ body: (Token) -> Void) {
        var normalizer = Normalizer()
        normalizer.words(in: text) { word, range in
            let form = String(String.UnicodeScalarView(word))
            if stemming {
                let stem = ArabicLightStemmer.stem(word)
                let term = stem.count == word.count ? form : String(String.UnicodeScalarView(word[stem]))
                body(Token(term: term, form: form, range: range))
            } else {
                body(Token(term: form, form: form, range: range))
            }
        }
    }

    /// The tokens of `text`, in order.
    package func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        forEachToken(in: text) { out.append($0) }
        return out
    }
}
