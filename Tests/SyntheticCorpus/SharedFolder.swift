import Foundation

/// `../shared`, the folder beside the clone that CI provides: the annotated
/// corpora (`corpus/seeds`, `corpus/dev`, hand-annotated news texts that are
/// not part of the repository) and the reference tools (`tools/`, e.g.
/// `refanalyzer.py`, the reference Arabic analyzer). A plain clone has no
/// such folder: the tests that need it are then skipped, with this reason.
package enum SharedFolder {
    /// The root of the clone.
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let url = repository.deletingLastPathComponent().appendingPathComponent("shared")
    package static let corpus = url.appendingPathComponent("corpus")
    package static let tools = url.appendingPathComponent("tools")

    /// Whether the annotated corpora are there.
    package static var hasCorpus: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("seeds").path)
    }

    /// Whether the reference analyzer is there.
    package static var hasReferenceAnalyzer: Bool {
        FileManager.default.fileExists(atPath: tools.appendingPathComponent("refanalyzer.py").path)
    }

    package static let corpusMissing = "needs the annotated corpora in ../shared/corpus (beside the clone, as in CI)"
    package static let referenceMissing = "needs the reference analyzer ../shared/tools/refanalyzer.py (beside the clone, as in CI)"
}
