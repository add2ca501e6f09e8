import Foundation
import Testing

@testable import IsnadText

/// The English stemmer must equal Snowball's, as the `snowballstemmer`
/// package on PyPI runs it (`make test` installs the pinned version into
/// `.build-python`).
@Suite struct EnglishStemmerReferenceTests {
    static let pinned = "3.1.1"

    /// Snowball's stems of `words`, one per word.
    private func reference(_ words: [String]) throws -> [String] {
        let script = """
            import sys
            sys.path.insert(0, sys.argv[1])
            try:
                import snowballstemmer
            except ImportError:
                sys.exit("snowballstemmer is not installed: run `make test`, or "
                         "python3 -m pip install --target .build-python snowballstemmer==\(Self.pinned)")
            from importlib.metadata import version
            if version("snowballstemmer") != "\(Self.pinned)":
                sys.exit("snowballstemmer " + version("snowballstemmer") + " found, the tests pin \(Self.pinned)")
            stemmer = snowballstemmer.stemmer("english")
            for line in sys.stdin:
                print(stemmer.stemWord(line.rstrip("\\n")))
            """
        let python = ReferenceAnalyzer.repository.appendingPathComponent(".build-python").path
        let output = try ReferenceAnalyzer.run(
            ["python3", "-c", script, python],
            stdin: Data((words.joined(separator: "\n") + "\n").utf8))
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private func compare(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference(words)
        try #require(expected.count == words.count, sourceLocation: sourceLocation)
        var differing: [String] = []
        for (word, stem) in zip(words, expected) {
            let got = String(String.UnicodeScalarView(EnglishStemmer.stem(Array(word.unicodeScalars)[...])))
            if got != stem { differing.append("\(word): got \(got), Snowball \(stem)") }
        }
        #expect(
            differing.isEmpty, "\(differing.count) of \(words.count) words differ, first: \(differing.prefix(10))",
            sourceLocation: sourceLocation)
    }

    static func commonWords() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/common-english-words.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.map(String.init)
    }

    @Test func commonWordsAndTheirInflections() throws {
        let words = try Self.commonWords()
        #expect(words.count >= 2000)
        // Inflected and derived forms reach the suffix rules that base forms
        // rarely do; they need not be real words to be compared.
        let endings = [
            "s", "es", "'s", "s'", "ed", "ing", "ingly", "edly", "ly", "ness", "ful", "ation",
            "ational", "izer", "ization", "ousness", "iveness", "ement", "ence", "ical", "ility",
        ]
        try compare(words + words.flatMap { word in endings.map { word + $0 } })
    }

    @Test func everyWordOfTheEnglishSampleArticles() throws {
        let corpus = ReferenceAnalyzer.repository.appendingPathComponent("examples/corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("en-") }
        #expect(names.count >= 6)
        var words = Set<String>()
        for name in names {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            for token in Analyzer(language: .english, stemming: false).tokens(in: text) { words.insert(token.form) }
        }
        #expect(words.count > 250)
        try compare(words.sorted())
    }

    @Test func rulesAndExceptions() throws {
        // Words that exercise each rule of the algorithm, and its exceptions.
        try compare(
            """
            skis skies sky idly gently ugly early only singly news howe atlas cosmos bias andes
            generate generous communism arsenal pastime universal emergency organize inter later
            'kirby' kirby's ministers' 's yes ay ayy yyy youth boy boyish saying
            caresses ponies ties cries gas gaps kiwis us ss
            succeed proceed exceed agreed feed feedly inning outing canning herring earring evening
            dying lying tying eying luxuriating hopping hoping filing fizzed bled sized
            cry by say happy
            relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli
            vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness
            callousness formaliti sensitiviti sensibiliti archaeology geology biologist fruitless
            triplicate formative formalize electriciti electrical hopeful goodness
            revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
            adjustment dependent adoption homologou communism activate angulariti homologous effective
            bowdlerize probate rate cease controll roll
            """.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}
