import ArgumentParser
import Foundation
import Isnad

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the store holds.",
        discussion: """
            Examples:
              isnad stats
              isnad stats --store news.isnad
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let stats = try store.statistics()
            let rows: [(String, String)] = [
                ("store", store.path),
                ("articles", String(stats.articles)),
                ("statements", String(stats.statements)),
                ("entities", String(stats.entities)),
                ("size", ByteCountFormatter.string(fromByteCount: Int64(stats.bytes), countStyle: .file)),
                ("format", "\(stats.formatVersion) (created by \(stats.creator))"),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            for (name, value) in rows {
                print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
            }
        }
    }
}
