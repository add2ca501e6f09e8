// Three uses of Isnad from a Swift program, against a folder of articles:
//
//   swift run Embed ../corpus ../queries/denials.isq
//
// 1. build a store from the articles, 2. run a saved query file,
// 3. answer a question with the query builder and print a table.
import Foundation
import Isnad

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 || arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: Embed ARTICLES-FOLDER QUERIES.isq [STORE-FOLDER]\n".utf8))
    exit(2)
}
let (articles, queries) = (arguments[0], arguments[1])
// A store of our own, gone when we are: a fresh folder unless one is given.
let storePath =
    arguments.count == 3
    ? arguments[2]
    : FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString)").path
defer { if arguments.count == 2 { try? FileManager.default.removeItem(atPath: storePath) } }

/// Rows under their column names, each column as wide as its widest cell
/// (cells cut at 48 characters).
func table(_ columns: [String], _ rows: [[String]]) -> String {
    let cells = ([columns] + rows).map { $0.map { $0.count > 48 ? String($0.prefix(47)) + "…" : $0 } }
    let widths = columns.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
    func line(_ row: [String]) -> String {
        zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([line(cells[0]), line(rule)] + cells.dropFirst().map(line)).joined(separator: "\n")
}

do {
    // 1. Build a store from a folder of articles. Ingesting the same folder
    //    again would change nothing; an edited article replaces its statements.
    let store = try Store(path: storePath)
    let summary = try store.ingest(files: [articles])
    print("1. Ingested \(summary.added) articles: \(summary.statements) statements.")
    for problem in summary.rejected { print("   skipped \(problem)") }
    let statistics = try store.statistics()
    print("   The store holds \(statistics.articles) articles, \(statistics.statements) statements.")

    // 2. Run a saved query file (blank-line separated queries, # titles,
    //    `let` parameters), here with its parameter left as the file sets it.
    let file = try QueryFile(contentsOf: queries)
    print("\n2. \((queries as NSString).lastPathComponent): \(file.entries.count) queries")
    for answer in try store.run(file) {
        print("\n## \(answer.title ?? answer.query)")
        print(table(answer.result.columns, answer.result.rows))
    }

    // 3. Answer a question with the builder: who denied or declined to
    //    confirm something since October 2022, and how often?
    let question = Query.stance(.deny, .decline).date(after: "2022-09").count(by: .actor)
    print("\n3. \(question.text)")
    let answer = try store.query(question)
    print(table(["actor", "statements"], answer.counts.map { [$0.keys.joined(), String($0.count)] }))

    // The typed statements behind the top row, newest first.
    if let top = answer.counts.first {
        let statements = try store.query(Query.stance(.deny, .decline).actor(top.keys[0]).sort(by: .date)).statements
        print("\n\(top.keys[0]), in their own words:")
        for statement in statements {
            print("  \(statement.date ?? "?")  \(statement.stance?.rawValue ?? "?")  \(statement.quote)")
        }
    }
} catch let error as QueryError {
    FileHandle.standardError.write(Data(error.description.utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
