import Foundation
import Testing

/// A store written by the build before format 6 reads as it did, and is
/// upgraded in place by the first command that opens it for writing.
///
/// `Fixtures/format5-store` was made by `isnad` at commit 848a03b (store
/// format 5): 1,206 generated statements (seed 7) with the entities they
/// name, the sample articles ingested, one of them ingested again with a
/// paragraph removed (statements removed and added), and 40 statements
/// imported again changed (stance, date precision, actor, quote), then
/// `isnad compact`. `Fixtures/format5-expected/N.json` is what that build
/// printed for line N of `format5-queries.txt` (`query --format json`);
/// the statement lists without a `sort` (lines 1, 11 and 16) have their
/// rows, unchanged, put newest first as statements now come (issue 34):
/// by date, descending, ties in the order that build printed them.
extension CommandLineTests {
    static let fixtures = repository.appendingPathComponent("Tests/IsnadCLITests/Fixtures").path

    @Test func formatFiveStoreReadsAndUpgrades() throws {
        let queries = try String(contentsOfFile: Self.fixtures + "/format5-queries.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expected = try (1...queries.count).map {
            try String(contentsOfFile: Self.fixtures + "/format5-expected/\($0).json", encoding: .utf8)
        }
        #expect(queries.count == 20)
        try withFolder { folder in
            let store = folder + "/store"
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.fixtures + "/format5-store/data.mdb", toPath: store + "/data.mdb")

            func answersAsBefore(_ when: String) throws {
                for (k, query) in queries.enumerated() {
                    let run = try isnad(["query", "--store", store, "--format", "json", query])
                    #expect(run.status == 0, "\(when): \(query): \(run.stderr)")
                    #expect(run.stdout == expected[k], "\(when): \(query)")
                }
            }
            func format() throws -> String? {
                try isnad(["stats", "--store", store]).stdout.split(separator: "\n")
                    .first { $0.hasPrefix("format") }.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
            }

            // Read-only commands read it as it is and leave it so.
            try answersAsBefore("format 5, read-only")
            #expect(try format() == "5")
            let readOnly = try isnad(["check", "--store", store])
            #expect(readOnly.status == 0 && readOnly.stdout == "ok\n", "\(readOnly.stdout) \(readOnly.stderr)")
            let before = try isnad(["export", "--store", store, "--out", folder + "/before"])
            #expect(before.status == 0, "\(before.stderr)")

            // A command that writes (here: nothing, from a file that cannot
            // be mapped) upgrades it first.
            let upgrade = try isnad(["import", "--store", store, "--statements", "/dev/null"])
            #expect(upgrade.status == 0, "\(upgrade.stderr)")
            #expect(try format() == "8")
            try answersAsBefore("upgraded to format 8")
            // Its records got their checksums, and all else still agrees.
            let check = try isnad(["check", "--store", store])
            #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout) \(check.stderr)")
            let after = try isnad(["export", "--store", store, "--out", folder + "/after"])
            #expect(after.status == 0, "\(after.stderr)")
            for file in ["statements.jsonl", "articles.jsonl", "entities.jsonl"] {
                let old = try Data(contentsOf: URL(fileURLWithPath: folder + "/before/" + file))
                #expect(!old.isEmpty)
                #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/after/" + file)) == old, "\(file)")
            }

            // The upgraded store takes new statements, in the new rows and
            // lists, beside the old ones.
            func count(_ query: String) throws -> Int? {
                let run = try isnad(["query", "--store", store, "--format", "csv", query + " | count"])
                return Int(run.stdout.split(separator: "\r\n").last ?? "")
            }
            let kirby = #"actor:"John Kirby" stance:deny"#
            let denials = try #require(try count(kirby))
            #expect(try count("doc:sample-en-02") == 3)
            let february = try #require(try count("date:2024-02"))
            let phrase = try #require(try count(#""طائرات مسيرة""#))
            let added = folder + "/added.jsonl"
            try Data(
                #"""
                {"id":"u1","doc":"a0000001","actor":"John Kirby","stance":"deny","date":"2024-02","quote":"لا صحة لهذه التقارير","about":["Iran"]}
                {"id":"u2","doc":"sample-en-02","actor":"Dmitry Peskov","stance":"warn","date":"2024-02-03","quote":"سيكون هناك رد على طائرات مسيرة","about":[]}

                """#.utf8
            ).write(to: URL(fileURLWithPath: added))
            let run = try isnad(["import", "--store", store, "--statements", added])
            #expect(run.stdout.contains("statements: 2 added, 0 replaced, 0 unchanged, 0 rejected"), "\(run.stderr)")
            #expect(try count("date:2024-02") == february + 2)
            // Its positions list, stored unpacked, was rewritten packed.
            #expect(try count(#""طائرات مسيرة""#) == phrase + 1)
            let found = try isnad([
                "query", "--store", store, "--format", "csv",
                "date:2024-02 | fields id, doc, actor, stance, date",
            ])
            #expect(found.stdout.contains("\r\nu2,sample-en-02,Dmitry Peskov,warn,2024-02-03\r\n"), "\(found.stderr)")
            #expect(found.stdout.contains("\r\nu1,a0000001,John Kirby,deny,2024-02\r\n"))
            #expect(try count("doc:sample-en-02") == 4)
            #expect(try count(kirby) == denials + 1)
            #expect(try count("is:article doc:sample-en-02") == 1)
        }
    }

    /// `Fixtures/format6-store` was made by `isnad ingest` at commit
    /// 0194cb6 (store format 6, light10 exactly) from the sample's
    /// `ar-2024-09-missiles.txt` and `en-2024-09-blinken-missiles.txt`, then
    /// `isnad compact`. Its text holds `الباليستية` once and `باليستية`
    /// twice, which light10 stemmed `باليست` and `يست`.
    @Test func formatSixStoreIsReindexedForTheOwnLetterWords() throws {
        let queries = [
            #""صواريخ باليستية""#, #""الصواريخ الباليستية""#, #"text:"الصواريخ الباليستية""#,
            "باليستية", "الباليستية", "يست", "باليست*", "صواريخ", #"quote:"صواريخ باليستية""#,
            // (Statement counts by stance change as extraction improves; the
            // fixture's statements were extracted at 0194cb6.)
            "missiles", "is:article",
        ]
        func counts(_ store: String) throws -> [Int?] {
            try queries.map { query in
                let run = try isnad(["query", "--store", store, "--format", "csv", query + " | count"])
                return Int(run.stdout.split(separator: "\r\n").last ?? "")
            }
        }
        try withFolder { folder in
            let old = folder + "/old"
            let fresh = folder + "/fresh"
            try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.fixtures + "/format6-store/data.mdb", toPath: old + "/data.mdb")
            let ingested = try isnad([
                "ingest", "--store", fresh, "examples/corpus/ar-2024-09-missiles.txt",
                "examples/corpus/en-2024-09-blinken-missiles.txt",
            ])
            #expect(ingested.status == 0, "\(ingested.stderr)")
            let expected = try counts(fresh)
            #expect(expected[0] == 2 && expected[1] == 2 && expected[3] == 3 && expected[4] == 3 && expected[5] == 0)
            // Fixed (issue 34): the definite phrase finds the bare one.
            let phrase = try isnad(["query", "--store", fresh, "--format", "csv", #"is:article text:"الصواريخ الباليستية" | fields doc"#])
            #expect(phrase.stdout == "doc\r\nsample-ar-05\r\n")

            // Read-only: read as it is, and the reader is told what it misses.
            let before = try isnad(["query", "--store", old, "--format", "csv", "باليستية | count"])
            #expect(before.stderr.contains("note: '\(old)' has store format 6: its text was indexed with an older Arabic stemmer"))
            #expect(try counts(old) != expected)

            // The first write upgrades it: the answers of a fresh store.
            let upgrade = try isnad(["import", "--store", old, "--statements", "/dev/null"])
            #expect(upgrade.status == 0, "\(upgrade.stderr)")
            let stats = try isnad(["stats", "--store", old])
            #expect(stats.stdout.contains("format      8"), "\(stats.stdout)")
            #expect(stats.stderr.isEmpty)
            let check = try isnad(["check", "--store", old])
            #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout) \(check.stderr)")
            #expect(try counts(old) == expected)
        }
    }
}
