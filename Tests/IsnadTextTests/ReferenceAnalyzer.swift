import Foundation
import SyntheticCorpus

/// Runs `../shared/tools/refanalyzer.py`, the reference analyzer (beside
/// the clone, as in CI; see ``SharedFolder``), once over many texts.
enum ReferenceAnalyzer {
    static let repository = SharedFolder.repository
    static let shared = SharedFolder.url
    static let tools = SharedFolder.tools

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The reference tokens of each text, in order.
    static func analyze(_ texts: [String]) throws -> [[String]] {
        let script = """
            import sys, json
            sys.path.insert(0, sys.argv[1])
            import refanalyzer
            for line in sys.stdin:
                print(json.dumps(refanalyzer.analyze(json.loads(line)), ensure_ascii=False))
            """
        let input =
            try texts.map { text -> String in
                String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            }.joined(separator: "\n") + "\n"
        let output = try run(["python3", "-c", script, tools.path], stdin: Data(input.utf8))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count == texts.count else {
            throw Failure(description: "reference gave \(lines.count) answers for \(texts.count) texts")
        }
        return try lines.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) }
    }

    /// The title and text of each article of a generated corpus.
    static func generatedArticles(docs: Int, seed: UInt64) -> [(id: String, text: String)] {
        SyntheticCorpus.generate(docs: docs, seed: seed).articles.map { ($0.id, $0.title + "\n" + $0.text) }
    }

    static func run(_ arguments: [String], stdin: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Write from another thread so a full output pipe cannot deadlock us.
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "\(arguments.prefix(2).joined(separator: " ")) failed: "
                    + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
