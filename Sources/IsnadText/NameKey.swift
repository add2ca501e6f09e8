/// A spelling-independent key for a person's name, under which an Arabic
/// name and its usual Latin spellings meet: `كيربي` and `Kirby`, `كنعاني`,
/// `Kanaani` and `Kanani`, `زيلينسكي`, `Zelensky` and `Zelenskyy`.
///
/// Each word becomes a consonant skeleton over classes both scripts share:
/// vowels, `h`, `w` and `y` inside a word are dropped (Arabic writes short
/// vowels not at all and long ones as ا و ي); letters that one script tells
/// apart and the other does not share a class (b p ب, f v ف, k q c g kh gh
/// ك ق خ غ, s س ص, sh ch ش تش, t th ت ط ث, z dh ز ذ ظ ض); a word-initial
/// vowel, hamza or ain is kept as one mark; repeated classes collapse
/// (`Kanaani`, `Mackinnon`); a final z counts as s (`Adams` آدامز). The article `ال`/`al-` and leading titles (`Ayatollah`,
/// `آية الله`, `Dr`, `الشيخ`) are not part of the name.
///
/// Two names meet when their word keys are equal or one ends the other, so
/// `Kirby` meets `جون كيربي` and `Javad Zarif` meets `محمد جواد ظريف`.
package struct NameKey: Hashable, Sendable, CustomStringConvertible {
    /// One skeleton per word of the name, in order.
    package let words: [String]

    package init(_ name: String) {
        let bytes = Array(name.utf8)
        // The normalised form, and whether the word as written starts with
        // the article ال (folding makes ألين "Allen" look like one).
        var words = Analyzer(language: .arabic, stemming: false).tokens(in: name).map { token in
            (form: token.form, article: bytes[token.range].starts(with: [0xD8, 0xA7, 0xD9, 0x84]))
        }
        // Titles and the article are not the name.
        while let first = words.first?.form, words.count > 1 {
            if titles.contains(first) {
                words.removeFirst()
            } else if words.count > 2, first == "ايه", words[1].form == "الله" {
                words.removeFirst(2)
            } else {
                break
            }
        }
        // The article of `al-Assad`, `el-Sisi` belongs to the next word.
        words = words.enumerated().filter { k, word in
            !(k + 1 < words.count && (word.form == "al" || word.form == "el"))
        }.map(\.element)
        self.words = words.compactMap { word in
            let key = skeleton(Array(word.form.unicodeScalars), article: word.article)
            return key.isEmpty ? nil : key
        }
    }

    package var description: String { words.joined(separator: " ") }

    /// Whether the names are the same, or one is the end of the other.
    package func meets(_ other: NameKey) -> Bool {
        guard !words.isEmpty, !other.words.isEmpty else { return false }
        let (short, long) = words.count <= other.words.count ? (words, other.words) : (other.words, words)
        return long.suffix(short.count).elementsEqual(short)
    }
}

private let titles: Set<String> = [
    "ayatollah", "sheikh", "shaikh", "sayyed", "sayyid", "imam", "dr", "mr", "mrs", "ms", "prof",
    "president", "general", "gen", "prince", "king",
    "الشيخ", "السيد", "الامام", "الدكتور", "د", "الرئيس", "اللواء", "العميد", "الجنرال", "الامير", "الملك",
]

/// The consonant classes of the key.
private enum Sound: Character {
    case initialVowel = "A"
    case b = "B"
    case d = "D"
    case f = "F"
    case h = "H"
    case j = "J"
    case k = "K"
    case l = "L"
    case m = "M"
    case n = "N"
    case r = "R"
    case s = "S"
    case t = "T"
    case x = "X"
    case y = "Y"
    case z = "Z"
}

/// The skeleton of one normalised word (lowercase; Arabic already folded:
/// أ إ آ ٱ → ا, ة → ه, ى → ي).
private func skeleton(_ word: [Unicode.Scalar], article: Bool) -> String {
    var sounds: [Sound?] = []
    if word.contains(where: { Script($0) == .arabic }) {
        var letters = word[...]
        if article, letters.count > 3 { letters = letters.dropFirst(2) }
        for (k, letter) in zip(letters.indices, letters) {
            let next = k + 1 < letters.endIndex ? letters[k + 1] : nil
            // تش writes the Latin ch (Savchenko سافتشينكو).
            if letter == "ت", next == "ش" { continue }
            // و is a consonant before alef (جواد Javad) and before a final ي (موسوي Mousavi).
            let consonantW = next == "ا" || (next == "ي" && k + 2 == letters.endIndex)
            sounds.append(arabicSound(letter, initial: k == letters.startIndex, consonantW: consonantW))
        }
    } else {
        sounds = latinSounds(word.map(baseLetter))
    }
    // A final s is often said z, and Arabic writes ز (Adams آدامز, Jones جونز).
    if sounds.last == .z { sounds[sounds.count - 1] = .s }
    var key = ""
    var last: Sound?
    for case let sound? in sounds where sound != last {
        key.append(sound.rawValue)
        last = sound
    }
    return key
}

private func arabicSound(_ letter: Unicode.Scalar, initial: Bool, consonantW: Bool) -> Sound? {
    switch letter {
    case "ا", "ء", "ئ", "ؤ", "ع": return initial ? .initialVowel : nil
    case "ب", "پ": return .b
    case "ت", "ط", "ث": return .t
    case "ج": return .j
    case "ح", "ه": return initial ? .h : nil
    case "خ", "غ", "ق", "ك", "گ": return .k
    case "د": return .d
    case "ض": return .z  // Persian names say z (Rezaei رضائي)
    case "ذ", "ز", "ظ", "ژ": return .z
    case "ر": return .r
    case "س", "ص": return .s
    case "ش", "چ": return .x
    case "ف", "ڤ": return .f
    case "ل": return .l
    case "م": return .m
    case "ن": return .n
    // و and ي are consonants at the start (ولايتي Velayati, يوري Yuriy), vowels elsewhere.
    case "و": return initial || consonantW ? .f : nil
    case "ي": return initial ? .y : nil
    default: return nil
    }
}

/// The Latin letter under accents: é → e, ç → c.
private func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard scalar.value >= 0x80, Script(scalar) == .latin else { return scalar }
    return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
}

private func latinSounds(_ w: [Unicode.Scalar]) -> [Sound?] {
    func isVowel(_ c: Unicode.Scalar?) -> Bool { c.map { "aeiouy".unicodeScalars.contains($0) } ?? false }
    var sounds: [Sound?] = []
    var k = 0
    while k < w.count {
        let c = w[k]
        let next = k + 1 < w.count ? w[k + 1] : nil
        let initial = k == 0
        // Digraphs first.
        switch (c, next) {
        case ("s", "c") where k + 2 < w.count && w[k + 2] == "h":
            sounds.append(.x)
            k += 3
            continue
        case ("t", "c") where k + 2 < w.count && w[k + 2] == "h":
            sounds.append(.x)
            k += 3
            continue
        case ("c", "h") where k + 2 < w.count && "lr".unicodeScalars.contains(w[k + 2]):
            sounds.append(.k)
            k += 2
            continue  // Christopher, Chloe
        case ("g", "h") where k + 2 < w.count && w[k + 2] == "t":
            k += 2
            continue  // Wright, Knight
        case ("w", "r") where initial:
            k += 1
            continue
        case ("s", "h"), ("c", "h"):
            sounds.append(.x)
            k += 2
            continue
        case ("k", "h"), ("g", "h"), ("c", "k"):
            sounds.append(.k)
            k += 2
            continue
        case ("t", "h"):
            sounds.append(.t)
            k += 2
            continue
        case ("d", "h"):
            sounds.append(.z)
            k += 2
            continue
        case ("z", "h"), ("d", "j"):
            sounds.append(.j)
            k += 2
            continue
        case ("p", "h"):
            sounds.append(.f)
            k += 2
            continue
        default:
            break
        }
        switch c {
        case "a", "e", "i", "o", "u": sounds.append(initial ? .initialVowel : nil)
        case "y": sounds.append(initial && isVowel(next) ? .y : nil)
        case "h": sounds.append(initial ? .h : nil)
        case "w": sounds.append(initial ? .f : nil)
        case "b", "p": sounds.append(.b)
        case "c": sounds.append(next == "e" || next == "i" || next == "y" ? .s : .k)
        case "d": sounds.append(.d)
        case "f", "v": sounds.append(.f)
        case "g", "k", "q": sounds.append(.k)
        case "j": sounds.append(.j)
        case "l": sounds.append(.l)
        case "m": sounds.append(.m)
        case "n": sounds.append(.n)
        case "r": sounds.append(.r)
        case "s": sounds.append(.s)
        case "t": sounds.append(.t)
        case "x":
            sounds.append(.k)
            sounds.append(.s)
        case "z": sounds.append(.z)
        default: sounds.append(nil)
        }
        k += 1
    }
    return sounds
}
