import IsnadText

/// Sets and dictionaries of words as UTF-8 bytes, the form extraction
/// compares words in (see ``Gazetteer``).
///
/// `[UInt8]` hashes itself by feeding the hasher one byte at a time; with
/// a dozen lexicon lookups per word of an article, that was a tenth of an
/// ingest. These hash a word's bytes with FNV-1a first and give the hasher
/// one integer.
struct WordKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        hasher.combine(h)
    }
}

struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var words: Set<WordKey>

    init(_ words: some Sequence<[UInt8]>) { self.words = Set(words.map(WordKey.init)) }
    init(arrayLiteral words: [UInt8]...) { self.init(words) }

    /// Each word of `list` as the analyzer forms it (unstemmed; its first
    /// token), the way lexicons are written.
    init(normalizing list: [String]) {
        let forms = Analyzer(stemming: false)
        self.init(list.compactMap { forms.tokens(in: $0).first.map { Array($0.form.utf8) } })
    }

    func contains(_ word: [UInt8]) -> Bool { words.contains(WordKey(word)) }
}

struct WordMap<Value> {
    private var values: [WordKey: Value] = [:]

    init() {}

    subscript(word: [UInt8]) -> Value? {
        get { values[WordKey(word)] }
        set { values[WordKey(word)] = newValue }
    }

    subscript(word: [UInt8], default value: @autoclosure () -> Value) -> Value {
        get { values[WordKey(word)] ?? value() }
        _modify { yield &values[WordKey(word), default: value()] }
    }

    mutating func updateValues(_ update: (inout Value) -> Void) {
        values = values.mapValues { value in
            var value = value
            update(&value)
            return value
        }
    }
}

extension WordMap: Sendable where Value: Sendable {}
