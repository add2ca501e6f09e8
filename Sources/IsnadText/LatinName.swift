import Foundation

/// The Latin spelling of a person's name written in Arabic script, the way
/// English-language news spells it, for showing speakers found in Arabic
/// text in English tables.
///
/// A name is read word by word:
///
/// - Particles: `عبد` joins the next word as "Abdel X" (one convention for
///   all, the Egyptian and Levantine one: `عبد الفتاح` and `عبدالفتاح` are
///   both "Abdel Fattah"), except `عبد الله` "Abdullah" and `عبد الرحمن`
///   "Abdulrahman", which news writes as one word. `أبو` is "Abu", `ابن`
///   "Ibn", `بن` "bin" and `بنت` "bint" (lowercase, as in "Mohammed bin
///   Salman"); `الله` after a word joins it ("Nasrallah").
/// - The article: a word that starts with a bare `ال` is "al-" and the rest
///   ("al-Sadiq", not "as-Sadiq": the sun-letter assimilation is not
///   written), lowercase except at the start of the name.
/// - Each word (or what follows the article) is looked up in a lexicon of
///   common given names and name parts with their usual news spelling
///   (Arabic, Persian and Turkish names as Arabic news spells them, and
///   foreign names Arabic transliterates: `جون` "John", `فيليب` "Philippe").
/// - Any other word goes through deterministic rules; see ``rules(_:)``.
///
/// The result meets the Arabic under ``NameKey`` for most names. Where it
/// cannot, NameKey is right to differ and stays as it is (stored indexes
/// depend on it): news spells `ض` d where the key has z; a `و` inside a
/// word that is a consonant (مروان "Marwan") is w, which the Latin key
/// drops; "Abdel", "Abdullah" and "Nasrallah" join or split words
/// differently from the Arabic; a few Latin spellings read otherwise
/// ("George", "Michael", "Ishaq"). `LatinNameTests.knownDisagreements`
/// lists them.
package enum LatinName {
    /// The usual Latin spelling of an Arabic-script person's name ("حسن كبرون" → "Hassan Kabroun",
    /// "عبد الفتاح البرهان" → "Abdel Fattah al-Burhan", "محمد بن سلمان" → "Mohammed bin Salman"),
    /// or nil when the text is not an Arabic-script name (Latin letters, digits, empty).
    package static func rendering(of arabic: String) -> String? {
        guard let words = words(of: arabic), !words.isEmpty else { return nil }
        var parts: [String] = []
        var k = 0
        while k < words.count {
            let word = words[k]
            let key = fold(word)
            let next = k + 1 < words.count ? words[k + 1] : nil
            k += 1
            switch key {
            case "عبد":
                guard let next else {
                    parts.append("Abd")
                    continue
                }
                k += 1
                parts.append(abd(next))
                continue
            case "ابو":
                parts.append("Abu")
                continue
            case "ابن":
                parts.append("Ibn")
                continue
            case "بن":
                parts.append("bin")
                continue
            case "بنت":
                parts.append("bint")
                continue
            case "الله":
                // Nasrallah, Fadlallah; alone, Allah.
                if let last = parts.last, !particles.contains(last) {
                    parts[parts.count - 1] = last + "allah"
                } else {
                    parts.append("Allah")
                }
                continue
            default:
                break
            }
            // عبدالفتاح, عبدالله written as one word.
            if key.hasPrefix("عبد"), lexicon[key] == nil, hasArticle(Array(word.dropFirst(3))) {
                parts.append(abd(Array(word.dropFirst(3))))
                continue
            }
            let part = render(word)
            if !part.isEmpty { parts.append(part) }
        }
        guard var name = parts.first else { return nil }
        // The particles and the article are lowercase, except to start the name.
        if name.hasPrefix("al-") || name == "bin" || name == "bint" {
            name = capitalised(name)
        }
        return ([name] + parts.dropFirst()).joined(separator: " ")
    }

    /// The parts that `الله` does not join.
    private static let particles: Set<String> = ["Abd", "Abu", "Ibn", "bin", "bint"]

    /// `عبد` and the word after it (`الله`, `الفتاح`, or, written as one
    /// word, what follows `عبد`).
    private static func abd(_ rest: [Unicode.Scalar]) -> String {
        switch fold(rest) {
        case "الله": return "Abdullah"
        case "الرحمن": return "Abdulrahman"
        default: break
        }
        let name = hasArticle(rest) ? core(Array(rest.dropFirst(2))) : core(rest)
        return name.isEmpty ? "Abd" : "Abdel " + name
    }

    /// One word: the lexicon's spelling, or the article and the rest, or the rules.
    private static func render(_ word: [Unicode.Scalar]) -> String {
        if let known = lexicon[fold(word)] { return known }
        if hasArticle(word) {
            let rest = core(Array(word.dropFirst(2)))
            return rest.isEmpty ? "" : "al-" + rest
        }
        return core(word)
    }

    /// A word without its article: the lexicon's spelling or the rules', capitalised.
    private static func core(_ word: [Unicode.Scalar]) -> String {
        capitalised(lexicon[fold(word)] ?? rules(word))
    }

    /// Whether the word starts with the article: a bare alef (not أ or إ,
    /// which start names such as إلهام and ألبرت) and lam, with at least two
    /// letters after them (as ``NameKey`` has it).
    private static func hasArticle(_ word: [Unicode.Scalar]) -> Bool {
        word.count > 3 && (word[0] == "\u{627}" || word[0] == "\u{671}") && word[1] == "\u{644}"
    }

    private static func capitalised(_ part: String) -> String {
        guard let first = part.first else { return part }
        return first.uppercased() + part.dropFirst()
    }

    // MARK: - Reading the text

    /// The words of Arabic letters, harakat and tatweel removed; nil when
    /// the text has a Latin letter or a digit.
    private static func words(of text: String) -> [[Unicode.Scalar]]? {
        var text = text
        // Presentation forms (U+FB50–FEFF) become the letters they show.
        if text.unicodeScalars.contains(where: { (0xFB50...0xFEFF).contains($0.value) }) {
            text = text.precomposedStringWithCompatibilityMapping
        }
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x30...0x39, 0x660...0x669, 0x6F0...0x6F9:
                return nil
            case 0x64B...0x65F, 0x670, 0x640:
                continue  // harakat, the superscript alef, tatweel
            default:
                break
            }
            switch Script(scalar) {
            case .latin:
                return nil
            case .arabic:
                word.append(scalar)
            case .other:
                if !word.isEmpty {
                    words.append(word)
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The lexicon's key of a word: alef forms as ا, ى as ي, ة as ه, the
    /// Persian ک and ی as ك and ي.
    static func fold(_ word: some Sequence<Unicode.Scalar>) -> String {
        var key = String.UnicodeScalarView()
        for scalar in word {
            switch scalar {
            case "\u{623}", "\u{625}", "\u{622}", "\u{671}": key.append("\u{627}")
            case "\u{649}", "\u{6CC}": key.append("\u{64A}")
            case "\u{629}": key.append("\u{647}")
            case "\u{6A9}": key.append("\u{643}")
            default: key.append(scalar)
            }
        }
        return String(key)
    }

    // MARK: - The rules

    private enum Unit: Equatable {
        /// A consonant and its Latin letters; `glottal` for ع and hamza,
        /// which are written as nothing, or as "a" closing a syllable.
        case consonant(String, glottal: Bool)
        case vowel(String)
    }

    /// The rule-based spelling of a word the lexicon does not have, lowercase.
    ///
    /// Letters: ب b, ت t, ث th, ج j, ح h, خ kh, د d, ذ dh, ر r, ز z, س s,
    /// ش sh, ص s, ض d, ط t, ظ z, غ gh, ف f, ق q, ك k, ل l, م m, ن n, ه h,
    /// پ p, چ ch, ژ zh, گ g, ڤ v; ع and hamza nothing (but "a" when they
    /// close a syllable: سعد "saad", جعفر "jaafar"; and a final ء after ا is
    /// "a": علاء "alaa"). Long vowels: ا a; و ou inside a word, o at its end,
    /// and w at its start, before ا and after ا, and "aw" before a final ي
    /// (موسوي "mousawi"); ي i, and y at the start, before ا و ة and after ا (then
    /// "ye" before a consonant: فايز "fayez"); ة and ى a (ة after ا is t);
    /// ؤ ou, ئ e; إ i and أ آ a at the start.
    ///
    /// Arabic writes no short vowels, so syllables are made of what is
    /// written: a consonant before a vowel starts a syllable; one after a
    /// vowel, before another consonant, closes it; a consonant that can do
    /// neither takes an "a" (كبرون "kabroun", not "kbroun"). A word that
    /// ends in two consonants gets an "a" between them (حسن "hasan"), except
    /// after ع or hamza ("saad").
    static func rules(_ word: [Unicode.Scalar]) -> String {
        let units = self.units(word)
        var out = ""
        // After a vowel (written or put in), and whether its syllable is closed.
        var afterVowel = false
        var closed = false
        var closedByGlottal = false
        var lastVowel = ""
        for (k, unit) in units.enumerated() {
            let next = k + 1 < units.count ? units[k + 1] : nil
            switch unit {
            case .vowel(let v):
                // Two of the same in a row (رؤوف) are one.
                if afterVowel, !closed, v == lastVowel { continue }
                out += v
                afterVowel = true
                closed = false
                lastVowel = v
            case .consonant(let c, let glottal):
                if case .vowel = next {
                    out += c  // starts a syllable
                    afterVowel = false
                    closed = false
                } else if afterVowel, !closed {
                    // Closes the syllable.
                    if glottal {
                        // A final hamza after ا is "a" (علاء "alaa"), else nothing.
                        out += next == nil ? (k > 0 && units[k - 1] == .vowel("a") ? "a" : "") : "a"
                    } else {
                        out += c
                    }
                    closed = true
                    closedByGlottal = glottal
                } else if next == nil {
                    // A final consonant after a closed syllable.
                    if closed, !closedByGlottal { out += "a" }
                    out += c
                    afterVowel = false
                } else {
                    // Between consonants: it takes a vowel.
                    out += c + "a"
                    afterVowel = true
                    closed = false
                    lastVowel = "a"
                }
            }
        }
        return out
    }

    /// The units of a word's letters.
    private static func units(_ w: [Unicode.Scalar]) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(w.count + 2)
        for k in w.indices {
            let letter = w[k]
            let previous = k > 0 ? w[k - 1] : nil
            let next = k + 1 < w.count ? w[k + 1] : nil
            let initial = k == 0
            let final = k + 1 == w.count
            func consonant(_ s: String) { units.append(.consonant(s, glottal: false)) }
            switch letter {
            case "\u{627}", "\u{671}":  // ا
                units.append(.vowel("a"))
            case "\u{623}":  // أ
                if initial { units.append(.vowel("a")) } else { units.append(.consonant("", glottal: true)) }
            case "\u{625}":  // إ
                if initial { units.append(.vowel("i")) } else { units.append(.consonant("", glottal: true)) }
            case "\u{622}":  // آ
                if !initial { units.append(.consonant("", glottal: true)) }
                units.append(.vowel("a"))
            case "\u{621}", "\u{639}":  // ء ع
                units.append(.consonant("", glottal: true))
            case "\u{624}":  // ؤ
                units.append(.vowel("ou"))
            case "\u{626}":  // ئ
                units.append(.vowel("e"))
            case "\u{629}":  // ة: a, but t after ا (حياة "hayat")
                if previous == "\u{627}" { consonant("t") } else { units.append(.vowel("a")) }
            case "\u{649}":  // ى
                units.append(.vowel("a"))
            case "\u{648}":  // و
                let consonantal =
                    initial || previous == "\u{627}" || isAlef(next)
                    || (next == "\u{64A}" && k + 2 == w.count)
                if consonantal {
                    // The nisba -awi (موسوي "mousawi", بدوي "badawi").
                    if !initial, previous != "\u{627}", next == "\u{64A}", k + 2 == w.count { units.append(.vowel("a")) }
                    consonant("w")
                } else {
                    units.append(.vowel(final ? "o" : "ou"))
                }
            case "\u{64A}", "\u{6CC}":  // ي
                if initial || isAlef(next) || next == "\u{648}" || next == "\u{629}" {
                    consonant("y")
                } else if previous == "\u{627}" {
                    consonant("y")
                    if next != nil { units.append(.vowel("e")) }
                } else {
                    units.append(.vowel("i"))
                }
            default:
                if let latin = consonants[letter] { consonant(latin) }
            }
        }
        return units
    }

    private static func isAlef(_ letter: Unicode.Scalar?) -> Bool {
        letter == "\u{627}" || letter == "\u{623}" || letter == "\u{622}"
    }

    private static let consonants: [Unicode.Scalar: String] = [
        "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
        "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
        "ک": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v",
        "ھ": "h", "ہ": "h",
    ]

    // MARK: - The lexicon

    /// The lexicon by folded key (``fold(_:)``); the first spelling of a key wins.
    static let lexicon: [String: String] = {
        var table: [String: String] = [:]
        for (arabic, latin) in entries where table[fold(arabic.unicodeScalars)] == nil {
            table[fold(arabic.unicodeScalars)] = latin
        }
        return table
    }()

    /// Given names and name parts with their usual spelling in English-language news.
    static let entries: [(String, String)] = [
        // Arabic given names, men.
        ("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("محمود", "Mahmoud"), ("مصطفى", "Mustafa"), ("علي", "Ali"),
        ("حسن", "Hassan"), ("حسين", "Hussein"), ("عبدالله", "Abdullah"), ("عبدالرحمن", "Abdulrahman"),
        ("خالد", "Khalid"), ("عمر", "Omar"), ("عثمان", "Othman"), ("يوسف", "Youssef"), ("إبراهيم", "Ibrahim"),
        ("إسماعيل", "Ismail"), ("إسحاق", "Ishaq"), ("يعقوب", "Yaqoub"), ("موسى", "Moussa"), ("عيسى", "Issa"),
        ("سليمان", "Suleiman"), ("داود", "Dawoud"), ("يحيى", "Yahya"), ("زكريا", "Zakaria"), ("أيوب", "Ayoub"),
        ("يونس", "Younis"), ("هارون", "Haroun"), ("نوح", "Nouh"), ("آدم", "Adam"), ("صالح", "Saleh"),
        ("سعيد", "Saeed"), ("سعد", "Saad"), ("سعود", "Saud"), ("سلمان", "Salman"), ("سلطان", "Sultan"),
        ("فيصل", "Faisal"), ("فهد", "Fahd"), ("نايف", "Nayef"), ("بندر", "Bandar"), ("طلال", "Talal"),
        ("وليد", "Walid"), ("خليل", "Khalil"), ("جمال", "Jamal"), ("كمال", "Kamal"), ("نبيل", "Nabil"),
        ("عادل", "Adel"), ("سامي", "Sami"), ("سمير", "Samir"), ("رامي", "Rami"), ("كريم", "Karim"),
        ("ماهر", "Maher"), ("مازن", "Mazen"), ("باسل", "Bassel"), ("باسم", "Bassem"), ("بسام", "Bassam"),
        ("هشام", "Hisham"), ("هاني", "Hani"), ("هادي", "Hadi"), ("حازم", "Hazem"), ("حاتم", "Hatem"),
        ("حمزة", "Hamza"), ("حمد", "Hamad"), ("حامد", "Hamed"), ("حميد", "Hamid"), ("محسن", "Mohsen"),
        ("مهدي", "Mahdi"), ("جعفر", "Jaafar"), ("عباس", "Abbas"), ("قاسم", "Qassem"), ("كاظم", "Kazem"),
        ("جواد", "Javad"), ("رضا", "Reza"), ("نوري", "Nouri"), ("منصور", "Mansour"), ("ناصر", "Nasser"),
        ("نصر", "Nasr"), ("زياد", "Ziad"), ("زيد", "Zaid"), ("زكي", "Zaki"), ("طارق", "Tarek"),
        ("طاهر", "Taher"), ("ياسر", "Yasser"), ("ياسين", "Yassin"), ("عمار", "Ammar"), ("عماد", "Emad"),
        ("عمرو", "Amr"), ("عامر", "Amer"), ("عدنان", "Adnan"), ("عزيز", "Aziz"), ("عصام", "Issam"),
        ("غسان", "Ghassan"), ("فادي", "Fadi"), ("فارس", "Fares"), ("فراس", "Firas"), ("فؤاد", "Fouad"),
        ("فايز", "Fayez"), ("فتحي", "Fathi"), ("فوزي", "Fawzi"), ("فريد", "Farid"), ("مجدي", "Majdi"),
        ("مراد", "Murad"), ("مروان", "Marwan"), ("معاذ", "Moaz"), ("معتز", "Moataz"), ("منذر", "Mundhir"),
        ("منير", "Mounir"), ("مؤمن", "Moamen"), ("نادر", "Nader"), ("نزار", "Nizar"), ("نضال", "Nidal"),
        ("هيثم", "Haitham"), ("وائل", "Wael"), ("وسام", "Wissam"), ("ربيع", "Rabie"), ("رائد", "Raed"),
        ("أنس", "Anas"), ("أسامة", "Osama"), ("أيمن", "Ayman"), ("إياد", "Iyad"), ("أشرف", "Ashraf"),
        ("أكرم", "Akram"), ("أمجد", "Amjad"), ("أنور", "Anwar"), ("إيهاب", "Ihab"), ("بشار", "Bashar"),
        ("بشير", "Bashir"), ("بلال", "Bilal"), ("توفيق", "Tawfiq"), ("ثامر", "Thamer"), ("جابر", "Jaber"),
        ("جاسم", "Jassim"), ("جلال", "Jalal"), ("جميل", "Jamil"), ("جهاد", "Jihad"), ("حافظ", "Hafez"),
        ("حسام", "Hossam"), ("حكمت", "Hikmat"), ("حيدر", "Haidar"), ("خلدون", "Khaldoun"), ("خليفة", "Khalifa"),
        ("راشد", "Rashed"), ("رشيد", "Rashid"), ("رفيق", "Rafiq"), ("رمزي", "Ramzi"), ("زهير", "Zuhair"),
        ("سالم", "Salem"), ("سامر", "Samer"), ("سليم", "Salim"), ("سهيل", "Suhail"), ("شادي", "Shadi"),
        ("شريف", "Sherif"), ("شكري", "Shukri"), ("صابر", "Saber"), ("صادق", "Sadiq"), ("صبري", "Sabri"),
        ("صفوت", "Safwat"), ("صلاح", "Salah"), ("ضياء", "Diaa"), ("عاطف", "Atef"), ("عاصم", "Assem"),
        ("عبيد", "Obeid"), ("عزت", "Ezzat"), ("عزام", "Azzam"), ("علاء", "Alaa"), ("عوض", "Awad"),
        ("غازي", "Ghazi"), ("فاروق", "Farouk"), ("فرج", "Faraj"), ("قصي", "Qusay"), ("لؤي", "Louay"),
        ("ماجد", "Majed"), ("مالك", "Malik"), ("مأمون", "Mamoun"), ("مجيد", "Majid"), ("مسعود", "Masoud"),
        ("مشعل", "Mishaal"), ("معن", "Maan"), ("مفيد", "Mufid"), ("ممدوح", "Mamdouh"), ("منتصر", "Muntasir"),
        ("مهند", "Muhannad"), ("موفق", "Muwaffaq"), ("نبيه", "Nabih"), ("نجيب", "Najib"), ("نعيم", "Naim"),
        ("نعمان", "Noman"), ("نهاد", "Nihad"), ("نواف", "Nawaf"), ("نور", "Nour"), ("همام", "Hammam"),
        ("وحيد", "Waheed"), ("يسري", "Yousri"), ("صدام", "Saddam"), ("قيس", "Qais"), ("لطفي", "Lotfi"),
        ("مصعب", "Musab"), ("هاشم", "Hashem"), ("مرزوق", "Marzouq"), ("تميم", "Tamim"), ("بدر", "Badr"),
        ("زايد", "Zayed"), ("طحنون", "Tahnoun"), ("حمدان", "Hamdan"), ("مكتوم", "Maktoum"), ("قابوس", "Qaboos"),
        ("أسعد", "Asaad"), ("رفعت", "Rifaat"), ("شوقي", "Shawqi"), ("حمدي", "Hamdi"), ("رشدي", "Rushdi"),
        ("فكري", "Fikri"), ("حلمي", "Helmy"), ("تركي", "Turki"), ("فرحان", "Farhan"), ("ناجي", "Naji"),
        ("مقتدى", "Muqtada"), ("رياض", "Riyadh"), ("مشاري", "Mishari"), ("سامح", "Sameh"), ("جبريل", "Jibril"),
        ("طه", "Taha"), ("برهان", "Burhan"), ("رمضان", "Ramadan"), ("فضل", "Fadl"), ("رضوان", "Radwan"),
        ("شعبان", "Shaaban"), ("عيد", "Eid"), ("عمران", "Imran"), ("إدريس", "Idris"), ("إلياس", "Elias"),
        ("أمير", "Amir"), ("سيف", "Saif"), ("أمين", "Amin"), ("شاكر", "Shaker"), ("حسان", "Hassan"),
        ("كامل", "Kamel"), ("أديب", "Adib"), ("بهاء", "Bahaa"), ("شهاب", "Shihab"), ("نجم", "Najm"),
        ("ميشال", "Michel"), ("بطرس", "Boutros"), ("حنا", "Hanna"), ("شربل", "Charbel"), ("أنطوان", "Antoine"),
        ("جبران", "Jubran"), ("وديع", "Wadih"), ("سمعان", "Semaan"),
        // Name parts after عبد, ال and before الدين.
        ("دين", "Din"), ("فتاح", "Fattah"), ("رحمن", "Rahman"), ("رحيم", "Rahim"), ("سلام", "Salam"),
        ("قادر", "Qader"), ("لطيف", "Latif"), ("ملك", "Malik"), ("باري", "Bari"), ("رزاق", "Razzaq"),
        ("حكيم", "Hakim"), ("غني", "Ghani"), ("جليل", "Jalil"), ("وهاب", "Wahab"), ("منعم", "Moneim"),
        ("حليم", "Halim"), ("ستار", "Sattar"), ("جبار", "Jabbar"), ("إله", "Ilah"), ("شيخ", "Sheikh"),
        // Women.
        ("فاطمة", "Fatima"), ("عائشة", "Aisha"), ("منى", "Mona"), ("هدى", "Huda"), ("ليلى", "Leila"),
        ("زينب", "Zainab"), ("مريم", "Maryam"), ("خديجة", "Khadija"), ("سارة", "Sara"), ("سلمى", "Salma"),
        ("رانيا", "Rania"), ("هالة", "Hala"), ("هند", "Hind"), ("ريم", "Reem"), ("دينا", "Dina"),
        ("رشا", "Rasha"), ("لينا", "Lina"), ("سعاد", "Souad"), ("سميرة", "Samira"), ("نادية", "Nadia"),
        ("نجلاء", "Najlaa"), ("نجوى", "Najwa"), ("وفاء", "Wafaa"), ("أمل", "Amal"), ("إيمان", "Iman"),
        ("آمنة", "Amna"), ("أسماء", "Asmaa"), ("رقية", "Ruqayya"), ("حنان", "Hanan"), ("سلوى", "Salwa"),
        ("سهى", "Suha"), ("سوسن", "Sawsan"), ("شيماء", "Shaimaa"), ("صفاء", "Safaa"), ("عبير", "Abeer"),
        ("علياء", "Alia"), ("غادة", "Ghada"), ("فدوى", "Fadwa"), ("لبنى", "Lubna"), ("مها", "Maha"),
        ("نسرين", "Nisreen"), ("نهى", "Noha"), ("نوال", "Nawal"), ("هبة", "Heba"), ("هيفاء", "Haifa"),
        ("ياسمين", "Yasmin"), ("رزان", "Razan"), ("جميلة", "Jamila"), ("سناء", "Sanaa"), ("سحر", "Sahar"),
        ("شيرين", "Shirin"), ("لطيفة", "Latifa"), ("ثريا", "Thuraya"), ("بشرى", "Bushra"), ("دلال", "Dalal"),
        ("روان", "Rawan"), ("ندى", "Nada"), ("أميرة", "Amira"), ("عزة", "Azza"), ("زهراء", "Zahraa"),
        ("نرجس", "Narges"), ("فرح", "Farah"), ("أمينة", "Amina"), ("شيخة", "Sheikha"), ("موزة", "Moza"),
        ("نورة", "Noura"), ("إلهام", "Elham"), ("كوثر", "Kawthar"), ("رحاب", "Rehab"), ("مهسا", "Mahsa"),
        // Persian and Turkish names and surnames as Arabic news writes them.
        ("روحاني", "Rouhani"), ("خامنئي", "Khamenei"), ("رئيسي", "Raisi"), ("ظريف", "Zarif"),
        ("مجتبى", "Mojtaba"), ("مرتضى", "Morteza"), ("باقر", "Baqer"), ("غلام", "Gholam"), ("بهرام", "Bahram"),
        ("داريوش", "Dariush"), ("فرهاد", "Farhad"), ("كامران", "Kamran"), ("جمشيد", "Jamshid"), ("بابك", "Babak"),
        ("كورش", "Kourosh"), ("فرزاد", "Farzad"), ("شاهين", "Shahin"), ("لاريجاني", "Larijani"),
        ("قاليباف", "Qalibaf"), ("ولايتي", "Velayati"), ("رجب", "Recep"), ("طيب", "Tayyip"), ("هاكان", "Hakan"),
        ("أردوغان", "Erdogan"),
        // Foreign given names as Arabic transliterates them.
        ("جون", "John"), ("جو", "Joe"), ("دونالد", "Donald"), ("مايك", "Mike"), ("مايكل", "Michael"),
        ("أنطونيو", "Antonio"), ("فيليب", "Philippe"), ("ماثيو", "Matthew"), ("إيمانويل", "Emmanuel"),
        ("فلاديمير", "Vladimir"), ("باراك", "Barack"), ("جورج", "George"), ("ديفيد", "David"), ("بوريس", "Boris"),
        ("توني", "Tony"), ("بيل", "Bill"), ("كامالا", "Kamala"), ("أولاف", "Olaf"), ("سيرغي", "Sergei"),
        ("ديمتري", "Dmitry"), ("ألكسندر", "Alexander"), ("فولوديمير", "Volodymyr"), ("يوري", "Yuri"),
        ("ماريا", "Maria"), ("بيتر", "Peter"), ("بول", "Paul"), ("جيمس", "James"), ("ويليام", "William"),
        ("ريتشارد", "Richard"), ("روبرت", "Robert"), ("مارك", "Mark"), ("توم", "Tom"), ("ستيفن", "Stephen"),
        ("كريستوفر", "Christopher"), ("نيكولا", "Nicola"), ("جان", "Jean"), ("بيير", "Pierre"), ("ماريو", "Mario"),
        ("بيدرو", "Pedro"), ("كارلوس", "Carlos"), ("شارل", "Charles"), ("لويد", "Lloyd"), ("جاك", "Jack"),
        ("نانسي", "Nancy"), ("هنري", "Henry"), ("إدوارد", "Edward"), ("دانيال", "Daniel"), ("أندرو", "Andrew"),
        ("ليز", "Liz"), ("جاستن", "Justin"), ("كير", "Keir"), ("ريشي", "Rishi"), ("إيلون", "Elon"),
        ("كيفن", "Kevin"), ("سكوت", "Scott"), ("أنتوني", "Anthony"), ("هيلاري", "Hillary"), ("ميخائيل", "Mikhail"),
        ("نيكولاي", "Nikolai"), ("فيكتور", "Viktor"), ("إيغور", "Igor"), ("أولغا", "Olga"), ("ناتاليا", "Natalia"),
        ("أورسولا", "Ursula"), ("ماركو", "Marco"), ("لوران", "Laurent"), ("أنجيلا", "Angela"),
    ]
}
