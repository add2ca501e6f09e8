import Foundation
import IsnadIndex
import IsnadQuery
import IsnadText

/// How results are printed.
enum OutputFormat: String, CaseIterable {
    case table, json, csv
}

/// Prints a query result as an aligned table, JSON or CSV.
struct ResultFormatter {
    var format: OutputFormat
    /// Cells wider than this are cut with an ellipsis (tables only).
    var maximumCellWidth = 60

    func render(_ result: QueryResult) -> String {
        switch format {
        case .json: json(result)
        case .csv: csv(result)
        case .table: table(result)
        }
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
    /// two), numbers right-aligned, long cells cut with an ellipsis.
    func table(_ result: QueryResult) -> String {
        let cells = result.rows.map { row in
            row.map { cell -> String in
                let flat = cell.description.replacingOccurrences(of: "\n", with: " ")
                return ResultFormatter.cut(flat, to: maximumCellWidth)
            }
        }
        var widths = result.columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let numeric = result.columns.indices.map { i in
            !result.rows.isEmpty && result.rows.allSatisfy { row in
                if case .number = row[i] { return true }
                return false
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                return numeric[i] ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        var lines = [line(result.columns), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        let noun = result.kind == .aggregate ? "row" : String(result.kind.rawValue.dropLast())
        lines.append("(\(result.rows.count) \(noun)\(result.rows.count == 1 ? "" : "s"))")
        return lines.joined(separator: "\n") + "\n"
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
