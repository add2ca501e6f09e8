import IsnadIndex
import IsnadText

/// Sets and dictionaries of words as UTF-8 bytes, the form extraction
/// compares words in (see ``Gazetteer``).
///
/// A dozen lexicon lookups per word of an article: `[UInt8]` keys hashed a
/// byte at a time through `Hasher` were a tenth of an ingest, and FNV
/// fed to `Hasher` still paid its seeding and finalising (8%). These keep
/// the words in ``ByteKeys``, the index's own table: FNV-1a and a probe.
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
}

extension WordMap: Sendable where Value: Sendable {}
