import IsnadIndex
import IsnadText

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
    }

    package init(analyzer: Analyzer, limit: Int = 1 << 17) {
        self.analyzer = analyzer
        self.limit = limit
    }

    /// The tokens of `text` (as `analyzer.tokens(in:)` gives them) and each
    /// token's form as UTF-8 bytes, the key the lexicons are looked up by.
    package mutating func read(_ text: String) -> (tokens: [Token], keys: [[UInt8]]) {
        var text = text
        var tokens: [Token] = []
        var keys: [[UInt8]] = []
        let plain = text.withUTF8 { bytes in
            guard Analyzer.plainSurfaces(in: bytes, into: &ranges) else { return false }
            if surfaces.count > limit { forget() }
            tokens.reserveCapacity(ranges.count)
            keys.reserveCapacity(ranges.count)
            for range in ranges {
                let surface = UnsafeBufferPointer(rebasing: bytes[range])
                let (n, isNew) = surfaces.number(surface)
                if isNew { analyse(surface) }
                for k in starts[n]..<starts[n + 1] {
                    var token = words[k].token
                    token.range = (token.range.lowerBound + range.lowerBound)..<(token.range.upperBound + range.lowerBound)
                    tokens.append(token)
                    keys.append(words[k].key)
                }
            }
            return true
        }
        if plain { return (tokens, keys) }
        tokens = analyzer.tokens(in: text)
        return (tokens, tokens.map { Array($0.form.utf8) })
    }

    private mutating func analyse(_ surface: UnsafeBufferPointer<UInt8>) {
        analyzer.forEachToken(in: String(decoding: surface, as: UTF8.self)) { token in
            words.append(Word(token: token, key: Array(token.form.utf8)))
        }
        starts.append(words.count)
    }

    private mutating func forget() {
        surfaces = ByteKeys(capacity: 1 << 13)
        starts = [0]
        words.removeAll(keepingCapacity: true)
    }
}
