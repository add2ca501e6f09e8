/// Splits Arabic and English text into sentences, as UTF-8 byte ranges of
/// the original (without the whitespace around them).
///
/// A sentence ends at `.`, `!`, `?`, `؟` or `؛` followed by a space or the
/// end of the text, and at line breaks. It never ends inside a quotation
/// (“…”, «…», "…"): a quotation is part of the sentence that holds it, and a
/// terminator just inside the closing mark ends the sentence after the mark.
/// A `.` does not end a sentence after an initial (`John F. Kennedy`,
/// `د. ظريف`), a common abbreviation (`Mr.`, `Gen.`, `Jan.`), inside a number
/// (`3.5`) or a name (`example.com`), or before a lowercase Latin word. A
/// blank line, or a line that ends in a full stop, closes whatever quotation
/// is still open, so one stray or unclosed quote mark cannot swallow the
/// paragraphs after it.
package enum SentenceSplitter {
    package static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var splitter = Splitter(bytes: bytes)
            return splitter.run()
        } ?? []
    }
}

private struct Splitter {
    let bytes: UnsafeBufferPointer<UInt8>
    var sentences: [Range<Int>] = []
    /// Where the current sentence starts (its first non-space byte), or nil.
    var start: Int?
    /// The end of the last non-space scalar of the current sentence.
    var end = 0
    /// The closing marks the open quotations wait for, innermost last.
    var quotes: [QuoteKind] = []

    enum QuoteKind { case straight, curly, guillemet, reversedGuillemet }

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func run() -> [Range<Int>] {
        var i = 0
        /// The last non-space scalar before the current one.
        var previous: Unicode.Scalar = " "
        while i < bytes.count {
            // Most of a text is letters and digits, which only extend the
            // sentence: taken from the bytes (valid UTF-8, as every String's
            // is) without decoding or the switches below.
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0x20 {  // a space: the switch below skips it
                    i += 1
                    continue
                }
                if lead >= 0x61 && lead <= 0x7A || lead >= 0x41 && lead <= 0x5A || lead >= 0x30 && lead <= 0x39 {
                    if start == nil { start = i }
                    end = i + 1
                    previous = Unicode.Scalar(lead)
                    i += 1
                    continue
                }
            } else if lead == 0xD8 || lead == 0xD9, i + 1 < bytes.count,
                !(lead == 0xD8 && (bytes[i + 1] == 0x9B || bytes[i + 1] == 0x9F))
            {
                // A run of Arabic (U+0600–067F) up to ؛ or ؟, two bytes a
                // character: Arabic text is mostly this.
                if start == nil { start = i }
                var j = i + 2
                while j + 1 < bytes.count {
                    let b = bytes[j]
                    guard b == 0xD9 || (b == 0xD8 && bytes[j + 1] != 0x9B && bytes[j + 1] != 0x9F) else { break }
                    j += 2
                }
                end = j
                previous = Unicode.Scalar(UInt32(bytes[j - 2] & 0x1F) << 6 | UInt32(bytes[j - 1] & 0x3F)).unsafelyUnwrapped
                i = j
                continue
            } else if lead >= 0xC2 && lead < 0xE0 && i + 1 < bytes.count {
                let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                switch value {
                case 0xA0, 0xAB, 0xBB, 0x61B, 0x61F:
                    break  // a space, a guillemet, ؛ or ؟: the switches below
                default:
                    if start == nil { start = i }
                    end = i + 2
                    previous = Unicode.Scalar(value).unsafelyUnwrapped
                    i += 2
                    continue
                }
            }
            let (scalar, length) = decode(bytes, at: i)
            var next = i + length
            switch scalar {
            case "\n", "\r", "\u{2029}":
                // A paragraph that ends its sentence ends any quotation the
                // writer left open (a quotation running over paragraphs
                // reopens with a mark on the next): sentences never cross
                // paragraphs. A line broken mid-sentence keeps it open.
                if blankLineFollows(i) || [".", "!", "?", "\u{61F}", "\u{2026}"].contains(previous) { quotes.removeAll() }
                if quotes.isEmpty { close() }
                i = next
                continue
            case " ", "\t", "\u{A0}", "\u{2028}", "\u{200F}", "\u{200E}", "\u{200B}":
                i = next
                continue
            default:
                break
            }
            if start == nil { start = i }
            end = next
            switch scalar {
            case "\"":
                if quotes.last == .straight { closeQuote(&next, after: previous) } else { quotes.append(.straight) }
            case "\u{201C}", "\u{201D}", "\u{201E}":
                if quotes.last == .curly { closeQuote(&next, after: previous) } else { quotes.append(.curly) }
            case "\u{AB}":
                if quotes.last == .reversedGuillemet { closeQuote(&next, after: previous) } else { quotes.append(.guillemet) }
            case "\u{BB}":
                if quotes.last == .guillemet { closeQuote(&next, after: previous) } else { quotes.append(.reversedGuillemet) }
            case "!", "?", "\u{61F}", "\u{61B}":
                if quotes.isEmpty { endSentence(&next) }
            case ".":
                if quotes.isEmpty, !continuesWord(at: next), !isAbbreviation(before: i, next: next) { endSentence(&next) }
            default:
                break
            }
            previous = scalar
            i = next
        }
        close()
        return sentences
    }

    /// Ends the current sentence at `end`.
    mutating func close() {
        if let start, start < end { sentences.append(start..<end) }
        start = nil
    }

    mutating func closeQuote(_ next: inout Int, after previous: Unicode.Scalar) {
        quotes.removeLast()
        guard quotes.isEmpty else { return }
        switch previous {
        case ".", "!", "?", "\u{61F}", "\u{61B}":
            endSentence(&next)
        default:
            break
        }
    }

    /// Ends the sentence at a terminator that ends before `next`, if it
    /// can end there: more terminators and closing brackets may follow
    /// (`?!`, `!)`), then a space or the end must come, and the next word
    /// must not start with a lowercase Latin letter. Moves `next` past what
    /// the sentence took in.
    mutating func endSentence(_ next: inout Int) {
        var i = next
        while i < bytes.count {
            let (scalar, length) = decode(bytes, at: i)
            switch scalar {
            case ".", "!", "?", "\u{61F}", "\u{61B}", ")", "]":
                i += length
                continue
            default:
                break
            }
            break
        }
        var j = i
        while j < bytes.count {
            let (scalar, length) = decode(bytes, at: j)
            if scalar.properties.isWhitespace {
                j += length
                continue
            }
            if j == i { return }  // no space after the terminator
            if scalar.properties.isLowercase && Script(scalar) == .latin { return }
            break
        }
        end = i
        next = i
        close()
    }

    /// A `.` directly followed by a letter or digit is inside a number or
    /// a name: `3.5`, `example.com`.
    func continuesWord(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let (scalar, _) = decode(bytes, at: offset)
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the word before the `.` at `offset` is an initial or a
    /// common abbreviation.
    ///
    /// Asked at every full stop. The letters are walked back over in
    /// place, and a word is only built to be looked up when it is all
    /// ASCII, or has letters other than Arabic ones (which lowercase to
    /// themselves and so are in no abbreviation).
    func isAbbreviation(before offset: Int, next: Int) -> Bool {
        var count = 0
        var nearest: Unicode.Scalar = " "
        var ascii = true
        var arabic = false
        var i = offset
        while i > 0 {
            var j = i - 1
            while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
            let (scalar, _) = decode(bytes, at: j)
            let v = scalar.value
            let alphabetic: Bool
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0x621...0x63A, 0x641...0x64A: alphabetic = true
            case 0..<0x80: alphabetic = false
            default: alphabetic = scalar.properties.isAlphabetic
            }
            guard alphabetic, count < 8 else { break }
            if count == 0 { nearest = scalar }
            count += 1
            if v >= 0x80 { ascii = false }
            if v >= 0x600 && v <= 0x6FF { arabic = true }
            i = j
        }
        guard count > 0, count < 8 else { return false }
        if count == 1 {
            // An initial: one Latin capital (`F.`), or one Arabic letter (`د.` for doctor).
            return nearest.properties.isUppercase || Script(nearest) == .arabic
        }
        if arabic { return false }
        let letters = UnsafeBufferPointer(rebasing: bytes[i..<offset])
        let word =
            ascii
            ? String(decoding: letters.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            : String(decoding: letters, as: UTF8.self).lowercased()
        if numberAbbreviations.contains(word) { return digitFollows(next) }
        return SentenceSplitter.abbreviations.contains(word)
    }

    func digitFollows(_ offset: Int) -> Bool {
        var i = offset
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        return i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39
    }

    /// A blank line follows the line break at `offset`.
    func blankLineFollows(_ offset: Int) -> Bool {
        var i = offset + 1
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A: return true
            case 0x20, 0x09, 0x0D: i += 1
            default: return false
            }
        }
        return true
    }
}

extension SentenceSplitter {
    /// Abbreviations that end in a full stop without ending a sentence (the
    /// extractor reads their full stop as ending nothing, too).
    package static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "mt", "ft",
        "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig", "cdr",
        "gov", "sen", "rep", "pres", "amb", "hon", "rev", "sec", "dept", "govt", "univ",
        "inc", "ltd", "corp", "co", "bros", "assn", "vs", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    ]
}

/// Abbreviations that stand before a number: `No. 5`, `pp. 3`; elsewhere
/// (`the answer was no.`) the full stop ends the sentence.
private let numberAbbreviations: Set<String> = ["no", "nos", "vol", "pp", "fig", "art"]
