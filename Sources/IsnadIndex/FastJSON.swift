import Foundation

/// A reader for the one shape of line that bulk imports are made of: a JSON
/// object of strings, lists of strings and small objects of integer lists.
///
/// `JSONDecoder` builds a tree of every line before decoding it, which made
/// reading the file a third of an import. This reader goes through the bytes
/// once. It gives up (returns nil) on anything it is not sure of — a number
/// where a string belongs, a key given twice, bytes that are not UTF-8 —
/// and the importer then decodes the line with `JSONDecoder`, whose errors
/// say exactly what is wrong. So it changes how fast lines are read, never
/// which lines are accepted or what they hold.
struct FastJSON {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Unescaped string bytes, reused from string to string.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    @inline(__always)
    mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after white space) if it is next.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return offset == bytes.count
        }
    }

    /// Calls `member` with each key of an object, positioned at its value;
    /// `member` must read the value and return false to give up.
    mutating func object(_ member: (inout FastJSON, UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            guard take(0x22), let key = rawString(), take(0x3A) else { return false }
            guard member(&self, key) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// The bytes of a string without escapes, the opening quote consumed;
    /// nil when it has escapes or control characters.
    private mutating func rawString() -> UnsafeRawBufferPointer? {
        let start = offset
        while offset < bytes.count {
            let b = bytes[offset]
            if b == 0x22 {
                offset += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<offset - 1])
            }
            if b == 0x5C || b < 0x20 { return nil }
            offset += 1
        }
        return nil
    }

    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = offset
        if let raw = rawString() {
            return String(validating: raw, as: UTF8.self)
        }
        offset = start
        scratch.removeAll(keepingCapacity: true)
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            switch b {
            case 0x22:
                return scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            case 0x5C:
                guard offset < bytes.count else { return nil }
                let e = bytes[offset]
                offset += 1
                switch e {
                case 0x22, 0x5C, 0x2F: scratch.append(e)
                case 0x62: scratch.append(0x08)
                case 0x66: scratch.append(0x0C)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x74: scratch.append(0x09)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A surrogate pair: the low half must follow.
                        guard offset + 1 < bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == 0x75 else { return nil }
                        offset += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    scratch.append(contentsOf: String(s).utf8)
                default: return nil
                }
            default:
                guard b >= 0x20 else { return nil }
                scratch.append(b)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[offset]
            offset += 1
            switch c {
            case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
            case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
            case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
            default: return nil
            }
        }
        return v
    }

    /// `null`, consumed if it is next.
    mutating func null() -> Bool {
        skipSpace()
        guard offset + 4 <= bytes.count, bytes[offset] == 0x6E, bytes[offset + 1] == 0x75,
              bytes[offset + 2] == 0x6C, bytes[offset + 3] == 0x6C else { return false }
        offset += 4
        return true
    }

    mutating func strings() -> [String]? {
        guard take(0x5B) else { return nil }
        var out: [String] = []
        if take(0x5D) { return out }
        repeat {
            guard let s = string() else { return nil }
            out.append(s)
        } while take(0x2C)
        return take(0x5D) ? out : nil
    }

    /// A list of integers small enough for `Int` (no fractions, no exponents).
    mutating func integers() -> [Int]? {
        guard take(0x5B) else { return nil }
        var out: [Int] = []
        if take(0x5D) { return out }
        repeat {
            skipSpace()
            var negative = false
            if offset < bytes.count, bytes[offset] == 0x2D { negative = true; offset += 1 }
            let start = offset
            var v = 0
            while offset < bytes.count, (0x30...0x39).contains(bytes[offset]), offset - start < 18 {
                v = v * 10 + Int(bytes[offset] - 0x30)
                offset += 1
            }
            guard offset > start, offset == start + 1 || bytes[start] != 0x30 else { return nil }
            // A fraction, an exponent or more digits than fit: JSONDecoder decides.
            if offset < bytes.count {
                switch bytes[offset] {
                case 0x2E, 0x65, 0x45, 0x30...0x39: return nil
                default: break
                }
            }
            out.append(negative ? -v : v)
        } while take(0x2C)
        return take(0x5D) ? out : nil
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func equals(_ s: StaticString) -> Bool {
        guard count == s.utf8CodeUnitCount, let base = baseAddress else { return count == 0 && s.utf8CodeUnitCount == 0 }
        return memcmp(base, s.utf8Start, count) == 0
    }
}

extension StatementRecord {
    /// A statement line read by ``FastJSON``: nil when it is not in the
    /// shape that reader handles or lacks a required field (the caller then
    /// asks `JSONDecoder`, which says why).
    package init?(fastJSON line: UnsafeRawBufferPointer) {
        var json = FastJSON(line)
        var id: String?, doc: String?, actor: String?, stance: Stance?, date: String?, quote: String?
        var about: [String]?, sentence: String??, cue: String??, dateBasis: String??
        var spans: StatementSpans??
        var seen: UInt16 = 0
        func once(_ bit: UInt16) -> Bool {
            defer { seen |= bit }
            return seen & bit == 0
        }
        let ok = json.object { json, key in
            if key.equals("id") { guard once(1) else { return false }; id = json.string(); return id != nil }
            if key.equals("doc") { guard once(2) else { return false }; doc = json.string(); return doc != nil }
            if key.equals("actor") { guard once(4) else { return false }; actor = json.string(); return actor != nil }
            if key.equals("stance") {
                guard once(8) else { return false }
                stance = json.string().flatMap(Stance.init(rawValue:))
                return stance != nil
            }
            if key.equals("date") { guard once(16) else { return false }; date = json.string(); return date != nil }
            if key.equals("quote") { guard once(32) else { return false }; quote = json.string(); return quote != nil }
            if key.equals("about") { guard once(64) else { return false }; about = json.strings(); return about != nil }
            if key.equals("sentence") { guard once(128) else { return false }; sentence = json.optionalString(); return sentence != nil }
            if key.equals("cue") { guard once(256) else { return false }; cue = json.optionalString(); return cue != nil }
            if key.equals("date_basis") {
                guard once(512) else { return false }
                dateBasis = json.optionalString()
                return dateBasis != nil
            }
            if key.equals("spans") { guard once(1024) else { return false }; spans = json.spans(); return spans != nil }
            return false
        }
        guard ok, json.atEnd, let id, let doc, let actor, let stance, let date, let quote, let about else { return nil }
        self.init(id: id, doc: doc, actor: actor, stance: stance, date: date, quote: quote, about: about,
                  sentence: sentence ?? nil, cue: cue ?? nil)
        self.dateBasis = dateBasis ?? nil
        self.spans = spans ?? nil
    }
}

extension FastJSON {
    /// A string or null: `.some(nil)` for null, nil when neither.
    mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A statement's spans, or null.
    mutating func spans() -> StatementSpans?? {
        if null() { return .some(nil) }
        var sentence: [Int]?, cue: [Int]?, actor: [Int]??, quote: [Int]??
        let ok = object { json, key in
            func list() -> [Int]?? { json.null() ? .some(nil) : json.integers().map { .some($0) } }
            if key.equals("sentence"), sentence == nil { sentence = json.integers(); return sentence != nil }
            if key.equals("cue"), cue == nil { cue = json.integers(); return cue != nil }
            if key.equals("actor"), actor == nil { actor = list(); return actor != nil }
            if key.equals("quote"), quote == nil { quote = list(); return quote != nil }
            return false
        }
        guard ok, let sentence, let cue else { return nil }
        var spans = StatementSpans(sentence: 0..<0, cue: 0..<0, actor: nil, quote: nil)
        spans.sentence = sentence
        spans.cue = cue
        spans.actor = actor ?? nil
        spans.quote = quote ?? nil
        return .some(spans)
    }
}
