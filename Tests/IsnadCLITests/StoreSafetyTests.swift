import Foundation
import Testing

/// Damaged, half-made and unwritable stores, and full disks, as the
/// commands meet them: an error with exit code 3 and a message that says
/// what is wrong, never a crash.
extension CommandLineTests {
    /// Whether this machine lets the tests mount a file system of their own
    /// (a user and mount namespace: `unshare -rm`).
    static let canMount: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Whether the tests may run a command as another user (`nobody`).
    static let canDropPrivileges = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs `script` with `sh`, in a new user and mount namespace when
    /// `namespace`, or as `nobody`.
    func shell(_ script: String, namespace: Bool = false, asNobody: Bool = false) throws -> Run {
        let process = Process()
        if namespace {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments = ["-rm", "sh", "-c", script]
        } else if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c", script]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
        }
        process.currentDirectoryURL = Self.repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func aTruncatedStoreIsAnErrorNotACrash() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            let whole = try #require(FileManager.default.attributesOfItem(atPath: store + "/data.mdb")[.size] as? Int)
            for length in [8192, whole / 2] {
                let cut = folder + "/cut-\(length)"
                try FileManager.default.copyItem(atPath: store, toPath: cut)
                #expect(truncate(cut + "/data.mdb", off_t(length)) == 0)
                for command in [
                    ["stats"], ["query", "stance:deny"], ["export", "--out", folder + "/out-\(length)"],
                    ["ingest", "examples/corpus"],
                ] {
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
            let from = Array(#""lang":"#.utf8)
            let to = Array(#""lang"X"#.utf8)
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
            // An earlier export into the folder stays as it was, all three files.
            try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                try Data("earlier\n".utf8).write(to: URL(fileURLWithPath: folder + "/out/" + name))
            }
            let export = try isnad(["export", "--store", store, "--out", folder + "/out"])
            #expect(export.status == 3, "\(export.stderr)")
            #expect(
                export.stderr.contains("store damaged: record 0 in 'articles' does not match its checksum; run 'isnad check'"),
                "\(export.stderr)")
            #expect(!export.stderr.contains("DecodingError"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
                    == ["articles.jsonl", "entities.jsonl", "statements.jsonl"])
            for name in ["entities.jsonl", "articles.jsonl", "statements.jsonl"] {
                #expect(try String(contentsOfFile: folder + "/out/" + name, encoding: .utf8) == "earlier\n", "\(name)")
            }
        }
    }

    @Test(.enabled(if: CommandLineTests.canDropPrivileges))
    func aStoreThisUserMayNotWriteStillAnswersQueries() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            #expect(chmod(folder, 0o755) == 0)
            let binary = try Self.binary().path
            let query = try shell("'\(binary)' query --store '\(store)' --format csv 'stance:deny | count'", asNobody: true)
            #expect(query.status == 0, "\(query.stderr)")
            #expect(query.stdout == "count\r\n8\r\n")
            let ingest = try shell("'\(binary)' ingest --store '\(store)' examples/corpus", asNobody: true)
            #expect(ingest.status == 3)
            #expect(ingest.stderr.contains("cannot be written by this user"), "\(ingest.stderr)")
        }
    }

    @Test(.enabled(if: CommandLineTests.canMount))
    func aStoreOnAReadOnlyMountAnswersQueries() throws {
        try withFolder { folder in
            let store = try sampleStore(folder)
            try FileManager.default.removeItem(atPath: store + "/lock.mdb")
            let mount = folder + "/ro"
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            let binary = try Self.binary().path
            let run = try shell(
                """
                mount --bind '\(store)' '\(mount)' && mount -o remount,bind,ro '\(mount)' || exit 99
                '\(binary)' query --store '\(mount)' --format csv 'stance:deny | count'; echo "query $?"
                '\(binary)' ingest --store '\(mount)' examples/corpus; echo "ingest $?"
                """, namespace: true)
            #expect(run.stdout == "count\r\n8\r\nquery 0\ningest 3\n", "\(run.stderr)")
            #expect(run.stderr.contains("read-only file system"), "\(run.stderr)")
        }
    }

    /// On a small file system filled up: the write that does not fit is
    /// refused with a message that says the disk is full, what was stored
    /// stays, an export leaves no empty file and overwrites nothing, and a
    /// compact leaves no copy.
    @Test(.enabled(if: CommandLineTests.canMount))
    func aFullDiskIsSaidSoAndLosesNothing() throws {
        try withFolder { folder in
            let corpus = try corpus(folder)
            let disk = folder + "/disk"
            try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
            let isnad = "'" + (try Self.binary().path) + "'"
            let run = try shell(
                """
                mount -t tmpfs -o size=2m tmpfs '\(disk)' || exit 99
                \(isnad) ingest --store '\(disk)/store' examples/corpus >/dev/null || exit 98
                \(isnad) export --store '\(disk)/store' --out '\(disk)/out' >/dev/null || exit 97
                dd if=/dev/zero of='\(disk)/fill' bs=4k 2>/dev/null
                \(isnad) import --store '\(disk)/store' --entities '\(corpus)/entities.jsonl' --articles '\(corpus)/articles.jsonl'
                echo "import $?"
                \(isnad) query --store '\(disk)/store' --format csv 'stance:deny | count'; echo "query $?"
                \(isnad) export --store '\(disk)/store' --out '\(disk)/out'; echo "export $?"
                \(isnad) export --store '\(disk)/store' --out '\(disk)/new'; echo "new export $?"
                ls -A '\(disk)/new'; wc -c < '\(disk)/out/entities.jsonl'
                \(isnad) compact --store '\(disk)/store' --out '\(disk)/copy'; echo "compact $?"
                ls -A '\(disk)'
                """, namespace: true)
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.contains("import 3"), "\(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains("is full (No space left on device)"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing already stored was lost"))
            #expect(!run.stderr.contains("Input/output error"))
            // The 54 statements of the sample are all there.
            #expect(run.stdout.contains("count\r\n8\r\nquery 0"), "\(run.stdout)")
            #expect(lines.contains("export 1") && lines.contains("new export 1"), "\(run.stdout)")
            #expect(run.stderr.contains("the disk is full"), "\(run.stderr)")
            // No file in the new export's folder, the old export whole.
            let size = lines.firstIndex(of: "new export 1").map { lines[$0 + 1] }
            #expect(
                size.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 > 1000 } == true,
                "\(run.stdout)")
            #expect(lines.contains("compact 3"))
            #expect(run.stderr.contains("no copy was made"))
            #expect(lines.last(where: { !$0.isEmpty }).map { !$0.contains("copy") } == true, "\(run.stdout)")
        }
    }
}
