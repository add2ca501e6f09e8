import Foundation
import IsnadQuery
import IsnadText
import Testing

import struct Isnad.Article
import struct Isnad.QueryFile
import class Isnad.Store

@testable import IsnadCLI

/// The REPL's parts without a terminal: completion, multi-line input,
/// query files, and tables.
@Suite struct ReplTests {
    let completer = Completer(entityNames: [
        "John Kirby", "Kirby", "كيربي", "جون كيربي", "Dmitry Peskov", "بيسكوف",
        "دميتري بيسكوف", "Nasser Kanaani",
    ])

    @Test func completesFieldsStancesAndStages() {
        #expect(completer.complete("sta").candidates == ["stance:"])
        #expect(completer.complete("actor:Kirby -sta").candidates == ["-stance:"])
        #expect(completer.complete("stance:de").candidates == ["stance:deny", "stance:decline", "stance:demand"])
        #expect(completer.complete("stance:de").word == "stance:de")
        #expect(completer.complete("actor:Kirby | ti").candidates == ["timeline"])
        #expect(completer.complete("actor:Kirby | timeline m").candidates == ["month"])
        #expect(completer.complete("| count b").candidates == ["by"])
        #expect(completer.complete("| count by st").candidates == ["stance"])
        #expect(completer.complete("| fields date, qu").candidates == ["quote"])
        #expect(completer.complete("is:art").candidates == ["is:article"])
        #expect(completer.complete("nothing:x").candidates.isEmpty)
    }

    @Test func completesTheMostNamedFirst() {
        let weighted = Completer(weighted: [("Anna Berg", 2), ("Arno Falk", 9), ("Ada Lind", 2)])
        #expect(weighted.complete("actor:A").candidates == ["actor:\"Arno Falk\"", "actor:\"Ada Lind\"", "actor:\"Anna Berg\""])
    }

    @Test func completesOnlyEntitiesThatStatementsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-complete-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.path)
        _ = try store.ingest([Article(id: "a1", lang: "en", text: "Kirby said the drones were Iranian. Kirby added that more would come.")])
        let session = Session(store: store)
        session.loadNames()
        // Kirby speaks; Crimea, a gazetteer place no statement names here, is not offered.
        #expect(session.completer.complete("actor:Kir").candidates == ["actor:Kirby"])
        #expect(session.completer.complete("about:Crime").candidates.isEmpty)
    }

    @Test func completesEntityNamesInBothScripts() {
        #expect(completer.complete("actor:بيسك").candidates == ["actor:بيسكوف"])
        // Alef and hamza variants and case fold as the query's matching does.
        #expect(completer.complete("actor:kirb").candidates == ["actor:Kirby"])
        #expect(completer.complete("stance:deny about:جون").candidates == ["about:\"جون كيربي\""])
        // A quoted name with a space is one word.
        let quoted = completer.complete("actor:\"John K")
        #expect(quoted.word == "actor:\"John K")
        #expect(quoted.candidates == ["actor:\"John Kirby\""])
    }

    @Test func completesCommandsAndTheirArguments() {
        #expect(completer.complete(".ti").candidates == [".timer"])
        #expect(completer.complete(".timer o").candidates == ["on", "off"])
        #expect(completer.complete(".format j").candidates == ["json"])
        #expect(completer.complete(".explain actor:بيس").candidates == ["actor:بيسكوف"])
        let files = completer.complete(".read " + CommandLineTests.repository.path + "/examples/queries/den")
        #expect(
            files.candidates == [
                CommandLineTests.repository.path + "/examples/queries/denials.isq",
                CommandLineTests.repository.path + "/examples/queries/denials.out",
            ])
    }

    @Test func commonPrefixAndColumns() {
        #expect(LineEditor.commonPrefix(["stance:deny", "stance:decline"]) == "stance:de")
        #expect(LineEditor.commonPrefix(["بيسكوف", "بيسان"]) == "بيس")
        let listing = LineEditor.columns(["a", "bb", "ccc", "dddd"], width: 12)
        #expect(listing == "a     bb\nccc   dddd\n")
    }

    @Test func openGroupsQuotesAndPipesContinueOnTheNextLine() {
        #expect(Session.isIncomplete("actor:(Kirby OR"))
        #expect(Session.isIncomplete("\"طائرات"))
        #expect(Session.isIncomplete("stance:deny |"))
        #expect(!Session.isIncomplete("actor:(Kirby OR\nPeskov)"))
        #expect(!Session.isIncomplete("\"a (b\""))
        #expect(!Session.isIncomplete(".explain actor:(Kirby"))
    }

    @Test func commandWordsKeepQuotedSpaces() {
        #expect(Session.split(".read \"my queries/a.isq\" since=2023") == [".read", "my queries/a.isq", "since=2023"])
        #expect(Session.split("  .timer   on ") == [".timer", "on"])
    }

    // MARK: - Query files

    @Test func queryFilesHaveTitlesParametersAndMultiLineQueries() throws {
        let source = """
            # A file comment, not a title
            let since = 2022-10
            let who = "John Kirby"

            # Denials since $since
            stance:deny date>=$since

            # By $who
            actor:$who
              | count by stance
            """
        let file = try QueryFile(path: "q.isq", source: source, overrides: ["since": "2023-01"])
        #expect(file.entries.count == 2)
        #expect(file.entries[0].title == "Denials since 2023-01")
        #expect(file.entries[0].text == "stance:deny date>=2023-01")
        #expect(file.entries[1].title == "By \"John Kirby\"")
        #expect(file.entries[1].text == "actor:\"John Kirby\"\n  | count by stance")
    }

    /// A file saved with Windows line ends reads as the same queries (it
    /// had been one line, a comment, so nothing ran).
    @Test func queryFilesWithWindowsLineEnds() throws {
        let source = "let who = Kirby\n\n# Denials\nstance:deny\n\n# By $who\nactor:$who\n  | count by stance\n"
        let unix = try QueryFile(path: "q.isq", source: source)
        let windows = try QueryFile(path: "q.isq", source: source.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows.entries.count == 2)
        #expect(windows.entries.map(\.title) == unix.entries.map(\.title))
        #expect(windows.entries.map(\.text) == unix.entries.map(\.text))
        #expect(windows.entries[1].text == "actor:Kirby\n  | count by stance")
    }

    @Test func queryFileErrorsNameFileLineAndColumn() throws {
        #expect(throws: QueryFile.Problem.self) { try QueryFile(path: "q.isq", source: "actor:$nobody") }
        do {
            _ = try QueryFile(path: "q.isq", source: "# t\nactor:Kirby\n  | count by $nope\n")
            Issue.record("no error for an unknown parameter")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 14)
            #expect(error.description.contains("q.isq:3:14: error: unknown parameter '$nope'"))
        }
        do {
            _ = try QueryFile(path: "q.isq", source: "let a = 1\n\nactor:Kirby", overrides: ["b": "2"])
            Issue.record("no error for an undeclared override")
        } catch {
            #expect(error.description == "error: q.isq: --param b: the file declares no parameter 'b' (it declares 'a')\n")
        }
        #expect(throws: QueryFile.Problem.self) { try QueryFile(path: "q.isq", source: "let 1x = 2\n") }
    }

    @Test func queryDiagnosticsPointIntoTheFile() throws {
        let source = "let s = deny\n\n# bad field\nactor:كيربي stanse:$s\n"
        let file = try QueryFile(path: "q.isq", source: source)
        let entry = try #require(file.entries.first)
        let compilation = Compilation(entry.text)
        let moved = file.diagnostics(compilation.diagnostics, of: entry)
        let first = try #require(moved.first)
        #expect(first.span.line == 4)
        #expect(first.span.column == 13)
        let text = DiagnosticFormatter(colors: false, origin: "q.isq").format(moved, in: source)
        #expect(text.hasPrefix("q.isq:4:13: error: unknown field 'stanse'\n  actor:كيربي stanse:$s\n              ^^^^^^\n"))
    }

    // MARK: - Tables

    func result(_ rows: [[Cell]], columns: [String], kind: QueryResult.Kind = .statements) -> QueryResult {
        QueryResult(kind: kind, columns: columns, rows: rows)
    }

    @Test func tablesLineUpMixedScriptsAndIsolateArabic() {
        let table = result([[.text("كِيرْبِي"), .text("deny")], [.text("Kirby"), .text("warn")]], columns: ["actor", "stance"])
        var formatter = ResultFormatter(format: .table)
        let plain = formatter.render(table).split(separator: "\n").map(String.init)
        // Harakat take no column, so every stance cell starts at column 7.
        let stanceColumn = zip(plain.prefix(4), ["stance", "──────", "deny", "warn"]).map { line, last in
            DisplayWidth.of(line) - DisplayWidth.of(last)
        }
        #expect(stanceColumn == [7, 7, 7, 7])
        formatter.isolates = true
        let isolated = formatter.render(table)
        #expect(isolated.contains("\u{2068}كِيرْبِي\u{2069}  deny"))
        #expect(!isolated.contains("\u{2068}Kirby"))
    }

    @Test func aggregatesGetBarsAndLongCellsFitTheWidth() {
        let counts = result(
            [[.text("deny"), .number(8)], [.text("warn"), .number(4)], [.text("admit"), .number(1)]],
            columns: ["stance", "count"], kind: .aggregate)
        var formatter = ResultFormatter(format: .table)
        formatter.width = 40
        let lines = formatter.render(counts).split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("deny        8  ████"))
        let bar = { (line: String) in line.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(bar(lines[2]) > bar(lines[3]) && bar(lines[3]) > bar(lines[4]))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        formatter.bars = false
        #expect(!formatter.render(counts).contains("█"))

        let long = result(
            [[.text("2022-10-20"), .text(String(repeating: "طائرات مسيرة ", count: 20))]],
            columns: ["date", "quote"])
        let fitted = formatter.render(long).split(separator: "\n").map(String.init)
        #expect(fitted[2].hasSuffix("…"))
        #expect(DisplayWidth.of(fitted[2]) == 40)
    }

    /// At 80 columns the quote got 11 characters and ids were cut so
    /// that they could not be copied (issue 34, section 2, item 5): ids
    /// are never cut, a table that cannot give its text columns
    /// `readableWidth` does not fit, and records wrap instead of cutting.
    @Test func narrowTerminalsKeepIdsWholeAndShowRecords() {
        let quote = "Iran had delivered ballistic missiles to Russia, a claim the ministry called baseless"
        let rows: [[Cell]] = [
            [
                .text("sample-en-06:3"), .text("sample-en-06"), .text("2024-09-12"), .text("Abbas Araghchi"),
                .text("deny"), .text(quote), .list(["Iran", "ballistic missiles", "Russia", "sanctions"]),
            ]
        ]
        let statements = result(rows, columns: ["id", "doc", "date", "actor", "stance", "quote", "about"])
        var formatter = ResultFormatter(format: .table)
        formatter.width = 80
        let table = formatter.render(statements)
        #expect(table.contains("sample-en-06:3  sample-en-06  2024-09-12"), "\(table)")
        #expect(!formatter.fits(statements))
        formatter.width = 200
        #expect(formatter.fits(statements))
        // In a pipe, cells are cut at 60 columns, but not ids.
        var piped = ResultFormatter(format: .table)
        piped.maximumCellWidth = 5
        #expect(piped.render(statements).contains("sample-en-06:3  sample-en-06"))

        var records = ResultFormatter(format: .line)
        records.width = 40
        let lines = records.render(statements).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "    id: sample-en-06:3")
        #expect(lines[4] == "stance: deny")
        #expect(lines[5] == " quote: Iran had delivered ballistic")
        // The quote wraps under itself, every word kept.
        let quoteLines = lines.dropFirst(5).prefix { !$0.hasPrefix(" about:") }
        #expect(quoteLines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(quoteLines.map { $0.dropFirst(8) }.joined(separator: " ") == quote)
        #expect(lines.suffix(3) == ["", "(1 statement)", ""])
        #expect(ResultFormatter.wrap(String(repeating: "x", count: 25), to: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }

    /// The pager: `less -SR` unless ISNAD_PAGER or PAGER says otherwise,
    /// none when either is empty; only for text longer than the screen.
    @Test func thePagerIsLessUnlessTheEnvironmentSaysOtherwise() {
        #expect(Pager.command(environment: [:]) == "less -SR")
        #expect(Pager.command(environment: ["PAGER": "more"]) == "more")
        #expect(Pager.command(environment: ["PAGER": "more", "ISNAD_PAGER": "less -S"]) == "less -S")
        #expect(Pager.command(environment: ["ISNAD_PAGER": ""]) == nil)
        #expect(Pager.command(environment: ["PAGER": " "]) == nil)
        #expect(!Pager.isLonger(String(repeating: "row\n", count: 23), than: 24))
        #expect(Pager.isLonger(String(repeating: "row\n", count: 24), than: 24))
    }

    @Test func footersSayHowManyOfHowMany() {
        var shown = result([[.text("a")]], columns: ["id"], kind: .entities)
        shown.total = 120
        #expect(ResultFormatter(format: .table).render(shown).hasSuffix("(1 of 120 entities)\n"))
        #expect(ResultFormatter(format: .table).render(result([[.text("a")]], columns: ["id"])).hasSuffix("(1 statement)\n"))
    }
}
