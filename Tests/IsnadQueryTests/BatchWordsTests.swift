import IsnadText
import SyntheticCorpus
import Testing

@testable import IsnadIndex

/// A quote's or sentence's entry read from its article's surfaces must be
/// the entry of the same text analysed on its own.
@Suite struct BatchWordsTests {
    /// An entry as comparable values: each term's bytes with its positions,
    /// and the forms' bytes.
    static func entry(_ words: BatchWords, at start: Int) -> (terms: [[UInt8]: [UInt32]], forms: Set<[UInt8]>) {
        let stream = words.stream
        var i = start
        var terms: [[UInt8]: [UInt32]] = [:]
        for _ in 0..<Int(stream[i]) {
            let n = Int(stream[i + 2])
            terms[words.words.key(Int(stream[i + 1]))] = Array(stream[(i + 3)..<(i + 3 + n)])
            i += 2 + n
        }
        i += 1
        let forms = Set(stream[(i + 1)..<(i + 1 + Int(stream[i]))].map { words.words.key(Int($0)) })
        return (terms, forms)
    }

    @Test func partsReadAsTheirOwnText() {
        let pieces = [
            "قال", " ", "الصواريخ", "«", "»", "“", "”", "،", ".", "إيران", "مسيّرة", "Kirby", "don't", "42", "\n",
            "ـ", "\u{64E}", "’", "—", String(repeating: "س", count: 70),
        ]
        var random = SeededGenerator(state: 3)
        let analyzer = Analyzer()
        var parts = 0
        for round in 0..<400 {
            var text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if round % 20 == 0 { text += "é" }  // not plain: every part is analysed
            let utf8 = Array(text.utf8)
            // Parts at scalar boundaries, inside spans a little wider.
            let cuts = text.unicodeScalars.indices.map { text.utf8.distance(from: text.startIndex, to: $0) } + [utf8.count]
            var words = BatchWords()
            _ = words.appendArticle(title: "عنوان", text: text, analyzer: analyzer)
            var alone = BatchWords()
            for _ in 0..<6 {
                let a = cuts.randomElement(using: &random)!
                let b = cuts.randomElement(using: &random)!
                let range = min(a, b)..<max(a, b)
                let part = String(decoding: utf8[range], as: UTF8.self)
                let span = max(0, range.lowerBound - Int.random(in: 0...3, using: &random))..<min(utf8.count, range.upperBound + 2)
                let before = words.stream.count
                let start = words.append(part: part, within: span, of: text, analyzer: analyzer)
                #expect(start == before)
                let expected = alone.append(CollectionOfOne(part), positions: true, analyzer: analyzer)
                let got = Self.entry(words, at: start)
                let want = Self.entry(alone, at: expected)
                #expect(got.terms == want.terms && got.forms == want.forms, "\(text) [\(range)]")
                parts += 1
            }
        }
        #expect(parts == 2_400)
    }
}
