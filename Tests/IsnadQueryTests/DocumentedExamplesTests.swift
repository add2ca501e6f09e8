import Foundation
import Testing

@testable import IsnadQuery

/// Every example in `grammar/isnad.ebnf` and `docs/query-language.md`
/// parses and checks; every documented error example fails with its
/// documented message.
@Suite struct DocumentedExamplesTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Example: CustomStringConvertible, Sendable {
        var query: String
        /// nil: must compile; else the first diagnostic's message.
        var error: String?
        var origin: String
        var description: String { "\(origin): \(query)" }
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// `example: QUERY` and `error: QUERY => MESSAGE` lines of the grammar.
    static let grammarExamples: [Example] = read("grammar/isnad.ebnf").split(separator: "\n").compactMap { line in
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("(*") { text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        if text.hasSuffix("*)") { text = String(text.dropLast(2)).trimmingCharacters(in: .whitespaces) }
        if text.hasPrefix("example:") {
            return Example(query: String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces), origin: "isnad.ebnf")
        }
        if text.hasPrefix("error:"), let arrow = text.range(of: "=>") {
            let query = text[text.index(text.startIndex, offsetBy: 6)..<arrow.lowerBound]
            return Example(
                query: query.trimmingCharacters(in: .whitespaces),
                error: text[arrow.upperBound...].trimmingCharacters(in: .whitespaces), origin: "isnad.ebnf")
        }
        return nil
    }

    /// Lines of ```isnad blocks (comments skipped), and query/message pairs
    /// of ```isnad-error blocks.
    static let guideExamples: [Example] = {
        var examples: [Example] = []
        var block: String?
        var pending: String?
        for line in read("docs/query-language.md").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                block = block == nil ? String(line.dropFirst(3)) : nil
                continue
            }
            switch block {
            case "isnad":
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty, !text.hasPrefix("#") {
                    examples.append(Example(query: text, origin: "query-language.md"))
                }
            case "isnad-error":
                if let query = pending {
                    examples.append(
                        Example(
                            query: query, error: String(line.dropFirst("error: ".count)),
                            origin: "query-language.md"))
                    pending = nil
                } else {
                    pending = String(line)
                }
            default:
                break
            }
        }
        return examples
    }()

    @Test func thereAreEnoughExamples() {
        #expect(Self.grammarExamples.count >= 40)
        #expect(Self.guideExamples.filter { $0.error == nil }.count >= 40)
        #expect(Self.guideExamples.filter { $0.error != nil }.count >= 15)
        // The cookbook: at least 25 questions, each with its query.
        let cookbook = Self.read("docs/query-language.md").components(separatedBy: "## Cookbook").last ?? ""
        #expect(cookbook.split(separator: "\n").filter { $0.hasPrefix("# ") }.count >= 25)
    }

    @Test(arguments: grammarExamples + guideExamples)
    func example(_ example: Example) {
        let compilation = Compilation(example.query)
        if let error = example.error {
            #expect(compilation.checked == nil)
            #expect(compilation.diagnostics.first?.message == error)
        } else {
            #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
            #expect(compilation.checked != nil)
        }
    }
}
