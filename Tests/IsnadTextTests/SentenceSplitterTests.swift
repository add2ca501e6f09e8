import Foundation
import SyntheticCorpus
import Testing

@testable import IsnadText

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.sentences(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    private static func seeds() throws -> [(name: String, text: String)] {
        let folder = SharedFolder.corpus.appendingPathComponent("seeds")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The byte ranges of quotations in `text`, found independently of the
    /// splitter: paired “…”, «…» and "…" within a paragraph.
    private static func quotations(in text: String) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var offset = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(paragraph.utf8)
            for (open, close) in [("\u{201C}", "\u{201D}"), ("\u{AB}", "\u{BB}"), ("\"", "\"")] {
                let o = Array(open.utf8)
                let c = Array(close.utf8)
                var i = 0
                while let start = find(o, in: bytes, from: i), let end = find(c, in: bytes, from: start + o.count) {
                    found.append((offset + start)..<(offset + end + c.count))
                    i = end + c.count
                }
            }
            offset += bytes.count + 1
        }
        return found
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        return (from...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test(.enabled(if: SharedFolder.hasCorpus, Comment(rawValue: SharedFolder.corpusMissing)))
    func everyQuotationOfTheSeedArticlesStaysInOneSentence() throws {
        var quotations = 0
        for (name, text) in try Self.seeds() {
            let ranges = SentenceSplitter.sentences(in: text)
            #expect(ranges.count > 10, "\(name)")
            for quote in Self.quotations(in: text) {
                quotations += 1
                let holder = ranges.first { $0.contains(quote.lowerBound) }
                #expect(
                    holder.map { $0.upperBound >= quote.upperBound } == true,
                    "\(name): quotation at \(quote) is cut: \(String(decoding: Array(text.utf8)[quote], as: UTF8.self))")
            }
        }
        #expect(quotations >= 40)
    }

    @Test(.enabled(if: SharedFolder.hasCorpus, Comment(rawValue: SharedFolder.corpusMissing)))
    func goldQuotesAndEvidenceStayInOneSentence() throws {
        let seeds = try Self.seeds()
        let gold = SharedFolder.corpus.appendingPathComponent("seeds/gold/statements.jsonl")
        struct Statement: Decodable {
            var doc: String
            var quote: String?
            var evidence: String?
        }
        var checked = 0
        for line in try String(contentsOf: gold, encoding: .utf8).split(separator: "\n") {
            let statement = try JSONDecoder().decode(Statement.self, from: Data(line.utf8))
            guard let text = seeds.first(where: { $0.name.hasPrefix(statement.doc) })?.text else { continue }
            let bytes = Array(text.utf8)
            let ranges = SentenceSplitter.sentences(in: text)
            for passage in [statement.quote, statement.evidence].compactMap({ $0 }) {
                guard let start = Self.find(Array(passage.utf8), in: bytes, from: 0) else { continue }
                checked += 1
                let end = start + passage.utf8.count
                #expect(
                    ranges.contains { $0.lowerBound <= start && end <= $0.upperBound },
                    "\(statement.doc): «\(passage)» is cut across sentences")
            }
        }
        #expect(checked >= 100)
    }

    /// On the sample corpus, generated articles and, when they are there,
    /// the annotated seed articles.
    @Test func sentencesAreOrderedTrimmedAndHoldEveryToken() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().map { name in
            (name: name, text: try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
        texts += ReferenceAnalyzer.generatedArticles(docs: 100, seed: 3).map { (name: $0.id, text: $0.text) }
        if SharedFolder.hasCorpus { texts += try Self.seeds() }
        for (name, text) in texts {
            let ranges = SentenceSplitter.sentences(in: text)
            let bytes = Array(text.utf8)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound <= b.lowerBound, "\(name)") }
            for range in ranges {
                let sentence = String(decoding: bytes[range], as: UTF8.self)
                #expect(sentence == sentence.trimmingCharacters(in: .whitespacesAndNewlines), "\(name)")
            }
            for token in Analyzer().tokens(in: text) {
                #expect(
                    ranges.contains { $0.contains(token.range.lowerBound) && token.range.upperBound <= $0.upperBound },
                    "\(name): token at \(token.range) is outside every sentence")
            }
        }
    }

    @Test func englishRules() {
        #expect(
            sentences("Mr. Kirby said the rate rose 3.5 percent. John F. Kennedy visited the U.S. in Jan. 1961. Then he left.")
                == ["Mr. Kirby said the rate rose 3.5 percent.", "John F. Kennedy visited the U.S. in Jan. 1961.", "Then he left."])
        #expect(
            sentences(#""We deny it." Then he left! Really?! "Stop!" he said. See example.com now."#)
                == [#""We deny it.""#, "Then he left!", "Really?!", #""Stop!" he said."#, "See example.com now."])
        #expect(
            sentences("The answer was no. No. 5 won. Gen. Smith (retd.) spoke.")
                == ["The answer was no.", "No. 5 won.", "Gen. Smith (retd.) spoke."])
        #expect(sentences("Is it over? yes, he said. Title line\nBody text.") == ["Is it over? yes, he said.", "Title line", "Body text."])
    }

    @Test func arabicRules() {
        #expect(
            sentences("قال د. ظريف إن النسبة 3.5 بالمئة. وأضاف: «لا. لن نفعل ذلك!» ثم غادر؟ نعم؛ غادر")
                == ["قال د. ظريف إن النسبة 3.5 بالمئة.", "وأضاف: «لا. لن نفعل ذلك!»", "ثم غادر؟", "نعم؛", "غادر"])
        #expect(sentences("وقال “لا أستطيع تأكيد ذلك. ولا نفيه”. ثم مضى.") == ["وقال “لا أستطيع تأكيد ذلك. ولا نفيه”.", "ثم مضى."])
    }

    @Test func strayQuoteMarksAndBadInput() {
        // An unclosed quotation ends at the blank line; the next paragraph splits again.
        #expect(
            sentences("He said “this never closes. Really.\n\nNext one. And another.")
                == ["He said “this never closes. Really.", "Next one.", "And another."])
        // A paragraph that ends in a full stop ends a quotation left open
        // (news reopens a quotation running over paragraphs with a mark);
        // a line broken mid-sentence keeps it.
        #expect(
            sentences("“We saw it all coming.\nA spokesman said crews would work. Police agreed.")
                == ["“We saw it all coming.", "A spokesman said crews would work.", "Police agreed."])
        #expect(sentences("He said “this goes on\nover the line.” Then more.") == ["He said “this goes on\nover the line.”", "Then more."])
        #expect(sentences("").isEmpty)
        #expect(sentences(" \n\n\t ").isEmpty)
        #expect(sentences("...!?؟.") == ["...!?؟."])
        #expect(sentences(String(repeating: "«", count: 1000) + " end.").count == 1)
        let repaired = String(decoding: [0x41, 0xFF, 0x2E, 0x20, 0x42, 0x2E], as: UTF8.self)
        #expect(sentences(repaired).count == 2)
    }
}
