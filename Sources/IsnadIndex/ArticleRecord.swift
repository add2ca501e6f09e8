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

    package init(
        key: String, title: String?, source: String?, url: String?,
        published: String?, lang: String?, text: String, cites: [String]? = nil
    ) {
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

extension ArticleRecord {
    /// The record exactly as ``RecordCoding/encoder()`` writes it (keys
    /// sorted, nil fields left out, the same escapes), built straight into
    /// bytes: JSONEncoder's generic path was a twentieth of ingesting
    /// articles. The bytes must stay the same, since the store compares
    /// them to tell an unchanged article; a test holds them to JSONEncoder.
    package func storedJSON() -> Data {
        var line = JSONLine(escapes: .encoder, capacity: text.utf8.count + (title?.utf8.count ?? 0) + 256)
        line.add("cites", cites)
        line.add("id", key)
        line.add("lang", lang)
        line.add("published", published)
        line.add("source", source)
        line.add("text", text)
        line.add("title", title)
        line.add("url", url)
        return line.data
    }
}
