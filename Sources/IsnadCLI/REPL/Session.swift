import Foundation
import Isnad
import IsnadIndex
import IsnadQuery
import IsnadText

/// What the REPL and `isnad run` share: an open store, the output
/// settings, and the running of queries, query files and dot-commands.
/// Results go to `output` (standard output or the `.output` file),
/// messages to standard error.
final class Session {
    private(set) var store: Store
    private(set) var completer = Completer()
    var format: OutputFormat = .table
    /// Rows shown per result; 0 shows all. Counting still sees every row.
    var limit = 50
    var timer = false
    var noColor = false
    /// Tables whose rows cannot fit the terminal are shown one block per
    /// record instead (`ResultFormatter.fits`): the REPL's choice.
    var recordsWhenNarrow = false
    /// Results longer than the screen go through the pager (`.pager`);
    /// only the REPL on a terminal sets it.
    var paging = false
    /// Queries and commands that failed: a script fed on standard input
    /// exits 1 when any did.
    private(set) var failures = 0
    private var outputFile: (path: String, handle: FileHandle)?
    /// Results are written here; tests capture them.
    var write: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    var writeError: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    init(store: Store) {
        self.store = store
    }

    /// Entity names for completion, read once per store: only entities that
    /// statements name, as actor or topic (not every gazetteer place and
    /// weapon), weighted by how many do.
    func loadNames() {
        var statements: [String: Int] = [:]
        for field in ["actor", "about"] {
            for row in (try? store.query("is:statement | count by \(field)").counts) ?? [] {
                if let name = row.keys.first { statements[name, default: 0] += row.count }
            }
        }
        var names: [(name: String, statements: Int)] = []
        try? store.index.snapshot { txn in
            try store.index.forEach(EntityRecord.self, txn: txn) { _, entity in
                guard let count = statements[entity.name], count > 0 else { return }
                for name in [entity.name] + entity.aliasesAr + entity.aliasesEn { names.append((name, count)) }
            }
        }
        completer = Completer(weighted: names)
    }

    var onTerminal: Bool { outputFile == nil && isatty(1) == 1 }

    func welcome() -> String {
        let counts =
            (try? store.statistics()).map {
                "\($0.articles) articles, \($0.statements) statements, \($0.entities) entities"
            } ?? "statistics unavailable"
        return "isnad 0.1.0 — \(store.path) (\(counts))\nType a query, or .help for help; Ctrl-D leaves.\n"
    }

    // MARK: - Input

    /// Whether `text` needs another line: an open parenthesis or quote, or
    /// a pipe with no stage after it yet.
    static func isIncomplete(_ text: String) -> Bool {
        if text.hasPrefix(".") { return false }
        var depth = 0
        var inQuote = false
        for character in text {
            if character == "\"" {
                inQuote.toggle()
            } else if !inQuote {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            }
        }
        return inQuote || depth > 0 || text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("|")
    }

    /// Runs one complete input: a query or a dot-command. False when the
    /// user asked to leave.
    @discardableResult
    func execute(_ input: String) -> Bool {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.hasPrefix("#") { return true }
        if text.hasPrefix(".") { return command(text) }
        // Alone on a line, the words a shell leaves or helps on (psql,
        // mysql, sh) do so here too, not search; "exit" in quotes is the word.
        switch Session.shellWord(text) {
        case "exit", "quit": return false
        case "help":
            write(Session.help)
            return true
        default: break
        }
        _ = runQuery(text)
        return true
    }

    /// `exit`, `quit` or `help` when `text` is only that word (any case,
    /// a `;` or `()` after it allowed, as shells and psql take them).
    static func shellWord(_ text: String) -> String? {
        var word = text.lowercased()
        for ending in [";", "()"] where word.hasSuffix(ending) { word = String(word.dropLast(ending.count)) }
        word = word.trimmingCharacters(in: .whitespaces)
        return ["exit", "quit", "help"].contains(word) ? word : nil
    }

    // MARK: - Queries

    /// Checks, runs and prints one query. False on an error.
    func runQuery(_ text: String, explain: Bool = false, origin: (QueryFile, QueryFile.Entry)? = nil) -> Bool {
        let compilation = Compilation(text)
        func report(_ problems: [Diagnostic]) {
            if let (file, entry) = origin {
                let formatter = DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2), origin: file.path)
                writeError(formatter.format(file.diagnostics(problems, of: entry), in: file.source))
            } else {
                writeError(DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2)).format(problems, in: text))
            }
        }
        let problems = compilation.diagnostics
        if !problems.isEmpty { report(problems) }
        guard let checked = compilation.checked else {
            failures += 1
            return false
        }
        Interrupt.clear()
        var options = RunOptions()
        options.provenance = format == .json
        options.rowLimit = limit > 0 ? limit : nil
        options.shouldStop = { Interrupt.requested }
        let started = DispatchTime.now().uptimeNanoseconds
        let result: QueryResult
        do {
            try Session.testDelay()
            result = try QueryEngine(store: store.index).run(checked, options: options)
        } catch is QueryInterrupted {
            writeError("\nquery interrupted\n")
            return false
        } catch let error as QueryTooLarge {
            report([compilation.diagnostic(for: error)])
            failures += 1
            return false
        } catch {
            writeError("error: \(error)\n")
            failures += 1
            return false
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        guard show(result) else {
            writeError("\noutput interrupted\n")
            return false
        }
        if result.total > result.rows.count, format != .table {
            writeError("(\(result.rows.count) of \(result.total) rows; .limit 0 shows all)\n")
        }
        if explain, let plan = result.plan { emit("plan:\n" + plan.render(indent: "  ") + "\n") }
        if timer { writeError(String(format: "time: %.2f ms\n", elapsed)) }
        return true
    }

    /// Writes a result a few lines at a time, so Ctrl-C stops a long
    /// listing too. False when interrupted.
    private func show(_ result: QueryResult, bars: Bool = true) -> Bool {
        var formatter = formatter(bars: bars)
        if recordsWhenNarrow, onTerminal, formatter.format == .table, !formatter.fits(result) {
            formatter.format = .line
        }
        let text = formatter.render(result)
        if paging, onTerminal, let command = Pager.command(), Pager.isLonger(text), Pager.show(text, through: command) {
            // Ctrl-C inside the pager is the pager's; it stops nothing here.
            Interrupt.clear()
            return true
        }
        var chunk = ""
        var lines = 0
        // By the byte 0x0A: CSV's "\r\n" is one Character to Swift.
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            chunk += String(decoding: line, as: UTF8.self) + "\n"
            lines += 1
            if lines % 64 == 0 {
                if Interrupt.requested { return false }
                emit(chunk)
                chunk = ""
            }
        }
        if Interrupt.requested { return false }
        emit(chunk)
        return true
    }

    private func formatter(bars: Bool = true) -> ResultFormatter {
        var formatter = ResultFormatter.forOutput(format, onTerminal: onTerminal, noColor: noColor)
        formatter.bars = bars
        return formatter
    }

    private func emit(_ text: String) {
        if let file = outputFile { file.handle.write(Data(text.utf8)) } else { write(text) }
    }

    /// For the interruption test: `ISNAD_TEST_QUERY_DELAY_MS` makes each
    /// query wait that long first, as a slow query on a big store would,
    /// and that wait ends at Ctrl-C like a running query does.
    private static func testDelay() throws {
        guard let value = ProcessInfo.processInfo.environment["ISNAD_TEST_QUERY_DELAY_MS"],
            let milliseconds = Int(value), milliseconds > 0
        else { return }
        for _ in 0..<(milliseconds / 10) {
            if Interrupt.requested { throw QueryInterrupted() }
            usleep(10_000)
        }
    }

    // MARK: - Query files

    /// Runs every query of a `.isq` file, each under its title. False if
    /// the file could not be read or a query failed.
    func runFile(_ path: String, parameters: [String: String] = [:]) -> Bool {
        // Says why a file cannot be read (no such file, a folder, no
        // permission) and names it.
        guard let data = FileManager.default.contents(atPath: path) else {
            writeError("error: \(path): cannot read the file: \(QueryFile.whyUnreadable(path))\n")
            failures += 1
            return false
        }
        guard let source = String(data: data, encoding: .utf8) else {
            writeError("error: '\(path)' is not UTF-8 text\n")
            failures += 1
            return false
        }
        let file = QueryFile(checking: source, path: path, overrides: parameters)
        guard check(file) else {
            failures += 1
            return false
        }
        var ok = true
        for (k, entry) in file.entries.enumerated() {
            if format == .table {
                let title = "# " + (entry.title ?? entry.text.replacingOccurrences(of: "\n", with: " "))
                let bold = onTerminal && Terminal.colors(noColor: noColor, fd: 1)
                emit((k > 0 ? "\n" : "") + (bold ? "\u{1B}[1m\(title)\u{1B}[0m" : title) + "\n")
            }
            ok = runQuery(entry.text, origin: (file, entry)) && ok
            if Interrupt.requested { break }
        }
        return ok
    }

    /// Checks a whole query file before any of it runs: its own problems
    /// (declarations, `$name`s, overrides) and every query's errors, all
    /// reported in line order. True when there is none; otherwise the file
    /// is refused whole, so that a run never stops half-way through it.
    func check(_ file: QueryFile) -> Bool {
        let formatter = DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2), origin: file.path)
        var reports: [(line: Int, column: Int, text: String)] = file.problems.map { ($0.line, $0.column, $0.description) }
        for entry in file.entries where !entry.hasProblem {
            let errors = Compilation(entry.text).diagnostics.filter { $0.severity == .error }
            for diagnostic in file.diagnostics(errors, of: entry) {
                reports.append((diagnostic.span.line, diagnostic.span.column, formatter.format(diagnostic, in: file.source)))
            }
        }
        guard !reports.isEmpty else { return true }
        // Stable: a line's problems keep the order they were found in.
        let ordered = reports.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }
        writeError(ordered.map(\.element.text).joined())
        let count = reports.count == 1 ? "an error" : "\(reports.count) errors"
        writeError("error: '\(file.path)' has \(count); none of its queries was run\n")
        return false
    }

    // MARK: - Dot-commands

    static let help: String = {
        func columns(_ rows: [(String, String)]) -> String {
            let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
            return rows.map { "  " + $0.0 + String(repeating: " ", count: width - DisplayWidth.of($0.0) + 3) + $0.1 }
                .joined(separator: "\n") + "\n"
        }
        return "Queries (docs/query-language.md):\n"
            + columns([
                ("country:Iran stance:deny date>=2022-10", "filters; AND is implied"),
                ("stance:(deny OR decline) -actor:Peskov", "OR, groups, negation"),
                ("\"طائرات مسيرة\" date:2023", "words and phrases of the quotes"),
                ("stance:deny | count by actor | limit 10", "pipe stages: count, top, timeline,"),
                ("actor:كيربي | timeline month", "sort, limit, fields, articles"),
            ]) + """
                A query may span lines: an open parenthesis, quote or trailing | continues it.
                Tab completes fields, stances, stages, commands and entity names.
                exit or quit alone on a line leaves, help shows this; "exit" searches the word.

                Commands:

                """
            + columns([
                (".help", "this text"),
                (".fields", "the fields a query can use"),
                (".stances", "the stances, with how many statements have each"),
                (".entities [prefix]", "entities whose name or alias starts with prefix"),
                (".stats", "what the store holds"),
                (".explain QUERY", "run QUERY and show its plan with sizes"),
                (".explain ID", "why statement ID has its stance: the rule and the words"),
                (".timer on|off", "print how long each query takes"),
                (".format table|line|json|csv", "how results are printed (line: a block per record)"),
                (".pager on|off", "show results longer than the screen in less -SR"),
                (".limit N", "rows shown per result (0: all)"),
                (".open PATH", "open (or create) another store"),
                (".ingest PATH…", "add articles: .txt, .jsonl, folders"),
                (".import [KIND] FILE…", "import entities, articles or statements (JSON Lines)"),
                (".read FILE.isq [k=v…]", "run a saved query file"),
                (".output [FILE]", "send results to FILE; alone, back to the screen"),
                (".quit", "leave (also exit, quit, Ctrl-D)"),
            ])
    }()

    /// Why a statement has its stance, for `.explain ID`:
    ///
    ///     a0000001:2  Dana Reyes  deny
    ///       said: “the reports of a spill were baseless”
    ///       stance from what was said: a denial, “baseless”
    static func explanation(of statement: Statement) -> String {
        var lines = ["\(statement.id)  \(statement.actor ?? "")  \(statement.stance?.rawValue ?? "")"]
        lines.append("  \(statement.cue ?? "said"): “\(statement.quote)”")
        if let sentence = statement.sentence { lines.append("  sentence: \(sentence)") }
        guard let basis = statement.stanceBasis else {
            lines.append("  the store keeps no reason for this stance (imported, or extracted by an older Isnad)")
            return lines.joined(separator: "\n") + "\n"
        }
        let words = basis.words.map { "“\($0)”" }.joined(separator: ", ")
        switch basis.rule {
        case "content":
            lines.append("  stance from what was said: \(basis.signal)" + (words.isEmpty ? "" : ", \(words)"))
            if let cue = statement.cue { lines.append("  (the cue “\(cue)” alone says no more than that it was said)") }
        case "media": lines.append("  stance: the speaker is a media outlet or a report" + (words.isEmpty ? "" : ", \(words)"))
        case "performative": lines.append("  stance from a first-person act inside the quotation: \(words)")
        default: lines.append("  stance from the cue: \(words.isEmpty ? statement.cue.map { "“\($0)”" } ?? "" : words)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs a dot-command. False for `.quit`.
    func command(_ text: String) -> Bool {
        let words = Session.split(text)
        guard let name = words.first else { return true }
        let arguments = Array(words.dropFirst())
        let rest = text.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        do {
            switch name {
            case ".quit", ".exit", ".q": return false
            case ".help": write(Session.help)
            case ".fields": emit(Session.fieldsTable)
            case ".stances": try stances()
            case ".entities": try entities(prefix: rest)
            case ".stats": emit(try Session.statistics(store).map { "\($0.0)  \($0.1)" }.joined(separator: "\n") + "\n")
            case ".explain":
                guard !rest.isEmpty else { throw CLIError.input("usage: .explain QUERY, or .explain ID for a statement's stance") }
                if arguments.count == 1, let statement = try store.statement(id: rest) {
                    emit(Session.explanation(of: statement))
                } else {
                    _ = runQuery(rest, explain: true)
                }
            case ".timer":
                guard let value = arguments.first else {
                    write("timer \(timer ? "on" : "off")\n")
                    break
                }
                guard value == "on" || value == "off" else { throw CLIError.input("usage: .timer on|off") }
                timer = value == "on"
            case ".format":
                guard let value = arguments.first else {
                    write("format \(format.rawValue)\n")
                    break
                }
                guard let chosen = OutputFormat(rawValue: value) else {
                    throw CLIError.input("usage: .format table|line|json|csv")
                }
                format = chosen
            case ".pager":
                guard let value = arguments.first else {
                    write("pager \(paging ? "on (\(Pager.command() ?? "none: ISNAD_PAGER or PAGER is empty"))" : "off")\n")
                    break
                }
                guard value == "on" || value == "off" else { throw CLIError.input("usage: .pager on|off") }
                paging = value == "on"
            case ".limit":
                guard let value = arguments.first else {
                    write("limit \(limit)\(limit == 0 ? " (all rows)" : "")\n")
                    break
                }
                guard let n = Int(value), n >= 0 else { throw CLIError.input("usage: .limit N (0 shows all rows)") }
                limit = n
            case ".open":
                guard arguments.count == 1 else { throw CLIError.input("usage: .open PATH") }
                store = try StoreOptions.open(path: (arguments[0] as NSString).expandingTildeInPath, readOnly: false)
                loadNames()
                write(welcome())
            case ".ingest":
                guard !arguments.isEmpty else { throw CLIError.input("usage: .ingest PATH…") }
                write(try Ingest.perform(arguments.map { ($0 as NSString).expandingTildeInPath }, into: store) + "\n")
                loadNames()
            case ".import":
                try importFiles(arguments)
                loadNames()
            case ".read":
                guard let path = arguments.first else { throw CLIError.input("usage: .read FILE.isq [name=value…]") }
                var parameters: [String: String] = [:]
                for argument in arguments.dropFirst() {
                    guard let (key, value) = QueryFile.parameter(argument) else {
                        throw CLIError.input("'\(argument)' is not a parameter; write name=value")
                    }
                    parameters[key] = value
                }
                _ = runFile((path as NSString).expandingTildeInPath, parameters: parameters)
            case ".output":
                try? outputFile?.handle.close()
                outputFile = nil
                guard let path = arguments.first else { break }
                let expanded = (path as NSString).expandingTildeInPath
                guard FileManager.default.createFile(atPath: expanded, contents: nil),
                    let handle = FileHandle(forWritingAtPath: expanded)
                else {
                    throw CLIError.input("cannot write to '\(path)'")
                }
                outputFile = (expanded, handle)
                write("results go to \(expanded) (.output alone: back to the screen)\n")
            default:
                let suggestion = Suggestion.nearest(to: name, in: Completer.dotCommands).map { "; did you mean '\($0)'?" } ?? ""
                throw CLIError.input("unknown command '\(name)'\(suggestion) (.help lists them)")
            }
        } catch let error as CLIError {
            failures += 1
            switch error {
            case .input(let message): writeError("error: \(message)\n")
            case .store(let error): writeError("error: \(error)\n")
            }
        } catch {
            failures += 1
            writeError("error: \(error)\n")
        }
        return true
    }

    private func importFiles(_ arguments: [String]) throws {
        var files: [(RecordKind, String)] = []
        var pending: RecordKind?
        for argument in arguments {
            if let kind = RecordKind(rawValue: argument) {
                pending = kind
                continue
            }
            let name = (argument as NSString).lastPathComponent.lowercased()
            let kind =
                pending
                ?? (name.contains("entit")
                    ? .entities
                    : name.contains("article")
                        ? .articles
                        : name.contains("statement") ? .statements : nil)
            guard let kind else {
                throw CLIError.input("say what '\(argument)' holds: .import entities|articles|statements \(argument)")
            }
            files.append((kind, (argument as NSString).expandingTildeInPath))
            pending = nil
        }
        guard !files.isEmpty else { throw CLIError.input("usage: .import [entities|articles|statements] FILE…") }
        let (lines, _) = try Import.perform(files, into: store)
        write(lines.joined(separator: "\n") + "\n")
    }

    static let fieldsTable: String = {
        let rows: [(String, String)] = [
            ("actor", "who made the statement: a name in any script, an alias, or part of one"),
            ("about", "an entity or topic the statement is about"),
            ("country", "the actor's country (actor:… country:Iran)"),
            ("source", "the outlet that published the article"),
            ("cites", "an outlet the article cites"),
            ("kind", "the actor's kind: person, org, media, country, …"),
            ("stance", "the stance taken: " + Stance.allCases.map(\.rawValue).joined(separator: ", ")),
            ("date", "the statement's date: date:2023, date>2022-10, date:2022-01..2022-06"),
            ("lang", "the article's language: ar or en"),
            ("quote", "words or a \"phrase\" of the quote; prefix*"),
            ("text", "words of the article's title and body"),
            ("doc", "the article's id"),
            ("is", "what the query returns: statement, article or entity"),
        ]
        return rows.map { $0.0.padding(toLength: 9, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
    }()

    private func stances() throws {
        let counts = try QueryEngine(store: store.index).run(try CheckedQuery(parsing: "| count by stance"))
        var byStance: [String: Int] = [:]
        for row in counts.rows {
            if case .text(let stance) = row[0], case .number(let n) = row[1] { byStance[stance] = n }
        }
        let meaning: [Stance: String] = [
            .assert: "states something as fact", .confirm: "confirms a report or claim",
            .deny: "denies a report or claim", .decline: "declines to confirm or comment",
            .warn: "warns of consequences", .accuse: "accuses someone", .condemn: "condemns an act",
            .concern: "expresses concern", .demand: "demands or calls for something",
            .threaten: "threatens action", .pledge: "promises to act", .admit: "admits something",
            .report: "a media outlet reports",
        ]
        var table = QueryResult(kind: .aggregate, columns: ["stance", "meaning", "count"], rows: [])
        for stance in Stance.allCases {
            table.rows.append([.text(stance.rawValue), .text(meaning[stance] ?? ""), .number(byStance[stance.rawValue] ?? 0)])
        }
        table.total = table.rows.count
        _ = show(table, bars: false)
    }

    private func entities(prefix: String) throws {
        _ = show(try Session.entityTable(store, prefix: prefix, limit: limit > 0 ? limit : nil))
    }

    /// Entities whose name or an alias starts with `prefix` (after
    /// normalisation), by name.
    static func entityTable(_ store: Store, prefix: String, limit: Int?, only: Set<String>? = nil) throws -> QueryResult {
        let key = Completer.key(prefix)
        var rows: [[Cell]] = []
        try store.index.snapshot { txn in
            try store.index.forEach(EntityRecord.self, txn: txn) { _, entity in
                let names = [entity.name] + entity.aliasesAr + entity.aliasesEn
                if let only, !only.contains(entity.name) { return }
                guard key.isEmpty || names.contains(where: { Completer.key($0).hasPrefix(key) }) else { return }
                rows.append([
                    .text(entity.name), entity.kind.map(Cell.text) ?? .null, entity.country.map(Cell.text) ?? .null,
                    entity.role.map(Cell.text) ?? .null, .list(entity.aliasesAr + entity.aliasesEn),
                ])
            }
        }
        rows.sort { $0[0].description < $1[0].description }
        var result = QueryResult(
            kind: .entities, columns: ["name", "kind", "country", "role", "aliases"],
            rows: Array(rows.prefix(limit ?? .max)))
        result.total = rows.count
        return result
    }

    static func statistics(_ store: Store) throws -> [(String, String)] {
        let stats = try store.statistics()
        let rows: [(String, String)] = [
            ("store", store.path),
            ("articles", String(stats.articles)),
            ("statements", String(stats.statements)),
            ("entities", String(stats.entities)),
            ("size", ByteCountFormatter.string(fromByteCount: Int64(stats.bytes), countStyle: .file)),
            ("format", "\(stats.formatVersion) (created by \(stats.creator))"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { ($0.0.padding(toLength: width, withPad: " ", startingAt: 0), $0.1) }
    }

    /// Words of a command line; double quotes keep spaces in a word.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuote = false
        var started = false
        for character in text {
            if character == "\"" {
                inQuote.toggle()
                started = true
            } else if character.isWhitespace, !inQuote {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
