import Foundation
import SyntheticCorpus
import Testing

@testable import IsnadText

/// The Arabic analyzer with `arabicStemmer: .light10` must equal the
/// reference (`refanalyzer.py`) token for token (the default stemmer differs
/// only on the own-letter words, which ArabicOwnLetterTests checks). The reference's tokens of the sample corpus, of edge cases
/// and of a generated corpus are recorded in
/// `Fixtures/arabic-reference-tokens.jsonl`, so every run compares against
/// them; when the reference is beside the clone (`../shared/tools`, as in
/// CI), a test checks that it still gives what was recorded, and
/// `ISNAD_RECORD_REFERENCE=1` records it again.
@Suite(.serialized) struct ArabicAnalyzerReferenceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/arabic-reference-tokens.jsonl")
    /// The generated articles recorded: Arabic and English, with the noise
    /// of real text (diacritics, tatweel, variant letters and digits).
    static let generatedDocs = 600
    static let generatedSeed: UInt64 = 7

    /// One recorded text: its name, a hash of the text (so a changed text
    /// is noticed) and the reference's tokens, joined by spaces (a token
    /// never holds one).
    struct Recorded: Codable, Equatable {
        var name: String
        var hash: String
        var tokens: String

        var list: [String] { tokens.split(separator: " ").map(String.init) }
    }

    /// Compares the analyzer with the reference's tokens of `texts`; reports
    /// the first difference of each differing text with its context.
    private func compare(
        _ texts: [(name: String, text: String)], _ reference: [[String]],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try #require(reference.count == texts.count, sourceLocation: sourceLocation)
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
                let from = max(0, range.lowerBound - 40)
                let to = min(bytes.count, range.upperBound + 40)
                context = String(decoding: bytes[from..<to], as: UTF8.self)
            } else {
                context = "(end of text)"
            }
            Issue.record(
                """
                \(name): token \(i) differs: got \(i < got.count ? "'\(got[i])'" : "nothing"), \
                reference \(i < expected.count ? "'\(expected[i])'" : "nothing") in «\(context)»
                """, sourceLocation: sourceLocation)
        }
        #expect(differing == 0, "\(differing) of \(texts.count) texts differ", sourceLocation: sourceLocation)
    }

    static let edgeCases = [
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

    /// The texts whose reference tokens are recorded: the sample corpus,
    /// whole and line by line (so that offsets of partial texts are
    /// exercised as well), the edge cases and the generated articles.
    static func recordedTexts() throws -> [(name: String, text: String)] {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        let sample = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().map { name in
            (name: name, text: try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
        var texts = sample
        texts += sample.flatMap { name, text in
            text.split(separator: "\n").enumerated().map { (name: "\(name) line \($0.offset + 1)", text: String($0.element)) }
        }
        texts += edgeCases.enumerated().map { (name: "edge case \($0.offset)", text: $0.element) }
        texts += ReferenceAnalyzer.generatedArticles(docs: generatedDocs, seed: generatedSeed)
            .map { (name: "generated \($0.id)", text: $0.text) }
        return texts
    }

    /// FNV-1a of the text's UTF-8, in hex.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    static func readFixture() throws -> [Recorded] {
        try Data(contentsOf: fixture).split(separator: 0x0A).map { try JSONDecoder().decode(Recorded.self, from: Data($0)) }
    }

    static let rerecord =
        "when the texts changed on purpose, record the reference again: "
        + "ISNAD_RECORD_REFERENCE=1 swift test --filter ArabicAnalyzerReferenceTests (needs ../shared/tools/refanalyzer.py)"

    @Test func theRecordedReferenceTokens() throws {
        let texts = try Self.recordedTexts()
        let recorded = try Self.readFixture()
        #expect(texts.count > 700)
        try #require(recorded.count == texts.count, "\(recorded.count) recorded texts, \(texts.count) to compare; \(Self.rerecord)")
        let changed = zip(texts, recorded).filter { $0.0.name != $0.1.name || Self.hash($0.0.text) != $0.1.hash }
        try #require(changed.isEmpty, "texts differ from the recorded ones, first \(changed.first.map(\.0.name) ?? ""); \(Self.rerecord)")
        try compare(texts, recorded.map(\.list))
    }

    /// The recorded tokens are still what the reference gives (or, with
    /// `ISNAD_RECORD_REFERENCE=1`, are recorded again).
    @Test(.enabled(if: SharedFolder.hasReferenceAnalyzer, Comment(rawValue: SharedFolder.referenceMissing)))
    func theReferenceStillGivesTheRecordedTokens() throws {
        let texts = try Self.recordedTexts()
        let reference = try ReferenceAnalyzer.analyze(texts.map(\.text))
        let records = zip(texts, reference).map {
            Recorded(name: $0.0.name, hash: Self.hash($0.0.text), tokens: $0.1.joined(separator: " "))
        }
        let spaced = reference.joined().filter { $0.isEmpty || $0.contains(" ") }
        try #require(spaced.isEmpty, "tokens that cannot be recorded joined by spaces: \(spaced.prefix(5))")
        if ProcessInfo.processInfo.environment["ISNAD_RECORD_REFERENCE"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            var data = Data()
            for record in records {
                data.append(try encoder.encode(record))
                data.append(0x0A)
            }
            try data.write(to: Self.fixture)
            print("recorded the reference tokens of \(records.count) texts in \(Self.fixture.path)")
            return
        }
        let recorded = try Self.readFixture()
        let differing = zip(records, recorded).filter { $0.0 != $0.1 }.map(\.0.name)
        #expect(
            recorded.count == records.count && differing.isEmpty,
            "the reference differs from the recording on \(differing.count) texts, first \(differing.prefix(5)); \(Self.rerecord)")
    }

    /// The annotated seed articles, compared with the reference as it runs.
    @Test(
        .enabled(if: SharedFolder.hasCorpus, Comment(rawValue: SharedFolder.corpusMissing)),
        .enabled(if: SharedFolder.hasReferenceAnalyzer, Comment(rawValue: SharedFolder.referenceMissing)))
    func seedArticles() throws {
        let folder = SharedFolder.corpus.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        let texts = try names.map { name in
            (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        try compare(texts, try ReferenceAnalyzer.analyze(texts.map(\.1)))
        // Sentence by sentence and line by line too, so that offsets of
        // partial texts are exercised as well.
        let lines = texts.flatMap { name, text in
            text.split(separator: "\n").enumerated().map { ("\(name) line \($0.offset + 1)", String($0.element)) }
        }
        try compare(lines, try ReferenceAnalyzer.analyze(lines.map(\.1)))
    }
}
