import Foundation
import IsnadIndex
import IsnadVocabulary
import SyntheticCorpus
import Testing

/// The generated corpus the oracle, import and command tests use: the same
/// for a seed, every kind of record, and statements true to their articles.
/// (Across machines, the recorded analyzer fixture pins its texts: it holds
/// a hash of each generated article.)
@Suite struct SyntheticCorpusTests {
    @Test func aSeedGivesOneCorpus() throws {
        let a = SyntheticCorpus.generate(docs: 200, seed: 4)
        let b = SyntheticCorpus.generate(docs: 200, seed: 4)
        #expect(try SyntheticCorpus.jsonLines(a.articleLines) == SyntheticCorpus.jsonLines(b.articleLines))
        #expect(try SyntheticCorpus.jsonLines(a.statements) == SyntheticCorpus.jsonLines(b.statements))
        #expect(try SyntheticCorpus.jsonLines(a.entities) == SyntheticCorpus.jsonLines(b.entities))
        let other = SyntheticCorpus.generate(docs: 200, seed: 5)
        #expect(try SyntheticCorpus.jsonLines(other.statements) != SyntheticCorpus.jsonLines(a.statements))
    }

    @Test func everyKindOfRecordAndStatementsTrueToTheirArticles() throws {
        let corpus = SyntheticCorpus.generate(docs: 600, seed: 8)
        #expect(corpus.articles.count == 600)
        #expect(Set(corpus.articles.map(\.lang)) == ["ar", "en"])
        #expect(Set(corpus.entities.map(\.kind)) == ["person", "org", "anon", "outlet", "topic", "place"])
        #expect(Set(corpus.statements.map(\.stance)) == Set(Stance.allCases.map(\.rawValue)))
        let articles = Dictionary(uniqueKeysWithValues: corpus.articles.map { ($0.id, $0) })
        #expect(articles.count == corpus.articles.count, "one final version per id")
        #expect(!corpus.revisions.isEmpty)
        for revision in corpus.revisions {
            #expect(articles[revision.id].map { $0 != revision } == true, "\(revision.id) revises nothing")
        }
        let names = Set(corpus.entities.map(\.name))
        for statement in corpus.statements {
            let text = try #require(articles[statement.doc]?.text)
            let quoted = ["“\(statement.quote)”", "«\(statement.quote)»", "\"\(statement.quote)\""]
            #expect(quoted.contains { text.contains($0) }, "\(statement.id): the quote is not in \(statement.doc)")
            #expect(names.contains(statement.actor))
            #expect(!statement.about.isEmpty && statement.about.allSatisfy(names.contains))
            #expect(RecordDate(statement.date) != nil && statement.date >= "2015-01-01" && statement.date <= "2026-10-31")
        }
        // Every field of every record is filled.
        for article in corpus.articleLines {
            #expect(![article.id, article.source, article.url, article.published, article.title, article.text].contains(""))
        }
        // Ids are unique and the files read back as the store's records.
        #expect(Set(corpus.statements.map(\.id)).count == corpus.statements.count)
        let decoder = JSONDecoder()
        for line in try SyntheticCorpus.jsonLines(corpus.statements).split(separator: 0x0A).prefix(50) {
            _ = try decoder.decode(StatementRecord.self, from: Data(line))
        }
        for line in try SyntheticCorpus.jsonLines(corpus.articleLines).split(separator: 0x0A).prefix(50) {
            _ = try decoder.decode(ArticleRecord.self, from: Data(line))
        }
    }
}
