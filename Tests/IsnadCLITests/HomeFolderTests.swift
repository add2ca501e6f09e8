import Foundation
import Testing

@testable import IsnadCLI

/// The default store and the REPL's history live under `$XDG_DATA_HOME`,
/// else `$HOME/.local/share`, as XDG says: never in the home folder the
/// password database names when `HOME` says another.
@Suite struct HomeFolderTests {
    @Test func dataFolderFollowsXDGThenHOME() {
        #expect(StoreOptions.dataFolder(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]) == "/x/data/isnad")
        // Fixed bug (issue 34): NSHomeDirectory() read the password database.
        #expect(StoreOptions.dataFolder(environment: ["HOME": "/h"]) == "/h/.local/share/isnad")
        #expect(StoreOptions.dataFolder(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/isnad")
        #expect(StoreOptions.dataFolder(environment: [:]).hasSuffix("/.local/share/isnad"))
    }

    @Test func theDefaultStoreIsUnderHOME() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["ingest", "examples/corpus/en-2022-10-denials.txt"]
        process.currentDirectoryURL = CommandLineTests.repository
        var environment = ProcessInfo.processInfo.environment
        environment["ISNAD_STORE"] = nil
        environment["XDG_DATA_HOME"] = nil
        environment["HOME"] = home
        process.environment = environment
        let printed = try CommandLineTests.output(of: process)
        #expect(process.terminationStatus == 0)
        #expect(printed.hasSuffix("→ \(home)/.local/share/isnad/store (now 1 article, 4 statements)\n"))
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/isnad/store/data.mdb"))
    }
}
