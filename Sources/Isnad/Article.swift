import Foundation
import IsnadIndex
import IsnadText
import IsnadVocabulary

/// A news article: body text and what is known about it.
public struct Article: Sendable, Hashable {
    /// The caller's id. When `nil`, the store derives one from the content,
    /// so that ingesting the same text twice stores it once.
    public var id: String?
    /// The headline.
    public var title: String?
    /// The outlet that published it.
    public var source: String?
    /// Where it was published online.
    public var url: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var published: String?
    /// `ar` or `en`, in any case. When `nil`, the store decides it from the
    /// text's script: `ar` when most of its Arabic and Latin letters are
    /// Arabic, `en` when it has Latin letters, else none. Any other value
    /// is refused (``InvalidArticle``).
    public var lang: String?
    /// The body text, in Arabic or English (or both).
    public var text: String

    /// An article; only the text is required.
    public init(
        id: String? = nil, title: String? = nil, source: String? = nil, url: String? = nil,
        published: String? = nil, lang: String? = nil, text: String
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.lang = lang
        self.text = text
    }

    /// Why the store would refuse the article, or nil.
    var problem: String? {
        if text.allSatisfy(\.isWhitespace) { return "the text is empty" }
        if text.utf8.count > Article.maximumTextSize {
            return "the text is \(text.utf8.count) bytes, more than the \(Article.maximumTextSize) one article may have (split it)"
        }
        if text.holdsNUL { return "the text holds a NUL byte (a binary file?)" }
        if let id {
            if id.isEmpty || id.allSatisfy(\.isWhitespace) { return "the id is empty" }
            if id.utf8.count > 256 { return "the id is longer than 256 bytes" }
        }
        if let published, RecordDate(Article.day(of: published)) == nil {
            return "published '\(published)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        }
        if let lang, Article.languageCode(lang) == nil {
            return "lang '\(lang)' is not a supported language (ar or en)"
        }
        return nil
    }

    /// `lang` as stored: `ar` or `en` for those codes in any case (spaces
    /// around allowed); nil for any other value.
    static func languageCode(_ lang: String) -> String? {
        if lang == "ar" || lang == "en" { return lang }
        return Language(rawValue: lang.trimmingCharacters(in: .whitespaces).lowercased())?.rawValue
    }

    init(record: ArticleRecord) {
        self.init(
            id: record.key, title: record.title, source: record.source, url: record.url,
            published: record.published, lang: record.lang, text: record.text)
    }

    var record: ArticleRecord {
        ArticleRecord(
            key: id ?? ContentHash.key(for: text), title: title, source: source, url: url,
            published: published.map(Article.day(of:)), lang: storedLang, text: text)
    }

    /// The language stored: the code given, or the text's by its script
    /// (one pass over its scalars, no allocation). The one place where an
    /// article without a `lang` gets one, whether it came from a folder,
    /// JSON Lines or the library.
    private var storedLang: String? {
        // A value `problem` refuses never gets here; kept as written if it did.
        guard let lang else { return Language.detect(in: text)?.rawValue }
        return Article.languageCode(lang) ?? lang
    }

    /// A timestamp's day: `2022-10-20T14:05:00Z` and `2022-10-20 14:05` are
    /// `2022-10-20`; anything else stays as written.
    static func day(of published: String) -> String {
        // Foundation's trimming costs 10,000 instructions a call: skipped
        // when the ends are ASCII and not blank (any date as written).
        let ends = (published.utf8.first, published.utf8.last)
        let plain = ends.0.map { $0 > 0x20 && $0 < 0x80 } == true && ends.1.map { $0 > 0x20 && $0 < 0x80 } == true
        let trimmed = plain ? published : published.trimmingCharacters(in: .whitespaces)
        let utf8 = Array(trimmed.utf8)
        guard utf8.count > 10, utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " ") else { return trimmed }
        return String(decoding: utf8[..<10], as: UTF8.self)
    }
}

/// A stable content key for articles without an id: two independent 64-bit
/// FNV-1a hashes of the UTF-8 text (128 bits), as hex.
enum ContentHash {
    static func key(for text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x100_0000_01b3
        }
        return "h" + String(a, radix: 16).leftPadded(to: 16) + String(b, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    fileprivate var holdsNUL: Bool {
        utf8.withContiguousStorageIfAvailable { firstNUL(UnsafeRawBufferPointer($0)) != nil } ?? utf8.contains(0)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
