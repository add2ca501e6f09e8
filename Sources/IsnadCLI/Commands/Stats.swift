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
            for (name, value) in try Session.statistics(store) { print(name + "  " + value) }
        }
    }
}
