/// Statement records as the `statements` database keeps them: compact
/// bytes rather than JSON. A million statements are a million records, so
/// their size is most of a store's, and listing matches reads them one by
/// one; JSON spent a third of each record on key names and quoting and had
/// to be parsed whole to read a single field.
///
///     u8 layout (2)   u8 stance ordinal   u8 flags (below)
///     strings, each a varint byte count then UTF-8: id, doc, actor, date;
///     then the quote as ``CompactText`` (layout 1: UTF-8)
///     varint number of about names, then each name
///     sentence (``CompactText`` in layout 2), cue, date basis: each
///     present when its flag is set
///     spans when flagged: sentence, cue, then actor and quote when flagged,
///     each a varint count of zigzag varints
///
/// The encoding is deterministic, so comparing stored bytes with a record's
/// encoding still tells whether importing it again would change anything.
/// The id comes first: listing matches reads nothing else.
extension StatementRecord {
    /// Written now; layout 1 (texts in UTF-8, stores of format 3) is read too.
    static let layout: UInt8 = 2

    private enum Flag {
        static let sentence: UInt8 = 1
        static let cue: UInt8 = 2
        static let dateBasis: UInt8 = 4
        static let spans: UInt8 = 8
        static let spanActor: UInt8 = 16
        static let spanQuote: UInt8 = 32
    }

    /// The stored form of the record.
    package var storedBytes: [UInt8] {
        var out = StoredBytesWriter()
        out.bytes.reserveCapacity(id.utf8.count + doc.utf8.count + actor.utf8.count + quote.utf8.count
            + (sentence?.utf8.count ?? 0) + 32)
        var flags: UInt8 = 0
        if sentence != nil { flags |= Flag.sentence }
        if cue != nil { flags |= Flag.cue }
        if dateBasis != nil { flags |= Flag.dateBasis }
        if let spans {
            flags |= Flag.spans
            if spans.actor != nil { flags |= Flag.spanActor }
            if spans.quote != nil { flags |= Flag.spanQuote }
        }
        out.bytes.append(Self.layout)
        out.bytes.append(stance.ordinal)
        out.bytes.append(flags)
        for text in [id, doc, actor, date] { out.append(text) }
        out.append(compact: quote)
        out.append(UInt64(about.count))
        for name in about { out.append(name) }
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
        return out.bytes
    }

    /// A record from its stored form; nil when the bytes are not one.
    package init?(stored bytes: UnsafeRawBufferPointer) {
        var r = StoredBytesReader(bytes)
        guard let layout = r.byte(), layout == 1 || layout == Self.layout else { return nil }
        let compact = layout == 2
        guard let ordinal = r.byte(), let stance = Stance(ordinal: ordinal),
              let flags = r.byte(),
              let id = r.string(), let doc = r.string(), let actor = r.string(), let date = r.string(),
              let quote = compact ? r.compactText() : r.string(), let aboutCount = r.count() else { return nil }
        var about: [String] = []
        about.reserveCapacity(aboutCount)
        for _ in 0..<aboutCount {
            guard let name = r.string() else { return nil }
            about.append(name)
        }
        self.init(id: id, doc: doc, actor: actor, stance: stance, date: date, quote: quote, about: about)
        if flags & Flag.sentence != 0 {
            guard let s = compact ? r.compactText() : r.string() else { return nil }
            sentence = s
        }
        if flags & Flag.cue != 0 { guard let s = r.string() else { return nil }; cue = s }
        if flags & Flag.dateBasis != 0 { guard let s = r.string() else { return nil }; dateBasis = s }
        if flags & Flag.spans != 0 {
            guard let sentenceSpan = r.integers(), let cueSpan = r.integers() else { return nil }
            var spans = StatementSpans(sentence: 0..<0, cue: 0..<0, actor: nil, quote: nil)
            spans.sentence = sentenceSpan
            spans.cue = cueSpan
            if flags & Flag.spanActor != 0 { guard let list = r.integers() else { return nil }; spans.actor = list }
            if flags & Flag.spanQuote != 0 { guard let list = r.integers() else { return nil }; spans.quote = list }
            self.spans = spans
        }
        guard r.atEnd else { return nil }
    }

    /// The external id of a stored record, read without the rest.
    package static func storedID(_ bytes: UnsafeRawBufferPointer) -> String? {
        var r = StoredBytesReader(bytes)
        guard let layout = r.byte(), layout == 1 || layout == Self.layout, r.byte() != nil, r.byte() != nil
        else { return nil }
        return r.string()
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
        let v = Int64(value)
        append(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func append(_ text: String) {
        append(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
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
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if length == 2, b == 0xD8 || b == 0xD9, i + 1 < n {
                let scalar = (UInt32(b & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                if scalar <= 0x67E {
                    out.append(UInt8(0x80 + scalar - 0x600))
                    i += 2
                    continue
                }
            }
            out.append(0xFF)
            for k in i..<min(i + length, n) { out.append(utf8[k]) }
            i += length
        }
        return out
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

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
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

    mutating func compactText() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return CompactText.decode(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
    }

    mutating func integers() -> [Int]? {
        guard let n = count() else { return nil }
        var out: [Int] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let v = varint() else { return nil }
            out.append(Int(truncatingIfNeeded: Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))))
        }
        return out
    }
}
