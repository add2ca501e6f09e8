/// One lexical token of a query.
package struct Token: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A bare word: letters, digits and the punctuation that can sit
        /// inside words (`al-Assad`, `U.S.`, `Kirby's`), in any script.
        case word
        /// Decimal digits only, in any script: `10`, `2022`, `٢٠٢٢`.
        case number
        /// `2022-10` or `2022-10-05` (checked for sense later, so that
        /// `2022-13` gets its own message).
        case date
        /// A quoted string, `"…"`, `“…”` or `«…»`; `text` is its content
        /// with escapes resolved.
        case string
        case and, or, not
        case colon, greater, greaterEqual, less, lessEqual, range
        case leftParen, rightParen, pipe, comma, minus, star
        /// Something that is not part of the language; `error` says what.
        case error
        case end
    }

    /// What went wrong in an error token.
    package enum Problem: Sendable, Hashable {
        case unexpectedCharacter(Character)
        case strayClosingQuote(Character)
        /// The token is the opening quote; the string token that follows
        /// runs to the end of the input.
        case unclosedQuote(Character)
    }

    package var kind: Kind
    /// The source text of the token, except for strings (their content).
    package var text: Substring
    package var span: SourceSpan
    /// Whether whitespace or the start of the input comes right before:
    /// `-x`, `word*` and `field:value` are written without spaces.
    package var afterSpace: Bool
    package var problem: Problem?
    /// The opening quote of a string token.
    package var quote: Character?
}

extension Token.Kind: CustomStringConvertible {
    /// How messages name a kind of token: `expected ')'`.
    package var description: String {
        switch self {
        case .word: "a word"
        case .number: "a number"
        case .date: "a date"
        case .string: "a quoted string"
        case .and: "'AND'"
        case .or: "'OR'"
        case .not: "'NOT'"
        case .colon: "':'"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .range: "'..'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .pipe: "'|'"
        case .comma: "','"
        case .minus: "'-'"
        case .star: "'*'"
        case .error: "an unexpected character"
        case .end: "the end of the query"
        }
    }
}
