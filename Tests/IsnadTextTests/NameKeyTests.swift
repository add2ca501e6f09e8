import Foundation
import SyntheticCorpus
import Testing

@testable import IsnadText

@Suite struct NameKeyTests {
    @Test func theNamesOfTheIssueMeet() {
        let pairs: [(String, [String])] = [
            ("كيربي", ["Kirby"]),
            ("كنعاني", ["Kanaani", "Kanani"]),
            ("بيسكوف", ["Peskov"]),
            ("زيلينسكي", ["Zelensky", "Zelenskyy"]),
            ("باتروشيف", ["Patrushev"]),
            ("شمخاني", ["Shamkhani"]),
            ("الكنعاني", ["Kanaani"]),
            ("بشار الأسد", ["Bashar al-Assad", "Assad"]),
            ("آية الله علي خامنئي", ["Ayatollah Ali Khamenei", "Ali Khamenei", "Khamenei"]),
        ]
        for (arabic, latin) in pairs {
            for name in latin {
                #expect(NameKey(arabic).meets(NameKey(name)), "\(arabic) [\(NameKey(arabic))] vs \(name) [\(NameKey(name))]")
            }
        }
    }

    @Test func unrelatedNamesStayApart() {
        let names = [
            "Kirby", "Kanaani", "Peskov", "Zelensky", "Patrushev", "Shamkhani", "Putin", "Biden", "Budanov",
            "Raisi", "Rouhani", "Zarif", "Lavrov", "Blinken", "Sullivan", "Kuleba", "Trump", "Assad",
        ]
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] {
                #expect(!NameKey(a).meets(NameKey(b)), "\(a) [\(NameKey(a))] meets \(b) [\(NameKey(b))]")
            }
        }
        #expect(!NameKey("Ali Khamenei").meets(NameKey("علي شمخاني")))
        #expect(!NameKey("").meets(NameKey("")))
        #expect(!NameKey("123 !!").meets(NameKey("Kirby")))
    }

    /// The figures of the issue: every Arabic alias of each person in the
    /// gold entities against every Latin alias of the same person (share
    /// that meet) and of every other person (collisions).
    @Test(.enabled(if: SharedFolder.hasCorpus, Comment(rawValue: SharedFolder.corpusMissing)))
    func goldPersonNames() throws {
        struct Entity: Decodable {
            var name: String
            var kind: String
            var aliases_ar: [String]
            var aliases_en: [String]
        }
        let url = SharedFolder.corpus.appendingPathComponent("seeds/gold/entities.jsonl")
        let persons = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Entity.self, from: Data($0.utf8)) }
            .filter { $0.kind == "person" }
        #expect(persons.count >= 25)
        var same = 0
        var met = 0
        var different = 0
        var misses: [String] = []
        var collisions: [String] = []
        for person in persons {
            for arabic in person.aliases_ar {
                let key = NameKey(arabic)
                for other in persons {
                    for latin in other.aliases_en {
                        let meets = key.meets(NameKey(latin))
                        if other.name == person.name {
                            same += 1
                            if meets { met += 1 } else { misses.append("\(arabic) [\(key)] / \(latin) [\(NameKey(latin))]") }
                        } else {
                            different += 1
                            if meets { collisions.append("\(arabic) [\(key)] / \(latin) [\(NameKey(latin))]") }
                        }
                    }
                }
            }
        }
        let share = Double(met) / Double(same)
        print(
            "name keys on \(persons.count) gold persons: \(met) of \(same) same-person pairs meet "
                + "(\(String(format: "%.1f", share * 100))%); \(collisions.count) of \(different) other pairs collide")
        print("misses: \(misses)")
        #expect(share >= 0.9, "misses: \(misses)")
        #expect(collisions.isEmpty, "collisions: \(collisions)")
    }

    /// The same on the ~1,500 synthetic persons of a generated corpus,
    /// whose names come from many languages. Many of them share a surname,
    /// so collisions are counted between full names only.
    @Test func generatedPersonNames() throws {
        let persons = SyntheticCorpus.generate(docs: 50, seed: 7).entities.filter { $0.kind == "person" }
        #expect(persons.count > 1000)
        var owners: [NameKey: Set<String>] = [:]
        for person in persons { for latin in person.aliasesEn { owners[NameKey(latin), default: []].insert(person.name) } }
        var same = 0
        var met = 0
        var collisions: [String] = []
        var misses: [String] = []
        for person in persons {
            let latin = person.aliasesEn.map(NameKey.init)
            for arabic in person.aliasesAr {
                let key = NameKey(arabic)
                for other in latin {
                    same += 1
                    if key.meets(other) {
                        met += 1
                    } else if misses.count < 40, other.words.count == 1, key.words.count == 1 {
                        misses.append("\(arabic) [\(key)] / [\(other)]")
                    }
                }
                if key.words.count > 1, let names = owners[key], names.contains(where: { $0 != person.name }) {
                    collisions.append("\(arabic) [\(key)]: \(names.sorted())")
                }
            }
        }
        let share = Double(met) / Double(same)
        print(
            "name keys on \(persons.count) generated persons: \(met) of \(same) same-person pairs meet "
                + "(\(String(format: "%.1f", share * 100))%); \(collisions.count) full names collide: \(collisions.prefix(10))")
        print("misses: \(misses)")
        #expect(share >= 0.9)
    }
}
