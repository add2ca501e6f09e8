import ArgumentParser
import Foundation
import IsnadText

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the tokens the index would see for text on standard input.",
        discussion: """
            One token per line. --lang auto (the default, what the index uses) sends
            each word to the analyzer of its script: Arabic words to light10, Latin
            words to the Snowball English stemmer. --lang ar equals the reference
            analyzer, refanalyzer.py (not part of the project: it lives in
            ../shared/tools, the folder of reference tools beside a development
            clone, as in CI), but for a few words whose own first letters light10
            takes for a prefix (باليستية stems as الباليستية does); --light10 stems
            those as the reference does too, so the two can be compared with diff.
            With --offsets, each line is token<TAB>start<TAB>end, the UTF-8 byte
            range of the surface form in the input. --sentences prints sentences
            instead of tokens.

            Examples:
              echo 'وقال المتحدثون إن الصواريخ' | isnad analyze
              echo "Kirby's denials" | isnad analyze --lang en
              isnad analyze --lang ar --light10 < article.txt | diff - <(python3 refanalyzer.py < article.txt)
              isnad analyze --offsets < article.txt
              isnad analyze --sentences --offsets < article.txt
              isnad analyze --count < articles.txt
            """)

    @Option(help: "ar: the Arabic analyzer (equals refanalyzer.py); en: the English analyzer; auto: each word by its script.")
    var lang: LanguageChoice = .auto

    @Flag(name: .customLong("no-stem"), help: "Print normalised forms without stemming.")
    var noStem = false

    @Flag(
        name: .customLong("light10"),
        help: "Stem Arabic exactly as Lucene's light10 and refanalyzer.py, own-letter words included (stores before format 7).")
    var light10 = false

    @Flag(help: "Print the byte range of each token in the input.")
    var offsets = false

    @Flag(help: "Print only the number of tokens.")
    var count = false

    @Flag(help: "Print sentences instead of tokens, one per line (with --offsets: start<TAB>end<TAB>sentence).")
    var sentences = false

    func run() throws {
        if sentences { return printSentences() }
        let analyzer = Analyzer(
            language: lang.language, stemming: !noStem,
            arabicStemmer: light10 ? .light10 : .keepingWordLetters)
        var output = OutputBuffer()
        var tokens = 0
        var repaired: Int?
        // Standard input is read in pieces cut where no token can span, so
        // a 50 MB line takes memory for a piece, not for the line.
        var input = ChunkedInput(FileHandle.standardInput)
        while let chunk = input.next() {
            // Invalid UTF-8 is repaired (U+FFFD, a separator), never a crash.
            let text: String
            if let valid = String(validating: chunk.bytes, as: UTF8.self) {
                text = valid
            } else {
                if repaired == nil { repaired = chunk.offset + firstInvalidByte(chunk.bytes) }
                text = String(decoding: chunk.bytes, as: UTF8.self)
            }
            analyzer.forEachToken(in: text) { token in
                tokens += 1
                if count { return }
                output.write(token.term)
                if offsets {
                    output.write("\t\(chunk.offset + token.range.lowerBound)\t\(chunk.offset + token.range.upperBound)")
                }
                output.write("\n")
            }
        }
        if count { output.write("\(tokens)\n") }
        output.flush()
        if let first = input.forcedCuts.first {
            FileHandle.standardError.write(
                Data(
                    """
                    isnad analyze: \(input.forcedCuts.count) run(s) of more than \(ChunkedInput.longestPiece >> 20) MiB \
                    without a space or punctuation were cut into pieces (first at byte \(first)).\n
                    """.utf8))
        }
        if let repaired {
            FileHandle.standardError.write(
                Data(
                    """
                    isnad analyze: the input is not valid UTF-8 (first bad byte at offset \(repaired)); \
                    bad bytes were read as U+FFFD, so offsets after it count the replacement.\n
                    """.utf8))
        }
    }
}

extension Analyze {
    /// Sentences need the whole text: one may run across any cut.
    func printSentences() {
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let bytes = Array(text.utf8)
        var output = OutputBuffer()
        let ranges = SentenceSplitter.sentences(in: text)
        if count {
            output.write("\(ranges.count)\n")
        } else {
            for range in ranges {
                if offsets { output.write("\(range.lowerBound)\t\(range.upperBound)\t") }
                let sentence = String(decoding: bytes[range], as: UTF8.self)
                output.write(sentence.split(whereSeparator: \.isNewline).joined(separator: " "))
                output.write("\n")
            }
        }
        output.flush()
    }
}

enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case ar, en, auto

    var language: Language? {
        switch self {
        case .ar: .arabic
        case .en: .english
        case .auto: nil
        }
    }
}

/// Reads a file handle in pieces of about a megabyte, each ending after an
/// ASCII separator that an ASCII byte follows: no token, no UTF-8 sequence
/// and no composing mark spans such a cut, so analysing the pieces one by
/// one gives the tokens of the whole. A piece without such a place grows
/// up to `longestPiece`, then is cut between two code points: a "word" of
/// more than 4 MiB is not text, and holding it whole would make memory grow
/// with the input.
struct ChunkedInput {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var consumed = 0
    private var atEnd = false
    static let pieceSize = 1 << 20
    static let longestPiece = 4 << 20
    /// Offsets where a run without a break was cut.
    private(set) var forcedCuts: [Int] = []

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> (bytes: [UInt8], offset: Int)? {
        var searchFrom = 0
        while true {
            if let cut = cutPoint(from: searchFrom) { return take(cut) }
            if atEnd { return pending.isEmpty ? nil : take(pending.count) }
            if pending.count >= Self.longestPiece {
                // Cut before a byte that starts a code point (any byte, if
                // invalid input has none near the end).
                var cut = min(Self.longestPiece, pending.count - 1)
                while cut > Self.longestPiece - 4, pending[cut] & 0xC0 == 0x80 { cut -= 1 }
                forcedCuts.append(consumed + cut)
                return take(cut)
            }
            searchFrom = max(0, pending.count - 1)
            let data = handle.readData(ofLength: Self.pieceSize)
            if data.isEmpty { atEnd = true } else { pending.append(contentsOf: data) }
        }
    }

    /// Hands out the first `count` pending bytes with their offset in the input.
    private mutating func take(_ count: Int) -> (bytes: [UInt8], offset: Int) {
        let piece = Array(pending[..<count])
        pending.removeFirst(count)
        defer { consumed += count }
        return (piece, consumed)
    }

    /// The last place in `pending` (after `from`, and once it holds a piece's
    /// worth) where a cut is safe.
    private func cutPoint(from: Int) -> Int? {
        guard pending.count >= Self.pieceSize else { return nil }
        var i = pending.count - 1
        while i > from {
            let before = pending[i - 1]
            let after = pending[i]
            if after < 0x80, before < 0x80, !isWordByte(before) { return i }
            i -= 1
        }
        return nil
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x27
    }
}

private func firstInvalidByte(_ bytes: [UInt8]) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput, .error: return offset
        }
    }
}

/// Buffers standard output in large writes; print() per token is slow.
struct OutputBuffer {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
