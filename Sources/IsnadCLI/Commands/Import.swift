import ArgumentParser
import Foundation
import Isnad
import IsnadIndex

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import statements, entities and articles from JSON Lines files.",
        discussion: """
            Reads the files that `isnad export` writes (and that the benchmark's
            corpus generator writes: gencorpus.py, in ../shared/tools, the folder
            of tools beside a development clone): entities first, then articles, then
            statements, whatever the order given. Importing the same file again
            changes nothing; a record with a known id and new content replaces the
            old one. The whole import is one transaction: it is stored entirely or
            not at all, and readers never see an article without its statements.
            An article replaced with another text loses the statements stored for
            it, but for those the import brings again. An id given twice in a file:
            the later line replaces the earlier (the last one wins), whatever --batch.

            A malformed line is reported with its file, line number and reason, and
            the rest of the file still loads; with --strict, a file with any
            malformed line loads nothing. Nothing already stored is touched by a bad
            line. Exits 1 when any line was rejected.

            Examples:
              isnad import --store news.isnad --entities corpus/entities.jsonl \\
                           --articles corpus/articles.jsonl --statements corpus/statements.jsonl
              isnad import --strict --statements more.jsonl
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Entities (name, kind, aliases_ar, aliases_en, country, role).", valueName: "file"))
    var entities: String?

    @Option(help: ArgumentHelp("Articles (id, source, url, published, lang, title, text).", valueName: "file"))
    var articles: String?

    @Option(help: ArgumentHelp("Statements (id, doc, actor, stance, date, quote, about).", valueName: "file"))
    var statements: String?

    @Flag(help: "Load nothing from a file that has any malformed line.")
    var strict = false

    @Option(help: ArgumentHelp("Records read and written at a time (the whole import is one transaction).", valueName: "n"))
    var batch = 25_000

    func validate() throws {
        guard entities != nil || articles != nil || statements != nil else {
            throw ValidationError("give at least one of --entities, --articles, --statements")
        }
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let files = [(RecordKind.entities, entities), (.articles, articles), (.statements, statements)]
                .compactMap { kind, path in path.map { (kind, $0) } }
            let (lines, rejected) = try Import.perform(files, strict: strict, batch: batch, into: store)
            for line in lines { print(line) }
            if rejected > 0 { throw ExitCode(1) }
        }
    }

    /// Imports `files`; reports malformed lines on standard error and
    /// returns the summary lines and the number of rejected lines. Shared
    /// with the REPL's `.import`.
    static func perform(
        _ files: [(RecordKind, String)], strict: Bool = false, batch: Int = 25_000,
        into store: Store
    ) throws -> (lines: [String], rejected: Int) {
        BatchMemory.keep()
        defer { BatchMemory.giveBack() }
        var importer = Importer(store: store.index)
        importer.strict = strict
        importer.batchSize = batch
        let bar = ProgressBar("importing")
        importer.progress = { done, total in bar.update(done, of: total) }
        let started = Date()
        let reports: [FileImport]
        do {
            reports = try importer.run(files)
        } catch let failure as ImportFailure {
            bar.finish()
            throw CLIError.input(failure.description)
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        var rejected = 0
        var lines: [String] = []
        for report in reports {
            for problem in report.problems.prefix(10) { printError("error: \(problem)") }
            if report.problems.count > 10 {
                printError("error: \(report.file): \(report.problems.count - 10) more malformed lines")
            }
            rejected += report.problems.count
            let counts: ChangeCounts
            switch report.kind {
            case .entities: counts = report.result.entities
            case .articles: counts = report.result.articles
            case .statements: counts = report.result.statements
            }
            let what =
                report.skipped
                ? "nothing loaded (--strict)" : "\(counts.added) added, \(counts.replaced) replaced, \(counts.unchanged) unchanged"
            lines.append("\(report.kind.rawValue): \(what), \(report.problems.count) rejected ← \(report.file)")
            if report.repeated > 0 {
                printError(
                    "note: \(report.file): \(report.repeated) \(report.repeated == 1 ? "line repeats an id" : "lines repeat ids") "
                        + "of earlier lines; each replaced the one before it (the last one wins)")
            }
        }
        let removed = reports.reduce(0) { $0 + $1.result.removedStatements }
        if removed > 0 {
            lines.append(
                "statements: \(removed) removed: their articles were replaced with another text and this import did not bring them again")
        }
        let total = reports.reduce(0) { $0 + $1.lines }
        lines.append(
            String(
                format: "%d lines in %.1f s (%.0f/s) → %@", total, seconds,
                Double(total) / max(seconds, 0.001), store.path))
        return (lines, rejected)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the store out as entities.jsonl, articles.jsonl and statements.jsonl.",
        discussion: """
            The files have the format `isnad import` reads, so a store can be moved,
            inspected or rebuilt: import, export and import again gives the same store.

            A damaged record stops the export (exit code 3) and nothing is written;
            with --skip-damaged each damaged record is named on standard error and
            left out, and the rest is written (exit code 3 all the same). `isnad check`
            says which records are damaged.

            Examples:
              isnad export --store news.isnad --out backup/
              isnad export --store damaged.isnad --out rescued/ --skip-damaged
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The folder to write the three files into.", valueName: "dir"))
    var out: String

    @Flag(help: "Leave out damaged records, naming each, and write the rest.")
    var skipDamaged = false

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let counts: (entities: Int, articles: Int, statements: Int)
            var skipped = 0
            do {
                counts = try Exporter(store: store.index).run(
                    to: out,
                    skipping: skipDamaged
                        ? { error in
                            skipped += 1
                            printError("skipped: \(error.message)")
                        } : nil)
            } catch let failure as ExportFailure {
                throw CLIError.input(failure.description)
            }
            print("\(counts.entities) entities, \(counts.articles) articles, \(counts.statements) statements → \(out)")
            if skipped > 0 {
                printError("error: \(skipped) damaged record\(skipped == 1 ? "" : "s") left out; the rest was exported")
                throw ExitCode(3)
            }
        }
    }
}
