import Foundation
import Testing

@testable import IsnadStore

let testFormat = StoreFormat(identifier: "isnad-store-tests", version: 3, oldestReadable: 2, creator: "IsnadStoreTests")

/// A fresh folder under the temporary directory, removed after `body`.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("isnad-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// An environment on a new store inside a temporary folder.
func withTemporaryStore<R>(
    mapSize: Int = 1 << 24, format: StoreFormat = testFormat,
    _ body: (Environment, String) throws -> R
) throws -> R {
    try withTemporaryDirectory { folder in
        let path = folder + "/store"
        var configuration = StoreConfiguration()
        configuration.mapSize = mapSize
        let environment = try Environment(path: path, format: format, configuration: configuration)
        return try body(environment, path)
    }
}

func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

func text(_ buffer: UnsafeRawBufferPointer?) -> String? {
    buffer.map { String(decoding: $0, as: UTF8.self) }
}

/// Collects the keys (as text) of a scan.
func keys(in db: Database, _ environment: Environment, range: KeyRange, reverse: Bool = false) throws -> [String] {
    try environment.read { txn in
        var out: [String] = []
        try txn.scan(db, in: range, reverse: reverse) { entry in
            out.append(String(decoding: entry.key, as: UTF8.self))
            return .next
        }
        return out
    }
}

/// Runs the StoreProbe executable, built beside the test bundle, as a
/// second process on `path`, and talks to it line by line.
final class Probe {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()

    init(path: String, format: StoreFormat = testFormat) throws {
        let executable = try Probe.executableURL()
        process.executableURL = executable
        process.arguments = [path, format.identifier, String(format.version)]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let first = try readLine()
        guard first == "ready" else {
            throw ProbeError(message: "probe did not start: \(first)")
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    static func executableURL() throws -> URL {
        // The test runner sits in the build products folder, with StoreProbe.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("StoreProbe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw ProbeError(message: "StoreProbe not found near \(CommandLine.arguments[0]); run `swift build` first")
    }

    func ask(_ command: String) throws -> String {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        return try readLine()
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw ProbeError(message: "probe closed its output") }
            buffer.append(chunk)
        }
    }

    func quit() {
        input.fileHandleForWriting.write(Data("quit\n".utf8))
        process.waitUntilExit()
    }
}

struct ProbeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Expects `body` to throw a ``StoreError`` with `code`; returns it.
@discardableResult
func expectStoreError<R>(
    _ code: StoreError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> R
) -> StoreError? {
    do {
        _ = try body()
        Issue.record("expected StoreError.\(code.rawValue), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        if error.code == code { return error }
        Issue.record(
            "expected StoreError.\(code.rawValue), got \(error.code.rawValue): \(error)",
            sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected StoreError.\(code.rawValue), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
