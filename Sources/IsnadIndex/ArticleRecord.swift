import Foundation
import IsnadStore

/// An article as stored: metadata and body text.
package struct ArticleRecord: Codable, Hashable, Sendable {
    /// The caller's id, or a content hash when none was given.
    package var key: String
    package var title: String?
    package var source: String?
    package var url: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    package var published: String?
    package var lang: String?
    package var text: String

    package init(key: String, title: String?, source: String?, url: String?,
                 published: String?, lang: String?, text: String) {
        self.key = key
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.lang = lang
        self.text = text
    }
}

/// What storing one article did.
package enum ArticleChange: Sendable {
    case added, replaced, unchanged
}

extension IndexStore {
    /// Stores `records` in one transaction: new keys get the next dense id,
    /// a known key with other content is replaced, an identical one is left
    /// alone (so ingesting the same files twice changes nothing).
    ///
    /// Safe to rerun: everything it does happens inside the transaction.
    package func store(_ records: [ArticleRecord]) throws -> [ArticleChange] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try records.map { try encoder.encode($0) }
        return try environment.write { txn in
            var next = try counter(.nextArticle, in: txn)
            var changes: [ArticleChange] = []
            changes.reserveCapacity(records.count)
            for (record, bytes) in zip(records, encoded) {
                let key = Array(record.key.utf8)
                if let idBytes = try txn.get(key, in: articleKeys) {
                    let id = Array(idBytes)
                    if let old = try txn.get(id, in: articles), old.elementsEqual(bytes) {
                        changes.append(.unchanged)
                        continue
                    }
                    try txn.put(bytes, for: id, in: articles)
                    changes.append(.replaced)
                } else {
                    var id = KeyBuilder()
                    id.append(next)
                    next += 1
                    try txn.put(id.bytes, for: key, in: articleKeys)
                    try txn.put(bytes, for: id.bytes, in: articles)
                    changes.append(.added)
                }
            }
            try setCounter(.nextArticle, to: next, in: txn)
            return changes
        }
    }

    /// The number of stored articles.
    package func articleCount() throws -> Int {
        try environment.read { txn in try txn.count(articles) }
    }

    /// Every article in id order, handed to `body` one by one.
    package func forEachArticle(_ body: (UInt32, ArticleRecord) throws -> Void) throws {
        let decoder = JSONDecoder()
        try environment.read { txn in
            try txn.scan(articles) { entry in
                var reader = KeyReader(entry.key)
                guard let id = reader.readUInt32() else { return .next }
                let record = try decoder.decode(ArticleRecord.self, from: Data(entry.value))
                try body(id, record)
                return .next
            }
        }
    }

    private func counter(_ counter: Schema.Counter, in txn: borrowing WriteTransaction) throws -> UInt32 {
        guard let bytes = try txn.get(Array(counter.rawValue.utf8), in: meta) else { return 0 }
        var reader = KeyReader(bytes)
        return reader.readUInt32() ?? 0
    }

    private func setCounter(_ counter: Schema.Counter, to value: UInt32, in txn: borrowing WriteTransaction) throws {
        var bytes = KeyBuilder()
        bytes.append(value)
        try txn.put(bytes.bytes, for: Array(counter.rawValue.utf8), in: meta)
    }
}
