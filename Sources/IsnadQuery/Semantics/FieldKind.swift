import IsnadIndex

/// The fields a query can test, each with its type. The type decides what a
/// value may be and which operators apply.
package enum FieldKind: String, Sendable, Hashable, CaseIterable {
    case actor, about, country, source, cites, kind, stance, date, lang, quote, text, doc, `is`

    package enum ValueType: String, Sendable, Hashable {
        /// Resolved through the alias table, in any script.
        case entity
        /// One of a closed list of values.
        case enumeration
        /// A day, month or year, or a range of them.
        case date
        /// Analysed like the text it searches: words, phrases, prefixes.
        case text
        /// Matched exactly, as stored.
        case keyword
    }

    package var type: ValueType {
        switch self {
        case .actor, .about, .country, .source, .cites: .entity
        case .stance, .lang, .is: .enumeration
        case .date: .date
        case .quote, .text: .text
        case .kind, .doc: .keyword
        }
    }

    /// The allowed values of an enumeration field.
    package var values: [String] {
        switch self {
        case .stance: Stance.allCases.map(\.rawValue)
        case .lang: ["ar", "en"]
        case .is: ["article", "statement", "entity"]
        default: []
        }
    }

    /// One line for `.fields` and the docs.
    package var meaning: String {
        switch self {
        case .actor: "who made the statement (a person, organisation or outlet)"
        case .about: "an entity or topic the statement is about"
        case .country: "the country the actor belongs to"
        case .source: "the outlet that published the article"
        case .cites: "an outlet or report the article cites"
        case .kind: "the actor's kind: person, org, country, media, place, weapon, topic, …"
        case .stance: "what the actor does: deny, confirm, warn, …"
        case .date: "when the statement was made (day, month or year)"
        case .lang: "the article's language: ar or en"
        case .quote: "words in the quoted statement"
        case .text: "words anywhere in the article"
        case .doc: "the article's id"
        case .is: "what to return: article, statement or entity"
        }
    }

    package static let allNames = allCases.map(\.rawValue)

    /// How a type is named in messages: "'stance' is an enumeration".
    var typeDescription: String {
        switch type {
        case .entity: "an entity field"
        case .enumeration: "an enumeration"
        case .date: "a date field"
        case .text: "a text field"
        case .keyword: "a keyword field"
        }
    }
}
