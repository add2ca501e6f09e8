import Foundation
import Testing

/// Messages name what went wrong and where, and stay short.
@Suite struct MessageTests {
    let cli = CommandLineTests()

    // Fixed bug (issue 34): `.read nonexistent.isq` said only "cannot read".
    @Test func anUnreadableQueryFileGivesThePathAndTheReason() throws {
        try cli.withFolder { folder in
            let store = folder + "/store"
            let missing = folder + "/nonexistent.isq"
            let repl = try cli.isnad(["--store", store], stdin: ".read \(missing)\n")
            #expect(repl.status == 1)
            #expect(repl.stderr == "error: \(missing): cannot read the file: No such file or directory\n")
            let run = try cli.isnad(["run", "--store", store, missing])
            #expect(run.status == 1)
            #expect(run.stderr == "error: \(missing): cannot read the file: No such file or directory\n")
            let folderRun = try cli.isnad(["run", "--store", store, folder])
            #expect(folderRun.stderr == "error: \(folder): cannot read the file: it is a folder\n")
        }
    }
}
