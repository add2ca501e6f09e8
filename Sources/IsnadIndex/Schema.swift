import Foundation
import IsnadStore

/// The Isnad store format: what `meta` records, and the named databases.
///
/// Bump `version` whenever stored bytes change meaning; an older build then
/// refuses the store with a clear message instead of misreading it.
package enum Schema {
    package static let toolVersion = "0.1.0"

    package static let format = StoreFormat(
        identifier: "isnad", version: 1, creator: "isnad \(toolVersion)")

    /// Article id (UInt32, big-endian) → article record.
    package static let articles = "articles"
    /// External article key (UTF-8) → article id.
    package static let articleKeys = "article_keys"
    /// Counters, format identity and other single values.
    package static let meta = "meta"

    package enum Counter: String {
        case nextArticle = "next_article"
    }
}

/// Opens the store's databases once and reads or writes its records.
package final class IndexStore: Sendable {
    package let environment: Environment
    let articles: Database
    let articleKeys: Database
    let meta: Database

    package init(path: String, configuration: StoreConfiguration) throws {
        environment = try Environment(path: path, format: Schema.format, configuration: configuration)
        articles = try environment.database(Schema.articles)
        articleKeys = try environment.database(Schema.articleKeys)
        meta = try environment.database(Schema.meta)
    }
}
