import Foundation
import Isnad
import Testing

@testable import IsnadCLI

/// The REPL's banner, shown on the pages under `$ isnad --store PATH`, is
/// the one the REPL prints for that store. (The page tests skip banners:
/// the REPL prints none when it reads a pipe.)
@Suite struct BannerDocumentationTests {
    /// Each banner a page shows, with the `--store` of the command above it.
    static func banners(of page: String) throws -> [(store: String, banner: String, line: Int)] {
        let text = try String(contentsOf: CommandLineTests.repository.appendingPathComponent(page), encoding: .utf8)
        var found: [(String, String, Int)] = []
        var store: String?
        for (n, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("$ isnad") {
                let words = line.split(separator: " ").map(String.init)
                store = words.firstIndex(of: "--store").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
            } else if line.hasPrefix("isnad 0."), let store {
                found.append((store, line, n + 1))
            }
        }
        return found
    }

    // Fixed (issue 34, 2.10): docs/cli.md showed the default store's path
    // in the banner of `isnad --store news.isnad`.
    @Test(arguments: ["README.md", "docs/getting-started.md", "docs/cli.md"])
    func theBannerShownIsTheREPLs(page: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-banner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (store, banner, line) in try Self.banners(of: page) {
            let path = folder + "/" + store
            if !FileManager.default.fileExists(atPath: path) {
                _ = try Store(path: path).ingest(files: [CommandLineTests.repository.appendingPathComponent("examples/corpus").path])
            }
            var configuration = Store.Configuration()
            configuration.readOnly = true
            let welcome = Session(store: try Store(path: path, configuration: configuration)).welcome()
            let expected = welcome.replacingOccurrences(of: folder + "/", with: "").components(separatedBy: "\n")[0]
            #expect(banner == expected, "\(page):\(line)")
        }
    }
}
