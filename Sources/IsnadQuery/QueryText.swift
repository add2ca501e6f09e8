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
        let all = (syntaxDiagnostics + meaningDiagnostics).sorted { $0.span.start < $1.span.start }
        self.diagnostics = Compilation.limited(all)
        self.checked = syntaxDiagnostics.contains { $0.severity == .error } ? nil : checked
    }
}

extension Compilation {
    /// More errors than this are cut to this many and one that says so:
    /// past a point they are noise (and a megabyte of junk would make a
    /// million of them).
    package static let maximumDiagnostics = 50

    static func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > maximumDiagnostics, let last = diagnostics.last else { return diagnostics }
        var kept = Array(diagnostics.prefix(maximumDiagnostics))
        kept.append(
            Diagnostic(
                .tooManyErrors, "too many errors: \(diagnostics.count - maximumDiagnostics) more not shown",
                at: last.span))
        return kept
    }
}

extension QuerySyntax {
    /// Parses `text`, throwing every syntax error found in it.
    package init(parsing text: String) throws(QueryError) {
        let (syntax, diagnostics) = Parser.parse(text)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw QueryError(source: text, diagnostics: Compilation.limited(diagnostics))
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

extension Compilation {
    /// What the engine refused (`QueryTooLarge`) as a diagnostic under the
    /// stage it concerns, to be shown like the errors of the text.
    package func diagnostic(for error: QueryTooLarge) -> Diagnostic {
        let stages = syntax.stages
        let span = error.stage < stages.count ? stages[error.stage].span : stages.last?.span ?? .none
        return Diagnostic(.tooLarge, error.message, at: span, help: error.help)
    }
}
