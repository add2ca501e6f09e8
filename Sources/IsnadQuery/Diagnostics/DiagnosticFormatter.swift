import IsnadText

/// Writes diagnostics as a terminal shows them:
///
///     error: unknown field 'stanse'
///       actor:Kirby stanse:deny
///                   ^^^^^^
///     help: did you mean 'stance'?
///
/// Carets are placed by display width, so they stay under the right
/// characters after harakat or wide characters. A terminal that lays out
/// Arabic right to left may still move them; the message quotes the text.
package struct DiagnosticFormatter: Sendable {
    package var colors: Bool
    /// A file name: each diagnostic then starts `file:line:column:`, as a
    /// compiler's do, for queries read from saved query files.
    package var origin: String?

    package init(colors: Bool, origin: String? = nil) {
        self.colors = colors
        self.origin = origin
    }

    package func format(_ diagnostics: [Diagnostic], in source: String) -> String {
        let lines = Lines(source)  // once, not per diagnostic
        return diagnostics.map { format($0, lines) }.joined()
    }

    package func format(_ diagnostic: Diagnostic, in source: String) -> String {
        format(diagnostic, Lines(source))
    }

    private func format(_ diagnostic: Diagnostic, _ lines: Lines) -> String {
        var out = origin.map { paint("\($0):\(diagnostic.span.line):\(diagnostic.span.column):", "1") + " " } ?? ""
        out += paint(diagnostic.severity.rawValue + ":", diagnostic.severity == .error ? "1;31" : "1;33")
        out += " " + paint(diagnostic.message, "1")
        if lines.count > 1, origin == nil { out += " (line \(diagnostic.span.line), column \(diagnostic.span.column))" }
        out += "\n" + snippet(diagnostic.span, lines)
        for note in diagnostic.notes {
            out += paint("note:", "1;36") + " " + note.message + "\n" + snippet(note.span, lines)
        }
        if let help = diagnostic.help { out += paint("help:", "1;32") + " " + help + "\n" }
        return out
    }

    /// The most columns of a source line a snippet echoes. A query of one
    /// long line (a pasted document, 100 KB of parentheses) was echoed
    /// whole under each of its diagnostics: megabytes for one mistake.
    /// Wide enough for any query typed by hand.
    package static let maximumEchoWidth = 100
    /// Columns kept before the marked text when a line is cut.
    static let echoContext = 40

    /// The line holding the start of `span`, and carets under the span (to
    /// the end of that line if it goes on). A line wider than
    /// ``maximumEchoWidth`` is cut to a window around the span, `…` where
    /// it was cut.
    private func snippet(_ span: SourceSpan, _ lines: Lines) -> String {
        guard let (text, lineStart) = lines.line(containing: span.start) else { return "" }
        let utf8 = Array(text.utf8)
        let from = min(max(0, span.start - lineStart), utf8.count)
        let to = min(max(from, span.end - lineStart), utf8.count)
        var before = Substring(String(decoding: utf8[..<from], as: UTF8.self))
        var marked = Substring(String(decoding: utf8[from..<to], as: UTF8.self))
        var after = Substring(String(decoding: utf8[to...], as: UTF8.self))
        let limit = DiagnosticFormatter.maximumEchoWidth
        var lead = ""
        var tail = ""
        if utf8.count > limit, DisplayWidth.of(text) > limit {
            // Before: the last columns up to the context, after a `…`.
            before = Self.suffix(of: before, width: DiagnosticFormatter.echoContext, cut: &lead)
            let used = DisplayWidth.of(lead) + DisplayWidth.of(before.replacingTabs())
            marked = Self.prefix(of: marked, width: limit - used, cut: &tail)
            let rest = limit - used - DisplayWidth.of(marked.replacingTabs()) - DisplayWidth.of(tail)
            after = tail.isEmpty ? Self.prefix(of: after, width: rest, cut: &tail) : after.prefix(0)
        }
        let shown = lead + (before + marked + after).replacingTabs() + tail
        let pad = DisplayWidth.of(lead) + DisplayWidth.of(before.replacingTabs())
        let carets = max(1, DisplayWidth.of(marked.replacingTabs()))
        return "  " + shown + "\n  " + String(repeating: " ", count: pad)
            + paint(String(repeating: "^", count: carets), "1;32") + "\n"
    }

    /// The longest end of `text` no wider than `width` columns; `cut` is
    /// `…` when something before it was left out (its column counted).
    private static func suffix(of text: Substring, width: Int, cut: inout String) -> Substring {
        guard DisplayWidth.of(text) > width else { return text }
        cut = "…"
        var start = text.endIndex
        var used = 1
        while start > text.startIndex {
            let previous = text.index(before: start)
            let w = DisplayWidth.of(text[previous])
            if used + w > width { break }
            used += w
            start = previous
        }
        return text[start...]
    }

    /// The longest start of `text` no wider than `width` columns; `cut` is
    /// `…` when something after it was left out (its column counted).
    private static func prefix(of text: Substring, width: Int, cut: inout String) -> Substring {
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let w = DisplayWidth.of(text[end])
            if used + w > width { break }
            used += w
            end = text.index(after: end)
        }
        guard end < text.endIndex else { return text }
        // Room for the `…`: give back characters until it fits.
        while end > text.startIndex, used + 1 > width {
            end = text.index(before: end)
            used -= DisplayWidth.of(text[end])
        }
        cut = "…"
        return text[..<end]
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// The lines of a source, with the byte offset where each starts.
private struct Lines {
    var lines: [(Substring, Int)] = []

    init(_ source: String) {
        var offset = 0
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append((line, offset))
            offset += line.utf8.count + 1
        }
    }

    var count: Int { lines.count }

    func line(containing offset: Int) -> (String, Int)? {
        // The last line starting at or before offset, by binary search.
        var low = 0
        var high = lines.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lines[middle].1 <= offset { low = middle } else { high = middle }
        }
        guard low < lines.count else { return nil }
        let best = lines[low]
        var text = String(best.0)
        if text.hasSuffix("\r") { text.removeLast() }
        return (text, best.1)
    }
}

extension StringProtocol {
    fileprivate func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
