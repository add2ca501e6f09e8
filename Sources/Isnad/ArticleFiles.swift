import Foundation
import IsnadIndex
import IsnadText

/// Articles read from files, with the files (or lines) that were refused.
public struct LoadedArticles: Sendable {
    /// The articles read, in file order.
    public var articles: [Article] = []
    /// Each refused file or line, with the reason in words.
    public var rejected: [Rejection] = []
    /// Files met in folders and not read for their type (a `README.md`, a
    /// PDF, a `statements.jsonl`), in the order met. They are no error:
    /// a folder of articles often holds other files.
    public var passedOver: [String] = []

    /// A file, line or article refused, and why.
    public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file (or folder) refused.
        public var path: String
        /// The 1-based line, for JSON Lines input.
        public var line: Int?
        /// Why, in words.
        public var reason: String

        /// `path:line: reason`.
        public var description: String {
            line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
        }
    }
}

extension Article {
    /// Files larger than this are refused rather than read into memory.
    public static let maximumFileSize = 64 << 20
    /// One article's text may have at most this many bytes (8 MiB, a
    /// hundred times a long news article): more is not an article but a
    /// dump, and would hold a worker for seconds.
    public static let maximumTextSize = 8 << 20

    /// Reads articles from `paths`: `.txt` files (with optional front
    /// matter), `.jsonl` files of article objects, and folders of them,
    /// recursively and in name order (in folders, only `.txt` files and
    /// files named `articles.jsonl` or `*articles.jsonl`). Problems are collected per file; they
    /// never stop the rest.
    ///
    /// Front matter is a block of `key: value` lines between two `---`
    /// lines at the very top; keys are `id`, `title`, `source`, `url`,
    /// `published` and `lang` (`ar` or `en`; any other value refuses the
    /// file). Without a `lang`, the store decides it from the script.
    ///
    /// A folder may also hold a catalogue of its articles: a file named
    /// `docs.jsonl` or `metadata.jsonl` (in the folder or below it) whose
    /// lines are objects with `doc` or `id` (a text file's name without
    /// `.txt`) and any of `published`, `outlet` or `source`, `title`, `url`
    /// and `lang`. It fills what a text file's front matter leaves out —
    /// how a set of plain article files gets its dates. A date or language
    /// in it that is not one is passed over.
    public static func load(from paths: [String]) -> LoadedArticles {
        var loaded = LoadedArticles()
        var catalogue: [String: CatalogueEntry] = [:]
        /// Articles read from text files, the ones a catalogue may fill.
        var fromText: [Int] = []
        var visited: Set<String> = []
        for path in paths { load(path, into: &loaded, catalogue: &catalogue, fromText: &fromText, visited: &visited) }
        if !catalogue.isEmpty {
            for index in fromText {
                var article = loaded.articles[index]
                guard let id = article.id, let entry = catalogue[id] else { continue }
                article.title = article.title ?? entry.title
                article.source = article.source ?? entry.outlet ?? entry.source
                article.url = article.url ?? entry.url
                // A language the store does not know is passed over, like a
                // bad date below: the text's script decides it then.
                if article.lang == nil, let lang = entry.lang, Article.languageCode(lang) != nil { article.lang = lang }
                if article.published == nil, let published = entry.published {
                    article.published = published
                    // A bad date in the catalogue is dropped, not the article.
                    if article.problem != nil { article.published = nil }
                }
                loaded.articles[index] = article
            }
        }
        return loaded
    }

    /// The path with every symbolic link followed, or nil when the links
    /// go round in a loop.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Names of the catalogue files a folder may hold.
    static let catalogueNames: Set<String> = ["docs.jsonl", "metadata.jsonl"]

    private static func load(
        _ path: String, into loaded: inout LoadedArticles, catalogue: inout [String: CatalogueEntry],
        fromText: inout [Int], visited: inout Set<String>
    ) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // (A symbolic link that leads round to itself exists as a link only.)
            let loop = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
            loaded.rejected.append(.init(path: path, reason: loop ? "a symbolic link that never reaches a file" : "no such file or folder"))
            return
        }
        // Each real file or folder is read once, however many links lead to
        // it: a folder that links back to itself is not walked for ever.
        guard let real = realPath(path) else {
            loaded.rejected.append(.init(path: path, reason: "a symbolic link that never reaches a file"))
            return
        }
        guard visited.insert(real).inserted else { return }
        if isDirectory.boolValue {
            guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                loaded.rejected.append(.init(path: path, reason: "cannot list the folder"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let child = (path as NSString).appendingPathComponent(name)
                var childIsDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: child, isDirectory: &childIsDirectory)
                // Inside folders only article files are picked up: other JSON
                // Lines (gold annotations, statements) sit beside them.
                if childIsDirectory.boolValue || name.hasSuffix(".txt") || name.hasSuffix("articles.jsonl") {
                    load(child, into: &loaded, catalogue: &catalogue, fromText: &fromText, visited: &visited)
                } else if catalogueNames.contains(name) {
                    readCatalogue(child, into: &catalogue)
                } else {
                    loaded.passedOver.append(child)
                }
            }
            return
        }
        let text: String
        switch readText(path) {
        case .failure(let rejection):
            loaded.rejected.append(rejection)
            return
        case .success(let contents):
            text = contents
        }
        if path.hasSuffix(".jsonl") {
            loadJSONLines(text, path: path, into: &loaded)
        } else {
            // Windows line ends: "\r\n" is one Character, never "\n", so
            // the front matter's lines would not be found.
            var article = parseFrontMatter(text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
            // Without an id in the front matter, the file's name is the id,
            // so an edited file replaces its earlier version.
            if article.id == nil {
                article.id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            }
            if article.text.isEmpty {
                loaded.rejected.append(.init(path: path, reason: "no article text"))
            } else if let problem = article.problem {
                loaded.rejected.append(.init(path: path, reason: problem))
            } else {
                fromText.append(loaded.articles.count)
                loaded.articles.append(article)
            }
        }
    }

    /// Reads a catalogue's entries by document id; lines that are not
    /// catalogue entries (no `doc` or `id`) are passed over, so a folder's
    /// other JSON Lines files cannot break a run.
    private static func readCatalogue(_ path: String, into catalogue: inout [String: CatalogueEntry]) {
        guard case .success(let text) = readText(path) else { return }
        let decoder = JSONDecoder()
        for line in text.utf8.split(separator: 0x0A) {
            guard let entry = try? decoder.decode(CatalogueEntry.self, from: Data(line)),
                let id = entry.doc ?? entry.id
            else { continue }
            catalogue[id] = catalogue[id] ?? entry
        }
    }

    private static func readText(_ path: String) -> Result<String, LoadedArticles.Rejection> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumFileSize {
            return .failure(.init(path: path, reason: "file of \(size) bytes is larger than the limit of \(maximumFileSize)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.init(path: path, reason: "cannot read the file"))
        }
        if data.isEmpty { return .failure(.init(path: path, reason: "empty file")) }
        if let nul = data.withUnsafeBytes(firstNUL) {
            return .failure(.init(path: path, reason: "binary file (NUL byte at offset \(nul))"))
        }
        // The standard library's validation: Foundation's decoding of the
        // same bytes took longer than extracting statements from them.
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(.init(path: path, reason: "not valid UTF-8 (at byte \(firstInvalidUTF8Offset(data)))"))
        }
        return .success(text)
    }

    private static func loadJSONLines(_ text: String, path: String, into loaded: inout LoadedArticles) {
        let decoder = JSONDecoder()
        var text = text
        text.makeContiguousUTF8()
        // The file is valid UTF-8 (readText checked it): each line's strings
        // are copied out of it rather than decoded again.
        let source = text
        text.withUTF8 { bytes in
            var lines = Lines(UnsafeRawBufferPointer(bytes))
            while let (index, line) = lines.next() {
                let base = bytes.baseAddress.flatMap { start in line.baseAddress.map { UnsafeRawPointer(start).distance(to: $0) } } ?? 0
                loadJSONLine(
                    line, index: index, path: path, source: FastJSON.Source(source, base: base), decoder: decoder,
                    into: &loaded)
            }
        }
    }

    /// The lines of a file's bytes, split on the newline byte with `memchr`.
    /// As Characters, "\r\n" is one grapheme that is not "\n", so files
    /// with Windows line ends had been read as a single line; a generic
    /// split of the UTF-8 view went a byte at a time and took as long as
    /// reading the JSON.
    private struct Lines {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        }

        /// The next line's number (from 0) and bytes, without its newline.
        mutating func next() -> (Int, UnsafeRawBufferPointer)? {
            guard offset < bytes.count, let base = bytes.baseAddress else { return nil }
            let rest = bytes.count - offset
            let end = memchr(base + offset, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
            offset = end + 1
            index += 1
            return (index - 1, line)
        }
    }

    private static func loadJSONLine(
        _ line: UnsafeRawBufferPointer, index: Int, path: String, source: FastJSON.Source,
        decoder: JSONDecoder, into loaded: inout LoadedArticles
    ) {
        // Only blank lines need trimming; JSON allows the spaces around.
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        do {
            // The usual line goes through the byte reader; any other (or a
            // bad one) through JSONDecoder, which says what is wrong.
            let object = try JSONArticle(fastJSON: line, source: source) ?? decoder.decode(JSONArticle.self, from: Data(line))
            guard !object.text.isEmpty else {
                loaded.rejected.append(.init(path: path, line: index + 1, reason: "empty 'text'"))
                return
            }
            let article = Article(
                id: object.id, title: object.title, source: object.source,
                url: object.url, published: object.published, lang: object.lang, text: object.text)
            if let problem = article.problem {
                loaded.rejected.append(.init(path: path, line: index + 1, reason: problem))
            } else {
                loaded.articles.append(article)
            }
        } catch {
            loaded.rejected.append(.init(path: path, line: index + 1, reason: describe(error)))
        }
    }

    /// Splits `--- key: value … ---` off the top of a text file.
    static func parseFrontMatter(_ contents: String) -> Article {
        var body = Substring(contents)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var fields: [String: String] = [:]
        let lines = body.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: false)
        // (Only a short first line can be the marker: trimming a whole
        // one-line article with Foundation cost more than extracting it.)
        if let first = lines.first, first.utf8.count < 16, first.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        {
            for line in lines[1..<end] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
                if !value.isEmpty { fields[key] = value }
            }
            body = lines[(end + 1)...].joined(separator: "\n")[...]
        }
        return Article(
            id: fields["id"], title: fields["title"], source: fields["source"], url: fields["url"],
            published: fields["published"], lang: fields["lang"],
            text: body.trimmed())
    }
}

/// One line of a folder's article catalogue.
struct CatalogueEntry: Decodable {
    var doc: String?
    var id: String?
    var published: String?
    var outlet: String?
    var source: String?
    var title: String?
    var url: String?
    var lang: String?
}

private struct JSONArticle: Decodable {
    var id: String?
    var title: String?
    var source: String?
    var url: String?
    var published: String?
    var lang: String?
    var text: String
}

extension JSONArticle {
    private static let keys: [StaticString] = ["id", "title", "source", "url", "published", "lang", "text"]

    /// A line read by ``FastJSON``, which reads an article line in about a
    /// tenth of `JSONDecoder`'s time; nil when the line is not an object
    /// of these strings, and `JSONDecoder` then decides.
    init?(fastJSON line: UnsafeRawBufferPointer, source: FastJSON.Source? = nil) {
        guard let values = FastJSON.stringMembers(of: line, keys: JSONArticle.keys, source: source),
            let text = values[6]
        else { return nil }
        self.init(
            id: values[0], title: values[1], source: values[2], url: values[3], published: values[4],
            lang: values[5], text: text)
    }
}

private func describe(_ error: Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        return "field '\(field)' has the wrong type"
    case .dataCorrupted: return "not a JSON object"
    @unknown default: return "invalid JSON"
    }
}

/// The offset of the first NUL byte, found with `memchr`: `firstIndex(of:)`
/// and `contains` went a byte at a time through a generic iterator.
func firstNUL(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
}

private func firstInvalidUTF8Offset(_ data: Data) -> Int {
    var offset = 0
    var iterator = data.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput, .error: return offset
        }
    }
}
