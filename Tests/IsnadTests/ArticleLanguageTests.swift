import Foundation
import Isnad
import Testing

/// An article's `lang`: kept when given as `ar` or `en`, decided from the
/// script when missing, refused when it is any other value.
@Suite struct ArticleLanguageTests {
    private func withFolder<R>(_ body: (String) throws -> R) throws -> R {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    private func write(_ folder: String, _ name: String, _ contents: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(contents.utf8))
    }

    private func ids(_ store: Store, _ query: String) throws -> Set<String> {
        Set(try store.query(query).articles.map(\.id))
    }

    @Test func plainFilesGetTheirLanguageFromTheScript() throws {
        try withFolder { folder in
            let texts = folder + "/texts"
            try FileManager.default.createDirectory(atPath: texts, withIntermediateDirectories: true)
            write(texts, "arabic.txt", "نفى المتحدث باسم الكرملين دميتري بيسكوف التقارير.")
            write(texts, "english.txt", "John Kirby denied that Iran was providing drones.")
            // Front matter without a lang key.
            write(texts, "titled.txt", "---\ntitle: T\n---\nقال كيربي إن الشحنات وصلت.")
            // Mixed: most letters decide.
            write(texts, "mostly-arabic.txt", "قال المتحدث باسم البيت الأبيض John Kirby إن الصواريخ وصلت إلى روسيا.")
            write(texts, "mostly-english.txt", "The spokesman, quoted by الجزيرة, said the missiles had arrived in Russia.")
            // Neither script: no language.
            write(texts, "numbers.txt", "2024 — 17 / 3")
            // Given: kept, even against the script; any case.
            write(texts, "given.txt", "---\nlang: en\n---\nقال كيربي إن الشحنات وصلت.")
            write(texts, "upper.txt", "---\nlang: AR\n---\nThe text is English but the file says Arabic.")
            write(
                folder, "articles.jsonl",
                """
                {"id": "j-ar", "text": "قال بيسكوف إن روسيا سترد."}
                {"id": "j-en", "text": "Peskov said Russia would respond."}
                {"id": "j-given", "lang": "ar", "text": "Peskov said Russia would respond, in Arabic."}
                """)

            let store = try Store(path: folder + "/store")
            let summary = try store.ingest(files: [texts, folder + "/articles.jsonl"])
            #expect(summary.rejected.isEmpty, "\(summary.rejected)")
            #expect(summary.added == 11)

            #expect(
                try ids(store, "is:article lang:ar")
                    == ["arabic", "titled", "mostly-arabic", "upper", "j-ar", "j-given"])
            #expect(
                try ids(store, "is:article lang:en")
                    == ["english", "mostly-english", "given", "j-en"])
            #expect(try store.article(id: "numbers")?.lang == nil)
            #expect(try store.article(id: "upper")?.lang == "ar", "stored in lower case")
            #expect(try store.query("is:article lang:en").articles.allSatisfy { $0.lang == "en" })
        }
    }

    @Test func articlesFromTheLibraryGetTheirLanguageToo() throws {
        try withFolder { folder in
            let store = try Store(path: folder)
            try store.ingest([
                Article(id: "a", text: "نفى المتحدث الخبر."),
                Article(id: "e", text: "The spokesman denied the report."),
                Article(id: "k", lang: "ar", text: "The spokesman denied the report."),
            ])
            #expect(try store.article(id: "a")?.lang == "ar")
            #expect(try store.article(id: "e")?.lang == "en")
            #expect(try store.article(id: "k")?.lang == "ar")
            #expect(try ids(store, "is:article lang:ar") == ["a", "k"])
        }
    }

    @Test func anUnsupportedLanguageIsRefusedAndNamed() throws {
        try withFolder { folder in
            let store = try Store(path: folder + "/store")
            try store.ingest([Article(id: "kept", lang: "en", text: "Peskov said Russia would respond.")])

            // The library: nothing of the call is written, what was stored stays.
            let error = try #require(throws: InvalidArticle.self) {
                try store.ingest([
                    Article(id: "new", text: "Kirby said it was false."),
                    Article(id: "kept", lang: "fr", text: "Peskov a dit que la Russie répondrait."),
                ])
            }
            #expect(error.index == 1)
            #expect(error.id == "kept")
            #expect(error.reason == "lang 'fr' is not a supported language (ar or en)")
            #expect(error.description == "article 2 (kept): lang 'fr' is not a supported language (ar or en)")
            #expect(try store.article(id: "new") == nil)
            #expect(try store.article(id: "kept")?.text == "Peskov said Russia would respond.")

            // Files and lines: each refused with its value, the rest stored.
            let texts = folder + "/texts"
            try FileManager.default.createDirectory(atPath: texts, withIntermediateDirectories: true)
            write(texts, "kept.txt", "---\nlang: fr\n---\nPeskov a dit que la Russie répondrait.")
            write(texts, "good.txt", "Kirby said it was false.")
            write(
                texts, "articles.jsonl",
                """
                {"id": "j1", "lang": "xx", "text": "Kirby said it was false."}
                {"id": "j2", "lang": "en", "text": "Kirby said it was true."}
                """)
            let summary = try store.ingest(files: [texts])
            let reasons = Dictionary(
                uniqueKeysWithValues: summary.rejected.map {
                    (($0.path as NSString).lastPathComponent + ($0.line.map { ":\($0)" } ?? ""), $0.reason)
                })
            #expect(
                reasons == [
                    "kept.txt": "lang 'fr' is not a supported language (ar or en)",
                    "articles.jsonl:1": "lang 'xx' is not a supported language (ar or en)",
                ])
            #expect(
                summary.rejected.first { $0.line == 1 }?.description.hasSuffix(
                    "articles.jsonl:1: lang 'xx' is not a supported language (ar or en)") == true)
            #expect(summary.added == 2)
            #expect(try store.article(id: "kept")?.text == "Peskov said Russia would respond.")
            #expect(try store.article(id: "kept")?.lang == "en")
        }
    }

    @Test func aCatalogueLanguageFillsAndABadOneIsPassedOver() throws {
        try withFolder { folder in
            write(folder, "a.txt", "Kirby said it was false.")
            write(folder, "b.txt", "Kirby said it was false, again.")
            write(
                folder, "docs.jsonl",
                """
                {"doc": "a", "lang": "ar"}
                {"doc": "b", "lang": "fr"}
                """)
            let loaded = Article.load(from: [folder])
            #expect(loaded.rejected.isEmpty, "\(loaded.rejected)")
            let byID = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.id ?? "", $0) })
            #expect(byID["a"]?.lang == "ar")
            #expect(byID["b"]?.lang == nil)
            let store = try Store(path: folder + "/store")
            try store.ingest(loaded.articles)
            #expect(try store.article(id: "b")?.lang == "en")
        }
    }
}
