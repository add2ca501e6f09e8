import Foundation
import Testing

@testable import IsnadText

/// Words whose own first letters light10 takes for a prefix (`باليستية`:
/// `بال` + `يستية`) stem as their definite form does; every other token
/// stays the reference's (light10's).
@Suite struct ArabicOwnLetterTests {
    static func terms(_ text: String, _ variant: ArabicLightStemmer.Variant = .keepingWordLetters) -> [String] {
        Analyzer(arabicStemmer: variant).tokens(in: text).map(\.term)
    }

    // Fixed bug (issue 34): `text:"الصواريخ الباليستية"` missed `صواريخ
    // باليستية`: light10 gives `باليستية` → `يست`, `الباليستية` → `باليست`.
    @Test(arguments: [
        ("باليستية", "الباليستية"), ("باليستي", "الباليستي"), ("باليستيات", "الباليستيات"),
        ("بالستية", "البالستية"), ("بالغة", "البالغة"),
        ("والده", "الوالده"), ("والدة", "الوالدة"),
    ])
    func bareAndDefiniteFormsStemAlike(bare: String, definite: String) {
        #expect(Self.terms(bare) == Self.terms(definite))
        #expect(Self.terms("و" + bare) == Self.terms(definite), "و before the word is still a prefix")
        #expect(Self.terms(bare, .light10) != Self.terms(definite, .light10), "light10 itself disagrees")
    }

    @Test func realPrefixesAreStillStripped() {
        // ب + ال, و + ال, ف + ال, ك + ال before words of their own.
        #expect(
            Self.terms("بالصواريخ والحرب فالأمر كالعادة بالغرب بالولايات واليمن")
                == Self.terms("بالصواريخ والحرب فالأمر كالعادة بالغرب بالولايات واليمن", .light10))
        #expect(Self.terms("بالصواريخ بالغرب") == ["صواريخ", "غرب"])
    }

    /// On real text the default analyzer differs from light10 only at the
    /// own-letter words, and there gives one of their stems.
    @Test func onlyTheOwnLetterWordsDiffer() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/corpus")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().map {
            try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)
        }
        texts.append("الصواريخ الباليستية صواريخ باليستية وباليستية للباليستية والوالدة والده بالغة الأهمية")
        var differing = 0
        for text in texts {
            let current = Analyzer().tokens(in: text)
            let reference = Analyzer(arabicStemmer: .light10).tokens(in: text)
            #expect(current.map(\.form) == reference.map(\.form))
            for (a, b) in zip(current, reference) where a.term != b.term {
                differing += 1
                #expect(ArabicLightStemmer.ownLetterPrefixes.contains { a.form.hasPrefix($0) }, "\(a.form)")
                #expect(ArabicLightStemmer.ownLetterStems.contains(a.term.unicodeScalars.map(\.value)), "\(a.form) → \(a.term)")
            }
        }
        #expect(differing >= 5)
    }
}
