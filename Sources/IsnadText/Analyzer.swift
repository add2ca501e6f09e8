/// Turns text into tokens for the index and the query language.
///
/// - `Analyzer(language: .arabic)` equals `../shared/tools/refanalyzer.py`
///   token for token: its normalisation and tokenisation, then light10.
/// - `Analyzer(language: .english)` normalises the same way, keeps an
///   apostrophe between Latin letters inside the word (`kirby's`, `don't`),
///   and stems with Snowball's English stemmer, which drops possessive `'s`.
/// - `Analyzer()` (no language) routes each word by its own script: words
///   with Arabic letters get light10, Latin words the English stemmer, other
///   scripts and numbers pass through normalised. The index and the query
///   language use this, so `صواريخ` and `missiles` each meet their analyzer
///   wherever they occur.
///
/// Every token keeps the UTF-8 byte range of its surface form in the original.
package struct Analyzer: Sendable {
    /// The language every word is analysed as; nil routes each word by its script.
    package var language: Language?
    package var stemming: Bool

    package init(language: Language? = nil, stemming: Bool = true) {
        self.language = language
        self.stemming = stemming
    }

    /// Calls `body` for each token of `text`, in order.
    package func forEachToken(in text: String, _ body: (Token) -> Void) {
        var normalizer = Normalizer(joinsApostrophes: language != .arabic)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(256)
        normalizer.words(in: text) { word, range in
            let form = makeString(word, &utf8)
            guard stemming else {
                body(Token(term: form, form: form, range: range))
                return
            }
            let script: Script
            switch language {
            case .arabic: script = .arabic
            case .english: script = .latin
            case nil: script = Script.of(word)
            }
            switch script {
            case .arabic:
                let stem = ArabicLightStemmer.stem(word)
                let term = stem.count == word.count ? form : makeString(word[stem], &utf8)
                body(Token(term: term, form: form, range: range))
            case .latin:
                let stem = EnglishStemmer.stem(word)
                let term = stem.elementsEqual(word) ? form : makeString(stem[...], &utf8)
                body(Token(term: term, form: form, range: range))
            case .other:
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

/// Builds a String from code points through a reused UTF-8 buffer, which is
/// several times faster than going through `String.UnicodeScalarView`.
@inline(__always)
private func makeString(_ scalars: ArraySlice<Unicode.Scalar>, _ buffer: inout [UInt8]) -> String {
    buffer.removeAll(keepingCapacity: true)
    for scalar in scalars {
        let v = scalar.value
        if v < 0x80 {
            buffer.append(UInt8(v))
        } else if v < 0x800 {
            buffer.append(UInt8(0xC0 | v >> 6))
            buffer.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            buffer.append(UInt8(0xE0 | v >> 12))
            buffer.append(UInt8(0x80 | v >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | v & 0x3F))
        } else {
            buffer.append(UInt8(0xF0 | v >> 18))
            buffer.append(UInt8(0x80 | v >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | v >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | v & 0x3F))
        }
    }
    return String(decoding: buffer, as: UTF8.self)
}
