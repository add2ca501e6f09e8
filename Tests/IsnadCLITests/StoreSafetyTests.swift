import Foundation
import Testing

/// Damaged, half-made and unwritable stores, and full disks, as the
/// commands meet them: an error with exit code 3 and a message that says
/// what is wrong, never a crash.
extension CommandLineTests {
    @Test func aTruncatedStoreIsAnErrorNotACrash() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let whole = try #require(FileManager.default.attributesOfItem(atPath: store + "/data.mdb")[.size] as? Int)
            for length in [8192, whole / 2] {
                let cut = folder + "/cut-\(length)"
                try FileManager.default.copyItem(atPath: store, toPath: cut)
                #expect(truncate(cut + "/data.mdb", off_t(length)) == 0)
                for command in [["stats"], ["query", "stance:deny"], ["export", "--out", folder + "/out-\(length)"],
                                ["ingest", "examples/corpus"]] {
                    let run = try isnad([command[0], "--store", cut] + command.dropFirst())
                    #expect(run.status == 3, "\(command) \(length): \(run.stderr)")
                    #expect(run.stderr.contains("is truncated"), "\(command) \(length): \(run.stderr)")
                }
                let size = try #require(FileManager.default.attributesOfItem(atPath: cut + "/data.mdb")[.size] as? Int)
                #expect(size == length, "nothing wrote to the damaged file")
            }
        }
    }

    @Test func anEmptyDataFileIsNoStoreYetUntilTheNextIngest() throws {
        try withFolder { folder in
            // What a first ingest killed right after LMDB made its file leaves.
            let store = folder + "/store"
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: store + "/data.mdb", contents: Data()))
            for command in [["stats"], ["query", "stance:deny"]] {
                let run = try isnad([command[0], "--store", store] + command.dropFirst())
                #expect(run.status == 3)
                #expect(run.stderr.contains("no store at '\(store)' yet"), "\(run.stderr)")
            }
            let ingest = try isnad(["ingest", "--store", store, "examples/corpus"])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let stats = try isnad(["stats", "--store", store])
            #expect(stats.stdout.contains("articles    12"), "\(stats.stdout)")
        }
    }

    @Test func aDamagedRecordIsStoreDamageWithExitCode3() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            // Every stored article's JSON made invalid, its length kept.
            let file = URL(fileURLWithPath: store + "/data.mdb")
            var bytes = [UInt8](try Data(contentsOf: file))
            let from = Array(#""lang":"#.utf8), to = Array(#""lang"X"#.utf8)
            var changed = 0
            var i = 0
            while i + from.count <= bytes.count {
                if bytes[i] == from[0], Array(bytes[i..<i + from.count]) == from {
                    bytes.replaceSubrange(i..<i + from.count, with: to)
                    changed += 1
                }
                i += 1
            }
            #expect(changed >= 12)
            try Data(bytes).write(to: file)
            let export = try isnad(["export", "--store", store, "--out", folder + "/out"])
            #expect(export.status == 3, "\(export.stderr)")
            #expect(export.stderr.contains("store damaged: record 0 in 'articles' cannot be read (not valid JSON)"),
                    "\(export.stderr)")
            #expect(!export.stderr.contains("DecodingError"))
        }
    }

}
