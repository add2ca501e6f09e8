import IsnadIndex
import IsnadStore

/// A calendar day: the store's key form of dates (days since 1970-01-01,
/// proleptic Gregorian), so day ranges from queries are cursor ranges.
/// Partial dates and day ranges live in IsnadIndex, which stores them.
package typealias Day = DayNumber
