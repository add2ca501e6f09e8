import Foundation
import Isnad
import Testing

/// The public facade, used only through `import Isnad`.
@Suite struct StoreIngestTests {
    private func withFolder<R>(_ body: (String) throws -> R) throws -> R {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    private static let sampleCorpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/corpus").path

    @Test func sampleCorpusLoadsWithItsFrontMatter() throws {
        let loaded = Article.load(from: [Self.sampleCorpus])
        #expect(loaded.rejected.isEmpty, "\(loaded.rejected)")
        #expect(loaded.articles.count == 12)
        #expect(Set(loaded.articles.compactMap(\.lang)) == ["ar", "en"])
        let kirby = loaded.articles.first { $0.id == "sample-en-03" }
        #expect(kirby?.published == "2022-10-20")
        #expect(kirby?.source == "Isnad sample desk")
        #expect(kirby?.text.hasPrefix("WASHINGTON") == true)
        #expect(kirby?.text.contains("---") == false)
    }

    @Test func ingestIsIdempotentAndReplacesChangedArticles() throws {
        try withFolder { folder in
            let store = try Store(path: folder + "/store")
            let articles = Article.load(from: [Self.sampleCorpus]).articles
            let first = try store.ingest(articles)
            #expect((first.added, first.replaced, first.unchanged) == (12, 0, 0))
            #expect(first.statements > 12, "the sample articles are full of attributed statements")
            let statements = try store.statistics().statements
            #expect(statements == first.statements)
            #expect(try store.ingest(articles) == IngestSummary(added: 0, replaced: 0, unchanged: 12, statements: 0))
            #expect(try store.statistics().statements == statements)
            // A changed article replaces its old statements: none are left
            // behind or doubled.
            var changed = articles[0]
            changed.text += "\n\nUpdated."
            let again = try store.ingest([changed])
            #expect((again.added, again.replaced, again.unchanged) == (0, 1, 0))
            #expect(try store.statistics().statements == statements)
            #expect(first.withoutStatements == 0)
            changed.text = "Nothing attributed here."
            // Fixed gap (issue 34): articles that gave no statement are counted.
            #expect(try store.ingest([changed]).withoutStatements == 1)
            #expect(try store.statistics().statements < statements)
            #expect(try store.statistics().articles == 12)
            #expect(try store.articles().first { $0.id == changed.id }?.text == changed.text)
            // Without an id, the same text is the same article.
            let anonymous = Article(text: "نفى المتحدث الخبر.")
            #expect(try store.ingest([anonymous, anonymous]).added == 1)
            #expect(try store.statistics().articles == 13)
        }
    }

    /// An article given twice in one call is stored, then replaced, as
    /// in two calls: the earlier version's extra statements do not stay
    /// beside the later one's (they did when both were in one batch).
    @Test func anArticleGivenTwiceInOneCallIsReplacedAsInTwo() throws {
        try withFolder { folder in
            let articles = Article.load(from: [Self.sampleCorpus]).articles
            let full = try #require(articles.max { $0.text.count < $1.text.count })
            var short = full
            short.text = String(full.text.prefix(full.text.count / 3))
            let once = try Store(path: folder + "/once")
            let summary = try once.ingest([full, short])
            #expect((summary.added, summary.replaced) == (1, 1))
            let twice = try Store(path: folder + "/twice")
            try twice.ingest([full])
            try twice.ingest([short])
            let only = try Store(path: folder + "/only")
            try only.ingest([short])
            let fullAlone = try Store(path: folder + "/full")
            try fullAlone.ingest([full])
            #expect(try fullAlone.statistics().statements > only.statistics().statements)
            #expect(try once.statistics().statements == only.statistics().statements)
            #expect(try twice.statistics().statements == only.statistics().statements)
        }
    }

    @Test func storeSurvivesReopeningReadOnly() throws {
        try withFolder { folder in
            do {
                let store = try Store(path: folder + "/store")
                try store.ingest([Article(id: "a", text: "one"), Article(id: "b", text: "two")])
            }
            var configuration = Store.Configuration()
            configuration.readOnly = true
            let reader = try Store(path: folder + "/store", configuration: configuration)
            let stats = try reader.statistics()
            #expect(stats.articles == 2)
            #expect(stats.formatVersion == 8)
            #expect(stats.creator.hasPrefix("isnad "))
            do {
                try reader.ingest([Article(id: "c", text: "three")])
                Issue.record("a read-only store accepted a write")
            } catch let error as StoreError {
                #expect(error.code == StoreError.readOnly)
            }
        }
    }

    /// A folder's catalogue (docs.jsonl) dates and names plain text files;
    /// front matter wins, and a bad line or date spoils nothing.
    @Test func aCatalogueBesideTheFilesFillsTheirMetadata() throws {
        try withFolder { folder in
            let fm = FileManager.default
            try fm.createDirectory(atPath: folder + "/meta", withIntermediateDirectories: true)
            _ = fm.createFile(atPath: folder + "/a.txt", contents: Data("قال كيربي إن الشحنات وصلت.".utf8))
            _ = fm.createFile(atPath: folder + "/b.txt", contents: Data("---\npublished: 2023-05-01\n---\nقال بيسكوف.".utf8))
            _ = fm.createFile(atPath: folder + "/c.txt", contents: Data("قال لافروف.".utf8))
            _ = fm.createFile(
                atPath: folder + "/meta/docs.jsonl",
                contents: Data(
                    """
                    {"doc": "a", "published": "2024-09-09", "outlet": "Desk", "title": "T"}
                    {"doc": "b", "published": "2020-01-01", "outlet": "Other"}
                    not json
                    {"doc": "c", "published": "last week"}
                    """.utf8))
            let loaded = Article.load(from: [folder])
            #expect(loaded.rejected.isEmpty, "\(loaded.rejected)")
            let byID = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.id ?? "", $0) })
            #expect(byID["a"]?.published == "2024-09-09")
            #expect(byID["a"]?.source == "Desk")
            #expect(byID["a"]?.title == "T")
            #expect(byID["b"]?.published == "2023-05-01")
            #expect(byID["b"]?.source == "Other")
            #expect(byID["c"]?.published == nil)
            #expect(byID.count == 3)
        }
    }

    /// Files saved with Windows line ends (and a byte-order mark) read as
    /// their Unix twins: JSON Lines line by line, front matter, catalogues.
    @Test func windowsLineEndsReadLikeUnixOnes() throws {
        let jsonl = """
            {"id": "j1", "text": "قال كيربي إن الشحنات وصلت.", "published": "2023-01-02"}
            {"id": "j2", "text": "Peskov said: \\"No.\\"\\r\\nIt went on."}

            """
        let text = "---\nid: t1\ntitle: T\n---\nقال بيسكوف.\nوأضاف أن التعاون مستمر.\n"
        let catalogue = "{\"doc\": \"c1\", \"published\": \"2024-09-09\"}\n"
        func load(_ lineEnd: String, mark: String) throws -> LoadedArticles {
            try withFolder { folder in
                let fm = FileManager.default
                func write(_ name: String, _ contents: String) {
                    _ = fm.createFile(
                        atPath: folder + "/" + name,
                        contents: Data((mark + contents.replacingOccurrences(of: "\n", with: lineEnd)).utf8))
                }
                write("articles.jsonl", jsonl)
                write("t.txt", text)
                write("c1.txt", "قال لافروف.\n")
                write("docs.jsonl", catalogue)
                return Article.load(from: [folder])
            }
        }
        let unix = try load("\n", mark: "")
        let windows = try load("\r\n", mark: "\u{FEFF}")
        #expect(windows.rejected.isEmpty, "\(windows.rejected)")
        #expect(windows.articles.count == 4)
        #expect(windows.articles == unix.articles)
        let byID = Dictionary(uniqueKeysWithValues: windows.articles.map { ($0.id ?? "", $0) })
        #expect(byID["t1"]?.title == "T")
        #expect(byID["t1"]?.text == "قال بيسكوف.\nوأضاف أن التعاون مستمر.")
        #expect(byID["c1"]?.published == "2024-09-09")
        #expect(byID["j2"]?.text == "Peskov said: \"No.\"\r\nIt went on.", "escapes inside a line are the article's own")
    }

    @Test func badFilesAreReportedOneByOne() throws {
        try withFolder { folder in
            let fm = FileManager.default
            _ = fm.createFile(atPath: folder + "/empty.txt", contents: Data())
            _ = fm.createFile(atPath: folder + "/binary.txt", contents: Data([0x41, 0x00, 0x42]))
            _ = fm.createFile(atPath: folder + "/latin1.txt", contents: Data([0x63, 0x61, 0x66, 0xE9]))
            _ = fm.createFile(atPath: folder + "/only-front-matter.txt", contents: Data("---\nid: x\n---\n".utf8))
            _ = fm.createFile(atPath: folder + "/good.txt", contents: Data("---\ntitle: T\n---\nقال كيربي.".utf8))
            _ = fm.createFile(
                atPath: folder + "/articles.jsonl",
                contents: Data(
                    """
                    {"id": "j1", "text": "first"}
                    not json
                    {"id": "j3"}

                    {"id": "j5", "text": "fifth", "lang": "en"}
                    """.utf8))
            _ = fm.createFile(atPath: folder + "/statements.jsonl", contents: Data("{\"x\": 1}\n".utf8))
            let loaded = Article.load(from: [folder, folder + "/missing.txt"])
            #expect(loaded.articles.map(\.text).sorted() == ["fifth", "first", "قال كيربي."])
            let reasons = Dictionary(
                uniqueKeysWithValues: loaded.rejected.map {
                    (($0.path as NSString).lastPathComponent + ($0.line.map { ":\($0)" } ?? ""), $0.reason)
                })
            #expect(reasons["empty.txt"] == "empty file")
            #expect(reasons["binary.txt"]?.hasPrefix("binary file (NUL byte at offset 1)") == true)
            #expect(reasons["latin1.txt"] == "not valid UTF-8 (at byte 3)")
            #expect(reasons["only-front-matter.txt"] == "no article text")
            #expect(reasons["articles.jsonl:2"] == "not a JSON object")
            #expect(reasons["articles.jsonl:3"] == "missing field 'text'")
            #expect(reasons["missing.txt"] == "no such file or folder")
            #expect(reasons.count == 7, "statements.jsonl in a folder is not an article file: \(reasons)")
            // Fixed gap (issue 34): files passed over were not counted.
            #expect(loaded.passedOver == [folder + "/statements.jsonl"])
        }
    }

    @Test func linksAreFollowedOnceAndLoopsEnd() throws {
        try withFolder { folder in
            let fm = FileManager.default
            _ = fm.createFile(atPath: folder + "/a.txt", contents: Data("The harbour board said the pier was shut.".utf8))
            try fm.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: folder + "/sub/up", withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: folder + "/self", withDestinationPath: ".")
            try fm.createSymbolicLink(atPath: folder + "/b.txt", withDestinationPath: "a.txt")
            try fm.createSymbolicLink(atPath: folder + "/l1.txt", withDestinationPath: "l2.txt")
            try fm.createSymbolicLink(atPath: folder + "/l2.txt", withDestinationPath: "l1.txt")
            let loaded = Article.load(from: [folder])
            // One real file, read once; the loop is reported, not walked.
            #expect(loaded.articles.count == 1)
            #expect(loaded.rejected.map(\.reason).sorted() == Array(repeating: "a symbolic link that never reaches a file", count: 2))
        }
    }

    @Test func anArticleTooLongIsRefusedWithItsSize() throws {
        try withFolder { folder in
            let text = String(repeating: "word ", count: Article.maximumTextSize / 5 + 1)
            _ = FileManager.default.createFile(atPath: folder + "/long.txt", contents: Data(text.utf8))
            _ = FileManager.default.createFile(atPath: folder + "/short.txt", contents: Data("The board said so.".utf8))
            let loaded = Article.load(from: [folder])
            #expect(loaded.articles.map(\.text) == ["The board said so."])
            #expect(loaded.rejected.first?.reason.contains("more than the \(Article.maximumTextSize) one article may have") == true)
        }
    }
}
