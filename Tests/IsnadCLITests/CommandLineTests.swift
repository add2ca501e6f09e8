import Foundation
import IsnadText
import Testing

@testable import IsnadCLI

/// Runs the built `isnad` binary as a user would and checks output and exit codes.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func binary() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("isnad")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Runs `process` to its end and returns what it printed on standard
    /// output (standard error dropped).
    static func output(of process: Process) throws -> String {
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func isnad(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = Self.repository
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func withFolder<R>(_ body: (String) throws -> R) throws -> R {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test func ingestThenStats() throws {
        try withFolder { folder in
            let store = folder + "/store"
            let first = try isnad(["ingest", "--store", store, "examples/corpus"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("12 added, 0 replaced, 0 unchanged, 0 skipped"))
            let again = try isnad(["ingest", "--store", store, "examples/corpus"])
            #expect(again.stdout.hasPrefix("0 added, 0 replaced, 12 unchanged"))
            let stats = try isnad(["stats", "--store", store])
            #expect(stats.status == 0)
            #expect(stats.stdout.contains("articles    12"))
            #expect(stats.stdout.contains("format      8 (created by isnad 0.1.0)"))
        }
    }

    @Test func storeComesFromTheEnvironment() throws {
        try withFolder { folder in
            let store = folder + "/from-env"
            let run = try isnad(["ingest", "examples/corpus/ar-2025-01-treaty.txt"], environment: ["ISNAD_STORE": store])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("→ \(store)"))
            #expect(FileManager.default.fileExists(atPath: store + "/data.mdb"))
        }
    }

    /// After `make demo`, plain `isnad` opens the user's default store,
    /// not the demo's: the demo's last lines say where its store is and
    /// how to open it again, and `make repl` does (issue 34, section 2,
    /// item 1). Dry runs: nothing is built or run.
    @Test func theDemoSaysHowToReachItsStore() throws {
        func dryRun(_ target: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["make", "--no-print-directory", "-n", target]
            process.currentDirectoryURL = Self.repository
            var environment = ProcessInfo.processInfo.environment
            environment["ISNAD_STORE"] = nil
            process.environment = environment
            return try Self.output(of: process)
        }
        let store = Self.repository.appendingPathComponent(".isnad/store").path
        let demo = try dryRun("demo").split(separator: "\n").map(String.init)
        let last = demo.drop { !$0.contains("The demo's store is") }
        #expect(last.first?.contains("The demo's store is \(store).") == true, "\(demo)")
        #expect(last.contains { $0.contains("make repl") })
        #expect(last.contains { $0.contains("./.build/release/isnad --store '\(store)'") })
        #expect(last.contains { $0.contains("export ISNAD_STORE='\(store)'") })
        let repl = try dryRun("repl")
        #expect(repl.hasSuffix("./.build/release/isnad\n"), "\(repl)")
    }

    @Test func exitCodes() throws {
        try withFolder { folder in
            let notAStore = try isnad(["stats", "--store", "README.md"])
            #expect(notAStore.status == 3)
            #expect(notAStore.stderr.contains("is a file, not a store"))
            #expect(notAStore.stdout.isEmpty)

            let missing = try isnad(["stats", "--store", folder + "/none"])
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("no store at"))

            let unreadable = try isnad(["ingest", "--store", folder + "/s", folder + "/nothing-here.txt"])
            #expect(unreadable.status == 1)
            #expect(unreadable.stderr.contains("no such file or folder"))

            // Fixed (issue 34): a skipped file exits 1 as docs/cli.md says;
            // files of other types are one line; articles without
            // statements are counted.
            let mixed = folder + "/mixed"
            try FileManager.default.createDirectory(atPath: mixed, withIntermediateDirectories: true)
            let fm = FileManager.default
            _ = fm.createFile(atPath: mixed + "/a.txt", contents: Data("John Kirby denied the reports on Monday.".utf8))
            _ = fm.createFile(atPath: mixed + "/b.txt", contents: Data("Nothing attributed here.".utf8))
            _ = fm.createFile(atPath: mixed + "/empty.txt", contents: Data())
            for name in ["notes.md", "scan.pdf", "other.pdf", "LICENSE"] {
                _ = fm.createFile(atPath: mixed + "/" + name, contents: Data("x".utf8))
            }
            let partial = try isnad(["ingest", "--store", folder + "/m", mixed])
            #expect(partial.status == 1)
            #expect(partial.stderr.contains("skipped: \(mixed)/empty.txt: empty file\n"))
            #expect(partial.stderr.contains("4 files of other types passed over: .md, .pdf, no extension\n"))
            #expect(
                partial.stdout
                    == "2 added, 0 replaced, 0 unchanged, 1 skipped, 1 statements (1 article gave none) → \(folder)/m (now 2 articles, 1 statement)\n"
            )

            let usage = try isnad(["stats", "--no-such-flag"])
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("--no-such-flag"))

            let help = try isnad(["ingest", "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"))
        }
    }

    @Test func parsePrintsCanonicalFormOrDiagnostics() throws {
        let ok = try isnad(["parse", "Stance:(deny OR decline)  |count by actor"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "stance:(deny OR decline) | count by actor\n")
        // A query may start with '-' and come in several arguments.
        let words = try isnad(["parse", "-stance:deny", "actor:Kirby"])
        #expect(words.status == 0)
        #expect(words.stdout == "-stance:deny actor:Kirby\n")

        let bad = try isnad(["parse", "actor:Kirby stanse:deny"], environment: ["NO_COLOR": "1"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(
            bad.stderr == """
                error: unknown field 'stanse'
                  actor:Kirby stanse:deny
                              ^^^^^^
                help: did you mean 'stance'?

                """)

        let json = try isnad(["parse", "--json", "actor:كيربي | top 3 actor"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let filter = try #require(object["filter"] as? [String: Any])
        #expect((filter["field"] as? [String: Any])?["name"] as? String == "actor")
        #expect((filter["value"] as? [String: Any])?["text"] as? String == "كيربي")
        let span = try #require((filter["value"] as? [String: Any])?["span"] as? [String: Any])
        #expect(span["bytes"] as? [Int] == [6, 16])
        #expect((object["stages"] as? [[String: Any]])?.first?["n"] as? Int == 3)
    }

    /// `--` ends the options, as in other commands; it is not taken into
    /// the query (issue 32), and what follows it is query even when it
    /// looks like an option.
    @Test func doubleDashEndsTheOptionsNotPartOfTheQuery() throws {
        try withFolder { folder in
            let store = folder + "/store"
            #expect(try isnad(["ingest", "--store", store, "examples/corpus"]).status == 0)
            let plain = try isnad(["query", "--store", store, "actor:Kirby | count"])
            let dashed = try isnad(["query", "--store", store, "--", "actor:Kirby | count"])
            #expect(dashed.status == 0, "\(dashed.stderr)")
            #expect(dashed.stdout == plain.stdout && plain.stdout.contains("count"))
            let negated = try isnad(["query", "--store", store, "--format", "csv", "--", "-stance:deny", "| count"])
            #expect(negated.status == 0, "\(negated.stderr)")
            let alone = try isnad(["query", "--store", store, "--"])
            #expect(alone.status != 0)
            #expect(alone.stderr.contains("give a query"))
        }
        let parsed = try isnad(["parse", "--", "-stance:deny | count"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout == "-stance:deny | count\n")
        // After `--`, '--json' is a word of the query, not the flag.
        let literal = try isnad(["parse", "--", "--json"])
        #expect(literal.stdout == "--json\n")
    }

    @Test func analyzePrintsTokensAndOffsets() throws {
        let text = "وقال كيربي: «لا أستطيع تأكيد التقارير»"
        let plain = try isnad(["analyze"], stdin: text)
        #expect(plain.status == 0)
        #expect(plain.stdout == "قال\nكيرب\nلا\nاستطيع\nتاكيد\nتقارير\n")
        let offsets = try isnad(["analyze", "--offsets", "--no-stem"], stdin: text)
        let bytes = Array(text.utf8)
        let surfaces = offsets.stdout.split(separator: "\n").map { line -> String in
            let fields = line.split(separator: "\t")
            let start = Int(fields[1]) ?? 0
            let end = Int(fields[2]) ?? 0
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        #expect(surfaces == ["وقال", "كيربي", "لا", "أستطيع", "تأكيد", "التقارير"])
        let count = try isnad(["analyze", "--count"], stdin: text)
        #expect(count.stdout == "6\n")
    }

    @Test func analyzeLanguagesAndSentences() throws {
        let text = "Kirby's missiles الصواريخ"
        #expect(try isnad(["analyze", "--lang", "en"], stdin: text).stdout == "kirbi\nmissil\nالصواريخ\n")
        #expect(try isnad(["analyze", "--lang", "ar"], stdin: text).stdout == "kirby\ns\nmissiles\nصواريخ\n")
        #expect(try isnad(["analyze"], stdin: text).stdout == "kirbi\nmissil\nصواريخ\n")
        let bad = try isnad(["analyze", "--lang", "fr"], stdin: text)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("fr"))
        let sentences = try isnad(["analyze", "--sentences", "--offsets"], stdin: "قال: «لا. أبداً». ثم غادر! Mr. Kirby left.")
        let lines = sentences.stdout.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        #expect(lines == ["قال: «لا. أبداً».", "ثم غادر!", "Mr. Kirby left."])
        #expect(try isnad(["analyze", "--sentences", "--count"], stdin: "One. Two.\n\nThree").stdout == "3\n")
    }

    @Test func piecesOfALongInputGiveTheTokensOfTheWhole() throws {
        try withFolder { folder in
            // Over three pieces of mixed text with every kind of separator.
            var text = ""
            var k = 0
            while text.utf8.count < 3 * ChunkedInput.pieceSize {
                text +=
                    [
                        "وقال كيربي: «لا أستطيع تأكيد", "Kirby's aides said", "3.5 percent", "(U.S.)", "\n\n",
                        "e\u{301}te", "و\u{64E}\u{654}", "ΣΑΣ.", "don't", "—", "‘quoted’",
                    ][k % 11] + [" ", ", ", ".", ""][k % 4]
                k += 1
            }
            let path = folder + "/long.txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let handle = try #require(FileHandle(forReadingAtPath: path))
            var input = ChunkedInput(handle)
            var tokens: [Token] = []
            var pieces = 0
            while let piece = input.next() {
                pieces += 1
                for token in Analyzer().tokens(in: String(decoding: piece.bytes, as: UTF8.self)) {
                    tokens.append(
                        Token(
                            term: token.term, form: token.form,
                            range: (piece.offset + token.range.lowerBound)..<(piece.offset + token.range.upperBound)))
                }
            }
            #expect(pieces >= 3)
            #expect(input.forcedCuts.isEmpty)
            #expect(tokens == Analyzer().tokens(in: text))

            // A run with no break at all is cut, so memory stays bounded.
            try Data(repeating: 0x61, count: 9 << 20).write(to: URL(fileURLWithPath: path))
            var run = ChunkedInput(try #require(FileHandle(forReadingAtPath: path)))
            var sizes: [Int] = []
            while let piece = run.next() { sizes.append(piece.bytes.count) }
            #expect(sizes.reduce(0, +) == 9 << 20)
            #expect(sizes.allSatisfy { $0 <= ChunkedInput.longestPiece })
            #expect(run.forcedCuts.count == 2)
        }
    }
}
