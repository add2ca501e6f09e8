// A second process for IsnadStoreTests: opens the store named on the command
// line and answers one command per line on standard input, so tests can check
// what another process sees while they write.
//
//   usage: StoreProbe PATH FORMAT-ID FORMAT-VERSION
//   count DB      number of entries in DB
//   get DB KEY    the value of KEY as text, or <none>
//   mapsize       the map size this process uses now
//   quit
import Foundation
import IsnadStore

/// Unbuffered, so the test sees each answer at once.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let version = Int(arguments[3]) else {
    say("usage: StoreProbe PATH FORMAT-ID FORMAT-VERSION")
    exit(2)
}
var configuration = StoreConfiguration()
configuration.mapSize = 1 << 20
configuration.create = false
let environment: Environment
do {
    environment = try Environment(
        path: arguments[1],
        format: StoreFormat(identifier: arguments[2], version: version, creator: "StoreProbe"),
        configuration: configuration)
} catch {
    say("error: \(error)")
    exit(1)
}
say("ready")
while let line = readLine() {
    let words = line.split(separator: " ").map(String.init)
    do {
        switch words.first {
        case "count" where words.count == 2:
            let db = try environment.database(words[1])
            say(String(try environment.read { try $0.count(db) }))
        case "get" where words.count == 3:
            let db = try environment.database(words[1])
            let value = try environment.read { txn in
                try txn.get(Array(words[2].utf8), in: db).map { String(decoding: $0, as: UTF8.self) }
            }
            say(value ?? "<none>")
        case "mapsize":
            say(String(try environment.info().mapSize))
        case "quit":
            exit(0)
        default:
            say("error: unknown command '\(line)'")
        }
    } catch {
        say("error: \(error)")
    }
}
