import Foundation
import IsnadIndex
import IsnadQuery
import IsnadText

/// What Tab offers in the REPL: dot-commands, fields, stance and other
/// closed values, pipe stages and their arguments, and the names of the
/// open store's entities that statements name (as actor or topic), the
/// most named first, in either script, matched after normalisation (so
/// `بيسك` finds بيسكوف and `kir` finds Kirby).
struct Completer {
    struct Name {
        var text: String
        var key: String
    }

    static let dotCommands = [
        ".help", ".fields", ".stances", ".entities", ".stats", ".explain", ".timer",
        ".format", ".pager", ".limit", ".open", ".ingest", ".import", ".read", ".output", ".quit",
    ]
    static let stages = ["count", "top", "timeline", "sort", "limit", "fields", "articles"]
    static let fields = FieldKind.allCases.map(\.rawValue)
    static let groupFields = ["actor", "about", "country", "source", "cites", "kind", "stance", "date", "lang", "doc"]
    static let outputFields = OutputField.allCases.map(\.rawValue)

    private(set) var names: [Name] = []

    init(entityNames: [String] = []) {
        self.init(weighted: entityNames.map { ($0, 0) })
    }

    /// Names with how many statements name them: the most named first,
    /// then alphabetically.
    init(weighted: [(name: String, statements: Int)]) {
        var seen: Set<String> = []
        var order: [(Name, Int)] = []
        for (text, statements) in weighted where !text.isEmpty && seen.insert(text).inserted {
            order.append((Name(text: text, key: Completer.key(text)), statements))
        }
        order.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.text < $1.0.text }
        names = order.map(\.0)
    }

    /// Case, harakat and letter variants folded, as the query matches names.
    static func key(_ text: String) -> String {
        Analyzer(stemming: false).aliasForm(text)
            + (text.last?.isWhitespace == true ? " " : "")
    }

    func complete(_ before: String) -> Completions {
        if before.hasPrefix(".") { return dotCommand(before) }
        return query(before)
    }

    /// Entity names starting with `typed`, at most `limit`.
    func names(startingWith typed: String, limit: Int = 500) -> [String] {
        let key = Completer.key(typed)
        var out: [String] = []
        for name in names where key.isEmpty || name.key.hasPrefix(key) || name.text.hasPrefix(typed) {
            out.append(name.text)
            if out.count == limit { break }
        }
        return out
    }

    // MARK: - Dot-commands

    private func dotCommand(_ before: String) -> Completions {
        guard let space = before.firstIndex(of: " ") else {
            return Completions(word: before, candidates: Completer.dotCommands.filter { $0.hasPrefix(before) })
        }
        let command = String(before[..<space])
        let rest = String(before[before.index(after: space)...])
        let word = Completer.lastWord(rest)
        switch command {
        case ".format": return choose(word, OutputFormat.allCases.map(\.rawValue))
        case ".timer", ".pager": return choose(word, ["on", "off"])
        case ".entities": return Completions(word: rest, candidates: names(startingWith: rest))
        case ".explain": return query(rest)
        case ".import":
            // `.import [entities|articles|statements] FILE`
            if rest.contains(" ") { return paths(word) }
            return Completions(
                word: word,
                candidates: ["entities", "articles", "statements"].filter { $0.hasPrefix(word) }
                    + paths(word).candidates)
        case ".open", ".ingest", ".read", ".output": return paths(word)
        default: return Completions(word: word, candidates: [])
        }
    }

    private func choose(_ word: String, _ options: [String]) -> Completions {
        Completions(word: word, candidates: options.filter { $0.hasPrefix(word) })
    }

    /// Files and folders whose path starts with `word`; folders end in `/`.
    func paths(_ word: String) -> Completions {
        let expanded = (word as NSString).expandingTildeInPath
        let folder: String
        let stem: String
        if word.hasSuffix("/") {
            folder = expanded
            stem = ""
        } else {
            folder = (expanded as NSString).deletingLastPathComponent
            stem = (expanded as NSString).lastPathComponent
        }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let typedFolder = word.hasSuffix("/") ? word : String(word.dropLast(stem.count))
        let candidates = listed.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
            .map { name -> String in
                var isFolder: ObjCBool = false
                let full = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(name)
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
                return typedFolder + name + (isFolder.boolValue ? "/" : "")
            }
        return Completions(word: word, candidates: candidates)
    }

    static func lastWord(_ text: String) -> String {
        String(text.reversed().prefix { !$0.isWhitespace }.reversed())
    }

    // MARK: - Queries

    private func query(_ before: String) -> Completions {
        // The word being typed runs back to a space outside quotes, so
        // `actor:"John K` is one word.
        var start = before.endIndex
        var quotes = before.filter { $0 == "\"" }.count
        while start > before.startIndex {
            let previous = before.index(before: start)
            let character = before[previous]
            if character == "\"" { quotes -= 1 }
            if quotes % 2 == 0, character.isWhitespace || character == "|" || character == "(" || character == "," {
                break
            }
            start = previous
        }
        let word = String(before[start...])
        let head = String(before[..<start])
        if let pipe = Completer.lastPipe(in: head) {
            let stage = head[head.index(after: pipe)...].split(whereSeparator: { $0.isWhitespace || $0 == "," })
                .map(String.init)
            return Completions(word: word, candidates: stageArgument(stage, word))
        }
        // A leading `-` (negation) stays in front of the completion.
        let sign = word.hasPrefix("-") ? "-" : ""
        let body = String(word.dropFirst(sign.count))
        guard let colon = body.firstIndex(of: ":") else {
            let lower = body.lowercased()
            return Completions(
                word: word,
                candidates: Completer.fields.filter { $0.hasPrefix(lower) && !lower.isEmpty }
                    .map { sign + $0 + ":" })
        }
        let field = body[..<colon].lowercased()
        var value = String(body[body.index(after: colon)...])
        if value.hasPrefix("\"") { value.removeFirst() }
        if value.hasSuffix("\""), value.count > 1 { value.removeLast() }
        guard let kind = FieldKind(rawValue: field) else { return Completions(word: word, candidates: []) }
        let prefix = sign + field + ":"
        let values: [String]
        switch kind.type {
        case .entity: values = names(startingWith: value)
        case .enumeration: values = kind.values.filter { $0.hasPrefix(value.lowercased()) }
        default: values = []
        }
        return Completions(word: word, candidates: values.map { prefix + Completer.quotedIfNeeded($0) })
    }

    /// Candidates for the next word of a pipe stage, given its words so far.
    private func stageArgument(_ words: [String], _ word: String) -> [String] {
        func options(_ list: [String]) -> [String] { list.filter { $0.hasPrefix(word.lowercased()) } }
        guard let name = words.first else { return options(Completer.stages) }
        switch name {
        case "count": return words.count == 1 ? options(["by"]) : options(Completer.groupFields)
        case "top": return words.count >= 2 ? options(Completer.groupFields) : []
        case "timeline": return words.count == 1 ? options(["day", "week", "month", "year"]) : []
        case "sort": return words.count == 1 ? options(Completer.groupFields + ["count"]) : options(["asc", "desc"])
        case "fields": return options(Completer.outputFields)
        default: return []
        }
    }

    static func lastPipe(in text: String) -> String.Index? {
        var inQuote = false
        var found: String.Index?
        for index in text.indices {
            if text[index] == "\"" { inQuote.toggle() }
            if text[index] == "|", !inQuote { found = index }
        }
        return found
    }

    static func quotedIfNeeded(_ name: String) -> String {
        name.contains(where: { $0.isWhitespace || "():|\"".contains($0) }) ? "\"" + name + "\"" : name
    }
}
