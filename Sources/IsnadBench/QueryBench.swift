import Foundation
import IsnadQuery

/// Lex + parse + check of every query in docs/query-language.md, and of
/// 100 KB and 1 MB inputs to show that time grows linearly.
func queryBench(docs path: String, runs: Int) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("isnad-bench: cannot read \(path)\n".utf8))
        exit(1)
    }
    var queries: [String] = []
    var inBlock = false
    for line in text.split(separator: "\n") {
        if line.hasPrefix("```") {
            inBlock = line == "```isnad"
            continue
        }
        let query = line.trimmingCharacters(in: .whitespaces)
        if inBlock, !query.isEmpty, !query.hasPrefix("#") { queries.append(query) }
    }
    let rounds = 2_000
    var times: [Double] = []
    var valid = 0
    for _ in 0..<runs {
        times.append(
            seconds {
                valid = 0
                for _ in 0..<rounds {
                    for query in queries where Compilation(query).checked != nil { valid += 1 }
                }
            })
    }
    let perQuery = median(times) / Double(rounds * queries.count) * 1e6
    print(
        "lex + parse + check: \(queries.count) queries of docs/query-language.md (\(valid / rounds) valid), "
            + "\(rounds) rounds, median \(String(format: "%.2f", perQuery)) µs per query")

    for (name, unit) in [
        ("words", "kirby stance:deny "), ("OR chain", "a OR "), ("phrases", "\"ballistic missiles\" "),
        ("Arabic", "الصواريخ الباليستية "), ("junk", "= "),
    ] {
        var line = "\(name):"
        for size in [100_000, 1_000_000] {
            let input = String(repeating: unit, count: size / unit.utf8.count)
            let t = median((0..<3).map { _ in seconds { _ = Compilation(input) } })
            line += " \(size / 1000) KB \(String(format: "%.1f", t * 1000)) ms (\(String(format: "%.0f", t * 1e9 / Double(size))) ns/byte);"
        }
        print(line)
    }
}
