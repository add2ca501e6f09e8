import ArgumentParser
import Foundation
import IsnadText

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the tokens the index would see for text on standard input.",
        discussion: """
            One token per line, as ../shared/tools/refanalyzer.py prints them, so the
            two can be compared with diff. With --offsets, each line is
            token<TAB>start<TAB>end, the UTF-8 byte range of the surface form.

            Examples:
              echo 'وقال المتحدثون إن الصواريخ' | isnad analyze
              isnad analyze --offsets < article.txt
              isnad analyze --count < articles.txt
            """)

    @Flag(name: .customLong("no-stem"), help: "Print normalised forms without stemming.")
    var noStem = false

    @Flag(help: "Print the byte range of each token in the input.")
    var offsets = false

    @Flag(help: "Print only the number of tokens.")
    var count = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        // Invalid UTF-8 is repaired (U+FFFD), never a crash.
        let text = String(decoding: input, as: UTF8.self)
        let analyzer = Analyzer(stemming: !noStem)
        var output = OutputBuffer()
        var tokens = 0
        analyzer.forEachToken(in: text) { token in
            tokens += 1
            if count { return }
            output.write(token.term)
            if offsets { output.write("\t\(token.range.lowerBound)\t\(token.range.upperBound)") }
            output.write("\n")
        }
        if count { output.write("\(tokens)\n") }
        output.flush()
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
