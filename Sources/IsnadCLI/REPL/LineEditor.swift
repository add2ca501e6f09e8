import CEditLine
import Foundation
import IsnadText

/// What the user typed at the prompt.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of standard input.
    case end
}

/// Completion candidates for the text before the cursor: each replaces
/// the last `word` characters typed.
struct Completions: Equatable {
    var word: String
    var candidates: [String]
}

/// Line editing, persistent history and tab completion on a terminal,
/// through libedit's native API. The only user of CEditLine.
final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private var promptText: UnsafeMutablePointer<CChar>
    private var interrupted = false
    /// Called on Tab with the text before the cursor.
    var complete: ((String) -> Completions)?

    /// Nil when standard input or output is not a terminal.
    init?(program: String, historyFile: String?) {
        guard isatty(0) == 1, isatty(1) == 1 else { return nil }
        LineEditor.useUTF8Locale()
        guard let editLine = isnad_el_init(program), let history = history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        promptText = strdup("") ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        isnad_history_setsize(history, 2000)
        isnad_history_setunique(history, 1)
        if let historyFile { isnad_history_load(history, historyFile) }
        isnad_el_set_history(editLine, history)
        isnad_el_set_editor(editLine, "emacs")
        isnad_el_set_signal(editLine, 1)  // redraw on resize
        isnad_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        isnad_el_set_prompt(
            editLine,
            { el in
                guard let el, let editor = LineEditor.owner(of: el) else { return nil }
                return editor.promptText
            })
        // ^C while typing abandons the line instead of raising SIGINT,
        // which during a query means "stop the query" (Interrupt).
        isnad_el_setty(editLine, "-isig")
        isnad_el_bind(
            editLine, "isnad-interrupt", "abandon the line",
            { el, _ in
                guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_EOF) }
                editor.interrupted = true
                return UInt8(CC_NEWLINE)
            }, "^C")
        isnad_el_bind(
            editLine, "isnad-complete", "complete fields, stances, stages, commands and names",
            { el, _ in
                guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
                return editor.completeWord()
            }, "^I")
        el_source(editLine, nil)  // the user's ~/.editrc, if any
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    private static func owner(of el: OpaquePointer) -> LineEditor? {
        guard let data = isnad_el_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// libedit works in the locale's encoding: make it UTF-8 so Arabic
    /// is edited by character, not by byte.
    private static func useUTF8Locale() {
        if let set = setlocale(LC_CTYPE, ""), String(cString: set).lowercased().contains("utf") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
    }

    func read(prompt: String) -> LineInput {
        free(promptText)
        promptText = strdup(prompt) ?? promptText
        interrupted = false
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else { return interrupted ? .interrupted : .end }
        if interrupted { return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds an entry to the history and saves the file, so a second
    /// session sees it even if this one is killed.
    func remember(_ entry: String) {
        isnad_history_enter(history, entry)
        if let historyFile { isnad_history_save(history, historyFile) }
    }

    // MARK: - Completion

    private func completeWord() -> UInt8 {
        guard let complete, let info = el_line(editLine) else { return UInt8(CC_ERROR) }
        let length = info.pointee.cursor - info.pointee.buffer
        let before = String(
            decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: max(0, length)),
            as: UTF8.self)
        let found = complete(before)
        let shared = LineEditor.commonPrefix(found.candidates)
        if found.candidates.count == 1 || shared.unicodeScalars.count > found.word.unicodeScalars.count {
            el_deletestr(editLine, Int32(found.word.unicodeScalars.count))
            _ = el_insertstr(editLine, found.candidates.count == 1 ? found.candidates[0] : shared)
            return UInt8(CC_REFRESH)
        }
        guard found.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
        let listing = "\n" + LineEditor.columns(found.candidates, width: Terminal.width)
        if let out = isnad_el_output(editLine) {
            fputs(listing, out)
            fflush(out)
        }
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }

    /// Candidates in as many columns as fit, like a shell lists them.
    static func columns(_ words: [String], width: Int) -> String {
        let shown = words.prefix(200)
        let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var out = ""
        for (i, word) in shown.enumerated() {
            out += word
            if (i + 1) % perLine == 0 || i == shown.count - 1 {
                out += "\n"
            } else {
                out += String(repeating: " ", count: cell - DisplayWidth.of(word))
            }
        }
        if words.count > shown.count { out += "… and \(words.count - shown.count) more\n" }
        return out
    }
}

/// The terminal's size and whether output goes to one.
enum Terminal {
    /// Whether to colour what goes to descriptor `fd`: only a terminal,
    /// never with --no-color, NO_COLOR or TERM=dumb.
    static func colors(noColor: Bool, fd: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return !noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" && isatty(fd) == 1
    }

    /// Columns of standard output's terminal; 100 when it is not one.
    static var width: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 100
    }
}
