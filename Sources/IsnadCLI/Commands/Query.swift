import ArgumentParser
import Foundation
import Isnad
import IsnadQuery

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a query against the store and print the result.",
        discussion: """
            The query language is described in docs/query-language.md. Results go to
            standard output; errors, with carets under the mistake, to standard error.

            Examples:
              isnad query 'country:Iran stance:deny date>=2022-10'
              isnad query --format json 'stance:deny | count by actor'
              isnad query --format csv 'actor:"John Kirby" | timeline month' > kirby.csv
              isnad query --explain 'actor:Kirby صواريخ'
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("table, line (a block per record), json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(help: "Print the plan with estimated and actual sizes, after the result.")
    var explain = false

    @Flag(help: "Never colour output or diagnostics (also: NO_COLOR in the environment).")
    var noColor = false

    @Argument(
        parsing: .allUnrecognized,
        help: "The query; quote it for the shell. Several arguments are joined with spaces.")
    var words: [String] = []

    func validate() throws {
        if QueryWords.text(words).isEmpty {
            throw ValidationError("give a query, e.g. isnad query 'stance:deny | count'")
        }
    }

    func run() throws {
        let text = QueryWords.text(words)
        let compilation = Compilation(text)
        guard let checked = compilation.checked else {
            FileHandle.standardError.write(
                Data(
                    DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2))
                        .format(compilation.diagnostics, in: text).utf8))
            throw ExitCode(1)
        }
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let result: IsnadQuery.QueryResult
            do {
                result = try QueryEngine(store: store.index).run(checked, provenance: format == .json)
            } catch let error as QueryTooLarge {
                FileHandle.standardError.write(
                    Data(
                        DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2))
                            .format([compilation.diagnostic(for: error)], in: text).utf8))
                throw ExitCode(1)
            }
            var text = ResultFormatter.forStandardOutput(format, noColor: noColor).render(result)
            if text.utf8.last != 0x0A { text += "\n" }  // JSON ends without one; CSV ends in CRLF
            FileHandle.standardOutput.write(Data(text.utf8))
            if explain, let plan = result.plan {
                print("\nplan:\n" + plan.render(indent: "  "))
            }
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// The query a command was given as words: `--` ends the options (so a
/// query may start with `-` or look like an option) and is no part of the
/// query. ArgumentParser hands it over among the unrecognized words; only
/// the first one is the terminator, a later one is a word of the query.
enum QueryWords {
    static func text(_ words: [String]) -> String {
        var words = words
        if let terminator = words.firstIndex(of: "--") { words.remove(at: terminator) }
        return words.joined(separator: " ")
    }
}
