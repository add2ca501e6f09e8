import Foundation

/// The normalisation of `../shared/tools/refanalyzer.py`, steps 1–6, done in
/// one pass that remembers where each output code point came from:
///
/// 1. NFKC; 2. delete U+064B–U+065F, U+0670 and tatweel; 3. fold alef forms
/// (أ إ آ ٱ → ا), ى → ي, ة → ه, ک → ك, ی → ي; 4. Arabic-Indic and extended
/// digits → ASCII; 5. full lowercase; 6. tokens are maximal runs of L* and N*
/// code points, everything else separates.
///
/// Speed comes from a fast path: ASCII, the Arabic letters, digits and
/// punctuation, and the harakat that are deleted anyway are NFKC-stable, so
/// only segments with other characters (or with U+0653–U+0655, which compose
/// with a preceding letter) go through Foundation's NFKC.
struct Normalizer {
    /// Receives each word: its normalised code points and the UTF-8 byte
    /// range of its surface form in the original text.
    typealias Sink = (UnsafeBufferPointer<Unicode.Scalar>, Range<Int>) -> Void

    /// The word being built. A raw buffer rather than an Array: this runs
    /// per code point, and Array's uniqueness and capacity checks cost a
    /// sixth of the analyzer's time. Owned by `words(in:)`, which allocates
    /// it and frees it.
    private var word: UnsafeMutablePointer<Unicode.Scalar>?
    private var wordCount = 0
    private var wordCapacity = 0
    private var wordStart = -1
    private var wordEnd = 0
    /// Index in `word` of a σ lowered from Σ that becomes ς if the word
    /// ends before another cased letter (Unicode's Final_Sigma, as Python's
    /// `lower()` applies it).
    private var pendingSigma = -1
    /// English tokenisation keeps an apostrophe between Latin letters in
    /// the word (`kirby's`, `don't`); the reference splits there.
    private let joinsApostrophes: Bool
    /// An apostrophe followed a Latin letter; the next letter decides.
    private var pendingApostrophe = false

    init(joinsApostrophes: Bool = false) {
        self.joinsApostrophes = joinsApostrophes
    }

    mutating func words(in text: String, _ sink: Sink) {
        var text = text
        text.makeContiguousUTF8()
        wordCount = 0
        grow()
        defer {
            word?.deallocate()
            word = nil
            wordCapacity = 0
        }
        text.utf8.withContiguousStorageIfAvailable { bytes in
            run(bytes, sink)
        }
    }

    private var lastScalar: Unicode.Scalar? {
        wordCount > 0 ? word.unsafelyUnwrapped[wordCount - 1] : nil
    }

    @inline(__always)
    private mutating func push(_ scalar: Unicode.Scalar) {
        if wordCount == wordCapacity { grow() }
        word.unsafelyUnwrapped[wordCount] = scalar
        wordCount += 1
    }

    private mutating func grow() {
        let capacity = max(64, wordCapacity * 2)
        let bigger = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: capacity)
        if let old = word {
            bigger.initialize(from: old, count: wordCount)
            old.deallocate()
        }
        word = bigger
        wordCapacity = capacity
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, _ sink: Sink) {
        let count = bytes.count
        var i = 0
        wordCount = 0
        wordStart = -1
        while i < count {
            // Fastest path, straight from the bytes: an ASCII character or
            // an Arabic letter of U+0621–063A, U+0641–064A (most of any
            // text here), followed by a plain starter.
            let lead = bytes[i]
            if lead < 0x80 {
                if i + 1 == count || bytes[i + 1] < 0xCC {
                    emitASCII(UInt32(lead), from: i, to: i + 1, sink)
                    i += 1
                    continue
                }
            } else if (lead == 0xD8 || lead == 0xD9) && i + 1 < count {
                let second = bytes[i + 1]
                if lead == 0xD8 ? (second >= 0xA1 && second <= 0xBA) : (second >= 0x81 && second <= 0x8A),
                    i + 2 == count || Normalizer.startsPlainStarter(bytes, at: i + 2)
                {
                    var v = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
                    switch v {
                    case 0x622, 0x623, 0x625: v = 0x627
                    case 0x629: v = 0x647
                    case 0x649: v = 0x64A
                    default: break
                    }
                    append(Unicode.Scalar(v).unsafelyUnwrapped, from: i, to: i + 2, sink)
                    i += 2
                    continue
                }
            }
            // Fast path: a starter we know to be NFKC-stable, followed by
            // nothing that could compose with it.
            let (scalar, length) = decode(bytes, at: i)
            let next = i + length
            if Normalizer.isStable(scalar),
                next == count || Normalizer.startsPlainStarter(bytes, at: next) || !Normalizer.hasComposingMark(bytes, from: next)
            {
                emit(scalar, from: i, to: next, sink)
                i = next
                continue
            }
            i = slowRun(bytes, from: i, sink)
        }
        flush(sink)
    }

    // MARK: - Slow path

    /// Normalises the run of segments that need NFKC, starting at `start`;
    /// returns where the run ends.
    private mutating func slowRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ sink: Sink) -> Int {
        // A segment is a starter with the non-starters that follow it. The
        // run ends before a segment that the fast path can take.
        var segments: [Range<Int>] = []
        var i = start
        let count = bytes.count
        repeat {
            let segmentStart = i
            i += decode(bytes, at: i).1
            while i < count {
                let (s, l) = decode(bytes, at: i)
                if s.value < 0x300 || s.properties.canonicalCombiningClass == .notReordered { break }
                i += l
            }
            segments.append(segmentStart..<i)
            if i < count {
                let (s, l) = decode(bytes, at: i)
                if Normalizer.isStable(s), !Normalizer.hasComposingMark(bytes, from: i + l) { break }
            }
        } while i < count

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let whole = string(start..<i).precomposedStringWithCompatibilityMapping
        // Map output to input per segment when normalising segment by segment
        // gives the same text (almost always); else to the whole run.
        if segments.count > 1 {
            let parts = segments.map { string($0).precomposedStringWithCompatibilityMapping }
            if parts.joined() == whole {
                for (part, range) in zip(parts, segments) {
                    for scalar in part.unicodeScalars { emit(scalar, from: range.lowerBound, to: range.upperBound, sink) }
                }
                return i
            }
        }
        for scalar in whole.unicodeScalars { emit(scalar, from: start, to: i, sink) }
        return i
    }

    // MARK: - Steps 2 to 6

    /// Applies deletion, folding, digits and lowercase to one NFKC code point.
    @inline(__always)
    private mutating func emit(_ scalar: Unicode.Scalar, from: Int, to: Int, _ sink: Sink) {
        let v = scalar.value
        if v < 0x80 {
            emitASCII(v, from: from, to: to, sink)
            return
        }
        switch v {
        case 0x2019:
            apostrophe(sink)
        case 0x60C, 0x61B, 0x61F, 0x66A...0x66D, 0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2018, 0x201A...0x201F, 0x2026:
            flush(sink)  // common punctuation: separators, without a property lookup
        case 0x64B...0x65F, 0x670, 0x640:
            return  // deleted: neither a letter nor a separator
        case 0x623, 0x625, 0x622, 0x671:
            append("\u{627}", from: from, to: to, sink)
        case 0x649, 0x6CC:
            append("\u{64A}", from: from, to: to, sink)
        case 0x629:
            append("\u{647}", from: from, to: to, sink)
        case 0x6A9:
            append("\u{643}", from: from, to: to, sink)
        case 0x660...0x669:
            append(Unicode.Scalar(v - 0x660 + 0x30).unsafelyUnwrapped, from: from, to: to, sink)
        case 0x6F0...0x6F9:
            append(Unicode.Scalar(v - 0x6F0 + 0x30).unsafelyUnwrapped, from: from, to: to, sink)
        case 0x621...0x63A, 0x641...0x64A:
            append(scalar, from: from, to: to, sink)
        case 0x3A3:
            let precededByCased = lastScalar?.properties.isCased ?? false
            append("\u{3C3}", from: from, to: to, sink)
            if precededByCased { pendingSigma = wordCount - 1 }
        default:
            let properties = scalar.properties
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars { classify(lower, from: from, to: to, sink) }
            } else {
                classify(scalar, from: from, to: to, sink)
            }
        }
    }

    /// Steps 2 to 6 for an ASCII character.
    @inline(__always)
    private mutating func emitASCII(_ v: UInt32, from: Int, to: Int, _ sink: Sink) {
        if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 {
            append(Unicode.Scalar(UInt8(v)), from: from, to: to, sink)
        } else if v >= 0x41 && v <= 0x5A {
            append(Unicode.Scalar(UInt8(v + 0x20)), from: from, to: to, sink)
        } else if v == 0x27 {
            apostrophe(sink)
        } else {
            flush(sink)
        }
    }

    @inline(__always)
    private mutating func classify(_ scalar: Unicode.Scalar, from: Int, to: Int, _ sink: Sink) {
        if scalar.value < 0x80 {
            let v = scalar.value
            if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { append(scalar, from: from, to: to, sink) } else { flush(sink) }
            return
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            append(scalar, from: from, to: to, sink)
        default:
            flush(sink)
        }
    }

    private mutating func apostrophe(_ sink: Sink) {
        if joinsApostrophes, !pendingApostrophe, let last = lastScalar, Script(last) == .latin {
            pendingApostrophe = true
        } else {
            flush(sink)
        }
    }

    @inline(__always)
    private mutating func append(_ scalar: Unicode.Scalar, from: Int, to: Int, _ sink: Sink) {
        if pendingApostrophe {
            pendingApostrophe = false
            if Script(scalar) == .latin { push("'") } else { flush(sink) }
        }
        if wordStart < 0 { wordStart = from }
        if pendingSigma >= 0, scalar.properties.isCased { pendingSigma = -1 }
        push(scalar)
        wordEnd = max(wordEnd, to)
    }

    @inline(__always)
    private mutating func flush(_ sink: Sink) {
        pendingApostrophe = false
        guard wordStart >= 0 else { return }
        if pendingSigma >= 0 {
            word.unsafelyUnwrapped[pendingSigma] = "\u{3C2}"
            pendingSigma = -1
        }
        sink(UnsafeBufferPointer(start: word, count: wordCount), wordStart..<wordEnd)
        wordCount = 0
        wordStart = -1
        wordEnd = 0
    }

    // MARK: - Character classes

    /// NFKC maps these to themselves, and no later code point composes with
    /// them except the marks `startsComposingMark` looks for.
    @inline(__always)
    static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F,
            0x60C, 0x61B, 0x61F, 0x621...0x63A, 0x640...0x652, 0x656...0x65F, 0x660...0x66D, 0x670, 0x671,
            0x6A9, 0x6CC, 0x6F0...0x6F9,
            0xAB, 0xBB, 0x2018...0x201F, 0x2013, 0x2014:
            return true
        default:
            return false
        }
    }

    /// A cheap test on the lead bytes at `offset` (< count) for the common
    /// case: an ASCII or Arabic-letter starter, which composes with nothing
    /// before it. False means "look closer", not "composing".
    @inline(__always)
    static func startsPlainStarter(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let lead = bytes[offset]
        if lead < 0xCC { return true }
        guard offset + 1 < bytes.count else { return false }
        let second = bytes[offset + 1]
        if lead == 0xD8 { return second < 0x90 || second > 0x9A }
        if lead == 0xD9 { return second < 0x8B || (second >= 0xA0 && second != 0xB0) }
        return false
    }

    /// Whether the non-starters from `offset` on (up to the next starter)
    /// include one that could change the preceding character under NFKC:
    /// any combining mark but the harakat that step 2 deletes anyway.
    @inline(__always)
    static func hasComposingMark(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
        var j = offset
        while j < bytes.count {
            let lead = bytes[j]
            if lead < 0xCC { return false }  // below U+0300: a starter
            // The Arabic letters, without decoding: D8 80–8F and 9B–BF are
            // U+0600–060F and U+061B–063F; D9 80–8A and A0–AF, B1–BF are
            // U+0640–064A and U+0660–066F, U+0671–067F. All starters.
            if j + 1 < bytes.count {
                let second = bytes[j + 1]
                if lead == 0xD8, second < 0x90 || second > 0x9A { return false }
                if lead == 0xD9, second < 0x8B || (second >= 0xA0 && second != 0xB0) { return false }
            }
            let (scalar, length) = decode(bytes, at: j)
            switch scalar.value {
            case 0x64B...0x652, 0x656...0x65F, 0x670:
                j += length
            case 0x653...0x655:
                return true
            case 0x600...0x60F, 0x61B...0x64A, 0x660...0x66F, 0x671...0x6D5:
                return false  // Arabic starters: the common case, without a property lookup
            default:
                return scalar.properties.canonicalCombiningClass != .notReordered
            }
        }
        return false
    }
}

/// Decodes the scalar at `offset` of valid UTF-8 (Swift strings always are).
@inline(__always)
func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(bytes[offset])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    if b0 < 0xE0 {
        let v = (b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        return (Unicode.Scalar(v).unsafelyUnwrapped, 2)
    }
    if b0 < 0xF0 {
        let v = (b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        return (Unicode.Scalar(v).unsafelyUnwrapped, 3)
    }
    let v =
        (b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
        | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
    return (Unicode.Scalar(v).unsafelyUnwrapped, 4)
}
