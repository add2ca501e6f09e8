import ArgumentParser
import Foundation
import Isnad

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the whole store for damage.",
        discussion: """
            Reads every record and every index list of one snapshot, as SQLite's
            PRAGMA integrity_check does: each record against its checksum, the key
            tables and the lists against the records, the id counters. Prints "ok"
            for a healthy store (exit code 0); otherwise each problem and where it
            is, then whether `isnad export` can still save the records (exit code 3).

            Examples:
              isnad check
              isnad check --store news.isnad --max-problems 1000
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("How many problems to list (the rest are counted).", valueName: "n"))
    var maxProblems = 100

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let bar = ProgressBar("checking", unit: "entries")
            let report = try store.check(maximumProblems: max(0, maxProblems)) { done, total in
                bar.update(done, of: total)
            }
            bar.finish()
            guard !report.isHealthy else {
                print("ok")
                return
            }
            for problem in report.problems { print(problem) }
            let more = report.problemCount - report.problems.count
            if more > 0 { print("… and \(more) more problem\(more == 1 ? "" : "s")") }
            print(Check.exportLine(report))
            throw ExitCode(3)
        }
    }

    /// The last line of a report: what `isnad export` can still save.
    static func exportLine(_ report: CheckReport) -> String {
        let records = "\(report.entities) entities, \(report.articles) articles, \(report.statements) statements"
        if report.exportable {
            return "isnad export can save every record (\(records)); importing the export into a new store "
                + "rebuilds the indexes"
        }
        let n = report.damagedRecords
        return "\(n) record\(n == 1 ? " is" : "s are") damaged: isnad export stops at \(n == 1 ? "it" : "them"); "
            + "isnad export --skip-damaged saves the rest (of \(records))"
    }
}
