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
        var utf8: [UInt8] = []
        utf8.reserveCapacity(256)
        normalizer.words(in: text) { word, range in
            let form = makeString(word, &utf8)
            if stemming {
                let stem = ArabicLightStemmer.stem(word)
                let term = stem.count == word.count ? form : makeString(word[stem], &utf8)
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
