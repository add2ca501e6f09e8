import Foundation
import IsnadIndex
import Testing

@testable import Isnad
@testable import IsnadExtract

/// Speakers the gazetteer does not know, read from how the text names
/// them (issue: extraction on any news). Every sentence here is made up for
/// the test, in the wording of news, so none comes from the development set.
@Suite struct SpeakerTests {
    func extract(_ text: String) -> [Extraction] { ExtractionTests().extract(text) }
    func actors(_ text: String) -> [String] { extract(text).map(\.actor) }

    @Test func englishRoleThenName() {
        #expect(actors("Fisheries Minister Tomas Varga said on Friday that the quotas would stay.") == ["Tomas Varga"])
        #expect(actors("Coast guard spokesman Liam O'Hara said the ship was towed to port.") == ["Liam O'Hara"])
        let found = extract("Port Authority chief executive Mara Lindqvist announced that the terminal would reopen.")
        #expect(found.map(\.actor) == ["Mara Lindqvist"])
        #expect(found.first?.actorIsNew == true)
    }

    @Test func englishApposition() {
        #expect(actors("Paulo Mendes, the transport minister, denied the claims on Tuesday.") == ["Paulo Mendes"])
        #expect(actors("The province's acting governor, Ines Balaguer, said roads were closed.") == ["Ines Balaguer"])
        // A relative clause between the name and the verb.
        #expect(actors("Ruth Abernathy, who chairs the panel, said the hearing would resume.") == ["Ruth Abernathy"])
    }

    @Test func englishInstitutionsAndDescribedSpeakers() {
        #expect(actors("The Ministry of Fisheries said the ban would be lifted.") == ["Ministry of Fisheries"])
        #expect(actors("The Estonian cabinet said it had approved the budget.") == ["Estonian cabinet"])
        #expect(actors("A ministry spokesman said the talks had failed.") == ["unnamed ministry spokesman"])
    }

    @Test func englishAppositionsOfEveryShape() {
        // Possessives, "of", a role with commas inside, brackets before the
        // verb: the name before the first comma speaks.
        #expect(actors("Marta Kovac, the union's lawyer, told reporters that the strike would go on.") == ["Marta Kovac"])
        #expect(actors("Guy Lambert, of the CGT union, said the plan was a shock.") == ["Guy Lambert"])
        #expect(actors("Femi Adeyemi, minister of power, works and housing, said the grid was repaired.") == ["Femi Adeyemi"])
        #expect(actors("Tomas Berg, a spokesman for the Nordic Grid Authority (NGA), said the line was cut.") == ["Tomas Berg"])
        // A whole name set off right before the verb, whatever precedes it;
        // an apposition opened by a participle.
        #expect(actors("His predecessor, Sir John Hale, said the plan was unwise.") == ["John Hale"])
        #expect(actors("Prefect Carla Conti, speaking for the fire brigade, said 40 people were rescued.") == ["Prefect Carla Conti"])
        // Inverted: the role set off before the name, or after it.
        let inverted = extract("The verdict was wrong, said the family's attorney, Ruth Kane.")
        #expect(inverted.map(\.actor) == ["Ruth Kane"])
        #expect(inverted.first?.quote == "The verdict was wrong")
        let after = extract("The verdict was wrong, said Ruth Kane, the family's attorney.")
        #expect(after.first?.quote == "The verdict was wrong")
    }

    @Test func englishInitialsAndRolesAfterAnInvertedVerb() {
        // The full stops of "U.S." and a middle initial end nothing.
        #expect(actors("\"The ruling stands,\" said U.S. Attorney Mary K. Olsen.") == ["Mary K. Olsen"])
        // A plain noun before the role ("policy chief"); "on Monday" after
        // the name is when.
        #expect(actors("\"The door is open,\" said the bloc's trade policy chief Anna Lind on Monday.") == ["Anna Lind"])
    }

    @Test func englishParticipleAfterACommaIsTheSpeakers() {
        let found = extract("The harbour board denied the ship was seized, blaming the Coast Guard instead.")
        #expect(found.map(\.actor) == ["harbour board", "harbour board"])
        #expect(found.last?.cue == "blaming")
    }

    @Test func englishSpokespeopleForABody() {
        #expect(actors("A spokesperson for Lumina declined to comment.") == ["unnamed Lumina spokesperson"])
        #expect(
            actors("A spokesman for the Danish Transport Ministry said the bridge would reopen.")
                == ["unnamed Danish Transport Ministry spokesman"])
        // A person named in the body is the speaker's principal, not a body.
        #expect(actors("The spokesman for Prime Minister Ola Berg said the talks failed.") != ["unnamed Prime Minister Ola Berg spokesman"])
    }

    @Test func englishGivenNameAloneAfterTheFullName() {
        #expect(
            actors("Port spokeswoman Ilse Varga said the cranes were idle. Ilse said repairs would take weeks.")
                == ["Ilse Varga", "Ilse Varga"])
    }

    @Test func englishTwoNamedSpeakersJoinedByAnd() {
        #expect(Set(actors("Mara Holt and Ivo Brandt said the merger was off.")) == ["Mara Holt", "Ivo Brandt"])
        // A body acting as one is described once.
        #expect(actors("US and European officials said the merger was off.").count == 1)
        // Whom lawyers act for are not speakers.
        #expect(!actors("Lawyers for Holt and Brandt said the case was weak.").contains("Holt"))
        // A list of names the gazetteer knows is one statement each; a
        // list of others is not read as names.
        #expect(Set(actors("The UN, US and EU on Friday called for calm.")) == ["UN", "US", "EU"])
        #expect(actors("Farmers, truckers and Brandt announced new protests.").count == 1)
    }

    @Test func englishUnnamedSpeakersWhereTheyAre() {
        #expect(actors("Diplomats in Vienna said the vote was put off.") == ["unnamed diplomats in Vienna"])
        #expect(actors("The vote was put off, officials at the agency said.") == ["unnamed officials at the agency"])
    }

    @Test func englishAnonymousSourcesKeepWhatTheyKnow() {
        #expect(
            actors("The merger is off, according to a source familiar with the negotiations.")
                == ["unnamed source familiar with the negotiations"])
        let briefed = extract("The merger is off, said a person briefed on the talks.")
        #expect(briefed.map(\.actor) == ["unnamed person briefed on the talks"])
    }

    @Test func englishBracketedShortNamesAndAbbreviations() {
        #expect(actors("The Harbour Workers Union (HWU) said the strike would go on.") == ["Harbour Workers Union"])
        #expect(actors("According to the Dept. of Fisheries, the quota was cut.") == ["Dept. of Fisheries"])
    }

    @Test func englishDescribedSpeakersMetAgain() {
        // "The official" is the one described before; qualified plurals of
        // anonymous sources are unnamed, bare ones as written.
        #expect(
            actors("A senior customs official said the cranes were idle. The official said repairs would take weeks.")
                == ["unnamed senior customs official", "unnamed senior customs official"])
        #expect(actors("Estonian officials say the border will stay open.") == ["unnamed Estonian officials"])
        #expect(actors("In Tallinn, officials said the border will stay open.") == ["officials"])
    }

    @Test func englishQuoteFirstAndInverted() {
        let first = extract("\"The figures are wrong,\" Halvorsen said.")
        #expect(first.map(\.actor) == ["Halvorsen"])
        #expect(first.first?.quote == "The figures are wrong")
        let told = extract("\"We will appeal,\" Dana Whitfield told reporters on Monday.")
        #expect(told.map(\.actor) == ["Dana Whitfield"])
        #expect(told.first?.quote == "We will appeal")
        #expect(actors("\"The harvest is lost,\" said Amadou Keita, a farmer in the region.") == ["Amadou Keita"])
    }

    @Test func englishPronounsAndLaterMentions() {
        // "it" goes on with the institution, "she" with the person, and a
        // surname alone is the person named in full before.
        let found = extract(
            """
            Harbour Board chair Elena Castro said the pier was unsafe. The Harbour Board said repairs would take a year. \
            It added that ferries would stop. She said she regretted the delay. Castro said the board would meet again.
            """)
        #expect(found.prefix(2).map(\.actor) == ["Elena Castro", "Harbour Board"])
        #expect(found.filter { $0.cue == "added" }.map(\.actor) == ["Harbour Board"])
        #expect(found.filter { $0.sentence.hasPrefix("She") || $0.sentence.hasPrefix("Castro") }.allSatisfy { $0.actor == "Elena Castro" })
        #expect(found.last?.actor == "Elena Castro")
    }

    @Test func englishNamesWithHyphensAndTitlesInThem() {
        #expect(actors("\"Talks are over,\" Deputy Minister Kao Mei-ling told reporters.") == ["Kao Mei-ling"])
        // "Amir" is a title and a given name; inside a name it is the name.
        #expect(actors("Interior Minister Reza Amir-Tabrizi said the border was closed.") == ["Reza Amir-Tabrizi"])
    }

    @Test func englishParticipleAfterItsSubject() {
        let found = extract("Tensions rose, with Norway saying on Monday that the talks had stalled.")
        #expect(found.map(\.actor) == ["Norway"])
        // A participle after a comma goes on with the speaker, and ends the
        // clause of the cue before it.
        let both = extract("The coast guard said it was ready, adding that it would search again.")
        #expect(both.map(\.quote) == ["it was ready", "it would search again"])
    }

    @Test func bareInstitutionsAreTheOnesNamedBefore() {
        #expect(
            actors("The Harbour Board said the pier was closed. The board said repairs would start soon.")
                == ["Harbour Board", "Harbour Board"])
        #expect(
            actors("وقالت وزارة الزراعة التونسية إن الأسعار ستنخفض. وأضافت الوزارة أن المحصول جيد.")
                == ["وزارة الزراعة التونسية", "وزارة الزراعة التونسية"])
        // A new institution is kept as one, not as a person.
        #expect(extract("The Ministry of Fisheries said the ban would be lifted.").first?.newActorKind == "org")
        #expect(extract("Fisheries Minister Tomas Varga said the ban would be lifted.").first?.newActorKind == "person")
    }

    @Test func aDeclineSaysNothing() {
        let found = extract("The Harbour Board did not respond to a request for comment on Friday.")
        #expect(found.map(\.stance) == ["decline"])
        #expect(found.first?.quote == "")
    }

    @Test func aCueOfSeveralWordsStaysInItsSentence() {
        // The words of "expressed concern" and "did not respond" across a
        // full stop are no cue, and reading them must not fail.
        #expect(extract("The envoy expressed. Concern grew in the capital.").allSatisfy { $0.cue != "expressed. Concern" })
        #expect(extract("Nobody did. Not respond was the word.").count <= 1)
        #expect(extract("وأعرب. عن قلقه").count <= 1)
    }

    @Test func sayingAfterAVerbIsThatVerbsStatement() {
        // "صرح قائلا:" is one statement; "…، قائلا:" after other words is one
        // of its own.
        #expect(extract("وصرح وزير الزراعة التونسي قائلا: \"المحصول جيد\".").count == 1)
        #expect(extract("قال الوزير إن الموسم جيد. وصرح قائلا: \"المحصول جيد\".").map(\.cue) == ["قال", "وصرح"])
        #expect(extract("وقال وزير الزراعة إن المحصول جيد، قائلا: \"لن نستورد القمح\".").map(\.cue) == ["وقال", "قائلا"])
    }

    @Test func relaysAndCitationsOfSpeakersTheGazetteerDoesNotKnow() {
        // The one a relay names speaks, not the outlet.
        #expect(actors("ونقلت الإذاعة عن الحداد قوله إن البعثة جاهزة.") == ["الحداد"])
        #expect(actors("ونقلت الوكالة عن مصدر مصري مطلع قوله إن المعبر مفتوح.") == ["unnamed informed Egyptian source"])
        // "according to" a source of any kind, when no other cue speaks.
        #expect(
            actors("The port reopened on Friday, according to two people familiar with the talks.") == [
                "unnamed people familiar with the talks"
            ])
        #expect(actors("The port reopened, according to the Harbour Board.") == ["Harbour Board"])
    }

    @Test func whoIsToldIsNotWhoSpeaks() {
        let found = extract("A coast guard official told Radio Nord the ferry had sunk.")
        #expect(found.map(\.actor) == ["unnamed coast guard official"])
        #expect(found.first?.quote == "the ferry had sunk")
        // "US" in capitals is a name, not the pronoun.
        #expect(actors("A US trade official said the tariffs would stay.") == ["unnamed US trade official"])
    }

    @Test func arabicRanksAndFamilyNames() {
        // A rank after the role leads to the name; the family name alone
        // later, with its article or without, is the same person.
        let found = actors(
            """
            وقال المتحدث باسم خفر السواحل العقيد سامر الخطيب إن البحث مستمر. وأضاف الخطيب أن الطقس سيئ. ولم يحدد الخطيب موعدا.
            """)
        #expect(found == ["سامر الخطيب", "سامر الخطيب", "سامر الخطيب"])
        // "لـ /الوكالة/": whom it was said to ends the name.
        #expect(actors("وقال عضو المجلس البلدي رامي جابر لـ /الوكالة/ إن الطريق مغلق.") == ["رامي جابر"])
        // "عن" before a participle is no relay without a verb that relays.
        let declined = extract("وقال سامي الحداد إن البعثة جاهزة. وامتنع الحداد عن الإفصاح عن موعد السفر، قائلا إن \"الأمن أولا\".")
        #expect(declined.allSatisfy { $0.actor == "سامي الحداد" }, "\(declined.map(\.actor))")
    }

    @Test func englishSubjectsPastWhenAndThings() {
        // "on Friday" between the subject and its verb.
        #expect(actors("The Harbour Board on Friday stressed that the pier was unsafe.") == ["Harbour Board"])
        // A thing that "threatens" says nothing; the clause of the warning
        // runs on through it.
        let warned = extract("The Harbour Board warned that any failure to comply threatens the port.")
        #expect(warned.map(\.cue) == ["warned"])
        #expect(warned.first?.quote == "any failure to comply threatens the port")
        // "no immediate comment from X": X declines.
        let none = extract("There was no immediate comment from the Harbour Board.")
        #expect(none.map(\.actor) == ["Harbour Board"])
        #expect(none.map(\.stance) == ["decline"])
        // Plural institutions speak.
        #expect(actors("The other companies did not immediately respond.") == ["other companies"])
    }

    @Test func aCueInsideWhatWasSaidLeavesTheSpeakerToGoOn() {
        // The fishermen's claim is reported by the minister; "وأضاف" after it
        // is the minister again.
        let found = extract("وقال وزير الزراعة سامي الحداد إن الصيادين يزعمون أن الأسعار ارتفعت. وأضاف أن الموسم جيد.")
        #expect(found.map(\.actor).first == "سامي الحداد")
        #expect(found.last?.actor == "سامي الحداد")
        #expect(found.last?.cue == "وأضاف")
        // A second speaker in a clause of its own does go on.
        let two = extract("وقال سامي الحداد إن الموسم جيد، بينما قالت منى سالم إن الأسعار مرتفعة. وأضافت أن الدعم ضروري.")
        #expect(two.last?.actor == "منى سالم")
    }

    @Test func englishPassiveAttributesNothing() {
        #expect(actors("The reporter was denied entry at the border.").isEmpty)
    }

    @Test func arabicRoleThenNameAfterAComma() {
        // قوات … is the institution in the role; the person after it speaks.
        let found = extract("وقال المتحدث باسم قوات حرس الحدود، سالم الدوسري، إن الدوريات ستستمر.")
        #expect(found.map(\.actor) == ["سالم الدوسري"])
        #expect(found.first?.actorIsNew == true)
        #expect(actors("وقال وزير الزراعة الموريتاني محمد ولد سيدي إن المحصول جيد.") == ["محمد ولد سيدي"])
    }

    @Test func arabicInstitutionsByTheirHeadNoun() {
        #expect(actors("وقالت وزارة الزراعة التونسية إن الأسعار ستنخفض.") == ["وزارة الزراعة التونسية"])
        #expect(actors("أعلنت هيئة الموانئ البحرية أن الملاحة عادت.") == ["هيئة الموانئ البحرية"])
        // The institution is the subject; the object after it is not.
        #expect(actors("واتهمت الحكومة الحوثيين بعرقلة الحوار.") == ["الحكومة"])
    }

    @Test func arabicSurnameAfterTheFullName() {
        let found = actors("قال رئيس اللجنة الأولمبية سامي الحداد إن البعثة جاهزة. وأشار الحداد إلى أن التدريب انتهى.")
        #expect(found == ["سامي الحداد", "سامي الحداد"])
    }

    @Test func arabicFamilyNameAloneAfterTheVerb() {
        // A definite nisba with the clause going on at once is a family name.
        #expect(actors("وأضاف الزهراني أن الميناء سيفتح غدا.") == ["الزهراني"])
        #expect(actors("وأشار الكبيسي إلى أن الطريق مغلق.") == ["الكبيسي"])
        // A plain definite noun is not ("وقال البيان" is the statement's
        // document, read elsewhere; "الأمريكي" alone is no name).
        #expect(actors("وقالت الأمريكية إن الطريق مغلق.").isEmpty)
    }

    @Test func arabicLongRoleThenItsHolder() {
        // The role's complement runs through a place, brackets or a second
        // role; the holder is named after a comma or by a given name.
        #expect(actors("أعلن رئيس بلدية المدينة القديمة بجنوب البلاد خالد المصري أن المياه عادت.") == ["خالد المصري"])
        #expect(actors("قال رئيس اتحاد الغرف (التجارية) الأردني، سامر العلي، إن الصادرات زادت.") == ["سامر العلي"])
        #expect(actors("أكد وزير الزراعة ووزير الري المكلف، الدكتور يوسف حسن، أن الموسم جيد.") == ["يوسف حسن"])
        // A given name that is also a people's adjective (تركي) opens a name.
        #expect(actors("وقال المتحدث باسم الشرطة العقيد تركي الحربي إن الطريق فتح.") == ["تركي الحربي"])
    }

    @Test func arabicVerbsOfExpressingAndRevealing() {
        // أعرب without قلق is still a cue (assert); with it, concern.
        let sorry = extract("أعرب وزير النقل سامي الحداد عن أسفه لما حدث في الميناء.")
        #expect(sorry.map(\.actor) == ["سامي الحداد"])
        #expect(extract("أعرب سامي الحداد عن قلقه من الإضراب.").map(\.stance) == ["concern"])
        #expect(actors("كشف المتحدث باسم هيئة الموانئ العقيد سامر الخطيب أن الرصيف أغلق.") == ["سامر الخطيب"])
        #expect(extract("وكرر سامي الحداد موقفه بأن الطريق مغلق.").map(\.cue) == ["وكرر"])
        // After a preposition the same letters are a noun: "على رفض".
        #expect(extract("وفي تعليقه على رفض الاتحاد الخطة، قال سامي الحداد إن الموقف ضعيف.").map(\.cue) == ["قال"])
        // "لما حدث" after the verb is no name.
        #expect(actors("قال سامي الحداد إن الخطة فشلت. وأعرب عن أسفه لما حدث.") == ["سامي الحداد", "سامي الحداد"])
    }

    @Test func arabicParticiplesWithAPreposition() {
        // "مشيرا إلى أن", "مشددا على أن": the preposition is folded (إلى →
        // الي) and still lets the participle speak; the verb's words end
        // before it.
        let found = extract("قال سامي الحداد إن الخطة فشلت، مشيرا إلى أن الأسعار ارتفعت. مشددا على أن الدعم ضروري.")
        #expect(found.map(\.cue) == ["قال", "مشيرا", "مشددا"])
        #expect(found.first?.quote == "الخطة فشلت")
        #expect(found.allSatisfy { $0.actor == "سامي الحداد" })
    }

    @Test func arabicUnnamedSourcesByKindAndRank() {
        #expect(actors("أكد مصدر حكومي أردني، الأحد، أن المعبر سيفتح.") == ["unnamed Jordanian government source"])
        #expect(actors("قال مسؤول عسكري سوداني رفيع إن الهدنة صامدة.") == ["unnamed senior Sudanese military official"])
        #expect(actors("كشفت مصادر إعلامية أن الوزير استقال.") == ["unnamed media sources"])
        #expect(actors("قالت وسائل إعلام عبرية إن الوفد وصل.") == ["Hebrew-language media"])
        #expect(actors("أفادت وسائل إعلام تونسية بأن الوزير استقال.") == ["Tunisian media"])
        // One side's officials are a group as written.
        #expect(actors("وقال مسؤولون كويتيون إن الجلسة أجلت.") == ["Kuwaiti officials"])
    }

    @Test func arabicNamesEndWhereTheClauseGoesOn() {
        // A quotation after the role is what was said, never a name.
        let quoted = extract("وقال سامي الحداد إن الحل قريب. وأضاف الوزير \"يجب أن تعود الوحدات إلى مواقعها\".")
        #expect(!quoted.map(\.actor).contains("يجب"))
        // "للبرلمان": to whom it was said ends the name and lets it stand.
        #expect(actors("وقال الشيخ سالم للبرلمان إن الحكومة جاهزة.") == ["سالم"])
        // What the verb renews is its object, not part of the role.
        #expect(actors("وجدد المتحدث باسم الحكومة التأكيد على أن الحدود مفتوحة.") == ["المتحدث باسم الحكومة"])
        // "أننا" opens what was said.
        #expect(actors("وأوضح أننا لن نلجأ إلى القوة.").isEmpty)
    }

    @Test func arabicOutletNamedInQuotationMarks() {
        let found = extract("وقالت قناة “النهار” المحلية إن “لا إصابات” في الحادث.")
        #expect(found.map(\.actor) == ["النهار"])
        #expect(found.first?.stance == "report")
        #expect(found.first?.quote == "لا إصابات")
        #expect(found.first?.newActorKind == "media")
    }

    @Test func arabicProfessionsBeforeAName() {
        let found = extract("انتقد الإعلامي كريم نصار، قرار البنك. وتساءل عن جدوى القرض. وقالت الناشطة هالة منصور إن الحملة مستمرة.")
        #expect(found.map(\.actor) == ["كريم نصار", "كريم نصار", "هالة منصور"])
    }

    @Test func arabicOfficeOfAPersonSpeaksForItself() {
        // The gazetteer knows Netanyahu; his office is who speaks.
        #expect(actors("وأكد مكتب نتنياهو أن الوفد سيغادر.") == ["مكتب نتنياهو"])
    }

    @Test func arabicSubjectInQuotationMarks() {
        // A short name in quotation marks, then what was said.
        #expect(actors("وفي بيان لها، قالت \"سرايا الجبل\"، إن الهدنة انتهت.") == ["سرايا الجبل"])
        // A quotation right after the verb is what was said, not a name.
        #expect(!actors("قال سامي الحداد إن الطريق مغلق. وقال \"نحن نعمل على فتحه\".").contains("نحن نعمل على فتحه"))
        // A noun with its pronoun is no name.
        #expect(actors("قال سامي الحداد إن الطريق مغلق. وأعربت عن انفتاحها على الحوار.").allSatisfy { $0 == "سامي الحداد" })
    }

    @Test func arabicAliIsANameWhereTheTextSpellsAlaWithAlefMaqsura() {
        // Normalisation folds على into علي; the article's own spelling of
        // على tells the name Ali from the preposition.
        #expect(
            actors("وقال وزير النقل علي برهان أوغلو إن الجسر سيفتح. وأكد على ضرورة الصيانة.")
                == ["علي برهان أوغلو", "علي برهان أوغلو"])
        #expect(actors("وقال السفير علي المنصوري إن الوفد وصل على متن طائرة خاصة.") == ["علي المنصوري"])
    }

    @Test func arabicSubjectBeforeTheVerb() {
        // كان … قد قال, a clause that opens with its subject, and one
        // after أن: the subject is before the verb.
        #expect(actors("وكان الكعبي قد قال يوم الأحد إن الطريق آمن.") == ["الكعبي"])
        #expect(actors("وكان رئيس البلدية سمير داود قال في ختام الجلسة إن الموازنة جاهزة.") == ["سمير داود"])
        #expect(actors("هيئة الموانئ أعلنت أن الرصيف سيغلق.") == ["هيئة الموانئ"])
        // A source tag set off by dashes, and حسبما, are not subjects.
        #expect(actors("-موقع النهار- أعلن وزير المياه عادل الخطيب أنه استقال.") == ["عادل الخطيب"])
        #expect(!actors("وصل الوفد صباحا، حسبما أفادت مصادر مطلعة.").contains("حسبما"))
    }

    @Test func englishPronounInAClauseOfTheSentencesOwnSubject() {
        // "he" in a clause after the sentence's subject is that subject,
        // not the last speaker before.
        #expect(
            actors("Carla Neves said the vote was close. Okafor stunned the chamber when he said the deal was off.")
                == ["Carla Neves", "Okafor"])
        // Known from before by the family name.
        #expect(
            actors(
                "Governor Paul Okafor said the vote was close. Carla Neves said it was not. Okafor replied after he said the count was wrong."
            )
            .last == "Paul Okafor")
        // Else the person just named in the sentence, before "when he said".
        #expect(
            actors(
                "Carla Neves said taxes would rise. The claim was rejected by councillor Tom Reyes on Monday when he said there would be no rise."
            )
            .last == "Tom Reyes")
        // A participle or a possessive opening the sentence is no name.
        #expect(
            actors("Carla Neves said the vote was close. Pressed on the count, she said it was fair.") == ["Carla Neves", "Carla Neves"])
    }

    @Test func arabicParticiplesOfDescribingAndVocalised() {
        // "واصفا X بأنه …": the thing described comes before what is said.
        let described = extract("ونفت الشركة الخبر، واصفة التقرير المنشور أمس بأنه \"مختلق\".")
        #expect(described.map(\.cue) == ["ونفت", "واصفة"])
        // A participle with و on it, and one written with its vowels
        // (مُ is not a passive's here).
        #expect(extract("وقال الوزير إن الحل سياسي، ومؤكداً: \"لن نتراجع\".").map(\.cue) == ["وقال", "ومؤكدا"])
        #expect(extract("وقال المدير إن الخطة جاهزة، مُشدّدًا على أنّ التنفيذ سيبدأ قريبا.").count == 2)
        // A participle is never a name after a role and a comma.
        #expect(actors("وانتقد الوزير القرار، مشيدًا بجهود الوسطاء.") == ["الوزير"])
    }

    @Test func arabicDefiniteObjectAfterADefiniteSubject() {
        // Construct chains have an indefinite head; after a definite one a
        // definite noun that is no adjective is the object.
        #expect(actors("ونفى الجيش الاتهامات الواردة في التقرير.") == ["الجيش"])
        #expect(actors("وقالت الشرطة المحلية إن الطريق مغلق.") == ["الشرطة المحلية"])
        #expect(actors("وقالت ميليشيا الدعم السريع إنها انسحبت.") == ["ميليشيا الدعم السريع"])
    }

    @Test func arabicOfficialOfABodyWithAName() {
        // "مسؤول X" with a name after it is that person; without one, or
        // with a rank or nationality, an unnamed official.
        #expect(
            actors("وقال مسؤول الإغاثة في الهلال الأحمر كريم الساعدي إن القوافل وصلت. وأضاف الساعدي أن الطريق آمن.")
                == ["كريم الساعدي", "كريم الساعدي"])
        #expect(actors("وقال مسؤول رفيع إن الوفد وصل.") == ["unnamed senior official"])
        // A known person after an institution is whose it is.
        #expect(actors("يوضح مسؤول في إدارة بايدن أن القرار نهائي.").first != "Joe Biden")
    }

    @Test func arabicNamesWithAFamilyNisbaAndAfterFiHi() {
        // A word and a family nisba are a name; فيه after the verb is skipped.
        #expect(actors("فيما كشف نزار الحلبوسي في مقابلة أن الاتفاق انهار.") == ["نزار الحلبوسي"])
        #expect(actors("في بيان أعلن فيه رئيس الهيئة سامر الخطيب أن الموعد تأجل.") == ["سامر الخطيب"])
    }

    @Test func englishCuesOfComplaintAndBlame() {
        let found = extract(
            "The council complained of daily incursions. The mayor attributed the fire to arson. Farmers protested the new quotas.")
        #expect(found.map(\.stance) == ["condemn", "accuse", "condemn"])
        // A passive attributes nothing.
        #expect(extract("The remark was attributed to the mayor.").isEmpty)
    }

    @Test func englishParticiplesAsAdjectivesAndNounsSayNothing() {
        // After an article or a possessive: "a reported raid", "the
        // mayor's reported illness", "the security warning".
        let found = extract(
            "Asked about the mayor's reported illness, Lina Park said she could not comment. Police investigated a reported raid and the security warning issued on Friday. The embassy’s warning advises citizens to leave."
        )
        #expect(found.map(\.cue) == ["said"])
        // "adding to", "That said," and a wire story's credits.
        #expect(
            extract("Shares rose 7 per cent, adding to a bounce. That said, the talks go on. (Reporting by Sam Hill; Editing by Jo Ray)")
                .isEmpty)
    }

    @Test func englishCountedAndGroupsOfficials() {
        // Counted speakers are unnamed ones.
        #expect(actors("One Harbour Street resident described the blast as deafening.") == ["unnamed Harbour Street resident"])
        // A group's officials are the officials, not the group.
        #expect(actors("Hamas officials have said the group will not discuss a truce.") == ["Hamas officials"])
    }

    @Test func englishRolesOfOmbudsmenAndOfficers() {
        // A role the lexicon lacked left the verb to the last speaker.
        #expect(
            actors("Ivan Petrov said the case was closed. The region's rights ombudsman cast doubt on the findings.").last
                != "Ivan Petrov")
    }

    @Test func englishPassiveWithItsAgent() {
        // "was rejected by X": X speaks; "was quoted by Interfax as saying"
        // stays a relay of the one quoted.
        #expect(actors("Carla Neves said taxes would rise. The claim was rejected by councillor Tom Reyes.").last == "Tom Reyes")
        #expect(Set(actors("Anna Petrova was quoted by Interfax as saying the case was closed.")) == ["Anna Petrova"])
    }

    @Test func arabicUnnamedOfficialBeforeTheVerb() {
        // An unnamed official opening the clause is the verb's subject, in
        // the accusative after أن too, with its nationality and rank.
        let found = extract("وذكرت صحيفة محلية أن مسؤولا أمريكيا رفيعا معنيا بالملف، نفى وجود أي عقوبات.")
        #expect(found.last?.actor == "unnamed senior US official")
        #expect(actors("وكان مصدر تركي، أعلن أن الوفد سيصل غدا.") == ["unnamed Turkish source"])
        #expect(actors("وأكد الوزير أن مصدرا أمنيا أعلن أن الطريق مغلق.").last == "unnamed security source")
    }

    @Test func englishProgressiveIsNoPassive() {
        #expect(actors("A ministry official is confirming that the talks ended.") == ["unnamed ministry official"])
        #expect(extract("The report was confirmed on Monday.").isEmpty)
    }

    @Test func arabicWhatWasSaidAndWhatAStatementSays() {
        // "ما قاله X": the verb with its object pronoun, X after it, a name
        // ending before بشأن.
        #expect(actors("ورد الوزير على ما قاله رئيس الهيئة كمال داود بشأن الموازنة.").last == "كمال داود")
        // "وجاء في البيان": the statement's issuer, met before.
        // "أصدرت X بيانا قالت فيه": X, who issued it.
        #expect(
            actors("وأصدرت هيئة الطرق بيانا قالت فيه إن الطريق مغلق. وجاء في البيان أن الإصلاح سيستغرق أسبوعا.")
                == ["هيئة الطرق", "هيئة الطرق"])
        #expect(extract("وبعد أن تأسفت الشركة عن التأخير، عادت الرحلات.").first?.stance == "concern")
    }

    @Test func englishAskingAndRepresentatives() {
        // "asked allies to" demands; "Asked whether …," and "when asked"
        // only set up the answer.
        #expect(extract("Mara Holt said the war would go on. She asked allies to send air defence.").last?.stance == "demand")
        #expect(extract("Asked whether the deal was dead, Mara Holt said it was not.").map(\.cue) == ["said"])
        #expect(actors("Union representatives pledged to fight the cuts.") == ["Union representatives"])
    }

    @Test func arabicExpressedWrittenAsVia() {
        // عبّر is written as عبر ("via"): a verb when it opens the clause
        // and a subject and عن follow.
        #expect(actors("وعبّر الوزير سامي داود عن أمله في نجاح المفاوضات.") == ["سامي داود"])
        #expect(extract("عبر رئيس البلدية، الثلاثاء، عن القلق إزاء الفيضانات.").first?.stance == "concern")
        #expect(extract("ونقلت الشاحنات المساعدات عبر الحدود عن طريق المعبر.").isEmpty)
    }

    @Test func headlinesAndTitleLinesSayNothing() {
        let english = extract(
            "Harbour board says port will reopen\nThe harbour board said on Monday the port would reopen.\nRead more: Minister warns of strike\nThe minister warned of a strike."
        )
        #expect(english.map(\.cue) == ["said", "warned of"])
        let arabic = extract("مصر تنفي وصول الوفد\nنفى مصدر مصري مطلع وصول الوفد.\nوقال المصدر إن الحدود مفتوحة\nوأضاف أن المعبر يعمل.")
        #expect(arabic.map(\.cue) == ["نفى", "وقال", "وأضاف"])
        // Text broken at a fixed width is not read as headlines.
        let wrapped = extract("The minister said the port\nwould reopen on Monday and the\nboard agreed with the plan")
        #expect(wrapped.map(\.cue) == ["said"])
    }

    @Test func arabicNoNameFromOrdinaryWords() {
        // "مسؤول" is read as an unnamed official, not as a role before a name.
        #expect(actors("أكد مسؤول أوروبي وصول الشحنة.") == ["unnamed European official"])
    }

    @Test func statementsSpeakForWhoeverIssuedThem() {
        // The issuer named after the statement.
        #expect(actors("وقال بيان صادر عن الديوان الملكي إن الأمير وقع رسالة.") == ["الديوان الملكي"])
        #expect(actors("وأوضح بيان أصدره مجلس النواب أن التحقيق سيتم الأسبوع المقبل.") == ["مجلس النواب"])
        // "البيان" later is the one who spoke in a statement, even after
        // another speaker.
        #expect(
            actors("وقالت الوزارة في بيان إن المحادثات فشلت. وقال السفير أحمد سالم إن الوفد غادر. وأضاف البيان أن السفير استدعي.")
                == ["الوزارة", "أحمد سالم", "الوزارة"])
        #expect(
            actors(
                "The ministry said in a statement that the talks had failed. Ahmed Salem said the envoy left. \"It is regrettable,\" the statement said."
            ) == ["ministry", "Ahmed Salem", "ministry"])
    }

    @Test func aRelativeClauseHoldsNoSubjectOfTheVerb() {
        // "وقال في المؤتمر، الذي …": the person in the relative clause is
        // not who speaks; the speaker goes on from before.
        #expect(
            actors(
                "قال الوزير سامي حداد إن الضريبة مؤقتة. وقال في المؤتمر، الذي عقد بحضور الرئيس الأوكراني فولوديمير زيلينسكي، إن القرار صعب."
            )
                == ["سامي حداد", "سامي حداد"])
        // The gazetteer's president speaks only when the article names him.
        #expect(actors("قال الرئيس الأوكراني إن الهجوم فشل.") == ["الرئيس الأوكراني"])
    }

    @Test func arabicRelativeClausesAndObjectsAfterTheSubject() {
        // A verb after الذي/التي is said by the pronoun's antecedent…
        #expect(
            actors("واشتد الخلاف بين رئيس البلدية والنائب كمال فارس، الذي اتهم البلدية بإهدار الأموال.") == ["كمال فارس"])
        // …when it agrees with it; otherwise the pronoun is its object.
        #expect(actors("وتقدمت الخطة التي قال الوزير سعيد ناصر إنها تأخرت.") == ["سعيد ناصر"])
        // A family name met before, then a name the gazetteer knows: subject
        // and object.
        #expect(
            actors("قال النائب كمال فارس إن الموازنة متأخرة. واتهم فارس بيسكوف بالكذب.") == ["كمال فارس", "كمال فارس"])
    }

    @Test func englishPassiveAgentsPastAdverbsAndBrackets() {
        // An adverb between the auxiliary and the participle; a body's
        // short name in brackets before the role and name of the agent.
        let found = extract(
            "The rumours were initially denied by the Harbour Board’s (HB) chief spokesperson Dana Whitfield. She had claimed that the port was open."
        )
        #expect(found.map(\.actor) == ["Dana Whitfield", "Dana Whitfield"])
        #expect(found.first?.stance == "deny")
    }

    @Test func aPronounOpeningASentenceIsTheLastMainSpeaker() {
        // Not the speaker the last sentence quoted inside its own words.
        let found = extract(
            "Mayor Tom Reyes said that Ann Bell, who chairs the panel, had warned against the plan. He did not specify when the vote would be held."
        )
        #expect(found.map(\.actor) == ["Tom Reyes", "Ann Bell", "Tom Reyes"])
        // Inside a sentence, "he" is still the speaker just met.
        #expect(
            actors("Ann Bell said the plan was late. Tom Reyes warned that \"it will fail,\" he said.").last == "Tom Reyes")
    }

    @Test func arabicAdjectivesAndMediaHeadsInSpeakerPhrases() {
        // An adjective after the verb's object is no name.
        #expect(
            actors("قال المتحدث العسكري العميد سامي عطية إن القوات تقدمت، وأصدر تحذيرا آخر للسفن. وقال إن أي سفينة ستستهدف.")
                == ["سامي عطية", "سامي عطية", "سامي عطية"])
        // An agency after a correspondent is the role's complement.
        #expect(actors("وقال مراسل وكالة الأنباء في الرياض إن دوي انفجار سمع.") == ["مراسل وكالة الأنباء في الرياض"])
    }

    @Test func whatAFactShowsIsNoStatement() {
        // "وهو ما ينفي", "مما يؤكد": a present verb after ما is what a fact
        // shows; what the speaker said runs on through it.
        let found = extract("وقال المحامي سامر نصار إن موكله كان مسافرا، وهو ما ينفي أن يكون قد غادر المدينة.")
        #expect(found.map(\.actor) == ["سامر نصار"])
        #expect(found.first?.quote.hasSuffix("قد غادر المدينة") == true)
        #expect(actors("قال الوزير سامي حداد إن الأسعار ارتفعت، مما يؤكد أن الأزمة مستمرة.") == ["سامي حداد"])
    }

    @Test func englishSubjectsPastAdverbsDashesAndRankSurnames() {
        // An adverb between subject and verb; a family name met before.
        #expect(
            actors("Laura K. Benton said the ruling was wrong. Benton has successfully asked the court to delay the case.")
                == ["Laura K. Benton", "Laura K. Benton"])
        // A clause set off by dashes before the verb.
        #expect(
            actors("Summit President Omar Haddad - who is also the head of a bank - has described the goal as \"vital\".")
                == ["Omar Haddad"])
        // A surname that is also a rank, after a given name.
        #expect(actors("Her predecessor, Sir David Major, said the plan was \"reckless\".") == ["David Major"])
        // A refusal with a word between its verb and noun.
        #expect(extract("The ministry on Friday declined direct comment on the leaked memo.").map(\.stance) == ["decline"])
    }

    @Test func twoNamesJoinedAfterAnOpeningPhraseAreTwoSpeakers() {
        // The comma before them ends an opening phrase, not a list.
        #expect(
            actors("After the hearing, Sheikh Faisal and Sheikh Nasser said the inquiry was \"unfair\".").sorted()
                == ["Faisal", "Nasser"])
    }

    @Test func whoeverIssuedASpeechSaysWhatIsInIt() {
        // The issuer before its verb, known to the gazetteer or not, with
        // words of the document's own before the cue.
        #expect(
            actors("وكان أردوغان ألقى مساء أمس خطابا أمام أنصاره، انتقد فيه قرار المحكمة.") == ["Recep Tayyip Erdogan"])
        #expect(actors("وكان الوزير سامي حداد نشر تغريدة، قال فيها إن المحادثات فشلت.") == ["سامي حداد"])
    }

    @Test func relaysNameTheirSourceAsTheSpeaker() {
        // Arabic: "نقلت … عن …" with no قوله is the source's statement.
        let relayed = extract("ونقلت وكالة الأنباء عن مصادر مطلعة أن الوفد غادر العاصمة.")
        #expect(relayed.map(\.actor) == ["informed sources"])
        #expect(relayed.first?.quote == "الوفد غادر العاصمة")
        #expect(actors("ونقلت الصحيفة عن سامر نصار أن الوفد غادر.") == ["سامر نصار"])
        // …and with قوله, as before: one statement.
        #expect(actors("ونقلت الصحيفة عن الوزير سامر نصار قوله إن الوفد غادر.") == ["سامر نصار"])
        // English: an active relay names the speaker before "as saying";
        // the outlet says nothing of its own.
        #expect(actors("The agency quoted a senior official as saying the talks failed.") == ["unnamed senior official"])
        #expect(actors("The newspaper cited two officials as saying the talks failed.") == ["unnamed officials"])
        // A passive relay keeps its subject.
        #expect(Set(actors("Dorn was quoted by Interfax as saying the case was weak.")) == ["Dorn"])
    }

    @Test func mixedQuotationMarksCloseTheirQuotation() {
        // “…," and "…”: a straight mark where a quotation closes ends a
        // curly one, so the inverted speaker after it is read.
        let found = extract("“The facts were clear,\" said prosecutor Ann Kerr. \"This verdict matters.”")
        #expect(found.map(\.actor).first == "Ann Kerr")
    }

    @Test func officesSpeakAsTheTextDescribesThem() {
        // A role inside a body is a person, not the body.
        #expect(
            actors("وقال منسق الأمم المتحدة للشؤون الإنسانية إن القوافل عالقة منذ أسبوع.") == [
                "منسق الأمم المتحدة للشؤون الإنسانية"
            ])
        #expect(actors("وقال رئيس بعثة الأمم المتحدة إن الطريق مغلق.") == ["رئيس بعثة الأمم المتحدة"])
        // An office the gazetteer has a holder for speaks as that holder
        // only when the article names him; otherwise as described.
        #expect(actors("قال المتحدث باسم البيت الأبيض إن المحادثات مستمرة.") == ["المتحدث باسم البيت الأبيض"])
        #expect(
            actors("قال المتحدث باسم البيت الأبيض جون كيربي إن المحادثات مستمرة. وقال المتحدث باسم البيت الأبيض إن الوفد وصل.")
                == ["John Kirby", "John Kirby"])
        // English: the role of a body however the body is written.
        #expect(
            actors("The head of the UN agency for migrants said on Monday that aid was blocked.") == [
                "head of the UN agency for migrants"
            ])
        #expect(actors("A spokeswoman for the party said the vote was unprecedented.") == ["unnamed spokeswoman for the party"])
        #expect(actors("A spokesperson for Meta said the post was removed.") == ["unnamed Meta spokesperson"])
        // A clause inside the phrase ends it: the body is not the speaker.
        #expect(!actors("The head of the agency that runs the camps said aid was blocked.").contains("agency"))
    }
}

/// What an article gives depends only on it and the configured entities,
/// never on the speakers other articles brought into the store before.
@Suite struct DiscoveredSpeakerTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/corpus").path

    func withStore<R>(_ body: (Store) throws -> R) throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-found-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(try Store(path: folder.path))
    }

    @Test func foundSpeakersAreEntitiesButNotGazetteerNames() throws {
        try withStore { store in
            try store.ingest([
                Article(
                    id: "a", published: "2024-05-01",
                    text: "Fisheries Minister Tomas Varga said the quotas would stay.")
            ])
            let found = try store.index.snapshot { txn in
                try store.index.entityID(named: "Tomas Varga", txn: txn)
            }
            #expect(found != nil, "the speaker is kept as an entity")
            let gazetteer = try store.gazetteer()
            #expect(gazetteer.entry(named: "Tomas Varga") == nil, "but extraction of later articles does not read it")
            #expect(gazetteer.entry(named: "John Kirby") != nil)
        }
    }

    @Test func arabicSpeakersAreFoundByTheirLatinSpelling() throws {
        try withStore { store in
            try store.ingest([
                Article(
                    id: "b", published: "2024-05-01",
                    text: "وقال المتحدث باسم خفر السواحل العقيد سامر الخطيب إن البحث مستمر.")
            ])
            let latin = try store.query("actor:\"Samer al-Khatib\"")
            #expect(latin.statements.map(\.actor) == ["سامر الخطيب"])
            var aliases: [String] = []
            try store.index.snapshot { txn in
                try store.index.forEach(EntityRecord.self, txn: txn) { _, entity in
                    if entity.name == "سامر الخطيب" { aliases = entity.aliasesEn }
                }
            }
            #expect(aliases == ["Samer al-Khatib"])
        }
    }

    @Test func batchesDoNotChangeWhatIsExtracted() throws {
        let articles = Article.load(from: [Self.corpus]).articles
        func statements(_ store: Store) throws -> [String] {
            try store.index.snapshot { txn in
                try articles.flatMap { try store.index.statements(ofArticle: $0.id ?? "", txn: txn) }
                    .map { "\($0.id) \($0.actor) \($0.stance.rawValue) \($0.quote)" }
            }
        }
        let together = try withStore { store in
            try store.ingest(articles)
            return try statements(store)
        }
        let oneByOne = try withStore { store in
            for article in articles.reversed() { try store.ingest([article]) }
            return try statements(store)
        }
        #expect(!together.isEmpty)
        #expect(together == oneByOne)
    }
}
