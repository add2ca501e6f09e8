import ArgumentParser
import Foundation

@main
struct IsnadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isnad",
        abstract: "Who said what, when: an analytic store for attributed statements in the news.",
        discussion: """
            Examples:
              isnad                             the REPL (on a terminal; .help inside)
              isnad ingest examples/corpus      load the sample articles into the default store
              isnad query 'country:Iran stance:deny date>=2022-10 | count by actor'
              isnad run examples/queries/denials.isq --param since=2023-01
              isnad stats                       what the store holds
              isnad parse 'actor:Kirby stance:deny date>2022-10'
                                                check a query, print its canonical form

            The store is the folder given by --store, else $ISNAD_STORE, else
            $XDG_DATA_HOME/isnad/store (~/.local/share/isnad/store).
            """,
        version: "isnad 0.1.0",
        subcommands: [Repl.self, Query.self, Run.self, Ingest.self, Import.self, Export.self, Stats.self, Compact.self, Entities.self,
                      Analyze.self, Parse.self, Eval.self],
        defaultSubcommand: Repl.self
    )

    /// Exit codes: 0 success, 1 query or input error, 2 usage error, 3 store
    /// error. ArgumentParser reports usage errors as 64 (EX_USAGE); they are
    /// mapped to 2 here so every command follows one table.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
