import Foundation
import Testing

/// `isnad run`, `isnad entities` and the REPL fed on standard input.
extension CommandLineTests {
    /// The sample corpus in a fresh store.
    func sampleStore(_ folder: String) throws -> String {
        let store = folder + "/store"
        let ingest = try isnad(["ingest", "--store", store, "examples/corpus"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return store
    }

    /// Every example query file gives its checked-in output (`make expected`
    /// rewrites them when extraction rightly changes).
    @Test func exampleQueryFiles() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let examples = Self.repository.appendingPathComponent("examples/queries").path
            let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".isq") }.sorted()
            #expect(files.count >= 5)
            for file in files {
                let run = try isnad(["run", "--store", store, "examples/queries/" + file])
                #expect(run.status == 0, "\(file): \(run.stderr)")
                let expected = try String(
                    contentsOfFile: examples + "/" + file.replacingOccurrences(of: ".isq", with: ".out"),
                    encoding: .utf8)
                #expect(run.stdout == expected, "\(file) differs from its .out")
            }
        }
    }

    /// Statement lists come newest first unless `sort` says otherwise
    /// (issue 34, section 2, item 3): they came in document order.
    @Test func statementsComeNewestFirst() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            func column(_ query: String, _ index: Int = 0) throws -> [String] {
                let run = try isnad(["query", "--store", store, "--format", "csv", query])
                #expect(run.status == 0, "\(run.stderr)")
                return run.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[index]) }
            }
            let dates = try column("stance:(deny OR decline OR warn) | fields date")
            #expect(dates.count > 5)
            #expect(dates == dates.sorted(by: >), "\(dates)")
            // A limit without a sort keeps the newest.
            #expect(try column("stance:(deny OR decline OR warn) | limit 3 | fields date") == Array(dates.prefix(3)))
            // `sort date asc` still says otherwise, and a sort by another
            // field keeps its ties newest first.
            #expect(try column("stance:(deny OR decline OR warn) | sort date asc | fields date") == dates.reversed())
            let byStance = try column("stance:(deny OR decline OR warn) | sort stance | fields stance, date", 1)
            let stances = try column("stance:(deny OR decline OR warn) | sort stance | fields stance, date", 0)
            #expect(stances == stances.sorted())
            for (a, b) in zip(zip(stances, byStance), zip(stances, byStance).dropFirst()) where a.0 == b.0 {
                #expect(a.1 >= b.1, "\(a) before \(b)")
            }
        }
    }

    /// A query file is checked whole first and refused whole: every error
    /// with its line, the parse errors and the unknown `$name`s alike, and
    /// no query run (issue 34, section 2, item 7). An unknown `$name`
    /// used to abort the file and hide an earlier error, while a parse
    /// error let the other queries run.
    @Test func queryFilesAreCheckedWholeThenRunOrRefused() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let source =
                "# first\nactor:Kirby | count\n\n# second\nactor:Kirby stanse:deny\n\n"
                + "# third\nactor:$who | count\n\nlet x = 1\n# fourth\nstance:deny date>=$x\n"
            try source.write(toFile: folder + "/bad.isq", atomically: true, encoding: .utf8)
            for arguments in [["run", "--store", store, folder + "/bad.isq"], ["--store", store]] {
                let run = try isnad(arguments, stdin: arguments[0] == "--store" ? ".read \(folder)/bad.isq\n" : nil)
                #expect(run.status == 1)
                #expect(run.stdout.isEmpty, "a query ran: \(run.stdout)")
                let places = run.stderr.split(separator: "\n").filter { $0.hasPrefix(folder + "/bad.isq:") }
                    .map { $0.dropFirst(folder.count + 9).prefix(while: { $0 != " " }) }
                #expect(places == ["5:13:", "8:7:", "12:19:"], "\(run.stderr)")
                #expect(run.stderr.contains("has 3 errors; none of its queries was run"))
            }
            let good = try isnad(["run", "--store", store, "--param", "since=2024-01", "examples/queries/denials.isq"])
            #expect(good.status == 0)
        }
    }

    @Test func runTakesParametersAndFormats() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let later = try isnad([
                "run", "--store", store, "--param", "since=2024-01", "--format", "csv",
                "examples/queries/denials.isq",
            ])
            #expect(later.status == 0, "\(later.stderr)")
            // CSV: no titles, each result its own header; nothing before 2024.
            #expect(later.stdout.hasPrefix("date,actor,stance,quote\r\n2024-09-12,"))
            #expect(!later.stdout.contains("2022-"))

            let unknown = try isnad(["run", "--store", store, "--param", "sinse=2024", "examples/queries/denials.isq"])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("--param sinse: the file declares no parameter 'sinse' (it declares 'since')"))

            try "# broken\nactor:Kirby |\n  count by stanse\n".write(toFile: folder + "/bad.isq", atomically: true, encoding: .utf8)
            let bad = try isnad(["run", "--store", store, folder + "/bad.isq"])
            #expect(bad.status == 1)
            #expect(
                bad.stderr.hasPrefix("\(folder)/bad.isq:3:12: error: unknown field 'stanse'\n    count by stanse\n             ^^^^^^\n"),
                "\(bad.stderr)")

            let usage = try isnad(["run", "--store", store, "--param", "nonsense", "examples/queries/denials.isq"])
            #expect(usage.status == 2)
        }
    }

    /// An aggregation past the bound of a million groups is an error under
    /// its stage, with a hint, in `query` (exit 1) and in `run`, not a
    /// table of a million rows (issue 32, item 3).
    @Test func aggregationsPastTheBoundAreErrorsUnderTheStage() throws {
        try withFolder { folder in
            // One statement about 1,001 topics in an article citing 1,000
            // outlets: 1,001,000 pairs.
            func json(_ object: [String: Any]) throws -> String {
                String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            try
                (try json([
                    "id": "a1", "source": "Desk", "published": "2022-10-05", "lang": "en", "title": "Many",
                    "text": "Kirby denied it.", "cites": (0..<1000).map { "Outlet \($0)" },
                ]) + "\n")
                .write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
            try
                (try json([
                    "id": "s1", "doc": "a1", "actor": "John Kirby", "stance": "deny", "date": "2022-10-05",
                    "quote": "no drones", "about": (0...1000).map { "Topic \($0)" },
                ]) + "\n")
                .write(toFile: folder + "/s.jsonl", atomically: true, encoding: .utf8)
            let store = folder + "/store"
            let load = try isnad([
                "import", "--store", store, "--articles", folder + "/a.jsonl",
                "--statements", folder + "/s.jsonl",
            ])
            #expect(load.status == 0, "\(load.stderr)")

            let query = try isnad(
                ["query", "--store", store, "stance:deny | count by about, cites"],
                environment: ["NO_COLOR": "1"])
            #expect(query.status == 1)
            #expect(query.stdout.isEmpty)
            #expect(
                query.stderr == """
                    error: 'count by about, cites' makes more than 1,000,000 groups
                      stance:deny | count by about, cites
                                    ^^^^^^^^^^^^^^^^^^^^^
                    help: group by fewer fields, or narrow the query first (a date range, an actor)

                    """)

            try "# pairs\nstance:deny\n  | count by about, cites\n".write(
                toFile: folder + "/pairs.isq", atomically: true,
                encoding: .utf8)
            let run = try isnad(["run", "--store", store, folder + "/pairs.isq"], environment: ["NO_COLOR": "1"])
            #expect(run.status == 1)
            #expect(
                run.stderr.hasPrefix("\(folder)/pairs.isq:3:5: error: 'count by about, cites' makes more than 1,000,000 groups\n"),
                "\(run.stderr)")
            // Either field alone is fine.
            let about = try isnad(["query", "--store", store, "--format", "csv", "stance:deny | count by about"])
            #expect(about.status == 0)
            #expect(about.stdout.contains("Topic 1000,1"))
        }
    }

    @Test func theReplReadsStandardInputWhenItIsNotATerminal() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let input = """
                .format csv
                actor:(Kirby OR
                  Peskov) | count by actor
                .limit 2
                actor:Kirby
                .stances

                """
            let run = try isnad(["--store", store], stdin: input)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("actor,count\r\nJohn Kirby,10\r\nDmitry Peskov,5\r\n"), "\(run.stdout)")
            // .limit cuts what is shown, and says so on standard error.
            #expect(run.stderr.contains("(2 of 10 rows; .limit 0 shows all)"))
            #expect(run.stdout.contains("\r\ndeny,denies a report or claim,8\r\n"))
            // No welcome line or prompt in a pipe.
            #expect(!run.stdout.contains("isnad>"))

            let failing = try isnad(["repl", "--store", store], stdin: "stance:denie\n.nonsense\nactor:Kirby | count\n")
            #expect(failing.status == 1)
            #expect(failing.stderr.contains("unknown stance 'denie'"))
            #expect(failing.stderr.contains("unknown command '.nonsense'"))
            #expect(failing.stdout.contains("count\n─────\n   10\n"), "\(failing.stdout)")
        }
    }

    /// `exit`, `quit` and `help` alone on a line leave and help, as in
    /// the shells, instead of searching for the word (issue 34, section 2,
    /// item 4); quoted, the word is searched.
    @Test func exitQuitAndHelpAreNotSearches() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let help = try isnad(["--store", store], stdin: "help\n\"exit\" | count\nQUIT;\nactor:Kirby | count\n")
            #expect(help.status == 0, "\(help.stderr)")
            #expect(help.stdout.hasPrefix("Queries (docs/query-language.md):"), "\(help.stdout)")
            #expect(help.stdout.contains("count\n─────\n    0\n"), "\(help.stdout)")
            // Nothing after QUIT runs.
            #expect(!help.stdout.contains("   10\n"), "\(help.stdout)")
            for word in ["exit", "quit", "exit()", "Quit"] {
                let run = try isnad(["--store", store], stdin: "\(word)\nactor:Kirby | count\n")
                #expect(run.status == 0 && run.stdout.isEmpty, "\(word): \(run.stdout)")
            }
        }
    }

    @Test func entitiesByNameOrByQuery() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let byArabic = try isnad(["entities", "--store", store, "بيسك"])
            #expect(byArabic.status == 0, "\(byArabic.stderr)")
            #expect(byArabic.stdout.contains("Dmitry Peskov  person  Russia"))
            #expect(byArabic.stdout.hasSuffix("(1 entity)\n"))
            let byQuery = try isnad(["entities", "--store", store, "--format", "csv", "kind:person country:Iran"])
            #expect(byQuery.status == 0, "\(byQuery.stderr)")
            #expect(byQuery.stdout.contains("Nasser Kanaani,person,Iran,"))
            #expect(!byQuery.stdout.contains("Russia"))
            let bad = try isnad(["entities", "--store", store, "knd:person"])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("unknown field 'knd'"))
        }
    }
}
