import ArgumentParser
import Foundation
import Isnad
import IsnadIndex

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles to the store.",
        discussion: """
            Reads .txt files (with optional front matter: id, title, source, url,
            published, lang), .jsonl files of article objects, and folders of them.
            lang is ar or en; without it, the text's script decides.
            Files that cannot be read are reported and skipped; the rest is stored,
            and the exit code is 1. Files of other types in folders are passed over
            and counted on one line. Ingesting the same articles again changes nothing.

            Examples:
              isnad ingest examples/corpus
              isnad ingest --store news.isnad articles.jsonl
              isnad ingest --entities my-entities.jsonl reports/
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(
        help: ArgumentHelp(
            "Your own entities (JSON Lines, like entities.jsonl) to add to the gazetteer or to override its entries of the same name.",
            valueName: "file"))
    var entities: String?

    @Argument(help: ArgumentHelp("Files or folders to read.", valueName: "path"))
    var paths: [String]

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let outcome = try Ingest.performCounting(paths, entities: entities, into: store)
            print(outcome.line)
            // Like `import` with rejected lines: the rest is stored, and
            // the exit code says that not everything was (docs/cli.md).
            if outcome.skipped > 0 { throw ExitCode(1) }
        }
    }

    /// Reads, extracts and stores; reports skipped files on standard error
    /// and returns the summary line. Shared with the REPL's `.ingest`.
    static func perform(_ paths: [String], entities: String? = nil, into store: Store) throws -> String {
        try performCounting(paths, entities: entities, into: store).line
    }

    /// ``perform(_:entities:into:)``, with the number of files and lines
    /// skipped.
    static func performCounting(
        _ paths: [String], entities: String? = nil,
        into store: Store
    ) throws -> (line: String, skipped: Int) {
        BatchMemory.keep()
        defer { BatchMemory.giveBack() }
        let loaded = Article.load(from: paths)
        // At most a few lines per file, so one broken JSONL file does
        // not bury the rest of the report.
        var shownPerFile: [String: Int] = [:]
        for rejection in loaded.rejected {
            shownPerFile[rejection.path, default: 0] += 1
            if shownPerFile[rejection.path, default: 0] <= 5 { printError("skipped: \(rejection)") }
        }
        for (path, count) in shownPerFile.sorted(by: { $0.key < $1.key }) where count > 5 {
            printError("skipped: \(path): \(count - 5) more lines")
        }
        if let line = passedOverLine(loaded.passedOver) { printError(line) }
        if let entities {
            // The user's entries go in before extraction reads the
            // gazetteer, and after the default one, so they win.
            try store.loadDefaultGazetteer()
            let report: [FileImport]
            do {
                report = try Importer(store: store.index).run([(.entities, entities)])
            } catch let failure as ImportFailure {
                throw CLIError.input(failure.description)
            }
            for problem in report.flatMap(\.problems).prefix(10) { printError("error: \(problem)") }
            if report.contains(where: { !$0.problems.isEmpty }) { throw CLIError.input("'\(entities)' has malformed lines") }
        }
        let bar = ProgressBar("ingesting")
        let summary = try store.ingest(loaded.articles) { done, total in bar.update(done, of: total) }
        bar.finish()
        if loaded.articles.isEmpty, !loaded.rejected.isEmpty {
            throw CLIError.input("nothing could be read")
        }
        let none =
            summary.withoutStatements == 0
            ? ""
            : " (\(summary.withoutStatements) \(summary.withoutStatements == 1 ? "article" : "articles") gave none)"
        // The counts are what this process did (another writing at the
        // same time may have stored some of the same articles: they are
        // unchanged here); the store's totals come after, named as such.
        let totals = try store.statistics()
        let line =
            "\(summary.added) added, \(summary.replaced) replaced, \(summary.unchanged) unchanged, "
            + "\(loaded.rejected.count) skipped, \(summary.statements) statements\(none) → \(store.path) "
            + "(now \(totals.articles) \(totals.articles == 1 ? "article" : "articles"), "
            + "\(totals.statements) \(totals.statements == 1 ? "statement" : "statements"))"
        return (line, loaded.rejected.count)
    }

    /// One line for the files passed over for their type, naming their
    /// extensions: `3 files of other types passed over: .md, .pdf`.
    static func passedOverLine(_ paths: [String]) -> String? {
        guard !paths.isEmpty else { return nil }
        let extensions = Set(
            paths.map { path -> String in
                let ext = ((path as NSString).lastPathComponent as NSString).pathExtension
                return ext.isEmpty ? "no extension" : "." + ext
            }
        ).sorted()
        let files = paths.count == 1 ? "1 file of another type" : "\(paths.count) files of other types"
        return "\(files) passed over: " + extensions.joined(separator: ", ")
    }
}
