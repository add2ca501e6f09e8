import Foundation
import Testing
@testable import IsnadText

/// The Arabic analyzer must equal the reference token for token: with
/// `arabicStemmer: .light10`, every token; by default, every token but the
/// own-letter words (ArabicOwnLetterTests checks those).
@Suite(.serialized) struct ArabicAnalyzerReferenceTests {
    /// Compares both analyzers on `texts`; reports the first difference of
    /// each differing text with its context.
    private func compare(_ texts: [(name: String, text: String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try ReferenceAnalyzer.analyze(texts.map(\.text))
        let analyzer = Analyzer(language: .arabic, arabicStemmer: .light10)
        var differing = 0
        for ((name, text), expected) in zip(texts, reference) {
            let tokens = analyzer.tokens(in: text)
            let got = tokens.map(\.term)
            guard got != expected else { continue }
            differing += 1
            if differing > 5 { continue }
            let i = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, expected.count)
            let context: String
            if i < tokens.count {
                let bytes = Array(text.utf8)
                let range = tokens[i].range
                let from = max(0, range.lowerBound - 40), to = min(bytes.count, range.upperBound + 40)
                context = String(decoding: bytes[from..<to], as: UTF8.self)
            } else {
                context = "(end of text)"
            }
            Issue.record("""
                \(name): token \(i) differs: got \(i < got.count ? "'\(got[i])'" : "nothing"), \
                reference \(i < expected.count ? "'\(expected[i])'" : "nothing") in «\(context)»
                """, sourceLocation: sourceLocation)
        }
        #expect(differing == 0, "\(differing) of \(texts.count) texts differ", sourceLocation: sourceLocation)
    }

    @Test func seedArticles() throws {
        let folder = ReferenceAnalyzer.shared.appendingPathComponent("corpus/seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        let texts = try names.map { name in
            (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        try compare(texts)
        // Sentence by sentence and line by line too, so that offsets of
        // partial texts are exercised as well.
        try compare(texts.flatMap { name, text in
            text.split(separator: "\n").enumerated().map { ("\(name) line \($0.offset + 1)", String($0.element)) }
        })
    }

    @Test func generatedCorpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let articles = try ReferenceAnalyzer.generatedArticles(docs: 2000, seed: 7, in: folder)
        #expect(articles.count == 2000)
        try compare(articles.map { ($0.id, $0.text) })
    }

    @Test func sampleCorpusAndEdgeCases() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().map { name in
            (name, try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
        let edgeCases = [
            "", " ", "الصواريخ والصواريخ بالصواريخ للصواريخ فالأمر كالعادة وقال ولد",
            "طائرات مسيّرة", "قُدْرَاتِهَا", "عام ٢٠١٥ و۲۰۲۲", "John KIRBY, 2024!", "“لا أساس لها من الصحة”",
            "«روسيا»", "ﻻ", "التي", "ال", "وزيرها", "المتحدثون", "İstanbul", "صـــواريخ",
            // Composition: و + fatha + hamza above is ؤ under NFKC.
            "و\u{64E}\u{654}", "ي\u{654}ا", "ا\u{653}خر", "e\u{301}te\u{301} cafe\u{301}",
            "\u{FEF5}\u{FEFB}", "½ … x\u{A0}y ﬁne", "ۀ ە\u{654}", "\u{654}بداية", "٠١٢٣ ۴۵۶",
            "ٱلرحمن", "کتاب یک", "Ⅻ ² ①", "日本語テキスト", "😀 emoji 👍🏽 flags 🇮🇷", "Ǆ ǅ ǆ",
            "x\u{6D6}y\u{6E1}z", "\u{200F}نص\u{200E} \u{200D}", "ΟΔΥΣΣΕΥΣ", "ß ẞ ﬀ",
            "2022ها", "ولا", "وو", "ووو", "وووو", "لللل", "المتحدثة باسم الخارجية",
        ]
        texts += edgeCases.enumerated().map { ("edge case \($0.offset)", $0.element) }
        try compare(texts)
    }
}
