/// One value in a result table.
package enum Cell: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case list([String])
    /// Named byte ranges `[start, end)` in the article's text.
    case spans([(String, [Int])])
    /// Why a statement has its stance.
    case basis(StanceBasisCell)
    case null

    package static func == (a: Cell, b: Cell) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.spans(let x), .spans(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.basis(let x), .basis(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(description) }

    package var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): String(n)
        case .list(let items): items.joined(separator: "; ")
        case .spans(let spans):
            spans.map { name, range -> String in
                let numbers: [String] = range.map { String($0) }
                return name + " " + numbers.joined(separator: "-")
            }.joined(separator: "; ")
        case .basis(let basis): basis.description
        case .null: ""
        }
    }
}

/// What decided a statement's stance (``OutputField/why``): the rule
/// (`cue`, `content`, `performative`, `media`), what the words were read
/// as, the words, and their byte ranges in the article.
package struct StanceBasisCell: Sendable, Hashable, CustomStringConvertible {
    package var rule: String
    package var signal: String
    package var words: [String]
    package var spans: [[Int]]

    package init(rule: String, signal: String, words: [String], spans: [[Int]]) {
        self.rule = rule
        self.signal = signal
        self.words = words
        self.spans = spans
    }

    /// `content, a denial: “baseless”`; `cue: “denied”`.
    package var description: String {
        let quoted = words.map { "“" + $0 + "”" }.joined(separator: ", ")
        return rule + (signal.isEmpty ? "" : ", " + signal) + (quoted.isEmpty ? "" : ": " + quoted)
    }
}

/// What a query returns: named columns and rows of cells, and what kind of
/// rows they are.
package struct QueryResult: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// One row per statement, article or entity.
        case statements, articles, entities
        /// Counts: `count`, `count by`, `top`, `timeline`.
        case aggregate
    }

    package var kind: Kind
    package var columns: [String]
    package var rows: [[Cell]]
    /// How the filter was evaluated, with sizes (`--explain`).
    package var plan: PlanStep?
    /// The number of rows before `RunOptions.rowLimit` cut them.
    package var total: Int
    /// The columns the query chose to show (`fields`, or the defaults):
    /// `columns` itself, unless `RunOptions.typedColumns` added more.
    package var shown: [String]

    package init(kind: Kind, columns: [String], rows: [[Cell]], plan: PlanStep? = nil) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.plan = plan
        total = rows.count
        shown = columns
    }

    package static func == (a: QueryResult, b: QueryResult) -> Bool {
        a.kind == b.kind && a.columns == b.columns && a.rows == b.rows
    }
}

/// One step of an executed plan: what it did, how many ids it expected
/// from the index statistics, and how many it produced.
package struct PlanStep: Sendable, Hashable {
    package var label: String
    package var estimated: Int?
    package var actual: Int
    package var children: [PlanStep]

    package init(_ label: String, estimated: Int? = nil, actual: Int, children: [PlanStep] = []) {
        self.label = label
        self.estimated = estimated
        self.actual = actual
        self.children = children
    }

    /// The plan as an indented tree.
    package func render(indent: String = "") -> String {
        var line = indent + label
        if let estimated { line += "  (estimated \(estimated), actual \(actual))" } else { line += "  (actual \(actual))" }
        return ([line] + children.map { $0.render(indent: indent + "  ") }).joined(separator: "\n")
    }
}
