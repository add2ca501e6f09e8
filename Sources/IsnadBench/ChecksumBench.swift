import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore

/// What verifying record checksums costs queries: the corpus's queries
/// (`queries.txt`) run on one store with verification on and off, in
/// alternation, each run building every row (every matching record read,
/// as `isnad query` prints them), and an export's worth of records read.
/// Medians per query, and their ratio.
struct ChecksumBench {
    var corpus: String
    var store: String
    var runs = 15

    func run() throws {
        var configuration = StoreConfiguration()
        configuration.readOnly = true
        let index = try IndexStore(path: store, configuration: configuration)
        guard index.checksums else {
            print("\(store) has no checksums (format \(index.environment.storedFormatVersion))")
            return
        }
        let engine = QueryEngine(store: index)
        var work: [(String, () throws -> Int)] = []
        for (_, text) in try StoreBench.queries(corpus + "/queries.txt") {
            let query = try CheckedQuery(parsing: text)
            work.append((text, { try engine.run(query).rows.count }))
        }
        work.append(
            (
                "every record (export)",
                {
                    try index.snapshot { txn in
                        var n = 0
                        try index.forEach(EntityRecord.self, txn: txn) { _, _ in n += 1 }
                        try index.forEach(ArticleRecord.self, txn: txn) { _, _ in n += 1 }
                        try index.forEach(StatementRecord.self, txn: txn) { _, _ in n += 1 }
                        return n
                    }
                }
            ))
        print("query                                              rows   off ms    on ms   on/off  (fastest runs: on/off)")
        var totalOff = 0.0
        var totalOn = 0.0
        for (text, measure) in work {
            var off: [Double] = []
            var on: [Double] = []
            var rows = 0
            for verify in [false, true] {
                index.verifiesChecksums.store(verify, ordering: .relaxed)
                rows = try measure()  // warm-up
            }
            for _ in 0..<runs {
                for verify in [false, true] {
                    index.verifiesChecksums.store(verify, ordering: .relaxed)
                    let start = DispatchTime.now().uptimeNanoseconds
                    rows = try measure()
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                    if verify { on.append(ms) } else { off.append(ms) }
                }
            }
            let (a, b) = (median(off), median(on))
            if !text.hasPrefix("every") {
                totalOff += a
                totalOn += b
            }
            let label = text.count > 48 ? String(text.prefix(47)) + "…" : text
            let fastest = (off.min() ?? .nan, on.min() ?? .nan)
            print(
                label.padding(toLength: 48, withPad: " ", startingAt: 0)
                    + String(format: " %7d %8.2f %8.2f   %.3f  (%.3f)", rows, a, b, b / a, fastest.1 / fastest.0))
        }
        print(
            String(
                format: "all queries (sum of medians)                            %8.2f %8.2f   %.3f", totalOff, totalOn, totalOn / totalOff)
        )
    }
}
