import Foundation
import IsnadIndex
import IsnadText
import SyntheticCorpus

/// Random queries over a corpus's own values: every field, operator and
/// pipe stage of the language, as a user would type them.
struct QueryGenerator {
    var random: SeededGenerator
    let actors: [String]
    let actorAliases: [String]
    let abouts: [String]
    let aboutAliases: [String]
    let countries: [String]
    let outlets: [String]
    let docs: [String]
    let quoteWords: [String]
    let quotePhrases: [String]
    let textWords: [String]
    let textPhrases: [String]
    let kinds = ["person", "org", "anon", "outlet", "topic", "place", "Person"]

    init(corpus: OracleCorpus, seed: UInt64) {
        random = SeededGenerator(state: seed)
        let byName = Dictionary(corpus.entities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let statements = corpus.finalStatements
        actors = Array(Set(statements.map(\.actor))).sorted()
        actorAliases = actors.prefix(300).flatMap { byName[$0].map { $0.aliasesAr + $0.aliasesEn } ?? [] }
        abouts = Array(Set(statements.flatMap(\.about))).sorted()
        aboutAliases = abouts.flatMap { byName[$0].map { $0.aliasesAr + $0.aliasesEn } ?? [] }
        countries = [
            "Iran", "Russia", "United States", "Ukraine", "China", "Israel", "United Kingdom",
            "إيران", "روسيا", "واشنطن", "Moscow",
        ]
        outlets = corpus.entities.filter { $0.kind == "outlet" }.map(\.name) + ["Unlisted Bulletin"]
        docs = corpus.articles.map(\.key)
        let analyzer = Analyzer()
        func words(_ text: String) -> [String] {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).filter { word in
                // Not the query language's own signs (English text has commas).
                !word.contains(where: { "\"\\“”«»()*:|#-,<>=!".contains($0) })
                    && !["and", "or", "not"].contains(word.lowercased())
                    && analyzer.tokens(in: word).count == 1
            }
        }
        var quoteWords: [String] = []
        var quotePhrases: [String] = []
        for s in statements.prefix(1500) {
            let w = words(s.quote)
            quoteWords += w.prefix(3)
            if w.count >= 3 { quotePhrases.append(w[1...2].joined(separator: " ")) }
            if w.count >= 5 { quotePhrases.append(w[2...4].joined(separator: " ")) }
        }
        var textWords: [String] = []
        var textPhrases: [String] = []
        for a in corpus.articles.prefix(400) {
            let w = words(a.text)
            textWords += w.prefix(4)
            if w.count >= 8 { textPhrases.append(w[6...7].joined(separator: " ")) }
        }
        self.quoteWords = quoteWords
        self.quotePhrases = quotePhrases
        self.textWords = textWords
        self.textPhrases = textPhrases
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func name(_ items: [String]) -> String {
        let n = pick(items)
        return n.contains(" ") || n.contains("-") ? "\"\(n)\"" : n
    }

    mutating func prefix(of word: String) -> String {
        let letters = word.prefix { $0.isLetter }
        let stem = String(letters.prefix(Int.random(in: 2...4, using: &random)))
        return (stem.count < 2 ? "من" : stem) + "*"
    }

    mutating func date() -> String {
        let year = Int.random(in: 2015...2026, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return String(year)
        case 1: return String(format: "%04d-%02d", year, Int.random(in: 1...12, using: &random))
        default:
            return String(
                format: "%04d-%02d-%02d", year, Int.random(in: 1...12, using: &random),
                Int.random(in: 1...28, using: &random))
        }
    }

    mutating func leaf() -> String {
        switch Int.random(in: 0..<24, using: &random) {
        case 0, 1: return "actor:" + name(actors)
        case 2: return "actor:" + name(actorAliases)
        case 3: return "actor:" + prefix(of: pick(actors))
        case 4: return "about:" + name(abouts)
        case 5: return "about:" + name(aboutAliases)
        case 6: return "country:" + name(countries)
        case 7: return "kind:" + pick(kinds)
        case 8, 9: return "stance:" + pick(Stance.allCases).rawValue
        case 10:
            let a = pick(Stance.allCases).rawValue
            let b = pick(Stance.allCases).rawValue
            return "stance:(\(a) OR \(b))"
        case 11: return "date:" + date()
        case 12: return "date" + pick([">", ">=", "<", "<=", ":>"]) + date()
        case 13:
            let a = date()
            let b = date()
            return "date:" + (a <= b ? "\(a)..\(b)" : "\(b)..\(a)")
        case 14: return "date:" + pick(["\(date())..*", "*..\(date())"])
        case 15: return "source:" + name(outlets)
        case 16: return "cites:" + name(outlets)
        case 17: return "lang:" + pick(["ar", "en"])
        case 18: return "doc:" + pick(docs)
        case 19: return pick([pick(quoteWords), "quote:" + pick(quoteWords)])
        case 20: return pick(["\"\(pick(quotePhrases))\"", "quote:\"\(pick(quotePhrases))\""])
        case 21: return pick([prefix(of: pick(quoteWords)), "quote:" + prefix(of: pick(quoteWords))])
        case 22: return "text:" + pick([pick(textWords), "\"\(pick(textPhrases))\"", prefix(of: pick(textWords))])
        default: return "actor:(\(name(actors)) OR \(name(actors)))"
        }
    }

    mutating func expression(depth: Int) -> String {
        let n = Int.random(in: 1...(depth > 1 ? 2 : 3), using: &random)
        var parts: [String] = []
        for _ in 0..<n {
            var term = depth > 1 && chance(0.25) ? "(" + expression(depth: depth - 1) + ")" : leaf()
            if chance(0.15) { term = pick(["-", "NOT "]) + term }
            parts.append(term)
        }
        var out = parts[0]
        for part in parts.dropFirst() { out += pick([" ", " AND ", " OR ", " "]) + part }
        return out
    }

    mutating func statementStages() -> String {
        let group = ["actor", "about", "country", "source", "cites", "kind", "stance", "date", "lang", "doc"]
        let sortable = ["date", "actor", "stance", "source", "country", "lang", "doc"]
        let limit = " | limit \(Int.random(in: 1...30, using: &random))"
        switch Int.random(in: 0..<14, using: &random) {
        case 0, 1, 2: return ""
        case 3: return " | count"
        case 4: return " | count by " + pick(group)
        case 5:
            // Two different fields: the same one twice is refused.
            let first = pick(group)
            return " | count by \(first), \(pick(group.filter { $0 != first }))"
        case 6: return " | top \(Int.random(in: 1...8, using: &random)) " + pick(group)
        case 7: return " | timeline" + pick(["", " day", " week", " month", " year"])
        case 8: return " | sort \(pick(sortable))" + pick(["", " asc", " desc"]) + (chance(0.5) ? limit : "")
        case 9: return limit
        case 10:
            return " | fields "
                + ["date", "actor", "stance", "country", "kind", "source", "lang", "cites", "title"]
                .shuffled(using: &random).prefix(3).joined(separator: ", ")
        case 11:
            return " | articles"
                + pick([
                    "", " | count", " | count by source", " | count by lang",
                    " | count by cites", " | count by date", " | sort date asc", limit,
                ])
        case 12: return " | count by \(pick(group)) | sort count asc" + limit
        default: return " | count by stance | sort stance desc"
        }
    }

    mutating func next() -> String {
        switch Int.random(in: 0..<20, using: &random) {
        case 0:
            return "is:article " + expression(depth: 2)
                + pick([
                    "", " | count", " | count by source", " | timeline year", " | sort date" + " | limit 5",
                    " | count by cites",
                ])
        case 1:
            return "is:entity " + expression(depth: 1) + pick(["", " | count", " | count by kind", " | count by country"])
        case 2:
            return statementStages().trimmingCharacters(in: .whitespaces)
        default:
            return expression(depth: 3) + statementStages()
        }
    }
}
