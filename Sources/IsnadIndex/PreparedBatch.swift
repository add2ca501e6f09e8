import Foundation
import IsnadText
import IsnadVocabulary

/// A batch made ready for its write transaction: one record per id (the
/// last one given wins), records encoded as stored, and every text analysed
/// into words. None of it needs the store, so an import prepares the next
/// batch on another thread while the current one is written (``Importer``).
package struct PreparedBatch: Sendable {
    let entities: [EntityRecord]
    let entityBytes: [Data]
    let articles: [ArticleRecord]
    let articleBytes: [Data]
    /// Per article, where its entry starts in `words`.
    let articleWords: [Int]
    let statements: [StatementRecord]
    let statementParts: [StatementRecord.StoredParts]
    /// Per statement, where its quote's entry starts in `words` (its
    /// sentence's follows).
    let statementWords: [Int]
    let removedStatements: [String]
    let words: BatchWords

    package init(_ batch: ImportBatch) {
        let articles = Self.lastOfEach(batch.articles) { $0.key }
        let statements = Self.lastOfEach(batch.statements) { $0.id }
        entities = Self.lastOfEach(batch.entities) { $0.name }
        self.articles = articles
        self.statements = statements
        removedStatements = batch.removedStatements
        entityBytes = entities.map { $0.storedJSON() }
        articleBytes = articles.map { $0.storedJSON() }
        var words = BatchWords()
        let analyzer = Analyzer()
        // Each article's statements right after it: their quotes and
        // sentences are parts of its text, whose words its entry has just
        // read (``BatchWords/append(part:within:of:analyzer:)``).
        var place: [String: Int] = [:]
        place.reserveCapacity(articles.count)
        for (a, article) in articles.enumerated() { place[article.key] = a }
        var statementsOf = [[Int]](repeating: [], count: articles.count)
        var others: [Int] = []
        for k in statements.indices {
            if statements[k].spans != nil, let a = place[statements[k].doc] { statementsOf[a].append(k) } else { others.append(k) }
        }
        var articleStarts: [Int] = []
        var starts = [Int](repeating: 0, count: statements.count)
        articleStarts.reserveCapacity(articles.count)
        // Through a buffer: a key path or an indexed array copies each
        // record (and retains its strings) on the way.
        statements.withUnsafeBufferPointer { records in
            for (a, article) in articles.enumerated() {
                articleStarts.append(words.appendArticle(title: article.title ?? "", text: article.text, analyzer: analyzer))
                for k in statementsOf[a] {
                    let spans = records[k].spans
                    starts[k] = words.append(
                        part: records[k].quote, within: spans?.quote.flatMap(Self.range),
                        of: article.text, analyzer: analyzer)
                    _ = words.append(
                        part: records[k].sentence ?? "", within: spans.flatMap { Self.range($0.sentence) },
                        of: article.text, analyzer: analyzer)
                }
            }
            for k in others {
                starts[k] = words.append(CollectionOfOne(records[k].quote), positions: true, analyzer: analyzer)
                _ = words.append(CollectionOfOne(records[k].sentence ?? ""), positions: true, analyzer: analyzer)
            }
        }
        articleWords = articleStarts
        var parts: [StatementRecord.StoredParts] = []
        parts.reserveCapacity(statements.count)
        statements.withUnsafeBufferPointer { records in
            for k in records.indices { parts.append(records[k].storedParts) }
        }
        statementParts = parts
        statementWords = starts
        self.words = words
    }

    /// A stored span (`[start, end]`) as a range, when it is one.
    private static func range(_ span: [Int]) -> Range<Int>? {
        span.count == 2 && span[0] >= 0 && span[0] <= span[1] ? span[0]..<span[1] : nil
    }

    private static func lastOfEach<T>(_ records: [T], key: (T) -> String) -> [T] {
        // Ids numbered as bytes (no SipHash): most batches repeat none.
        var ids = ByteKeys()
        var last: [Int] = []
        last.reserveCapacity(records.count)
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                var id = key(records[i])
                let (n, isNew) = id.withUTF8 { ids.number($0) }
                if isNew { last.append(i) } else { last[n] = i }
            }
        }
        guard last.count < records.count else { return records }
        return last.sorted().map { records[$0] }
    }
}

/// The words of a batch's texts, as the writer indexes them.
///
/// Every word (stem or form) gets a number within the batch; each entry
/// (one text, or an article's title and body together) is a run of
/// `UInt32`s in `stream`:
///
///     term count, then per distinct term: word, n, n positions
///     form count, then each distinct form's word
///
/// Terms come in the order the entry first uses them, each one's positions
/// ascending; `n` is 0 when positions are not kept (articles).
struct BatchWords: Sendable {
    private(set) var words = ByteKeys()
    private(set) var stream: [UInt32] = []
    /// Per word, the last entry that listed it as a form, and as a term.
    private var formSeen: [UInt32] = []
    private var termSeen: [UInt32] = []
    /// Per term of the entry being analysed, its number of positions; then
    /// where its next position goes in `stream`. Grouping the positions by
    /// counting, not by sorting the hits, was a tenth of preparing a batch.
    private var termCount: [UInt32] = []
    private var entry: UInt32 = 0
    private var keepsPositions = false
    /// (term << 32 | position) per token of the entry being analysed, when
    /// positions are kept.
    private var hits: [UInt64] = []
    private var terms: [UInt32] = []
    private var forms: [UInt32] = []
    /// The analysis of each plain surface met (``Analyzer/plainSurfaces(in:into:)``):
    /// a batch of quotes has millions of words but tens of thousands of
    /// distinct ones, and normalising and stemming each word was half of
    /// preparing a batch. Per surface number, its words in `surfaceWords`
    /// from `surfaceStarts[n]` to `surfaceStarts[n + 1]`: term << 32 | form,
    /// or `tooLong`.
    private var surfaces = ByteKeys()
    private var surfaceStarts: [Int] = [0]
    private var surfaceWords: [UInt64] = []
    /// The analyzer the surfaces were analysed with.
    private var surfaceAnalyzer: Analyzer?
    private var ranges: [Range<Int>] = []
    private static let tooLong = UInt64.max

    /// The surfaces of the text last read by ``appendArticle(title:text:analyzer:)``
    /// (byte ranges and surface numbers), when it was plain.
    private var text: String?
    private var textRanges: [Range<Int>] = []
    private var textSurfaces: [Int] = []

    /// Analyses `texts` as one entry; returns where it starts.
    mutating func append(_ texts: some Sequence<String>, positions: Bool, analyzer: Analyzer) -> Int {
        let start = begin(positions: positions, analyzer: analyzer)
        var position: UInt64 = 0
        for text in texts { add(text, analyzer: analyzer, position: &position, remembering: false) }
        finish()
        return start
    }

    /// An article's entry (its title and text, without positions); the
    /// text's surfaces are kept for the entries of its parts.
    mutating func appendArticle(title: String, text: String, analyzer: Analyzer) -> Int {
        let start = begin(positions: false, analyzer: analyzer)
        var position: UInt64 = 0
        add(title, analyzer: analyzer, position: &position, remembering: false)
        position = 0
        add(text, analyzer: analyzer, position: &position, remembering: true)
        finish()
        return start
    }

    /// The entry, with positions, of `part`, a quote or sentence that
    /// lies within `span` of `text`, the text of the last article entered
    /// (``appendArticle(title:text:analyzer:)``).
    ///
    /// Where its bytes are found there and begin and end between surfaces,
    /// its words are the surfaces' words already numbered (a plain surface
    /// reads the same wherever it stands; see ``Analyzer/plainSurfaces(in:into:)``),
    /// and the part is neither scanned nor looked up again: analysing each
    /// statement's quote and sentence was a tenth of preparing a batch.
    /// Otherwise it is analysed as any text.
    mutating func append(part: String, within span: Range<Int>?, of text: String, analyzer: Analyzer) -> Int {
        guard let span, !part.isEmpty, surfaceAnalyzer == analyzer, let known = self.text, known == text,
            let (first, end) = Self.surfaces(of: part, within: span, in: text, ranges: textRanges)
        else { return append(CollectionOfOne(part), positions: true, analyzer: analyzer) }
        let start = begin(positions: true, analyzer: analyzer)
        var position: UInt64 = 0
        for s in first..<end {
            let n = textSurfaces[s]
            for k in surfaceStarts[n]..<surfaceStarts[n + 1] {
                hit(surfaceWords[k], position: position)
                position += 1
            }
        }
        finish()
        return start
    }

    /// The surfaces (of `ranges`, those of `text`) that make up `part`,
    /// found at its first place within `span`: none may stick out of it.
    /// (Static: a method on `self` here copied the whole struct per call.)
    private static func surfaces(
        of part: String, within span: Range<Int>, in text: String,
        ranges textRanges: [Range<Int>]
    ) -> (Int, Int)? {
        var part = part
        var text = text
        return text.withUTF8 { t -> (Int, Int)? in
            part.withUTF8 { p -> (Int, Int)? in
                let span = span.clamped(to: 0..<t.count)
                guard p.count <= span.count, let base = t.baseAddress, let needle = p.baseAddress else { return nil }
                // Trimming takes a few spaces or marks off the span's ends:
                // the part is found within a few bytes of its start.
                var at = span.lowerBound
                while at + p.count <= span.upperBound {
                    if t[at] == p[0], memcmp(base + at, needle, p.count) == 0 { break }
                    at += 1
                }
                guard at + p.count <= span.upperBound else { return nil }
                let end = at + p.count
                // The first surface ending after the part starts, and the
                // first starting at or after its end.
                let first = textRanges.partitionPoint { $0.upperBound <= at }
                let last = textRanges.partitionPoint { $0.lowerBound < end }
                guard first == last || (textRanges[first].lowerBound >= at && textRanges[last - 1].upperBound <= end) else {
                    return nil
                }
                return (first, last)
            }
        }
    }

    /// Starts an entry; returns where it starts.
    private mutating func begin(positions: Bool, analyzer: Analyzer) -> Int {
        entry &+= 1
        keepsPositions = positions
        hits.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        forms.removeAll(keepingCapacity: true)
        if surfaceAnalyzer != analyzer {
            surfaces = ByteKeys()
            surfaceStarts = [0]
            surfaceWords = []
            surfaceAnalyzer = analyzer
            text = nil
        }
        return stream.count
    }

    /// The words of `text` into the entry, from `position` on; with
    /// `remembering`, its surfaces are kept (``append(part:within:of:analyzer:)``).
    private mutating func add(_ text: String, analyzer: Analyzer, position: inout UInt64, remembering: Bool) {
        if remembering {
            self.text = nil
            textRanges.removeAll(keepingCapacity: true)
            textSurfaces.removeAll(keepingCapacity: true)
        }
        guard !text.isEmpty else { return }
        var bytes = text
        let plain = bytes.withUTF8 { bytes in
            guard Analyzer.plainSurfaces(in: bytes, into: &ranges) else { return false }
            for range in ranges {
                let (n, isNew) = surfaces.number(UnsafeBufferPointer(rebasing: bytes[range]))
                if isNew { analyse(surface: UnsafeBufferPointer(rebasing: bytes[range]), analyzer: analyzer) }
                if remembering { textSurfaces.append(n) }
                for k in surfaceStarts[n]..<surfaceStarts[n + 1] {
                    hit(surfaceWords[k], position: position)
                    position += 1
                }
            }
            return true
        }
        if plain {
            if remembering {
                self.text = text
                textRanges = ranges
            }
            return
        }
        for word in numberedWords(of: text, analyzer: analyzer) {
            hit(word, position: position)
            position += 1
        }
    }

    /// Writes the entry begun last into `stream`.
    private mutating func finish() {
        stream.append(UInt32(terms.count))
        if keepsPositions {
            // Each term's word and count, then room for its positions.
            let base = stream.count
            stream.append(contentsOf: repeatElement(0, count: 2 * terms.count + hits.count))
            stream.withUnsafeMutableBufferPointer { stream in
                termCount.withUnsafeMutableBufferPointer { next in
                    var at = base
                    for term in terms {
                        let n = next[Int(term)]
                        stream[at] = term
                        stream[at + 1] = n
                        next[Int(term)] = UInt32(at + 2)
                        at += 2 + Int(n)
                    }
                    for hit in hits {
                        let term = Int(hit >> 32)
                        stream[Int(next[term])] = UInt32(truncatingIfNeeded: hit)
                        next[term] += 1
                    }
                }
            }
        } else {
            for term in terms {
                stream.append(term)
                stream.append(0)
            }
        }
        stream.append(UInt32(forms.count))
        stream.append(contentsOf: forms)
    }

    /// The distinct terms and forms of the entry at `start`, as word
    /// numbers (``ByteKeys/key(_:)`` gives their bytes).
    func entry(at start: Int) -> (terms: [Int], forms: [Int]) {
        var i = start
        var terms: [Int] = []
        for _ in 0..<Int(stream[i]) {
            terms.append(Int(stream[i + 1]))
            i += 2 + Int(stream[i + 2])
        }
        i += 1
        let forms = stream[(i + 1)..<(i + 1 + Int(stream[i]))].map { Int($0) }
        return (terms, forms)
    }

    /// Records a numbered word (``numberedWords(of:analyzer:)``) at `position`.
    @inline(__always)
    private mutating func hit(_ word: UInt64, position: UInt64) {
        guard word != Self.tooLong else { return }
        let term = Int(word >> 32)
        if termSeen[term] != entry {
            termSeen[term] = entry
            termCount[term] = 0
            terms.append(UInt32(term))
        }
        if keepsPositions {
            termCount[term] += 1
            hits.append(word & 0xFFFF_FFFF_0000_0000 | position)  // the term, high
        }
        let form = Int(word & 0xFFFF_FFFF)
        if formSeen[form] != entry {
            formSeen[form] = entry
            forms.append(UInt32(form))
        }
    }

    /// Analyses a surface met for the first time, numbering its words.
    private mutating func analyse(surface: UnsafeBufferPointer<UInt8>, analyzer: Analyzer) {
        surfaceWords += numberedWords(of: String(decoding: surface, as: UTF8.self), analyzer: analyzer)
        surfaceStarts.append(surfaceWords.count)
    }

    /// The words of `text`, numbered: `term << 32 | form` each, or
    /// `tooLong` for one too long to index (it still takes a position).
    private mutating func numberedWords(of text: String, analyzer: Analyzer) -> [UInt64] {
        var out: [UInt64] = []
        analyzer.forEachWord(in: text) { termBytes, formBytes in
            guard formBytes.count <= IndexKey.longestWord else { return out.append(Self.tooLong) }
            let form = number(formBytes)
            let term = termBytes.baseAddress == formBytes.baseAddress ? form : number(termBytes)
            out.append(UInt64(term) << 32 | UInt64(form))
        }
        return out
    }

    private mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let (n, isNew) = words.number(word)
        if isNew {
            formSeen.append(0)
            termSeen.append(0)
            termCount.append(0)
        }
        return n
    }
}
