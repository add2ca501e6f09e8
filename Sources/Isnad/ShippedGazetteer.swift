// swift-format-ignore-file
// Made from Resources/gazetteer.jsonl by `make gazetteer`: edit that file, then run it.

/// The default gazetteer, one JSON entity per line, compiled in.
let shippedGazetteer = #"""
{"name": "Iran", "kind": "country", "aliases_ar": ["إيران", "ايران", "الجمهورية الإسلامية", "الجمهورية الإسلامية الإيرانية", "الحكومة الإيرانية"], "aliases_en": ["Iran", "Islamic Republic", "Iranian government"]}
{"name": "Russia", "kind": "country", "aliases_ar": ["روسيا", "روسيا الاتحادية", "الاتحاد الروسي", "الحكومة الروسية"], "aliases_en": ["Russia", "Russian Federation", "Russian government"]}
{"name": "Ukraine", "kind": "country", "aliases_ar": ["أوكرانيا", "اوكرانيا", "الحكومة الأوكرانية"], "aliases_en": ["Ukraine", "Ukrainian government"]}
{"name": "United States", "kind": "country", "aliases_ar": ["الولايات المتحدة", "الولايات المتحدة الأميركية", "الولايات المتحدة الأمريكية", "أميركا", "أمريكا"], "aliases_en": ["United States", "United States of America", "US", "USA", "America"]}
{"name": "United Kingdom", "kind": "country", "aliases_ar": ["بريطانيا", "المملكة المتحدة"], "aliases_en": ["United Kingdom", "UK", "Britain"]}
{"name": "China", "kind": "country", "aliases_ar": ["الصين"], "aliases_en": ["China"]}
{"name": "North Korea", "kind": "country", "aliases_ar": ["كوريا الشمالية", "كوريا الديمقراطية"], "aliases_en": ["North Korea", "DPRK"]}
{"name": "South Korea", "kind": "country", "aliases_ar": ["كوريا الجنوبية"], "aliases_en": ["South Korea"]}
{"name": "Israel", "kind": "country", "aliases_ar": ["إسرائيل", "اسرائيل"], "aliases_en": ["Israel"]}
{"name": "Saudi Arabia", "kind": "country", "aliases_ar": ["السعودية", "المملكة العربية السعودية"], "aliases_en": ["Saudi Arabia"]}
{"name": "UAE", "kind": "country", "aliases_ar": ["الإمارات", "الإمارات العربية المتحدة"], "aliases_en": ["UAE", "United Arab Emirates"]}
{"name": "Qatar", "kind": "country", "aliases_ar": ["قطر"], "aliases_en": ["Qatar"]}
{"name": "Kuwait", "kind": "country", "aliases_ar": ["الكويت"], "aliases_en": ["Kuwait"]}
{"name": "Bahrain", "kind": "country", "aliases_ar": ["البحرين"], "aliases_en": ["Bahrain"]}
{"name": "Oman", "kind": "country", "aliases_ar": ["سلطنة عمان", "عمان"], "aliases_en": ["Oman"]}
{"name": "Syria", "kind": "country", "aliases_ar": ["سوريا", "سورية"], "aliases_en": ["Syria"]}
{"name": "Iraq", "kind": "country", "aliases_ar": ["العراق"], "aliases_en": ["Iraq"]}
{"name": "Lebanon", "kind": "country", "aliases_ar": ["لبنان"], "aliases_en": ["Lebanon"]}
{"name": "Yemen", "kind": "country", "aliases_ar": ["اليمن"], "aliases_en": ["Yemen"]}
{"name": "Turkey", "kind": "country", "aliases_ar": ["تركيا"], "aliases_en": ["Turkey", "Türkiye"]}
{"name": "Egypt", "kind": "country", "aliases_ar": ["مصر"], "aliases_en": ["Egypt"]}
{"name": "Jordan", "kind": "country", "aliases_ar": ["الأردن"], "aliases_en": ["Jordan"]}
{"name": "Palestine", "kind": "country", "aliases_ar": ["فلسطين"], "aliases_en": ["Palestine"]}
{"name": "France", "kind": "country", "aliases_ar": ["فرنسا"], "aliases_en": ["France"]}
{"name": "Germany", "kind": "country", "aliases_ar": ["ألمانيا"], "aliases_en": ["Germany"]}
{"name": "Italy", "kind": "country", "aliases_ar": ["إيطاليا"], "aliases_en": ["Italy"]}
{"name": "Poland", "kind": "country", "aliases_ar": ["بولندا"], "aliases_en": ["Poland"]}
{"name": "Belarus", "kind": "country", "aliases_ar": ["بيلاروسيا", "روسيا البيضاء"], "aliases_en": ["Belarus"]}
{"name": "Japan", "kind": "country", "aliases_ar": ["اليابان"], "aliases_en": ["Japan"]}
{"name": "India", "kind": "country", "aliases_ar": ["الهند"], "aliases_en": ["India"]}
{"name": "Pakistan", "kind": "country", "aliases_ar": ["باكستان"], "aliases_en": ["Pakistan"]}
{"name": "Afghanistan", "kind": "country", "aliases_ar": ["أفغانستان"], "aliases_en": ["Afghanistan"]}
{"name": "Azerbaijan", "kind": "country", "aliases_ar": ["أذربيجان"], "aliases_en": ["Azerbaijan"]}
{"name": "Armenia", "kind": "country", "aliases_ar": ["أرمينيا"], "aliases_en": ["Armenia"]}
{"name": "Georgia", "kind": "country", "aliases_ar": ["جورجيا"], "aliases_en": ["Georgia"]}
{"name": "Kazakhstan", "kind": "country", "aliases_ar": ["كازاخستان"], "aliases_en": ["Kazakhstan"]}
{"name": "Venezuela", "kind": "country", "aliases_ar": ["فنزويلا"], "aliases_en": ["Venezuela"]}
{"name": "Libya", "kind": "country", "aliases_ar": ["ليبيا"], "aliases_en": ["Libya"]}
{"name": "Sudan", "kind": "country", "aliases_ar": ["السودان"], "aliases_en": ["Sudan"]}
{"name": "Algeria", "kind": "country", "aliases_ar": ["الجزائر"], "aliases_en": ["Algeria"]}
{"name": "Morocco", "kind": "country", "aliases_ar": ["المغرب"], "aliases_en": ["Morocco"]}
{"name": "Tunisia", "kind": "country", "aliases_ar": ["تونس"], "aliases_en": ["Tunisia"]}
{"name": "Tehran", "kind": "place", "aliases_ar": ["طهران"], "aliases_en": ["Tehran"], "country": "Iran", "role": "capital of Iran"}
{"name": "Moscow", "kind": "place", "aliases_ar": ["موسكو"], "aliases_en": ["Moscow"], "country": "Russia", "role": "capital of Russia"}
{"name": "Kyiv", "kind": "place", "aliases_ar": ["كييف"], "aliases_en": ["Kyiv", "Kiev"], "country": "Ukraine", "role": "capital of Ukraine"}
{"name": "Washington", "kind": "place", "aliases_ar": ["واشنطن"], "aliases_en": ["Washington"], "country": "United States", "role": "capital of the United States"}
{"name": "London", "kind": "place", "aliases_ar": ["لندن"], "aliases_en": ["London"], "country": "United Kingdom", "role": "capital of the United Kingdom"}
{"name": "Beijing", "kind": "place", "aliases_ar": ["بكين"], "aliases_en": ["Beijing"], "country": "China", "role": "capital of China"}
{"name": "Pyongyang", "kind": "place", "aliases_ar": ["بيونغ يانغ", "بيونغيانغ"], "aliases_en": ["Pyongyang"], "country": "North Korea", "role": "capital of North Korea"}
{"name": "Damascus", "kind": "place", "aliases_ar": ["دمشق"], "aliases_en": ["Damascus"], "country": "Syria", "role": "capital of Syria"}
{"name": "Baghdad", "kind": "place", "aliases_ar": ["بغداد"], "aliases_en": ["Baghdad"], "country": "Iraq", "role": "capital of Iraq"}
{"name": "Beirut", "kind": "place", "aliases_ar": ["بيروت"], "aliases_en": ["Beirut"], "country": "Lebanon", "role": "capital of Lebanon"}
{"name": "Riyadh", "kind": "place", "aliases_ar": ["الرياض"], "aliases_en": ["Riyadh"], "country": "Saudi Arabia", "role": "capital of Saudi Arabia"}
{"name": "Abu Dhabi", "kind": "place", "aliases_ar": ["أبوظبي", "أبو ظبي"], "aliases_en": ["Abu Dhabi"], "country": "UAE", "role": "capital of the UAE"}
{"name": "Doha", "kind": "place", "aliases_ar": ["الدوحة"], "aliases_en": ["Doha"], "country": "Qatar", "role": "capital of Qatar"}
{"name": "Ankara", "kind": "place", "aliases_ar": ["أنقرة"], "aliases_en": ["Ankara"], "country": "Turkey", "role": "capital of Turkey"}
{"name": "Cairo", "kind": "place", "aliases_ar": ["القاهرة"], "aliases_en": ["Cairo"], "country": "Egypt", "role": "capital of Egypt"}
{"name": "Paris", "kind": "place", "aliases_ar": ["باريس"], "aliases_en": ["Paris"], "country": "France", "role": "capital of France"}
{"name": "Berlin", "kind": "place", "aliases_ar": ["برلين"], "aliases_en": ["Berlin"], "country": "Germany", "role": "capital of Germany"}
{"name": "Brussels", "kind": "place", "aliases_ar": ["بروكسل"], "aliases_en": ["Brussels"], "role": "seat of EU and NATO institutions"}
{"name": "Vienna", "kind": "place", "aliases_ar": ["فيينا"], "aliases_en": ["Vienna"], "role": "seat of the IAEA"}
{"name": "Geneva", "kind": "place", "aliases_ar": ["جنيف"], "aliases_en": ["Geneva"]}
{"name": "Sanaa", "kind": "place", "aliases_ar": ["صنعاء"], "aliases_en": ["Sanaa"], "country": "Yemen", "role": "capital of Yemen"}
{"name": "Tel Aviv", "kind": "place", "aliases_ar": ["تل أبيب"], "aliases_en": ["Tel Aviv"], "country": "Israel"}
{"name": "Crimea", "kind": "place", "aliases_ar": ["شبه جزيرة القرم", "القرم"], "aliases_en": ["Crimea"], "country": "Ukraine", "role": "Russian-occupied Ukrainian peninsula"}
{"name": "Donbas", "kind": "place", "aliases_ar": ["دونباس", "حوض دونباس"], "aliases_en": ["Donbas", "Donbass"], "country": "Ukraine"}
{"name": "Donetsk", "kind": "place", "aliases_ar": ["دونيتسك"], "aliases_en": ["Donetsk"], "country": "Ukraine"}
{"name": "Luhansk", "kind": "place", "aliases_ar": ["لوغانسك", "لوهانسك"], "aliases_en": ["Luhansk"], "country": "Ukraine"}
{"name": "Kherson", "kind": "place", "aliases_ar": ["خيرسون"], "aliases_en": ["Kherson"], "country": "Ukraine"}
{"name": "Zaporizhzhia", "kind": "place", "aliases_ar": ["زابوريجيا", "زابوروجيا"], "aliases_en": ["Zaporizhzhia"], "country": "Ukraine"}
{"name": "Kharkiv", "kind": "place", "aliases_ar": ["خاركيف"], "aliases_en": ["Kharkiv"], "country": "Ukraine"}
{"name": "Odesa", "kind": "place", "aliases_ar": ["أوديسا"], "aliases_en": ["Odesa", "Odessa"], "country": "Ukraine"}
{"name": "Bakhmut", "kind": "place", "aliases_ar": ["باخموت"], "aliases_en": ["Bakhmut"], "country": "Ukraine"}
{"name": "Kursk", "kind": "place", "aliases_ar": ["كورسك"], "aliases_en": ["Kursk"], "country": "Russia"}
{"name": "Tatarstan", "kind": "place", "aliases_ar": ["تتارستان"], "aliases_en": ["Tatarstan"], "country": "Russia", "role": "Russian republic, home of the Alabuga drone plant"}
{"name": "Alabuga", "kind": "place", "aliases_ar": ["ألابوغا", "الابوغا"], "aliases_en": ["Alabuga"], "country": "Russia", "role": "special economic zone where Shahed-type drones are built"}
{"name": "Isfahan", "kind": "place", "aliases_ar": ["أصفهان"], "aliases_en": ["Isfahan"], "country": "Iran"}
{"name": "Natanz", "kind": "place", "aliases_ar": ["نطنز"], "aliases_en": ["Natanz"], "country": "Iran", "role": "site of Iran's uranium enrichment plant"}
{"name": "Fordow", "kind": "place", "aliases_ar": ["فوردو"], "aliases_en": ["Fordow"], "country": "Iran"}
{"name": "Bushehr", "kind": "place", "aliases_ar": ["بوشهر"], "aliases_en": ["Bushehr"], "country": "Iran"}
{"name": "Gaza", "kind": "place", "aliases_ar": ["غزة", "قطاع غزة"], "aliases_en": ["Gaza", "Gaza Strip"], "country": "Palestine"}
{"name": "West Bank", "kind": "place", "aliases_ar": ["الضفة الغربية"], "aliases_en": ["West Bank"], "country": "Palestine"}
{"name": "Caspian Sea", "kind": "place", "aliases_ar": ["بحر قزوين"], "aliases_en": ["Caspian Sea"]}
{"name": "Black Sea", "kind": "place", "aliases_ar": ["البحر الأسود"], "aliases_en": ["Black Sea"]}
{"name": "Red Sea", "kind": "place", "aliases_ar": ["البحر الأحمر"], "aliases_en": ["Red Sea"]}
{"name": "Strait of Hormuz", "kind": "place", "aliases_ar": ["مضيق هرمز"], "aliases_en": ["Strait of Hormuz"], "country": "Iran"}
{"name": "Persian Gulf", "kind": "place", "aliases_ar": ["الخليج", "الخليج العربي", "الخليج الفارسي"], "aliases_en": ["Gulf", "Persian Gulf", "Arabian Gulf"]}
{"name": "Middle East", "kind": "place", "aliases_ar": ["الشرق الأوسط"], "aliases_en": ["Middle East"]}
{"name": "Europe", "kind": "place", "aliases_ar": ["أوروبا", "الدول الأوروبية"], "aliases_en": ["Europe"]}
{"name": "West", "kind": "group", "aliases_ar": ["الغرب", "القوى الغربية", "الدول الغربية"], "aliases_en": ["West", "Western powers"]}
{"name": "former Soviet bloc", "kind": "place", "aliases_ar": ["الكتلة السوفياتية السابقة", "الاتحاد السوفياتي السابق"], "aliases_en": ["former Soviet bloc", "former Soviet Union"]}
{"name": "Central Asia", "kind": "place", "aliases_ar": ["آسيا الوسطى"], "aliases_en": ["Central Asia"]}
{"name": "Caucasus", "kind": "place", "aliases_ar": ["القوقاز"], "aliases_en": ["Caucasus"]}
{"name": "IRGC", "kind": "org", "aliases_ar": ["الحرس الثوري", "الحرس الثوري الإيراني", "حرس الثورة", "مؤسسة الحرس الثوري الإيراني", "الحرس الثوري الاسلامي"], "aliases_en": ["IRGC", "Revolutionary Guards", "Islamic Revolutionary Guard Corps", "Revolutionary Guard"], "country": "Iran", "role": "Islamic Revolutionary Guard Corps"}
{"name": "IRGC Aerospace Force", "kind": "org", "aliases_ar": ["القوة الجوفضائية", "القوة الجوفضائية للحرس الثوري"], "aliases_en": ["IRGC Aerospace Force"], "country": "Iran"}
{"name": "Quds Force", "kind": "org", "aliases_ar": ["فيلق القدس"], "aliases_en": ["Quds Force"], "country": "Iran", "role": "external operations arm of the IRGC"}
{"name": "Iranian Foreign Ministry", "kind": "org", "aliases_ar": ["وزارة الخارجية الإيرانية", "الخارجية الإيرانية"], "aliases_en": ["Iranian Foreign Ministry"], "country": "Iran"}
{"name": "Iranian Defence Ministry", "kind": "org", "aliases_ar": ["وزارة الدفاع الإيرانية"], "aliases_en": ["Iranian Defence Ministry", "Iranian Defense Ministry"], "country": "Iran"}
{"name": "Iranian Armed Forces", "kind": "org", "aliases_ar": ["القوات المسلحة الإيرانية", "الجيش الإيراني"], "aliases_en": ["Iranian armed forces", "Iranian army"], "country": "Iran"}
{"name": "Islamic Consultative Assembly", "kind": "org", "aliases_ar": ["البرلمان الإيراني", "مجلس الشورى الإيراني", "مجلس الشورى الإسلامي"], "aliases_en": ["Iranian parliament", "Majlis", "Islamic Consultative Assembly"], "country": "Iran", "role": "Iran's parliament"}
{"name": "National Security and Foreign Policy Committee", "kind": "org", "aliases_ar": ["لجنة الأمن القومي والسياسة الخارجية"], "aliases_en": ["National Security and Foreign Policy Committee"], "country": "Iran", "role": "committee of Iran's parliament"}
{"name": "Supreme National Security Council", "kind": "org", "aliases_ar": ["المجلس الأعلى للأمن القومي", "المجلس الأعلى للأمن القومي الإيراني"], "aliases_en": ["Supreme National Security Council"], "country": "Iran", "role": "Iran's top security body"}
{"name": "Atomic Energy Organization of Iran", "kind": "org", "aliases_ar": ["منظمة الطاقة الذرية الإيرانية"], "aliases_en": ["Atomic Energy Organization of Iran", "AEOI"], "country": "Iran"}
{"name": "Iranian Chamber of Commerce", "kind": "org", "aliases_ar": ["الغرفة التجارية الإيرانية", "غرفة التجارة الإيرانية"], "aliases_en": ["Iranian Chamber of Commerce"], "country": "Iran"}
{"name": "Kremlin", "kind": "org", "aliases_ar": ["الكرملين"], "aliases_en": ["Kremlin"], "country": "Russia", "role": "Russian presidential administration"}
{"name": "Russian Foreign Ministry", "kind": "org", "aliases_ar": ["وزارة الخارجية الروسية", "الخارجية الروسية"], "aliases_en": ["Russian Foreign Ministry"], "country": "Russia"}
{"name": "Russian Defence Ministry", "kind": "org", "aliases_ar": ["وزارة الدفاع الروسية", "الدفاع الروسية"], "aliases_en": ["Russian Defence Ministry", "Russian Defense Ministry"], "country": "Russia"}
{"name": "Security Council of Russia", "kind": "org", "aliases_ar": ["مجلس الأمن الروسي", "مجلس الأمن القومي الروسي"], "aliases_en": ["Security Council of Russia", "Russian Security Council"], "country": "Russia"}
{"name": "Russian Armed Forces", "kind": "org", "aliases_ar": ["الجيش الروسي", "القوات الروسية", "القوات المسلحة الروسية", "القوات الروسية المسلحة"], "aliases_en": ["Russian army", "Russian armed forces", "Russian forces"], "country": "Russia"}
{"name": "Wagner Group", "kind": "org", "aliases_ar": ["مجموعة فاغنر", "فاغنر"], "aliases_en": ["Wagner Group", "Wagner"], "country": "Russia", "role": "Russian mercenary group"}
{"name": "Rosatom", "kind": "org", "aliases_ar": ["روساتوم"], "aliases_en": ["Rosatom"], "country": "Russia", "role": "Russian state nuclear corporation"}
{"name": "Ukrainian Foreign Ministry", "kind": "org", "aliases_ar": ["وزارة الخارجية الأوكرانية", "الخارجية الأوكرانية"], "aliases_en": ["Ukrainian Foreign Ministry"], "country": "Ukraine"}
{"name": "Ukrainian Defence Ministry", "kind": "org", "aliases_ar": ["وزارة الدفاع الأوكرانية"], "aliases_en": ["Ukrainian Defence Ministry", "Ukrainian Defense Ministry"], "country": "Ukraine"}
{"name": "Defence Intelligence of Ukraine", "kind": "org", "aliases_ar": ["مديرية المخابرات الدفاعية الأوكرانية", "المخابرات العسكرية الأوكرانية", "الاستخبارات العسكرية الأوكرانية"], "aliases_en": ["Defence Intelligence of Ukraine", "HUR"], "country": "Ukraine"}
{"name": "Ukrainian Air Force", "kind": "org", "aliases_ar": ["القوات الجوية الأوكرانية", "سلاح الجو الأوكراني"], "aliases_en": ["Ukrainian Air Force"], "country": "Ukraine"}
{"name": "Ukrainian Armed Forces", "kind": "org", "aliases_ar": ["الجيش الأوكراني", "القوات الأوكرانية", "القوات المسلحة الأوكرانية", "قوات كييف"], "aliases_en": ["Ukrainian army", "Ukrainian armed forces", "Ukrainian forces"], "country": "Ukraine"}
{"name": "White House", "kind": "org", "aliases_ar": ["البيت الأبيض"], "aliases_en": ["White House"], "country": "United States", "role": "US presidential administration"}
{"name": "US National Security Council", "kind": "org", "aliases_ar": ["مجلس الأمن القومي الأميركي", "مجلس الأمن القومي الأمريكي", "مجلس الأمن القومي في البيت الأبيض"], "aliases_en": ["National Security Council", "NSC"], "country": "United States"}
{"name": "US State Department", "kind": "org", "aliases_ar": ["وزارة الخارجية الأميركية", "وزارة الخارجية الأمريكية", "الخارجية الأميركية", "الخارجية الأمريكية"], "aliases_en": ["State Department", "US State Department"], "country": "United States"}
{"name": "Pentagon", "kind": "org", "aliases_ar": ["البنتاغون", "البنتاجون", "وزارة الدفاع الأميركية", "وزارة الدفاع الأمريكية"], "aliases_en": ["Pentagon", "US Department of Defense", "Defense Department"], "country": "United States"}
{"name": "US Treasury", "kind": "org", "aliases_ar": ["وزارة الخزانة الأميركية", "وزارة الخزانة الأمريكية", "الخزانة الأميركية"], "aliases_en": ["US Treasury", "Treasury Department"], "country": "United States"}
{"name": "US Congress", "kind": "org", "aliases_ar": ["الكونغرس", "الكونغرس الأميركي", "الكونغرس الأمريكي"], "aliases_en": ["Congress", "US Congress"], "country": "United States"}
{"name": "CIA", "kind": "org", "aliases_ar": ["وكالة المخابرات المركزية", "وكالة الاستخبارات المركزية", "سي آي إيه"], "aliases_en": ["CIA", "Central Intelligence Agency"], "country": "United States"}
{"name": "US intelligence community", "kind": "org", "aliases_ar": ["الاستخبارات الأميركية", "الإستخبارات الأميركية", "الاستخبارات الأمريكية", "المخابرات الأميركية"], "aliases_en": ["US intelligence"], "country": "United States"}
{"name": "Biden administration", "kind": "org", "aliases_ar": ["إدارة بايدن", "إدارة جو بايدن", "إدارة الرئيس بايدن"], "aliases_en": ["Biden administration"], "country": "United States", "role": "US government under Joe Biden"}
{"name": "Trump administration", "kind": "org", "aliases_ar": ["إدارة ترامب", "إدارة الرئيس ترامب"], "aliases_en": ["Trump administration"], "country": "United States", "role": "US government under Donald Trump"}
{"name": "UK Foreign Office", "kind": "org", "aliases_ar": ["وزارة الخارجية البريطانية", "الخارجية البريطانية"], "aliases_en": ["Foreign Office", "FCDO"], "country": "United Kingdom"}
{"name": "UK Ministry of Defence", "kind": "org", "aliases_ar": ["وزارة الدفاع البريطانية"], "aliases_en": ["Ministry of Defence", "UK Ministry of Defence"], "country": "United Kingdom"}
{"name": "European Union", "kind": "org", "aliases_ar": ["الاتحاد الأوروبي", "الاتحاد الاوروبي"], "aliases_en": ["European Union", "EU"]}
{"name": "European Commission", "kind": "org", "aliases_ar": ["المفوضية الأوروبية"], "aliases_en": ["European Commission"], "country": "European Union"}
{"name": "European Council", "kind": "org", "aliases_ar": ["المجلس الأوروبي"], "aliases_en": ["European Council"], "country": "European Union"}
{"name": "NATO", "kind": "org", "aliases_ar": ["حلف شمال الأطلسي", "حلف الناتو", "الناتو", "حلف الأطلسي"], "aliases_en": ["NATO", "North Atlantic Treaty Organization"]}
{"name": "United Nations", "kind": "org", "aliases_ar": ["الأمم المتحدة"], "aliases_en": ["United Nations", "UN"]}
{"name": "UN Security Council", "kind": "org", "aliases_ar": ["مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة"], "aliases_en": ["UN Security Council", "Security Council"], "country": "United Nations"}
{"name": "IAEA", "kind": "org", "aliases_ar": ["الوكالة الدولية للطاقة الذرية", "وكالة الطاقة الذرية"], "aliases_en": ["IAEA", "International Atomic Energy Agency"]}
{"name": "G7", "kind": "org", "aliases_ar": ["مجموعة السبع", "مجموعة الدول السبع", "مجموعة الدول السبع الكبرى"], "aliases_en": ["G7", "Group of Seven"]}
{"name": "BRICS", "kind": "org", "aliases_ar": ["مجموعة بريكس", "بريكس"], "aliases_en": ["BRICS"]}
{"name": "Shanghai Cooperation Organisation", "kind": "org", "aliases_ar": ["منظمة شنغهاي للتعاون"], "aliases_en": ["Shanghai Cooperation Organisation", "SCO"]}
{"name": "OPEC", "kind": "org", "aliases_ar": ["أوبك", "منظمة أوبك"], "aliases_en": ["OPEC"]}
{"name": "Hezbollah", "kind": "org", "aliases_ar": ["حزب الله"], "aliases_en": ["Hezbollah"], "country": "Lebanon"}
{"name": "Houthis", "kind": "org", "aliases_ar": ["الحوثيين", "الحوثيون", "جماعة الحوثي", "أنصار الله"], "aliases_en": ["Houthis", "Ansar Allah"], "country": "Yemen"}
{"name": "Hamas", "kind": "org", "aliases_ar": ["حماس", "حركة حماس"], "aliases_en": ["Hamas"], "country": "Palestine"}
{"name": "Belfer Center", "kind": "org", "aliases_ar": ["مركز بيلفر"], "aliases_en": ["Belfer Center"], "role": "Harvard Kennedy School research center"}
{"name": "Harvard Kennedy School", "kind": "org", "aliases_ar": ["كلية هارفارد كينيدي"], "aliases_en": ["Harvard Kennedy School"]}
{"name": "European Council on Foreign Relations", "kind": "org", "aliases_ar": ["المجلس الأوروبي للعلاقات الخارجية"], "aliases_en": ["European Council on Foreign Relations", "ECFR"], "role": "European think tank"}
{"name": "Royal United Services Institute", "kind": "org", "aliases_ar": ["معهد رويال يونايتد للخدمات البحثية", "المعهد الملكي للخدمات المتحدة"], "aliases_en": ["Royal United Services Institute", "RUSI"], "country": "United Kingdom", "role": "London think tank"}
{"name": "Jewish Institute for National Security of America", "kind": "org", "aliases_ar": ["المعهد اليهودي للأمن القومي الأميركي"], "aliases_en": ["Jewish Institute for National Security of America", "JINSA"], "country": "United States", "role": "US think tank"}
{"name": "Washington Institute for Near East Policy", "kind": "org", "aliases_ar": ["معهد واشنطن لسياسة الشرق الأدنى", "معهد واشنطن"], "aliases_en": ["Washington Institute for Near East Policy", "Washington Institute"], "country": "United States", "role": "US think tank"}
{"name": "Vienna Center for Disarmament and Non-Proliferation", "kind": "org", "aliases_ar": ["مركز فيينا لنزع الأسلحة ومنع الانتشار النووي", "مركز فيينا لنزع السلاح وعدم الانتشار"], "aliases_en": ["Vienna Center for Disarmament and Non-Proliferation", "VCDNP"], "role": "think tank"}
{"name": "Institute for the Study of War", "kind": "org", "aliases_ar": ["معهد دراسة الحرب"], "aliases_en": ["Institute for the Study of War", "ISW"], "country": "United States", "role": "US think tank"}
{"name": "International Crisis Group", "kind": "org", "aliases_ar": ["مجموعة الأزمات الدولية"], "aliases_en": ["International Crisis Group", "Crisis Group"]}
{"name": "Ali Khamenei", "kind": "person", "aliases_ar": ["علي خامنئي", "آية الله علي خامنئي", "خامنئي", "المرشد الأعلى", "المرشد الإيراني"], "aliases_en": ["Ali Khamenei", "Khamenei", "Ayatollah Khamenei", "Supreme Leader"], "country": "Iran", "role": "Supreme Leader of Iran"}
{"name": "Ebrahim Raisi", "kind": "person", "aliases_ar": ["إبراهيم رئيسي", "ابراهيم رئيسي", "رئيسي"], "aliases_en": ["Ebrahim Raisi", "Raisi"], "country": "Iran", "role": "President of Iran (2021-2024)"}
{"name": "Masoud Pezeshkian", "kind": "person", "aliases_ar": ["مسعود بزشكيان", "بزشكيان", "مسعود پزشکیان"], "aliases_en": ["Masoud Pezeshkian", "Pezeshkian"], "country": "Iran", "role": "President of Iran (from 2024)"}
{"name": "Hassan Rouhani", "kind": "person", "aliases_ar": ["حسن روحاني", "روحاني"], "aliases_en": ["Hassan Rouhani", "Rouhani"], "country": "Iran", "role": "President of Iran (2013-2021)"}
{"name": "Mohammad Javad Zarif", "kind": "person", "aliases_ar": ["محمد جواد ظريف", "جواد ظريف", "ظريف"], "aliases_en": ["Mohammad Javad Zarif", "Javad Zarif", "Zarif"], "country": "Iran", "role": "Foreign Minister of Iran (2013-2021)"}
{"name": "Hossein Amir-Abdollahian", "kind": "person", "aliases_ar": ["حسين أمير عبد اللهيان", "أمير عبد اللهيان", "عبد اللهيان", "حسين أمير عبداللهيان", "أمير عبداللهيان", "عبداللهيان"], "aliases_en": ["Hossein Amir-Abdollahian", "Amir-Abdollahian", "Amirabdollahian"], "country": "Iran", "role": "Foreign Minister of Iran (2021-2024)"}
{"name": "Abbas Araghchi", "kind": "person", "aliases_ar": ["عباس عراقجي", "عراقجي"], "aliases_en": ["Abbas Araghchi", "Araghchi"], "country": "Iran", "role": "Foreign Minister of Iran (from 2024)"}
{"name": "Nasser Kanaani", "kind": "person", "aliases_ar": ["ناصر كنعاني", "كنعاني", "الكنعاني"], "aliases_en": ["Nasser Kanaani", "Kanaani", "Kanani"], "country": "Iran", "role": "Iranian Foreign Ministry spokesman (2022-2024)"}
{"name": "Esmaeil Baghaei", "kind": "person", "aliases_ar": ["إسماعيل بقائي", "بقائي"], "aliases_en": ["Esmaeil Baghaei", "Baghaei"], "country": "Iran", "role": "Iranian Foreign Ministry spokesman (from 2024)"}
{"name": "Saeed Khatibzadeh", "kind": "person", "aliases_ar": ["سعيد خطيب زاده", "خطيب زاده"], "aliases_en": ["Saeed Khatibzadeh", "Khatibzadeh"], "country": "Iran", "role": "Iranian Foreign Ministry spokesman (2020-2022)"}
{"name": "Ali Shamkhani", "kind": "person", "aliases_ar": ["علي شمخاني", "شمخاني"], "aliases_en": ["Ali Shamkhani", "Shamkhani"], "country": "Iran", "role": "Secretary of Iran's Supreme National Security Council (2013-2023)"}
{"name": "Ali Akbar Ahmadian", "kind": "person", "aliases_ar": ["علي أكبر أحمديان", "أحمديان"], "aliases_en": ["Ali Akbar Ahmadian", "Ahmadian"], "country": "Iran", "role": "Secretary of Iran's Supreme National Security Council (2023-2025)"}
{"name": "Ali Larijani", "kind": "person", "aliases_ar": ["علي لاريجاني", "لاريجاني"], "aliases_en": ["Ali Larijani", "Larijani"], "country": "Iran", "role": "Iranian politician, former Speaker of parliament"}
{"name": "Ali Akbar Velayati", "kind": "person", "aliases_ar": ["علي أكبر ولايتي", "ولايتي"], "aliases_en": ["Ali Akbar Velayati", "Velayati"], "country": "Iran", "role": "senior foreign policy adviser to the Supreme Leader"}
{"name": "Mohammad Bagher Ghalibaf", "kind": "person", "aliases_ar": ["محمد باقر قاليباف", "قاليباف"], "aliases_en": ["Mohammad Bagher Ghalibaf", "Ghalibaf"], "country": "Iran", "role": "Speaker of Iran's parliament"}
{"name": "Hossein Salami", "kind": "person", "aliases_ar": ["حسين سلامي", "سلامي"], "aliases_en": ["Hossein Salami", "Salami"], "country": "Iran", "role": "Commander-in-chief of the IRGC"}
{"name": "Mohammad Bagheri", "kind": "person", "aliases_ar": ["محمد باقري", "اللواء محمد باقري"], "aliases_en": ["Mohammad Bagheri", "Bagheri"], "country": "Iran", "role": "Chief of Staff of Iran's armed forces"}
{"name": "Mohammad Reza Ashtiani", "kind": "person", "aliases_ar": ["محمد رضا آشتياني", "آشتياني"], "aliases_en": ["Mohammad Reza Ashtiani", "Ashtiani"], "country": "Iran", "role": "Iranian Defence Minister (2021-2024)"}
{"name": "Aziz Nasirzadeh", "kind": "person", "aliases_ar": ["عزيز نصير زاده", "نصير زاده"], "aliases_en": ["Aziz Nasirzadeh", "Nasirzadeh"], "country": "Iran", "role": "Iranian Defence Minister (from 2024)"}
{"name": "Amir Ali Hajizadeh", "kind": "person", "aliases_ar": ["أمير علي حاجي زاده", "حاجي زاده"], "aliases_en": ["Amir Ali Hajizadeh", "Hajizadeh"], "country": "Iran", "role": "Commander of the IRGC Aerospace Force"}
{"name": "Mohammad Eslami", "kind": "person", "aliases_ar": ["محمد إسلامي"], "aliases_en": ["Mohammad Eslami", "Eslami"], "country": "Iran", "role": "Head of the Atomic Energy Organization of Iran"}
{"name": "Ali Bagheri Kani", "kind": "person", "aliases_ar": ["علي باقري كني", "باقري كني"], "aliases_en": ["Ali Bagheri Kani", "Bagheri Kani"], "country": "Iran", "role": "Iranian deputy foreign minister and nuclear negotiator"}
{"name": "Mohammad Mokhber", "kind": "person", "aliases_ar": ["محمد مخبر"], "aliases_en": ["Mohammad Mokhber", "Mokhber"], "country": "Iran", "role": "First Vice President of Iran (2021-2024)"}
{"name": "Ahmad Bakhshayesh Ardestani", "kind": "person", "aliases_ar": ["أحمد بخشايش أردستاني", "بخشايش أردستاني", "أردستاني"], "aliases_en": ["Ahmad Bakhshayesh Ardestani", "Ardestani"], "country": "Iran", "role": "Iranian MP, National Security and Foreign Policy Committee"}
{"name": "Ebrahim Rezaei", "kind": "person", "aliases_ar": ["إبراهيم رضائي"], "aliases_en": ["Ebrahim Rezaei"], "country": "Iran", "role": "spokesman of the Iranian parliament's National Security Committee"}
{"name": "Vladimir Putin", "kind": "person", "aliases_ar": ["فلاديمير بوتين", "بوتين", "فلاديمير بوتن"], "aliases_en": ["Vladimir Putin", "Putin"], "country": "Russia", "role": "President of Russia"}
{"name": "Dmitry Peskov", "kind": "person", "aliases_ar": ["دميتري بيسكوف", "ديمتري بيسكوف", "بيسكوف"], "aliases_en": ["Dmitry Peskov", "Peskov"], "country": "Russia", "role": "Kremlin spokesman"}
{"name": "Sergei Lavrov", "kind": "person", "aliases_ar": ["سيرغي لافروف", "سيرجي لافروف", "لافروف"], "aliases_en": ["Sergei Lavrov", "Lavrov"], "country": "Russia", "role": "Foreign Minister of Russia"}
{"name": "Maria Zakharova", "kind": "person", "aliases_ar": ["ماريا زاخاروفا", "زاخاروفا"], "aliases_en": ["Maria Zakharova", "Zakharova"], "country": "Russia", "role": "Russian Foreign Ministry spokeswoman", "gender": "female"}
{"name": "Sergei Shoigu", "kind": "person", "aliases_ar": ["سيرغي شويغو", "سيرجي شويغو", "شويغو"], "aliases_en": ["Sergei Shoigu", "Shoigu"], "country": "Russia", "role": "Defence Minister of Russia (2012-2024), then Security Council Secretary"}
{"name": "Andrei Belousov", "kind": "person", "aliases_ar": ["أندريه بيلوسوف", "بيلوسوف"], "aliases_en": ["Andrei Belousov", "Belousov"], "country": "Russia", "role": "Defence Minister of Russia (from 2024)"}
{"name": "Valery Gerasimov", "kind": "person", "aliases_ar": ["فاليري غيراسيموف", "غيراسيموف"], "aliases_en": ["Valery Gerasimov", "Gerasimov"], "country": "Russia", "role": "Chief of the Russian General Staff"}
{"name": "Nikolai Patrushev", "kind": "person", "aliases_ar": ["نيكولاي باتروشيف", "باتروشيف"], "aliases_en": ["Nikolai Patrushev", "Patrushev"], "country": "Russia", "role": "Secretary of the Russian Security Council (2008-2024)"}
{"name": "Dmitry Medvedev", "kind": "person", "aliases_ar": ["دميتري ميدفيديف", "ديمتري مدفيديف", "ميدفيديف", "مدفيديف"], "aliases_en": ["Dmitry Medvedev", "Medvedev"], "country": "Russia", "role": "Deputy Chairman of the Russian Security Council"}
{"name": "Sergei Ryabkov", "kind": "person", "aliases_ar": ["سيرغي ريابكوف", "ريابكوف"], "aliases_en": ["Sergei Ryabkov", "Ryabkov"], "country": "Russia", "role": "Russian Deputy Foreign Minister"}
{"name": "Mikhail Ulyanov", "kind": "person", "aliases_ar": ["ميخائيل أوليانوف", "أوليانوف"], "aliases_en": ["Mikhail Ulyanov", "Ulyanov"], "country": "Russia", "role": "Russian envoy to international organisations in Vienna"}
{"name": "Vasily Nebenzya", "kind": "person", "aliases_ar": ["فاسيلي نيبينزيا", "نيبينزيا"], "aliases_en": ["Vasily Nebenzya", "Nebenzya"], "country": "Russia", "role": "Russian ambassador to the United Nations"}
{"name": "Yevgeny Prigozhin", "kind": "person", "aliases_ar": ["يفغيني بريغوجين", "بريغوجين"], "aliases_en": ["Yevgeny Prigozhin", "Prigozhin"], "country": "Russia", "role": "founder of the Wagner Group"}
{"name": "Mikhail Mishustin", "kind": "person", "aliases_ar": ["ميخائيل ميشوستين", "ميشوستين"], "aliases_en": ["Mikhail Mishustin", "Mishustin"], "country": "Russia", "role": "Prime Minister of Russia"}
{"name": "Alexander Lukashenko", "kind": "person", "aliases_ar": ["ألكسندر لوكاشينكو", "لوكاشينكو"], "aliases_en": ["Alexander Lukashenko", "Lukashenko"], "country": "Belarus", "role": "President of Belarus"}
{"name": "Volodymyr Zelensky", "kind": "person", "aliases_ar": ["فولوديمير زيلينسكي", "فلاديمير زيلينسكي", "زيلينسكي"], "aliases_en": ["Volodymyr Zelensky", "Zelensky", "Zelenskyy"], "country": "Ukraine", "role": "President of Ukraine"}
{"name": "Dmytro Kuleba", "kind": "person", "aliases_ar": ["دميترو كوليبا", "ديمترو كوليبا", "كوليبا"], "aliases_en": ["Dmytro Kuleba", "Kuleba"], "country": "Ukraine", "role": "Foreign Minister of Ukraine (2020-2024)"}
{"name": "Andrii Sybiha", "kind": "person", "aliases_ar": ["أندري سيبيها", "سيبيها"], "aliases_en": ["Andrii Sybiha", "Sybiha"], "country": "Ukraine", "role": "Foreign Minister of Ukraine (from 2024)"}
{"name": "Oleksii Reznikov", "kind": "person", "aliases_ar": ["أوليكسي ريزنيكوف", "ريزنيكوف"], "aliases_en": ["Oleksii Reznikov", "Reznikov"], "country": "Ukraine", "role": "Defence Minister of Ukraine (2021-2023)"}
{"name": "Rustem Umerov", "kind": "person", "aliases_ar": ["رستم عمروف", "عمروف"], "aliases_en": ["Rustem Umerov", "Umerov"], "country": "Ukraine", "role": "Defence Minister of Ukraine (2023-2025)"}
{"name": "Kyrylo Budanov", "kind": "person", "aliases_ar": ["كيريلو بودانوف", "كيريل بودانوف", "بودانوف"], "aliases_en": ["Kyrylo Budanov", "Budanov"], "country": "Ukraine", "role": "head of Ukraine's Defence Intelligence Directorate"}
{"name": "Yuriy Ihnat", "kind": "person", "aliases_ar": ["يوري إينهات", "يوري إغنات", "إينهات"], "aliases_en": ["Yuriy Ihnat", "Ihnat"], "country": "Ukraine", "role": "Ukrainian Air Force spokesman"}
{"name": "Andriy Yermak", "kind": "person", "aliases_ar": ["أندريه يermak", "أندريه يرماك", "يرماك"], "aliases_en": ["Andriy Yermak", "Yermak"], "country": "Ukraine", "role": "head of the Ukrainian presidential office"}
{"name": "Valerii Zaluzhnyi", "kind": "person", "aliases_ar": ["فاليري زالوجني", "زالوجني"], "aliases_en": ["Valerii Zaluzhnyi", "Zaluzhnyi"], "country": "Ukraine", "role": "Commander-in-chief of Ukraine's armed forces (2021-2024)"}
{"name": "Oleksandr Syrskyi", "kind": "person", "aliases_ar": ["أولكسندر سيرسكي", "سيرسكي"], "aliases_en": ["Oleksandr Syrskyi", "Syrskyi"], "country": "Ukraine", "role": "Commander-in-chief of Ukraine's armed forces (from 2024)"}
{"name": "Denys Shmyhal", "kind": "person", "aliases_ar": ["دنيس شميهال", "شميهال"], "aliases_en": ["Denys Shmyhal", "Shmyhal"], "country": "Ukraine", "role": "Prime Minister of Ukraine"}
{"name": "Mykhailo Podolyak", "kind": "person", "aliases_ar": ["ميخايلو بودولياك", "بودولياك"], "aliases_en": ["Mykhailo Podolyak", "Podolyak"], "country": "Ukraine", "role": "adviser to the Ukrainian presidential office"}
{"name": "Oleg Nikolenko", "kind": "person", "aliases_ar": ["أوليغ نيكولينكو", "نيكولينكو"], "aliases_en": ["Oleg Nikolenko", "Nikolenko"], "country": "Ukraine", "role": "Ukrainian Foreign Ministry spokesman"}
{"name": "Joe Biden", "kind": "person", "aliases_ar": ["جو بايدن", "بايدن"], "aliases_en": ["Joe Biden", "Biden"], "country": "United States", "role": "President of the United States (2021-2025)"}
{"name": "Donald Trump", "kind": "person", "aliases_ar": ["دونالد ترامب", "ترامب"], "aliases_en": ["Donald Trump", "Trump"], "country": "United States", "role": "President of the United States (2017-2021, from 2025)"}
{"name": "Kamala Harris", "kind": "person", "aliases_ar": ["كامالا هاريس", "هاريس"], "aliases_en": ["Kamala Harris", "Harris"], "country": "United States", "role": "Vice President of the United States (2021-2025)", "gender": "female"}
{"name": "Antony Blinken", "kind": "person", "aliases_ar": ["أنتوني بلينكن", "انتوني بلينكن", "بلينكن"], "aliases_en": ["Antony Blinken", "Blinken"], "country": "United States", "role": "US Secretary of State (2021-2025)"}
{"name": "Marco Rubio", "kind": "person", "aliases_ar": ["ماركو روبيو", "روبيو"], "aliases_en": ["Marco Rubio", "Rubio"], "country": "United States", "role": "US Secretary of State (from 2025)"}
{"name": "Lloyd Austin", "kind": "person", "aliases_ar": ["لويد أوستن", "أوستن"], "aliases_en": ["Lloyd Austin", "Austin"], "country": "United States", "role": "US Secretary of Defense (2021-2025)"}
{"name": "Pete Hegseth", "kind": "person", "aliases_ar": ["بيت هيغسيث", "هيغسيث"], "aliases_en": ["Pete Hegseth", "Hegseth"], "country": "United States", "role": "US Secretary of Defense (from 2025)"}
{"name": "Jake Sullivan", "kind": "person", "aliases_ar": ["جيك سوليفان", "سوليفان"], "aliases_en": ["Jake Sullivan", "Sullivan"], "country": "United States", "role": "US National Security Adviser (2021-2025)"}
{"name": "Mike Waltz", "kind": "person", "aliases_ar": ["مايك والتز", "والتز"], "aliases_en": ["Mike Waltz", "Waltz"], "country": "United States", "role": "US National Security Adviser (2025)"}
{"name": "John Kirby", "kind": "person", "aliases_ar": ["جون كيربي", "كيربي", "كربي"], "aliases_en": ["John Kirby", "Kirby"], "country": "United States", "role": "White House National Security Council spokesman"}
{"name": "Ned Price", "kind": "person", "aliases_ar": ["نيد برايس", "برايس"], "aliases_en": ["Ned Price", "Price"], "country": "United States", "role": "US State Department spokesman (2021-2023)"}
{"name": "Matthew Miller", "kind": "person", "aliases_ar": ["ماثيو ميلر", "ماثيو ميللر", "ميلر"], "aliases_en": ["Matthew Miller", "Miller"], "country": "United States", "role": "US State Department spokesman (2023-2025)"}
{"name": "Vedant Patel", "kind": "person", "aliases_ar": ["فيدانت باتيل", "باتيل"], "aliases_en": ["Vedant Patel", "Patel"], "country": "United States", "role": "US State Department deputy spokesman"}
{"name": "Karine Jean-Pierre", "kind": "person", "aliases_ar": ["كارين جان بيير", "جان بيير"], "aliases_en": ["Karine Jean-Pierre", "Jean-Pierre"], "country": "United States", "role": "White House press secretary (2022-2025)", "gender": "female"}
{"name": "Linda Thomas-Greenfield", "kind": "person", "aliases_ar": ["ليندا توماس غرينفيلد", "توماس غرينفيلد"], "aliases_en": ["Linda Thomas-Greenfield", "Thomas-Greenfield"], "country": "United States", "role": "US ambassador to the United Nations (2021-2025)", "gender": "female"}
{"name": "William Burns", "kind": "person", "aliases_ar": ["وليام بيرنز", "ويليام بيرنز", "بيرنز"], "aliases_en": ["William Burns", "Burns"], "country": "United States", "role": "CIA Director (2021-2025)"}
{"name": "Avril Haines", "kind": "person", "aliases_ar": ["أفريل هاينز", "هاينز"], "aliases_en": ["Avril Haines", "Haines"], "country": "United States", "role": "US Director of National Intelligence (2021-2025)", "gender": "female"}
{"name": "Pat Ryder", "kind": "person", "aliases_ar": ["بات رايدر", "رايدر"], "aliases_en": ["Pat Ryder", "Ryder"], "country": "United States", "role": "Pentagon press secretary"}
{"name": "Sabrina Singh", "kind": "person", "aliases_ar": ["سابرينا سينغ"], "aliases_en": ["Sabrina Singh"], "country": "United States", "role": "Pentagon deputy press secretary", "gender": "female"}
{"name": "Robert Malley", "kind": "person", "aliases_ar": ["روبرت مالي", "روب مالي"], "aliases_en": ["Robert Malley", "Rob Malley", "Malley"], "country": "United States", "role": "US special envoy for Iran (2021-2023)"}
{"name": "Abram Paley", "kind": "person", "aliases_ar": ["أبرام بالي"], "aliases_en": ["Abram Paley"], "country": "United States", "role": "US deputy special envoy for Iran"}
{"name": "JD Vance", "kind": "person", "aliases_ar": ["جي دي فانس", "فانس"], "aliases_en": ["JD Vance", "Vance"], "country": "United States", "role": "Vice President of the United States (from 2025)"}
{"name": "Steve Witkoff", "kind": "person", "aliases_ar": ["ستيف ويتكوف", "ويتكوف"], "aliases_en": ["Steve Witkoff", "Witkoff"], "country": "United States", "role": "US special envoy (from 2025)"}
{"name": "Gabriel Noronha", "kind": "person", "aliases_ar": ["غابريال نورونها", "غابرييل نورونها", "نورونها"], "aliases_en": ["Gabriel Noronha", "Noronha"], "country": "United States", "role": "JINSA fellow, former State Department official"}
{"name": "Rishi Sunak", "kind": "person", "aliases_ar": ["ريشي سوناك", "سوناك"], "aliases_en": ["Rishi Sunak", "Sunak"], "country": "United Kingdom", "role": "Prime Minister of the United Kingdom (2022-2024)"}
{"name": "Keir Starmer", "kind": "person", "aliases_ar": ["كير ستارمر", "ستارمر"], "aliases_en": ["Keir Starmer", "Starmer"], "country": "United Kingdom", "role": "Prime Minister of the United Kingdom (from 2024)"}
{"name": "Boris Johnson", "kind": "person", "aliases_ar": ["بوريس جونسون", "جونسون"], "aliases_en": ["Boris Johnson", "Johnson"], "country": "United Kingdom", "role": "Prime Minister of the United Kingdom (2019-2022)"}
{"name": "James Cleverly", "kind": "person", "aliases_ar": ["جيمس كليفرلي", "كليفرلي"], "aliases_en": ["James Cleverly", "Cleverly"], "country": "United Kingdom", "role": "British Foreign Secretary (2022-2023)"}
{"name": "David Cameron", "kind": "person", "aliases_ar": ["ديفيد كاميرون", "كاميرون"], "aliases_en": ["David Cameron", "Cameron"], "country": "United Kingdom", "role": "British Foreign Secretary (2023-2024)"}
{"name": "David Lammy", "kind": "person", "aliases_ar": ["ديفيد لامي", "لامي"], "aliases_en": ["David Lammy", "Lammy"], "country": "United Kingdom", "role": "British Foreign Secretary (from 2024)"}
{"name": "Ben Wallace", "kind": "person", "aliases_ar": ["بن والاس", "والاس"], "aliases_en": ["Ben Wallace", "Wallace"], "country": "United Kingdom", "role": "British Defence Secretary (2019-2023)"}
{"name": "Grant Shapps", "kind": "person", "aliases_ar": ["غرانت شابس", "شابس"], "aliases_en": ["Grant Shapps", "Shapps"], "country": "United Kingdom", "role": "British Defence Secretary (2023-2024)"}
{"name": "John Healey", "kind": "person", "aliases_ar": ["جون هيلي", "هيلي"], "aliases_en": ["John Healey", "Healey"], "country": "United Kingdom", "role": "British Defence Secretary (from 2024)"}
{"name": "Josep Borrell", "kind": "person", "aliases_ar": ["جوزيب بوريل", "بوريل"], "aliases_en": ["Josep Borrell", "Borrell"], "country": "European Union", "role": "EU foreign policy chief (2019-2024)"}
{"name": "Kaja Kallas", "kind": "person", "aliases_ar": ["كايا كالاس", "كالاس"], "aliases_en": ["Kaja Kallas", "Kallas"], "country": "European Union", "role": "EU foreign policy chief (from 2024)", "gender": "female"}
{"name": "Ursula von der Leyen", "kind": "person", "aliases_ar": ["أورسولا فون دير لاين", "فون دير لاين"], "aliases_en": ["Ursula von der Leyen", "von der Leyen"], "country": "European Union", "role": "President of the European Commission", "gender": "female"}
{"name": "Charles Michel", "kind": "person", "aliases_ar": ["شارل ميشيل", "ميشيل"], "aliases_en": ["Charles Michel"], "country": "European Union", "role": "President of the European Council (2019-2024)"}
{"name": "Jens Stoltenberg", "kind": "person", "aliases_ar": ["ينس ستولتنبرغ", "ستولتنبرغ"], "aliases_en": ["Jens Stoltenberg", "Stoltenberg"], "country": "NATO", "role": "NATO Secretary General (2014-2024)"}
{"name": "Mark Rutte", "kind": "person", "aliases_ar": ["مارك روته", "روته"], "aliases_en": ["Mark Rutte", "Rutte"], "country": "NATO", "role": "NATO Secretary General (from 2024)"}
{"name": "Emmanuel Macron", "kind": "person", "aliases_ar": ["إيمانويل ماكرون", "ايمانويل ماكرون", "ماكرون"], "aliases_en": ["Emmanuel Macron", "Macron"], "country": "France", "role": "President of France"}
{"name": "Olaf Scholz", "kind": "person", "aliases_ar": ["أولاف شولتس", "شولتس"], "aliases_en": ["Olaf Scholz", "Scholz"], "country": "Germany", "role": "Chancellor of Germany (2021-2025)"}
{"name": "Annalena Baerbock", "kind": "person", "aliases_ar": ["أنالينا بيربوك", "بيربوك"], "aliases_en": ["Annalena Baerbock", "Baerbock"], "country": "Germany", "role": "German Foreign Minister (2021-2025)", "gender": "female"}
{"name": "Friedrich Merz", "kind": "person", "aliases_ar": ["فريدريش ميرتس", "ميرتس"], "aliases_en": ["Friedrich Merz", "Merz"], "country": "Germany", "role": "Chancellor of Germany (from 2025)"}
{"name": "Benjamin Netanyahu", "kind": "person", "aliases_ar": ["بنيامين نتنياهو", "نتنياهو"], "aliases_en": ["Benjamin Netanyahu", "Netanyahu"], "country": "Israel", "role": "Prime Minister of Israel"}
{"name": "Yoav Gallant", "kind": "person", "aliases_ar": ["يوآف غالانت", "غالانت"], "aliases_en": ["Yoav Gallant", "Gallant"], "country": "Israel", "role": "Israeli Defence Minister (2022-2024)"}
{"name": "Israel Katz", "kind": "person", "aliases_ar": ["يسرائيل كاتس", "كاتس"], "aliases_en": ["Israel Katz", "Katz"], "country": "Israel", "role": "Israeli Foreign then Defence Minister"}
{"name": "Isaac Herzog", "kind": "person", "aliases_ar": ["إسحاق هرتسوغ", "هرتسوغ"], "aliases_en": ["Isaac Herzog", "Herzog"], "country": "Israel", "role": "President of Israel"}
{"name": "Mohammed bin Salman", "kind": "person", "aliases_ar": ["محمد بن سلمان", "ولي العهد السعودي"], "aliases_en": ["Mohammed bin Salman", "MBS"], "country": "Saudi Arabia", "role": "Crown Prince and Prime Minister of Saudi Arabia"}
{"name": "Faisal bin Farhan", "kind": "person", "aliases_ar": ["فيصل بن فرحان"], "aliases_en": ["Faisal bin Farhan"], "country": "Saudi Arabia", "role": "Saudi Foreign Minister"}
{"name": "Mohamed bin Zayed", "kind": "person", "aliases_ar": ["محمد بن زايد"], "aliases_en": ["Mohamed bin Zayed", "MBZ"], "country": "UAE", "role": "President of the UAE"}
{"name": "Anwar Gargash", "kind": "person", "aliases_ar": ["أنور قرقاش", "قرقاش"], "aliases_en": ["Anwar Gargash", "Gargash"], "country": "UAE", "role": "diplomatic adviser to the UAE President"}
{"name": "Tamim bin Hamad Al Thani", "kind": "person", "aliases_ar": ["تميم بن حمد آل ثاني", "تميم بن حمد"], "aliases_en": ["Tamim bin Hamad Al Thani", "Emir Tamim"], "country": "Qatar", "role": "Emir of Qatar"}
{"name": "Mohammed bin Abdulrahman Al Thani", "kind": "person", "aliases_ar": ["محمد بن عبد الرحمن آل ثاني"], "aliases_en": ["Mohammed bin Abdulrahman Al Thani"], "country": "Qatar", "role": "Prime Minister and Foreign Minister of Qatar"}
{"name": "Xi Jinping", "kind": "person", "aliases_ar": ["شي جين بينغ", "شي جينبينغ"], "aliases_en": ["Xi Jinping", "Xi"], "country": "China", "role": "President of China"}
{"name": "Wang Yi", "kind": "person", "aliases_ar": ["وانغ يي"], "aliases_en": ["Wang Yi"], "country": "China", "role": "Foreign Minister of China"}
{"name": "Mao Ning", "kind": "person", "aliases_ar": ["ماو نينغ"], "aliases_en": ["Mao Ning"], "country": "China", "role": "Chinese Foreign Ministry spokeswoman", "gender": "female"}
{"name": "Wang Wenbin", "kind": "person", "aliases_ar": ["وانغ وين بين", "وانغ ون بين"], "aliases_en": ["Wang Wenbin"], "country": "China", "role": "Chinese Foreign Ministry spokesman"}
{"name": "Lin Jian", "kind": "person", "aliases_ar": ["لين جيان"], "aliases_en": ["Lin Jian"], "country": "China", "role": "Chinese Foreign Ministry spokesman"}
{"name": "Kim Jong Un", "kind": "person", "aliases_ar": ["كيم جونغ أون", "كيم جونغ اون"], "aliases_en": ["Kim Jong Un", "Kim Jong-un"], "country": "North Korea", "role": "leader of North Korea"}
{"name": "Kim Yo Jong", "kind": "person", "aliases_ar": ["كيم يو جونغ"], "aliases_en": ["Kim Yo Jong"], "country": "North Korea", "role": "senior North Korean official, sister of Kim Jong Un", "gender": "female"}
{"name": "Choe Son Hui", "kind": "person", "aliases_ar": ["تشوي سون هوي"], "aliases_en": ["Choe Son Hui"], "country": "North Korea", "role": "North Korean Foreign Minister", "gender": "female"}
{"name": "Recep Tayyip Erdogan", "kind": "person", "aliases_ar": ["رجب طيب أردوغان", "أردوغان"], "aliases_en": ["Recep Tayyip Erdogan", "Erdogan"], "country": "Turkey", "role": "President of Turkey"}
{"name": "Hakan Fidan", "kind": "person", "aliases_ar": ["هاكان فيدان", "فيدان"], "aliases_en": ["Hakan Fidan", "Fidan"], "country": "Turkey", "role": "Turkish Foreign Minister"}
{"name": "Bashar al-Assad", "kind": "person", "aliases_ar": ["بشار الأسد", "الأسد"], "aliases_en": ["Bashar al-Assad", "Assad"], "country": "Syria", "role": "President of Syria (2000-2024)"}
{"name": "Hassan Nasrallah", "kind": "person", "aliases_ar": ["حسن نصر الله", "نصر الله"], "aliases_en": ["Hassan Nasrallah", "Nasrallah"], "country": "Lebanon", "role": "Secretary-General of Hezbollah (1992-2024)"}
{"name": "Abdul-Malik al-Houthi", "kind": "person", "aliases_ar": ["عبد الملك الحوثي"], "aliases_en": ["Abdul-Malik al-Houthi"], "country": "Yemen", "role": "leader of the Houthi movement"}
{"name": "Antonio Guterres", "kind": "person", "aliases_ar": ["أنطونيو غوتيريش", "غوتيريش"], "aliases_en": ["Antonio Guterres", "Guterres"], "country": "United Nations", "role": "UN Secretary-General"}
{"name": "Stephane Dujarric", "kind": "person", "aliases_ar": ["ستيفان دوجاريك", "دوجاريك"], "aliases_en": ["Stephane Dujarric", "Dujarric"], "country": "United Nations", "role": "spokesman for the UN Secretary-General"}
{"name": "Rafael Grossi", "kind": "person", "aliases_ar": ["رافائيل غروسي", "غروسي"], "aliases_en": ["Rafael Grossi", "Grossi"], "country": "IAEA", "role": "Director General of the IAEA"}
{"name": "Hanna Notte", "kind": "person", "aliases_ar": ["هانا نوتي", "نوتي"], "aliases_en": ["Hanna Notte", "Notte"], "role": "research associate, Vienna Center for Disarmament and Non-Proliferation", "gender": "female"}
{"name": "Nicole Grajewski", "kind": "person", "aliases_ar": ["نيكول غراغوسكي", "نيكول غرايفسكي", "غراغوسكي"], "aliases_en": ["Nicole Grajewski", "Grajewski"], "role": "Russia-Iran relations expert, Belfer Center", "gender": "female"}
{"name": "Anna Borshchevskaya", "kind": "person", "aliases_ar": ["آنا بورشيفسكايا", "بورشيفسكايا"], "aliases_en": ["Anna Borshchevskaya", "Borshchevskaya"], "role": "fellow, Washington Institute for Near East Policy", "gender": "female"}
{"name": "Justin Bronk", "kind": "person", "aliases_ar": ["جاستن برونك", "برونك"], "aliases_en": ["Justin Bronk", "Bronk"], "role": "senior research fellow, RUSI"}
{"name": "Amy Mackinnon", "kind": "person", "aliases_ar": ["ايمي ماكينون", "إيمي ماكينون", "ماكينون"], "aliases_en": ["Amy Mackinnon", "Mackinnon"], "role": "Foreign Policy reporter", "gender": "female"}
{"name": "Robbie Gramer", "kind": "person", "aliases_ar": ["روبي غرامر", "غرامر"], "aliases_en": ["Robbie Gramer", "Gramer"], "role": "Foreign Policy reporter"}
{"name": "Francesco Schiavi", "kind": "person", "aliases_ar": ["فرانشيسكو شيافي", "شيافي"], "aliases_en": ["Francesco Schiavi", "Schiavi"], "role": "Al-Monitor reporter"}
{"name": "Ali Vaez", "kind": "person", "aliases_ar": ["علي واعظ"], "aliases_en": ["Ali Vaez", "Vaez"], "role": "Iran project director, International Crisis Group"}
{"name": "Michael Kofman", "kind": "person", "aliases_ar": ["مايكل كوفمان", "كوفمان"], "aliases_en": ["Michael Kofman", "Kofman"], "role": "military analyst of the Russian armed forces"}
{"name": "Reuters", "kind": "media", "aliases_ar": ["رويترز", "وكالة رويترز"], "aliases_en": ["Reuters"], "role": "international news agency"}
{"name": "AFP", "kind": "media", "aliases_ar": ["فرانس برس", "وكالة فرانس برس", "وكالة الصحافة الفرنسية", "فرانس بريس"], "aliases_en": ["AFP", "Agence France-Presse"], "country": "France", "role": "French news agency"}
{"name": "Associated Press", "kind": "media", "aliases_ar": ["أسوشيتد برس", "وكالة أسوشيتد برس", "أسوشييتد برس"], "aliases_en": ["Associated Press", "AP"], "country": "United States", "role": "US news agency"}
{"name": "Bloomberg", "kind": "media", "aliases_ar": ["بلومبرغ", "وكالة بلومبرغ"], "aliases_en": ["Bloomberg"], "country": "United States", "role": "US financial news agency"}
{"name": "CNN", "kind": "media", "aliases_ar": ["سي إن إن", "شبكة سي إن إن"], "aliases_en": ["CNN"], "country": "United States", "role": "US broadcaster"}
{"name": "BBC", "kind": "media", "aliases_ar": ["بي بي سي", "هيئة الإذاعة البريطانية"], "aliases_en": ["BBC"], "country": "United Kingdom", "role": "British broadcaster"}
{"name": "Al Jazeera", "kind": "media", "aliases_ar": ["قناة الجزيرة", "الجزيرة نت"], "aliases_en": ["Al Jazeera"], "country": "Qatar", "role": "Qatari broadcaster"}
{"name": "Al Arabiya", "kind": "media", "aliases_ar": ["قناة العربية"], "aliases_en": ["Al Arabiya"], "country": "Saudi Arabia", "role": "Saudi-owned broadcaster"}
{"name": "Sky News Arabia", "kind": "media", "aliases_ar": ["سكاي نيوز عربية"], "aliases_en": ["Sky News Arabia"], "country": "UAE"}
{"name": "Asharq Al-Awsat", "kind": "media", "aliases_ar": ["صحيفة الشرق الأوسط"], "aliases_en": ["Asharq Al-Awsat"], "country": "Saudi Arabia", "role": "Saudi-owned newspaper"}
{"name": "Independent Arabia", "kind": "media", "aliases_ar": ["اندبندنت عربية", "إندبندنت عربية"], "aliases_en": ["Independent Arabia"], "role": "Arabic news website"}
{"name": "Al-Monitor", "kind": "media", "aliases_ar": ["المونيتور", "موقع المونيتور"], "aliases_en": ["Al-Monitor"], "country": "United States", "role": "Middle East news website"}
{"name": "Al-Nashra Al-Dawliya", "kind": "media", "aliases_ar": ["النشرة الدولية"], "aliases_en": ["Al-Nashra Al-Dawliya"], "role": "Arabic news website"}
{"name": "The New York Times", "kind": "media", "aliases_ar": ["نيويورك تايمز", "صحيفة نيويورك تايمز"], "aliases_en": ["The New York Times", "New York Times", "NYT"], "country": "United States", "role": "US newspaper"}
{"name": "The Washington Post", "kind": "media", "aliases_ar": ["واشنطن بوست", "صحيفة واشنطن بوست"], "aliases_en": ["The Washington Post", "Washington Post"], "country": "United States", "role": "US newspaper"}
{"name": "The Wall Street Journal", "kind": "media", "aliases_ar": ["وول ستريت جورنال", "صحيفة وول ستريت جورنال"], "aliases_en": ["The Wall Street Journal", "Wall Street Journal", "WSJ"], "country": "United States", "role": "US newspaper"}
{"name": "Financial Times", "kind": "media", "aliases_ar": ["فايننشال تايمز", "فاينانشال تايمز", "صحيفة فايننشال تايمز"], "aliases_en": ["Financial Times", "FT"], "country": "United Kingdom", "role": "British newspaper"}
{"name": "The Guardian", "kind": "media", "aliases_ar": ["الغارديان", "صحيفة الغارديان"], "aliases_en": ["The Guardian", "Guardian"], "country": "United Kingdom", "role": "British newspaper"}
{"name": "The Economist", "kind": "media", "aliases_ar": ["الإيكونوميست", "إيكونوميست"], "aliases_en": ["The Economist", "Economist"], "country": "United Kingdom", "role": "British weekly"}
{"name": "Foreign Policy", "kind": "media", "aliases_ar": ["فورين بوليسي", "مجلة فورين بوليسي"], "aliases_en": ["Foreign Policy"], "country": "United States", "role": "US magazine"}
{"name": "Politico", "kind": "media", "aliases_ar": ["بوليتيكو"], "aliases_en": ["Politico"], "country": "United States"}
{"name": "Axios", "kind": "media", "aliases_ar": ["أكسيوس"], "aliases_en": ["Axios"], "country": "United States"}
{"name": "Le Monde", "kind": "media", "aliases_ar": ["لوموند", "صحيفة لوموند"], "aliases_en": ["Le Monde"], "country": "France", "role": "French newspaper"}
{"name": "Der Spiegel", "kind": "media", "aliases_ar": ["دير شبيغل"], "aliases_en": ["Der Spiegel", "Spiegel"], "country": "Germany", "role": "German weekly"}
{"name": "IRNA", "kind": "media", "aliases_ar": ["إرنا", "وكالة إرنا", "وكالة أنباء الجمهورية الإسلامية", "وكالة أنباء الجمهورية الإسلامية الإيرانية"], "aliases_en": ["IRNA", "Islamic Republic News Agency"], "country": "Iran", "role": "Iranian state news agency"}
{"name": "ISNA", "kind": "media", "aliases_ar": ["إسنا", "وكالة إسنا"], "aliases_en": ["ISNA"], "country": "Iran", "role": "Iranian news agency"}
{"name": "Fars", "kind": "media", "aliases_ar": ["وكالة فارس", "وكالة أنباء فارس"], "aliases_en": ["Fars", "Fars News Agency"], "country": "Iran", "role": "IRGC-affiliated news agency"}
{"name": "Tasnim", "kind": "media", "aliases_ar": ["تسنيم", "وكالة تسنيم"], "aliases_en": ["Tasnim", "Tasnim News Agency"], "country": "Iran", "role": "IRGC-affiliated news agency"}
{"name": "Mehr", "kind": "media", "aliases_ar": ["وكالة مهر", "وكالة أنباء مهر"], "aliases_en": ["Mehr", "Mehr News Agency"], "country": "Iran", "role": "Iranian news agency"}
{"name": "IRIB", "kind": "media", "aliases_ar": ["التلفزيون الإيراني", "التلفزيون الإيراني الرسمي", "التلفزيون الرسمي الإيراني", "هيئة الإذاعة والتلفزيون الإيرانية"], "aliases_en": ["IRIB", "Iranian state TV"], "country": "Iran", "role": "Iranian state broadcaster"}
{"name": "Press TV", "kind": "media", "aliases_ar": ["برس تي في"], "aliases_en": ["Press TV"], "country": "Iran", "role": "Iranian state English-language channel"}
{"name": "Kayhan", "kind": "media", "aliases_ar": ["كيهان", "صحيفة كيهان"], "aliases_en": ["Kayhan"], "country": "Iran", "role": "Iranian hardline newspaper"}
{"name": "Didban Iran", "kind": "media", "aliases_ar": ["ديدبان إيران", "موقع ديدبان إيران"], "aliases_en": ["Didban Iran"], "country": "Iran", "role": "Iranian news website"}
{"name": "Iran International", "kind": "media", "aliases_ar": ["إيران إنترناشيونال", "ايران انترناشيونال"], "aliases_en": ["Iran International"], "role": "Persian-language broadcaster based in London"}
{"name": "TASS", "kind": "media", "aliases_ar": ["تاس", "وكالة تاس"], "aliases_en": ["TASS"], "country": "Russia", "role": "Russian state news agency"}
{"name": "RIA Novosti", "kind": "media", "aliases_ar": ["ريا نوفوستي", "وكالة ريا نوفوستي"], "aliases_en": ["RIA Novosti", "RIA"], "country": "Russia", "role": "Russian state news agency"}
{"name": "Interfax", "kind": "media", "aliases_ar": ["إنترفاكس", "وكالة إنترفاكس"], "aliases_en": ["Interfax"], "country": "Russia", "role": "Russian news agency"}
{"name": "RT", "kind": "media", "aliases_ar": ["روسيا اليوم", "آر تي"], "aliases_en": ["RT", "Russia Today"], "country": "Russia", "role": "Russian state broadcaster"}
{"name": "Sputnik", "kind": "media", "aliases_ar": ["سبوتنيك"], "aliases_en": ["Sputnik"], "country": "Russia", "role": "Russian state news agency"}
{"name": "Rossiyskaya Gazeta", "kind": "media", "aliases_ar": ["روسيسكايا غازيتا", "صحيفة روسيسكايا غازيتا"], "aliases_en": ["Rossiyskaya Gazeta"], "country": "Russia", "role": "Russian government newspaper"}
{"name": "Kommersant", "kind": "media", "aliases_ar": ["كوميرسانت", "صحيفة كوميرسانت"], "aliases_en": ["Kommersant"], "country": "Russia", "role": "Russian business daily"}
{"name": "Ukrinform", "kind": "media", "aliases_ar": ["يوكرينفورم"], "aliases_en": ["Ukrinform"], "country": "Ukraine", "role": "Ukrainian state news agency"}
{"name": "Kyiv Independent", "kind": "media", "aliases_ar": ["كييف إندبندنت"], "aliases_en": ["Kyiv Independent"], "country": "Ukraine"}
{"name": "Xinhua", "kind": "media", "aliases_ar": ["شينخوا", "وكالة شينخوا"], "aliases_en": ["Xinhua"], "country": "China", "role": "Chinese state news agency"}
{"name": "KCNA", "kind": "media", "aliases_ar": ["وكالة الأنباء المركزية الكورية"], "aliases_en": ["KCNA", "Korean Central News Agency"], "country": "North Korea", "role": "North Korean state news agency"}
{"name": "Yonhap", "kind": "media", "aliases_ar": ["يونهاب", "وكالة يونهاب"], "aliases_en": ["Yonhap"], "country": "South Korea", "role": "South Korean news agency"}
{"name": "Anadolu", "kind": "media", "aliases_ar": ["الأناضول", "وكالة الأناضول"], "aliases_en": ["Anadolu", "Anadolu Agency"], "country": "Turkey", "role": "Turkish state news agency"}
{"name": "The Times of Israel", "kind": "media", "aliases_ar": ["تايمز أوف إسرائيل"], "aliases_en": ["Times of Israel"], "country": "Israel"}
{"name": "Haaretz", "kind": "media", "aliases_ar": ["هآرتس", "صحيفة هآرتس"], "aliases_en": ["Haaretz"], "country": "Israel", "role": "Israeli newspaper"}
{"name": "drones", "kind": "weapon", "aliases_ar": ["طائرات مسيرة", "الطائرات المسيرة", "طائرات مسيّرة", "المسيرات", "مسيرات", "طائرات بدون طيار", "الطائرات بدون طيار", "طائرات من دون طيار", "الطائرات من دون طيار", "طائرات عسكرية بدون طيار"], "aliases_en": ["drones", "UAVs", "unmanned aerial vehicles"]}
{"name": "Shahed drones", "kind": "weapon", "aliases_ar": ["شاهد 136", "شاهد-136", "شاهد 131", "مسيرات شاهد", "طائرات شاهد"], "aliases_en": ["Shahed", "Shahed-136", "Shahed-131", "Geran-2"], "role": "Iranian loitering munitions"}
{"name": "Mohajer drones", "kind": "weapon", "aliases_ar": ["مهاجر 6", "مهاجر-6"], "aliases_en": ["Mohajer-6", "Mohajer"], "role": "Iranian reconnaissance and strike drone"}
{"name": "ballistic missiles", "kind": "weapon", "aliases_ar": ["صواريخ باليستية", "الصواريخ الباليستية", "صواريخ بالستية", "الصواريخ البالستية"], "aliases_en": ["ballistic missiles"]}
{"name": "Fath-360", "kind": "weapon", "aliases_ar": ["فتح 360", "فتح-360"], "aliases_en": ["Fath-360"], "role": "Iranian short-range ballistic missile"}
{"name": "Fateh-110", "kind": "weapon", "aliases_ar": ["فاتح 110", "فاتح-110"], "aliases_en": ["Fateh-110"], "role": "Iranian short-range ballistic missile"}
{"name": "Zolfaghar", "kind": "weapon", "aliases_ar": ["ذو الفقار"], "aliases_en": ["Zolfaghar"], "role": "Iranian short-range ballistic missile"}
{"name": "precision-guided missiles", "kind": "weapon", "aliases_ar": ["صواريخ دقيقة التوجيه", "صواريخ إيرانية دقيقة التوجيه"], "aliases_en": ["precision-guided missiles"]}
{"name": "cruise missiles", "kind": "weapon", "aliases_ar": ["صواريخ كروز", "صواريخ مجنحة"], "aliases_en": ["cruise missiles"]}
{"name": "hypersonic missiles", "kind": "weapon", "aliases_ar": ["صواريخ فرط صوتية", "الصواريخ الفرط صوتية"], "aliases_en": ["hypersonic missiles"]}
{"name": "air defense", "kind": "weapon", "aliases_ar": ["الدفاع الجوي", "أنظمة الدفاع الجوي", "أنظمة دفاع جوي", "منظومات الدفاع الجوي"], "aliases_en": ["air defense", "air defence"]}
{"name": "S-400", "kind": "weapon", "aliases_ar": ["إس-400", "إس 400", "اس 400"], "aliases_en": ["S-400"], "role": "Russian air defence system"}
{"name": "artillery shells and munitions", "kind": "weapon", "aliases_ar": ["ذخائر", "الذخائر", "قذائف مدفعية", "قذائف", "ذخيرة"], "aliases_en": ["artillery shells", "munitions", "ammunition"]}
{"name": "fighter jets", "kind": "weapon", "aliases_ar": ["الطائرات المقاتلة", "طائرات مقاتلة", "مقاتلات"], "aliases_en": ["fighter jets"]}
{"name": "Su-35", "kind": "weapon", "aliases_ar": ["سوخوي 35", "سو-35", "سوخوي-35"], "aliases_en": ["Su-35", "Sukhoi Su-35"], "role": "Russian fighter jet"}
{"name": "helicopters", "kind": "weapon", "aliases_ar": ["المروحيات", "مروحيات", "طائرات الهليكوبتر"], "aliases_en": ["helicopters"]}
{"name": "radars", "kind": "weapon", "aliases_ar": ["الرادارات", "رادارات"], "aliases_en": ["radars"]}
{"name": "warships", "kind": "weapon", "aliases_ar": ["السفن الحربية", "سفن حربية"], "aliases_en": ["warships"]}
{"name": "nuclear weapons", "kind": "weapon", "aliases_ar": ["أسلحة نووية", "الأسلحة النووية", "سلاح نووي", "السلاح النووي"], "aliases_en": ["nuclear weapons"]}
{"name": "nuclear program", "kind": "topic", "aliases_ar": ["البرنامج النووي", "برنامج إيران النووي", "البرنامج النووي الإيراني", "برنامجها النووي"], "aliases_en": ["nuclear program", "nuclear programme"]}
{"name": "JCPOA", "kind": "topic", "aliases_ar": ["الاتفاق النووي", "الاتفاق النووي الإيراني", "خطة العمل الشاملة المشتركة"], "aliases_en": ["JCPOA", "nuclear deal", "Iran nuclear deal"]}
{"name": "uranium enrichment", "kind": "topic", "aliases_ar": ["تخصيب اليورانيوم", "اليورانيوم المخصب"], "aliases_en": ["uranium enrichment", "enriched uranium"]}
{"name": "sanctions", "kind": "topic", "aliases_ar": ["عقوبات", "العقوبات", "العقوبات الغربية", "العقوبات الأميركية"], "aliases_en": ["sanctions"]}
{"name": "export controls", "kind": "topic", "aliases_ar": ["الرقابة على الصادرات", "للرقابة على الصادرات", "قيود التصدير"], "aliases_en": ["export controls"]}
{"name": "Russia-Ukraine war", "kind": "topic", "aliases_ar": ["الحرب في أوكرانيا", "الحرب الروسية الأوكرانية", "الحرب الروسية على أوكرانيا", "الغزو الروسي", "الأزمة الأوكرانية", "الحرب بين روسيا وأوكرانيا"], "aliases_en": ["Russia-Ukraine war", "war in Ukraine", "Russian invasion of Ukraine"]}
{"name": "military cooperation", "kind": "topic", "aliases_ar": ["التعاون العسكري", "الشراكة العسكرية", "شراكة عسكرية", "التعاون الدفاعي"], "aliases_en": ["military cooperation", "defence cooperation"]}
{"name": "strategic partnership treaty", "kind": "topic", "aliases_ar": ["معاهدة الشراكة الاستراتيجية", "اتفاقية الشراكة الاستراتيجية", "الشراكة الاستراتيجية الشاملة"], "aliases_en": ["strategic partnership treaty", "comprehensive strategic partnership"]}
{"name": "arms transfers", "kind": "topic", "aliases_ar": ["نقل الأسلحة", "شحنات الأسلحة", "صفقات الأسلحة", "صفقة أسلحة"], "aliases_en": ["arms transfers", "arms shipments", "arms deals"]}
{"name": "trade", "kind": "topic", "aliases_ar": ["التجارة الثنائية", "التبادل التجاري", "العلاقات الاقتصادية", "تحالف تجاري", "شبكات تجارية"], "aliases_en": ["trade", "bilateral trade"]}
{"name": "satellite", "kind": "topic", "aliases_ar": ["قمر اصطناعي", "القمر الاصطناعي", "قمر صناعي", "القمر الصناعي"], "aliases_en": ["satellite"]}
{"name": "multipolar world order", "kind": "topic", "aliases_ar": ["نظام عالمي متعدد الأقطاب", "عالم متعدد الأقطاب"], "aliases_en": ["multipolar world order", "multipolar world"]}
{"name": "2022 Iranian protests", "kind": "topic", "aliases_ar": ["الاحتجاجات في البلاد", "الاحتجاجات في إيران", "احتجاجات إيران"], "aliases_en": ["2022 Iranian protests", "Iran protests"]}
{"name": "human rights", "kind": "topic", "aliases_ar": ["حقوق الإنسان"], "aliases_en": ["human rights"]}
{"name": "ceasefire", "kind": "topic", "aliases_ar": ["وقف إطلاق النار", "الهدنة"], "aliases_en": ["ceasefire", "truce"]}
{"name": "negotiations", "kind": "topic", "aliases_ar": ["المفاوضات", "المحادثات"], "aliases_en": ["negotiations", "talks"]}
{"name": "prisoner exchange", "kind": "topic", "aliases_ar": ["تبادل الأسرى", "صفقة تبادل"], "aliases_en": ["prisoner exchange"]}
{"name": "oil exports", "kind": "topic", "aliases_ar": ["صادرات النفط", "النفط الإيراني"], "aliases_en": ["oil exports", "Iranian oil"]}
{"name": "energy infrastructure", "kind": "topic", "aliases_ar": ["البنية التحتية للطاقة", "محطات توليد الكهرباء", "منشآت الطاقة"], "aliases_en": ["energy infrastructure", "power plants"]}
{"name": "civilian casualties", "kind": "topic", "aliases_ar": ["الضحايا المدنيين", "ضحايا مدنيين", "سقوط ضحايا مدنيين"], "aliases_en": ["civilian casualties"]}
{"name": "North-South Transport Corridor", "kind": "topic", "aliases_ar": ["ممر النقل بين الشمال والجنوب", "ممر الشمال والجنوب"], "aliases_en": ["North-South Transport Corridor", "INSTC"]}
{"name": "Isnad sample desk", "kind": "media", "aliases_ar": [], "aliases_en": ["Isnad sample desk"], "role": "the byline of the project's sample corpus (examples/corpus)"}
"""#
