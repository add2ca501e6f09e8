import Foundation
import SyntheticCorpus
import Testing

/// Every command and REPL session shown in the README and `docs/` runs and
/// prints what the page shows.
///
/// Checked blocks are fenced as ```` ```console ```` (lines `$ command`,
/// then its output, standard error included) and ```` ```repl ```` (lines
/// `isnad> query`, then what the REPL answers, errors included; the
/// `$ isnad` line and the banner are not checked: the REPL reads the
/// queries from a pipe, so it prints answers only).
/// A line `...` in the shown output stands for any lines. Each page runs
/// in a fresh folder of its own, with `examples/` and `../shared` reachable
/// as in the clone, `isnad` on the PATH and no default store: its blocks
/// run in order, so a page builds what it later queries. A block that uses
/// `../shared` (the annotated corpora and reference tools beside the clone,
/// as in CI) runs on its own, in a test of its own that is skipped when
/// there is no `../shared`.
@Suite struct DocumentationTests {
    static let repository = CommandLineTests.repository
    static let pages = ["README.md", "docs/getting-started.md", "docs/cli.md", "docs/ingest.md", "docs/text-analysis.md"]

    struct Step: CustomStringConvertible {
        var page: String
        var line: Int
        /// A shell command, or the REPL's input lines.
        var command: String
        var isREPL: Bool
        var expected: [String]
        /// Which fenced block of the page the step is in.
        var block = 0
        var description: String { "\(page):\(line): \(command)" }
    }

    static func steps(of page: String) -> [Step] {
        guard let text = try? String(contentsOf: repository.appendingPathComponent(page), encoding: .utf8) else { return [] }
        var steps: [Step] = []
        var block: String?
        var replStep: Step?
        var blocks = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("```") {
                if block == nil {
                    block = String(line.dropFirst(3))
                    blocks += 1
                    if block == "repl" {
                        replStep = Step(page: page, line: n + 1, command: "", isREPL: true, expected: [], block: blocks)
                    }
                } else {
                    if let step = replStep { steps.append(step) }
                    replStep = nil
                    block = nil
                }
                continue
            }
            switch block {
            case "console":
                if line.hasPrefix("$ ") {
                    steps.append(
                        Step(
                            page: page, line: n + 1, command: String(line.dropFirst(2)), isREPL: false, expected: [],
                            block: blocks))
                } else if !steps.isEmpty {
                    steps[steps.count - 1].expected.append(line)
                }
            case "repl":
                if line.hasPrefix("isnad> ") {
                    replStep?.command += String(line.dropFirst(7)) + "\n"
                } else if line.hasPrefix("  ...> ") {
                    replStep?.command += String(line.dropFirst(7)) + "\n"
                } else if line.hasPrefix("$ ") || line.hasPrefix("isnad 0.") || line.hasPrefix("Type a query") {
                    continue
                } else {
                    replStep?.expected.append(line)
                }
            default:
                break
            }
        }
        return steps
    }

    /// The blocks of `steps` that use `../shared`.
    static func sharedBlocks(_ steps: [Step]) -> Set<Int> {
        Set(steps.filter { $0.command.contains("../shared") }.map(\.block))
    }

    /// `shown` matches `actual` line by line; a `...` line matches any lines.
    static func matches(_ shown: [String], _ actual: [String]) -> Bool {
        guard let first = shown.first else { return actual.isEmpty }
        if first == "..." {
            return (0...actual.count).contains { matches(Array(shown.dropFirst()), Array(actual.dropFirst($0))) }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(Array(shown.dropFirst()), Array(actual.dropFirst()))
    }

    static func trimmed(_ lines: [String]) -> [String] {
        var out = lines.map { line -> String in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    func run(_ step: Step, in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = step.isREPL ? ["-c", "isnad --store news.isnad"] : ["-c", step.command + " 2>&1"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = try CommandLineTests.binary().deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        environment["ISNAD_STORE"] = folder + "/default-store"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = step.isREPL ? output : FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((step.isREPL ? step.command : "").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePagesHaveCheckedExamples() {
        #expect(Self.steps(of: "README.md").count >= 4)
        #expect(Self.steps(of: "docs/getting-started.md").count >= 10)
    }

    /// The output of examples/Embed shown in embedding.md is what `make
    /// embed` checks the program prints (examples/Embed/expected.txt).
    @Test func embeddingShowsTheExampleProgramsOutput() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/embedding.md"), encoding: .utf8)
        let block = try #require(
            page.components(separatedBy: "```embed-output\n").dropFirst().first?
                .components(separatedBy: "\n```").first)
        let expected = try String(contentsOf: Self.repository.appendingPathComponent("examples/Embed/expected.txt"), encoding: .utf8)
        let shown = Self.trimmed(block.components(separatedBy: "\n"))
        #expect(shown.count > 10)
        #expect(Self.matches(shown, Self.trimmed(expected.components(separatedBy: "\n"))))
    }

    /// Every example that does not use `../shared`.
    @Test(arguments: pages) func examplesGiveTheShownOutput(page: String) throws {
        let steps = Self.steps(of: page)
        let shared = Self.sharedBlocks(steps)
        try runInAFreshFolder(steps.filter { !shared.contains($0.block) })
    }

    /// The blocks that use `../shared`, each on its own.
    @Test(
        .enabled(
            if: SharedFolder.hasCorpus && SharedFolder.hasReferenceAnalyzer,
            Comment(rawValue: "needs ../shared (annotated corpora and reference tools beside the clone, as in CI)")),
        arguments: pages)
    func examplesThatUseTheSharedFolder(page: String) throws {
        let steps = Self.steps(of: page)
        for block in Self.sharedBlocks(steps).sorted() {
            try runInAFreshFolder(steps.filter { $0.block == block })
        }
    }

    func runInAFreshFolder(_ steps: [Step]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-docs-\(UUID().uuidString)")
        // `shared` sits beside the clone, so `../shared` works from `work/`.
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: work.appendingPathComponent("examples"),
            withDestinationURL: Self.repository.appendingPathComponent("examples"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("shared"),
            withDestinationURL: SharedFolder.url)
        for step in steps {
            // CSV lines end in CRLF (RFC 4180); the page shows lines.
            let actual = Self.trimmed(
                try run(step, in: work.path).replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n"))
            let shown = Self.trimmed(step.expected)
            #expect(
                Self.matches(shown, actual),
                "\(step)\n--- shown\n\(shown.joined(separator: "\n"))\n--- actual\n\(actual.joined(separator: "\n"))")
        }
    }
}
