import ArgumentParser
import Foundation
import IsnadQuery

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
        subcommands: [
            Repl.self, Query.self, Run.self, Ingest.self, Import.self, Export.self, Stats.self, Check.self, Compact.self, Entities.self,
            Analyze.self, Parse.self, Eval.self,
        ],
        defaultSubcommand: Repl.self
    )

    /// Exit codes: 0 success, 1 query or input error, 2 usage error, 3 store
    /// error. ArgumentParser reports usage errors as 64 (EX_USAGE); they are
    /// mapped to 2 here so every command follows one table.
    static func main() {
        if let message = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            printError(message)
            Foundation.exit(2)
        }
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

extension IsnadCommand {
    /// The REPL's options that take a value: what follows them is no command.
    static let replOptionsWithValues: Set<String> = ["--store", "--format"]

    /// The message for a first word that names no command (`isnad stat`),
    /// nil when there is none. Without this check the word fell to the
    /// default command, the REPL, which said "Unexpected argument 'stat'"
    /// and showed its own usage, and `isnad vacuum --help` printed the
    /// REPL's help as if `check` were the REPL.
    static func unknownCommand(in arguments: [String]) -> String? {
        var k = 0
        while k < arguments.count {
            let argument = arguments[k]
            if argument == "--" { return nil }
            if argument.hasPrefix("-") {
                k += replOptionsWithValues.contains(argument) ? 2 : 1
                continue
            }
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if names.contains(argument) { return nil }
            // A query typed without `query` (it has a field, a space or a
            // pipe) is pointed to the command that runs it.
            let looksLikeQuery = argument.contains { ":| <>\"".contains($0) }
            let help =
                Suggestion.nearest(to: argument, in: names).map { "help: did you mean '\($0)'?" }
                ?? (looksLikeQuery
                    ? "help: to run a query, write 'isnad query' before it"
                    : "help: the commands are " + names.filter { $0 != "help" }.joined(separator: ", "))
            return "error: unknown command '\(argument)'\n\(help)"
        }
        return nil
    }
}
