import ArgumentParser
import Foundation
import IsnadQuery

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a query and print it in canonical form.",
        discussion: """
            Prints the canonical form of the query and exits 0, or prints what is
            wrong with it on standard error, with carets under the mistake, and
            exits 1. Nothing is read from a store.

            Examples:
              isnad parse 'actor:Kirby stance:deny date>2022-10'
              isnad parse 'Stance:(deny OR decline)  |count by actor'   # → stance:(deny OR decline) | count by actor
              isnad parse --json 'about:"ballistic missiles" | top 5 actor'
              isnad parse 'actor:Kirby stanse:deny'                     # error: unknown field 'stanse'
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: "The query; quote it for the shell. Several arguments are joined with spaces.")
    var words: [String] = []

    var query: String { QueryWords.text(words) }

    @Flag(help: "Print the syntax tree as JSON, with source spans.")
    var json = false

    @Flag(help: "Never colour diagnostics (also: NO_COLOR in the environment).")
    var noColor = false

    func run() throws {
        let compilation = Compilation(query)
        guard compilation.checked != nil else {
            FileHandle.standardError.write(
                Data(
                    DiagnosticFormatter(colors: Terminal.colors(noColor: noColor, fd: 2))
                        .format(compilation.diagnostics, in: query).utf8))
            throw ExitCode(1)
        }
        if json {
            let data = try JSONSerialization.data(
                withJSONObject: SyntaxJSON.object(compilation.syntax),
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(Printer.print(compilation.syntax))
        }
    }
}

/// The syntax tree as JSON objects: each node has a `type` and a `span`
/// (`[start, end]` UTF-8 byte offsets, `line`, `column`).
enum SyntaxJSON {
    static func object(_ query: QuerySyntax) -> [String: Any] {
        ["filter": query.filter.map(object) ?? NSNull(), "stages": query.stages.map(object)]
    }

    static func span(_ span: SourceSpan) -> [String: Any] {
        ["bytes": [span.start, span.end], "line": span.line, "column": span.column]
    }

    static func object(_ expression: FilterExpression) -> [String: Any] {
        object(expression, leaf: object)
    }

    static func object<Leaf>(_ expression: BooleanSyntax<Leaf>, leaf: (Leaf) -> [String: Any]) -> [String: Any] {
        switch expression {
        case .leaf(let value):
            return leaf(value)
        case .and(let operands, let s), .or(let operands, let s):
            let type = if case .and = expression { "and" } else { "or" }
            return ["type": type, "operands": operands.map { object($0, leaf: leaf) }, "span": span(s.wrappedValue)]
        case .not(let operand, let s):
            return ["type": "not", "operand": object(operand, leaf: leaf), "span": span(s.wrappedValue)]
        }
    }

    static func object(_ term: Term) -> [String: Any] {
        var out: [String: Any] = ["type": "term", "span": span(term.span)]
        if let field = term.field { out["field"] = ["name": field.name, "span": span(field.span)] }
        switch term.test {
        case .equals(let value):
            out["test"] = "equals"
            out["value"] = object(value)
        case .compare(let c, let value):
            out["test"] = c.rawValue
            out["value"] = object(value)
        case .range(let lower, let upper):
            out["test"] = "range"
            out["lower"] = lower.map(object) ?? NSNull()
            out["upper"] = upper.map(object) ?? NSNull()
        case .group(let group):
            out["test"] = "group"
            out["group"] = object(group, leaf: object)
        }
        return out
    }

    static func object(_ value: Value) -> [String: Any] {
        let kind =
            switch value.kind {
            case .word: "word"
            case .quoted: "phrase"
            case .prefix: "prefix"
            }
        return ["type": kind, "text": value.text, "span": span(value.span)]
    }

    static func object(_ stage: Stage) -> [String: Any] {
        var out: [String: Any] = ["span": span(stage.span)]
        switch stage.operation {
        case .count(let by):
            out["stage"] = "count"
            out["by"] = by.map(\.name)
        case .top(let n, let f):
            out["stage"] = "top"
            out["n"] = n ?? NSNull()
            out["field"] = f.name
        case .timeline(let i):
            out["stage"] = "timeline"
            out["interval"] = i?.rawValue ?? NSNull()
        case .sort(let f, let o):
            out["stage"] = "sort"
            out["field"] = f.name
            out["order"] = o?.rawValue ?? NSNull()
        case .limit(let n):
            out["stage"] = "limit"
            out["n"] = n
        case .fields(let fs):
            out["stage"] = "fields"
            out["fields"] = fs.map(\.name)
        case .articles: out["stage"] = "articles"
        }
        return out
    }
}
