import Foundation
import IsnadIndex
import IsnadQuery
import IsnadText

/// How results are printed.
enum OutputFormat: String, CaseIterable {
    /// Aligned columns, one row a line.
    case table
    /// One block per row, a `name: value` line per column (SQLite's
    /// `.mode line`): for rows too wide for the terminal.
    case line
    case json, csv
}

/// Prints a query result as an aligned table, JSON or CSV.
struct ResultFormatter {
    var format: OutputFormat
    /// Cells wider than this are cut with an ellipsis (tables only).
    var maximumCellWidth = 60
    /// The terminal's width: tables are fitted into it. Nil: no limit
    /// beyond `maximumCellWidth` per cell.
    var width: Int?
    /// Arabic cells go inside Unicode directional isolates (FSI … PDI), so
    /// a bidi-capable terminal keeps the row's left-to-right order.
    var isolates = false
    /// ANSI colours: bold headers, dim rules, cyan bars.
    var colors = false
    /// Counts drawn as bars beside their numbers.
    var bars = true

    init(format: OutputFormat) { self.format = format }

    /// How a result is best shown on standard output: fitted, isolated and
    /// coloured on a terminal, plain in a pipe or a file.
    static func forStandardOutput(_ format: OutputFormat, noColor: Bool = false) -> ResultFormatter {
        forOutput(format, onTerminal: isatty(1) == 1, noColor: noColor)
    }

    /// As `forStandardOutput`, for output that may have been redirected
    /// elsewhere (the REPL's `.output FILE`).
    static func forOutput(_ format: OutputFormat, onTerminal: Bool, noColor: Bool) -> ResultFormatter {
        var formatter = ResultFormatter(format: format)
        if onTerminal {
            formatter.width = Terminal.width
            formatter.maximumCellWidth = max(formatter.maximumCellWidth, Terminal.width)
            formatter.isolates = true
            formatter.colors = Terminal.colors(noColor: noColor, fd: 1)
        }
        return formatter
    }

    func render(_ result: QueryResult) -> String {
        switch format {
        case .json: json(result)
        case .csv: csv(result)
        case .table: table(result)
        case .line: records(result)
        }
    }

    /// Columns never cut: ids (a statement's, an article's, an entity's
    /// name as its id), so that they can be copied, and dates, which cut
    /// say another date.
    static let wholeColumns: Set<String> = ["id", "doc", "date"]

    /// A text column cut narrower than this (where its values are wider)
    /// shows too little to read: a quote of 11 characters at 80 columns
    /// was what the table gave. Then the rows do not fit.
    static let readableWidth = 20

    /// Whether the table of `result` fits `width` with every column
    /// readable: ids and dates whole, and no text column cut below
    /// ``readableWidth``. The REPL shows the rows as records otherwise.
    func fits(_ result: QueryResult) -> Bool {
        guard let width, !result.rows.isEmpty else { return true }
        let (widths, numeric) = naturalWidths(result)
        let needed = widths.indices.reduce(0) { sum, i in
            let column = result.columns[i]
            let least =
                numeric[i] || ResultFormatter.wholeColumns.contains(column)
                ? widths[i] : min(widths[i], ResultFormatter.readableWidth)
            return sum + least
        }
        return needed + 2 * max(0, widths.count - 1) <= width
    }

    /// Each column's width before fitting (text cells up to
    /// `maximumCellWidth`, ids and dates whole), and whether it holds
    /// numbers only.
    private func naturalWidths(_ result: QueryResult) -> (widths: [Int], numeric: [Bool]) {
        let numeric = result.columns.indices.map { i in
            !result.rows.isEmpty
                && result.rows.allSatisfy { row in
                    if case .number = row[i] { return true }
                    return false
                }
        }
        let widths = result.columns.indices.map { i in
            let natural = result.rows.reduce(DisplayWidth.of(result.columns[i])) { widest, row in
                max(widest, DisplayWidth.of(row[i].description.replacingOccurrences(of: "\n", with: " ")))
            }
            return numeric[i] || ResultFormatter.wholeColumns.contains(result.columns[i])
                ? natural : min(natural, maximumCellWidth)
        }
        return (widths, numeric)
    }

    // MARK: - Records

    /// One block per row, a line per column with the names aligned on
    /// the colon; a long value wraps at spaces onto lines of its own
    /// under the value, never cut. Blocks are separated by a blank line.
    func records(_ result: QueryResult) -> String {
        let nameWidth = result.columns.map(DisplayWidth.of).max() ?? 0
        let room = max(20, (width ?? 100) - nameWidth - 2)
        var out = ""
        for (k, row) in result.rows.enumerated() {
            if k > 0 { out += "\n" }
            for (column, cell) in zip(result.columns, row) {
                let value = cell.description.replacingOccurrences(of: "\n", with: " ")
                let name = String(repeating: " ", count: nameWidth - DisplayWidth.of(column)) + column
                let lines = ResultFormatter.wholeColumns.contains(column) ? [value] : ResultFormatter.wrap(value, to: room)
                for (n, line) in lines.enumerated() {
                    let label = n == 0 ? paint(name + ":", "1") : String(repeating: " ", count: nameWidth + 1)
                    let shown = isolates && ResultFormatter.hasArabic(line) ? "\u{2068}" + line + "\u{2069}" : line
                    out += (shown.isEmpty ? label : label + " " + shown) + "\n"
                }
            }
        }
        return out + (result.rows.isEmpty ? "" : "\n") + footer(result) + "\n"
    }

    /// `text` in lines of at most `width` columns, broken at spaces; a
    /// word longer than a line is broken where the line ends.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            var rest = word
            while DisplayWidth.of(rest) > width {
                var piece = ""
                var used = 0
                for character in rest {
                    let w = DisplayWidth.of(character)
                    if used + w > width, !piece.isEmpty { break }
                    piece.append(character)
                    used += w
                }
                lines.append(piece)
                rest = String(rest.dropFirst(piece.count))
            }
            line = rest
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: - JSON

    /// An array of objects, keys in column order.
    func json(_ result: QueryResult) -> String {
        var out = "["
        for (i, row) in result.rows.enumerated() {
            out += i == 0 ? "\n  {" : ",\n  {"
            for (k, (column, cell)) in zip(result.columns, row).enumerated() {
                out += (k == 0 ? "" : ", ") + ResultFormatter.quoted(column) + ": " + json(cell)
            }
            out += "}"
        }
        return out + (result.rows.isEmpty ? "]" : "\n]")
    }

    func json(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): ResultFormatter.quoted(s)
        case .number(let n): String(n)
        case .list(let items): "[" + items.map(ResultFormatter.quoted).joined(separator: ", ") + "]"
        case .spans(let spans): ResultFormatter.json(spans)
        case .basis(let basis):
            "{" + ResultFormatter.quoted("rule") + ": " + ResultFormatter.quoted(basis.rule) + ", "
                + ResultFormatter.quoted("signal") + ": " + ResultFormatter.quoted(basis.signal) + ", "
                + ResultFormatter.quoted("words") + ": [" + basis.words.map(ResultFormatter.quoted).joined(separator: ", ") + "], "
                + ResultFormatter.quoted("spans") + ": ["
                + basis.spans.map { "[" + $0.map { String($0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]}"
        case .null: "null"
        }
    }

    static func quoted(_ s: String) -> String { JSONLine.quote(s) }

    /// `{"sentence": [0, 120], "cue": [3, 10]}`
    static func json(_ spans: [(String, [Int])]) -> String {
        var parts: [String] = []
        for (name, range) in spans {
            let numbers: [String] = range.map { String($0) }
            parts.append(quoted(name) + ": [" + numbers.joined(separator: ", ") + "]")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    // MARK: - CSV

    /// RFC 4180: fields with commas, quotes or line breaks are quoted.
    func csv(_ result: QueryResult) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [result.columns.map(field).joined(separator: ",")]
        for row in result.rows { lines.append(row.map { field($0.description) }.joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - Table

    /// Columns padded by display width (harakat take none, wide characters
    /// two), numbers right-aligned, long cells cut with an ellipsis to fit
    /// `width`; counts drawn as bars beside their numbers.
    func table(_ result: QueryResult) -> String {
        var columns = result.columns
        var cells = result.rows.map { row in
            row.map { $0.description.replacingOccurrences(of: "\n", with: " ") }
        }
        var numeric = columns.indices.map { i in
            !result.rows.isEmpty
                && result.rows.allSatisfy { row in
                    if case .number = row[i] { return true }
                    return false
                }
        }
        let gap = 2
        var widths = columns.indices.map { i in
            cells.reduce(DisplayWidth.of(columns[i])) { max($0, DisplayWidth.of($1[i])) }
        }
        // Ids and dates are never cut (`wholeColumns`).
        let whole = columns.map { ResultFormatter.wholeColumns.contains($0) }
        // Text columns share what the numbers and ids leave, the widest
        // giving way first.
        let budget = (width ?? .max) - gap * max(0, columns.count - 1)
        for i in widths.indices where !numeric[i] && !whole[i] { widths[i] = min(widths[i], maximumCellWidth) }
        while widths.reduce(0, +) > budget {
            guard
                let widest = widths.indices.filter({ !numeric[$0] && !whole[$0] && widths[$0] > 8 })
                    .max(by: { widths[$0] < widths[$1] })
            else { break }
            widths[widest] -= 1
        }
        // The bar chart of `count by`, `top` and `timeline`.
        if bars, result.kind == .aggregate, columns.count > 1, columns.last == "count", let countIndex = columns.indices.last,
            let largest = result.rows.compactMap({ row -> Int? in
                if case .number(let n) = row[countIndex] { return n }
                return nil
            }).max(), largest > 0
        {
            let room = (width ?? 100) - widths.reduce(0, +) - gap * columns.count
            let barWidth = min(40, max(10, room))
            columns.append("")
            widths.append(barWidth)
            numeric.append(false)
            for (k, row) in result.rows.enumerated() {
                guard case .number(let n) = row[countIndex] else {
                    cells[k].append("")
                    continue
                }
                cells[k].append(ResultFormatter.bar(Double(n) / Double(largest), width: barWidth))
            }
        }
        let barColumn = columns.count > result.columns.count ? columns.count - 1 : nil
        func line(_ row: [String], header: Bool = false) -> String {
            var out = ""
            for (i, raw) in row.enumerated() {
                let cell = ResultFormatter.cut(raw, to: widths[i])
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                var shown = isolates && ResultFormatter.hasArabic(cell) ? "\u{2068}" + cell + "\u{2069}" : cell
                if header { shown = paint(shown, "1") } else if i == barColumn { shown = paint(shown, "36") }
                if i > 0 { out += String(repeating: " ", count: gap) }
                if numeric[i] { out += pad + shown } else { out += shown + (i == row.count - 1 ? "" : pad) }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var lines = [line(columns, header: true)]
        lines.append(
            paint(
                widths.enumerated().map { i, w in
                    String(repeating: "─", count: i == barColumn ? 0 : w)
                }.joined(separator: String(repeating: " ", count: gap)).trimmingCharacters(in: .whitespaces), "2"))
        lines += cells.map { line($0) }
        lines.append(footer(result))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `(3 statements)`, `(50 of 1234 statements)`.
    func footer(_ result: QueryResult) -> String {
        let nouns: (String, String) =
            switch result.kind {
            case .aggregate: ("row", "rows")
            case .statements: ("statement", "statements")
            case .articles: ("article", "articles")
            case .entities: ("entity", "entities")
            }
        let noun = result.total == 1 ? nouns.0 : nouns.1
        return result.total > result.rows.count
            ? "(\(result.rows.count) of \(result.total) \(noun))"
            : "(\(result.rows.count) \(noun))"
    }

    /// A bar of `fraction` of `width` columns, in eighths of a block.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((fraction * Double(width) * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        return bar.isEmpty && fraction > 0 ? "▏" : bar
    }

    static func hasArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0600...0x08FF).contains($0.value) || (0xFB50...0xFEFF).contains($0.value) }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
