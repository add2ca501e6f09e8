import IsnadStore
import IsnadVocabulary

/// Fixed-width rows per statement and per article, in blocks of
/// ``ColumnLayout/blockSize`` ids, so aggregations read a block with one
/// lookup and then walk memory instead of fetching records one by one.
package enum Column: UInt8, Sendable {
    /// A statement's whole row (``StatementRow``): stores before format 6
    /// only, which also keep the narrow copies below.
    case statements = 0x73  // s
    case articles = 0x61  // a
    /// One field of the statement rows on its own, for grouping: a million
    /// statements' actors are 4 MB and their stances 1 MB, which stay in
    /// the processor's caches, where the 16 MB of whole rows did not
    /// (`count by actor` spent nearly all its time waiting on memory).
    /// From format 6 these five are the statement rows.
    case statementActors = 0x41  // A (u32, none = max)
    case statementStances = 0x53  // S (u8, none = 0xFF: no statement)
    case statementDays = 0x44  // D (i32 first day, none = min)
    case statementArticles = 0x52  // R (u32, none = max)
    case statementPrecisions = 0x50  // P (u8, ``PartialDate/Precision/ordinal``)

    package static let rowSize = 16

    /// Bytes per row of this column.
    package var width: Int {
        switch self {
        case .statements, .articles: Column.rowSize
        case .statementActors, .statementDays, .statementArticles: 4
        case .statementStances, .statementPrecisions: 1
        }
    }

    /// Grows `bytes` to `rows` rows with rows nothing was written to:
    /// "none" in each field, so they read as no statement.
    func pad(_ bytes: inout [UInt8], rows: Int) {
        let count = rows * width
        guard bytes.count < count else { return }
        // Called for every row written, nearly always to add one row: no
        // array for the filler (making one per call was a twentieth of the
        // writer's time).
        switch self {
        case .statements, .articles, .statementPrecisions:
            bytes.append(contentsOf: repeatElement(0, count: count - bytes.count))
        case .statementActors, .statementArticles, .statementStances:
            bytes.append(contentsOf: repeatElement(0xFF, count: count - bytes.count))
        case .statementDays:
            while bytes.count < count {
                withUnsafeBytes(of: Int32.min.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
    }

    /// What the column holds, for plans.
    package var label: String {
        switch self {
        case .statements: "statement"
        case .articles: "article"
        case .statementActors: "actor"
        case .statementStances: "stance"
        case .statementDays: "day"
        case .statementArticles: "article"
        case .statementPrecisions: "precision"
        }
    }

    package static func key(_ column: Column, block: Int) -> [UInt8] {
        [column.rawValue] + IndexKey.id(UInt32(block))
    }
}

/// How a store's columns are cut into blocks and where its statement rows
/// are: ``IndexStore/layout``.
///
/// Stores before format 6 hold 1,024 rows a block and a 16-byte row per
/// statement beside its narrow copies. A block of a 4-byte column was then
/// 4,096 bytes, which LMDB's 16-byte header took into a second page: half
/// of those columns' pages were empty, and the 16-byte rows repeated what
/// the narrow columns held. From format 6 a block holds 16,384 rows (a
/// 4-byte column's block is 17 pages, the last one nearly empty) and a
/// statement's row is its five narrow columns. A store of an older format
/// is rewritten so when it is first opened for writing (``IndexStore``).
package struct ColumnLayout: Sendable, Equatable {
    /// Rows a block: a multiple of 64, the bits of a bitmap word.
    package let blockSize: Int
    /// Whether statement rows are 16-byte rows (``Column/statements``)
    /// rather than the narrow columns alone.
    package let wholeRows: Bool

    package static let legacy = ColumnLayout(blockSize: 1024, wholeRows: true)
    package static let current = ColumnLayout(blockSize: 16384, wholeRows: false)

    /// The columns a statement's row is written to.
    var statementColumns: [Column] { wholeRows ? Self.wholeRowColumns : Self.narrowColumns }

    // Made once: every statement written walks them.
    private static let wholeRowColumns: [Column] = [.statements, .statementActors, .statementStances, .statementDays]
    private static let narrowColumns: [Column] = [
        .statementActors, .statementStances, .statementDays, .statementArticles, .statementPrecisions,
    ]
}

/// A statement's row: 16 bytes.
///
///     0 actor entity (u32, none = max)   4 article (u32)
///     8 first day of the date (i32, none = min)
///     12 stance ordinal (u8)   13 date precision (u8)   14 live (u8)
package struct StatementRow: Hashable, Sendable {
    package static let none = UInt32.max

    package var actor: UInt32 = none
    package var article: UInt32 = none
    package var day: Int32 = .min
    package var stance: UInt8 = 0xFF
    package var precision: UInt8 = 0
    package var live = false

    package init() {}

    package init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        actor = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        article = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        day = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self))
        stance = bytes[offset + 12]
        precision = bytes[offset + 13]
        live = bytes[offset + 14] != 0
    }

    /// Writes the row, or (for a narrow column) its one field.
    func write(_ column: Column, to bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        switch column {
        case .statementActors: bytes.storeBytes(of: actor.littleEndian, toByteOffset: offset, as: UInt32.self)
        case .statementStances: bytes[offset] = stance
        case .statementDays: bytes.storeBytes(of: day.littleEndian, toByteOffset: offset, as: Int32.self)
        case .statementArticles: bytes.storeBytes(of: article.littleEndian, toByteOffset: offset, as: UInt32.self)
        case .statementPrecisions: bytes[offset] = precision
        case .statements, .articles: write(to: bytes, at: offset)
        }
    }

    func write(to bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes.storeBytes(of: actor.littleEndian, toByteOffset: offset, as: UInt32.self)
        bytes.storeBytes(of: article.littleEndian, toByteOffset: offset + 4, as: UInt32.self)
        bytes.storeBytes(of: day.littleEndian, toByteOffset: offset + 8, as: Int32.self)
        bytes[offset + 12] = stance
        bytes[offset + 13] = precision
        bytes[offset + 14] = live ? 1 : 0
        bytes[offset + 15] = 0
    }

    package var date: RecordDate? {
        guard day != .min else { return nil }
        return RecordDate(first: DayNumber(rawValue: day), precision: PartialDate.Precision(ordinal: precision))
    }
}

/// An article's row: 16 bytes.
///
///     0 source entity (u32, none = max)   4 first day published (i32, none = min)
///     8 language (u8: 0 none, 1 ar, 2 en, 3 other)   9 precision (u8)   10 live (u8)
package struct ArticleRow: Hashable, Sendable {
    package var source: UInt32 = StatementRow.none
    package var day: Int32 = .min
    package var lang: UInt8 = 0
    package var precision: UInt8 = 0
    package var live = false

    package init() {}

    package init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        source = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        day = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
        lang = bytes[offset + 8]
        precision = bytes[offset + 9]
        live = bytes[offset + 10] != 0
    }

    func write(to bytes: UnsafeMutableRawBufferPointer, at offset: Int) {
        bytes.storeBytes(of: source.littleEndian, toByteOffset: offset, as: UInt32.self)
        bytes.storeBytes(of: day.littleEndian, toByteOffset: offset + 4, as: Int32.self)
        bytes[offset + 8] = lang
        bytes[offset + 9] = precision
        bytes[offset + 10] = live ? 1 : 0
        for i in 11..<16 { bytes[offset + i] = 0 }
    }

    package var date: RecordDate? {
        guard day != .min else { return nil }
        return RecordDate(first: DayNumber(rawValue: day), precision: PartialDate.Precision(ordinal: precision))
    }

    package static func langCode(_ lang: String?) -> UInt8 {
        switch lang {
        case nil: 0
        case "ar": 1
        case "en": 2
        default: 3
        }
    }
}

extension PartialDate.Precision {
    package var ordinal: UInt8 {
        switch self {
        case .day: 0
        case .month: 1
        case .year: 2
        }
    }

    init(ordinal: UInt8) {
        self = ordinal == 1 ? .month : ordinal == 2 ? .year : .day
    }
}

/// Fetches a column's blocks in ascending order through one cursor: the
/// block right after the last one fetched is a cursor step (about 12 ns
/// here), any other a seek from the root (several hundred: a lookup per
/// block had been a third of `count by stance` over a year).
struct BlockReader {
    let column: Column
    var key: [UInt8]
    var last = -1
    /// Blocks asked for so far.
    var fetched = 0

    init(_ column: Column) {
        self.column = column
        key = Column.key(column, block: 0)
    }

    mutating func block(_ b: Int, cursor: borrowing Cursor) throws -> UnsafeRawBufferPointer {
        fetched += 1
        if last >= 0, b == last + 1, let entry = try cursor.next(), holds(entry.key, b) {
            last = b
            return entry.value
        }
        withUnsafeBytes(of: UInt32(b).bigEndian) { for i in 0..<4 { key[1 + i] = $0[i] } }
        if let entry = try cursor.seek(exactly: key) {
            last = b
            return entry.value
        }
        last = -1
        return UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private func holds(_ key: UnsafeRawBufferPointer, _ b: Int) -> Bool {
        key.count == 5 && key[0] == column.rawValue
            && UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 1, as: UInt32.self)) == UInt32(b)
    }
}

/// Reads rows of one column inside a read transaction, keeping the block
/// it last read: rows asked for in id order cost one lookup per block.
package struct ColumnReader {
    let column: Column
    var block = -1
    var bytes = UnsafeRawBufferPointer(start: nil, count: 0)

    package init(_ column: Column) { self.column = column }

    /// Where `id`'s row starts in `bytes`, or nil when nothing was stored
    /// there.
    @inline(__always)
    mutating func load(_ id: UInt32, store: IndexStore, txn: borrowing some ReadableTransaction & ~Copyable) throws -> Int? {
        let size = store.layout.blockSize
        let b = Int(id) / size
        if b != block {
            block = b
            bytes =
                try txn.get(Column.key(column, block: b), in: store.columns)
                ?? UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let width = column.width
        let offset = (Int(id) % size) * width
        guard bytes.count >= offset + width else { return nil }
        return offset
    }

    package mutating func article(
        _ id: UInt32, store: IndexStore,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> ArticleRow {
        guard let offset = try load(id, store: store, txn: txn) else { return ArticleRow() }
        return ArticleRow(bytes, at: offset)
    }

    /// One 4-byte or 1-byte value (nil: not stored).
    @inline(__always)
    mutating func value(
        _ id: UInt32, store: IndexStore,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> UInt32? {
        guard let offset = try load(id, store: store, txn: txn) else { return nil }
        return Self.load(bytes, offset / column.width, width: column.width)
    }

    /// A narrow column's values for the ids of `set`, in id order, handed
    /// to `body` with their ids one block at a time; a stance is
    /// widened to 32 bits, `missing` stands where no row was stored. The
    /// loop behind AND's narrow-column checks.
    package static func gather(
        _ column: Column, of set: IDSet, missing: UInt32, store: IndexStore,
        txn: borrowing ReadTransaction,
        _ body: (_ ids: UnsafeBufferPointer<UInt32>, _ values: UnsafeBufferPointer<UInt32>) throws -> Void
    ) throws {
        let width = column.width
        // One block's member ids, then their values.
        let members = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: store.layout.blockSize)
        let values = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: store.layout.blockSize)
        defer {
            members.deallocate()
            values.deallocate()
        }
        let blockSize = store.layout.blockSize
        if case .sorted(let ids) = set.storage {
            // A sorted set hands out its own ids a block at a time; only the
            // values are gathered, in a loop of loads.
            try txn.withCursor(on: store.columns) { cursor in
                var reader = BlockReader(column)
                try ids.withUnsafeBufferPointer { ids in
                    var i = 0
                    while i < ids.count {
                        let b = Int(ids[i]) / blockSize
                        let bytes = try reader.block(b, cursor: cursor)
                        let start = UInt32(b * blockSize)
                        let rows = bytes.count / width
                        var n = 0
                        while i + n < ids.count, ids[i + n] &- start < UInt32(blockSize) {
                            let k = Int(ids[i + n] &- start)
                            values[n] = k < rows ? load(bytes, k, width: width) : missing
                            n += 1
                        }
                        try body(
                            UnsafeBufferPointer(rebasing: ids[i..<(i + n)]),
                            UnsafeBufferPointer(rebasing: values[0..<n]))
                        i += n
                    }
                }
            }
            return
        }
        var n = 0
        try txn.withCursor(on: store.columns) { cursor in
            try walk(column, of: set, blockSize: blockSize, cursor: cursor, check: {}) { bytes, start, k in
                members[n] = start | UInt32(k)
                values[n] = (k + 1) * width <= bytes.count ? load(bytes, k, width: width) : missing
                n += 1
            } done: {
                try body(UnsafeBufferPointer(rebasing: members[0..<n]), UnsafeBufferPointer(rebasing: values[0..<n]))
                n = 0
            }
        }
    }

    /// Counts the narrow column's values for the ids of `set` into
    /// `counts` (`missing`, where no value was stored, not counted); `check`
    /// is called every 64 blocks. The loop behind `count by` and
    /// `timeline`: per member a load straight from the bitmap's words and
    /// an increment, with nothing written in between.
    package static func count(
        _ column: Column, of set: IDSet, missing: UInt32, into counts: inout ValueCounts,
        store: IndexStore, txn: borrowing ReadTransaction,
        check: () throws -> Void
    ) throws {
        let width = column.width
        let blockSize = store.layout.blockSize
        guard width == 1 else {
            // Blocks are whole but the last, which ends at the last row
            // written: a bounds check per member there.
            let blockBytes = blockSize * width
            try txn.withCursor(on: store.columns) { cursor in
                try walk(column, of: set, blockSize: blockSize, cursor: cursor, check: check) { bytes, _, k in
                    guard bytes.count >= blockBytes || (k + 1) * width <= bytes.count else { return }
                    let v = load(bytes, k, width: width)
                    if v != missing { counts.add(v) }
                } done: {
                }
            }
            return
        }
        // A one-byte column (the stance) is counted in four lanes of 256
        // slots, member by member in turn, then added up: one slot counted
        // again and again (most statements assert) would chain every
        // increment on the one before through memory. A byte missing from
        // a short block counts as 0xFF.
        let lanes = UnsafeMutablePointer<Int>.allocate(capacity: 4 * 256)
        lanes.initialize(repeating: 0, count: 4 * 256)
        defer { lanes.deallocate() }
        var lane = 0
        try txn.withCursor(on: store.columns) { cursor in
            try walk(column, of: set, blockSize: blockSize, cursor: cursor, check: check) { bytes, _, k in
                lanes[lane << 8 | (k < bytes.count ? Int(bytes[k]) : 0xFF)] &+= 1
                lane = (lane + 1) & 3
            } done: {
            }
        }
        for v in 0..<256 where UInt32(v) != missing {
            counts.add(UInt32(v), times: lanes[v] + lanes[256 + v] + lanes[512 + v] + lanes[768 + v])
        }
    }

    @inline(__always)
    fileprivate static func load(_ bytes: UnsafeRawBufferPointer, _ k: Int, width: Int) -> UInt32 {
        width == 4
            ? UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: k &* 4, as: UInt32.self))
            : UInt32(bytes[k])
    }

    /// The walk behind `gather` and `count`: every block of ids that
    /// holds a member of `set`, in order, fetched through `cursor` (on the
    /// columns; `check` called before every 64th); `member` with the
    /// block's bytes, its first id and each member's place in it, straight
    /// from the bitmap's words; `done` after each block. Called directly
    /// inside each caller's cursor closure, so that it and `member` inline
    /// into the caller's loop (called from a shared closure, `member` was a
    /// call per statement: aggregations took 1.7× as long).
    @inline(__always)
    private static func walk(
        _ column: Column, of set: IDSet, blockSize: Int, cursor: borrowing Cursor,
        check: () throws -> Void,
        member: (_ bytes: UnsafeRawBufferPointer, _ start: UInt32, _ k: Int) -> Void,
        done: () throws -> Void
    ) throws {
        var reader = BlockReader(column)
        switch set.storage {
        case .bitmap(let words, _):
            let perBlock = blockSize / 64
            try words.withUnsafeBufferPointer { words in
                var first = 0
                while first < words.count {
                    let last = min(first + perBlock, words.count)
                    var any: UInt64 = 0
                    for w in first..<last { any |= words[w] }
                    if any != 0 {
                        if reader.fetched & 63 == 0 { try check() }
                        let bytes = try reader.block(first / perBlock, cursor: cursor)
                        let start = UInt32(first << 6)
                        for w in first..<last {
                            var bits = words[w]
                            let base = (w - first) << 6
                            while bits != 0 {
                                member(bytes, start, base | bits.trailingZeroBitCount)
                                bits &= bits &- 1
                            }
                        }
                        try done()
                    }
                    first = last
                }
            }
        case .sorted(let ids):
            try ids.withUnsafeBufferPointer { ids in
                var i = 0
                while i < ids.count {
                    let b = Int(ids[i]) / blockSize
                    if reader.fetched & 63 == 0 { try check() }
                    let bytes = try reader.block(b, cursor: cursor)
                    let start = UInt32(b * blockSize)
                    while i < ids.count, ids[i] &- start < UInt32(blockSize) {
                        member(bytes, start, Int(ids[i] &- start))
                        i += 1
                    }
                    try done()
                }
            }
        }
    }

    /// Calls `body` with every block's bytes and its first id, in order:
    /// the sequential scan behind aggregations over many rows.
    package static func scan(
        _ column: Column, store: IndexStore, txn: borrowing some ReadableTransaction & ~Copyable,
        _ body: (UInt32, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try txn.scan(store.columns, in: .prefix([column.rawValue])) { entry in
            guard entry.key.count == 5 else { return .next }
            let block = UInt32(bigEndian: UnsafeRawBufferPointer(rebasing: entry.key[1...]).loadUnaligned(as: UInt32.self))
            try body(block * UInt32(store.layout.blockSize), entry.value)
            return .next
        }
    }
}

/// Reads statements' rows inside a read transaction, in either layout:
/// from the 16-byte rows, or from the five narrow columns, each keeping
/// its last block (rows asked for in id order cost one lookup per block
/// and column).
package struct StatementRows {
    var whole = ColumnReader(.statements)
    var actors = ColumnReader(.statementActors)
    var stances = ColumnReader(.statementStances)
    var days = ColumnReader(.statementDays)
    var articles = ColumnReader(.statementArticles)
    var precisions = ColumnReader(.statementPrecisions)

    package init() {}

    /// The row of `id`; an empty (not live) row where none was stored.
    package mutating func row(
        _ id: UInt32, store: IndexStore,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> StatementRow {
        if store.layout.wholeRows {
            guard let offset = try whole.load(id, store: store, txn: txn) else { return StatementRow() }
            return StatementRow(whole.bytes, at: offset)
        }
        var row = StatementRow()
        guard let stance = try stances.value(id, store: store, txn: txn), stance != 0xFF else { return row }
        row.stance = UInt8(stance)
        row.live = true
        row.actor = try actors.value(id, store: store, txn: txn) ?? StatementRow.none
        row.article = try articles.value(id, store: store, txn: txn) ?? StatementRow.none
        row.day = try days.value(id, store: store, txn: txn).map { Int32(bitPattern: $0) } ?? .min
        row.precision = try UInt8(truncatingIfNeeded: precisions.value(id, store: store, txn: txn) ?? 0)
        return row
    }

    /// The first day (`Int32.min` when none) and the precision ordinal of
    /// `id`'s date: two narrow columns read, not the whole row. What
    /// `sort date` (and the default newest-first order) needs.
    package mutating func date(
        _ id: UInt32, store: IndexStore,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> (day: Int32, precision: UInt8) {
        if store.layout.wholeRows {
            let row = try row(id, store: store, txn: txn)
            return (row.day, row.precision)
        }
        let day = try days.value(id, store: store, txn: txn).map { Int32(bitPattern: $0) } ?? .min
        guard day != .min else { return (.min, 0) }
        return (day, try UInt8(truncatingIfNeeded: precisions.value(id, store: store, txn: txn) ?? 0))
    }

    /// The statements, in id order, whose actor (`.statementActors`) or
    /// article (`.statementArticles`) is in `owners`: one pass over the
    /// column. Rows of removed statements hold neither.
    package static func owned(
        by owners: IDSet, through column: Column, store: IndexStore,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> [UInt32] {
        var out: [UInt32] = []
        if store.layout.wholeRows {
            try ColumnReader.scan(.statements, store: store, txn: txn) { first, bytes in
                for k in 0..<(bytes.count / Column.rowSize) {
                    let row = StatementRow(bytes, at: k * Column.rowSize)
                    if row.live, owners.contains(column == .statementActors ? row.actor : row.article) {
                        out.append(first + UInt32(k))
                    }
                }
            }
            return out
        }
        try ColumnReader.scan(column, store: store, txn: txn) { first, bytes in
            for k in 0..<(bytes.count / 4) {
                let value = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: k * 4, as: UInt32.self))
                if value != StatementRow.none, owners.contains(value) { out.append(first + UInt32(k)) }
            }
        }
        return out
    }
}
