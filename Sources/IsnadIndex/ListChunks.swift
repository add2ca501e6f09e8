import IsnadStore

/// Long id lists (``Postings``) and position lists (``Positions``) are
/// stored in chunks (id lists in chunks of whole 65,536-id containers), so
/// that a batch adding to a list rewrites only its last chunk. Stored as one value, every list
/// a batch touched was written out whole again: an import of ten batches
/// wrote the index five times over, and the file kept the pages of the
/// last versions (200 of 678 MiB at a million statements) as free space.
///
///     key                          value
///     list key                     first chunk, "continued" bit set when more follow
///     list key, 0xFF, u16 high     a later chunk of an id list, its first container `high`
///     list key, 0xFF, u32 id       a later chunk of a position list, its first entry's id
///
/// 0xFF never occurs in UTF-8 and binary list keys (ids, days) have fixed
/// lengths, so no other list's key starts with a list key and 0xFF: a
/// list's later chunks are the keys right after that prefix, and a cursor
/// range over keys (a date range, forms by prefix) meets every chunk of
/// every list in it. A list of a store written before chunks (format 3)
/// is one first chunk without the bit: it is read as it is, and split
/// from its end on when a batch adds to it.
package enum ListChunks {
    /// In the header's second word (container count, block count).
    static let continuedBit: UInt32 = 1 << 31
    static let marker: UInt8 = 0xFF
    /// An id list's chunk holds at most this many bytes, unless one
    /// container alone is larger: LMDB stores a large value in whole
    /// pages after a 16-byte header, so a chunk that filled nine pages
    /// less those 16 bytes wastes nothing, where one that reached 32 KiB
    /// and went on to the end of a container spilled a few bytes into a
    /// ninth page. Four 8 KiB bitmaps and some small containers fit.
    /// Few enough pages that rewriting the last chunk costs little.
    static func target(pageSize: Int) -> Int { 9 * pageSize - 16 }
    /// The same for a position list's chunks (four pages): a frequent
    /// word's positions fill a container's worth of ids many times over,
    /// and each batch rewrites only the last chunk.
    static func positionsTarget(pageSize: Int) -> Int { 4 * pageSize - 16 }
    /// Bytes after the marker in a later chunk's key: an id list's u16
    /// container, a position list's u32 id.
    static let postingsSuffix = 2
    static let positionsSuffix = 4

    /// The key of a later chunk: an id list's by the high 16 bits of its
    /// first container, a position list's by its first id.
    static func key(_ list: [UInt8], high: UInt16) -> [UInt8] {
        list + [marker, UInt8(high >> 8), UInt8(high & 0xFF)]
    }

    static func key(_ list: [UInt8], firstID id: UInt32) -> [UInt8] {
        list + [marker, UInt8(id >> 24), UInt8(id >> 16 & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id & 0xFF)]
    }

    /// Whether `key` names a later chunk of `list` (suffix: 2 bytes for id
    /// lists, 4 for position lists).
    static func isLaterChunk(_ key: UnsafeRawBufferPointer, of list: [UInt8], suffix: Int) -> Bool {
        guard key.count == list.count + 1 + suffix, key[list.count] == marker else { return false }
        for i in 0..<list.count where key[i] != list[i] { return false }
        return true
    }

    static func isContinued(_ value: UnsafeRawBufferPointer) -> Bool {
        value.count >= 8 && value[7] & 0x80 != 0
    }

    /// Sets or clears the "continued" bit of an encoded first chunk.
    static func mark(_ bytes: inout [UInt8], continued: Bool) {
        guard bytes.count >= 8 else { return }
        if continued { bytes[7] |= 0x80 } else { bytes[7] &= 0x7F }
    }
}

/// Where ascending items (ids or positions entries) are cut into chunks:
/// fed unit by unit (an id list's containers, a position list's entries),
/// it opens a new chunk at a unit that would take the open one past the
/// target size (``ListChunks/target(pageSize:)`` or
/// ``ListChunks/positionsTarget(pageSize:)``, smaller in tests); a unit
/// larger than the target gets a chunk of its own.
struct ChunkCuts {
    /// Chunk k holds items `ends[k - 1]..<ends[k]`; chunk 0 continues the
    /// chunk the cutting began in (it may stay empty), every later one
    /// starts at unit `starts[k]`.
    private(set) var ends: [Int] = [0]
    private(set) var starts: [UInt32] = [0]
    private var size: Int
    private var lastUnit: UInt32?
    private let target: Int
    /// Position lists: units in the open chunk, for the directory entry
    /// every ``Positions/blockSize``th adds.
    private var units: Int
    private let unitsPerDirectoryEntry: Int?
    /// A chunk's header bytes.
    static let emptySize = 8

    /// `size`, `lastUnit` and `units`: the open chunk's bytes (0: no chunk
    /// yet), last unit and number of units.
    init(target: Int, size: Int = 0, lastUnit: UInt32? = nil, units: Int = 0, unitsPerDirectoryEntry: Int? = nil) {
        self.target = target
        self.size = max(size, Self.emptySize)
        self.lastUnit = lastUnit
        self.units = units
        self.unitsPerDirectoryEntry = unitsPerDirectoryEntry
    }

    /// Items up to `end` (exclusive) form the next unit, of about `bytes`
    /// bytes.
    mutating func add(unit: UInt32, bytes: Int, end: Int) {
        let isNew = unit != lastUnit
        if isNew, size > Self.emptySize, size + bytes + directoryBytes(at: units) > target {
            ends.append(end)
            starts.append(unit)
            size = Self.emptySize
            units = 0
        } else {
            ends[ends.count - 1] = end
        }
        size += bytes + (isNew ? directoryBytes(at: units) : 0)
        if isNew { units += 1 }
        lastUnit = unit
    }

    private func directoryBytes(at unit: Int) -> Int {
        guard let n = unitsPerDirectoryEntry else { return 0 }
        return unit % n == 0 ? 8 : 0
    }

    var count: Int { ends.count }

    func range(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1])..<ends[k] }

    /// Cuts for ascending ids, at containers.
    static func of(_ ids: [UInt32], target: Int, size: Int = 0, lastHigh: UInt16? = nil) -> ChunkCuts {
        var cuts = ChunkCuts(target: target, size: size, lastUnit: lastHigh.map(UInt32.init))
        var i = 0
        while i < ids.count {
            let high = ids[i] >> 16
            var j = i + 1
            while j < ids.count, ids[j] >> 16 == high { j += 1 }
            cuts.add(unit: high, bytes: 8 + min(2 * (j - i), 8192), end: j)
            i = j
        }
        return cuts
    }

    /// Cuts for position entries given as their ids and encoded sizes, at
    /// any entry (each 64th adds a directory entry).
    static func of(entries ids: [UInt32], bytes: [Int], target: Int, size: Int = 0, entries: Int = 0) -> ChunkCuts {
        var cuts = ChunkCuts(target: target, size: size, units: entries, unitsPerDirectoryEntry: Positions.blockSize)
        for (i, id) in ids.enumerated() {
            cuts.add(unit: id, bytes: bytes[i], end: i + 1)
        }
        return cuts
    }
}

extension IndexStore {
    typealias StoredChunk = (key: [UInt8], value: UnsafeRawBufferPointer)

    /// The stored chunks of the list under `key`, first to last: keys and
    /// values, the values valid until the transaction writes.
    func chunks(
        _ key: [UInt8], in db: Database, suffix: Int = ListChunks.postingsSuffix,
        txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> [StoredChunk] {
        guard let first = try txn.get(key, in: db) else { return [] }
        var out = [(key: key, value: first)]
        guard ListChunks.isContinued(first) else { return out }
        try txn.withCursor(on: db) { try appendLaterChunks(of: key, suffix: suffix, cursor: $0, to: &out) }
        return out
    }

    /// The same through `cursor`, kept open across lists that come in key
    /// order: LMDB looks for a key near the cursor in the cursor's page
    /// before searching the tree from its root.
    func chunks(
        _ key: [UInt8], suffix: Int = ListChunks.postingsSuffix,
        cursor: borrowing Cursor
    ) throws -> [StoredChunk] {
        guard let first = try cursor.seek(exactly: key) else { return [] }
        var out = [(key: key, value: first.value)]
        guard ListChunks.isContinued(first.value) else { return out }
        try appendLaterChunks(of: key, suffix: suffix, cursor: cursor, to: &out)
        return out
    }

    /// The chunks after the first of a continued list.
    private func appendLaterChunks(
        of key: [UInt8], suffix: Int, cursor: borrowing Cursor,
        to out: inout [StoredChunk]
    ) throws {
        var entry = try cursor.seek(atLeast: key + [ListChunks.marker])
        while let current = entry, ListChunks.isLaterChunk(current.key, of: key, suffix: suffix) {
            out.append((Array(current.key), current.value))
            entry = try cursor.next()
        }
    }
}
