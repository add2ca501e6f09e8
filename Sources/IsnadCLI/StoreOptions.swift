import ArgumentParser
import Foundation
import Isnad

/// `--store`, shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.", valueName: "path"))
    var store: String?

    /// --store, else $ISNAD_STORE, else the per-user default.
    var path: String {
        if let store { return store }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ISNAD_STORE"], !path.isEmpty { return path }
        return (StoreOptions.dataFolder as NSString).appendingPathComponent("store")
    }

    /// `$XDG_DATA_HOME/isnad` (~/.local/share/isnad): the default store and
    /// the REPL's history.
    static var dataFolder: String { dataFolder(environment: ProcessInfo.processInfo.environment) }

    /// `$XDG_DATA_HOME/isnad`, else `$HOME/.local/share/isnad`, as the XDG
    /// Base Directory specification says. `NSHomeDirectory()` comes last
    /// only: it reads the password database, not `$HOME`, so a user (or a
    /// test) who sets `HOME` to another folder would still write into the
    /// home folder the password database names.
    static func dataFolder(environment: [String: String]) -> String {
        func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let data =
            nonEmpty("XDG_DATA_HOME")
            ?? ((nonEmpty("HOME") ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("isnad")
    }

    func open(readOnly: Bool = false) throws -> Store {
        try StoreOptions.open(path: path, readOnly: readOnly)
    }

    /// A read-only open needs the store to exist; a writable one creates it.
    static func open(path: String, readOnly: Bool) throws -> Store {
        var configuration = Store.Configuration()
        configuration.readOnly = readOnly
        configuration.create = !readOnly
        let store: Store
        do {
            store = try Store(path: path, configuration: configuration)
        } catch let error as StoreError {
            throw CLIError.store(error)
        }
        // A writer has upgraded an older store already; a reader says what
        // its answers may miss.
        if readOnly, let note = store.upgradeNote {
            let version = (try? store.statistics()).map { String($0.formatVersion) } ?? "?"
            printError("note: '\(path)' has store format \(version): \(note)")
        }
        return store
    }
}

/// Failures that end a command, with the exit codes of docs/cli.md:
/// 1 for bad input, 3 for the store.
enum CLIError: Error {
    case input(String)
    case store(StoreError)
}

/// Prints `error` on standard error and leaves with its exit code.
func fail(_ error: CLIError) -> ExitCode {
    switch error {
    case .input(let message):
        printError("error: \(message)")
        return ExitCode(1)
    case .store(let error):
        printError("error: \(error)")
        return ExitCode(3)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension ParsableCommand {
    /// Runs `body`, turning `CLIError` and `StoreError` into a message and an exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            throw fail(error)
        } catch let error as StoreError {
            throw fail(.store(error))
        }
    }
}
