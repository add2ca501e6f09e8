// The front half's entry points: text to syntax, text to a checked query.

/// Everything the front half learns from a query text.
package struct Compilation: Sendable {
    package var syntax: QuerySyntax
    /// nil when there is an error.
    package var checked: CheckedQuery?
    /// Syntax and meaning errors together, in source order. Meaning is
    /// checked on whatever syntax was recovered, so one run reports both
    /// `stance:denys` and `| cout`.
    package var diagnostics: [Diagnostic]

    package init(_ text: String) {
        let (syntax, syntaxDiagnostics) = Parser.parse(text)
        var checker = Checker()
        let (checked, meaningDiagnostics) = checker.check(syntax)
        self.syntax = syntax
        self.diagnostics = (syntaxDiagnostics + meaningDiagnostics).sorted { $0.span.start < $1.span.start }
        self.checked = syntaxDiagnostics.contains { $0.severity == .error } ? nil : checked
    }
}

extension QuerySyntax {
    /// Parses `text`, throwing every syntax error found in it.
    package init(parsing text: String) throws(QueryError) {
        let (syntax, diagnostics) = Parser.parse(text)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw QueryError(source: text, diagnostics: diagnostics)
        }
        self = syntax
    }
}

extension CheckedQuery {
    /// Parses and checks `text`, throwing every error found in it.
    package init(parsing text: String) throws(QueryError) {
        let compilation = Compilation(text)
        guard let checked = compilation.checked else {
            throw QueryError(source: text, diagnostics: compilation.diagnostics)
        }
        self = checked
    }
}
