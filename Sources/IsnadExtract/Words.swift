import Foundation
import IsnadText
import IsnadVocabulary

/// Sets and dictionaries of words as UTF-8 bytes, the form extraction
/// compares words in (see ``Gazetteer``).
///
/// A dozen lexicon lookups per word of an article: `[UInt8]` keys hashed a
/// byte at a time through `Hasher` were a tenth of an ingest, and FNV
/// fed to `Hasher` still paid its seeding and finalising (8%). These keep
/// the words in ``ByteKeys``, the index's own table: a hash of eight bytes
/// at a time and a probe.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var words: ByteKeys

    init(_ words: some Sequence<[UInt8]>) {
        let words = Array(words)
        self.words = ByteKeys(capacity: words.count)
        for word in words { _ = word.withUnsafeBufferPointer { self.words.number($0) } }
    }

    init(arrayLiteral words: [UInt8]...) { self.init(words) }

    /// Each word of `list` as the analyzer forms it (unstemmed; its first
    /// token), the way lexicons are written.
    init(normalizing list: [String]) {
        let forms = Analyzer(stemming: false)
        self.init(list.compactMap { forms.tokens(in: $0).first.map { Array($0.form.utf8) } })
    }

    /// Words as they are written in `forms` (already analyzer forms).
    init(forms: some Sequence<String>) { self.init(forms.map { Array($0.utf8) }) }

    func contains(_ word: [UInt8]) -> Bool { word.withUnsafeBufferPointer { words.find($0) != nil } }

    /// Each word, in the order added.
    func forEach(_ body: ([UInt8]) -> Void) {
        for n in 0..<words.count { body(Array(words.key(n))) }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.find(word) != nil }

    func contains(_ word: ArraySlice<UInt8>) -> Bool { word.withUnsafeBufferPointer { words.find($0) != nil } }

    /// Whether `DateFinder.stripped(form)` is a member.
    func contains(strippedOf form: String) -> Bool { PlainForm.stripped(form) { word, _ in contains(word) } }

    /// Whether `Extractor.bare(form)` is a member.
    func contains(bareOf form: String) -> Bool { PlainForm.bare(form) { contains($0) } }

    /// Whether an analyzer form is a member, by its bytes: the analyzer
    /// writes every form normalised, so equal bytes are equal words, and
    /// no Unicode comparison or normalised hash is needed (as a
    /// `Set<String>` paid at every lookup).
    func contains(_ form: String) -> Bool {
        var form = form
        return form.withUTF8 { words.find($0) != nil }
    }
}

/// Values by word; words are never removed.
struct WordMap<Value> {
    private var keys = ByteKeys(capacity: 16)
    private var values: [Value] = []

    init() {}

    subscript(word: [UInt8]) -> Value? {
        get { word.withUnsafeBufferPointer { keys.find($0) }.map { values[$0] } }
        set {
            guard let newValue else { return }
            let (n, isNew) = word.withUnsafeBufferPointer { keys.number($0) }
            if isNew { values.append(newValue) } else { values[n] = newValue }
        }
    }

    subscript(word: UnsafeBufferPointer<UInt8>) -> Value? { keys.find(word).map { values[$0] } }

    subscript(word: ArraySlice<UInt8>) -> Value? { word.withUnsafeBufferPointer { keys.find($0) }.map { values[$0] } }

    /// The value of `DateFinder.stripped(form)`.
    subscript(strippedOf form: String) -> Value? { PlainForm.stripped(form) { word, _ in self[word] } }

    /// The value of `Extractor.bare(form)`.
    subscript(bareOf form: String) -> Value? { PlainForm.bare(form) { self[$0] } }

    /// The value of an analyzer form (see `WordSet.contains(_:)`).
    subscript(form: String) -> Value? {
        var form = form
        return form.withUTF8 { keys.find($0) }.map { values[$0] }
    }

    subscript(word: [UInt8], default value: @autoclosure () -> Value) -> Value {
        get { self[word] ?? value() }
        _modify {
            let (n, isNew) = word.withUnsafeBufferPointer { keys.number($0) }
            if isNew { values.append(value()) }
            yield &values[n]
        }
    }

    mutating func updateValues(_ update: (inout Value) -> Void) {
        for i in values.indices { update(&values[i]) }
    }

    /// Each word with its value, in the order first set.
    func forEach(_ body: ([UInt8], Value) -> Void) {
        for n in values.indices { body(Array(keys.key(n)), values[n]) }
    }
}

extension WordMap: Sendable where Value: Sendable {}

/// Phrases of words, in groups, found in a run of words by their first
/// word.
///
/// The stance of a statement is read from its quote and clause against
/// some sixty phrases (denials, readings, retaliation). Testing phrase
/// after phrase over every word, and making each word's stripped copy
/// first, was 3% of an ingest; this goes over the words once and compares
/// only the phrases that start with the word at hand.
struct PhraseTable: Sendable {
    private var starting = WordMap<[Int]>()
    private var phrases: [(words: [[UInt8]], group: Int)] = []

    /// `groups[g]` holds the phrases of group g, written as lexicons are
    /// (each word taken as the analyzer forms it, unstemmed).
    init(_ groups: [[String]]) {
        let forms = Analyzer(stemming: false)
        for (group, list) in groups.enumerated() {
            for text in list {
                let words = forms.tokens(in: text).map { Array($0.form.utf8) }
                guard let first = words.first else { continue }
                starting[first, default: []].append(phrases.count)
                phrases.append((words, group))
            }
        }
    }

    /// The lowest group with a phrase that `words` hold word for word and
    /// in order; with `stripped`, each word is taken without its leading
    /// و, ف or ب (`DateFinder.strippedSlice`). With `flags` (the words',
    /// same indices), only words flagged ``WordFlags/phrase`` are looked up.
    func firstGroup(in words: ArraySlice<[UInt8]>, flags: ArraySlice<WordFlags>? = nil, stripped: Bool = false) -> Int? {
        func word(_ k: Int) -> ArraySlice<UInt8> { stripped ? DateFinder.strippedSlice(words[k]) : words[k][...] }
        var best: Int?
        for start in words.indices {
            if let flags, !flags[start].contains(.phrase) { continue }
            guard let candidates = starting[word(start)] else { continue }
            for p in candidates where best.map({ phrases[p].group < $0 }) ?? true {
                let phrase = phrases[p].words
                guard words.endIndex - start >= phrase.count else { continue }
                var k = 1
                while k < phrase.count, word(start + k).elementsEqual(phrase[k]) { k += 1 }
                if k == phrase.count { best = phrases[p].group }
            }
        }
        return best
    }

    /// The group and the extent of the longest phrase starting at
    /// `start` in `words`, each word taken with or without its leading و,
    /// ف or ب.
    func match(at start: Int, in words: ArraySlice<[UInt8]>) -> (group: Int, end: Int)? {
        var best: (group: Int, end: Int)?
        for stripped in [false, true] {
            func word(_ k: Int) -> ArraySlice<UInt8> { stripped ? DateFinder.strippedSlice(words[k]) : words[k][...] }
            guard let candidates = starting[word(start)] else { continue }
            for p in candidates {
                let phrase = phrases[p].words
                guard words.endIndex - start >= phrase.count, phrase.count > (best.map { $0.end - start } ?? 0) else { continue }
                var k = 1
                while k < phrase.count, word(start + k).elementsEqual(phrase[k]) || words[start + k].elementsEqual(phrase[k]) { k += 1 }
                if k == phrase.count { best = (phrases[p].group, start + phrase.count) }
            }
        }
        return best
    }

    /// Whether `words` hold any of the phrases (as ``firstGroup(in:flags:stripped:)``).
    func isHeld(in words: ArraySlice<[UInt8]>, flags: ArraySlice<WordFlags>? = nil, stripped: Bool = false) -> Bool {
        firstGroup(in: words, flags: flags, stripped: stripped) != nil
    }

    /// Whether a phrase starts with `key`, or with it stripped as
    /// ``firstGroup(in:flags:stripped:)`` strips: ``WordFlags/phrase``.
    func mayStart(_ key: [UInt8]) -> Bool {
        starting[key] != nil || starting[DateFinder.strippedSlice(key)] != nil
    }
}

/// The String tests of the lexicons (`count`, `hasPrefix`, dropping a
/// letter) done on an analyzer form's bytes when that gives the same
/// answer, which is for nearly every word.
///
/// `String.count` walks grapheme breaks over the whole word, `hasPrefix`
/// compares by canonical equivalence, and each dropped letter makes a new
/// String: together a tenth of extraction, for words looked at many times
/// per cue. In a form whose every character is one scalar of printable
/// ASCII or of the Arabic letters U+0621–U+064A — none of which combines
/// with another, decomposes differently in context or extends a grapheme —
/// characters are scalars and a prefix of characters is a prefix of bytes.
/// Any other form takes the String path, so the answers never differ.
enum PlainForm {
    /// The number of characters of `utf8` when it is plain (above); nil
    /// otherwise.
    @inline(__always)
    static func characterCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0
        var i = 0
        let count = utf8.count
        while i < count {
            let b = utf8[i]
            if b >= 0x20 && b < 0x7F {
                i += 1
            } else if i + 1 < count, b == 0xD8 || b == 0xD9 {
                let c = utf8[i + 1]
                guard b == 0xD8 ? (c >= 0xA1 && c <= 0xBA) : (c >= 0x80 && c <= 0x8A) else { return nil }
                i += 2
            } else {
                return nil
            }
            n += 1
        }
        return n
    }

    /// Whether every character of `text` is plain (above).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { characterCount($0) != nil }
    }

    /// `text.hasSuffix(suffix)`, from the bytes when both are plain (a
    /// suffix of characters is then a suffix of bytes).
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        onPlainBytes(text, suffix) { t, s in
            t.count >= s.count && UnsafeBufferPointer(rebasing: t[(t.count - s.count)...]).elementsEqual(s)
        } ?? text.hasSuffix(suffix)
    }

    /// Whether `text` holds `part`, from the bytes when both are plain (a
    /// run of characters is then a run of bytes); else Foundation's search.
    static func contains(_ text: String, _ part: String) -> Bool {
        onPlainBytes(text, part) { t, p in p.isEmpty ? nil : Extractor.bytes(of: t, hold: p) } ?? text.contains(part)
    }

    /// `body` of the bytes of `a` and `b` when both are plain; nil otherwise.
    private static func onPlainBytes(
        _ a: String, _ b: String,
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool?
    ) -> Bool? {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in characterCount(x) != nil && characterCount(y) != nil ? body(x, y) : nil }
        }
    }

    /// Calls `body` with the bytes of `Extractor.bare(form)`.
    @inline(__always)
    static func bare<T>(_ form: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var form = form
        if let result = form.withUTF8({ utf8 -> T? in
            guard var count = characterCount(utf8) else { return nil }
            var start = 0
            if count > 3, Bytes.clitic(utf8) == .conjunction {
                start = 2
                count -= 1
            }
            if count > 4, Bytes.starts(utf8[start...], with: Bytes.al) { start += 4 }
            return body(UnsafeBufferPointer(rebasing: utf8[start...]))
        }) {
            return result
        }
        var bare = Extractor.bare(form)
        return bare.withUTF8(body)
    }

    /// Calls `body` with the bytes of `DateFinder.stripped(form)` and, when
    /// they are plain (above), their number of characters.
    @inline(__always)
    static func stripped<T>(_ form: String, _ body: (UnsafeBufferPointer<UInt8>, _ count: Int?) -> T) -> T {
        var form = form
        if let result = form.withUTF8({ utf8 -> T? in
            guard let count = characterCount(utf8) else { return nil }
            if count > 3, Bytes.clitic(utf8) == .conjunction || Bytes.starts(utf8, with: Bytes.ba) {
                return body(UnsafeBufferPointer(rebasing: utf8[2...]), count - 1)
            }
            return body(utf8, count)
        }) {
            return result
        }
        var stripped = DateFinder.stripped(form)
        return stripped.withUTF8 { body($0, nil) }
    }
}

/// Answers worked out once per question and kept, for any thread to read:
/// the extractor is shared by the workers of an ingest and never changes,
/// so neither do its answers.
final class Answers<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: Value] = [:]

    init() {}

    func answer(for question: String, _ work: () -> Value) -> Value {
        if let value = lock.withLock({ known[question] }) { return value }
        let value = work()
        lock.withLock { known[question] = value }
        return value
    }
}
