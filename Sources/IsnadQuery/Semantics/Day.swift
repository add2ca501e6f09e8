import IsnadVocabulary

/// A calendar day: the store's key form of dates (days since 1970-01-01,
/// proleptic Gregorian), so day ranges from queries are cursor ranges.
/// Partial dates and day ranges live beside it in IsnadVocabulary.
package typealias Day = DayNumber
