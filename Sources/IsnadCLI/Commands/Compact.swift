import ArgumentParser
import Foundation
import Isnad

struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a compacted copy of the store, without its free pages.",
        discussion: """
            Imports and re-ingests leave free pages behind: the store keeps the space
            that old versions of large lists took, for reuse. The copy holds only what
            is live (like SQLite's VACUUM INTO). The store itself is not changed, and
            other readers and writers may go on while the copy is made. To replace the
            store, move the copy over it when nothing has it open.

            Example:
              isnad compact --store news.isnad --out news-compact.isnad
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The new folder for the copy (it must not exist, or be empty).", valueName: "dir"))
    var out: String

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let sizes: (before: Int, after: Int)
            do {
                sizes = try store.compact(into: out)
            } catch let error as StoreError {
                throw CLIError.store(error)
            }
            func size(_ bytes: Int) -> String {
                ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
            }
            let saved = sizes.before > 0 ? 100 * (sizes.before - sizes.after) / sizes.before : 0
            print("\(size(sizes.before)) → \(size(sizes.after)) (\(saved)% smaller) → \(out)")
        }
    }
}
