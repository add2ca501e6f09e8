import IsnadIndex

/// What an import of JSON Lines records did.
public struct ImportSummary: Sendable, Equatable {
    /// Records of one kind: new, replacing a record of the same id with
    /// other content, or the same as the stored one (nothing done).
    public struct Counts: Sendable, Equatable {
        /// New records.
        public var added = 0
        /// Records that replaced a stored one of the same id.
        public var replaced = 0
        /// Records the same as the stored ones.
        public var unchanged = 0
    }

    /// What the entities file did.
    public var entities = Counts()
    /// What the articles file did.
    public var articles = Counts()
    /// What the statements file did.
    public var statements = Counts()
    /// Statements removed because their article was replaced with another
    /// text and the import did not bring them again.
    public var removedStatements = 0
    /// Malformed lines, with file, line and reason. They load nothing; the
    /// rest of their file still loads (unless `strict`).
    public var rejected: [LoadedArticles.Rejection] = []
}

extension Store {
    /// Imports already-analysed records from JSON Lines files, in the format
    /// `isnad export` writes and `../shared/tools/gencorpus.py` generates:
    /// entities first, then articles, then statements. Importing the same
    /// file twice changes nothing. The whole import is one transaction:
    /// when it fails, nothing of it is stored, and readers see it appear
    /// whole, never an article without its statements. An article replaced
    /// with another text loses the statements stored for it, but for those
    /// the import brings again (``ImportSummary/removedStatements``). An id
    /// given twice in a file: the later record replaces the earlier.
    ///
    /// ```swift
    /// let summary = try store.importRecords(entities: "corpus/entities.jsonl",
    ///                                       statements: "corpus/statements.jsonl")
    /// print(summary.statements.added)
    /// ```
    ///
    /// - Parameters:
    ///   - entities: a file of entity records (`name`, `kind`, `aliases_ar`, …).
    ///   - articles: a file of article records (`id`, `source`, `published`, `text`, …).
    ///   - statements: a file of statement records (`id`, `doc`, `actor`, `stance`, …).
    ///   - strict: load nothing from a file that has a malformed line.
    ///   - progress: hears the bytes read so far and the total, after each batch.
    /// - Throws: ``LoadedArticles/Rejection`` when a file cannot be read
    ///   (nothing is imported); ``StoreError`` when the store refuses.
    @discardableResult
    public func importRecords(
        entities: String? = nil, articles: String? = nil, statements: String? = nil,
        strict: Bool = false,
        progress: ((_ doneBytes: Int, _ totalBytes: Int) -> Void)? = nil
    ) throws -> ImportSummary {
        var importer = Importer(store: index)
        importer.strict = strict
        importer.progress = progress
        let files = [(RecordKind.entities, entities), (.articles, articles), (.statements, statements)]
            .compactMap { kind, path in path.map { (kind, $0) } }
        let reports: [FileImport]
        do {
            reports = try importer.run(files)
        } catch ImportFailure.unreadable(let path, let why) {
            throw LoadedArticles.Rejection(path: path, reason: "cannot read the file: \(why)")
        }
        var summary = ImportSummary()
        for report in reports {
            let (kind, counts): (WritableKeyPath<ImportSummary, ImportSummary.Counts>, ChangeCounts)
            switch report.kind {
            case .entities: (kind, counts) = (\.entities, report.result.entities)
            case .articles: (kind, counts) = (\.articles, report.result.articles)
            case .statements: (kind, counts) = (\.statements, report.result.statements)
            }
            summary.removedStatements += report.result.removedStatements
            summary[keyPath: kind] = ImportSummary.Counts(
                added: counts.added, replaced: counts.replaced,
                unchanged: counts.unchanged)
            summary.rejected += report.problems.map {
                LoadedArticles.Rejection(path: $0.file, line: $0.line, reason: $0.reason)
            }
        }
        return summary
    }
}
