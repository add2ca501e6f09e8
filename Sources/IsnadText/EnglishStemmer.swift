/// The Snowball English stemmer ("Porter2") as Snowball 3.1 defines it,
/// which is what the `snowballstemmer` package on PyPI runs. The tests
/// compare the two word for word.
///
/// It works on lowercase code points; `Y` (uppercase) marks a `y` that acts
/// as a consonant while the steps run, as in the Snowball source. Letters
/// outside a–z pass through: no suffix rule matches them.
enum EnglishStemmer {
    static func stem(_ word: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        let w = word.map { $0.value }
        if let exception = exception(w) { return exception.unicodeScalars.map { $0 } }
        guard w.count >= 3 else { return Array(word) }
        var state = Porter2(word: w)
        state.run()
        return state.word.map { Unicode.Scalar($0).unsafelyUnwrapped }
    }

    /// Whole words with a fixed stem, checked before anything else.
    private static func exception(_ w: [UInt32]) -> String? {
        guard w.count >= 3, w.count <= 6, w.allSatisfy({ $0 < 0x80 }) else { return nil }
        switch String(decoding: w.map { UInt8($0) }, as: UTF8.self) {
        case "skis": return "ski"
        case "skies": return "sky"
        case "idly": return "idl"
        case "gently": return "gentl"
        case "ugly": return "ugli"
        case "early": return "earli"
        case "only": return "onli"
        case "singly": return "singl"
        case let word where ["andes", "atlas", "bias", "cosmos", "howe", "news", "sky"].contains(word): return word
        default: return nil
        }
    }
}

private let a: UInt32 = 0x61
private let e: UInt32 = 0x65
private let i: UInt32 = 0x69
private let l: UInt32 = 0x6C
private let s: UInt32 = 0x73
private let t: UInt32 = 0x74
private let y: UInt32 = 0x79
private let Y: UInt32 = 0x59
private let apostrophe: UInt32 = 0x27

@inline(__always) private func isVowel(_ c: UInt32) -> Bool {
    c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
}

private struct Porter2 {
    var word: [UInt32]
    var p1 = 0, p2 = 0
    var yFound = false

    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        if yFound {
            for k in word.indices where word[k] == Y { word[k] = y }
        }
    }

    // MARK: Helpers

    func ends(_ suffix: StaticString) -> Bool { ends(suffix, at: word.count) }

    /// Whether `word[..<end]` ends with `suffix`.
    func ends(_ suffix: StaticString, at end: Int) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard end >= n else { return false }
        return suffix.withUTF8Buffer { bytes in
            for k in 0..<n where word[end - n + k] != UInt32(bytes[k]) { return false }
            return true
        }
    }

    /// Whether `word[..<end]` is exactly `prefix`.
    func isExactly(_ prefix: StaticString, upTo end: Int) -> Bool {
        end == prefix.utf8CodeUnitCount && ends(prefix, at: end)
    }

    mutating func replace(_ count: Int, with replacement: StaticString) {
        word.removeLast(count)
        replacement.withUTF8Buffer { for b in $0 { word.append(UInt32(b)) } }
    }

    /// A short syllable ends at `end`: consonant–vowel–consonant (the last
    /// not w, x or Y), or vowel–consonant at the start, or "past".
    func shortSyllable(endingAt end: Int) -> Bool {
        if end >= 3 {
            let c = word[end - 1]
            if !isVowel(c) && c != 0x77 && c != 0x78 && c != Y && isVowel(word[end - 2]) && !isVowel(word[end - 3]) {
                return true
            }
        }
        if end == 2, !isVowel(word[1]), isVowel(word[0]) { return true }
        return ends("past", at: end)
    }

    // MARK: Steps

    mutating func prelude() {
        if word.first == apostrophe { word.removeFirst() }
        if word.first == y {
            word[0] = Y
            yFound = true
        }
        var k = 1
        while k < word.count {
            if word[k] == y, isVowel(word[k - 1]) {
                word[k] = Y
                yFound = true
            }
            k += 1
        }
    }

    mutating func markRegions() {
        let n = word.count
        p1 = n
        p2 = n
        var c: Int
        if let prefix = (["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"] as [StaticString])
            .first(where: { $0.utf8CodeUnitCount <= n && ends($0, at: $0.utf8CodeUnitCount) })
        {
            c = prefix.utf8CodeUnitCount
        } else {
            guard let next = pastVowelThenConsonant(from: 0) else { return }
            c = next
        }
        p1 = c
        guard let r2 = pastVowelThenConsonant(from: c) else { return }
        p2 = r2
    }

    /// The position after the first consonant that follows a vowel, from `start`.
    func pastVowelThenConsonant(from start: Int) -> Int? {
        var k = start
        while k < word.count, !isVowel(word[k]) { k += 1 }
        guard k < word.count else { return nil }
        k += 1
        while k < word.count, isVowel(word[k]) { k += 1 }
        guard k < word.count else { return nil }
        return k + 1
    }

    mutating func step1a() {
        if ends("'s'") { word.removeLast(3) } else if ends("'s") { word.removeLast(2) } else if ends("'") { word.removeLast() }
        // Longest suffix first: sses, ied/ies, ss/us, s.
        let n = word.count
        if ends("sses") {
            replace(4, with: "ss")
        } else if ends("ied") || ends("ies") {
            replace(3, with: n - 3 >= 2 ? "i" : "ie")
        } else if ends("ss") || ends("us") {
            return
        } else if ends("s") {
            let before = n - 1
            if before >= 1, word[0..<(before - 1)].contains(where: isVowel) { word.removeLast() }
        }
    }

    mutating func step1b() {
        // Longest suffix first: eedly/ingly, edly, eed/ing, ed.
        let length: Int
        if ends("eedly") || ends("eed") {
            length = ends("eedly") ? 5 : 3
            let start = word.count - length
            if start >= p1, !(isExactly("succ", upTo: start) || isExactly("proc", upTo: start) || isExactly("exc", upTo: start)) {
                replace(length, with: "ee")
            }
            return
        } else if ends("ingly") {
            length = 5
        } else if ends("edly") {
            length = 4
        } else if ends("ing") {
            length = 3
            let start = word.count - length
            if ends("y", at: start) {
                if start == 2, !isVowel(word[0]) {
                    word.removeLast(length + 1)
                    replace(0, with: "ie")
                    return
                }
            } else {
                for stem: StaticString in ["even", "cann", "inn", "earr", "herr", "out"] where ends(stem, at: start) {
                    if start == stem.utf8CodeUnitCount { return }
                    break
                }
            }
        } else if ends("ed") {
            length = 2
        } else {
            return
        }
        let start = word.count - length
        guard word[0..<start].contains(where: isVowel) else { return }
        word.removeLast(length)
        let n = word.count
        if ends("at") || ends("bl") || ends("iz") {
            replace(0, with: "e")
        } else if n >= 2, word[n - 1] == word[n - 2],
            [0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74].contains(word[n - 1])
        {
            if n == 3, word[0] == a || word[0] == e || word[0] == 0x6F { return }
            word.removeLast()
        } else if n == p1, shortSyllable(endingAt: n) {
            replace(0, with: "e")
        }
    }

    mutating func step1c() {
        let n = word.count
        guard n >= 3, word[n - 1] == y || word[n - 1] == Y, !isVowel(word[n - 2]) else { return }
        word[n - 1] = i
    }

    mutating func step2() {
        let rules: [(StaticString, StaticString)] = [
            ("ization", "ize"), ("ational", "ate"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
            ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
            ("entli", "ent"), ("ousli", "ous"), ("fulli", "ful"), ("aliti", "al"), ("iviti", "ive"),
            ("alism", "al"), ("ation", "ate"), ("ogist", "og"),
            ("anci", "ance"), ("enci", "ence"), ("abli", "able"), ("alli", "al"), ("izer", "ize"), ("ator", "ate"),
            ("bli", "ble"), ("ogi", "og"), ("li", ""),
        ]
        guard let (suffix, replacement) = rules.first(where: { ends($0.0) }) else { return }
        let length = suffix.utf8CodeUnitCount
        let start = word.count - length
        guard start >= p1 else { return }
        switch suffix.description {
        case "ogi":
            guard ends("l", at: start) else { return }
        case "li":
            guard start >= 1, [0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74].contains(word[start - 1]) else { return }
        default:
            break
        }
        replace(length, with: replacement)
    }

    mutating func step3() {
        let rules: [(StaticString, StaticString)] = [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
            ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
        ]
        guard let (suffix, replacement) = rules.first(where: { ends($0.0) }) else { return }
        let length = suffix.utf8CodeUnitCount
        let start = word.count - length
        guard start >= p1 else { return }
        if suffix.description == "ative", start < p2 { return }
        replace(length, with: replacement)
    }

    mutating func step4() {
        let suffixes: [StaticString] = [
            "ement", "ance", "ence", "able", "ible", "ment", "ate", "ive", "ize", "iti", "ism", "ion", "ous",
            "ant", "ent", "al", "er", "ic",
        ]
        guard let suffix = suffixes.first(where: { ends($0) }) else { return }
        let length = suffix.utf8CodeUnitCount
        let start = word.count - length
        guard start >= p2 else { return }
        if suffix.description == "ion" {
            guard start >= 1, word[start - 1] == s || word[start - 1] == t else { return }
        }
        word.removeLast(length)
    }

    mutating func step5() {
        let n = word.count
        guard n >= 1 else { return }
        let start = n - 1
        if word[start] == e {
            if start >= p2 || (start >= p1 && !shortSyllable(endingAt: start)) { word.removeLast() }
        } else if word[start] == l {
            if start >= p2, ends("l", at: start) { word.removeLast() }
        }
    }
}
