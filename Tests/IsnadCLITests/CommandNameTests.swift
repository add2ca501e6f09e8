import Foundation
import Testing

/// A word that names no command is reported as one, with the nearest
/// command, instead of falling to the default command (the REPL).
@Suite struct CommandNameTests {
    let cli = CommandLineTests()

    // Fixed bug (issue 34): `isnad stat` said "Unexpected argument 'stat'"
    // with the REPL's usage.
    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let run = try cli.isnad(["stat"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "error: unknown command 'stat'\nhelp: did you mean 'stats'?\n")
        let after = try cli.isnad(["--store", "/nonexistent/isnad-store", "qeury", "x"])
        #expect(after.status == 2)
        #expect(after.stderr == "error: unknown command 'qeury'\nhelp: did you mean 'query'?\n")
    }

    // Fixed bug (issue 34): `isnad check --help`, before there was a
    // `check`, printed the REPL's help.
    @Test func helpOfAnUnknownCommandIsNotTheREPLs() throws {
        let run = try cli.isnad(["vacuum", "--help"])
        #expect(run.status == 2)
        #expect(!run.stdout.contains("interactively"))
        #expect(run.stderr.hasPrefix("error: unknown command 'vacuum'\nhelp: the commands are repl, query, run,"))
    }

    @Test func aQueryWithoutTheQueryCommandIsPointedToIt() throws {
        let run = try cli.isnad(["actor:Kirby stance:deny"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown command 'actor:Kirby stance:deny'\nhelp: to run a query, write 'isnad query' before it\n")
    }

    @Test func knownCommandsAndOptionsStillParse() throws {
        #expect(try cli.isnad(["stats", "--help"]).status == 0)
        #expect(try cli.isnad(["help", "stats"]).status == 0)
        #expect(try cli.isnad(["--version"]).stdout == "isnad 0.1.0\n")
        // A query that starts with a word is the query command's business.
        #expect(try cli.isnad(["parse", "stat"]).status == 0)
    }
}
