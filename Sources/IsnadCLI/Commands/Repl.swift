import ArgumentParser
import Foundation
import Isnad
import IsnadQuery

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask questions interactively (the default when isnad runs alone on a terminal).",
        discussion: """
            Type a query and press Return; .help lists the commands. Tab completes
            fields, stances, stages, commands and entity names (Arabic and Latin).
            An open parenthesis or quote, or a trailing |, continues the query on the
            next line. Ctrl-C abandons the line or stops a running query; Ctrl-D,
            exit or quit leaves. History is kept in $XDG_DATA_HOME/isnad/history.
            Rows too wide for the terminal come one block per record; results
            longer than the screen go through less -SR ($ISNAD_PAGER or $PAGER
            names another; .pager off turns it off).

            With standard input not a terminal, queries and commands are read from
            it one per line and only their results are printed; the exit code is 1
            if any failed.

            Examples:
              isnad                                 the REPL on the default store
              isnad repl --store news.isnad
              echo 'stance:deny | count by actor' | isnad repl --format csv
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("table, line (a block per record), json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(help: "Never colour output (also: NO_COLOR in the environment).")
    var noColor = false

    func run() throws {
        try reportingErrors {
            let session = Session(store: try storeOptions.open())
            session.format = format
            session.noColor = noColor
            session.loadNames()
            let folder = StoreOptions.dataFolder
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let editor = LineEditor(program: "isnad", historyFile: (folder as NSString).appendingPathComponent("history"))
            if let editor {
                Interrupt.install()
                // On a terminal: rows too wide become records, long
                // results go through the pager (.pager off stops it).
                session.recordsWhenNarrow = true
                session.paging = true
                editor.complete = { [unowned session] before in session.completer.complete(before) }
                session.write(session.welcome())
            }
            var pending = ""
            reading: while true {
                let input: LineInput
                if let editor {
                    input = editor.read(prompt: pending.isEmpty ? "isnad> " : "  ...> ")
                } else {
                    input = readLine(strippingNewline: true).map(LineInput.line) ?? .end
                }
                switch input {
                case .end:
                    if editor != nil { session.write("\n") }
                    if !pending.isEmpty { session.execute(pending) }
                    break reading
                case .interrupted:
                    session.write("^C\n")
                    pending = ""
                case .line(let line):
                    pending += (pending.isEmpty ? "" : "\n") + line
                    if Session.isIncomplete(pending) { continue }
                    let entry = pending
                    pending = ""
                    if !entry.trimmingCharacters(in: .whitespaces).isEmpty {
                        editor?.remember(entry.replacingOccurrences(of: "\n", with: " "))
                    }
                    if !session.execute(entry) { break reading }
                }
            }
            // A script on standard input reports its failures by exit code.
            if editor == nil, session.failures > 0 { throw ExitCode(1) }
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run saved query files (.isq) and print each result under its title.",
        discussion: """
            A query file holds queries separated by blank lines, each under its
            # comment, and parameters declared as `let name = value` and used as
            $name (docs/query-language.md, examples/queries/).

            Examples:
              isnad run examples/queries/denials.isq
              isnad run examples/queries/denials.isq --param since=2023-01
              isnad run --format csv examples/queries/*.isq > results.csv
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("table, line (a block per record), json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter the file declares.", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(help: "Never colour output (also: NO_COLOR in the environment).")
    var noColor = false

    @Argument(help: ArgumentHelp("Query files.", valueName: "file.isq"))
    var files: [String]

    func validate() throws {
        for parameter in parameters where QueryFile.parameter(parameter) == nil {
            throw ValidationError("--param '\(parameter)': write name=value")
        }
    }

    func run() throws {
        try reportingErrors {
            let session = Session(store: try storeOptions.open(readOnly: true))
            session.format = format
            session.noColor = noColor
            session.limit = 0
            var values: [String: String] = [:]
            for parameter in parameters {
                if let (name, value) = QueryFile.parameter(parameter) { values[name] = value }
            }
            var ok = true
            for (k, file) in files.enumerated() {
                if k > 0, format == .table { session.write("\n") }
                ok = session.runFile(file, parameters: values) && ok
            }
            if !ok { throw ExitCode(1) }
        }
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entities of the store: all, by name, or by a query.",
        discussion: """
            A plain word lists the entities with a name or alias starting with it,
            in any script; a query with fields lists the entities it matches.

            Examples:
              isnad entities                       every entity
              isnad entities بيسك                  names starting so (Peskov)
              isnad entities 'kind:person country:Iran'
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("table, line (a block per record), json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(help: "Never colour output (also: NO_COLOR in the environment).")
    var noColor = false

    @Argument(help: ArgumentHelp("A name prefix or a query.", valueName: "query"))
    var words: [String] = []

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let text = words.joined(separator: " ")
            var only: Set<String>?
            var prefix = text
            if text.contains(":") {
                // Errors are reported against the user's text, then it runs
                // inside the wrapper that makes it an entity query.
                let query = "is:entity (\(text)) | fields id"
                let own = Compilation(text)
                let source = own.checked == nil ? text : query
                let compilation = own.checked == nil ? own : Compilation(query)
                guard let checked = compilation.checked else {
                    FileHandle.standardError.write(
                        Data(
                            DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2))
                                .format(compilation.diagnostics, in: source).utf8))
                    throw ExitCode(1)
                }
                let result = try QueryEngine(store: store.index).run(checked)
                only = Set(result.rows.map { $0[0].description })
                prefix = ""
            }
            let table = try Session.entityTable(store, prefix: prefix, limit: nil, only: only)
            FileHandle.standardOutput.write(Data(ResultFormatter.forStandardOutput(format, noColor: noColor).render(table).utf8))
        }
    }
}
