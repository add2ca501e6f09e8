import IsnadText
import IsnadVocabulary

/// How a statement's date was found.
package enum DateBasis: String, Sendable, Hashable {
    /// Written in the text: "في السادس من سبتمبر/أيلول".
    case explicit
    /// Relative to the article's date: "يوم الاثنين", "أمس".
    case relative
    /// None in the text: the article's date.
    case article
}

/// Finds dates in analysed text and resolves them against the article's
/// date: both month-name systems (سبتمبر and أيلول), ordinal words, digits
/// of any script (the analyzer folds them), weekdays, أمس, اليوم, last
/// month and last year.
package enum DateFinder {
    static let forms = Analyzer(stemming: false)
    static func form(_ word: String) -> String { forms.tokens(in: word).first?.form ?? word }
    /// Lexicon keys are UTF-8 bytes (see ``Gazetteer``).
    static func key(_ word: String) -> [UInt8] { Array(form(word).utf8) }

    static let monthNames: [(String, Int)] = [
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6),
        ("يوليو", 7), ("أغسطس", 8), ("آب", 8), ("سبتمبر", 9), ("أيلول", 9), ("أكتوبر", 10), ("نوفمبر", 11),
        ("ديسمبر", 12), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ]
    static let months: WordMap<Int> = {
        var out = WordMap<Int>()
        for (name, month) in monthNames { out[key(name)] = month }
        return out
    }()

    /// Two-word Levantine months: كانون الثاني, تشرين الأول.
    static let twoWordMonths: [([UInt8], [UInt8], Int)] = [
        (key("كانون"), key("الثاني"), 1), (key("تشرين"), key("الأول"), 10),
        (key("تشرين"), key("الثاني"), 11), (key("كانون"), key("الأول"), 12),
    ]

    static let ordinals: WordMap<Int> = {
        var out = WordMap<Int>()
        let words = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
        for (i, word) in words.enumerated() { out[key(word)] = i + 1 }
        return out
    }()

    /// ISO weekday numbers, Monday 1.
    static let weekdayNames: [(String, Int)] = [
        ("الاثنين", 1), ("الإثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4), ("الجمعة", 5), ("السبت", 6),
        ("الأحد", 7), ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6),
        ("sunday", 7),
    ]
    static let weekdays: WordMap<Int> = {
        var out = WordMap<Int>()
        for (word, day) in weekdayNames { out[key(word)] = day }
        return out
    }()

    static let yesterdayWords = ["أمس", "الأمس", "yesterday"]
    static let yesterday = WordSet(yesterdayWords.map(key))
    static let todayWords = ["اليوم", "today"]
    static let today = WordSet(todayWords.map(key))
    static let last: WordSet = [key("الماضي"), key("الماضية"), key("المنصرم"), key("last")]
    /// "الشهر الماضي", and "الأشهر الماضية" read as the latest of those months.
    static let monthNouns = ["الشهر", "الشهور", "الأشهر", "month", "months"]
    static let monthWords = WordSet(monthNouns.map(key))
    /// Words before a bare year: "عام 2022", "في 2022".
    static let yearLead: WordSet = [
        key("عام"), key("العام"), key("سنة"), key("في"), key("خلال"), key("منذ"),
        key("in"), key("since"),
    ]
    static let yearNouns = ["العام", "السنة", "year"]
    static let yearWords = WordSet(yearNouns.map(key))
    /// Every word that can start a month, a weekday, أمس, اليوم or a
    /// "last month / last year": a word not among them (nearly every word)
    /// is only asked whether it is a year, with one lookup instead of five.
    static let dateWords = WordSet(
        (monthNames + weekdayNames).map { key($0.0) } + twoWordMonths.map(\.0)
            + (yesterdayWords + todayWords + monthNouns + yearNouns).map(key))
    static let from = key("من")
    static let may = key("may")

    /// A date found at token `index`.
    package struct Found: Sendable, Hashable {
        package var date: RecordDate
        package var basis: DateBasis
        package var index: Int
    }

    /// Every date expression in `tokens`, resolved against `article`.
    package static func find(
        in tokens: [Token], article: RecordDate?, keys: [[UInt8]]? = nil,
        flags: [WordFlags]? = nil
    ) -> [Found] {
        let keys = keys ?? tokens.map { Array($0.form.utf8) }
        var out: [Found] = []
        let base = article?.first
        var i = 0
        while i < tokens.count {
            // Most words start no date: their flags say so, and they are
            // neither stripped nor looked at as text.
            let maybeDate = flags.map { $0[i].contains(.date) } ?? dateWords.contains(strippedSlice(keys[i]))
            let word = maybeDate ? strippedSlice(keys[i]) : []
            // Day ordinal or number, then month: "السادس من سبتمبر", "6 سبتمبر 2024".
            if maybeDate, let (month, length) = month(at: i, word: word, keys) {
                var day: Int?
                var k = i - 1
                if k >= 0, keys[k] == from { k -= 1 }
                if k >= 0 {
                    if let n = Int(tokens[k].form), (1...31).contains(n) { day = n }
                    if let n = ordinals[strippedSlice(keys[k])] { day = n }
                }
                var year: Int?
                var next = i + length
                // The other calendar's name after it: سبتمبر/أيلول, نوفمبر/تشرين الثاني.
                while next < tokens.count {
                    if months[keys[next]] != nil {
                        next += 1
                    } else if let (_, two) = DateFinder.month(at: next, word: keys[next][...], keys), two == 2 {
                        next += 2
                    } else {
                        break
                    }
                }
                if next < tokens.count, let y = Int(tokens[next].form), (1900...2100).contains(y) { year = y }
                let resolvedYear = year ?? inferYear(month: month, base: base)
                if let resolvedYear {
                    let date: RecordDate?
                    if let day, let d = DayNumber(year: resolvedYear, month: month, day: day) {
                        date = RecordDate(first: d, precision: .day)
                    } else if let d = DayNumber(year: resolvedYear, month: month, day: 1) {
                        date = RecordDate(first: d, precision: .month)
                    } else {
                        date = nil
                    }
                    if let date { out.append(Found(date: date, basis: .explicit, index: i)) }
                }
                i = next
                continue
            }
            // A year alone: "في عام 2022", "خلال 2022".
            // (A form Int reads is ASCII, so its bytes are its characters;
            // a key is its form's bytes.)
            if i > 0, keys[i].count == 4, yearLead.contains(strippedSlice(keys[i - 1])), let y = Int(tokens[i].form),
                (1900...2100).contains(y), let d = DayNumber(year: y, month: 1, day: 1)
            {
                out.append(Found(date: RecordDate(first: d, precision: .year), basis: .explicit, index: i))
                i += 1
                continue
            }
            if maybeDate, let base {
                if let weekday = weekdays[word] {
                    // The latest such day on or before the article's date;
                    // but "الإثنين 18 نوفمبر" is the weekday of the date that
                    // follows, which says more.
                    let current = Int((base.rawValue % 7 + 7 + 3) % 7) + 1
                    let back = (current - weekday + 7) % 7
                    let dated = (i + 1..<min(tokens.count, i + 4)).contains { k in
                        DateFinder.month(at: k, word: strippedSlice(keys[k]), keys) != nil
                    }
                    if !dated {
                        out.append(Found(date: RecordDate(first: base.adding(-back), precision: .day), basis: .relative, index: i))
                    }
                } else if yesterday.contains(word) {
                    out.append(Found(date: RecordDate(first: base.adding(-1), precision: .day), basis: .relative, index: i))
                } else if today.contains(word) {
                    out.append(Found(date: RecordDate(first: base, precision: .day), basis: .relative, index: i))
                } else if i + 1 < tokens.count, last.contains(keys[i + 1]),
                    monthWords.contains(word) || yearWords.contains(word)
                {
                    let (y, m, _) = base.date
                    if monthWords.contains(word), let d = DayNumber(year: m == 1 ? y - 1 : y, month: m == 1 ? 12 : m - 1, day: 1) {
                        out.append(Found(date: RecordDate(first: d, precision: .month), basis: .relative, index: i))
                    } else if let d = DayNumber(year: y - 1, month: 1, day: 1) {
                        out.append(Found(date: RecordDate(first: d, precision: .year), basis: .relative, index: i))
                    }
                }
            }
            i += 1
        }
        return out
    }

    /// A dateline: a full date (day, month and year) in the first or last
    /// lines of an article that carries no date of its own
    /// ("10 كانون الثاني 2023").
    package static func dateline(in text: String) -> RecordDate? {
        // Split on the byte: "\r\n" is one Character, never equal to "\n".
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true)
        for line in Array(lines.prefix(4)) + Array(lines.suffix(2)) {
            let found = find(in: forms.tokens(in: String(Substring(line).prefix(300))), article: nil)
            if let date = found.first(where: { $0.date.precision == .day })?.date { return date }
        }
        return nil
    }

    static func stripped(_ form: String) -> String {
        if form.count > 3, let first = form.first, "وفب".contains(first) { return String(form.dropFirst()) }
        return form
    }

    /// `word` is `strippedSlice(keys[i])`, which the caller has.
    static func month(at i: Int, word: ArraySlice<UInt8>, _ keys: [[UInt8]]) -> (Int, Int)? {
        if i + 1 < keys.count {
            for (a, b, month) in twoWordMonths where word.elementsEqual(a) && keys[i + 1] == b { return (month, 2) }
        }
        if let month = months[word] {
            // "may" is too often the verb.
            if word.elementsEqual(may) { return nil }
            return (month, 1)
        }
        return nil
    }

    /// A word without its conjunction or ب (وفي → في، بسبتمبر → سبتمبر), in
    /// place: asked of the words of every article.
    @inline(__always)
    static func strippedSlice(_ key: [UInt8]) -> ArraySlice<UInt8> {
        if key.count > 6, Bytes.clitic(key[...]) == .conjunction || Bytes.starts(key[...], with: Bytes.ba) {
            return key.dropFirst(2)
        }
        return key[...]
    }

    /// ``strippedSlice(_:)`` as an array (the word itself when nothing is stripped).
    static func stripped(_ key: [UInt8]) -> [UInt8] {
        let slice = strippedSlice(key)
        return slice.count == key.count ? key : Array(slice)
    }

    /// A month named without a year is the latest such month not after the
    /// article's.
    static func inferYear(month: Int, base: DayNumber?) -> Int? {
        guard let base else { return nil }
        let (y, m, _) = base.date
        return month <= m ? y : y - 1
    }
}

extension DayNumber {
    func adding(_ days: Int) -> DayNumber { DayNumber(rawValue: rawValue + Int32(days)) }
}
