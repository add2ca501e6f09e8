/// Where a piece of a query sits in its text: a UTF-8 byte range, and the
/// line and column (1-based, counted in `Character`s) of its first byte.
///
/// Spans do not take part in the equality of syntax nodes (see
/// ``Located``): two queries are equal when they have the same structure,
/// wherever it was written.
package struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    package var start: Int
    package var end: Int
    package var line: Int
    package var column: Int

    package init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// A span for nodes built in code rather than parsed.
    package static let none = SourceSpan(start: 0, end: 0, line: 1, column: 1)

    package var bytes: Range<Int> { start..<max(start, end) }

    /// The smallest span covering both.
    package func union(_ other: SourceSpan) -> SourceSpan {
        let first = start <= other.start ? self : other
        return SourceSpan(start: first.start, end: max(end, other.end), line: first.line, column: first.column)
    }

    package var description: String { "\(line):\(column) [\(start)..<\(end)]" }
}

/// A span that compares equal to every other, so that syntax trees compare
/// by structure (`parse(print(ast)) == ast`) while keeping their positions.
@propertyWrapper
package struct Located: Sendable, Hashable {
    package var wrappedValue: SourceSpan

    package init(wrappedValue: SourceSpan) { self.wrappedValue = wrappedValue }

    package static func == (_: Located, _: Located) -> Bool { true }
    package func hash(into hasher: inout Hasher) {}
}
