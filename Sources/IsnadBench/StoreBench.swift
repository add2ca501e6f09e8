import Foundation
import IsnadIndex
import IsnadQuery
import IsnadStore

/// The store benchmark: import a generated corpus, time the 12 queries of
/// its `queries.txt` the way `../shared/tools/anchors.py` times the anchor
/// engines, and print Isnad beside them.
struct StoreBench {
    var corpus: String
    var store: String
    var runs = 30
    var warmup = 3
    var json: String?
    var anchors: String?
    var binary: String?
    var skipImport = false

    struct QueryFigure {
        var shape: String
        var query: String
        var count: Int
        var medianMS: Double
        var p95MS: Double
    }

    func run() throws {
        let statementsPath = corpus + "/statements.jsonl"
        var importSeconds = 0.0
        if !skipImport {
            try? FileManager.default.removeItem(atPath: store)
        }
        var configuration = StoreConfiguration()
        configuration.mapSize = 4 << 30
        let index = try IndexStore(path: store, configuration: configuration)
        if !skipImport {
            var importer = Importer(store: index)
            importer.batchSize = 100_000
            let start = DispatchTime.now().uptimeNanoseconds
            let reports = try importer.run([(.entities, corpus + "/entities.jsonl"), (.statements, statementsPath)])
            importSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            for report in reports where !report.problems.isEmpty {
                print("import problems in \(report.file): \(report.problems.prefix(3))")
            }
            if let statements = reports.last {
                print(
                    String(
                        format: "import threads (statements): reading %.2f s CPU, writing %.2f s CPU",
                        statements.readingSeconds, statements.writingSeconds))
            }
        }
        let statements = try index.snapshot { try index.counts(txn: $0).statements }
        let storeBytes = StoreBench.diskUsage(store)
        // What `isnad compact` would leave: the same data without free pages.
        let compactPath = store + "-compact"
        try? FileManager.default.removeItem(atPath: compactPath)
        try index.environment.copy(to: compactPath)
        let compactBytes = StoreBench.diskUsage(compactPath)
        try? FileManager.default.removeItem(atPath: compactPath)
        let engine = QueryEngine(store: index)

        var figures: [QueryFigure] = []
        for (shape, text) in try StoreBench.queries(corpus + "/queries.txt") {
            let query = try CheckedQuery(parsing: text)
            // Filters and text: the exact count and the first 10 ids.
            // Aggregations: every group.
            let measure: () throws -> Int =
                query.stages.isEmpty
                ? { try engine.count(query, first: 10).count }
                : { try engine.run(query).rows.count }
            var count = 0
            for _ in 0..<warmup { count = try measure() }
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                count = try measure()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            if !query.stages.isEmpty { count = try engine.count(query).count }
            times.sort()
            figures.append(
                QueryFigure(
                    shape: shape, query: text, count: count, medianMS: StoreBench.median(times),
                    p95MS: StoreBench.percentile(times, 95)))
        }
        let peak = peakMemoryMiB()
        let coldStart = try coldStartMS(figures)
        let anchorFigures = anchors.flatMap {
            try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as? [String: Any]
        }
        print(
            report(
                statements: statements, importSeconds: importSeconds, storeBytes: storeBytes,
                compactBytes: compactBytes, peakMiB: peak,
                coldStart: coldStart, figures: figures, anchors: anchorFigures))
        if let json {
            try writeJSON(
                json, statements: statements, importSeconds: importSeconds, storeBytes: storeBytes,
                compactBytes: compactBytes, peakMiB: peak, coldStart: coldStart, figures: figures, anchors: anchorFigures)
        }
    }

    /// `# shape` lines, each followed by its query.
    static func queries(_ path: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        var shape = ""
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") {
                shape = line.dropFirst().trimmingCharacters(in: .whitespaces)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append((shape, String(line)))
            }
        }
        return out
    }

    static func median(_ sorted: [Double]) -> Double {
        sorted.isEmpty
            ? .nan
            : sorted.count % 2 == 1
                ? sorted[sorted.count / 2]
                : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Nearest rank, as anchors.py computes it.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    /// Bytes on disk of the store folder (as `du` counts them).
    static func diskUsage(_ path: String) -> Int {
        var total = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var info = stat()
            if stat(path + "/" + name, &info) == 0 { total += Int(info.st_blocks) * 512 }
        }
        return total
    }

    /// Wall time of `isnad query` as a fresh process on the rarest actor
    /// query, median of 10 runs.
    func coldStartMS(_ figures: [QueryFigure]) throws -> Double? {
        guard let binary, let rare = figures.first(where: { $0.shape.hasPrefix("rare actor") }) ?? figures.first else {
            return nil
        }
        var times: [Double] = []
        for _ in 0..<10 {
            times.append(try StoreBench.spawnAndWait(binary, ["query", "--store", store, "--format", "csv", rare.query]))
        }
        return StoreBench.median(times.sorted())
    }

    /// Milliseconds from spawning `binary` to reaping it, its output sent to
    /// /dev/null. `posix_spawn` and `waitpid` directly: Foundation's
    /// `Process.waitUntilExit` polls its run loop (every 50 ms on Linux),
    /// which once made a 12 ms start look like 51 ms.
    static func spawnAndWait(_ binary: String, _ arguments: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw NSError(
                domain: "isnad-bench", code: Int(spawned),
                userInfo: [NSLocalizedDescriptionKey: "cannot start \(binary): \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    // MARK: - Anchors

    struct Anchor {
        var name: String
        var importRate: Double?
        var indexBytes: Int?
        var queries: [(median: Double, p95: Double, count: Int?)]
    }

    static func anchorList(_ anchors: [String: Any]?) -> [Anchor] {
        guard let engines = anchors?["engines"] as? [String: Any] else { return [] }
        return engines.keys.sorted().compactMap { name in
            guard name != "lmdb", let engine = engines[name] as? [String: Any],
                let queries = engine["queries"] as? [[String: Any]]
            else { return nil }
            return Anchor(
                name: name, importRate: engine["statements_per_second"] as? Double,
                indexBytes: engine["index_bytes"] as? Int,
                queries: queries.map { q in
                    ((q["median_ms"] as? Double) ?? .nan, (q["p95_ms"] as? Double) ?? .nan, q["count"] as? Int)
                })
        }
    }

    func report(
        statements: Int, importSeconds: Double, storeBytes: Int, compactBytes: Int, peakMiB: Double, coldStart: Double?,
        figures: [QueryFigure], anchors: [String: Any]?
    ) -> String {
        let list = StoreBench.anchorList(anchors)
        var lines: [String] = []
        let rate = importSeconds > 0 ? Double(statements) / importSeconds : .nan
        lines.append(
            String(
                format: "statements %d, import %.1f s = %.0f statements/s, store %.1f MiB (%.1f MiB compacted), peak RSS %.0f MiB",
                statements, importSeconds, rate, Double(storeBytes) / 1_048_576,
                Double(compactBytes) / 1_048_576, peakMiB))
        if let coldStart { lines.append(String(format: "cold start (isnad query, fresh process): %.1f ms", coldStart)) }
        for anchor in list {
            lines.append(
                String(
                    format: "%@: import %.0f statements/s, index %.1f MiB", anchor.name,
                    anchor.importRate ?? .nan, Double(anchor.indexBytes ?? 0) / 1_048_576))
        }
        lines.append("")
        var header = "| # | query | count | isnad median / p95 (ms) |"
        for anchor in list { header += " \(anchor.name) median / p95 |" }
        if !list.isEmpty { header += " best anchor | isnad ÷ best |" }
        lines.append(header)
        lines.append("|" + String(repeating: "---|", count: 4 + list.count + (list.isEmpty ? 0 : 2)))
        for (i, f) in figures.enumerated() {
            // `|` inside a Markdown table cell must be escaped.
            let cell = f.query.replacingOccurrences(of: "|", with: "\\|")
            var row = String(format: "| %d | `%@` | %d | %.3f / %.3f |", i + 1, cell, f.count, f.medianMS, f.p95MS)
            var best: (String, Double)?
            for anchor in list where i < anchor.queries.count {
                let q = anchor.queries[i]
                let agrees = q.count == nil || q.count == f.count || !figures[i].query.contains("|")
                row += String(format: " %.3f / %.3f%@ |", q.median, q.p95, agrees ? "" : " (count \(q.count ?? -1))")
                if q.median.isFinite, best == nil || q.median < best!.1 { best = (anchor.name, q.median) }
            }
            if let best { row += String(format: " %@ | %.2f |", best.0, f.medianMS / best.1) }
            lines.append(row)
        }
        return lines.joined(separator: "\n")
    }

    func writeJSON(
        _ path: String, statements: Int, importSeconds: Double, storeBytes: Int, compactBytes: Int, peakMiB: Double,
        coldStart: Double?, figures: [QueryFigure], anchors: [String: Any]?
    ) throws {
        var object: [String: Any] = [
            "statements": statements,
            "import_statements_per_s": importSeconds > 0 ? Double(statements) / importSeconds : NSNull(),
            "store_bytes": storeBytes,
            "compacted_store_bytes": compactBytes,
            "peak_rss_bytes": Int(peakMiB * 1_048_576),
            "cold_start_ms": coldStart ?? NSNull(),
            "queries": figures.map { ["query": $0.query, "count": $0.count, "median_ms": $0.medianMS, "p95_ms": $0.p95MS] },
        ]
        var anchorObjects: [String: Any] = [:]
        for anchor in StoreBench.anchorList(anchors) {
            anchorObjects[anchor.name] =
                [
                    "import_statements_per_s": anchor.importRate ?? NSNull(),
                    "index_bytes": anchor.indexBytes ?? NSNull(),
                    "queries": zip(figures, anchor.queries).map { f, q in
                        ["query": f.query, "count": q.count ?? NSNull(), "median_ms": q.median, "p95_ms": q.p95] as [String: Any]
                    },
                ] as [String: Any]
        }
        object["anchors"] = anchorObjects
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
