/// Where each term occurs in each statement's text, for phrases: one value
/// per term, its entries in id order.
///
///     u32 entry count, u32 block count
///     per block of 64 entries: u32 first id, u32 byte offset
///     per entry: varint id delta (from the block's previous id; the
///                first of a block is its first id, delta 0),
///                varint position count, varint position deltas
///
/// The block directory lets a phrase check jump to the ids it needs
/// without decoding the entries in between.
package struct Positions {
    let bytes: UnsafeRawBufferPointer
    package let count: Int
    let blockCount: Int
    static let blockSize = 64

    package init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 8 else { return nil }
        count = Int(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
        blockCount = Int(bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
        guard blockCount == (count + Self.blockSize - 1) / Self.blockSize,
              8 + blockCount * 8 <= bytes.count else { return nil }
        self.bytes = bytes
        for b in 0..<blockCount where block(b).offset > bytes.count { return nil }
    }

    func block(_ b: Int) -> (first: UInt32, offset: Int) {
        (bytes.loadUnaligned(fromByteOffset: 8 + b * 8, as: UInt32.self).littleEndian,
         Int(bytes.loadUnaligned(fromByteOffset: 12 + b * 8, as: UInt32.self).littleEndian))
    }

    /// Every entry, decoded (for merging and tests).
    package var entries: [(id: UInt32, positions: [UInt32])] {
        var out: [(UInt32, [UInt32])] = []
        var reader = PositionsReader(self)
        while let entry = reader.next() { out.append(entry) }
        return out
    }

    package static func encode(_ entries: [(id: UInt32, positions: [UInt32])]) -> [UInt8] {
        let blocks = (entries.count + blockSize - 1) / blockSize
        var data: [UInt8] = []
        var directory: [(UInt32, UInt32)] = []
        let dataStart = 8 + blocks * 8
        var previous: UInt32 = 0
        for (k, entry) in entries.enumerated() {
            if k % blockSize == 0 {
                directory.append((entry.id, UInt32(dataStart + data.count)))
                previous = entry.id
            }
            appendVarint(entry.id - previous, to: &data)
            previous = entry.id
            appendVarint(UInt32(entry.positions.count), to: &data)
            var last: UInt32 = 0
            for p in entry.positions {
                appendVarint(p - last, to: &data)
                last = p
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(dataStart + data.count)
        appendUInt32(UInt32(entries.count), to: &out)
        appendUInt32(UInt32(blocks), to: &out)
        for (first, offset) in directory {
            appendUInt32(first, to: &out)
            appendUInt32(offset, to: &out)
        }
        out.append(contentsOf: data)
        return out
    }

    /// The largest id stored (the last entry's), decoding only the last block.
    package var lastID: UInt32? {
        guard count > 0 else { return nil }
        var reader = PositionsReader(self)
        reader.index = (blockCount - 1) * Self.blockSize
        var last: UInt32?
        while let entry = reader.header() {
            last = entry.id
            reader.skip(entry.count)
        }
        return reader.failed ? nil : last
    }

    /// The entries of `old` followed by `runs` — flat `id, count,
    /// positions…` with ids ascending and above every id of `old` — with the
    /// old entries' bytes copied rather than decoded: a batch adds to a
    /// frequent term's positions without reading them all.
    package static func encode(appending runs: [UInt32], to old: Positions?) -> [UInt8] {
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
            let id = runs[i], n = Int(runs[i + 1])
            if k % blockSize == 0 {
                directory.append((id, oldDataCount + data.count))
                previous = id
            }
            appendVarint(id &- previous, to: &data)
            previous = id
            appendVarint(UInt32(n), to: &data)
            var last: UInt32 = 0
            for p in runs[(i + 2)..<min(runs.count, i + 2 + n)] {
                appendVarint(p &- last, to: &data)
                last = p
            }
            i += 2 + n
            k += 1
        }
        let blocks = oldBlocks + directory.count
        let dataStart = 8 + blocks * 8
        var out: [UInt8] = []
        out.reserveCapacity(dataStart + oldDataCount + data.count)
        appendUInt32(UInt32(k), to: &out)
        appendUInt32(UInt32(blocks), to: &out)
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

    static func appendVarint(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

/// Reads entries in id order (a phrase check seeks with ``Phrase/Cursor``).
package struct PositionsReader {
    let positions: Positions
    var offset: Int
    var index = 0
    var previous: UInt32 = 0
    var failed = false
    /// An entry whose id was read but whose positions were not yet: the
    /// cursor stands at its first position.
    var pending: (id: UInt32, count: Int)?

    package init(_ positions: Positions) {
        self.positions = positions
        offset = positions.blockCount > 0 ? positions.block(0).offset : 0
    }

    mutating func varint() -> UInt32? {
        var value: UInt32 = 0, shift: UInt32 = 0
        while offset < positions.bytes.count, shift < 35 {
            let byte = positions.bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        failed = true
        return nil
    }

    /// Reads the next entry's id and position count.
    mutating func header() -> (id: UInt32, count: Int)? {
        guard index < positions.count, !failed else { return nil }
        if index % Positions.blockSize == 0 {
            let b = positions.block(index / Positions.blockSize)
            offset = b.offset
            previous = b.first
        }
        guard let delta = varint(), let n = varint(), n <= 1 << 16 else { return nil }
        previous &+= delta
        index += 1
        return (previous, Int(n))
    }

    mutating func read(_ n: Int) -> [UInt32]? {
        var out: [UInt32] = []
        return read(n, into: &out) ? out : nil
    }

    mutating func read(_ n: Int, into out: inout [UInt32]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var p: UInt32 = 0
        for _ in 0..<n {
            guard let d = varint() else { return false }
            p &+= d
            out.append(p)
        }
        return true
    }

    /// Steps over `n` varints without decoding them.
    mutating func skip(_ n: Int) {
        var left = n
        let bytes = positions.bytes
        while left > 0, offset < bytes.count {
            if bytes[offset] < 0x80 { left -= 1 }
            offset += 1
        }
    }

    package mutating func next() -> (id: UInt32, positions: [UInt32])? {
        if let entry = pending {
            pending = nil
            return read(entry.count).map { (entry.id, $0) }
        }
        guard let entry = header(), let list = read(entry.count) else { return nil }
        return (entry.id, list)
    }
}
