import IsnadText

/// What words in what was said tell of its stance, whatever verb carried
/// it: "the reports are baseless" is a denial after "said" as after
/// "denied", and "ارتكبت مجازر" an accusation after قال.
///
/// Words are written as news writes them, in both languages. A single word
/// is matched by its stem, so one entry stands for its inflections
/// ("violated", "violations"; "الانتهاكات", "وانتهاكاتها"); a word whose
/// stem is too short to mean one thing (ندين stems to ند), and every phrase
/// of several words, is matched word for word, each word with or without a
/// leading و, ف or ب; so is a word written "=word", whose stem would
/// match words of other meanings.
enum StanceSignal: Int, CaseIterable, Sendable {
    /// "could not comment", "لا تعليق".
    case decline
    /// "baseless", "عار عن الصحة", "we did not".
    case denial
    /// Harm the speaker's side will do: "we will respond", "سنرد".
    case threat
    /// "must", "يجب", "we call on".
    case demand
    /// A judgement on an act: "unacceptable", "انتهاك للسيادة".
    case condemnation
    /// Another party's wrongdoing: "committed massacres", "تزوير".
    case wrongdoing
    /// Worry or regret: "concerned", "بأسف".
    case concern
    /// What the speaker's side will do: "will continue", "سنعمل", "ملتزمون".
    case commitment
    /// Dangers and consequences from others or circumstances: "عواقب".
    case danger
    /// "we made a mistake", "نعترف".
    case admission

    /// The stance the signal gives.
    var stance: String {
        switch self {
        case .decline: "decline"
        case .denial: "deny"
        case .threat: "threaten"
        case .demand: "demand"
        case .condemnation: "condemn"
        case .wrongdoing: "accuse"
        case .concern: "concern"
        case .commitment: "pledge"
        case .danger: "warn"
        case .admission: "admit"
        }
    }

    /// How `.explain` names it.
    var label: String {
        switch self {
        case .decline: "a refusal to comment"
        case .denial: "a denial"
        case .threat: "harm the speaker's side will do"
        case .demand: "a demand"
        case .condemnation: "a condemnation"
        case .wrongdoing: "wrongdoing by another party"
        case .concern: "concern or regret"
        case .commitment: "a commitment of the speaker's side"
        case .danger: "a danger or its consequences"
        case .admission: "an admission"
        }
    }
}

enum StanceLexicon {
    /// Each signal's words and phrases.
    static let entries: [(StanceSignal, [String])] = [
        (
            .decline,
            [
                "لا تعليق", "لم يعلق", "لم تعلق", "لا نعلق", "لا تعلق", "لا يعلق", "رفض التعليق", "رفضت التعليق", "امتنع عن التعليق",
                "لا أستطيع تأكيد", "لا يمكنني تأكيد", "لا نستطيع تأكيد", "لا يمكننا تأكيد", "لم يتسن التأكد",
                "no comment", "could not comment", "cannot comment", "can't comment", "would not comment",
                "declined to comment", "declined to say", "would not say", "cannot confirm", "can't confirm",
                "could not confirm", "not in a position to", "too early to say", "would not elaborate",
                "لن أعلق", "لن نعلق", "لن يعلق", "لن تعلق", "لا داعي للرد", "لا تستدعي أي رد", "لم يحدد", "لم تحدد",
                "دون أن يحدد", "دون الكشف", "not going to detail", "not going to comment", "not going to discuss",
                "will not comment", "won't comment", "gave no further details", "did not elaborate", "did not specify",
                "would not be making", "no further comment",
            ]
        ),
        (
            .denial,
            [
                // Arabic
                "لا صحة", "عار عن الصحة", "عارية عن الصحة", "عار من الصحة", "عارية من الصحة", "غير صحيح",
                "غير صحيحة", "ليس صحيحا", "غير دقيق", "غير دقيقة", "لا أساس له", "لا أساس لها", "لا أساس",
                "أكاذيب", "أكذوبة", "كذب", "كاذب", "كاذبة", "باطل", "باطلة", "افتراء", "افتراءات", "مفبرك",
                "مفبركة", "فبركة", "ملفق", "ملفقة", "محض", "هراء", "لا علاقة له", "لا علاقة لها", "لا علاقة لنا",
                "ليس له علاقة", "ليست لها علاقة", "لا صلة له", "لا صلة لها", "لم يحدث", "لم تحدث", "لم يحصل",
                "لا يوجد", "لا وجود", "ليست مطروحة", "ليس مطروحا", "شائعات", "الشائعات", "تضليل", "مضللة",
                "ننفي", "ينفي", "تنفي", "نفي", "نرفض الاتهامات", "يرفض الاتهامات", "ترفض الاتهامات",
                "لم نرسل", "لم ترسل", "لم نقدم", "لم تقدم", "لم نقم", "لم تقم", "لم يكن قط", "لم تكن قط",
                // English
                "baseless", "unfounded", "groundless", "untrue", "not true", "false", "falsehood", "lies",
                "fabricated", "fabrication", "fabrications", "no truth", "no basis", "nothing to do with",
                "did not occur", "never happened", "did not happen", "innocent", "innocence", "not guilty",
                "no evidence", "categorically", "fake news", "misinformation", "disinformation", "rumours",
                "rumors", "smear campaign", "we did not", "we didn't", "we have not", "we haven't", "we never",
                "we don't", "we do not", "i did not", "i didn't", "i never", "not involved", "no role", "denies", "deny", "denied",
                "لا إثبات", "لا دليل",
                "لا أدلة", "no proof", "ليس مرتبطا", "غير مرتبط", "لا يرتبط", "not linked", "unrelated", "=wrong",
                "=رفضه", "=رفضها", "=رفضهم", "=رفضنا", "=rejection", "did not take part", "لم يشارك", "لم تشارك",
                "لم نشارك",
            ]
        ),
        (
            .threat,
            [
                "سنرد", "سيرد", "سترد", "نتوعد", "يتوعد", "تتوعد", "توعد", "الرد المناسب", "ردا حاسما",
                "رد حاسم", "ردا قاسيا", "رد قاس", "الرد الحاسم", "والمكان المناسبين", "لن نسمح",
                "لن نقف مكتوفي الأيدي", "مستعدون للرد", "جاهزون للرد", "ثمنا باهظا", "الثمن غاليا", "سيدفع الثمن",
                "ستدفع الثمن", "بيد من حديد", "سنضرب", "سنستهدف", "سنصعد", "سنلاحق", "سنتخذ إجراء",
                "إجراء حاسما", "إجراءات حاسمة", "صبرنا", "ستتحمل", "سيتحمل", "عواقب وخيمة", "لن نتردد", "سوف نتخذ", "فسوف نتخذ", "سنتخذ",
                "بحزم", "إجراء حاسم",
                "will respond", "will retaliate", "retaliate", "retaliation", "will pay", "pay a heavy price",
                "pay a price", "necessary actions", "necessary measures", "options are on the table", "countermeasures",
                "ready to defend", "prepared for further action", "will not tolerate", "will not stand idly",
                "our patience", "will face", "severe response", "decisive response", "will be punished",
                "will hunt", "will crush", "will strike", "will target", "will not hesitate", "will remain isolated",
                "do not expect", "should not bet",
            ]
        ),
        (
            .demand,
            [
                "يجب", "ينبغي", "لا بد", "لابد", "يتعين", "=ضرورة", "=الضروري", "نطالب", "يطالب", "تطالب",
                "=مطالبا", "=مطالبة", "ندعو", "يدعو", "تدعو", "=داعيا", "=داعية", "نحث", "يحث", "تحث", "نناشد",
                "يناشد", "تناشد", "طلب من", "طلبت من", "=أهمية",
                "must", "should", "urge", "urges", "urged", "we call on", "calls on", "called on", "call on",
                "=demand", "=demands", "=demanded", "need to", "needs to", "is necessary", "imperative",
                "wants him to", "wants them to", "wants mr", "we need", "need is for", "المطلوب أن", "أدعو", "نريد من",
                "asked them to", "appeal to", "appealed to",
            ]
        ),
        (
            .condemnation,
            [
                "ندين", "ندين بشدة", "أدان", "أدانت", "إدانة", "ادانة", "ندد", "نندد", "أندد", "يندد", "تندد",
                "نستنكر", "يستنكر", "تستنكر", "استنكار", "نشجب", "شجب", "مشين", "مشينة", "مستفز", "مستفزة",
                "استفزازي", "استفزازية", "استعراضية", "غير مسؤول", "غير مسؤولة", "غير مقبول", "غير مقبولة",
                "لا يمكن القبول", "لا يمكن قبوله", "مرفوض", "مرفوضة", "انتهاك للسيادة", "انتهاكا للسيادة",
                "انتهاك لسيادة", "انتهاكا لسيادة", "انتهاك صارخ", "انتهاكا صارخا", "عملا حربيا", "عدوان", "العدوان",
                "دنيئة", "الدنيئة", "مدان", "تلحق ضررا", "يلحق ضررا", "تلحق الضرر", "يلحق الضرر", "همجي", "همجية", "وحشي", "وحشية", "بربري",
                "بربرية", "جبان", "جبانة", "غاشم", "سافر", "سافرة",
                "فاشل", "فاشلة", "لا إنساني", "غير إنساني", "غير شرعي", "غير شرعية", "غير قانوني", "غير قانونية",
                "condemn", "condemns", "condemned", "condemnation", "denounce", "denounced", "deplore", "deplored",
                "outrageous", "unacceptable", "appalling", "shameful", "disgraceful", "disgrace", "illegal",
                "unlawful", "provocation", "provocative", "charade", "nonsense", "anti-democratic", "repression",
                "barbaric", "heinous", "act of war", "violation of sovereignty", "unjustified", "irresponsible",
                "reckless", "step too far", "unwise", "dark joke", "outrage", "abhorrent", "deplorable",
                "cowardly", "hypocrisy", "hypocritical", "grave violation", "serious violation", "flagrant violation",
                "انتهاك خطير", "انتهاكا خطيرا", "انتهاك فاضح", "انتهاكا فاضحا", "incensed", "outraged", "angered", "inappropriate",
                "falls short", "fall short", "غضبا", "استياء", "سخط", "does not meet", "fails to", "failed to",
            ]
        ),
        (
            .wrongdoing,
            [
                "ارتكب", "ارتكبت", "ارتكاب", "انتهاكات", "خروقات", "خرق", "مجزرة", "مجازر", "جرائم", "اعتداءات", "اعتداء", "تزوير", "سرقة",
                "نهب", "الغدر", "الخيانة", "تحريض", "بتحريض", "عرقلة",
                "يعرقل", "تعرقل", "يعيق", "تعيق", "يماطل", "المماطلة", "اغتيال", "تعذيب", "تواطؤ", "تلاعب",
                "فساد", "ميليشيا", "مليشيا", "متمردة", "المتمردة", "خارجة عن القانون",
                "الاحتلال", "احتلال", "المسؤول عن", "المسؤولة عن", "يتحمل المسؤولية", "تتحمل المسؤولية",
                "تقف وراء", "يقف وراء", "ملطخة", "ادعاءات", "مزاعم", "دعاية", "تهريب", "قمع",
                "اختطاف", "حصار", "تجويع", "تهجير", "إبادة", "التطهير", "قصف", "استهداف المدنيين",
                "committed", "violation", "violations", "violated", "massacre", "massacres", "crimes", "atrocities",
                "fraud", "rigged", "rigging", "stole", "stolen", "looted", "looting", "obstructing", "obstruction",
                "blocking", "=destroying", "assassinated", "assassination", "tortured", "torture", "beaten",
                "beat", "abuse", "abused", "smear", "blame", "responsible for", "behind the attack", "meddling",
                "interference", "incitement", "terrorist", "occupation", "illegally",
                "harassment", "intimidation", "killed", "killing", "fired at", "struck",
                "shelled", "bombed", "=targeted", "=targeting", "=attacked", "attacks on", "attack on", "invaded",
                "kidnapped", "misconduct", "wrongdoing", "seized", "pressure on", "scapegoat", "propaganda", "lie", "big lie",
                "=هاجم", "=هاجمت", "=هاجموا", "=مهاجمة", "=لمهاجمة", "يفشل", "إفشال", "بصمات", "مؤامرة", "مؤامرات", "تؤجج",
                "تأجيج", "تشن حربا", "يشن حربا", "حربا غير مباشرة", "فاسدة", "=إساءات", "=الإساءات", "تخريبي", "تخريب",
                "محاولة طعن", "أطلقوا النار على", "أطلق النار على", "أطلقت النار على", "فتحوا النار على", "فتح النار على",
                "accused of", "suspected of", "fired on", "footprints", "fingerprints", "conspiracy", "sabotage",
                "enemies", "playing politics", "dodgy", "milking", "hit by",
            ]
        ),
        (
            .concern,
            [
                "قلق", "القلق", "بالقلق", "قلقون", "مخاوف", "نأسف", "بأسف", "للأسف", "أسف", "الأسف",
                "مؤسف", "مؤسفة", "يؤسفنا", "نعرب عن", "حزن", "بالغ الحزن",
                "concern", "concerned", "worried", "worry", "alarmed", "=troubled", "regret",
                "regrets", "saddened", "dismayed", "unfortunately",
            ]
        ),
        (
            .commitment,
            [
                "سنعمل", "ستعمل", "سنواصل", "سنقدم", "ستقدم", "سنفرض", "ستفرض", "نتعهد", "تعهد", "ملتزمون",
                "ملتزمة", "مستعدون", "مستعد", "مستعدة", "=استعداد",
                "=استعدادها", "=استعداده", "جاهزية", "جاهزيتها", "لن ندخر جهدا", "لن تدخر جهدا", "لن يدخر جهدا",
                "حزمة مساعدات", "سنبذل", "ستبذل", "حالة القوة القاهرة", "ستواصل",
                "will continue", "will work", "will provide", "will appeal", "would appeal", "will launch",
                "will send", "will help", "committed to", "commitment", "remain committed", "we will", "i will",
                "ready to", "look forward to working", "look forward to", "looks forward to", "planned to",
                "تتعهد", "نتعهد", "يتعهد", "يلتزم", "تلتزم", "نلتزم", "will seek", "=launching", "=launched", "intends to", "plans to",
                "will fix", "fix it", "will investigate", "inquiry", "sanctions", "aid package",
            ]
        ),
        (
            .danger,
            [
                "خطر", "خطورة", "مخاطر", "خطير", "خطيرة", "عواقب", "تداعيات", "كارثة", "كارثي", "كارثية",
                "يهدد", "تهدد", "تهديد", "تصعيد", "انفجار", "مجاعة",
                "danger", "dangerous", "risk", "risks", "threat to", "consequences", "catastrophe", "catastrophic",
                "could lead", "may lead", "escalation", "famine", "disaster", "playing with fire", "deteriorating",
                "deterioration", "untenable", "death sentence", "dire", "تدهور", "يقوض", "تقويض", "أصعب",
            ]
        ),
        (
            .admission,
            [
                "نعترف", "أخطأنا", "ارتكبنا خطأ", "we made a mistake", "we were wrong", "admit", "admitted",
                "our fault", "we regret",
            ]
        ),
    ]

    /// The analyzer the stems are made with: the index's.
    static let stemmer = Analyzer()
    private static let forms = Analyzer(stemming: false)

    /// Single words by stem, and the phrases (and words whose stem says too
    /// little) word for word.
    static let (stems, phrases): (WordMap<StanceSignal>, PhraseTable) = {
        var stems = WordMap<StanceSignal>()
        var groups = [[String]](repeating: [], count: StanceSignal.allCases.count)
        for (signal, list) in entries {
            for text in list {
                // "=word": this form only, not every word of its stem
                // ("=أهمية", whose stem is أهم, "most important").
                let exact = text.hasPrefix("=")
                let words = forms.tokens(in: exact ? String(text.dropFirst()) : text)
                if !exact, words.count == 1, let stem = stem(of: words[0].form), stems[stem] == nil {
                    stems[stem] = signal
                } else {
                    groups[signal.rawValue].append(exact ? String(text.dropFirst()) : text)
                }
            }
        }
        return (stems, PhraseTable(groups))
    }()

    /// A word's stem when it is long enough to be looked up alone: three
    /// Arabic letters, four Latin ones.
    static func stem(of form: String) -> [UInt8]? {
        guard let term = stemmer.tokens(in: form).first?.term else { return nil }
        let latin = term.unicodeScalars.first.map { $0.value < 0x80 } ?? true
        guard term.count >= (latin ? 4 : 3) else { return nil }
        return Array(term.utf8)
    }

    /// The signal a single word gives by its stem, also without a leading
    /// ب, ل or ك the stemmer keeps ("بانتهاكات").
    static func signal(ofWord key: [UInt8]) -> StanceSignal? {
        let form = String(decoding: key, as: UTF8.self)
        if let signal = lookUp(form) { return signal }
        // The accusative's alif ("تصعيدا", "خطيرا"), which light stemming keeps.
        let n = key.count
        if n > 8, key[n - 2] == 0xD8, key[n - 1] == 0xA7, key[0] >= 0xD8,
            let signal = lookUp(String(decoding: key[0..<(n - 2)], as: UTF8.self))
        {
            return signal
        }
        guard key.count > 6, let first = form.unicodeScalars.first, "بلك".unicodeScalars.contains(first) else { return nil }
        return lookUp(String(form.unicodeScalars.dropFirst()))
    }

    /// The signal of a word's stem, with no String made for the stem (this
    /// runs for every distinct word an ingest meets).
    private static func lookUp(_ form: String) -> StanceSignal? {
        var found: StanceSignal?
        stemmer.forEachWord(in: form) { term, _ in
            guard found == nil, let first = term.first else { return }
            let letters = PlainForm.characterCount(term) ?? String(decoding: term, as: UTF8.self).count
            guard letters >= (first < 0x80 ? 4 : 3) else { return }
            found = stems[term]
        }
        return found
    }

    /// Whether a word may give a signal alone or start a phrase that does
    /// (``WordFlags/stance``).
    static func mayMatter(_ key: [UInt8]) -> Bool {
        signal(ofWord: key) != nil || phrases.mayStart(key)
    }
}
