import IsnadText
import IsnadVocabulary

/// The tokens of article after article as the extractor reads them, with
/// each plain surface (``Analyzer/plainSurfaces(in:into:)``) analysed once
/// and its tokens and lexicon keys reused wherever it recurs.
///
/// News text says the same words over and over (قال, الخارجية, the names
/// of the day); normalising each occurrence and building its strings was the
/// largest single cost of extraction. A text with a character that is not
/// plain is analysed whole, as before. One per worker: it is not shared, and
/// it forgets what it has met when it grows past `limit` surfaces.
package struct ArticleWords {
    private let analyzer: Analyzer
    /// What each word may start (``WordFlags``), worked out once per
    /// distinct word.
    private let flagsOf: ([UInt8]) -> WordFlags
    private var surfaces = ByteKeys(capacity: 1 << 13)
    /// Per surface number n, its words from `starts[n]` to `starts[n + 1]`.
    private var starts: [Int] = [0]
    private var words: [Word] = []
    private var ranges: [Range<Int>] = []
    private let limit: Int

    /// A token of a surface, its range counted from the surface's start.
    private struct Word {
        let token: Token
        let key: [UInt8]
        let flags: WordFlags
    }

    /// Without `flags`, every word may start anything (nothing is skipped).
    package init(analyzer: Analyzer, limit: Int = 1 << 17, flags: @escaping ([UInt8]) -> WordFlags = { _ in .all }) {
        self.analyzer = analyzer
        self.limit = limit
        self.flagsOf = flags
    }

    /// The tokens of `text` (as `analyzer.tokens(in:)` gives them), each
    /// token's form as UTF-8 bytes (the key the lexicons are looked up by)
    /// and what each may start.
    package mutating func read(_ text: String) -> (tokens: [Token], keys: [[UInt8]], flags: [WordFlags]) {
        var text = text
        var tokens: [Token] = []
        var keys: [[UInt8]] = []
        var flags: [WordFlags] = []
        let plain = text.withUTF8 { bytes in
            guard Analyzer.plainSurfaces(in: bytes, into: &ranges) else { return false }
            if surfaces.count > limit { forget() }
            tokens.reserveCapacity(ranges.count)
            keys.reserveCapacity(ranges.count)
            flags.reserveCapacity(ranges.count)
            for range in ranges {
                let surface = UnsafeBufferPointer(rebasing: bytes[range])
                let (n, isNew) = surfaces.number(surface)
                if isNew { analyse(surface) }
                for k in starts[n]..<starts[n + 1] {
                    var token = words[k].token
                    token.range = (token.range.lowerBound + range.lowerBound)..<(token.range.upperBound + range.lowerBound)
                    tokens.append(token)
                    keys.append(words[k].key)
                    flags.append(words[k].flags)
                }
            }
            return true
        }
        if plain { return (tokens, keys, flags) }
        tokens = analyzer.tokens(in: text)
        keys = tokens.map { Array($0.form.utf8) }
        return (tokens, keys, keys.map(flagsOf))
    }

    /// The byte ranges of `tokens`, read through a buffer: an indexed
    /// array of tokens hands out a copy of each, its two strings retained.
    package static func ranges(of tokens: [Token]) -> [Range<Int>] {
        tokens.withUnsafeBufferPointer { tokens in
            var out: [Range<Int>] = []
            out.reserveCapacity(tokens.count)
            for k in tokens.indices { out.append(tokens[k].range) }
            return out
        }
    }

    private mutating func analyse(_ surface: UnsafeBufferPointer<UInt8>) {
        analyzer.forEachToken(in: String(decoding: surface, as: UTF8.self)) { token in
            let key = Array(token.form.utf8)
            words.append(Word(token: token, key: key, flags: flagsOf(key)))
        }
        starts.append(words.count)
    }

    private mutating func forget() {
        surfaces = ByteKeys(capacity: 1 << 13)
        starts = [0]
        words.removeAll(keepingCapacity: true)
    }
}

/// What a word may start, as far as the word alone tells: most words start
/// nothing, and the lexicon lookups that find so (a name's first word under
/// each of its clitic-stripped forms, a date word, a cue) were a sixth of
/// extraction when made at every occurrence. A flag that is set says only
/// that the lookups must be made.
package struct WordFlags: OptionSet, Sendable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A clitic-stripped form starts a gazetteer name or is a nisba.
    static let name = WordFlags(rawValue: 1)
    /// The form without و, ف or ب starts a date expression.
    static let date = WordFlags(rawValue: 2)
    /// The form, without its conjunction or an object pronoun, is a cue
    /// verb or starts a cue phrase.
    static let cue = WordFlags(rawValue: 4)
    /// The word, by its stem, or its form, or it without و, ف or ب,
    /// starting a phrase, may say something of stance (``StanceLexicon``).
    static let phrase = WordFlags(rawValue: 8)
    /// Without و, ف or ب, the word may say "later" (``Extractor/laterKeys``).
    static let later = WordFlags(rawValue: 16)
    /// Without و, ف or ب, the word may cite a source (``Extractor/citationWords``).
    static let citation = WordFlags(rawValue: 32)
    /// The word may be a role or title word (``Extractor/isRole(_:)``)…
    static let role = WordFlags(rawValue: 64)
    /// …may head an institution's name (``Extractor/isOrgHead(_:)``)…
    static let orgHead = WordFlags(rawValue: 128)
    /// …or may be a noun or participle of saying (``Extractor/isSaying(_:)``).
    static let saying = WordFlags(rawValue: 256)
    /// The word is a participle or noun of saying (``Extractor/participle(_:)``).
    static let participle = WordFlags(rawValue: 512)
    package static let all: WordFlags = [
        .name, .date, .cue, .phrase, .later, .citation, .role, .orgHead, .saying, .participle,
    ]
}

extension Extractor {
    /// ``WordFlags`` of a word's key with this extractor's gazetteer.
    func flags(of key: [UInt8]) -> WordFlags {
        var flags: WordFlags = []
        key.withUnsafeBufferPointer { key in
            if gazetteer.mayStartName(key) { flags.insert(.name) }
            if Cue.mayStart(key) { flags.insert(.cue) }
        }
        let stripped = DateFinder.strippedSlice(key)
        if DateFinder.dateWords.contains(stripped) { flags.insert(.date) }
        if Extractor.laterKeys.contains(stripped) { flags.insert(.later) }
        if Extractor.citationWords.contains(stripped) { flags.insert(.citation) }
        if StanceLexicon.mayMatter(key) { flags.insert(.phrase) }
        if Extractor.isRole(key) { flags.insert(.role) }
        if Extractor.isOrgHead(key) { flags.insert(.orgHead) }
        if Extractor.isSaying(key) { flags.insert(.saying) }
        if Extractor.participle(key) != nil { flags.insert(.participle) }
        return flags
    }
}
