import Foundation
import Testing

@testable import IsnadText

@Suite struct AnalyzerTests {
    @Test func offsetsSliceBackToTheSurfaceForm() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).map {
            try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)
        }
        texts.append("قُدْرَاتِهَا و\u{64E}\u{654} ﻻ e\u{301}te ½ İstanbul صـــواريخ")
        let plain = Analyzer(stemming: false)
        for text in texts {
            let bytes = Array(text.utf8)
            for token in Analyzer().tokens(in: text) {
                let surface = String(decoding: bytes[token.range], as: UTF8.self)
                // The surface form analyses to this token's form (one
                // character may give several tokens: ½ is 1, 2).
                let again = plain.tokens(in: surface)
                #expect(again.contains { $0.form == token.form }, "«\(surface)»")
                #expect(again.allSatisfy { $0.range == 0..<bytes[token.range].count } || again.count == 1)
            }
        }
    }

    /// The index reads words as bytes (`forEachWord`), the query language
    /// as tokens: both must give the same words, or a query misses.
    @Test func wordsAsBytesAreTheTokens() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).map {
            try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)
        }
        texts.append(
            "قُدْرَاتِهَا و\u{64E}\u{654} ﻻ e\u{301}te ½ İstanbul ﷺ صـــواريخ running Kirby's ΣΟΦΟΣ 東京 😀 "
                + String(repeating: "س", count: 300))
        for analyzer in [Analyzer(), Analyzer(language: .arabic), Analyzer(language: .english), Analyzer(stemming: false)] {
            for text in texts {
                var words: [(term: String, form: String, same: Bool)] = []
                analyzer.forEachWord(in: text) { term, form in
                    words.append(
                        (
                            String(decoding: term, as: UTF8.self), String(decoding: form, as: UTF8.self),
                            term.baseAddress == form.baseAddress
                        ))
                }
                let tokens = analyzer.tokens(in: text)
                #expect(words.map(\.term) == tokens.map(\.term))
                #expect(words.map(\.form) == tokens.map(\.form))
                // The same buffer exactly when stemming changed nothing.
                #expect(words.map(\.same) == tokens.map { $0.term == $0.form })
            }
        }
    }

    @Test func formIsUnstemmedAndTermIsTheStem() {
        let tokens = Analyzer().tokens(in: "والصواريخ الإيرانية")
        #expect(tokens.map(\.form) == ["والصواريخ", "الايرانيه"])
        #expect(tokens.map(\.term) == ["صواريخ", "ايران"])  // ال off, then يه
        #expect(Analyzer(stemming: false).tokens(in: "والصواريخ").map(\.term) == ["والصواريخ"])
    }

    @Test func byteRangesOfMixedText() {
        let text = "Kirby: «لا أستطيع تأكيد»"
        let tokens = Analyzer().tokens(in: text)
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Kirby", "لا", "أستطيع", "تأكيد"])
    }

    @Test func badAndUnusualInput() {
        #expect(Analyzer().tokens(in: "").isEmpty)
        #expect(Analyzer().tokens(in: " \n\t…").isEmpty)
        // Invalid UTF-8 is repaired to U+FFFD on the way into a String, which separates words.
        let repaired = String(decoding: [0x61, 0xFF, 0x62, 0xC3], as: UTF8.self)
        #expect(Analyzer().tokens(in: repaired).map(\.term) == ["a", "b"])
        // Other scripts pass through as tokens rather than being dropped.
        #expect(Analyzer().tokens(in: "日本語 русский हिन्दी").map(\.term).count >= 3)
        #expect(Analyzer().tokens(in: "русский").map(\.term) == ["русский"])
    }

    @Test func longSingleLineIsHandled() {
        let line = String(repeating: "قال المتحدث إن الصواريخ ", count: 200_000)  // about 8.6 MB
        var count = 0
        var last = 0..<0
        Analyzer().forEachToken(in: line) { token in
            count += 1
            last = token.range
        }
        #expect(count == 800_000)
        #expect(last.upperBound == line.utf8.count - 1)
    }

    // MARK: - Language routing

    @Test func eachWordMeetsTheAnalyzerOfItsScript() {
        let tokens = Analyzer().tokens(in: "نفى الصواريخ missiles Kirby's denials والCNN ١٢٣ русских")
        #expect(tokens.map(\.term) == ["نف", "صواريخ", "missil", "kirbi", "denial", "cnn", "123", "русских"])
        // Forcing one language analyses every word as that language.
        #expect(Analyzer(language: .arabic).tokens(in: "missiles Kirby's").map(\.term) == ["missiles", "kirby", "s"])
        #expect(Analyzer(language: .english).tokens(in: "missiles الصواريخ").map(\.term) == ["missil", "الصواريخ"])
    }

    @Test func aQueryTermAloneMeetsTheSameWordInAnArticle() throws {
        // A query term is analysed on its own; it must give the term the
        // article's analysis gave the same surface word, in either script.
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        let analyzer = Analyzer()
        var checked = 0
        for name in names {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            let bytes = Array(text.utf8)
            for token in analyzer.tokens(in: text) {
                let surface = String(decoding: bytes[token.range], as: UTF8.self)
                #expect(analyzer.tokens(in: surface).map(\.term) == [token.term], "\(name): \(surface)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func apostrophesInEnglishWords() {
        let text = "Kirby’s aides' 'quoted' don't rock 'n' roll"
        let tokens = Analyzer().tokens(in: text)
        let bytes = Array(text.utf8)
        #expect(tokens.map(\.form) == ["kirby's", "aides", "quoted", "don't", "rock", "n", "roll"])
        #expect(tokens.map(\.term) == ["kirbi", "aid", "quot", "don't", "rock", "n", "roll"])
        #expect(
            tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
                == ["Kirby’s", "aides", "quoted", "don't", "rock", "n", "roll"])
    }

    @Test func articleLanguageByScriptShare() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            #expect(Language.detect(in: text) == (name.hasPrefix("ar-") ? .arabic : .english), "\(name)")
        }
        #expect(Language.detect(in: "قال Kirby إن الصواريخ") == .arabic)
        #expect(Language.detect(in: "Kirby said صواريخ were sent") == .english)
        #expect(Language.detect(in: "2024 — 17") == nil)
        // A majority, not a tie: two Arabic letters and two Latin ones are
        // English; harakat, Arabic digits and punctuation are not letters.
        #expect(Language.detect(in: "ab سش") == .english)
        #expect(Language.detect(in: "ab سشص") == .arabic)
        #expect(Language.detect(in: "abc سَشّ ١٢٣٤، ؟") == .english)
    }

    /// Every character, between two letters, is read as the documented
    /// rule says: a word character, a separator, or not plain.
    @Test func plainSurfacesClassifyEveryCharacterAsDocumented() {
        enum Kind { case word, separator, notPlain }
        func kind(_ v: UInt32) -> Kind {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27: .word
            case 0..<0x80: .separator
            case 0xAB, 0xBB: .separator  // « »
            case 0x621...0x63A, 0x640...0x652, 0x656...0x669, 0x670, 0x6F0...0x6F9: .word
            case 0x60C, 0x61B, 0x61F, 0x66A...0x66D: .separator
            case 0x2019: .word  // ’ as an apostrophe
            case 0x2013, 0x2014, 0x2018, 0x201A...0x201F: .separator
            default: .notPlain
            }
        }
        var ranges: [Range<Int>] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            var text = "a" + String(Character(scalar)) + "b"
            let width = String(scalar).utf8.count
            let plain = text.withUTF8 { Analyzer.plainSurfaces(in: $0, into: &ranges) }
            switch kind(v) {
            case .notPlain: #expect(!plain, "U+\(String(v, radix: 16))")
            case .word: #expect(plain && ranges == [0..<(2 + width)], "U+\(String(v, radix: 16))")
            case .separator: #expect(plain && ranges == [0..<1, (1 + width)..<(2 + width)], "U+\(String(v, radix: 16))")
            }
        }
        // A character cut short at the end of the bytes is not plain.
        for cut in [[0x61, 0xD8], [0xE2, 0x80], [0xE2]] as [[UInt8]] {
            #expect(!cut.withUnsafeBufferPointer { Analyzer.plainSurfaces(in: $0, into: &ranges) })
        }
    }

    /// The import analyses each plain surface once and reuses its words
    /// wherever it recurs: the words of the surfaces, one by one, must be
    /// the words of the whole text, for every analyzer.
    @Test func plainSurfacesAnalyseAsTheWholeText() throws {
        let pieces = [
            "قال", "الصواريخ", "أستطيع", "إيران", "مسيّرة", "ـ", "\u{64E}", "\u{651}", "\u{670}", "٣", "۴", "،", "؟", "٪",
            "Kirby", "don't", "'", "'n'", "ABC", "x1", "42", " ", "  ", ".", "-", "\n", "\u{0}",
            "«", "»", "“", "”", "‘", "’", "don’t", "„", "–", "—",
            String(repeating: "س", count: 70),
        ]
        // Characters that are not plain: the text is then analysed whole.
        let others = ["\u{654}", "e\u{301}", "Σ", "…", "\u{A0}", "‹", "ﻻ", "日本", "😀", "ı"]
        var generator = SystemRandomNumberGenerator()
        var plainTexts = 0
        for round in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += pieces.randomElement(using: &generator)!
            }
            if round % 10 == 0 { text.insert(contentsOf: others.randomElement(using: &generator)!, at: text.startIndex) }
            var ranges: [Range<Int>] = []
            var bytes = text
            let plain = bytes.withUTF8 { Analyzer.plainSurfaces(in: $0, into: &ranges) }
            if round % 10 == 0 { #expect(!plain, "\(text)") }
            guard plain else { continue }
            plainTexts += 1
            let utf8 = Array(text.utf8)
            for analyzer in [Analyzer(), Analyzer(language: .arabic), Analyzer(language: .english), Analyzer(stemming: false)] {
                let whole = analyzer.tokens(in: text).map { [$0.term, $0.form] }
                let bySurface = ranges.flatMap {
                    analyzer.tokens(in: String(decoding: utf8[$0], as: UTF8.self)).map { [$0.term, $0.form] }
                }
                #expect(bySurface == whole, "\(text)")
            }
            // Surfaces are separated by what is not a word.
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
        }
        #expect(plainTexts > 2_000)
    }
}
