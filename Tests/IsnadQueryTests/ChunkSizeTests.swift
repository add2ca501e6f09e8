import Foundation
import IsnadStore
import Testing

@testable import IsnadIndex

/// Long lists are cut into chunks that fit the target (ListChunks.swift):
/// a chunk that went past it would spill into one more page of LMDB's.
@Suite struct ChunkSizeTests {
    @Test func noChunkGoesPastTheTargetUnlessOneUnitDoes() throws {
        let corpus = try OracleCorpus.generate(docs: 800, seed: 5)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        let target = 300
        let store = try IndexStore(
            path: corpus.folder.appendingPathComponent("store").path,
            configuration: StoreConfiguration(), chunkTarget: target)
        var importer = Importer(store: store)
        importer.batchSize = 301
        let half = Array(corpus.statements.prefix(corpus.statements.count / 2))
        _ = try importer.run([
            (.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
            (.statements, try corpus.write(half, to: "s-half.jsonl")),
        ])
        // Appended to, then partly rewritten.
        _ = try importer.run([
            (.statements, try corpus.write(corpus.statements, to: "s-all.jsonl")),
            (.statements, try corpus.write(corpus.replacements, to: "s-new.jsonl")),
        ])

        var continued = 0
        /// Checks every value of `db` read as a list by `read` (its units
        /// and whether it is continued); returns how many there were.
        func check(_ db: Database, _ read: (UnsafeRawBufferPointer) -> (units: Int, continued: Bool)?) throws -> Int {
            var chunks = 0
            try store.environment.read { txn in
                try txn.scan(db) { entry in
                    guard let list = read(entry.value) else {
                        Issue.record("not a list in \(db.name)")
                        return .stop
                    }
                    chunks += 1
                    if list.continued { continued += 1 }
                    #expect(
                        entry.value.count <= target || list.units == 1,
                        "\(entry.value.count) bytes in \(list.units) units of \(db.name)")
                    return .next
                }
            }
            return chunks
        }
        let idChunks = try check(store.terms) { Postings($0).map { ($0.containerCount, $0.continued) } }
        let positionChunks = try check(store.positions) { Positions($0).map { ($0.count, $0.continued) } }
        // Lists were long enough to be cut.
        #expect(continued > 20)
        #expect(idChunks > 100 && positionChunks > 100)
        // isnad check walks lists of many chunks, and finds nothing wrong.
        let report = try store.check()
        #expect(report.isHealthy, "\(report.problems.prefix(5))")
        #expect(report.lists >= idChunks + positionChunks)
    }

}
