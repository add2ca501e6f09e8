import Foundation
import Testing

/// `isnad check`, and the checksum every record carries (format 8): a
/// flipped byte in a record is an error for every command that reads it,
/// and `check` names the record.
extension CommandLineTests {
    @Test func checkSaysOkOnAHealthyStore() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let run = try isnad(["check", "--store", store])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "ok\n")
            #expect(run.stderr.isEmpty, "no progress bar off a terminal")
        }
    }

    /// The offsets of the statement records of `id` in `bytes` (a live
    /// one, and any old copy in a free page): their layout byte (3),
    /// stance and flags, then the id after its length.
    func statementRecords(_ id: String, in bytes: [UInt8]) -> [Int] {
        let needle = [UInt8(id.utf8.count)] + Array(id.utf8)
        var found: [Int] = []
        var i = 3
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i - 3] == 3, Array(bytes[i..<i + needle.count]) == needle { found.append(i - 3) }
            i += 1
        }
        return found
    }

    /// Flips one bit at `offset` from the start of every record of `id`.
    func flip(_ id: String, at offset: Int, in file: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: file))
        let starts = statementRecords(id, in: bytes)
        #expect(!starts.isEmpty, "\(id)")
        for start in starts { bytes[start + offset] ^= 0x01 }
        try Data(bytes).write(to: file)
    }

    @Test func aFlippedByteInAStatementIsFoundByReadsAndByCheck() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            // One bit of the id of Araghchi's denial: it would still decode,
            // as another statement.
            try flip("sample-en-06:4", at: 4, in: URL(fileURLWithPath: store + "/data.mdb"))

            let query = try isnad(["query", "--store", store, "actor:Araghchi stance:deny"])
            #expect(query.status == 3, "\(query.stdout)")
            #expect(query.stderr.contains("store damaged: record "), "\(query.stderr)")
            #expect(query.stderr.contains(" in 'statements' does not match its checksum; run 'isnad check'"), "\(query.stderr)")
            // Counting reads the index only, not the record.
            let count = try isnad(["query", "--store", store, "--format", "csv", "stance:deny | count"])
            #expect(count.stdout == "count\r\n8\r\n", "\(count.stderr)")

            let check = try isnad(["check", "--store", store])
            #expect(check.status == 3)
            let lines = check.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(check.stdout)")
            #expect(lines.first?.hasPrefix("'statements' record ") == true, "\(check.stdout)")
            #expect(lines.first?.hasSuffix(": does not match its checksum") == true, "\(check.stdout)")
            #expect(
                lines.last == "1 record is damaged: isnad export stops at it; isnad export --skip-damaged saves the rest "
                    + "(of 377 entities, 12 articles, 55 statements)")

            let export = try isnad(["export", "--store", store, "--out", folder + "/out"])
            #expect(export.status == 3 && export.stderr.contains("does not match its checksum"), "\(export.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out/statements.jsonl"))
            let rescue = try isnad(["export", "--store", store, "--out", folder + "/out", "--skip-damaged"])
            #expect(rescue.status == 3)
            #expect(rescue.stdout == "377 entities, 12 articles, 54 statements → \(folder)/out\n", "\(rescue.stdout)")
            #expect(rescue.stderr.contains("1 damaged record left out; the rest was exported"), "\(rescue.stderr)")
            let saved = try String(contentsOfFile: folder + "/out/statements.jsonl", encoding: .utf8)
            #expect(!saved.contains(#""id":"sample-en-06:4""#))
        }
    }

    @Test func checkCapsTheProblemsItLists() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            for id in ["sample-en-06:1", "sample-en-06:2", "sample-en-06:3"] {
                try flip(id, at: 1, in: URL(fileURLWithPath: store + "/data.mdb"))  // the stance
            }
            let check = try isnad(["check", "--store", store, "--max-problems", "1"])
            #expect(check.status == 3)
            let lines = check.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(check.stdout)")
            #expect(lines[1] == "… and 2 more problems")
            #expect(lines[2].hasPrefix("3 records are damaged"))
        }
    }

    /// `Fixtures/format7-store` was made by `isnad ingest` of the sample
    /// corpus at commit 6c6313d (store format 7, no checksums), then
    /// `isnad compact`.
    @Test func formatSevenStoreUpgradesToOneThatPassesCheck() throws {
        try withFolder { folder in
            let store = folder + "/store"
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.fixtures + "/format7-store/data.mdb", toPath: store + "/data.mdb")
            let before = try isnad(["export", "--store", store, "--out", folder + "/before"])
            #expect(before.status == 0, "\(before.stderr)")
            let readOnly = try isnad(["check", "--store", store])
            #expect(readOnly.status == 0 && readOnly.stdout == "ok\n", "\(readOnly.stdout) \(readOnly.stderr)")

            let upgrade = try isnad(["import", "--store", store, "--statements", "/dev/null"])
            #expect(upgrade.status == 0, "\(upgrade.stderr)")
            #expect(try isnad(["stats", "--store", store]).stdout.contains("format      8"))
            let check = try isnad(["check", "--store", store])
            #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout) \(check.stderr)")
            let after = try isnad(["export", "--store", store, "--out", folder + "/after"])
            #expect(after.status == 0, "\(after.stderr)")
            for file in ["statements.jsonl", "articles.jsonl", "entities.jsonl"] {
                let old = try Data(contentsOf: URL(fileURLWithPath: folder + "/before/" + file))
                #expect(!old.isEmpty)
                #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/after/" + file)) == old, "\(file)")
            }

            // The upgraded records carry checksums: a flipped byte is found.
            try flip("sample-en-06:4", at: 4, in: URL(fileURLWithPath: store + "/data.mdb"))
            let damaged = try isnad(["check", "--store", store])
            #expect(damaged.status == 3 && damaged.stdout.contains(": does not match its checksum"), "\(damaged.stdout)")
        }
    }
}
