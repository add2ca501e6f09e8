/// Splits query text into tokens. It never fails: anything it cannot read
/// becomes an `.error` token, and every step consumes at least one code
/// point, so no input makes it loop. Time and memory are linear.
package struct Lexer {
    private let text: String
    private let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, and of the end.
    private let offsets: [Int]
    private var i = 0

    // Line and column are counted forward from the last position asked
    // for, so the whole lexing stays linear.
    private var lastOffset = 0
    private var lastIndex: String.Index
    private var line = 1
    private var column = 1

    package init(_ text: String) {
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
        self.lastIndex = text.startIndex
    }

    /// All tokens, ending with one `.end` token.
    package static func tokens(in text: String) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    package mutating func next() -> Token {
        let afterSpace = skipSpaceAndComments()
        let start = i
        guard i < scalars.count else { return make(.end, from: start, afterSpace: afterSpace) }
        let c = scalars[i]
        switch c {
        case ":":
            i += 1
            return make(.colon, from: start, afterSpace: afterSpace)
        case "(":
            i += 1
            return make(.leftParen, from: start, afterSpace: afterSpace)
        case ")":
            i += 1
            return make(.rightParen, from: start, afterSpace: afterSpace)
        case "|":
            i += 1
            return make(.pipe, from: start, afterSpace: afterSpace)
        case ",":
            i += 1
            return make(.comma, from: start, afterSpace: afterSpace)
        case "*":
            i += 1
            return make(.star, from: start, afterSpace: afterSpace)
        case "-":
            i += 1
            return make(.minus, from: start, afterSpace: afterSpace)
        case ">", "<":
            i += 1
            let equal = i < scalars.count && scalars[i] == "="
            if equal { i += 1 }
            let kind: Token.Kind = c == ">" ? (equal ? .greaterEqual : .greater) : (equal ? .lessEqual : .less)
            return make(kind, from: start, afterSpace: afterSpace)
        case "." where i + 1 < scalars.count && scalars[i + 1] == ".":
            i += 2
            return make(.range, from: start, afterSpace: afterSpace)
        case "\"", "\u{201C}", "\u{AB}":
            return string(afterSpace: afterSpace)
        case "\u{201D}", "\u{BB}":
            i += 1
            var token = make(.error, from: start, afterSpace: afterSpace)
            token.problem = .strayClosingQuote(Character(c))
            return token
        case "=", "!":
            i += 1
            var token = make(.error, from: start, afterSpace: afterSpace)
            token.problem = .unexpectedCharacter(Character(c))
            return token
        default:
            return word(afterSpace: afterSpace)
        }
    }

    // MARK: - Words

    private mutating func word(afterSpace: Bool) -> Token {
        let start = i
        while i < scalars.count, Lexer.isWordScalar(scalars[i]) {
            let c = scalars[i]
            // In a run of dots the last two are a range (`2022..2023`,
            // `U.S...2023`); a single '.' stays in the word (`U.S.`).
            if c == "." {
                var run = 1
                while i + run < scalars.count, scalars[i + run] == "." { run += 1 }
                if run >= 2 {
                    i += run - 2
                    break
                }
            }
            // '-' inside a word stays (`al-Assad`, `2022-10`), but not at its end.
            if c == "-", !(i + 1 < scalars.count && Lexer.isWordScalar(scalars[i + 1]) && scalars[i + 1] != "-") {
                break
            }
            i += 1
        }
        if i == start { i += 1 }  // never stall
        var token = make(.word, from: start, afterSpace: afterSpace)
        token.kind = Lexer.classify(scalars[start..<i])
        return token
    }

    /// Anything but space, the operator characters and quotes can be part of
    /// a word; the analyzer drops the punctuation that is not a word.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ":", "(", ")", "|", ",", "*", ">", "<", "\"", "=", "!", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}":
            return false
        default:
            return !isSpace(c)
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        case 0..<0x80: return false
        // Directional marks come along when Arabic is pasted; they separate
        // nothing and mean nothing.
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return c.properties.isWhitespace
        }
    }

    private static func classify(_ word: ArraySlice<Unicode.Scalar>) -> Token.Kind {
        if word.count <= 3 {
            switch String(String.UnicodeScalarView(word)).uppercased() {
            case "AND": return .and
            case "OR": return .or
            case "NOT": return .not
            default: break
            }
        }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
        if word.allSatisfy(isDigit) { return .number }
        // dddd-d[d] or dddd-d[d]-d[d]
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 || parts.count == 3, parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
            parts.dropFirst().allSatisfy({ $0.count <= 2 })
        {
            return .date
        }
        return .word
    }

    // MARK: - Strings

    /// A quoted string. A backslash makes the next character literal, so
    /// `"say \"no\""` holds `say "no"`. Unclosed, it runs to the end and
    /// the token carries the problem.
    private mutating func string(afterSpace: Bool) -> Token {
        let start = i
        let open = scalars[i]
        let close: Unicode.Scalar = open == "\u{201C}" ? "\u{201D}" : open == "\u{AB}" ? "\u{BB}" : "\""
        i += 1
        var content = String.UnicodeScalarView()
        var closed = false
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if c == "\\", i < scalars.count {
                content.append(scalars[i])
                i += 1
            } else if c == close {
                closed = true
                break
            } else {
                content.append(c)
            }
        }
        var token = make(.string, from: start, afterSpace: afterSpace)
        token.text = Substring(String(content))
        token.quote = Character(open)
        if !closed { token.problem = .unclosedQuote(Character(open)) }
        return token
    }

    // MARK: - Space, comments, positions

    /// Skips whitespace and `#` comments (to the end of the line, for
    /// saved query files); returns whether anything was skipped.
    private mutating func skipSpaceAndComments() -> Bool {
        let start = i
        while i < scalars.count {
            if Lexer.isSpace(scalars[i]) {
                i += 1
            } else if scalars[i] == "#" {
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
            } else {
                break
            }
        }
        return i > start || start == 0
    }

    private mutating func make(_ kind: Token.Kind, from start: Int, afterSpace: Bool) -> Token {
        let (line, column) = position(ofByte: offsets[start])
        let span = SourceSpan(start: offsets[start], end: offsets[i], line: line, column: column)
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: offsets[start])
        let to = utf8.index(from, offsetBy: offsets[i] - offsets[start])
        return Token(kind: kind, text: text[from..<to], span: span, afterSpace: afterSpace, problem: nil, quote: nil)
    }

    /// Line and column (in Characters) of a byte offset at or after the last one asked for.
    private mutating func position(ofByte offset: Int) -> (Int, Int) {
        if offset > lastOffset {
            let utf8 = text.utf8
            let target = utf8.index(lastIndex, offsetBy: offset - lastOffset)
            for character in text[lastIndex..<target] {
                if character == "\n" || character == "\r\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            lastIndex = target
            lastOffset = offset
        }
        return (line, column)
    }
}
