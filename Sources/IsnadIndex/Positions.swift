/// Where each term occurs in each statement's text, for phrases: one value
/// per term, its entries in id order.
///
///     u32 entry count, u32 block count (bit 31: "continued", as for
///         Postings; bit 30: "packed", below)
///     per block of 64 entries: u32 first id, u32 byte offset
///     per entry: varint id delta (from the block's previous id; the
///                first of a block is its first id, delta 0), then
///       packed:  varint first position << 1 | (count > 1), and when
///                count > 1, varint count - 2 and the other positions'
///                deltas from the first;
///       else:    varint position count, varint position deltas.
///
/// Most entries hold one position, which the packed form stores in one
/// byte where the count and the position took two: 13.6 million entries
/// of a million statements. Chunks written before format 6 are not
/// packed and read as they are; a chunk is written packed whenever it is
/// written.
///
/// The block directory lets a phrase check jump to the ids it needs
/// without decoding the entries in between. A long word's positions are
/// stored in chunks like its postings (ListChunks.swift); this is one
/// chunk, ``PositionList`` the whole.
package struct Positions {
    let bytes: UnsafeRawBufferPointer
    package let count: Int
    let blockCount: Int
    /// Whether this is the first chunk of a list continued in others.
    package let continued: Bool
    /// Whether entries carry their first position with the count.
    let packed: Bool
    static let blockSize = 64
    static let packedBit: UInt32 = 1 << 30

    package init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 8 else { return nil }
        count = Int(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
        let word = bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        blockCount = Int(word & ~(ListChunks.continuedBit | Self.packedBit))
        continued = word & ListChunks.continuedBit != 0
        packed = word & Self.packedBit != 0
        guard blockCount == (count + Self.blockSize - 1) / Self.blockSize,
            8 + blockCount * 8 <= bytes.count
        else { return nil }
        self.bytes = bytes
        for b in 0..<blockCount where block(b).offset > bytes.count { return nil }
    }

    func block(_ b: Int) -> (first: UInt32, offset: Int) {
        (
            bytes.loadUnaligned(fromByteOffset: 8 + b * 8, as: UInt32.self).littleEndian,
            Int(bytes.loadUnaligned(fromByteOffset: 12 + b * 8, as: UInt32.self).littleEndian)
        )
    }

    /// Every entry, decoded (for merging and tests).
    package var entries: [(id: UInt32, positions: [UInt32])] { PositionList(self).entries }

    package static func encode(_ entries: [(id: UInt32, positions: [UInt32])]) -> [UInt8] {
        encode(appending: runs(entries), to: nil)
    }

    /// Entries as the flat runs `encode(appending:to:)` takes.
    private static func runs(_ entries: [(id: UInt32, positions: [UInt32])]) -> [UInt32] {
        var runs: [UInt32] = []
        for entry in entries {
            runs.append(entry.id)
            runs.append(UInt32(entry.positions.count))
            runs.append(contentsOf: entry.positions)
        }
        return runs
    }

    static var empty: Positions { Positions(unchecked: UnsafeRawBufferPointer(start: nil, count: 0)) }

    private init(unchecked bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        count = 0
        blockCount = 0
        continued = false
        packed = true
    }

    /// The largest id stored (the last entry's), decoding only the last block.
    package var lastID: UInt32? {
        guard count > 0 else { return nil }
        var reader = PositionsReader(self)
        reader.index = (blockCount - 1) * Self.blockSize
        var last: UInt32?
        while let entry = reader.header() { last = entry.id }
        return reader.failed ? nil : last
    }

    /// The entries of `old` followed by `runs` — flat `id, count,
    /// positions…` with ids ascending and above every id of `old` — packed,
    /// with the old entries' bytes copied rather than decoded when they are
    /// packed already: a batch adds to a frequent term's positions without
    /// reading them all. Entries without positions are left out (a phrase
    /// cannot match there either).
    package static func encode(appending runs: [UInt32], to old: Positions?) -> [UInt8] {
        if let old, old.count > 0, !old.packed {
            // Written before format 6: this chunk is rewritten packed.
            return encode(appending: Self.runs(old.entries) + runs, to: nil)
        }
        let old = old.flatMap { $0.count > 0 ? $0 : nil }
        let oldCount = old?.count ?? 0
        let oldBlocks = old?.blockCount ?? 0
        let oldDataStart = 8 + oldBlocks * 8
        var previous = old?.lastID ?? 0
        var data: [UInt8] = []
        data.reserveCapacity(runs.count * 2)
        let oldDataCount = old.map { $0.bytes.count - oldDataStart } ?? 0
        var directory: [(first: UInt32, offset: Int)] = []
        var k = oldCount
        var i = 0
        while i + 1 < runs.count {
            let id = runs[i]
            let n = min(Int(runs[i + 1]), runs.count - i - 2)
            defer { i += 2 + n }
            guard n > 0 else { continue }
            if k % blockSize == 0 {
                directory.append((id, oldDataCount + data.count))
                previous = id
            }
            appendVarint(id &- previous, to: &data)
            previous = id
            let first = runs[i + 2]
            appendVarint(first << 1 | (n > 1 ? 1 : 0), to: &data)
            if n > 1 {
                appendVarint(UInt32(n - 2), to: &data)
                var last = first
                for p in runs[(i + 3)..<(i + 2 + n)] {
                    appendVarint(p &- last, to: &data)
                    last = p
                }
            }
            k += 1
        }
        let blocks = oldBlocks + directory.count
        let dataStart = 8 + blocks * 8
        var out: [UInt8] = []
        out.reserveCapacity(dataStart + oldDataCount + data.count)
        appendUInt32(UInt32(k), to: &out)
        appendUInt32(UInt32(blocks) | packedBit, to: &out)
        if let old {
            for b in 0..<oldBlocks {
                let (first, offset) = old.block(b)
                appendUInt32(first, to: &out)
                appendUInt32(UInt32(offset - oldDataStart + dataStart), to: &out)
            }
        }
        for (first, offset) in directory {
            appendUInt32(first, to: &out)
            appendUInt32(UInt32(dataStart + offset), to: &out)
        }
        if let old { out.append(contentsOf: old.bytes[oldDataStart...]) }
        out.append(contentsOf: data)
        return out
    }

    private static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    /// The bytes of an entry as ``encode(appending:to:)`` packs it (none
    /// without positions).
    static func entrySize(delta: UInt32, _ positions: some Collection<UInt32>) -> Int {
        guard let first = positions.first else { return 0 }
        guard positions.count > 1 else { return varintSize(delta) + varintSize(first << 1) }
        var size = varintSize(delta) + varintSize(first << 1 | 1) + varintSize(UInt32(positions.count - 2))
        var last = first
        for p in positions.dropFirst() {
            size += varintSize(p &- last)
            last = p
        }
        return size
    }

    @inline(__always)
    static func varintSize(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    static func appendVarint(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

/// Walks one word's entries forward: every entry in turn (`next`, for
/// merging), or straight to the ids a phrase check asks for (`seek`, then
/// `decode`), jumping over whole blocks that end before them.
package struct PositionsReader {
    /// The chunk being read.
    var positions: Positions
    /// The byte count, kept: the loops below test it at every byte.
    var end: Int
    let list: PositionList
    var chunk = 0
    /// The first id of the next chunk (beyond `UInt32.max`: none).
    var limit: UInt64
    var offset = 0
    /// Entries whose header was read so far.
    var index = 0
    /// The id of the last header read.
    var previous: UInt32 = 0
    /// Positions of the last header read and not yet consumed.
    var unread = 0
    /// The first of them, when the header held it (packed chunks).
    var first: UInt32 = 0
    var holdsFirst = false
    var failed = false

    package init(_ positions: Positions) { self.init(PositionList(positions)) }

    package init(_ list: PositionList) {
        self.list = list
        positions = list.chunks.first ?? Positions.empty
        end = positions.bytes.count
        limit = list.limit(after: 0)
    }

    /// Moves to the chunk that would hold `id`, at its start.
    mutating func enter(chunkOf id: UInt32) {
        while UInt64(id) >= limit {
            chunk += 1
            limit = list.limit(after: chunk)
        }
        positions = list.chunks[chunk]
        end = positions.bytes.count
        offset = 0
        index = 0
        previous = 0
        unread = 0
        holdsFirst = false
    }

    @inline(__always)
    mutating func varint() -> UInt32? {
        let bytes = positions.bytes
        guard offset < end else {
            failed = true
            return nil
        }
        let b = bytes[offset]
        offset += 1
        if b < 0x80 { return UInt32(b) }
        var value = UInt32(b & 0x7F)
        var shift: UInt32 = 7
        while offset < end, shift < 35 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        failed = true
        return nil
    }

    /// Reads the next entry's id and position count, stepping over the
    /// positions of the one before when they were not read.
    @inline(__always)
    mutating func header() -> (id: UInt32, count: Int)? {
        // A damaged header ends the walk (index set to the end).
        guard index < positions.count else { return nil }
        if index % Positions.blockSize == 0 {
            let b = positions.block(index / Positions.blockSize)
            offset = b.offset
            previous = b.first
        } else {
            skip(holdsFirst ? unread - 1 : unread)
        }
        guard let delta = varint(), let word = varint() else { return damagedHeader() }
        var n: UInt32
        if positions.packed {
            first = word >> 1
            holdsFirst = true
            if word & 1 == 0 {
                n = 1
            } else {
                guard let more = varint() else { return damagedHeader() }
                n = more &+ 2
            }
        } else {
            holdsFirst = false
            n = word
        }
        guard n <= 1 << 16 else { return damagedHeader() }
        previous &+= delta
        index += 1
        unread = Int(n)
        return (previous, Int(n))
    }

    private mutating func damagedHeader() -> (id: UInt32, count: Int)? {
        index = positions.count
        failed = true
        return nil
    }

    /// Steps over `n` varints without decoding them.
    @inline(__always)
    mutating func skip(_ n: Int) {
        var left = n
        let bytes = positions.bytes
        while left > 0, offset < end {
            if bytes[offset] < 0x80 { left -= 1 }
            offset += 1
        }
    }

    package mutating func next() -> (id: UInt32, positions: [UInt32])? {
        var header = header()
        while header == nil, !failed, index >= positions.count, limit <= UInt64(UInt32.max) {
            enter(chunkOf: UInt32(limit))
            header = self.header()
        }
        guard let entry = header else { return nil }
        var out = [UInt32](repeating: 0, count: entry.count)
        let ok = out.withUnsafeMutableBufferPointer { decode(entry.count, into: $0) }
        return ok ? (entry.id, out) : nil
    }

    /// Moves to the entry of `id` and returns its position count, or nil
    /// when the word has no entry for `id` (ids asked must ascend).
    @_transparent
    package mutating func seek(_ id: UInt32) -> Int? {
        if UInt64(id) >= limit { enter(chunkOf: id) }
        if index > 0 {
            if previous == id, unread > 0 { return unread }
            if previous > id { return nil }
        }
        // Jump over whole blocks that end before `id`.
        var b = index / Positions.blockSize
        if b + 1 < positions.blockCount, positions.block(b + 1).first <= id {
            while b + 1 < positions.blockCount, positions.block(b + 1).first <= id { b += 1 }
            index = b * Positions.blockSize
        }
        while let entry = header() {
            if entry.id == id { return entry.count }
            if entry.id > id { return nil }
        }
        return nil
    }

    /// The one position of the entry last reached (whose count was 1).
    @inline(__always)
    mutating func single() -> UInt32? {
        unread = 0
        if holdsFirst {
            holdsFirst = false
            return first
        }
        return varint()
    }

    /// Decodes the `n` positions of the entry last reached.
    @inline(__always)
    package mutating func decode(_ n: Int, into out: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        var p: UInt32 = 0
        var k = 0
        unread = 0
        if holdsFirst, n > 0 {
            holdsFirst = false
            p = first
            out[0] = p
            k = 1
        }
        while k < n {
            guard let d = varint() else { return false }
            p &+= d
            out[k] = p
            k += 1
        }
        return true
    }
}

/// A word's positions: its chunks in id order. Each chunk begins at its
/// first entry's id, so a reader moves on when asked for an id at or past
/// the next one's.
package struct PositionList {
    package let chunks: [Positions]
    let starts: [UInt32]

    /// Nil when the chunks' ids do not ascend (a damaged store).
    package init?(joining chunks: [Positions]) {
        var starts: [UInt32] = []
        for chunk in chunks where chunk.count > 0 {
            let first = chunk.block(0).first
            if let last = starts.last, first <= last { return nil }
            starts.append(first)
        }
        self.chunks = chunks.filter { $0.count > 0 }
        self.starts = starts
    }

    /// A list of one chunk.
    package init(_ positions: Positions) {
        chunks = [positions]
        starts = [positions.count > 0 ? positions.block(0).first : 0]
    }

    /// The number of entries.
    package var count: Int { chunks.reduce(0) { $0 + $1.count } }

    /// Where chunk `k` ends: the next chunk's first id, or past every id.
    func limit(after k: Int) -> UInt64 {
        k + 1 < starts.count ? UInt64(starts[k + 1]) : UInt64(UInt32.max) + 1
    }

    /// Every entry, decoded (for merging and tests).
    package var entries: [(id: UInt32, positions: [UInt32])] {
        var out: [(UInt32, [UInt32])] = []
        var reader = PositionsReader(self)
        while let entry = reader.next() { out.append(entry) }
        return out
    }
}
