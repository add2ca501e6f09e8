import Foundation
import IsnadIndex
import IsnadQuery
import IsnadText
import IsnadVocabulary
import Testing

@testable import Isnad
@testable import IsnadExtract

/// Extraction on the patterns of Arabic and English news, on the default
/// gazetteer, and against the hand-annotated seeds.
@Suite struct ExtractionTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    /// The annotated corpora (`../shared/corpus`, beside the clone, as in CI);
    /// the evaluations on them are skipped without it.
    static let hasCorpus = FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/seeds").path)
    static let corpusMissing: Comment = "needs the annotated corpora in ../shared/corpus (beside the clone, as in CI)"

    static let gazetteer = Gazetteer(
        DefaultGazetteer.records.map {
            Gazetteer.Entry(
                name: $0.name, kind: $0.kind, aliases: $0.aliasesAr + $0.aliasesEn, country: $0.country, role: $0.role,
                gender: $0.gender)
        })
    static let extractor = Extractor(gazetteer: gazetteer)
    static let published = RecordDate("2024-09-09")  // a Monday

    func extract(_ text: String) -> [Extraction] { Self.extractor.extract(text: text, published: Self.published) }

    @Test func verbFirstSpeakerAfterHisRole() {
        let found = extract("ونفى المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني التقارير.")
        #expect(found.map(\.actor) == ["Nasser Kanaani"])
        #expect(found.first?.stance == "deny")
        #expect(found.first?.cue == "ونفى")
    }

    @Test func nameSetOffByCommasAfterARole() {
        let found = extract("وقال المتحدث باسم مجلس الأمن القومي في البيت الأبيض، جون كيربي، إن موسكو تقدم الدعم.")
        #expect(found.map(\.actor) == ["John Kirby"])
    }

    @Test func continuationByPronounKeepsTheSpeaker() {
        let found = extract("وقال بيسكوف إن التعاون مستمر. وأضاف أن روسيا لا تناقش ذلك.")
        #expect(found.map(\.actor) == ["Dmitry Peskov", "Dmitry Peskov"])
    }

    @Test func pronounsAgreeWithTheirSpeaker() {
        // وأضافت is feminine: Zakharova goes on, not Lavrov; وأضاف is masculine.
        let found = extract("وقال لافروف إن التعاون مستمر. وقالت زاخاروفا إن العقوبات فشلت. وأضافت أن موسكو مستعدة. وأضاف أن الحوار ممكن.")
        #expect(found.map(\.actor) == ["Sergei Lavrov", "Maria Zakharova", "Maria Zakharova", "Sergei Lavrov"])
        // A definite noun after the verb is its object, not a report.
        #expect(extract("وقال بيسكوف إن إيران شريك مهم، ولم ينكر التقارير الأخيرة.").map(\.actor) == ["Dmitry Peskov", "Dmitry Peskov"])
        #expect(extract("وبحسب ما ورد ساعدت روسيا إيران.").map(\.actor) == ["unspecified reports"])
    }

    @Test func subjectFirstAndPluralVerbs() {
        let found = extract("وكانت الولايات المتحدة وشركاؤها حذروا الجمهورية الإسلامية من هذه الشحنات.")
        #expect(found.map(\.actor) == ["United States and partners"])
        #expect(found.first?.stance == "warn")
        #expect(extract("وحذرت بريطانيا وحلفاؤها إيران من العواقب.").map(\.actor) == ["United Kingdom and allies"])
        // A plural verb goes on with the officials its sentence is about.
        #expect(
            extract("في حين يحتفل المسؤولون الأوكرانيون بوصول الدفاعات ويؤكدون نجاحها.").map(\.actor)
                == ["Ukrainian officials"])
    }

    // MARK: How Arabic news writes its speakers, on sentences of our own

    @Test func participlesAreCuesOnlyBeforeSpeech() {
        let found = extract("وقال لافروف إن المحادثات مثمرة، مردفا أن موسكو مستعدة لجولة أخرى.")
        #expect(found.map(\.actor) == ["Sergei Lavrov", "Sergei Lavrov"])
        // The same words as adjectives: wary, tight.
        #expect(extract("وكانت طهران حذرة في السابق بشأن هذه الصفقات.").isEmpty)
        #expect(extract("وتخضع إيران لعقوبات مشددة منذ سنوات.").isEmpty)
    }

    @Test func verbsWithObjectPronounsAndConjunctions() {
        let found = extract("وقالت زاخاروفا إن العقوبات فشلت، واعتبرتها غير قانونية.")
        #expect(found.map(\.actor) == ["Maria Zakharova", "Maria Zakharova"])
        // "ووعدت" opens a clause of its own: Russia before it is no subject,
        // and a promised response is a threat.
        let promise = extract("قالت الصين إنها سترسل مساعدات إلى روسيا ووعدت برد حازم إذا فرضت عقوبات عليها.")
        #expect(promise.map(\.actor) == ["China", "China"])
        #expect(promise.map(\.stance) == ["pledge", "threaten"])
    }

    @Test func describedSpeakers() {
        #expect(extract("يقول مسؤولون أميركيون حاليون وسابقون إن الصفقة تمت.").map(\.actor) == ["current and former US officials"])
        #expect(extract("وقال مسؤولون وخبراء إن الصفقة تمت.").map(\.actor) == ["officials and experts"])
        // A definite unnamed speaker is the one met before.
        let sources = extract("وأفادت مصادر مطلعة بأن المحادثات مستمرة. وأضافت المصادر أن الاتفاق قريب.")
        #expect(sources.map(\.actor) == ["informed sources", "informed sources"])
        // …unless it says who it is.
        let officials = extract("وحذر مسؤولون غربيون وأوكرانيون من التصعيد. وقال المسؤولون الأوكرانيون إن الهجمات زادت.")
        #expect(officials.map(\.actor) == ["Western and Ukrainian officials", "Ukrainian officials"])
        // Media groups and the two countries of the story.
        #expect(extract("وذكرت وسائل إعلام روسية أن الوفد وصل.").map(\.actor) == ["Russian media"])
        #expect(extract("وذكرت وسائل إعلام روسية أن الوفد وصل.").map(\.stance) == ["report"])
        #expect(extract("التقى لافروف نظيره الإيراني في موسكو. وتعهد البلدان بتوسيع التعاون.").map(\.actor) == ["Iran and Russia"])
    }

    @Test func titlesNameTheirHoldersAndLedesNameTheirSpeakers() {
        // The holder the gazetteer knows speaks when the article names him;
        // offices change hands, so otherwise the office speaks as written.
        #expect(
            extract("وقال رئيس مديرية المخابرات الدفاعية الأوكرانية إن الشحنات وصلت.").map(\.actor) == [
                "رئيس مديرية المخابرات الدفاعية الأوكرانية"
            ])
        #expect(
            extract("التقى الوفد كيريلو بودانوف أمس. وقال رئيس مديرية المخابرات الدفاعية الأوكرانية إن الشحنات وصلت.").map(\.actor)
                .last == "Kyrylo Budanov")
        // Several holders cannot be told apart: the institution speaks.
        #expect(extract("وقال المتحدث باسم وزارة الخارجية الصينية إن بكين محايدة.").map(\.actor) != ["Mao Ning"])
        let lede = extract(
            "لكن مسؤولا في الكرملين رفض التعليق على التقارير. وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو لا تعلق على الشائعات.")
        #expect(lede.map(\.actor) == ["Dmitry Peskov", "Dmitry Peskov"])
        // "لا تعلق على الشائعات": a refusal to comment, whatever verb says it.
        #expect(lede.map(\.stance) == ["decline", "decline"])
        // An official who asked not to be named stays unnamed, and the
        // formula is no refusal.
        let anonymous = extract("وقال مسؤول في الكرملين، رفض الكشف عن هويته، إن موسكو لا تعلق. وقال بيسكوف إن الحوار مستمر.")
        #expect(anonymous.map(\.actor) == ["Kremlin official", "Dmitry Peskov"])
        #expect(anonymous.map(\.stance) == ["assert", "assert"])
    }

    @Test func citationsNameTheirSources() {
        let cited = extract("ومن المستبعد أن تزود روسيا إيران بأسلحة نووية، وفق مسؤولين أوروبيين.")
        #expect(cited.map(\.actor) == ["European officials"])
        #expect(cited.first?.quote.hasPrefix("ومن المستبعد") == true)
        let document = extract("وفق دراسة أصدرها معهد واشنطن لسياسة الشرق الأدنى، تعتمد روسيا على المسيرات الإيرانية.")
        #expect(document.map(\.actor) == ["Washington Institute for Near East Policy"])
        #expect(document.map(\.stance) == ["report"])
        // An outlet that relays another speaker, and a report already
        // counted, are no statements of their own.
        #expect(extract("وقال شمخاني إن التعاون مستمر، بحسب التلفزيون الإيراني الرسمي.").map(\.actor) == ["Ali Shamkhani"])
        #expect(extract("ووفقا للتقرير، أكد مسؤول أميركي وصول الشحنة.").map(\.actor) == ["unnamed US official"])
    }

    @Test func performativesInsideQuotations() {
        let found = extract("وقال كليفرلي “رأينا الأدلة على الصفقة، ندين هذا التعاون بين طهران وموسكو”.")
        #expect(found.map(\.actor) == ["James Cleverly", "James Cleverly"])
        #expect(found.map(\.stance) == ["assert", "condemn"])
        #expect(found.last?.quote.hasPrefix("ندين") == true)
    }

    @Test func datesBelongToTheSaying() {
        func dates(_ text: String) -> [String] { extract(text).map { $0.date?.text ?? "-" } }
        // The same speaker named again goes on from the same occasion.
        #expect(dates("وقال بيسكوف يوم الأحد إن التعاون مستمر. ووصف بيسكوف العقوبات بأنها فاشلة.") == ["2024-09-08", "2024-09-08"])
        // A date in what was said is the content's.
        #expect(dates("وقال بيسكوف إن روسيا أطلقت الصواريخ في أغسطس.") == ["2024-09-09"])
        // A paragraph set in a time: past verbs are of then, present ones of now.
        #expect(
            dates("في آب 2022 أطلقت روسيا قمرا إيرانيا. وقد ذكرت صحيفة واشنطن بوست الأمر. ويقول خبراء إن القمر يراقب أوكرانيا.")
                == ["2022-08", "2024-09-09"])
        // …but not what happened later.
        #expect(
            dates("في تشرين الأول 2022 نفت إيران إرسال المسيرات. واعترفت طهران في وقت لاحق بإرسال عدد منها.")
                == ["2022-10", "2024-09-09"])
        // "According to the report": when the report was.
        #expect(
            dates("ذكرت صحيفة وول ستريت جورنال يوم الجمعة أن الشحنة وصلت. ووفقا للتقرير، أكد مسؤول أميركي وصولها.")
                == ["2024-09-06", "2024-09-06"])
        // A month in both calendars, the second of two words: the day and
        // the year are the first one's.
        // (Two statements: the television's, and the guard's warning it reports.)
        #expect(
            dates("قال التلفزيون الرسمي، الإثنين 18 نوفمبر/تشرين الثاني 2019، إن الحرس حذر المحتجين.") == ["2019-11-18", "2019-11-18"])
        #expect(dates("وقال المتحدث في 3 كانون الثاني/يناير 2021 إن الحدود أغلقت.") == ["2021-01-03"])
        // Months gone by, and a year alone.
        #expect(dates("وخلال الأشهر الماضية، اتهمت أوكرانيا إيران بإرسال المسيرات.") == ["2024-08"])
        #expect(dates("وفي عام 2023 نفى كنعاني التقارير.") == ["2023"])
    }

    @Test func mediaReportsAndUnnamedOfficials() {
        let found = extract("ذكرت صحيفة وول ستريت جورنال أن إيران زودت روسيا بصواريخ. وأكد مسؤول أميركي وصول الشحنة.")
        #expect(found.map(\.actor) == ["The Wall Street Journal", "unnamed US official"])
        #expect(found.map(\.stance) == ["report", "confirm"])
    }

    @Test func stanceIsTheAnalystsReading() {
        #expect(extract("وأكد كنعاني أن هذه المزاعم “لا أساس لها من الصحة”.").first?.stance == "deny")
        #expect(extract("وقال كيربي “لا أستطيع تأكيد التقارير”.").first?.stance == "decline")
        #expect(extract("لكن مسؤولا في البيت الأبيض امتنع يوم الاثنين عن تأكيد هذه الأنباء.").first?.stance == "decline")
        #expect(extract("وأعربت الولايات المتحدة، الجمعة، عن قلقها من الشراكة.").first?.stance == "concern")
    }

    @Test func jointSpeakersAndTheirCommitments() {
        let found = extract("وقال باتروشيف ونظيره الإيراني، علي شمخاني، إنهما سيحاربان بشكل مشترك.")
        #expect(found.map(\.actor) == ["Nikolai Patrushev", "Ali Shamkhani"])
        #expect(found.map(\.stance) == ["pledge", "pledge"])
        // A future that is not the speaker's own stays plain saying.
        #expect(extract("وقال بيسكوف إن العقوبات ستفشل.").first?.stance == "assert")
    }

    @Test func relayedSpeechBelongsToTheQuotedSpeaker() {
        let found = extract("ونقلت وكالة إرنا عن باتروشيف قوله: “العالم يمر بنقطة تحول”.")
        #expect(found.map(\.actor) == ["Nikolai Patrushev"])
    }

    @Test func englishPatterns() {
        let found = extract("John Kirby said the transfer was under way. Peskov declined to comment on the reports.")
        #expect(found.map(\.actor) == ["John Kirby", "Dmitry Peskov"])
        #expect(found.map(\.stance) == ["assert", "decline"])
        // An attribution closing its sentence said what came before it.
        let closing = extract("Iranian advisers are in Crimea, the White House said on Thursday.")
        #expect(closing.map(\.quote) == ["Iranian advisers are in Crimea"])
        #expect(closing.first?.date?.text == "2024-09-05")
        // A name after "said" that goes on is what was said, not who said it.
        #expect(
            extract("Kirby said the deliveries went on. He said Russia had received the drones.").map(\.actor)
                == ["John Kirby", "John Kirby"])
        // Each cue's words end where the next cue begins.
        let two = extract("Araghchi denied that Iran had sent missiles, and said the sanctions were unjust.")
        #expect(two.map(\.quote) == ["Iran had sent missiles", "the sanctions were unjust"])
    }

    @Test func datesInBothMonthSystemsAndRelativeWords() {
        func date(_ text: String) -> String? { extract(text).first?.date?.text }
        #expect(date("ذكرت صحيفة وول ستريت جورنال في السادس من سبتمبر/أيلول أن إيران أرسلت صواريخ.") == "2024-09-06")
        #expect(date("وقال بيسكوف يوم الأحد إن التعاون مستمر.") == "2024-09-08")
        #expect(date("وقال بيسكوف أمس إن التعاون مستمر.") == "2024-09-08")
        #expect(date("في مارس/آذار، طالبت مجموعة الدول السبع إيران بوقف الشحنات.") == "2024-03")
        #expect(date("وفي كانون الثاني ٢٠٢٣ قال كيربي إن الشحنات مستمرة.") == "2023-01")
        #expect(date("وقال بيسكوف إن التعاون مستمر.") == "2024-09-09")
        #expect(extract("وقال بيسكوف إن التعاون مستمر.").first?.dateBasis == .article)
    }

    @Test func spansPointIntoTheText() {
        let text = "ونفى المتحدث باسم الكرملين دميتري بيسكوف التقارير، وقال: “نحن نعمل على تطوير تعاوننا”."
        let bytes = Array(text.utf8)
        for found in extract(text) {
            #expect(String(decoding: bytes[found.cueSpan], as: UTF8.self) == found.cue)
            if let actor = found.actorSpan { #expect(String(decoding: bytes[actor], as: UTF8.self).contains("بيسكوف")) }
            #expect(found.sentenceSpan.contains(found.cueSpan.lowerBound))
        }
    }

    @Test func unknownPeopleAfterATitleAreKept() throws {
        let found = extract("وقال السفير الروسي لدى طهران أليكسي ديدوف إن التعاون مستمر.")
        // Kept as the text writes the name.
        #expect(found.map(\.actor) == ["أليكسي ديدوف"])
        #expect(found.first?.actorIsNew == true)
        // A known person is never taken for a new one.
        #expect(extract("وقال المتحدث باسم الكرملين دميتري بيسكوف إن التعاون مستمر.").first?.actorIsNew == false)

        // Stored as a provisional person, found by the name as written.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.path)
        try store.ingest([
            Article(
                id: "a", published: "2024-05-01",
                text: "وقال السفير الروسي لدى طهران أليكسي ديدوف إن التعاون مستمر.")
        ])
        let query = try CheckedQuery(parsing: "actor:\"أليكسي ديدوف\" | fields actor, kind")
        let result = try QueryEngine(store: store.index).run(query)
        #expect(result.rows.map { $0.map(\.description) } == [["أليكسي ديدوف", "person"]])
    }

    @Test func aboutListsWhatTheSentenceMentions() {
        let found = extract("ونفى كنعاني إرسال صواريخ باليستية إلى روسيا.")
        #expect(found.first?.about == ["ballistic missiles", "Russia"])
    }

    /// No input makes extraction fail: random runs of cue words, names,
    /// quotation marks (matched or not), punctuation, digits, dates and
    /// noise, and the spans it returns stay inside the text.
    @Test func anyTextIsSafe() {
        let pieces = [
            "قال", "وقال", "وأضاف", "نفى", "أكد", "ذكرت صحيفة", "مسؤول أميركي", "كيربي", "بيسكوف", "إن", "أن",
            "“", "”", "«", "»", "\"", "،", ":", ".", "\n", "\n\n", "يوم الاثنين", "السادس من سبتمبر/أيلول",
            "٢٠٢٣", "2024", "كانون الثاني", "الرئيس الأوكراني", "ونظيره", "سيحاربان", "إنهما", "said", "Kirby",
            "declined to comment", "\u{0651}", "\u{064F}", "ـ", "🙂", "a\u{0301}", "السفير", "أليكسي ديدوف", "لروسيا",
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<40, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            let size = text.utf8.count
            for found in extract(text) {
                #expect(found.sentenceSpan.upperBound <= size && found.cueSpan.upperBound <= size)
                #expect((found.quoteSpan?.upperBound ?? 0) <= size && (found.actorSpan?.upperBound ?? 0) <= size)
                #expect(IsnadIndex.Stance(rawValue: found.stance) != nil)
            }
        }
    }

    /// Ingest extracts a batch's articles on every core; each article's
    /// extractions land in its own slot, as one thread would find them.
    @Test func parallelExtractionKeepsEachArticlesResult() {
        let folders = [
            Self.shared.appendingPathComponent("corpus/seeds").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/corpus").path,
        ]
        let articles = Article.load(from: folders).articles
        #expect(articles.count >= 12)
        // Repeated, with the dates dropped from some, so that threads take
        // articles of different lengths and the dateline path runs too.
        let records = (0..<8).flatMap { round in
            articles.map { article in
                var article = article
                if round % 2 == 1 { article.published = nil }
                return article.record
            }
        }
        let parallel = Store.extract(records, with: Self.extractor)
        let serial = records.map { record in
            Self.extractor.extract(
                text: record.text,
                published: record.published.flatMap(RecordDate.init) ?? DateFinder.dateline(in: record.text))
        }
        #expect(parallel.count == records.count)
        #expect(parallel == serial)
        #expect(serial.joined().count > 100)
    }

    /// Every entity of the seeds' gold annotations is in the default
    /// gazetteer, and each of its Arabic names is found as that entity.
    @Test(.enabled(if: ExtractionTests.hasCorpus, ExtractionTests.corpusMissing))
    func gazetteerCoversTheGoldEntities() throws {
        let url = Self.shared.appendingPathComponent("corpus/seeds/gold/entities.jsonl")
        struct Gold: Decodable {
            var name: String
            var aliases_ar: [String]
        }
        let gold = try Data(contentsOf: url).split(separator: 0x0A).map { try JSONDecoder().decode(Gold.self, from: Data($0)) }
        let names = Set(DefaultGazetteer.records.map(\.name))
        #expect(DefaultGazetteer.records.count >= 300)
        var unmatched: [String] = []
        for entity in gold {
            #expect(names.contains(entity.name), "\(entity.name) is not in the gazetteer")
            for alias in entity.aliases_ar {
                let tokens = Analyzer(stemming: false).tokens(in: alias)
                let found = Self.gazetteer.mentions(in: tokens).map { Self.gazetteer.entries[$0.entry].name }
                if !found.contains(entity.name) { unmatched.append("\(entity.name): \(alias)") }
            }
        }
        // A few gold aliases are descriptions rather than names ("قوات كييف"
        // is in, "الاحتجاجات في البلاد" is kept as written).
        #expect(unmatched.count <= 12, "\(unmatched)")
    }
}

/// `isnad eval` on the seeds' gold annotations must reach the targets: F1 ≥
/// 0.90 (found), 0.85 (actor and stance), 0.80 (with the date). Extraction
/// is at 0.99 / 0.87 / 0.86 today (the stance reader reads what
/// was said, and the seeds' annotators read some of it otherwise); the rules come from how Arabic news is
/// written and are tested on sentences of their own above.
@Suite struct GoldEvaluationTests {
    @Test(.enabled(if: ExtractionTests.hasCorpus, ExtractionTests.corpusMissing))
    func seedsScoreAtLeastTheirFloors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.path)
        let gold = ExtractionTests.shared.appendingPathComponent("corpus/seeds/gold").path
        let evaluation = try Evaluation.run(gold: gold, store: store)
        #expect(evaluation.found.gold == 101)
        #expect(evaluation.found.f1 >= 0.90, "found \(evaluation.found)")
        #expect(evaluation.actor.f1 >= 0.90, "actor \(evaluation.actor)")
        #expect(evaluation.actorStance.f1 >= 0.85, "actor+stance \(evaluation.actorStance)")
        #expect(evaluation.actorStanceDate.f1 >= 0.80, "actor+stance+date \(evaluation.actorStanceDate)")
        // Every match is one prediction for one gold statement.
        #expect(evaluation.found.truePositives + evaluation.misses.count == 101)
        #expect(evaluation.found.truePositives + evaluation.falseAlarms.count == evaluation.found.predicted)
    }

    /// The development set (real news of many stories) as a ratchet: the
    /// issue's targets (actor+stance 0.75 per language) are not reached
    /// yet, and no change may lose what is reached (actor+stance 0.504
    /// Arabic, 0.552 English; actor 0.731 and 0.756 after the speakers
    /// round of the fourth session).
    @Test(.enabled(if: ExtractionTests.hasCorpus, ExtractionTests.corpusMissing))
    func developmentSetKeepsItsStances() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.path)
        let gold = ExtractionTests.shared.appendingPathComponent("corpus/dev/gold").path
        let evaluation = try Evaluation.run(gold: gold, store: store)
        #expect(evaluation.found.f1 >= 0.89, "found \(evaluation.found)")
        for (language, floor, actorFloor) in [("ar", 0.49, 0.72), ("en", 0.54, 0.745)] {
            let scores = try #require(evaluation.languages[language])
            #expect(scores.actorStance.f1 >= floor, "\(language) actor+stance \(scores.actorStance)")
            #expect(scores.actor.f1 >= actorFloor, "\(language) actor \(scores.actor)")
        }
    }

    @Test func describedSpeakersCompareAsDescriptions() throws {
        func gold(_ actor: String, _ native: String, named: Bool) throws -> Evaluation.Gold {
            let line =
                #"{"doc": "d", "actor": "\#(actor)", "actor_native": "\#(native)", "named": \#(named), "stance": "assert", "evidence": "e"}"#
            return try JSONDecoder().decode(Evaluation.Gold.self, from: Data(line.utf8))
        }
        let source = try gold("unnamed UN source", "a U.N. source", named: false)
        #expect(Evaluation.sameActor(source, "unnamed U.N. source"))
        #expect(Evaluation.sameActor(source, "U.N. source"))
        #expect(!Evaluation.sameActor(source, "unnamed source"))
        let official = try gold("unnamed Saudi consulate official", "The Saudi official", named: false)
        #expect(Evaluation.sameActor(official, "Saudi official"))
        #expect(!Evaluation.sameActor(official, "official"))
        let spokesman = try gold("unnamed Downing Street spokesman", "the PM\u{2019}s spokesman", named: false)
        #expect(Evaluation.sameActor(spokesman, "PM's spokesman"))
        // Named actors still meet by name key, across scripts.
        #expect(Evaluation.sameActor(try gold("Philippe Lazzarini", "لازاريني", named: true), "فيليب لازاريني"))
        // …and by the other names of the predicted actor's entity.
        let guards = try gold("Islamic Revolutionary Guard Corps", "الحرس الثوري", named: true)
        #expect(!Evaluation.sameActor(guards, "IRGC"))
        #expect(Evaluation.sameActor(guards, "IRGC", aliases: ["IRGC", "الحرس الثوري", "Revolutionary Guards"]))
        #expect(!Evaluation.sameActor(guards, "IRGC", aliases: ["IRGC", "Revolutionary Guards"]))
    }

    @Test func datesCompareAtTheGoldsPrecision() {
        #expect(Evaluation.sameDate(gold: "2024-09", predicted: "2024-09-06"))
        #expect(Evaluation.sameDate(gold: "2024", predicted: "2024-03"))
        #expect(!Evaluation.sameDate(gold: "2024-09-06", predicted: "2024-09"))
        #expect(!Evaluation.sameDate(gold: "2024-09-08", predicted: "2024-09-09"))
    }
}

/// The lexicons' word tests done on bytes (`PlainForm`) give what the
/// String tests give, for plain words and for words that take the String
/// path (marks, other scripts, graphemes of several scalars).
@Suite struct PlainFormTests {
    static let words = [
        "والمسؤولون", "المسؤول", "مسؤول", "فالخبراء", "وكالات", "ووكالات", "الصحف", "والصحف", "صحف", "وصحف",
        "بسبتمبر", "وفي", "في", "و", "وال", "ال", "الاا", "والا", "officials", "and", "a", "", "وَالمسؤول", "و\u{0301}ال",
        "한국어", "각", "ومسؤول\u{200D}", "e\u{301}", "🇮🇷", "ف🇮🇷", "والعربي٣", "وabc", "والمصادر", "لمصادر",
        "Kirby and Blinken", "officials", "قالوا", "يقولون", "s", "\u{600}s", "se\u{301}",
    ]

    /// The String versions, as written before the byte path.
    static func isOfficial(_ form: String) -> Bool {
        let word = DateFinder.stripped(form)
        return Extractor.officials.contains(word.hasPrefix("ال") && word.count > 4 ? String(word.dropFirst(2)) : word)
    }

    @Test func bytePathsAgreeWithTheStringTests() {
        for word in Self.words {
            #expect(PlainForm.bare(word) { String(decoding: $0, as: UTF8.self) } == Extractor.bare(word), "\(word)")
            #expect(PlainForm.stripped(word) { bytes, _ in String(decoding: bytes, as: UTF8.self) } == DateFinder.stripped(word), "\(word)")
            #expect(Extractor.isOfficial(word) == Self.isOfficial(word), "\(word)")
            #expect(Extractor.isArabic(word) == !word.unicodeScalars.contains { Script($0) != .arabic }, "\(word)")
            for part in ["وا", "ون", "s", " and ", "ال", "مصادر", "e", "\u{301}", "ل", ""] {
                #expect(PlainForm.hasSuffix(word, part) == word.hasSuffix(part), "\(word) \(part)")
                #expect(PlainForm.contains(word, part) == word.contains(part), "\(word) \(part)")
            }
            if let count = PlainForm.stripped(word, { _, count in count }) {
                #expect(count == DateFinder.stripped(word).count, "\(word)")
            }
        }
        #expect(Extractor.isOfficial("والمسؤولون") && Extractor.isOfficial("مصادر") && !Extractor.isOfficial("الصحف"))
        #expect(PlainForm.bare("والمسؤولون") { String(decoding: $0, as: UTF8.self) } == "مسؤولون")
    }
}

@Suite struct ArticleWordsTests {
    /// Reused from text to text (and past its limit, when it forgets), the
    /// cache gives each text the tokens, ranges and keys of analysing it whole.
    @Test func readsAsTheAnalyzerDoes() throws {
        let texts = [
            "قال المتحدث باسم الخارجية ناصر كنعاني إن «العقوبات غير شرعية».",
            "وأضاف كنعاني: “العقوبات غير شرعية” — وقال إنها لن تؤثر.",
            "John Kirby’s remarks: “we don’t see it” – the Pentagon’s view.",
            "قال المتحدث باسم الخارجية ناصر كنعاني… وأكد أن الاتفاق\u{A0}قائم",  // not plain: whole
            "وَقالَ الـمسؤولُ ٣ مرات، «لا» ‘نعم’ „ja“ ۴٢",
            "", "  ", "«»", "e\u{301}té",
        ]
        for limit in [1 << 17, 4] {
            for analyzer in [Analyzer(stemming: false), Analyzer()] {
                var words = ArticleWords(analyzer: analyzer, limit: limit)
                for text in texts + texts {
                    let (tokens, keys, flags) = words.read(text)
                    let whole = analyzer.tokens(in: text)
                    #expect(flags.count == tokens.count && flags.allSatisfy { $0 == .all })
                    #expect(tokens == whole, "\(text)")
                    #expect(keys == whole.map { Array($0.form.utf8) }, "\(text)")
                    for token in tokens where !token.form.isEmpty {
                        #expect(!Array(text.utf8)[token.range].isEmpty)
                    }
                }
            }
        }
        var words = ArticleWords(analyzer: Analyzer(stemming: false))
        #expect(words.read(texts[1]).tokens.map(\.form).contains("شرعيه"))
    }

    /// A word whose flags say it starts no name, date or cue is skipped by
    /// those lookups: it must be one they would not have found anything at,
    /// so extraction finds the same with the flags as without them.
    @Test func wordFlagsSkipOnlyWhatCannotMatch() {
        let folders = [
            ExtractionTests.shared.appendingPathComponent("corpus/seeds").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/corpus").path,
        ]
        var texts = Article.load(from: folders).articles.map(\.text)
        let articles = texts.count
        #expect(articles >= 12)
        // Every name of the gazetteer behind each clitic, then every cue verb
        // with a conjunction or an object pronoun, and the date words.
        let gazetteer = ExtractionTests.gazetteer
        let clitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "وال", "بال", "لل"]
        // (Short texts, one per entry or verb: extraction looks back over
        // a text's earlier statements, and the tests run a debug build.)
        for entry in gazetteer.entries {
            var names: [String] = []
            for alias in [entry.name] + entry.aliases {
                for clitic in clitics { names.append(clitic + alias) }
                if alias.hasPrefix("ال") { names += ["لل" + alias.dropFirst(2), "ولل" + alias.dropFirst(2)] }  // للكرملين
            }
            texts.append(names.joined(separator: " قال "))
        }
        for (_, list) in Cue.verbs {
            for verb in list {
                texts.append(["و" + verb, "ف" + verb, verb + "ه", verb + "ها", "و" + verb + "هم", verb].joined(separator: " أن "))
            }
        }
        texts.append(Cue.phrases.map { $0.0 }.joined(separator: ". "))
        // Roles, institution heads and sayings, as they stand and after و, ف or ب.
        let speakerWords = ["المتحدث", "وزير", "الناطق", "وزارة", "قوات", "الجيش", "قائلا", "قوله", "spokesman", "ministry", "saying"]
        texts.append(speakerWords.flatMap { [$0, "و" + $0, "ف" + $0, "ب" + $0] }.joined(separator: " وقال "))
        var dates: [String] = []
        for (name, _) in DateFinder.monthNames + DateFinder.weekdayNames {
            dates += ["في " + name, "و" + name, "ب" + name]
        }
        texts.append(dates.joined(separator: " 2023 ") + " أمس اليوم الشهر الماضي العام الماضي كانون الثاني وتشرين الأول")
        // Stance phrases, as they stand and after و, ف or ب.
        let phrases = [
            "لا أساس له", "عارية عن الصحة", "لم يكن قط", "كاذبة", "not true", "لا يمكننا تأكيد", "cannot confirm",
            "نشعر بالقلق", "ندين", "يلحق الضرر", "عواقب", "تصعيدا كبيرا", "سنواصل", "حزمة مساعدات", "will continue",
            "نطالب", "we call on", "متورطة", "بالرد", "retaliation",
        ]
        texts.append(phrases.flatMap { [$0, "و" + $0, "ف" + $0, "ب" + $0] }.joined(separator: "، وقال إن "))
        // Words that change which date a statement takes: "later", and a
        // citation of a report.
        texts.append(
            "ذكرت صحيفة نيويورك تايمز في 3 آذار 2023 أن الصواريخ وصلت. ووفقا للتقرير، أكد مسؤول أميركي أن الشحنة كبيرة. "
                + "وقال كيربي لاحقا إن الأمر خطير. وأضاف في وقت لاحق أنه لا يعرف. وبحسب التقرير، قال مسؤول إن ذلك صحيح.")
        let published = ExtractionTests.published
        var flagged = ExtractionTests.extractor.words()
        var unflagged = ArticleWords(analyzer: Analyzer(stemming: false))
        var skipped = 0
        var total = 0
        for (n, text) in texts.enumerated() {
            let withFlags = ExtractionTests.extractor.extract(text: text, published: published, words: &flagged)
            let without = ExtractionTests.extractor.extract(text: text, published: published, words: &unflagged)
            #expect(withFlags == without)
            let (tokens, keys, flags) = flagged.read(text)
            let mentions = gazetteer.mentions(in: tokens, keys: keys)
            #expect(gazetteer.mentions(in: tokens, keys: keys, flags: flags) == mentions)
            for mention in mentions {
                #expect(flags[mention.tokens.lowerBound].contains(.name), "\(tokens[mention.tokens.lowerBound].form)")
            }
            for k in tokens.indices where !flags[k].contains(.cue) {
                #expect(Cue.cue(at: k, in: tokens, keys: keys) == nil, "\(tokens[k].form)")
            }
            for k in tokens.indices {
                if !flags[k].contains(.role) { #expect(!Extractor.isRole(keys[k]), "\(tokens[k].form)") }
                if !flags[k].contains(.orgHead) { #expect(!Extractor.isOrgHead(keys[k]), "\(tokens[k].form)") }
                if !flags[k].contains(.saying) { #expect(!Extractor.isSaying(keys[k]), "\(tokens[k].form)") }
            }
            #expect(
                DateFinder.find(in: tokens, article: published, keys: keys, flags: flags)
                    == DateFinder.find(in: tokens, article: published, keys: keys))
            for table in Extractor.phraseTables {
                for stripped in [false, true] {
                    #expect(
                        table.firstGroup(in: keys[...], flags: flags[...], stripped: stripped)
                            == table.firstGroup(in: keys[...], stripped: stripped))
                }
            }
            if n < articles {
                skipped += flags.filter { $0.isEmpty }.count
                total += flags.count
            }
        }
        // The point: most words of news text start nothing.
        #expect(skipped * 2 > total, "\(skipped) of \(total)")
    }
}

@Suite struct ArticleDayTests {
    /// A published timestamp keeps its day, blanks trimmed, whether or not
    /// the fast path (ASCII, not blank, at both ends) takes it.
    @Test func publishedTimestampsKeepTheirDay() {
        let cases = [
            ("2022-10-20", "2022-10-20"), ("2022-10-20T14:05:00Z", "2022-10-20"), ("2022-10-20 14:05", "2022-10-20"),
            (" 2022-10-20T14:05:00Z ", "2022-10-20"), ("\t2022-10\t", "2022-10"), ("\u{A0}2022\u{3000}", "2022"),
            ("2022-10-20\u{A0}", "2022-10-20"), ("", ""), ("  ", ""), ("٢٠٢٢", "٢٠٢٢"), ("x", "x"),
        ]
        for (written, day) in cases { #expect(Article.day(of: written) == day, "\(written)") }
    }
}

@Suite struct QuotationScanTests {
    /// Marks found wherever they fall against the scan's eight-byte steps,
    /// each quotation's range running between its marks, and an unclosed
    /// one stopped by its paragraph's end.
    @Test func marksAreFoundAtEveryOffset() {
        for pad in 0..<17 {
            let lead = String(repeating: "ب", count: pad / 2) + String(repeating: "a", count: pad % 2)
            let text = lead + "«نص» و\"x\" ثم “يوم” \n“مفتوح\n«z»"
            let bytes = Array(text.utf8)
            func offset(_ part: String, after start: Int = 0) -> Int {
                let needle = Array(part.utf8)
                return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }!
            }
            let a = offset("نص")
            let b = offset("x")
            let c = offset("يوم")
            let z = offset("z")
            #expect(Extractor.quotes(in: bytes) == [a..<(a + 4), b..<(b + 1), c..<(c + 6), z..<(z + 1)], "pad \(pad)")
        }
    }
}

@Suite struct GazetteerNameTests {
    /// Names are found as equal Strings are, whether looked up by their
    /// bytes or, for names that are not plain, by the String itself.
    @Test func namesAreFoundAsEqualStrings() {
        let plain = Gazetteer([
            .init(name: "John Kirby", kind: "person", aliases: []),
            .init(name: "الخارجية الإيرانية", kind: "org", aliases: []),
        ])
        #expect(plain.entry(named: "John Kirby") == 0)
        #expect(plain.entry(named: "الخارجية الإيرانية") == 1)
        #expect(plain.entry(named: "John Kirby ") == nil)
        #expect(plain.entry(named: "") == nil)
        // Stored decomposed, asked composed, and the other way round.
        let mixed = Gazetteer([
            .init(name: "Jose\u{301}", kind: "person", aliases: []),
            .init(name: "\u{622}ل", kind: "place", aliases: []),
            .init(name: "Kirby", kind: "person", aliases: []),
        ])
        #expect(mixed.entry(named: "Jos\u{E9}") == 0)
        #expect(mixed.entry(named: "\u{627}\u{653}ل") == 1)
        #expect(mixed.entry(named: "Kirby") == 2)
        #expect(mixed.entry(named: "\u{212A}irby") == 2)  // KELVIN SIGN is K
        #expect(mixed.entry(named: "Kerby") == nil)
    }
}

@Suite struct CommitmentTests {
    /// The byte reading of a clause's commitment gives the String reading's
    /// answer, for plain words and for words with marks that are not.
    @Test func bytesReadAsStrings() {
        func byStrings(_ clause: [String]) -> Bool {
            guard let k = clause.prefix(10).firstIndex(where: { Extractor.selfComplementizers.contains($0) }) else { return false }
            return clause.dropFirst(k + 1).prefix(2).contains(where: Extractor.isFuture)
        }
        let pool =
            [
                "إنه", "أننا", "بأنهم", "سوف", "سيحارب", "ستواصل", "سنعمل", "ستة", "سنة", "سياسة", "سيا", "سَيحارب",
                "سنواصلُ", "قال", "الحرب", "و", "will", "سا", "سامر",
            ]
            .map { Analyzer(stemming: false).tokens(in: $0).first?.form ?? $0 } + ["سَيحارب", "سوف\u{64E}"]  // kept with marks
        var random = SystemRandomNumberGenerator()
        var commitments = 0
        for _ in 0..<3_000 {
            let clause = (0..<Int.random(in: 0...14, using: &random)).map { _ in pool.randomElement(using: &random)! }
            let keys = clause.map { Array($0.utf8) }
            let expected = byStrings(clause)
            #expect(Extractor.commitsSelf(keys[...]) == expected, "\(clause)")
            if expected { commitments += 1 }
        }
        #expect(commitments > 300)
    }
}

@Suite struct TextSliceTests {
    /// A slice at character boundaries is the String of its bytes, even
    /// where a grapheme spans the ends (a combining mark, an emoji's parts).
    @Test func slicesAreTheStringsOfTheirBytes() {
        let text = "قال ﻻ e\u{301}té 😀👍🏽 «كيربي»\n\"x\" مسيّرة"
        let bytes = Array(text.utf8)
        let bounds = text.unicodeScalars.indices.map { text.utf8.distance(from: text.startIndex, to: $0) } + [bytes.count]
        for a in bounds {
            for b in bounds where b >= a {
                #expect(Extractor.slice(text, a..<b) == String(decoding: bytes[a..<b], as: UTF8.self))
                #expect(Array(Extractor.slice(text, a..<b).utf8) == Array(bytes[a..<b]))
            }
        }
    }
}
