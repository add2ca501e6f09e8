import Foundation
@testable import IsnadIndex
import IsnadStore
import Testing

/// Long lists are cut into chunks that fit the target (ListChunks.swift):
/// a chunk that went past it would spill into one more page of LMDB's.
@Suite struct ChunkSizeTests {
    @Test func noChunkGoesPastTheTargetUnlessOneUnitDoes() throws {
        let corpus = try OracleCorpus.generate(docs: 800, seed: 5)
        defer { try? FileManager.default.removeItem(at: corpus.folder) }
        let target = 300
        let store = try IndexStore(path: corpus.folder.appendingPathComponent("store").path,
                                   configuration: StoreConfiguration(), chunkTarget: target)
        var importer = Importer(store: store)
        importer.batchSize = 301
        let half = Array(corpus.statements.prefix(corpus.statements.count / 2))
        _ = try importer.run([(.entities, try corpus.write(corpus.entities, to: "e.jsonl")),
                              (.statements, try corpus.write(half, to: "s-half.jsonl"))])
        // Appended to, then partly rewritten.
        _ = try importer.run([(.statements, try corpus.write(corpus.statements, to: "s-all.jsonl")),
                              (.statements, try corpus.write(corpus.replacements, to: "s-new.jsonl"))])

        var idChunks = 0, positionChunks = 0, continued = 0
        try store.environment.read { txn in
            try txn.scan(store.terms) { entry in
                guard let postings = Postings(entry.value) else {
                    Issue.record("not an id list")
                    return .stop
                }
                idChunks += 1
                if postings.continued { continued += 1 }
                #expect(entry.value.count <= target || postings.containerCount == 1,
                        "\(entry.value.count) bytes in \(postings.containerCount) containers")
                return .next
            }
            try txn.scan(store.positions) { entry in
                guard let positions = Positions(entry.value) else {
                    Issue.record("not a position list")
                    return .stop
                }
                positionChunks += 1
                if positions.continued { continued += 1 }
                #expect(entry.value.count <= target || positions.count == 1,
                        "\(entry.value.count) bytes in \(positions.count) entries")
                return .next
            }
        }
        // Lists were long enough to be cut.
        #expect(continued > 20)
        #expect(idChunks > 100 && positionChunks > 100)
    }

}
