import Foundation
import IsnadIndex

/// A news article: body text and what is known about it.
public struct Article: Sendable, Hashable {
    /// The caller's id. When `nil`, the store derives one from the content,
    /// so that ingesting the same text twice stores it once.
    public var id: String?
    public var title: String?
    /// The outlet that published it.
    public var source: String?
    public var url: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var published: String?
    /// `ar`, `en`, … (detected from the script when `nil`).
    public var lang: String?
    public var text: String

    public init(id: String? = nil, title: String? = nil, source: String? = nil, url: String? = nil,
                published: String? = nil, lang: String? = nil, text: String) {
        self.id = id
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.lang = lang
        self.text = text
    }

    init(record: ArticleRecord) {
        self.init(id: record.key, title: record.title, source: record.source, url: record.url,
                  published: record.published, lang: record.lang, text: record.text)
    }

    var record: ArticleRecord {
        ArticleRecord(key: id ?? ContentHash.key(for: text), title: title, source: source, url: url,
                      published: published, lang: lang, text: text)
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
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
