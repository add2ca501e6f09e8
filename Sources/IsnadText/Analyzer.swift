/// Turns text into tokens for the index and the query language.
///
/// - `Analyzer(language: .arabic)` equals `../shared/tools/refanalyzer.py`
///   token for token (its normalisation and tokenisation, then light10),
///   but for the few words whose own first letters light10 takes for a
///   prefix (``ArabicLightStemmer/ownLetterStems``: `باليستية` stems as
///   `الباليستية` does); `arabicStemmer: .light10` is the reference exactly.
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
package struct Analyzer: Sendable, Equatable {
    /// The language every word is analysed as; nil routes each word by its script.
    package var language: Language?
    package var stemming: Bool
    /// How Arabic words are stemmed; `.light10` is what stores before
    /// format 7 were indexed with (their upgrade takes those stems off).
    package var arabicStemmer: ArabicLightStemmer.Variant

    package init(
        language: Language? = nil, stemming: Bool = true,
        arabicStemmer: ArabicLightStemmer.Variant = .keepingWordLetters
    ) {
        self.language = language
        self.stemming = stemming
        self.arabicStemmer = arabicStemmer
    }

    /// Calls `body` for each token of `text`, in order.
    package func forEachToken(in text: String, _ body: (Token) -> Void) {
        forEachStem(in: text) { word, stem, range in
            let form = makeString(word)
            switch stem {
            case .same: body(Token(term: form, form: form, range: range))
            case .range(let r): body(Token(term: makeString(UnsafeBufferPointer(rebasing: word[r])), form: form, range: range))
            case .scalars(let s): body(Token(term: s.withUnsafeBufferPointer { makeString($0) }, form: form, range: range))
            }
        }
    }

    /// The words of `text` as ``forEachToken(in:_:)`` gives them, as UTF-8
    /// bytes valid only during each call, with no String made per word
    /// (what the index needs: a batch of a hundred thousand quotes has
    /// millions of words). `term` is `form`, the same buffer, when
    /// stemming changed nothing.
    package func forEachWord(
        in text: String,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ form: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var formBytes = ScratchBytes()
        var termBytes = ScratchBytes()
        defer {
            formBytes.free()
            termBytes.free()
        }
        forEachStem(in: text) { word, stem, _ in
            let form = formBytes.encode(word)
            switch stem {
            case .same: body(form, form)
            case .range(let r): body(termBytes.encode(UnsafeBufferPointer(rebasing: word[r])), form)
            case .scalars(let s): body(s.withUnsafeBufferPointer { termBytes.encode($0) }, form)
            }
        }
    }

    private enum Stem {
        case same
        case range(Range<Int>)
        case scalars([Unicode.Scalar])
    }

    /// Each normalised word with its stem, routed by language or script.
    private func forEachStem(
        in text: String,
        _ body: (UnsafeBufferPointer<Unicode.Scalar>, Stem, Range<Int>) -> Void
    ) {
        var normalizer = Normalizer(joinsApostrophes: language != .arabic)
        normalizer.words(in: text) { word, range in
            guard stemming else { return body(word, .same, range) }
            let script: Script
            switch language {
            case .arabic: script = .arabic
            case .english: script = .latin
            case nil: script = Script.of(word)
            }
            switch script {
            case .arabic:
                let stem = ArabicLightStemmer.stem(word, variant: arabicStemmer)
                body(word, stem.count == word.count ? .same : .range(stem), range)
            case .latin:
                let stem = EnglishStemmer.stem(word)
                body(word, stem.elementsEqual(word) ? .same : .scalars(stem), range)
            case .other:
                body(word, .same, range)
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

/// A growable byte buffer that words are encoded into, reused word after
/// word; freed by its owner.
private struct ScratchBytes {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    mutating func encode(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<UInt8> {
        let length = utf8Length(scalars)
        if length > capacity {
            base?.deallocate()
            capacity = max(64, length * 2)
            base = .allocate(capacity: capacity)
        }
        let buffer = UnsafeMutableBufferPointer(start: base, count: length)
        let n = encodeUTF8(scalars, into: buffer)
        return UnsafeBufferPointer(start: base, count: n)
    }

    mutating func free() {
        base?.deallocate()
        base = nil
        capacity = 0
    }
}

@inline(__always)
private func utf8Length(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
    var length = 0
    for scalar in scalars {
        let v = scalar.value
        length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }
    return length
}

/// Writes the scalars as UTF-8 into `buffer`, which holds exactly
/// `utf8Length(scalars)` bytes; returns the count.
@inline(__always)
private func encodeUTF8(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
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

/// Builds a String from code points by encoding them straight into the
/// String's storage (no storage at all for the short words that fit inline).
@inline(__always)
private func makeString(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
    // The exact length, so that words of up to 15 bytes stay inline.
    String(unsafeUninitializedCapacity: utf8Length(scalars)) { encodeUTF8(scalars, into: $0) }
}

extension Analyzer {
    /// A name as the alias table keys it: its words normalised (unstemmed
    /// with an `Analyzer(stemming: false)`), joined by one space. Used by the
    /// index when it stores aliases and by every lookup of a name.
    package func aliasForm(_ name: String) -> String {
        tokens(in: name).map(\.form).joined(separator: " ")
    }
}

extension Analyzer {
    /// The byte ranges of the runs of word characters ("surfaces") of UTF-8
    /// `text`, into `ranges`, when every character of the text is plain;
    /// false (and `ranges` not to be used) when one is not.
    ///
    /// Plain: ASCII; the guillemets « », the dashes – — and the quotation
    /// marks of U+2018–201F (news text quotes with them; ’ is an apostrophe);
    /// the Arabic letters, digits (Arabic-Indic and extended)
    /// and the Arabic comma, semicolon, question mark and percent signs; the
    /// harakat and the tatweel that normalisation deletes (not U+0653–0655,
    /// which compose with the letter before). Each of these is NFKC-stable
    /// and composes with nothing, and every separator among them ends the
    /// word being built and resets the normaliser (apostrophes count as word
    /// characters: whether one joins depends only on its neighbours within
    /// the run). So each surface analysed on its own gives exactly the words
    /// it gives within the text, in order, and a caller that meets the same
    /// surfaces again and again (the words of a batch of quotes) can analyse
    /// each once. A surface may give no word (only deleted marks) or more
    /// than one (`abc'ب`).
    package static func plainSurfaces(in text: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) -> Bool {
        ranges.removeAll(keepingCapacity: true)
        var start = -1
        var i = 0
        let count = text.count
        while i < count {
            let lead = text[i]
            let isWord: Bool
            let length: Int
            if lead < 0x80 {
                length = 1
                switch lead {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27: isWord = true
                default: isWord = false
                }
            } else if lead == 0xE2 {
                // Quotation marks and dashes of U+2013–201F, the
                // normaliser's separators; ’ (U+2019) is its apostrophe.
                guard i + 2 < count, text[i + 1] == 0x80 else { return false }
                length = 3
                switch text[i + 2] {
                case 0x99: isWord = true
                case 0x93, 0x94, 0x98, 0x9A...0x9F: isWord = false
                default: return false
                }
            } else {
                guard i + 1 < count else { return false }
                let second = text[i + 1]
                length = 2
                switch (lead, second) {
                case (0xC2, 0xAB), (0xC2, 0xBB): isWord = false  // « »
                case (0xD8, 0xA1...0xBA): isWord = true  // U+0621–063A
                case (0xD8, 0x8C), (0xD8, 0x9B), (0xD8, 0x9F): isWord = false  // ، ؛ ؟
                case (0xD9, 0x80...0x92): isWord = true  // tatweel, U+0641–064A, harakat to U+0652
                case (0xD9, 0x96...0xA9): isWord = true  // harakat from U+0656, Arabic-Indic digits
                case (0xD9, 0xAA...0xAD): isWord = false  // ٪ ٫ ٬ ٭
                case (0xD9, 0xB0): isWord = true  // superscript alef (deleted)
                case (0xDB, 0xB0...0xB9): isWord = true  // extended digits
                default: return false
                }
            }
            if isWord {
                if start < 0 { start = i }
                i += length
                // The rest of a run of Arabic letters (most of a text), two
                // bytes a letter, without the cases above.
                while i + 1 < count {
                    let lead = text[i]
                    let second = text[i + 1]
                    if lead == 0xD8 {
                        guard second >= 0xA1 && second <= 0xBA else { break }
                    } else if lead == 0xD9 {
                        guard second <= 0x92 || (second >= 0x96 && second <= 0xA9) || second == 0xB0 else { break }
                        guard second >= 0x80 else { return false }
                    } else {
                        break
                    }
                    i += 2
                }
                continue
            } else if start >= 0 {
                ranges.append(start..<i)
                start = -1
            }
            i += length
        }
        if start >= 0 { ranges.append(start..<count) }
        return true
    }
}
