import Foundation
import IsnadText

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
package struct FastJSON {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    /// Unescaped string bytes, reused from string to string.
    var scratch: [UInt8] = []

    /// The String the bytes are the UTF-8 of, when the caller has one.
    var source: Source?

    init(_ bytes: UnsafeRawBufferPointer, source: Source? = nil) {
        self.bytes = bytes
        self.source = source
    }

    /// The String whose UTF-8 the bytes being read are, from byte `base`
    /// of it: strings are then copied out of it, not decoded and checked
    /// again (a file of articles is checked whole when it is read, and
    /// checking each text again was a fortieth of an ingest).
    package struct Source {
        let text: String
        let base: Int

        package init(_ text: String, base: Int) {
            self.text = text
            self.base = base
        }

        /// The characters at bytes `range` of the line (between characters).
        func string(_ range: Range<Int>) -> Substring {
            text.substring(utf8: (base + range.lowerBound)..<(base + range.upperBound))
        }
    }

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
        var state = MemberState.first
        while let key = nextKey(&state) {
            guard member(&self, key) else { return false }
        }
        return state == .closed
    }

    /// Where ``nextKey(_:)`` is in an object.
    enum MemberState { case first, more, closed, failed }

    /// The next key of an object whose `{` is consumed, positioned at its
    /// value; nil at the closing brace (`state` becomes `.closed`) or on
    /// anything else (`.failed`). The loop form of ``object(_:)``, for the
    /// hot path: a closure's captured variables are boxed and checked for
    /// exclusive access on every touch.
    @inline(__always)
    mutating func nextKey(_ state: inout MemberState) -> UnsafeRawBufferPointer? {
        switch state {
        case .first:
            if take(0x7D) {
                state = .closed
                return nil
            }
        case .more:
            if take(0x7D) {
                state = .closed
                return nil
            }
            guard take(0x2C) else {
                state = .failed
                return nil
            }
        case .closed, .failed:
            return nil
        }
        state = .more
        guard take(0x22), let key = rawString(), take(0x3A) else {
            state = .failed
            return nil
        }
        return key
    }

    /// The bytes of a string without escapes, the opening quote consumed;
    /// nil when it has escapes or control characters.
    private mutating func rawString() -> UnsafeRawBufferPointer? {
        let run = plainRun()
        guard offset < bytes.count, bytes[offset] == 0x22 else { return nil }
        offset += 1
        return run
    }

    /// Whether any byte of `word` is `"`, `\` or below 0x20 (may be true
    /// when none is; never false when one is).
    @inline(__always)
    static func mayEndString(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // A byte below n has its high bit set after subtracting n, and had
        // it clear before (the borrow only runs on from a real hit).
        let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
        return found & highs != 0
    }

    /// A String of `raw` when it is UTF-8, else nil. `String(validating:)`
    /// on a raw buffer is generic at run time (a metadata lookup per call,
    /// half of reading a statement line); decoding repairs ill-formed
    /// bytes instead of refusing them, so the result is compared with the
    /// input: equal only when nothing was repaired.
    @inline(__always)
    static func utf8String(_ raw: UnsafeRawBufferPointer) -> String? {
        let typed = raw.assumingMemoryBound(to: UInt8.self)
        var s = String(decoding: typed, as: UTF8.self)
        let same = s.withUTF8 { out in
            guard out.count == typed.count, let a = out.baseAddress, let b = typed.baseAddress else {
                return out.count == typed.count
            }
            return memcmp(a, b, out.count) == 0
        }
        return same ? s : nil
    }

    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = offset
        if let raw = rawString() {
            if let source { return String(source.string(start..<(offset - 1))) }
            return FastJSON.utf8String(raw)
        }
        offset = start
        if let source { return escapedString(in: source) }
        scratch.removeAll(keepingCapacity: true)
        while offset < bytes.count {
            // The run up to the next quote, backslash or control byte goes
            // over in one copy: an article's text has an escaped newline
            // every paragraph, and a byte-at-a-time append of the rest
            // cost as much as the whole fast path.
            let run = plainRun()
            if !run.isEmpty { scratch.append(contentsOf: run) }
            guard offset < bytes.count else { return nil }
            let b = bytes[offset]
            offset += 1
            switch b {
            case 0x22:
                return scratch.withUnsafeBytes { FastJSON.utf8String($0) }
            case 0x5C:
                guard let scalar = escape() else { return nil }
                if scalar.isASCII { scratch.append(UInt8(scalar.value)) } else { scratch.append(contentsOf: String(scalar).utf8) }
            default:
                // A control byte: JSON allows none unescaped.
                return nil
            }
        }
        return nil
    }

    /// ``string()`` after its opening quote, when its runs can be copied
    /// out of `source` (see ``Source``).
    private mutating func escapedString(in source: Source) -> String? {
        var out = ""
        while offset < bytes.count {
            let start = offset
            _ = plainRun()
            if offset > start { out += source.string(start..<offset) }
            guard offset < bytes.count else { return nil }
            let b = bytes[offset]
            offset += 1
            switch b {
            case 0x22: return out
            case 0x5C:
                guard let scalar = escape() else { return nil }
                out.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        return nil
    }

    /// The character of the escape after a backslash, consumed; nil when
    /// it is not one JSON has (a surrogate must come in a pair).
    private mutating func escape() -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let e = bytes[offset]
        offset += 1
        switch e {
        case 0x22, 0x5C, 0x2F: return Unicode.Scalar(e)
        case 0x62: return "\u{08}"
        case 0x66: return "\u{0C}"
        case 0x6E: return "\n"
        case 0x72: return "\r"
        case 0x74: return "\t"
        case 0x75:
            guard var scalar = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(scalar) {
                // A surrogate pair: the low half must follow.
                guard offset + 1 < bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == 0x75 else { return nil }
                offset += 2
                guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            return Unicode.Scalar(scalar)
        default: return nil
        }
    }

    /// The bytes from `offset` up to the next quote, backslash or control
    /// byte (or the end), consumed.
    @inline(__always)
    private mutating func plainRun() -> UnsafeRawBufferPointer {
        let start = offset
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count,
                !FastJSON.mayEndString(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            {
                offset += 8
            }
        }
        while offset < bytes.count {
            let b = bytes[offset]
            if b == 0x22 || b == 0x5C || b < 0x20 { break }
            offset += 1
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
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
            bytes[offset + 2] == 0x6C, bytes[offset + 3] == 0x6C
        else { return false }
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
            if offset < bytes.count, bytes[offset] == 0x2D {
                negative = true
                offset += 1
            }
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
    /// The keys a statement line may have, in the order of their bits.
    private static let fastJSONKeys: [StaticString] = [
        "id", "doc", "actor", "stance", "date", "quote", "about", "sentence", "cue", "date_basis", "spans",
        "stance_basis",
    ]

    /// A statement line read by ``FastJSON``: nil when it is not in the
    /// shape that reader handles or lacks a required field (the caller then
    /// asks `JSONDecoder`, which says why).
    package init?(fastJSON line: UnsafeRawBufferPointer) {
        var json = FastJSON(line)
        var id: String?
        var doc: String?
        var actor: String?
        var stance: Stance?
        var date: String?
        var quote: String?
        var about: [String]?
        var sentence: String??
        var cue: String??
        var dateBasis: String??
        var spans: StatementSpans??
        var basis: StanceBasisRecord??
        var seen: UInt16 = 0
        var state = FastJSON.MemberState.first
        guard json.take(0x7B) else { return nil }
        while let key = json.nextKey(&state) {
            // Each key once: a repeated one goes to JSONDecoder, which says so.
            let bit = Self.fastJSONKeys.firstIndex { key.equals($0) }.map { UInt16(1) << $0 } ?? 0
            guard bit != 0, seen & bit == 0 else { return nil }
            seen |= bit
            let read: Bool
            switch bit {
            case 1:
                id = json.string()
                read = id != nil
            case 2:
                doc = json.string()
                read = doc != nil
            case 4:
                actor = json.string()
                read = actor != nil
            case 8:
                stance = json.string().flatMap(Stance.init(rawValue:))
                read = stance != nil
            case 16:
                date = json.string()
                read = date != nil
            case 32:
                quote = json.string()
                read = quote != nil
            case 64:
                about = json.strings()
                read = about != nil
            case 128:
                sentence = json.optionalString()
                read = sentence != nil
            case 256:
                cue = json.optionalString()
                read = cue != nil
            case 512:
                dateBasis = json.optionalString()
                read = dateBasis != nil
            case 1024:
                spans = json.spans()
                read = spans != nil
            default:
                basis = json.stanceBasis()
                read = basis != nil
            }
            guard read else { return nil }
        }
        let ok = state == .closed
        guard ok, json.atEnd, let id, let doc, let actor, let stance, let date, let quote, let about else { return nil }
        self.init(
            id: id, doc: doc, actor: actor, stance: stance, date: date, quote: quote, about: about,
            sentence: sentence ?? nil, cue: cue ?? nil)
        self.dateBasis = dateBasis ?? nil
        self.spans = spans ?? nil
        self.stanceBasis = basis ?? nil
    }
}

extension FastJSON {
    /// A string or null: `.some(nil)` for null, nil when neither.
    mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        return string().map { .some($0) }
    }

    /// A statement's stance basis, or null.
    mutating func stanceBasis() -> StanceBasisRecord?? {
        if null() { return .some(nil) }
        var rule: String?
        var signal: String?
        var spans: [Int]?
        let ok = object { json, key in
            if key.equals("rule"), rule == nil {
                rule = json.string()
                return rule != nil
            }
            if key.equals("signal"), signal == nil {
                signal = json.string()
                return signal != nil
            }
            if key.equals("spans"), spans == nil {
                spans = json.integers()
                return spans != nil
            }
            return false
        }
        guard ok, let rule, let signal, let spans else { return nil }
        return .some(StanceBasisRecord(rule: rule, signal: signal, spans: spans))
    }

    /// A statement's spans, or null.
    mutating func spans() -> StatementSpans?? {
        if null() { return .some(nil) }
        var sentence: [Int]?
        var cue: [Int]?
        var actor: [Int]??
        var quote: [Int]??
        let ok = object { json, key in
            func list() -> [Int]?? { json.null() ? .some(nil) : json.integers().map { .some($0) } }
            if key.equals("sentence"), sentence == nil {
                sentence = json.integers()
                return sentence != nil
            }
            if key.equals("cue"), cue == nil {
                cue = json.integers()
                return cue != nil
            }
            if key.equals("actor"), actor == nil {
                actor = list()
                return actor != nil
            }
            if key.equals("quote"), quote == nil {
                quote = list()
                return quote != nil
            }
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

extension FastJSON {
    /// The members of a line that is one object of strings (or nulls)
    /// under `keys`: each key's value in the order of `keys`, nil where it
    /// is absent or null. Nil for any other shape — a key not in `keys`, a
    /// key given twice, a value that is no string, bytes that are not
    /// UTF-8 — so that the caller can ask `JSONDecoder`, whose error says
    /// what is wrong. With `source` (the String the line is part of, so
    /// known to be UTF-8), strings are copied out of it.
    package static func stringMembers(
        of line: UnsafeRawBufferPointer, keys: [StaticString],
        source: Source? = nil
    ) -> [String?]? {
        guard keys.count <= 64 else { return nil }
        var json = FastJSON(line, source: source)
        var values = [String?](repeating: nil, count: keys.count)
        var seen: UInt64 = 0
        var state = MemberState.first
        guard json.take(0x7B) else { return nil }
        while let key = json.nextKey(&state) {
            guard let n = keys.firstIndex(where: { key.equals($0) }), seen & (1 << n) == 0 else { return nil }
            seen |= 1 << n
            if json.null() { continue }
            guard let value = json.string() else { return nil }
            values[n] = value
        }
        guard state == .closed, json.atEnd else { return nil }
        return values
    }
}
