import ArgumentParser
import Foundation
import Isnad

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure extraction against hand-annotated statements.",
        discussion: """
            Ingests the articles that DIR/docs.jsonl names (their text from DOC.txt in
            DIR or beside it; published date and outlet from docs.jsonl) and compares
            the statements extracted from them with DIR/statements.jsonl. A predicted
            statement matches a gold one when both are in the same article and the
            predicted sentence contains the gold evidence; each gold statement matches
            at most one prediction. Several --gold folders are scored as one set.

            An actor is right when it equals the gold's canonical name or the form the
            text uses (actor_native), or, for a named actor, has the same name key in
            either script (Lazzarini, لازاريني). A gold date of null is not scored.

            Prints precision, recall and F1 for: statement found; actor right; actor
            and stance right; actor, stance and date right (at the gold's precision),
            for all articles and for each language; a confusion table of stances; and
            every miss and false alarm with its sentence.

            The annotated corpora are not part of the project: they live in
            ../shared/corpus, a folder beside a development clone that CI provides
            (see the README):
              isnad eval --gold ../shared/corpus/seeds/gold
              isnad eval --gold ../shared/corpus/dev/gold --gold ../shared/corpus/seeds/gold
              isnad eval --gold ../shared/corpus/dev/gold --json
            """)

    @Option(help: ArgumentHelp("A folder with docs.jsonl and statements.jsonl (repeat for several).", valueName: "dir"))
    var gold: [String]

    @Option(help: ArgumentHelp("Ingest into this store (default: a temporary one, removed after).", valueName: "path"))
    var store: String?

    @Flag(help: "Print only the scores, as one JSON object.")
    var json = false

    func run() throws {
        try reportingErrors {
            let path =
                store
                ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("isnad-eval-\(UUID().uuidString)").path
            defer { if store == nil { try? FileManager.default.removeItem(atPath: path) } }
            let opened: Store
            do {
                opened = try Store(path: path)
            } catch let error as StoreError {
                throw CLIError.store(error)
            }
            let evaluation: Evaluation
            do {
                evaluation = try Evaluation.run(gold: gold, store: opened)
            } catch let error as CocoaError {
                let path = error.userInfo[NSFilePathErrorKey] as? String ?? gold.joined(separator: "', '")
                throw CLIError.input("cannot read the gold files: '\(path)': \(error.localizedDescription)")
            } catch let error as DecodingError {
                throw CLIError.input("the gold files in '\(gold.joined(separator: "', '"))' are not in the expected format: \(error)")
            }
            if json {
                print(evaluation.json)
                return
            }
            print(Eval.report(evaluation))
        }
    }

    /// The four scores of `e` as a table.
    static func table(_ e: Evaluation, title: String) -> [String] {
        var lines = [title.padding(toLength: 20, withPad: " ", startingAt: 0) + " precision  recall     F1"]
        for (name, score) in [
            ("found", e.found), ("actor", e.actor), ("actor+stance", e.actorStance),
            ("actor+stance+date", e.actorStanceDate),
        ] {
            lines.append(
                ("  " + name).padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(format: " %9.3f  %6.3f  %5.3f", score.precision, score.recall, score.f1))
        }
        lines.append(
            String(
                format: "  (%d gold statements, %d predicted, %d matched)", e.found.gold, e.found.predicted,
                e.found.truePositives))
        return lines
    }

    static func report(_ e: Evaluation) -> String {
        var lines = table(e, title: "all")
        for lang in e.languages.keys.sorted() where e.languages.count > 1 {
            if let scores = e.languages[lang] { lines += [""] + table(scores, title: lang) }
        }
        let stances = Array(Set(e.confusion.keys).union(e.confusion.values.flatMap(\.keys))).sorted()
        lines.append("\nstances (rows gold, columns predicted):")
        lines.append("          " + stances.map { String($0.prefix(8)).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined())
        for g in stances {
            let row = stances.map { p -> String in
                let n = e.confusion[g]?[p] ?? 0
                return (n == 0 ? "." : String(n)).padding(toLength: 9, withPad: " ", startingAt: 0)
            }
            lines.append(g.padding(toLength: 10, withPad: " ", startingAt: 0) + row.joined())
        }
        lines.append("\nmisses (\(e.misses.count)):")
        for g in e.misses { lines.append("  \(g.doc)  \(g.actor) / \(g.stance) / \(g.date ?? "-"): \(g.evidence)") }
        lines.append("\nfalse alarms (\(e.falseAlarms.count)):")
        for p in e.falseAlarms { lines.append("  \(p.doc)  \(p.actor) / \(p.stance.rawValue) [\(p.cue ?? "")]: \(p.sentence ?? "")") }
        lines.append("\nmatched with a wrong actor, stance or date (\(e.mismatches.count)):")
        for (g, p) in e.mismatches {
            // Which of the three differ.
            let wrong = [
                e.isSameActor(g, p.actor) ? nil : "actor", g.stance == p.stance.rawValue ? nil : "stance",
                Evaluation.sameDate(gold: g.date, predicted: p.date) ? nil : "date",
            ].compactMap { $0 }
            lines.append(
                "  \(g.doc)  wrong \(wrong.joined(separator: "+"))  gold \(g.actor) / \(g.stance) / \(g.date ?? "-")  predicted \(p.actor) / \(p.stance.rawValue) / \(p.date)"
                    + "  [\(p.cue ?? "")]: \(g.evidence)")
        }
        return lines.joined(separator: "\n")
    }
}
