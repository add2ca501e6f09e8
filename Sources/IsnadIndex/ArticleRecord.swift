import Foundation
import IsnadStore

/// An article as stored and exported: the fields of `articles.jsonl`.
package struct ArticleRecord: Codable, Hashable, Sendable {
    /// The caller's id, or a content hash when none was given.
    package var key: String
    package var source: String?
    package var url: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    package var published: String?
    package var lang: String?
    package var title: String?
    package var text: String
    /// Outlets or reports the article cites, by name.
    package var cites: [String]?

    enum CodingKeys: String, CodingKey {
        case key = "id"
        case source, url, published, lang, title, text, cites
    }

    package init(key: String, title: String?, source: String?, url: String?,
                 published: String?, lang: String?, text: String, cites: [String]? = nil) {
        self.key = key
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.lang = lang
        self.text = text
        self.cites = cites
    }
}

/// What storing one record did.
package enum RecordChange: Sendable {
    case added, replaced, unchanged
}

/// Encodes records the one way the store keeps and compares them.
package enum RecordCoding {
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
