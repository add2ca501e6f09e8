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
        normalizer.words(in: text) { word, range in
            let form = makeString(word)
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
                let term = stem.count == word.count ? form : makeString(UnsafeBufferPointer(rebasing: word[stem]))
                body(Token(term: term, form: form, range: range))
            case .latin:
                let stem = EnglishStemmer.stem(word)
                let term = stem.elementsEqual(word) ? form : stem.withUnsafeBufferPointer { makeString($0) }
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

/// Builds a String from code points by encoding them straight into the
/// String's storage (no storage at all for the short words that fit inline).
@inline(__always)
private func makeString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
    // The exact length, so that words of up to 15 bytes stay inline.
    var length = 0
    for scalar in scalars {
        let v = scalar.value
        length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }
    return String(unsafeUninitializedCapacity: length) { buffer in
        var n = 0
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                buffer[n] = UInt8(v)
                n += 1
            } else if v < 0x800 {
                buffer[n] = UInt8(0xC0 | v >> 6)
                buffer[n + 1] = UInt8(0x80 | v & 0x3F)
                n += 2
            } else if v < 0x10000 {
                buffer[n] = UInt8(0xE0 | v >> 12)
                buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                buffer[n + 2] = UInt8(0x80 | v & 0x3F)
                n += 3
            } else {
                buffer[n] = UInt8(0xF0 | v >> 18)
                buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                buffer[n + 3] = UInt8(0x80 | v & 0x3F)
                n += 4
            }
        }
        return n
    }
}

extension Analyzer {
    /// A name as the alias table keys it: its words normalised (unstemmed
    /// with an `Analyzer(stemming: false)`), joined by one space. Used by the
    /// index when it stores aliases and by every lookup of a name.
    package func aliasForm(_ name: String) -> String {
        tokens(in: name).map(\.form).joined(separator: " ")
    }
}
