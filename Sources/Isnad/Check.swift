import IsnadIndex

/// What ``Store/check(maximumProblems:progress:)`` found.
public struct CheckReport: Sendable {
    /// One thing wrong, and where.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The database it was found in (`statements`, `fields`, …).
        public var database: String
        /// The record or list (`record 12`, `list a:7`, `day 2024-09-12`).
        public var place: String
        /// What is wrong there.
        public var what: String

        /// `'statements' record 12: does not match its checksum`.
        public var description: String { "'\(database)' \(place): \(what)" }
    }

    /// The first problems found, at most the number asked for.
    public var problems: [Problem]
    /// How many problems were found in all.
    public var problemCount: Int
    /// Records that `isnad export` cannot write (a failed checksum, bytes
    /// that do not decode, a name by number that names nothing).
    public var damagedRecords: Int
    /// Records read.
    public var entities: Int
    public var articles: Int
    public var statements: Int

    /// Whether nothing is wrong.
    public var isHealthy: Bool { problemCount == 0 }
    /// Whether an export writes every record: the records are whole, and
    /// importing an export into a new store rebuilds everything else.
    public var exportable: Bool

    init(_ report: IntegrityReport) {
        problems = report.problems.map { Problem(database: $0.database, place: $0.place, what: $0.what) }
        problemCount = report.problemCount
        damagedRecords = report.damagedRecords
        entities = report.entities
        articles = report.articles
        statements = report.statements
        exportable = report.exportable
    }
}

extension Store {
    /// Checks the whole store, as SQLite's `PRAGMA integrity_check` does:
    /// every record against its checksum and its format, the key tables
    /// against the records, the names statements hold by number, every
    /// postings and positions list (decodes, ids ascending, each id a
    /// stored record), the lists a statement's record puts it in against
    /// the records both ways, and the id counters. One snapshot; writers
    /// may go on meanwhile.
    ///
    /// ```swift
    /// let report = try store.check()
    /// if !report.isHealthy { report.problems.forEach { print($0) } }
    /// ```
    ///
    /// - Parameters:
    ///   - maximumProblems: how many problems to keep (all are counted).
    ///   - progress: entries checked of entries in all, now and then.
    /// - Throws: ``StoreError`` when the store cannot be read at all.
    public func check(
        maximumProblems: Int = 100, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> CheckReport {
        CheckReport(try index.check(limit: maximumProblems, progress: progress))
    }
}
