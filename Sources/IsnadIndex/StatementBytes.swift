import IsnadStore
import IsnadVocabulary

/// Statement records as the `statements` database keeps them: compact
/// bytes rather than JSON. A million statements are a million records, so
/// their size is most of a store's, and listing matches reads them one by
/// one; JSON spent a third of each record on key names and quoting and had
/// to be parsed whole to read a single field.
///
///     u8 layout (3)   u8 stance ordinal   u8 flags (below)
///     id: varint byte count, UTF-8
///     date: varint 1 + precision + 3 × zigzag(first day), or 0 and the text
///     doc: a name (below) whose number is the article id
///     actor: a name whose number is an entity id
///     varint number of about names, then each name (entity ids)
///     quote as ``CompactText``
///     sentence (``CompactText``), cue, date basis: each present when its
///     flag is set
///     spans when flagged: sentence, cue, then actor and quote when flagged,
///     each a varint count of zigzag varints
///     the stance's basis when flagged: rule and signal (varint byte count,
///     UTF-8), then its spans as a varint count of zigzag varints
///     a name: varint number + 1, or 0 and the text (varint byte count, UTF-8)
///
/// Names go by number where a number stands for exactly that text: an
/// article's id for its key, an entity's id for its canonical name, the
/// date's day and precision for its canonical text (`2022-02-16`). Names
/// are a third of a record written out, and a few thousand entities and
/// dates name a million statements.
///
/// The encoding is deterministic, so comparing stored bytes with a record's
/// encoding tells whether importing it again would change anything (bytes
/// that differ are decoded and compared, since the same record may be
/// stored with a name as text or by number). The id comes first: listing
/// matches reads nothing else. Layouts 1 (every name and text in UTF-8) and
/// 2 (names in UTF-8, texts compact) are read too.
extension StatementRecord {
    static let layout: UInt8 = 3

    private enum Flag {
        static let sentence: UInt8 = 1
        static let cue: UInt8 = 2
        static let dateBasis: UInt8 = 4
        static let spans: UInt8 = 8
        static let spanActor: UInt8 = 16
        static let spanQuote: UInt8 = 32
        static let stanceBasis: UInt8 = 64
    }

    /// A record's stored bytes but for its doc, actor and about names:
    /// what needs no store, made before the write transaction.
    package struct StoredParts: Sendable {
        let bytes: [UInt8]
        /// Where the names go.
        let split: Int
    }

    package var storedParts: StoredParts {
        var out = StoredBytesWriter()
        out.bytes.reserveCapacity(id.utf8.count + quote.utf8.count + (sentence?.utf8.count ?? 0) + 24)
        var flags: UInt8 = 0
        if sentence != nil { flags |= Flag.sentence }
        if cue != nil { flags |= Flag.cue }
        if dateBasis != nil { flags |= Flag.dateBasis }
        if let spans {
            flags |= Flag.spans
            if spans.actor != nil { flags |= Flag.spanActor }
            if spans.quote != nil { flags |= Flag.spanQuote }
        }
        if stanceBasis != nil { flags |= Flag.stanceBasis }
        out.bytes.append(Self.layout)
        out.bytes.append(stance.ordinal)
        out.bytes.append(flags)
        out.append(id)
        if let day = RecordDate.canonical(date) {
            out.append(1 + UInt64(day.precision.ordinal) + 3 * StoredBytesWriter.zigzag(Int(day.first.rawValue)))
        } else {
            out.append(0)
            out.append(date)
        }
        let split = out.bytes.count
        out.append(compact: quote)
        if let sentence { out.append(compact: sentence) }
        if let cue { out.append(cue) }
        if let dateBasis { out.append(dateBasis) }
        if let spans {
            for list in [spans.sentence, spans.cue, spans.actor, spans.quote] {
                guard let list else { continue }
                out.append(UInt64(list.count))
                for n in list { out.append(zigzag: n) }
            }
        }
        if let stanceBasis {
            out.append(stanceBasis.rule)
            out.append(stanceBasis.signal)
            out.append(UInt64(stanceBasis.spans.count))
            for n in stanceBasis.spans { out.append(zigzag: n) }
        }
        return StoredParts(bytes: out.bytes, split: split)
    }

    /// The stored form: `parts` (this record's) with the doc as article
    /// `article`, and the actor and each about name (in order) as the
    /// entity given; nil stores a name as text.
    package func storedBytes(_ parts: StoredParts, article: UInt32?, actor: UInt32?, about: [UInt32?]) -> [UInt8] {
        var out = StoredBytesWriter()
        out.bytes.reserveCapacity(parts.bytes.count + 8 + 3 * about.count)
        out.bytes.append(contentsOf: parts.bytes[..<parts.split])
        out.append(name: doc, number: article)
        out.append(name: self.actor, number: actor)
        out.append(UInt64(self.about.count))
        for (k, name) in self.about.enumerated() { out.append(name: name, number: k < about.count ? about[k] : nil) }
        out.bytes.append(contentsOf: parts.bytes[parts.split...])
        return out.bytes
    }

    /// The stored form with every name as text.
    package var storedBytes: [UInt8] {
        storedBytes(storedParts, article: nil, actor: nil, about: [])
    }

    /// A record from its stored form, and the names it holds by number
    /// (their texts are empty in the record until the caller fills them
    /// in); nil when the bytes are not a record.
    package static func decode(stored bytes: UnsafeRawBufferPointer) -> (record: StatementRecord, numbers: StoredNumbers)? {
        var r = StoredBytesReader(bytes)
        guard let layout = r.byte(), (1...Self.layout).contains(layout) else { return nil }
        guard let ordinal = r.byte(), let stance = Stance(ordinal: ordinal), let flags = r.byte(),
            let id = r.string()
        else { return nil }
        var numbers = StoredNumbers()
        let doc: String
        let actor: String
        let date: String
        let quote: String
        var about: [String] = []
        if layout == 3 {
            guard let dateWord = r.varint() else { return nil }
            if dateWord == 0 {
                guard let text = r.string() else { return nil }
                date = text
            } else {
                let precision = UInt8((dateWord - 1) % 3)
                let first = StoredBytesReader.unzigzag((dateWord - 1) / 3)
                guard let day = Int32(exactly: first), StoredBytesReader.days.contains(day) else { return nil }
                date =
                    RecordDate(
                        first: DayNumber(rawValue: day),
                        precision: PartialDate.Precision(ordinal: precision)
                    ).text
            }
            guard let docName = r.name(), let actorName = r.name(), let aboutCount = r.count() else { return nil }
            (doc, numbers.article) = docName
            (actor, numbers.actor) = actorName
            about.reserveCapacity(aboutCount)
            for k in 0..<aboutCount {
                guard let (name, number) = r.name() else { return nil }
                about.append(name)
                if let number { numbers.about.append((k, number)) }
            }
            guard let text = r.compactText() else { return nil }
            quote = text
        } else {
            guard let docText = r.string(), let actorText = r.string(), let dateText = r.string(),
                let text = layout == 2 ? r.compactText() : r.string(), let aboutCount = r.count()
            else { return nil }
            (doc, actor, date, quote) = (docText, actorText, dateText, text)
            about.reserveCapacity(aboutCount)
            for _ in 0..<aboutCount {
                guard let name = r.string() else { return nil }
                about.append(name)
            }
        }
        let compact = layout >= 2
        var record = StatementRecord(id: id, doc: doc, actor: actor, stance: stance, date: date, quote: quote, about: about)
        if flags & Flag.sentence != 0 {
            guard let s = compact ? r.compactText() : r.string() else { return nil }
            record.sentence = s
        }
        if flags & Flag.cue != 0 {
            guard let s = r.string() else { return nil }
            record.cue = s
        }
        if flags & Flag.dateBasis != 0 {
            guard let s = r.string() else { return nil }
            record.dateBasis = s
        }
        if flags & Flag.spans != 0 {
            guard let sentenceSpan = r.integers(), let cueSpan = r.integers() else { return nil }
            var spans = StatementSpans(sentence: 0..<0, cue: 0..<0, actor: nil, quote: nil)
            spans.sentence = sentenceSpan
            spans.cue = cueSpan
            if flags & Flag.spanActor != 0 {
                guard let list = r.integers() else { return nil }
                spans.actor = list
            }
            if flags & Flag.spanQuote != 0 {
                guard let list = r.integers() else { return nil }
                spans.quote = list
            }
            record.spans = spans
        }
        if flags & Flag.stanceBasis != 0 {
            guard let rule = r.string(), let signal = r.string(), let spans = r.integers() else { return nil }
            record.stanceBasis = StanceBasisRecord(rule: rule, signal: signal, spans: spans)
        }
        guard r.atEnd else { return nil }
        return (record, numbers)
    }

    /// A record from stored bytes that name nothing by number; nil when the
    /// bytes are not a record or do.
    package init?(stored bytes: UnsafeRawBufferPointer) {
        guard let (record, numbers) = Self.decode(stored: bytes), numbers.isEmpty else { return nil }
        self = record
    }

    /// The external id of a stored record, read without the rest.
    package static func storedID(_ bytes: UnsafeRawBufferPointer) -> String? {
        var r = StoredBytesReader(bytes)
        guard let layout = r.byte(), (1...Self.layout).contains(layout), r.byte() != nil, r.byte() != nil
        else { return nil }
        return r.string()
    }
}

/// The names a stored record holds by number.
package struct StoredNumbers: Sendable {
    /// The doc's article id.
    package var article: UInt32?
    /// The actor's entity id.
    package var actor: UInt32?
    /// About names by number: their place in `about` and entity id.
    package var about: [(index: Int, entity: UInt32)] = []

    package var isEmpty: Bool { article == nil && actor == nil && about.isEmpty }

    /// Fills in `record`'s names from their numbers; false when a number
    /// names nothing (a damaged record).
    package func name(
        _ record: inout StatementRecord, article articleKey: (UInt32) throws -> String?,
        entity: (UInt32) throws -> String?
    ) rethrows -> Bool {
        if let article {
            guard let key = try articleKey(article) else { return false }
            record.doc = key
        }
        if let actor {
            guard let name = try entity(actor) else { return false }
            record.actor = name
        }
        for (index, id) in about {
            guard let name = try entity(id) else { return false }
            record.about[index] = name
        }
        return true
    }
}

struct StoredBytesWriter {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func append(zigzag value: Int) {
        append(Self.zigzag(value))
    }

    /// Small magnitudes of either sign as small unsigned numbers.
    static func zigzag(_ value: Int) -> UInt64 {
        let v = Int64(value)
        return UInt64(bitPattern: (v << 1) ^ (v >> 63))
    }

    mutating func append(_ text: String) {
        append(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    /// A name by number, or as text.
    mutating func append(name: String, number: UInt32?) {
        if let number {
            append(UInt64(number) + 1)
        } else {
            append(0)
            append(name)
        }
    }

    /// `text` as ``CompactText``, after its byte count.
    mutating func append(compact text: String) {
        var text = text
        let encoded = text.withUTF8 { CompactText.encode($0) }
        append(UInt64(encoded.count))
        bytes.append(contentsOf: encoded)
    }
}

/// Text as a record stores it: one byte for each ASCII character and each
/// Arabic one from U+0600 to U+067E (letters, diacritics, digits, the
/// Arabic comma and question mark), where UTF-8 takes two; anything else
/// is 0xFF and its UTF-8. Quotes are mostly Arabic here: a quote takes 46%
/// fewer bytes, and quotes are most of a store.
///
///     0x00–0x7F   ASCII
///     0x80–0xFE   U+0600 + (byte − 0x80)
///     0xFF        followed by one character's UTF-8 (2–4 bytes)
enum CompactText {
    static func encode(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = utf8.count
        // Each 0xFF marks a sequence of two or more bytes (only a cut one
        // at the very end may be shorter), so the output never passes
        // n + n/2 + 1; written in place, without a check per byte.
        return [UInt8](unsafeUninitializedCapacity: n + n / 2 + 1) { out, written in
            var i = 0
            var o = 0
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    out[o] = b
                    o += 1
                    i += 1
                    continue
                }
                if b == 0xD8 || b == 0xD9, i + 1 < n {
                    // U+0600–067E: D8 80–BF, then D9 80–BE.
                    let low = utf8[i + 1] & 0x3F
                    if b == 0xD8 || low != 0x3F {
                        out[o] = 0x80 | (b & 1) << 6 | low
                        o += 1
                        i += 2
                        continue
                    }
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                out[o] = 0xFF
                o += 1
                for k in i..<min(i + length, n) {
                    out[o] = utf8[k]
                    o += 1
                }
                i += length
            }
            written = o
        }
    }

    /// The UTF-8 of stored bytes; a damaged sequence decodes to U+FFFD
    /// when made a String, never out of bounds.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            i += 1
            if b < 0x80 {
                out.append(b)
            } else if b < 0xFF {
                let scalar = UInt32(b) - 0x80 + 0x600
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            } else if i < n {
                let lead = bytes[i]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                for k in i..<min(i + length, n) { out.append(bytes[k]) }
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Reads what ``StoredBytesWriter`` wrote, checking every length against
/// the bytes left: a damaged record reads as nil, never out of bounds.
struct StoredBytesReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The days a stored date may start on (years 1 to 9999).
    static let days: ClosedRange<Int32> = {
        guard let first = DayNumber(year: 1, month: 1, day: 1), let last = DayNumber(year: 9999, month: 12, day: 31)
        else { return 0...0 }
        return first.rawValue...last.rawValue
    }()

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let b = byte() {
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    /// A count of things still to read: at most one per byte left.
    mutating func count() -> Int? {
        guard let n = varint(), n <= UInt64(bytes.count - offset) else { return nil }
        return Int(n)
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
    }

    /// A name written by ``StoredBytesWriter/append(name:number:)``: its
    /// text (empty when by number) and number.
    mutating func name() -> (String, UInt32?)? {
        guard let word = varint() else { return nil }
        if word == 0 { return string().map { ($0, nil) } }
        guard let number = UInt32(exactly: word - 1) else { return nil }
        return ("", number)
    }

    mutating func compactText() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return CompactText.decode(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
    }

    static func unzigzag(_ v: UInt64) -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func integers() -> [Int]? {
        guard let n = count() else { return nil }
        var out: [Int] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = varint() else { return nil }
            out.append(Self.unzigzag(v))
        }
        return out
    }
}
