import IsnadIndex
import IsnadText
import IsnadVocabulary

/// A query whose every part is known to make sense: field types checked,
/// dates turned into day ranges, text analysed like the index's text.
/// This is what the planner takes (and what a query builder produces).
package struct CheckedQuery: Sendable, Hashable {
    /// nil matches everything (a query that is only pipes).
    package var filter: Filter?
    package var stages: [CheckedStage]

    /// Every statement: what a builder query with no conditions and no
    /// stages means (the language itself has no empty query).
    package static let everything = CheckedQuery(filter: nil, stages: [])
}

package indirect enum Filter: Sendable, Hashable {
    case and([Filter])
    case or([Filter])
    case not(Filter)
    /// An entity field; the name is resolved against the alias table.
    case entity(FieldKind, EntityName)
    case stance(Stance)
    case date(DayRange)
    case text(TextScope, TextMatch)
    case keyword(FieldKind, String)
    case lang(Language)
    case target(Target)
}

/// A name as the user wrote it, with the forms the alias table is keyed by.
package struct EntityName: Sendable, Hashable {
    /// As written (for messages and suggestions).
    package var written: String
    /// Normalised, unstemmed words joined by one space: how aliases are stored.
    package var normalized: String
    /// The cross-script key, so `كيربي` meets `Kirby`.
    package var key: String
    /// `actor:Kir*`: every entity with an alias starting so.
    package var isPrefix: Bool
}

/// Where free text is searched.
package enum TextScope: String, Sendable, Hashable {
    /// A bare word or phrase: the quotes and the article text.
    case any
    case quote
    case text
}

/// Analysed text, as the index holds it.
package enum TextMatch: Sendable, Hashable {
    /// One term (a stem).
    case term(String)
    /// Terms in this order, next to each other.
    case phrase([String])
    /// Normalised forms that start with this.
    case prefix(String)
}

package enum Target: String, Sendable, Hashable {
    case article, statement, entity
}

package enum CheckedStage: Sendable, Hashable {
    case count(by: [FieldKind])
    case top(Int, FieldKind)
    case timeline(Interval)
    case sort(SortKey, SortOrder)
    case limit(Int)
    case fields([OutputField])
    case articles
}

package enum SortKey: Sendable, Hashable {
    case field(FieldKind)
    /// The count of an aggregation.
    case count
}

/// The columns a result can show.
package enum OutputField: String, Sendable, Hashable, CaseIterable {
    case id, date, actor, stance, quote, about, country, kind, source, cites, lang, doc, title, url, cue, sentence, spans
    /// What decided a statement's stance: the rule and the words.
    case why
}
