import Foundation
import Testing

/// Why a statement has its stance, as a user asks it: `| fields why`,
/// `--format json`, `.explain ID` in the REPL, and through export and
/// import.
extension CommandLineTests {
    @Test func aStatementSaysWhyItHasItsStance() throws {
        try withFolder { folder in
            let texts = folder + "/texts"
            try FileManager.default.createDirectory(atPath: texts, withIntermediateDirectories: true)
            // No date anywhere: the statements have none.
            let text = """
                Port official Dana Reyes said the reports of a spill were baseless.

                Prime Minister Alan Croft denied that talks had failed.
                """
            try text.write(toFile: texts + "/port.txt", atomically: true, encoding: .utf8)
            let store = folder + "/store"
            #expect(try isnad(["ingest", "--store", store, texts]).status == 0)

            let table = try isnad(["query", "--store", store, "is:statement | fields id, stance, why"])
            #expect(table.stdout.contains("port:1  deny    content, a denial: “baseless”"), "\(table.stdout)")
            #expect(table.stdout.contains("port:2  deny    cue: “denied”"), "\(table.stdout)")

            let json = try isnad(["query", "--store", store, "--format", "json", "is:statement"])
            #expect(
                json.stdout.contains(#""why": {"rule": "content", "signal": "a denial", "words": ["baseless"], "spans": [[58, 66]]}"#),
                "\(json.stdout)")

            let repl = try isnad(["--store", store], stdin: ".explain port:1\n.explain port:2\n")
            #expect(repl.stdout.contains("stance from what was said: a denial, “baseless”"), "\(repl.stdout)")
            #expect(repl.stdout.contains("stance from the cue: “denied”"), "\(repl.stdout)")

            // Export, import and export again: the reasons (and the
            // statements without a date) come back.
            #expect(try isnad(["export", "--store", store, "--out", folder + "/one"]).status == 0)
            let imported = try isnad([
                "import", "--store", folder + "/copy", "--entities", folder + "/one/entities.jsonl",
                "--articles", folder + "/one/articles.jsonl", "--statements", folder + "/one/statements.jsonl",
            ])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try isnad(["export", "--store", folder + "/copy", "--out", folder + "/two"]).status == 0)
            let one = try String(contentsOfFile: folder + "/one/statements.jsonl", encoding: .utf8)
            let two = try String(contentsOfFile: folder + "/two/statements.jsonl", encoding: .utf8)
            #expect(one == two)
            #expect(one.contains(#""stance_basis":{"rule":"content","signal":"a denial","spans":[58,66]}"#), "\(one)")
        }
    }
}
