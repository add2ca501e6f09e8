/// The word lists the synthetic corpus is made of. Written for this
/// project: names, outlets, topics and places of the news the store is
/// built for, with their Arabic and Latin spellings, the cue verbs of each
/// stance in both languages, and the everyday words of news prose.
enum Lexicon {
    /// A person the news quotes by name.
    struct Person {
        var name: String
        var arabic: [String]  // full name first, then shorter forms
        var latin: [String]
        var roleAr: String
        var roleEn: String
        var female = false
        /// The stances this speaker leans to, and how much.
        var leaning: [(String, Double)] = []
    }

    static let persons: [Person] = [
        Person(
            name: "John Kirby", arabic: ["جون كيربي", "كيربي"], latin: ["John Kirby", "Kirby"],
            roleAr: "منسق الاتصالات الاستراتيجية في مجلس الأمن القومي الأميركي",
            roleEn: "the White House national security spokesman",
            leaning: [("decline", 3), ("concern", 2.5), ("warn", 2), ("confirm", 1.5)]),
        Person(
            name: "Nasser Kanaani", arabic: ["ناصر كنعاني", "كنعاني"], latin: ["Nasser Kanaani", "Kanaani"],
            roleAr: "المتحدث باسم الخارجية الإيرانية", roleEn: "the Iranian foreign ministry spokesman",
            leaning: [("deny", 5), ("condemn", 2), ("warn", 1.5)]),
        Person(
            name: "Dmitry Peskov", arabic: ["دميتري بيسكوف", "بيسكوف"], latin: ["Dmitry Peskov", "Peskov"],
            roleAr: "الناطق باسم الكرملين", roleEn: "the Kremlin spokesman",
            leaning: [("decline", 3), ("deny", 2.5)]),
        Person(
            name: "Volodymyr Zelensky", arabic: ["فولوديمير زيلينسكي", "زيلينسكي"], latin: ["Volodymyr Zelensky", "Zelensky"],
            roleAr: "الرئيس الأوكراني", roleEn: "Ukraine's president",
            leaning: [("accuse", 3), ("demand", 2.5), ("pledge", 1.5)]),
        Person(
            name: "Vladimir Putin", arabic: ["فلاديمير بوتين", "بوتين"], latin: ["Vladimir Putin", "Putin"],
            roleAr: "الرئيس الروسي", roleEn: "the Russian president", leaning: [("threaten", 3), ("pledge", 1.5)]),
        Person(
            name: "Abbas Araghchi", arabic: ["عباس عراقجي", "عراقجي"], latin: ["Abbas Araghchi", "Araghchi"],
            roleAr: "وزير الخارجية الإيراني", roleEn: "Iran's foreign minister", leaning: [("deny", 2.5), ("warn", 1.5)]),
        Person(
            name: "Antony Blinken", arabic: ["أنتوني بلينكن", "بلينكن"], latin: ["Antony Blinken", "Blinken"],
            roleAr: "وزير الخارجية الأميركي", roleEn: "the US secretary of state", leaning: [("accuse", 2), ("concern", 2)]),
        Person(
            name: "Sergei Lavrov", arabic: ["سيرغي لافروف", "لافروف"], latin: ["Sergei Lavrov", "Lavrov"],
            roleAr: "وزير الخارجية الروسي", roleEn: "Russia's foreign minister", leaning: [("accuse", 2), ("deny", 2)]),
        Person(
            name: "Ebrahim Raisi", arabic: ["إبراهيم رئيسي", "رئيسي"], latin: ["Ebrahim Raisi", "Raisi"],
            roleAr: "الرئيس الإيراني", roleEn: "the Iranian president", leaning: [("pledge", 2)]),
        Person(
            name: "Masoud Pezeshkian", arabic: ["مسعود بزشكيان", "بزشكيان"], latin: ["Masoud Pezeshkian", "Pezeshkian"],
            roleAr: "الرئيس الإيراني", roleEn: "Iran's president"),
        Person(
            name: "Ali Khamenei", arabic: ["علي خامنئي", "خامنئي"], latin: ["Ali Khamenei", "Khamenei"],
            roleAr: "المرشد الأعلى في إيران", roleEn: "Iran's supreme leader", leaning: [("condemn", 2), ("threaten", 2)]),
        Person(
            name: "Joe Biden", arabic: ["جو بايدن", "بايدن"], latin: ["Joe Biden", "Biden"],
            roleAr: "الرئيس الأميركي", roleEn: "the US president"),
        Person(
            name: "Donald Trump", arabic: ["دونالد ترامب", "ترامب"], latin: ["Donald Trump", "Trump"],
            roleAr: "الرئيس الأميركي", roleEn: "the US president", leaning: [("threaten", 2), ("demand", 1.5)]),
        Person(
            name: "Kyrylo Budanov", arabic: ["كيريلو بودانوف", "بودانوف"], latin: ["Kyrylo Budanov", "Budanov"],
            roleAr: "رئيس الاستخبارات العسكرية الأوكرانية", roleEn: "Ukraine's military intelligence chief",
            leaning: [("warn", 3)]),
        Person(
            name: "Ali Shamkhani", arabic: ["علي شمخاني", "شمخاني"], latin: ["Ali Shamkhani", "Shamkhani"],
            roleAr: "أمين المجلس الأعلى للأمن القومي الإيراني", roleEn: "the secretary of Iran's security council"),
        Person(
            name: "Nikolai Patrushev", arabic: ["نيكولاي باتروشيف", "باتروشيف"], latin: ["Nikolai Patrushev", "Patrushev"],
            roleAr: "أمين مجلس الأمن الروسي", roleEn: "the secretary of Russia's security council"),
        Person(
            name: "James Cleverly", arabic: ["جيمس كليفرلي", "كليفرلي"], latin: ["James Cleverly", "Cleverly"],
            roleAr: "وزير الخارجية البريطاني", roleEn: "the British foreign secretary", leaning: [("condemn", 3)]),
        Person(
            name: "Hanna Notte", arabic: ["هانا نوتي", "نوتي"], latin: ["Hanna Notte", "Notte"],
            roleAr: "الباحثة في شؤون الحد من التسلح", roleEn: "an arms control researcher", female: true),
        Person(
            name: "Nicole Grajewski", arabic: ["نيكول غراجيفسكي", "غراجيفسكي"], latin: ["Nicole Grajewski", "Grajewski"],
            roleAr: "الباحثة في العلاقات الروسية الإيرانية", roleEn: "a researcher on Russian-Iranian ties", female: true),
        Person(
            name: "Maria Zakharova", arabic: ["ماريا زاخاروفا", "زاخاروفا"], latin: ["Maria Zakharova", "Zakharova"],
            roleAr: "المتحدثة باسم الخارجية الروسية", roleEn: "the Russian foreign ministry spokeswoman", female: true,
            leaning: [("deny", 3), ("accuse", 2)]),
        Person(
            name: "Kaja Kallas", arabic: ["كايا كالاس", "كالاس"], latin: ["Kaja Kallas", "Kallas"],
            roleAr: "مسؤولة السياسة الخارجية في الاتحاد الأوروبي", roleEn: "the EU foreign policy chief", female: true,
            leaning: [("condemn", 2), ("demand", 2)]),
        Person(
            name: "Rafael Grossi", arabic: ["رافائيل غروسي", "غروسي"], latin: ["Rafael Grossi", "Grossi"],
            roleAr: "المدير العام للوكالة الدولية للطاقة الذرية", roleEn: "the head of the IAEA",
            leaning: [("concern", 3), ("demand", 1.5)]),
        Person(
            name: "Bashar al-Assad", arabic: ["بشار الأسد", "الأسد"], latin: ["Bashar al-Assad", "Assad"],
            roleAr: "الرئيس السوري", roleEn: "the Syrian president"),
        Person(
            name: "Recep Tayyip Erdogan", arabic: ["رجب طيب أردوغان", "أردوغان"], latin: ["Recep Tayyip Erdogan", "Erdogan"],
            roleAr: "الرئيس التركي", roleEn: "the Turkish president"),
    ]

    /// Organisations and unnamed sources: (name, kind, Arabic, Latin, feminine in Arabic).
    static let groups: [(name: String, kind: String, arabic: [String], latin: [String], female: Bool)] = [
        ("Kremlin", "org", ["الكرملين"], ["Kremlin", "the Kremlin"], false),
        ("White House", "org", ["البيت الأبيض"], ["White House"], false),
        ("Pentagon", "org", ["البنتاغون", "وزارة الدفاع الأميركية"], ["Pentagon"], false),
        ("Iranian Foreign Ministry", "org", ["الخارجية الإيرانية", "وزارة الخارجية الإيرانية"], ["Iranian Foreign Ministry"], true),
        ("US State Department", "org", ["الخارجية الأميركية"], ["State Department", "US State Department"], true),
        ("Russian Defence Ministry", "org", ["وزارة الدفاع الروسية"], ["Russian Defence Ministry"], true),
        ("IRGC", "org", ["الحرس الثوري"], ["IRGC", "Revolutionary Guards"], false),
        ("European Commission", "org", ["المفوضية الأوروبية"], ["European Commission"], true),
        ("G7", "org", ["مجموعة السبع"], ["G7", "Group of Seven"], true),
        ("IAEA", "org", ["الوكالة الدولية للطاقة الذرية"], ["IAEA"], true),
        ("unnamed US official", "anon", ["مسؤول أميركي"], ["a US official"], false),
        ("unnamed Iranian official", "anon", ["مسؤول إيراني"], ["an Iranian official"], false),
        ("unnamed Russian official", "anon", ["مسؤول روسي"], ["a Russian official"], false),
        ("unnamed Western diplomat", "anon", ["دبلوماسي غربي"], ["a Western diplomat"], false),
        ("informed sources", "anon", ["مصادر مطلعة"], ["informed sources"], true),
    ]

    /// News outlets: (name, Arabic type word, Arabic name, weight as a source).
    static let outlets: [(name: String, type: String, arabic: String, weight: Double)] = [
        ("Reuters", "وكالة", "رويترز", 8), ("AFP", "وكالة", "فرانس برس", 7), ("Associated Press", "وكالة", "أسوشيتد برس", 4),
        ("Al Jazeera", "قناة", "الجزيرة", 9), ("Al Arabiya", "قناة", "العربية", 7), ("BBC Arabic", "موقع", "بي بي سي عربي", 6),
        ("Sky News Arabia", "قناة", "سكاي نيوز عربية", 5), ("Asharq Al-Awsat", "صحيفة", "الشرق الأوسط", 6),
        ("Al-Quds Al-Arabi", "صحيفة", "القدس العربي", 4), ("Al-Ahram", "صحيفة", "الأهرام", 3),
        ("The New York Times", "صحيفة", "نيويورك تايمز", 3), ("The Washington Post", "صحيفة", "واشنطن بوست", 2),
        ("The Wall Street Journal", "صحيفة", "وول ستريت جورنال", 2), ("Financial Times", "صحيفة", "فايننشال تايمز", 2),
        ("The Guardian", "صحيفة", "الغارديان", 2), ("Foreign Policy", "مجلة", "فورين بوليسي", 2),
        ("Al-Monitor", "موقع", "المونيتور", 4), ("IRNA", "وكالة", "إرنا", 3), ("Tasnim", "وكالة", "تسنيم", 3),
        ("Fars", "وكالة", "فارس", 3), ("TASS", "وكالة", "تاس", 3), ("RIA Novosti", "وكالة", "ريا نوفوستي", 2),
        ("Interfax", "وكالة", "إنترفاكس", 2), ("Anadolu Agency", "وكالة", "الأناضول", 4), ("Xinhua", "وكالة", "شينخوا", 1),
        ("Deutsche Welle", "موقع", "دويتشه فيله", 3), ("Euronews", "قناة", "يورونيوز", 2), ("Sputnik", "وكالة", "سبوتنيك", 3),
        ("RT Arabic", "قناة", "روسيا اليوم", 4), ("Kyiv Independent", "صحيفة", "كييف إندبندنت", 1),
        ("Tehran Times", "صحيفة", "طهران تايمز", 2), ("Independent Arabia", "موقع", "إندبندنت عربية", 3),
    ]

    /// What statements are about: (name, Arabic phrases, English phrases).
    static let topics: [(name: String, arabic: [String], english: [String])] = [
        ("ballistic missiles", ["صواريخ باليستية", "الصواريخ الباليستية", "صواريخ بالستية"], ["ballistic missiles"]),
        ("drones", ["طائرات مسيرة", "الطائرات المسيرة", "المسيّرات", "طائرات بدون طيار"], ["drones", "unmanned aircraft"]),
        ("sanctions", ["العقوبات", "عقوبات جديدة", "العقوبات الغربية"], ["sanctions", "new sanctions"]),
        ("nuclear deal", ["الاتفاق النووي", "خطة العمل الشاملة المشتركة"], ["nuclear deal", "JCPOA"]),
        ("nuclear programme", ["البرنامج النووي", "الملف النووي"], ["nuclear programme"]),
        ("air defence", ["الدفاع الجوي", "منظومات الدفاع الجوي"], ["air defence", "air defence systems"]),
        ("military cooperation", ["التعاون العسكري", "الشراكة الدفاعية"], ["military cooperation", "defence partnership"]),
        ("arms shipments", ["شحنات الأسلحة", "الشحنات العسكرية"], ["arms shipments", "weapons deliveries"]),
        ("war in Ukraine", ["الحرب في أوكرانيا", "الحرب الروسية الأوكرانية"], ["war in Ukraine"]),
        ("trade", ["التبادل التجاري", "العلاقات الاقتصادية"], ["trade", "economic ties"]),
        ("satellite launch", ["إطلاق قمر اصطناعي", "القمر الاصطناعي"], ["satellite launch"]),
        ("escalation", ["التصعيد", "تصعيد التوترات"], ["escalation", "rising tensions"]),
        ("military aid", ["المساعدات العسكرية", "حزمة مساعدات"], ["military aid", "aid package"]),
        ("negotiations", ["المفاوضات", "استئناف المحادثات"], ["negotiations", "talks"]),
        ("ceasefire", ["وقف إطلاق النار", "الهدنة"], ["ceasefire", "truce"]),
        ("oil exports", ["صادرات النفط", "النفط الإيراني"], ["oil exports"]),
        ("uranium enrichment", ["تخصيب اليورانيوم", "اليورانيوم المخصب"], ["uranium enrichment", "enriched uranium"]),
        ("shipping", ["الملاحة البحرية", "السفن التجارية"], ["shipping", "merchant ships"]),
        ("human rights", ["حقوق الإنسان"], ["human rights"]),
        ("cyber attacks", ["الهجمات الإلكترونية", "هجمات سيبرانية"], ["cyber attacks"]),
        ("prisoner exchange", ["تبادل الأسرى"], ["prisoner exchange", "prisoner swap"]),
        ("energy infrastructure", ["البنية التحتية للطاقة", "محطات الكهرباء"], ["energy infrastructure", "power plants"]),
    ]

    /// Places: (name, Arabic, English, Arabic adjective masculine, feminine).
    static let places: [(name: String, arabic: [String], english: [String], adjM: String, adjF: String)] = [
        ("Iran", ["إيران", "طهران"], ["Iran", "Tehran"], "الإيراني", "الإيرانية"),
        ("Russia", ["روسيا", "موسكو"], ["Russia", "Moscow"], "الروسي", "الروسية"),
        ("Ukraine", ["أوكرانيا", "كييف"], ["Ukraine", "Kyiv"], "الأوكراني", "الأوكرانية"),
        ("United States", ["الولايات المتحدة", "واشنطن"], ["United States", "Washington"], "الأميركي", "الأميركية"),
        ("United Kingdom", ["بريطانيا", "لندن"], ["Britain", "London"], "البريطاني", "البريطانية"),
        ("European Union", ["الاتحاد الأوروبي", "بروكسل"], ["European Union", "Brussels"], "الأوروبي", "الأوروبية"),
        ("China", ["الصين", "بكين"], ["China", "Beijing"], "الصيني", "الصينية"),
        ("Israel", ["إسرائيل"], ["Israel"], "الإسرائيلي", "الإسرائيلية"),
        ("Syria", ["سوريا", "دمشق"], ["Syria", "Damascus"], "السوري", "السورية"),
        ("Iraq", ["العراق", "بغداد"], ["Iraq", "Baghdad"], "العراقي", "العراقية"),
        ("Turkey", ["تركيا", "أنقرة"], ["Turkey", "Ankara"], "التركي", "التركية"),
        ("Saudi Arabia", ["السعودية", "الرياض"], ["Saudi Arabia", "Riyadh"], "السعودي", "السعودية"),
        ("Yemen", ["اليمن", "صنعاء"], ["Yemen", "Sanaa"], "اليمني", "اليمنية"),
        ("Crimea", ["القرم", "شبه جزيرة القرم"], ["Crimea"], "", ""),
        ("Middle East", ["الشرق الأوسط"], ["Middle East"], "", ""),
        ("Strait of Hormuz", ["مضيق هرمز"], ["Strait of Hormuz"], "", ""),
    ]

    /// Name parts of generated people, (Arabic, Latin), by origin; each
    /// origin's countries are indices into `places`.
    struct Origin {
        var male: [(String, String)]
        var female: [(String, String)]
        var family: [(String, String)]
        var countries: [Int]
        var weight: Double
    }

    static let origins: [Origin] = [
        Origin(
            male: [
                ("محمد", "Mohammad"), ("أحمد", "Ahmad"), ("علي", "Ali"), ("حسن", "Hassan"), ("حسين", "Hossein"),
                ("رضا", "Reza"), ("مهدي", "Mehdi"), ("مجيد", "Majid"), ("سعيد", "Saeed"), ("حميد", "Hamid"),
                ("كريم", "Karim"), ("يوسف", "Youssef"), ("خالد", "Khaled"), ("عمر", "Omar"), ("طارق", "Tarek"),
                ("وليد", "Walid"), ("سامر", "Samer"), ("نبيل", "Nabil"), ("جمال", "Jamal"), ("فادي", "Fadi"),
            ],
            female: [
                ("مريم", "Maryam"), ("زينب", "Zeinab"), ("ليلى", "Leila"), ("سارة", "Sara"), ("نادية", "Nadia"),
                ("رنا", "Rana"), ("هدى", "Huda"), ("سلمى", "Salma"),
            ],
            family: [
                ("موسوي", "Mousavi"), ("حسيني", "Hosseini"), ("كريمي", "Karimi"), ("رحيمي", "Rahimi"),
                ("جعفري", "Jafari"), ("صادقي", "Sadeghi"), ("نوري", "Nouri"), ("باقري", "Bagheri"),
                ("منصور", "Mansour"), ("حداد", "Haddad"), ("عثمان", "Othman"), ("الخطيب", "al-Khatib"),
                ("الحسيني", "al-Husseini"), ("الشامي", "al-Shami"), ("العلي", "al-Ali"), ("ناصري", "Nasseri"),
                ("زماني", "Zamani"), ("قاسمي", "Ghasemi"), ("أميني", "Amini"), ("سليمان", "Suleiman"),
            ],
            countries: [0, 0, 0, 8, 9, 11, 12], weight: 45),
        Origin(
            male: [
                ("سيرغي", "Sergei"), ("أليكسي", "Alexei"), ("إيغور", "Igor"), ("أندريه", "Andrei"),
                ("ميخائيل", "Mikhail"), ("بافل", "Pavel"), ("أوليغ", "Oleg"), ("يفغيني", "Yevgeny"),
                ("بوريس", "Boris"), ("فيكتور", "Viktor"), ("أنطون", "Anton"), ("ماكسيم", "Maxim"),
            ],
            female: [
                ("إيلينا", "Elena"), ("أولغا", "Olga"), ("ناتاليا", "Natalia"), ("تاتيانا", "Tatiana"),
                ("إيرينا", "Irina"),
            ],
            family: [
                ("إيفانوف", "Ivanov"), ("سميرنوف", "Smirnov"), ("بوبوف", "Popov"), ("سوكولوف", "Sokolov"),
                ("موروزوف", "Morozov"), ("فولكوف", "Volkov"), ("نوفيكوف", "Novikov"), ("كوزلوف", "Kozlov"),
                ("ليبيديف", "Lebedev"), ("أورلوف", "Orlov"), ("بيليايف", "Belyaev"), ("زايتسيف", "Zaitsev"),
                ("فيدوروف", "Fedorov"), ("غوسيف", "Gusev"),
            ],
            countries: [1], weight: 18),
        Origin(
            male: [
                ("تاراس", "Taras"), ("بوهدان", "Bohdan"), ("ميكولا", "Mykola"), ("دميترو", "Dmytro"),
                ("أوليكسي", "Oleksiy"), ("فاسيل", "Vasyl"), ("ستيبان", "Stepan"), ("أوستاب", "Ostap"),
            ],
            female: [("أوكسانا", "Oksana"), ("أولينا", "Olena"), ("يوليا", "Yulia"), ("هالينا", "Halyna")],
            family: [
                ("شيفتشينكو", "Shevchenko"), ("كوفالينكو", "Kovalenko"), ("بوندارينكو", "Bondarenko"),
                ("ميلنيك", "Melnyk"), ("بويكو", "Boyko"), ("ليسينكو", "Lysenko"), ("تكاتشينكو", "Tkachenko"),
                ("سافتشينكو", "Savchenko"), ("موروز", "Moroz"), ("كرافتشوك", "Kravchuk"),
            ],
            countries: [2], weight: 15),
        Origin(
            male: [
                ("مايكل", "Michael"), ("ديفيد", "David"), ("روبرت", "Robert"), ("ريتشارد", "Richard"),
                ("توماس", "Thomas"), ("مارك", "Mark"), ("بيتر", "Peter"), ("ستيفن", "Stephen"), ("بول", "Paul"),
                ("أندرو", "Andrew"), ("دانيال", "Daniel"), ("فرانك", "Frank"), ("جورج", "George"), ("هنري", "Henry"),
            ],
            female: [
                ("إميلي", "Emily"), ("جينيفر", "Jennifer"), ("كاثرين", "Catherine"), ("لورا", "Laura"),
                ("ريبيكا", "Rebecca"), ("هيلين", "Helen"),
            ],
            family: [
                ("سميث", "Smith"), ("جونسون", "Johnson"), ("براون", "Brown"), ("ميلر", "Miller"),
                ("ويلسون", "Wilson"), ("تايلور", "Taylor"), ("أندرسون", "Anderson"), ("هاريس", "Harris"),
                ("كلارك", "Clark"), ("لويس", "Lewis"), ("ووكر", "Walker"), ("باركر", "Parker"),
                ("كولينز", "Collins"), ("بيل", "Bell"), ("فوستر", "Foster"), ("موريس", "Morris"),
                ("شميت", "Schmidt"), ("فيشر", "Fischer"), ("برنار", "Bernard"), ("دوبوا", "Dubois"),
            ],
            countries: [3, 3, 3, 4, 5], weight: 22),
    ]

    /// Roles of generated people: (Arabic masculine, Arabic feminine,
    /// English); `{M}`/`{F}` take a country adjective, `{C}` its English name.
    static let roles: [(String, String, String)] = [
        ("وزير الخارجية {M}", "وزيرة الخارجية {F}", "{C}'s foreign minister"),
        ("وزير الدفاع {M}", "وزيرة الدفاع {F}", "{C}'s defence minister"),
        ("المتحدث باسم الحكومة {F}", "المتحدثة باسم الحكومة {F}", "a government spokesman in {C}"),
        ("السفير {M} لدى الأمم المتحدة", "السفيرة {F} لدى الأمم المتحدة", "{C}'s ambassador to the United Nations"),
        ("النائب في البرلمان {M}", "النائبة في البرلمان {M}", "a member of parliament in {C}"),
        ("المسؤول {M} البارز", "المسؤولة {F} البارزة", "a senior official in {C}"),
        ("الخبير العسكري", "الخبيرة العسكرية", "a military analyst"),
        ("المحلل السياسي", "المحللة السياسية", "a political analyst"),
        ("الباحث في الشؤون الاستراتيجية", "الباحثة في الشؤون الاستراتيجية", "a strategic affairs researcher"),
    ]

    /// Cue verbs of each stance: Arabic (masculine, feminine) in the past
    /// tense, and English.
    static let cues: [String: (arabic: [(String, String)], english: [String])] = [
        "assert": ([("قال", "قالت"), ("أضاف", "أضافت"), ("أوضح", "أوضحت"), ("أشار", "أشارت")], ["said", "added", "explained"]),
        "confirm": ([("أكد", "أكدت"), ("شدد", "شددت")], ["confirmed", "affirmed"]),
        "deny": ([("نفى", "نفت"), ("أنكر", "أنكرت")], ["denied", "rejected claims"]),
        "decline": ([("امتنع", "امتنعت"), ("رفض", "رفضت")], ["declined to comment", "would not confirm"]),
        "warn": ([("حذر", "حذرت")], ["warned", "cautioned"]),
        "accuse": ([("اتهم", "اتهمت")], ["accused", "blamed"]),
        "condemn": ([("ندد", "نددت"), ("أدان", "أدانت"), ("استنكر", "استنكرت")], ["condemned", "denounced"]),
        "concern": ([("أعرب", "أعربت"), ("أبدى", "أبدت")], ["voiced concern", "expressed alarm"]),
        "demand": ([("طالب", "طالبت"), ("دعا", "دعت")], ["demanded", "called for", "urged"]),
        "threaten": ([("هدد", "هددت"), ("توعد", "توعدت")], ["threatened", "vowed retaliation"]),
        "pledge": ([("تعهد", "تعهدت"), ("وعد", "وعدت")], ["pledged", "promised"]),
        "admit": ([("اعترف", "اعترفت"), ("أقر", "أقرت")], ["admitted", "acknowledged"]),
        "report": ([("ذكر", "ذكرت"), ("أفاد", "أفادت"), ("نقل", "نقلت")], ["reported", "said in a report"]),
    ]

    static let stances = [
        "assert", "confirm", "deny", "decline", "warn", "accuse", "condemn", "concern", "demand",
        "threaten", "pledge", "admit", "report",
    ]
    /// How often each stance is taken by a speaker who is not an outlet.
    static let stanceWeights: [Double] = [30, 9, 8, 4, 9, 6, 5, 5, 7, 3, 4, 2, 0]

    /// Words that open a quotation, by stance.
    static let openersAr: [String: [String]] = [
        "assert": ["نحن نعمل على", "إن المرحلة الحالية تتطلب", "لدينا معلومات تفيد بأن"],
        "confirm": ["نؤكد أن", "نعم، وصلت", "تم بالفعل"],
        "deny": ["لا أساس لها من الصحة", "هذه الادعاءات كاذبة", "ننفي بشكل قاطع"],
        "decline": ["لا تعليق لدينا على", "لن أخوض في تفاصيل", "لا أستطيع تأكيد"],
        "warn": ["سيكون لذلك عواقب وخيمة", "نحذر من أن", "قد يؤدي ذلك إلى"],
        "accuse": ["تقف وراء", "متورطة في", "تتحمل المسؤولية عن"],
        "condemn": ["ندين بشدة", "انتهاك صارخ", "عمل مرفوض"],
        "concern": ["نشعر بقلق بالغ إزاء", "نتابع بقلق"],
        "demand": ["يجب وقف", "نطالب بـ", "على المجتمع الدولي أن"],
        "threaten": ["سنرد بحزم على", "لن نقف مكتوفي الأيدي أمام"],
        "pledge": ["سنواصل دعم", "نتعهد بتقديم", "لن نتخلى عن"],
        "admit": ["نعم، أرسلنا", "ارتكبنا أخطاء في"],
        "report": ["وفقا لمصادر مطلعة", "بحسب مسؤولين"],
    ]
    static let openersEn: [String: [String]] = [
        "assert": ["we are working on", "the situation now requires", "we have information that"],
        "confirm": ["we can confirm that", "yes, the delivery of", "it is true that"],
        "deny": ["these claims are baseless", "there is no truth to", "we categorically deny"],
        "decline": ["we have no comment on", "I will not go into", "I cannot confirm"],
        "warn": ["there will be serious consequences for", "we warn that", "this could lead to"],
        "accuse": ["they are behind", "they are responsible for"],
        "condemn": ["we strongly condemn", "a flagrant violation of"],
        "concern": ["we are deeply concerned about", "we are watching with alarm"],
        "demand": ["there must be an end to", "we demand"],
        "threaten": ["we will respond firmly to", "we will not stand idle over"],
        "pledge": ["we will keep supporting", "we pledge to provide"],
        "admit": ["yes, we sent", "mistakes were made in"],
        "report": ["according to informed sources", "officials said"],
    ]

    /// Everyday words of Arabic news prose (bare forms; clitics, the article
    /// and spelling variants are added by the generator).
    static let arabicWords: [String] = """
        في من على إلى أن إن مع عن بين التي الذي هذه هذا لا لم لن ما لكن قد ذلك حتى بعد قبل خلال منذ كما حيث إذا \
        أي كل بل هو هي نحن أيضا الآن ضد نحو عبر دون وسط مثل غير أكثر أقل جديدة جديد كبير كبيرة \
        الحرب الصراع الأزمة الحكومة الرئيس الوزير الوزارة الخارجية الدفاع الأمن المجلس البرلمان الجيش القوات \
        الصواريخ الطائرات الأسلحة الذخائر العقوبات الاتفاق المفاوضات المحادثات العلاقات التعاون الشراكة الدعم \
        المساعدات التقارير المعلومات المصادر المسؤولون الخبراء المحللون الدبلوماسيون الصحفيين التصريحات البيان \
        المؤتمر الاجتماع الزيارة القمة الوفد العاصمة المنطقة الحدود الجبهة الهجوم الهجمات القصف الضربات \
        الدولية الإقليمية العسكرية الاقتصادية السياسية النووية الاستراتيجية الجوية البحرية الأمنية \
        اليوم الأسبوع الشهر العام الماضي المقبل الأخيرة الأولى الثانية السابق الحالي \
        يوم أسبوع شهر عام مسؤول مسؤولة مصدر مصادر تقرير تقارير بيان صحيفة وكالة قناة موقع \
        قال قالت أكد أكدت أضاف أضافت أشار أشارت أعلن أعلنت كشف كشفت نقل نقلت ذكر ذكرت \
        يجري تجري يعمل تعمل يسعى تسعى يمكن يجب تستمر يستمر تواصل يواصل تشهد يشهد \
        إرسال تزويد تسليم نقل إنتاج تطوير تعزيز توسيع وقف استئناف فرض رفع \
        روسيا إيران أوكرانيا طهران موسكو كييف واشنطن الغرب الشرق أوروبا \
        مليون مليار دولار نسبة المئة عدد مئات آلاف عشرات \
        مرحلة خطوة مستوى إطار سياق ظل بشأن إزاء تجاه وفق بحسب نتيجة بسبب رغم \
        قوية واضحة كاملة مباشرة سريعة خطيرة محتملة متزايدة واسعة مشتركة \
        مسيرة مسيرات باليستية بالستية منظومة منظومات شحنة شحنات صفقة صفقات \
        اتهامات ادعاءات مزاعم مخاوف قلق تهديد تهديدات تحذير تحذيرات ضمانات التزامات
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Particles: they take و and ف but never the article.
    static let particles: Set<String> = [
        "في", "من", "على", "إلى", "أن", "إن", "مع", "عن", "بين", "التي", "الذي", "هذه",
        "هذا", "لا", "لم", "لن", "ما", "لكن", "قد", "ذلك", "حتى", "بعد", "قبل", "خلال",
        "منذ", "كما", "حيث", "إذا", "أي", "كل", "بل", "هو", "هي", "نحن", "أيضا", "الآن",
        "ضد", "نحو", "عبر", "دون", "وسط", "مثل", "غير",
    ]

    static let englishWords: [String] = """
        the the the of of to to in in and and a a on for with that that by from at as is was were has have had \
        will would could not after before during since amid over under against between about into \
        government minister ministry officials official president country countries war conflict crisis forces \
        army troops missiles drones weapons ammunition sanctions deal agreement talks negotiations relations \
        cooperation partnership support aid reports information sources experts analysts diplomats journalists \
        statement conference meeting visit summit delegation capital region border front attack attacks strikes \
        international regional military economic political nuclear strategic naval security \
        week month year last next recent first second former current new major serious growing wide joint \
        delivery deliveries production development expansion pressure threat threats warning warnings concerns \
        million billion dollars percent hundreds thousands dozens step level framework context \
        strong clear direct rapid dangerous possible increasing Tehran Moscow Kyiv Washington Europe West \
        ballistic launchers shipment shipments systems claims allegations guarantees commitments
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let weekdaysAr = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    static let weekdaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let connectorsAr = ["وفي الوقت نفسه، ", "من جهة أخرى، ", "وفي سياق متصل، ", "إلى ذلك، ", "في المقابل، "]
    static let connectorsEn = ["Meanwhile, ", "In a separate development, ", "At the same time, ", "However, "]
}
