import Foundation
import IsnadIndex
import IsnadText
import Testing

@testable import Isnad
@testable import IsnadExtract

/// Stance read from what was said, not only from the cue verb (issue:
/// stance and date). Every sentence is made up for the test, in the wording
/// of news, so none comes from the development set.
@Suite struct StanceTests {
    func extract(_ text: String) -> [Extraction] { ExtractionTests().extract(text) }
    func stances(_ text: String) -> [String] { extract(text).map(\.stance) }

    @Test func plainSayingWithADenial() {
        #expect(stances("Port official Dana Reyes said the reports of a spill were baseless.") == ["deny"])
        #expect(stances("“We did not fire at the boats,” coast guard spokesman Omar Latif said.") == ["deny"])
        #expect(stances("قال المتحدث باسم الشركة سامي حداد إن الأنباء عن إفلاسها عارية عن الصحة.") == ["deny"])
        // Wrongdoing negated is denied: "did not commit".
        #expect(stances("Colonel Ruiz said his men had never committed any massacre in the valley.") == ["deny"])
        #expect(stances("وقال الوزير كمال ناصر إن الحكومة لم ترتكب أي انتهاكات.") == ["deny"])
    }

    @Test func plainSayingWithAnAccusation() {
        #expect(stances("Governor Ana Lopes said the militants looted the depot and tortured the guards.") == ["accuse"])
        #expect(stances("قال المتحدث باسم الجيش العميد نبيل عبد الله إن المتمردين ارتكبوا مجازر بحق المدنيين.") == ["accuse"])
        #expect(stances("The peacekeeping mission said soldiers fired on its observation post twice.") == ["accuse"])
        #expect(stances("وقال المتحدث باسم الشرطة رامي عيسى إن مسلحين أطلقوا النار على الحاجز ليلا.") == ["accuse"])
        // A negation governs its verb, not a conjunct after it nor a noun
        // after a preposition.
        #expect(stances("وقال الوزير فادي حنا إن الحكومة لا تريد الحرب ويُفشل خصومها كل تسوية.") == ["accuse"])
        #expect(stances("وقال النائب سليم داود إن الحزب لن يتنازل عن سرقة أصواته.") == ["accuse"])
        // The speaker's own act is no accusation…
        #expect(stances("Captain Ivo Maras said we targeted the launch sites overnight.") == ["assert"])
        // …nor is an analyst's account of one.
        #expect(stances("Defence analyst Pia Holm said the rebels shelled the port for a week.") == ["assert"])
    }

    @Test func threatsDemandsAndCondemnations() {
        #expect(stances("قال قائد الحرس العقيد سالم داود إننا سنرد بقوة على أي هجوم.") == ["threaten"])
        #expect(stances("General Tomas Berg said his forces would retaliate against any incursion.") == ["threaten"])
        #expect(stances("Minister Lea Varn said the occupying troops must leave the island.") == ["demand"])
        #expect(stances("وأضاف الوزير هشام فاضل أنه يجب وقف القتال فورا.") == ["demand"])
        #expect(stances("Mayor Joel Park said the closure of the clinic was unacceptable and shameful.") == ["condemn"])
        #expect(stances("وقال رئيس البرلمان عادل منصور إن القصف عدوان سافر على سيادة البلاد.") == ["condemn"])
    }

    @Test func commitmentsConcernAndDangers() {
        #expect(stances("Aid chief Rosa Ibarra said the agency will provide tents to every family.") == ["pledge"])
        #expect(stances("وقال وزير المالية حسن عمر إن الحكومة ملتزمة بدفع الرواتب.") == ["pledge"])
        #expect(stances("Health Minister Ian Dole said he was deeply concerned about the outbreak.") == ["concern"])
        #expect(stances("قال الوزير نادر سليم إن استمرار الجفاف قد يؤدي إلى كارثة في الجنوب.") == ["warn"])
        #expect(stances("Ms Nora Quinn, a police spokeswoman, said she could not comment on the inquiry.") == ["decline"])
    }

    @Test func refusalsJudgementsAndCommitmentsInOtherWords() {
        #expect(stances("وأضاف المتحدث باسم الخارجية وليد سالم: لن أعلق على هذه التقارير.") == ["decline"])
        #expect(stances("“We are not going to detail those channels,” department spokesman Mark Toner said.") == ["decline"])
        #expect(stances("“Any attack on the convoy is a grave violation of the truce,” the mission said in a statement.") == ["condemn"])
        #expect(stances("The union's leader Carla Brandt said the offer falls short of what workers need.") == ["condemn"])
        #expect(stances("وقال رئيس الوزراء عادل حسن إن الحكومة لن تدخر جهدا لحماية الأقليات.") == ["pledge"])
        #expect(stances("The company's chief Ana Ruiz said it looks forward to working with regulators.") == ["pledge"])
    }

    @Test func forceToComeIsAThreat() {
        #expect(stances("وقال المتحدث العسكري العميد فهد سالم إن القوات ستواصل هجماتها حتى رفع الحصار.") == ["threaten"])
        #expect(stances("General Ivo Marsh said his troops would continue fighting until the town fell.") == ["threaten"])
        // A warning of what the speaker's side will do is a threat too.
        #expect(stances("وحذرت الحكومة من أنها ستتعامل بحزم مع أي شغب.") == ["threaten"])
        // Dangers from circumstances stay warnings.
        #expect(stances("Mayor Lena Ford said the situation in the camp was untenable.") == ["warn"])
    }

    @Test func aCueWithAStanceOfItsOwnKeepsIt() {
        #expect(stances("The union accused the company of breaking the law, its leader Eva Moss said.").contains("accuse"))
        #expect(stances("Prime Minister Alan Croft denied that talks had failed.") == ["deny"])
        // A promise of harm is a threat.
        #expect(stances("The militia leader Karim Zayed vowed retaliation for the raid.") == ["threaten"])
        #expect(stances("ووعدت الحركة برد قاس إذا تكرر الهجوم، بحسب المتحدث باسمها فارس علي.").first == "threaten")
    }

    @Test func affirmingAFactIsConfirming() {
        // أكد with a noun for object affirms a fact; with أن it stresses.
        #expect(stances("أكد مسؤول أمني وصول التعزيزات إلى المدينة.") == ["confirm"])
        #expect(stances("أكد الوزير سامر خليل أن الحوار هو الطريق الوحيد.") == ["assert"])
    }

    @Test func announcingAMeasureIsAPledge() {
        #expect(stances("The rebel group Harat Front announced the suspension of its attacks on the highway.") == ["pledge"])
        #expect(stances("أعلن وزير النقل سمير داود إطلاق خطة لإصلاح الطرق.") == ["pledge"])
        // Announcing a fact is saying it.
        #expect(stances("أعلن وزير النقل سمير داود أن الطريق أعيد فتحه.") == ["assert"])
        #expect(stances("أعلنت وزارة الصحة مقتل خمسة أشخاص في الحادث.") != ["pledge"])
    }

    @Test func outletsTheGazetteerDoesNotKnowReport() {
        #expect(stances("The state-run Kavala news agency said the bridge had collapsed.") == ["report"])
        #expect(stances("وذكرت وسائل إعلام محلية أن الجسر انهار.") == ["report"])
        // A ministry of information is no outlet.
        #expect(stances("قالت وزارة الإعلام إن البث سيستأنف.") != ["report"])
    }

    @Test func misconductDeniedIsADenial() {
        #expect(stances("“He never engaged in any misconduct,” said the lawyer, Owen Hart.") == ["deny"])
        #expect(stances("Police chief Lars Eng said there was no proof that officers were involved.") == ["deny"])
    }

    @Test func theSameWordsOfTheSameSpeakerHaveOneStance() {
        // "was quoted … as saying": two cues of one act, with its words
        // and one stance.
        let found = extract("Defence lawyer Ray Cole was quoted by Interfax as saying that his client had nothing to do with the crime.")
        #expect(found.map(\.stance) == ["deny", "deny"])
        #expect(found.map(\.quote) == ["his client had nothing to do with the crime", "his client had nothing to do with the crime"])
        let twice = extract("“We never hid the files,” Senator Ray Cole was quoted by the Daily Post as saying.")
        #expect(Set(twice.map(\.stance)) == ["deny"])
    }

    @Test func theStanceRecordsWhatDecidedIt() throws {
        let text = "Port official Dana Reyes said the reports of a spill were baseless."
        let found = try #require(extract(text).first)
        let basis = try #require(found.stanceBasis)
        #expect(basis.rule == .content)
        #expect(basis.signal == StanceSignal.denial.label)
        let words = basis.spans.map { span in
            String(decoding: Array(text.utf8)[span], as: UTF8.self)
        }
        #expect(words == ["baseless"])
        let cue = try #require(extract("Prime Minister Alan Croft denied that talks had failed.").first?.stanceBasis)
        #expect(cue.rule == .cue)
    }

    @Test func everySignalIsAStanceTheStoreKnows() {
        for signal in StanceSignal.allCases {
            #expect(IsnadIndex.Stance(rawValue: signal.stance) != nil, "\(signal)")
        }
        // Each lexicon word is looked up as the flags promise.
        for (_, list) in StanceLexicon.entries {
            for text in list {
                let word = text.hasPrefix("=") ? String(text.dropFirst()) : text
                guard let first = Analyzer(stemming: false).tokens(in: word).first else { continue }
                #expect(StanceLexicon.mayMatter(Array(first.form.utf8)), "\(text)")
            }
        }
    }
}
