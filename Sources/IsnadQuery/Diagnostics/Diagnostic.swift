/// A problem found in a query: what, where, and how to fix it.
///
/// The lexer, parser and checker only build diagnostics; turning them into
/// text for a terminal is ``DiagnosticFormatter``'s job. Messages follow one
/// style (see `Messages.swift`): lower case, no final period, query text in
/// single quotes.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// A stable name for the kind of problem, for tests and programs that
    /// react to particular errors; messages may be reworded, ids stay.
    package struct ID: RawRepresentable, Sendable, Hashable {
        package var rawValue: String
        package init(rawValue: String) { self.rawValue = rawValue }
    }

    package enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// A second place that explains the first ("the group opened here").
    package struct Note: Sendable, Hashable {
        package var message: String
        package var span: SourceSpan
    }

    package var id: ID
    package var severity: Severity
    package var message: String
    package var span: SourceSpan
    package var notes: [Note]
    /// A hint, usually a suggestion: `did you mean 'stance'?`
    package var help: String?
    /// Text that would replace `span` to fix the problem, when there is one
    /// clear fix (the REPL can offer it).
    package var fixIt: String?

    package init(
        _ id: ID, _ message: String, at span: SourceSpan, severity: Severity = .error,
        help: String? = nil, fixIt: String? = nil, notes: [Note] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
        self.fixIt = fixIt
    }

    package var description: String { "\(span.line):\(span.column): \(severity.rawValue): \(message)" }
}

/// A query that could not be read or does not make sense, with every
/// problem found in it.
package struct QueryError: Error, Sendable, CustomStringConvertible {
    package var source: String
    package var diagnostics: [Diagnostic]

    package init(source: String, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    package var description: String {
        DiagnosticFormatter(colors: false).format(diagnostics, in: source)
    }
}
