import Foundation
import Testing

@testable import Isnad

/// The shipped gazetteer travels inside the binary (issue: reliability,
/// "a binary that finds its data"): `isnad` copied alone into another
/// folder still knows its entities, and the compiled copy is the one in
/// `Sources/Isnad/Resources/gazetteer.jsonl`.
@Suite struct ShippedGazetteerTests {
    @Test func theCompiledGazetteerIsTheResourceFile() throws {
        let file = CommandLineTests.repository.appendingPathComponent("Sources/Isnad/Resources/gazetteer.jsonl")
        let text = try String(contentsOf: file, encoding: .utf8)
        // (`make gazetteer` writes the file into ShippedGazetteer.swift.)
        #expect(
            shippedGazetteer.trimmingCharacters(in: .newlines) == text.trimmingCharacters(in: .newlines),
            "run `make gazetteer` after editing Resources/gazetteer.jsonl")
        let lines = text.split(separator: "\n").count
        #expect(DefaultGazetteer.records.count == lines)
    }

    @Test func aBinaryCopiedAloneStillKnowsItsEntities() throws {
        try CommandLineTests().withFolder { folder in
            let copy = folder + "/isnad"
            try FileManager.default.copyItem(at: try CommandLineTests.binary(), to: URL(fileURLWithPath: copy))
            let articles = folder + "/in"
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            // "Kanaani" alone is "Nasser Kanaani" only through the gazetteer.
            try "Kanaani said on Monday that the reports were baseless.\n"
                .write(toFile: articles + "/a.txt", atomically: true, encoding: .utf8)
            func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: copy)
                process.arguments = arguments
                process.currentDirectoryURL = URL(fileURLWithPath: folder)
                let printed = try CommandLineTests.output(of: process)
                return (process.terminationStatus, printed)
            }
            let store = folder + "/store"
            #expect(try run(["ingest", "--store", store, articles]).status == 0)
            let answer = try run(["query", "--store", store, "--format", "csv", "is:statement | fields actor"])
            #expect(answer.stdout.contains("Nasser Kanaani"))
        }
    }
}
