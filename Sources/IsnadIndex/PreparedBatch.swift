import Foundation
import IsnadText

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
        entities = Self.lastOfEach(batch.entities) { $0.name }
        articles = Self.lastOfEach(batch.articles) { $0.key }
        statements = Self.lastOfEach(batch.statements) { $0.id }
        removedStatements = batch.removedStatements
        entityBytes = entities.map { $0.storedJSON() }
        articleBytes = articles.map { $0.storedJSON() }
        var words = BatchWords()
        let analyzer = Analyzer()
        articleWords = articles.map { words.append([$0.title ?? "", $0.text], positions: false, analyzer: analyzer) }
        // Through a buffer: a key path or an indexed array copies each
        // record (and retains its strings) on the way.
        var parts: [StatementRecord.StoredParts] = []
        var starts: [Int] = []
        parts.reserveCapacity(statements.count)
        starts.reserveCapacity(statements.count)
        statements.withUnsafeBufferPointer { records in
            for k in records.indices {
                parts.append(records[k].storedParts)
                starts.append(words.append(CollectionOfOne(records[k].quote), positions: true, analyzer: analyzer))
                _ = words.append(CollectionOfOne(records[k].sentence ?? ""), positions: true, analyzer: analyzer)
            }
        }
        statementParts = parts
        statementWords = starts
        self.words = words
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

    /// Analyses `texts` as one entry; returns where it starts.
    mutating func append(_ texts: some Sequence<String>, positions: Bool, analyzer: Analyzer) -> Int {
        let start = stream.count
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
        }
        for var text in texts where !text.isEmpty {
            var position: UInt64 = 0
            let plain = text.withUTF8 { bytes in
                guard Analyzer.plainSurfaces(in: bytes, into: &ranges) else { return false }
                for range in ranges {
                    let (n, isNew) = surfaces.number(UnsafeBufferPointer(rebasing: bytes[range]))
                    if isNew { analyse(surface: UnsafeBufferPointer(rebasing: bytes[range]), analyzer: analyzer) }
                    for k in surfaceStarts[n]..<surfaceStarts[n + 1] {
                        hit(surfaceWords[k], position: position)
                        position += 1
                    }
                }
                return true
            }
            if plain { continue }
            for word in numberedWords(of: text, analyzer: analyzer) {
                hit(word, position: position)
                position += 1
            }
        }
        stream.append(UInt32(terms.count))
        if positions {
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
        return start
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
