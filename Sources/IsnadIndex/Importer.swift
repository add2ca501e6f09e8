import Foundation
import IsnadStore
import IsnadVocabulary

/// What kind of records a JSON Lines file holds.
package enum RecordKind: String, Sendable, CaseIterable {
    case entities, articles, statements
}

/// A line that could not be imported, and why.
package struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var reason: String

    package var description: String { "\(file):\(line): \(reason)" }
}

/// What importing one file did.
package struct FileImport: Sendable {
    package var file: String
    package var kind: RecordKind
    package var lines = 0
    package var result = BatchResult()
    package var problems: [ImportProblem] = []
    /// With `strict`, a file with problems loads nothing.
    package var skipped = false
    /// Records whose id an earlier line of the file had: each replaced the
    /// one before it (the last wins).
    package var repeated = 0
    /// CPU seconds of the reading thread (reading, decoding, analysing)
    /// and of the writing one (indexing, merging, committing): on two
    /// cores the import takes about as long as the larger.
    package var readingSeconds = 0.0
    package var writingSeconds = 0.0
}

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Imports the JSON Lines files of `../shared/tools/gencorpus.py` (and of
/// ``Exporter``): entities, then articles, then statements, all in one
/// write transaction, `batchSize` records at a time.
package struct Importer {
    package let store: IndexStore
    /// Records read, analysed and indexed at a time: memory holds about
    /// three batches.
    package var batchSize = 25_000
    /// Refuse a whole file when any line is malformed.
    package var strict = false
    /// Called after each batch with the bytes read so far and the total.
    package var progress: ((_ done: Int, _ total: Int) -> Void)?

    package init(store: IndexStore) { self.store = store }

    /// Imports `files` in the order entities, articles, statements,
    /// whatever the order given, all of them in one write transaction: an
    /// import that fails or is interrupted leaves the store as it was, and
    /// readers see all of it appear at once (never an article before its
    /// statements). An article replaced with another text loses the
    /// statements stored for it that the import does not bring again
    /// (``StatementSession``). A record whose id came before in its file
    /// replaces the one before it, as if the lines were imported one after
    /// the other, whatever `batchSize` is (``FileImport/repeated``).
    package func run(_ files: [(RecordKind, String)]) throws -> [FileImport] {
        let ordered = RecordKind.allCases.flatMap { kind in files.filter { $0.0 == kind } }
        var total = 0
        var contents: [Data] = []
        for (_, path) in ordered {
            let data: Data
            let url = URL(fileURLWithPath: path)
            do {
                data = try Data(contentsOf: url, options: .alwaysMapped)
            } catch {
                // Not a mappable file (a pipe, `<(zcat …)`, /dev/null): read it.
                do {
                    data = try FileHandle(forReadingFrom: url).readToEnd() ?? Data()
                } catch {
                    throw ImportFailure.unreadable(path, error.localizedDescription)
                }
            }
            contents.append(data)
            total += data.count
        }
        // With `strict`, a first pass finds every problem of each file
        // before anything is written; a file with any loads nothing.
        var refused: [FileImport?] = []
        for ((kind, path), data) in zip(ordered, contents) {
            var report = FileImport(file: path, kind: kind)
            if strict {
                try Importer.forEachRecord(in: data, kind: kind, path: path, report: &report) { _, _ in }
            }
            if strict, !report.problems.isEmpty {
                report.skipped = true
                refused.append(report)
            } else {
                refused.append(nil)
            }
        }
        // One write transaction for the whole import: a failed or
        // interrupted import leaves the store as it was, and pages written
        // by one batch and changed by the next are changed in place rather
        // than copied (a batch per transaction left a fifth of a fresh 1M
        // store free). Room for it first, so the map does not fill and the
        // import start over (it would, correctly, if the estimate falls
        // short).
        try store.environment.reserve(2 * total + (64 << 20))
        let batchSize = self.batchSize
        let progress = self.progress
        return try store.environment.write { txn in
            var session = StatementSession(mode: .imported)
            var reports: [FileImport] = []
            var done = 0
            for (((kind, path), data), refusal) in zip(zip(ordered, contents), refused) {
                if let refusal {
                    reports.append(refusal)
                } else {
                    let start = done
                    reports.append(
                        try Importer.importFile(
                            data, kind: kind, path: path, batchSize: batchSize, store: store, txn: txn,
                            session: &session
                        ) { bytes in progress?(start + bytes, total) })
                }
                done += data.count
                progress?(done, total)
            }
            // The statements of replaced articles that the import did not
            // bring again, once every file is in.
            let removed = try store.removeStale(&session, txn: txn)
            if removed > 0, let k = reports.lastIndex(where: { !$0.skipped }) ?? reports.indices.last {
                reports[k].result.removedStatements += removed
            }
            return reports
        }
    }

    /// One file's batches, written in `txn` while another thread reads and
    /// prepares the next one.
    private static func importFile(
        _ data: Data, kind: RecordKind, path: String, batchSize: Int,
        store: IndexStore, txn: borrowing WriteTransaction, session: inout StatementSession,
        progress: (Int) -> Void
    ) throws -> FileImport {
        let writingStart = threadCPUSeconds()
        // Reading, decoding and analysing the next batch (another thread)
        // overlaps with writing this one (this thread, the store's
        // writer): on two cores the import takes about as long as the
        // longer of the two.
        let handoff = Handoff<(PreparedBatch, Int), FileImport>()
        let reader = Thread {
            Importer.readBatches(of: data, kind: kind, path: path, batchSize: batchSize, into: handoff)
        }
        reader.stackSize = 8 << 20
        reader.start()
        var result = BatchResult()
        do {
            while let (batch, offset) = handoff.take() {
                result += try store.apply(batch, txn: txn, session: &session)
                handoff.giveBack((batch, offset))
                progress(offset)
            }
        } catch {
            handoff.stop()
            _ = try? handoff.outcome()
            throw error
        }
        var report = try handoff.outcome()
        report.result = result
        report.writingSeconds = threadCPUSeconds() - writingStart
        return report
    }

    /// The reading thread of an import: the file's records in prepared
    /// batches, each with the byte offset it ends at, then the report of
    /// the lines read (or the error that ended the reading).
    private static func readBatches(
        of data: Data, kind: RecordKind, path: String, batchSize: Int,
        into handoff: Handoff<(PreparedBatch, Int), FileImport>
    ) {
        var report = FileImport(file: path, kind: kind)
        var batch = ImportBatch()
        let start = threadCPUSeconds()
        do {
            func send(_ offset: Int) throws {
                guard handoff.put((PreparedBatch(batch), offset)) else { throw HandoffStopped() }
                batch = ImportBatch()
            }
            // Every id of the file, numbered, with the batch it was last
            // met in: a record whose id the batch being read holds already
            // ends it, so that the earlier record is written before the
            // later replaces it, as with batches of one record.
            var ids = ByteKeys()
            var lastBatch: [Int] = []
            var batchNumber = 0
            var lastOffset = 0
            var repeated = 0
            try forEachRecord(in: data, kind: kind, path: path, report: &report) { record, offset in
                var id: String
                switch record {
                case .entity(let e): id = e.name
                case .article(let a): id = a.key
                case .statement(let s): id = s.id
                }
                let (n, isNew) = id.withUTF8 { ids.number($0) }
                if isNew {
                    lastBatch.append(batchNumber)
                } else {
                    repeated += 1
                    if lastBatch[n] == batchNumber {
                        try send(lastOffset)
                        batchNumber += 1
                    }
                    lastBatch[n] = batchNumber
                }
                switch record {
                case .entity(let e): batch.entities.append(e)
                case .article(let a): batch.articles.append(a)
                case .statement(let s): batch.statements.append(s)
                }
                lastOffset = offset
                if batch.count >= batchSize {
                    try send(offset)
                    batchNumber += 1
                }
            }
            if !batch.isEmpty { try send(data.count) }
            report.repeated = repeated
            report.readingSeconds = threadCPUSeconds() - start
            handoff.finish(report)
        } catch {
            handoff.finish(report, error: error)
        }
    }

    enum Record {
        case entity(EntityRecord)
        case article(ArticleRecord)
        case statement(StatementRecord)
    }

    private static func forEachRecord(
        in data: Data, kind: RecordKind, path: String, report: inout FileImport,
        _ body: (Record, Int) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        var lineNumber = 0
        try data.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            var start = 0
            while start < all.count {
                let rest = UnsafeRawBufferPointer(rebasing: all[start...])
                let end =
                    rest.baseAddress.flatMap { memchr($0, 0x0A, rest.count) }
                    .map { start + (UnsafeRawPointer($0) - rest.baseAddress!) } ?? all.count
                lineNumber += 1
                let line = UnsafeRawBufferPointer(rebasing: all[start..<end])
                start = end < all.count ? end + 1 : end
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                report.lines += 1
                do {
                    let record = try decode(line, kind: kind, decoder: decoder)
                    try body(record, start)
                } catch let problem as RecordProblem {
                    report.problems.append(ImportProblem(file: path, line: lineNumber, reason: problem.reason))
                }
            }
        }
    }

    struct RecordProblem: Error {
        var reason: String
    }

    static func decode(_ line: UnsafeRawBufferPointer, kind: RecordKind, decoder: JSONDecoder) throws -> Record {
        if kind == .statements, let s = StatementRecord(fastJSON: line) {
            try check(s)
            return .statement(s)
        }
        let line = Data(line)
        do {
            switch kind {
            case .entities:
                let e = try decoder.decode(EntityRecord.self, from: line)
                try check(e.name, "name")
                if let country = e.country { try check(country, "country") }
                for name in e.aliasesAr + e.aliasesEn { try check(name, "alias", allowEmpty: true) }
                return .entity(e)
            case .articles:
                let a = try decoder.decode(ArticleRecord.self, from: line)
                try check(a.key, "id")
                if let source = a.source { try check(source, "source") }
                for cited in a.cites ?? [] { try check(cited, "cites") }
                if let published = a.published, RecordDate(published) == nil {
                    throw RecordProblem(reason: "'published' is not a date: '\(published)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                }
                return .article(a)
            case .statements:
                let s = try decoder.decode(StatementRecord.self, from: line)
                try check(s)
                return .statement(s)
            }
        } catch let problem as RecordProblem {
            throw problem
        } catch let error as DecodingError {
            throw RecordProblem(reason: describe(error))
        } catch {
            throw RecordProblem(reason: "not valid JSON")
        }
    }

    static func check(_ s: StatementRecord) throws {
        try check(s.id, "id")
        try check(s.doc, "doc")
        try check(s.actor, "actor")
        for name in s.about { try check(name, "about") }
        // "": no date, as extraction stores a statement whose article and
        // text give none (and export writes it).
        guard s.date.isEmpty || RecordDate(s.date) != nil else {
            throw RecordProblem(reason: "'date' is not a date: '\(s.date)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        }
    }

    static func check(_ value: String, _ field: String, allowEmpty: Bool = false) throws {
        // A first byte that is visible ASCII settles it without Foundation.
        let visible = value.utf8.first.map { $0 > 0x20 && $0 < 0x7F } ?? false
        if !allowEmpty, !visible, value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(reason: "'\(field)' is empty")
        }
        if value.utf8.count > IndexKey.longestName {
            throw RecordProblem(reason: "'\(field)' is longer than \(IndexKey.longestName) bytes")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _):
            return "missing field '\(key.stringValue)'"
        case .valueNotFound(_, let context):
            return "'\(path(context))' is null"
        case .typeMismatch(let type, let context):
            let expected = type == String.self ? "a string" : type is [Any].Type ? "a list" : "\(type)"
            return "'\(path(context))' should be \(expected)"
        case .dataCorrupted(let context):
            if let key = context.codingPath.last, key.stringValue == "stance" {
                let values = Stance.allCases.map(\.rawValue).joined(separator: ", ")
                return "unknown stance (expected one of \(values))"
            }
            return context.codingPath.isEmpty ? "not valid JSON" : "'\(path(context))': \(context.debugDescription)"
        @unknown default:
            return "not valid JSON"
        }
    }
}

package enum ImportFailure: Error, CustomStringConvertible {
    case unreadable(String, String)

    package var description: String {
        switch self {
        case .unreadable(let path, let why): "cannot read '\(path)': \(why)"
        }
    }
}

/// A file `isnad export` could not write.
package struct ExportFailure: Error, CustomStringConvertible {
    package var path: String
    package var reason: String

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.path = path
        let what = String(cString: strerror(code))
        reason =
            code == ENOSPC || code == EDQUOT
            ? "the disk is full (\(what)); nothing was written over, and the store is unchanged"
            : what
    }

    package var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes the store back as the three JSON Lines files the importer reads.
package struct Exporter {
    package let store: IndexStore

    package init(store: IndexStore) { self.store = store }

    /// Writes `entities.jsonl`, `articles.jsonl` and `statements.jsonl`
    /// into `folder` from one snapshot, in id order. Returns the counts.
    ///
    /// Each file is written under a temporary name (`.NAME.partial`) and
    /// flushed; the three are renamed only when all are complete, so a
    /// failed export (a full disk, damage) leaves no half-written file and
    /// no earlier export overwritten, not even in part.
    ///
    /// - Throws: ``ExportFailure`` when a file cannot be written;
    ///   ``StoreError`` when the store cannot be read, or a record is
    ///   damaged and `skipping` is nil; with it, each damaged record is
    ///   handed to it and left out (`isnad export --skip-damaged`).
    @discardableResult
    package func run(
        to folder: String, skipping: ((StoreError) -> Void)? = nil
    ) throws -> (entities: Int, articles: Int, statements: Int) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportFailure(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        // Written files, renamed only once all three are complete.
        var written: [(partial: String, path: String)] = []
        var renamed = false
        defer {
            if !renamed { for file in written { unlink(file.partial) } }
        }
        let counts = try store.snapshot { txn in
            func write<T: Codable & JSONLineEncodable>(
                _ type: T.Type, _ name: String,
                txn: borrowing IndexStore.Txn
            ) throws -> Int {
                let path = (folder as NSString).appendingPathComponent(name)
                let partial = (folder as NSString).appendingPathComponent("." + name + ".partial")
                let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw ExportFailure(path: path, errno: errno) }
                written.append((partial, path))
                var closed = false
                defer { if !closed { close(fd) } }
                func put(_ buffer: Data) throws {
                    try buffer.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                        var offset = 0
                        while offset < bytes.count {
                            let n = Foundation.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                            if n < 0, errno == EINTR { continue }
                            guard n > 0 else { throw ExportFailure(path: path, errno: n < 0 ? errno : ENOSPC) }
                            offset += n
                        }
                    }
                }
                var buffer = Data()
                var n = 0
                try store.forEach(type, txn: txn, skipping: skipping) { _, record in
                    buffer.append(contentsOf: record.jsonLine.utf8)
                    buffer.append(0x0A)
                    n += 1
                    if buffer.count > 1 << 20 {
                        try put(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                try put(buffer)
                guard fsync(fd) == 0 else { throw ExportFailure(path: path, errno: errno) }
                closed = true
                guard close(fd) == 0 else { throw ExportFailure(path: path, errno: errno) }
                return n
            }
            return (
                try write(EntityRecord.self, "entities.jsonl", txn: txn),
                try write(ArticleRecord.self, "articles.jsonl", txn: txn),
                try write(StatementRecord.self, "statements.jsonl", txn: txn)
            )
        }
        for file in written {
            guard rename(file.partial, file.path) == 0 else { throw ExportFailure(path: file.path, errno: errno) }
        }
        renamed = true
        return counts
    }
}

/// One JSON object per line with its keys in a fixed order (the order
/// gencorpus.py writes), so exports are byte-for-byte repeatable; absent
/// optional fields are left out.
package protocol JSONLineEncodable {
    var jsonLine: String { get }
}

package struct JSONLine {
    /// How control characters are escaped. Exports write `\n`, `\r`, `\t`
    /// and `\u00xx` for the rest, as they always have; the store's article
    /// records are compared byte for byte with the ones Foundation's
    /// JSONEncoder wrote, which also shortens `\b` and `\f`.
    package enum Escapes { case export, encoder }

    private let escapes: Escapes
    /// The object so far, without its closing brace.
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    package init(escapes: Escapes = .export, capacity: Int = 0) {
        self.escapes = escapes
        bytes.reserveCapacity(capacity)
    }

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        addKey(key)
        JSONLine.append(value, to: &bytes, escapes: escapes)
    }

    mutating func add(_ key: String, _ values: [String]?) {
        guard let values else { return }
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (n, value) in values.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONLine.append(value, to: &bytes, escapes: escapes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A value already written as JSON.
    mutating func addRaw(_ key: String, _ json: String) {
        addKey(key)
        bytes.append(contentsOf: json.utf8)
    }

    private mutating func addKey(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        JSONLine.append(key, to: &bytes, escapes: escapes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// The object as UTF-8.
    package var data: Data {
        var data = Data(capacity: bytes.count + 1)
        data.append(contentsOf: bytes)
        data.append(UInt8(ascii: "}"))
        return data
    }

    var text: String { String(decoding: bytes, as: UTF8.self) + "}" }

    /// A JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else as it is.
    package static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out, escapes: .export)
        return String(decoding: out, as: UTF8.self)
    }

    /// `string` quoted onto `out`: the runs between characters that need
    /// escaping go over whole.
    static func append(_ string: String, to out: inout [UInt8], escapes: Escapes) {
        var string = string
        out.append(0x22)
        string.withUTF8 { bytes in
            var start = 0
            var i = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while i < bytes.count {
                // Eight bytes at a time past those that need no escape
                // (every article text goes through here).
                if i + 8 <= bytes.count, !FastJSON.mayEndString(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let at = i
                let byte = bytes[at]
                i += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
                start = at + 1
                out.append(0x5C)
                switch (byte, escapes) {
                case (0x22, _), (0x5C, _): out.append(byte)
                case (0x09, _): out.append(UInt8(ascii: "t"))
                case (0x0A, _): out.append(UInt8(ascii: "n"))
                case (0x0D, _): out.append(UInt8(ascii: "r"))
                case (0x08, .encoder): out.append(UInt8(ascii: "b"))
                case (0x0C, .encoder): out.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }
}

extension StatementRecord: JSONLineEncodable {
    package var jsonLine: String {
        var line = JSONLine()
        line.add("id", id)
        line.add("doc", doc)
        line.add("actor", actor)
        line.add("stance", stance.rawValue)
        line.add("date", date)
        line.add("quote", quote)
        line.add("about", about)
        line.add("sentence", sentence)
        line.add("cue", cue)
        line.add("date_basis", dateBasis)
        if let spans {
            let parts: [(String, [Int]?)] = [
                ("sentence", spans.sentence), ("cue", spans.cue), ("actor", spans.actor),
                ("quote", spans.quote),
            ]
            var fields: [String] = []
            for (key, value) in parts {
                guard let value else { continue }
                let numbers = value.map { String($0) }.joined(separator: ",")
                fields.append(JSONLine.quote(key) + ":[" + numbers + "]")
            }
            line.addRaw("spans", "{" + fields.joined(separator: ",") + "}")
        }
        if let stanceBasis {
            let numbers = stanceBasis.spans.map { String($0) }.joined(separator: ",")
            line.addRaw(
                "stance_basis",
                "{" + JSONLine.quote("rule") + ":" + JSONLine.quote(stanceBasis.rule) + "," + JSONLine.quote("signal") + ":"
                    + JSONLine.quote(stanceBasis.signal) + "," + JSONLine.quote("spans") + ":[" + numbers + "]}")
        }
        return line.text
    }
}

extension ArticleRecord: JSONLineEncodable {
    package var jsonLine: String {
        var line = JSONLine()
        line.add("id", key)
        line.add("source", source)
        line.add("url", url)
        line.add("published", published)
        line.add("lang", lang)
        line.add("title", title)
        line.add("text", text)
        line.add("cites", cites)
        return line.text
    }
}

extension EntityRecord: JSONLineEncodable {
    package var jsonLine: String {
        var line = JSONLine()
        line.add("name", name)
        line.add("kind", kind)
        line.add("aliases_ar", aliasesAr)
        line.add("aliases_en", aliasesEn)
        line.add("country", country)
        line.add("role", role)
        line.add("gender", gender)
        return line.text
    }
}

/// The consumer of a ``Handoff`` stopped taking.
struct HandoffStopped: Error {}

/// Hands items from one producer thread to one consumer, at most one
/// waiting at a time (so memory holds at most three batches: one being
/// read, one waiting, one being written), then the producer's outcome.
final class Handoff<Item, Outcome>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Item?
    private var stopped = false
    private var finished = false
    private var result: Result<Outcome, any Error>?
    /// Items the consumer is done with, freed by the producer.
    private var spent: [Item] = []

    /// Blocks while an item waits; false when the consumer has stopped.
    /// Frees the items given back, on this thread.
    func put(_ item: Item) -> Bool {
        var given: [Item] = []
        defer { given.removeAll() }  // after unlocking: the defers run in reverse
        condition.lock()
        defer { condition.unlock() }
        swap(&given, &spent)
        while waiting != nil && !stopped { condition.wait() }
        guard !stopped else { return false }
        waiting = item
        condition.broadcast()
        return true
    }

    /// The consumer is done with `item`: the producer frees it at its next
    /// `put`. Freeing a batch (a hundred thousand records, their strings
    /// and arrays) took a thirtieth of the writing thread, which is the
    /// busier of the two.
    func giveBack(_ item: Item) {
        condition.lock()
        defer { condition.unlock() }
        spent.append(item)
    }

    /// The next item, or nil once the producer has finished and nothing waits.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while waiting == nil && !finished { condition.wait() }
        let item = waiting
        waiting = nil
        condition.broadcast()
        return item
    }

    /// The producer is done: with its outcome, or the error that ended it.
    func finish(_ outcome: Outcome, error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        result = error.map { .failure($0) } ?? .success(outcome)
        finished = true
        condition.broadcast()
    }

    /// The consumer gives up: the producer's next `put` returns false.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        waiting = nil
        condition.broadcast()
    }

    /// Waits for the producer to finish; its outcome, or its error.
    func outcome() throws -> Outcome {
        condition.lock()
        while !finished { condition.wait() }
        let result = self.result
        condition.unlock()
        guard let result else { throw HandoffStopped() }
        return try result.get()
    }
}
