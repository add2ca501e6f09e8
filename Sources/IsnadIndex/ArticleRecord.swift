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

extension ArticleRecord {
    /// The record exactly as ``RecordCoding/encoder()`` writes it (keys
    /// sorted, nil fields left out, the same escapes), built straight into
    /// bytes: JSONEncoder's generic path was a twentieth of ingesting
    /// articles. The bytes must stay the same, since the store compares
    /// them to tell an unchanged article; a test holds them to JSONEncoder.
    package func storedJSON() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + (title?.utf8.count ?? 0) + 256)
        out.append(UInt8(ascii: "{"))
        var first = true
        func name(_ key: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONBytes.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
        }
        func member(_ key: String, _ value: String?) {
            guard let value else { return }
            name(key)
            JSONBytes.appendString(value, to: &out)
        }
        if let cites {
            name("cites")
            out.append(UInt8(ascii: "["))
            for (n, cited) in cites.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONBytes.appendString(cited, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        member("id", key)
        member("lang", lang)
        member("published", published)
        member("source", source)
        member("text", text)
        member("title", title)
        member("url", url)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }
}

/// JSON text as Foundation's JSONEncoder writes it without escaping slashes.
enum JSONBytes {
    /// `string` quoted: `"` and `\` escaped, the control characters as
    /// `\b \t \n \f \r` or `\u00xx` (lowercase hex); everything else as is.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        var string = string
        out.append(0x22)
        string.withUTF8 { bytes in
            var start = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(0x5C)
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }
}
