import Foundation
import Testing

@testable import IsnadQuery

/// Random bytes and mutated valid queries through the whole front half:
/// nothing may crash or hang, and whatever parses cleanly must print and
/// parse back to itself. CI runs a short seeded run; `make fuzz` runs a
/// million inputs in a release build.
@Suite struct FuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["ISNAD_FUZZ_INPUTS"] ?? "") ?? 20_000

    static let seeds = [
        "actor:Kirby stance:deny date>2022-10",
        "about:\"ballistic missiles\" stance:(deny OR decline) | count by actor",
        "country:Iran stance:deny | timeline month",
        "is:article source:\"Foreign Policy\" صواريخ",
        "-(a OR b) NOT c* date:2022..* | sort date desc | limit 5 | fields actor, quote",
        "«كيربي» “Peskov” date:*..2023-01-31 | top 5 about | articles",
    ]
    static let alphabet: [String] = [
        ":", "(", ")", "|", ",", "*", "-", "..", ">", ">=", "<", "\"", "“", "”", "«", "»",
        "\\", " ", "\n", "OR", "AND", "NOT", "=", "!", "#", "ك", "\u{64E}", "é", "0", "9",
        "count", "by", "date:", "\u{200F}", "\u{0}", "😀",
    ]

    @Test func noInputCrashesOrBreaksTheRoundTrip() {
        var random = SyntaxGenerator(seed: 0xF022)
        var cleanlyParsed = 0
        for n in 0..<Self.count {
            let text: String
            if n % 4 == 0 {
                let bytes = (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                var pieces = Array(random.pick(Self.seeds)).map(String.init)
                for _ in 0..<(1 + random.below(4)) {
                    let at = random.below(pieces.count + 1)
                    switch random.below(3) {
                    case 0: pieces.insert(random.pick(Self.alphabet), at: at)
                    case 1: if at < pieces.count { pieces.remove(at: at) }
                    default: if at < pieces.count { pieces[at] = random.pick(Self.alphabet) }
                    }
                }
                text = pieces.joined()
            }
            let compilation = Compilation(text)
            _ = DiagnosticFormatter(colors: false).format(compilation.diagnostics, in: text)
            for diagnostic in compilation.diagnostics {
                #expect(diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= text.utf8.count)
            }
            if compilation.diagnostics.isEmpty {
                cleanlyParsed += 1
                let printed = Printer.print(compilation.syntax)
                let (again, diagnostics) = Parser.parse(printed)
                #expect(again == compilation.syntax && diagnostics.isEmpty, "\(text) → \(printed)")
            }
        }
        #expect(cleanlyParsed > Self.count / 20)
    }

    /// Inputs of a megabyte of each shape that stresses a parser.
    @Test(arguments: ["(", ")", "-", "a OR ", "\"", "«a» ", "x:(", "date:2022..", "كيربي ", "| ", "=", "NOT "])
    func megabyteInputs(_ unit: String) {
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count)
        let compilation = Compilation(text)
        #expect(compilation.diagnostics.count <= Compilation.maximumDiagnostics + 1)
    }
}
