import Foundation
import IsnadQuery

/// A saved query file (`.isq`): queries separated by blank lines, each
/// under its `#` comment (the title printed above its result), and
/// parameters declared as `let name = value` and used as `$name`:
///
///     # Kirby's denials since the autumn
///     let since = 2022-10
///
///     # Who denied, and how often
///     stance:deny date>=$since | count by actor
///
/// A declaration holds for the queries after it; `isnad run --param
/// since=2023-01` overrides it. A query may span several lines.
///
/// ```swift
/// let file = try QueryFile(contentsOf: "examples/queries/denials.isq", parameters: ["since": "2024-01"])
/// for answer in try store.run(file) {
///     print(answer.title ?? answer.query, answer.result.total)
/// }
/// ```
public struct QueryFile: Sendable {
    /// One query of the file.
    public struct Entry: Sendable {
        /// The comment lines above the query, without `#`, parameters substituted.
        public var title: String?
        /// The query with its parameters substituted.
        public var text: String
        /// Where each byte of `text` came from in the file, for diagnostics.
        package var origins: [Int]
        /// A `$name` in it is not declared (a ``Problem`` says which): its
        /// text is not the query meant, so it is not checked as one.
        package var hasProblem = false
    }

    /// The file's path (or the name given with its text).
    public var path: String
    /// The file's text.
    public var source: String
    /// The queries, in file order.
    public var entries: [Entry] = []
    /// Declared parameters and their values after overrides.
    public var parameters: [String: String] = [:]
    /// Every problem of the file itself, in line order (an undeclared
    /// override, on no line, first): what the throwing initialisers
    /// report, all of them, before any query runs.
    package var problems: [Problem] = []

    /// An error in the file itself (not in a query): what, and where.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// 1-based; 0 when the problem is not on a line (an unknown override).
        public var line: Int
        /// 1-based, in characters.
        public var column: Int
        /// What is wrong.
        public var message: String
        /// The text of the line, for showing it.
        public var lineText: String
        /// The file's other problems after this one, in line order: a
        /// file is checked whole, so one error never hides the next.
        public var following: [Problem] = []

        /// This problem and those after it.
        public var all: [Problem] {
            var first = self
            first.following = []
            return [first] + following
        }

        /// `path:line:column: error: message`, the line, and a caret; then
        /// the problems that follow, likewise.
        public var description: String {
            all.map(\.alone).joined()
        }

        var alone: String {
            guard line > 0 else { return "error: \(path): \(message)\n" }
            return "\(path):\(line):\(column): error: \(message)\n  \(lineText)\n  "
                + String(repeating: " ", count: max(0, column - 1)) + "^\n"
        }
    }

    /// Reads the file at `path`; `parameters` override the file's own `let` values.
    ///
    /// - Throws: ``Problem`` when the file cannot be read, a declaration is
    ///   malformed, a `$name` is not declared, or a parameter given here is
    ///   not declared in the file: the first such problem, with every
    ///   other one in ``Problem/following``.
    public init(contentsOf path: String, parameters: [String: String] = [:]) throws(Problem) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(
                path: path, line: 0, column: 0, message: "cannot read the file: \(QueryFile.whyUnreadable(path))",
                lineText: "")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw Problem(path: path, line: 0, column: 0, message: "not valid UTF-8", lineText: "")
        }
        try self.init(path: path, source: source, overrides: parameters)
    }

    /// Why the file at `path` cannot be read, in the system's words ("No
    /// such file or directory"), or that it is a folder: Foundation's
    /// `contents(atPath:)` only says that it could not.
    package static func whyUnreadable(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        if info.st_mode & 0o170000 == 0o040000 { return "it is a folder" }  // S_IFMT, S_IFDIR
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return "it could not be read to the end"
    }

    /// Reads queries from `source`, naming it `path` in messages.
    ///
    /// - Throws: ``Problem``, the file's first, with every other one in
    ///   ``Problem/following``.
    public init(path: String, source: String, overrides: [String: String] = [:]) throws(Problem) {
        self.init(checking: source, path: path, overrides: overrides)
        if var first = problems.first {
            first.following = Array(problems.dropFirst())
            throw first
        }
    }

    /// Reads queries from `source` and records every problem of the file
    /// in ``problems`` instead of stopping at the first, so that a front
    /// end can report them together with the queries' own errors.
    package init(checking source: String, path: String, overrides: [String: String] = [:]) {
        self.path = path
        self.source = source
        var title: [String] = []
        var queryLines: [(text: Substring, offset: Int)] = []
        var declared: Set<String> = []
        var offset = 0

        func finishQuery() {
            defer {
                title = []
                queryLines = []
            }
            guard !queryLines.isEmpty else { return }
            var text: [UInt8] = []
            var origins: [Int] = []
            var hasProblem = false
            for (k, line) in queryLines.enumerated() {
                if k > 0 {
                    text.append(0x0A)
                    origins.append(line.offset - 1)
                }
                hasProblem = !substitute(line.text, at: line.offset, into: &text, origins: &origins) || hasProblem
            }
            entries.append(
                Entry(
                    title: title.isEmpty ? nil : substituted(title.joined(separator: " ")),
                    text: String(decoding: text, as: UTF8.self), origins: origins, hasProblem: hasProblem))
        }

        // Split on the byte: "\r\n" is one Character, never equal to "\n".
        for rawBytes in source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let rawLine = Substring(rawBytes)
            defer { offset += rawLine.utf8.count + 1 }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                finishQuery()
            } else if trimmed.hasPrefix("#") {
                // Comments above a query are its title; inside one, notes.
                if queryLines.isEmpty { title.append(trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)) }
            } else if trimmed.hasPrefix("let "), queryLines.isEmpty {
                let declaration = trimmed.dropFirst(4)
                title = []
                guard let equals = declaration.firstIndex(of: "=") else {
                    problems.append(problem("a declaration reads 'let name = value'", at: offset, in: line))
                    continue
                }
                let name = declaration[..<equals].trimmingCharacters(in: .whitespaces)
                let value = declaration[declaration.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard QueryFile.isName(name) else {
                    problems.append(problem("'\(name)' is not a parameter name (letters, digits and _)", at: offset, in: line))
                    continue
                }
                declared.insert(name)
                parameters[name] = overrides[name] ?? value
                title = []
            } else {
                queryLines.append((line, offset))
            }
        }
        finishQuery()
        let known = declared.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let unknown = overrides.keys.sorted().filter { !declared.contains($0) }.map { unknown in
            Problem(
                path: path, line: 0, column: 0,
                message: "--param \(unknown): the file declares no parameter '\(unknown)'"
                    + (known.isEmpty ? "" : " (it declares \(known))"),
                lineText: "")
        }
        problems = unknown + problems
    }

    /// A title with the parameters it names replaced (others left as typed).
    private func substituted(_ title: String) -> String {
        var out = title
        for name in parameters.keys.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: "$" + name, with: parameters[name] ?? "")
        }
        return out
    }

    /// Appends `line` with each `$name` replaced by its value; an
    /// undeclared one is recorded in ``problems``, kept as written, and
    /// makes it return false.
    private mutating func substitute(
        _ line: Substring, at offset: Int, into text: inout [UInt8],
        origins: inout [Int]
    ) -> Bool {
        var ok = true
        let bytes = Array(line.utf8)
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "$") {
                var end = k + 1
                while end < bytes.count, QueryFile.isNameByte(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[(k + 1)..<end], as: UTF8.self)
                guard let value = parameters[name] else {
                    let message =
                        name.isEmpty
                        ? "'$' must be followed by a parameter name"
                        : "unknown parameter '$\(name)'; declare it above with 'let \(name) = …'"
                    problems.append(problem(message, at: offset + k, in: line))
                    ok = false
                    text += bytes[k..<end]
                    origins += Array(offset + k..<offset + end)
                    k = end
                    continue
                }
                text += value.utf8
                origins += Array(repeating: offset + k, count: value.utf8.count)
                k = end
            } else {
                text.append(bytes[k])
                origins.append(offset + k)
                k += 1
            }
        }
        return ok
    }

    private func problem(_ message: String, at offset: Int, in line: Substring) -> Problem {
        let position = QueryFile.position(of: offset, in: source)
        return Problem(
            path: path, line: position.line, column: position.column, message: message,
            lineText: String(line))
    }

    /// The 1-based line and column (in characters) of a byte offset.
    package static func position(of offset: Int, in source: String) -> (line: Int, column: Int) {
        let bytes = Array(source.utf8.prefix(offset))
        let line = bytes.filter { $0 == 0x0A }.count + 1
        let lineStart = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The diagnostics of `entry`, moved to where they are in the file.
    package func diagnostics(_ diagnostics: [Diagnostic], of entry: Entry) -> [Diagnostic] {
        func move(_ span: SourceSpan) -> SourceSpan {
            let start = entry.origins.isEmpty ? 0 : entry.origins[min(max(0, span.start), entry.origins.count - 1)]
            let lastByte = entry.origins.isEmpty ? 0 : entry.origins[min(max(0, span.end - 1), entry.origins.count - 1)]
            let end = max(start + 1, lastByte + 1)
            let position = QueryFile.position(of: start, in: source)
            return SourceSpan(start: start, end: end, line: position.line, column: position.column)
        }
        return diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.span = move(diagnostic.span)
            moved.notes = diagnostic.notes.map { note in
                var note = note
                note.span = move(note.span)
                return note
            }
            return moved
        }
    }

    package static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isNameByte) && !(name.first?.isNumber ?? true)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// `since=2023-01` → ("since", "2023-01").
    package static func parameter(_ text: String) -> (String, String)? {
        guard let equals = text.firstIndex(of: "="), isName(String(text[..<equals])) else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
