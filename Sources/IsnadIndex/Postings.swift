/// Sorted `UInt32` id lists as the index stores them: roaring-style
/// containers, read in place from the memory map.
///
/// Ids are split by their high 16 bits into containers. A container with at
/// most 4,096 ids stores them as sorted little-endian `UInt16`s (2 bytes an
/// id); a fuller one as a 65,536-bit bitmap (8 KiB, never more than 2 bytes
/// an id). Dense lists (a stance, a frequent actor) thus cost at most a bit
/// per possible id and intersect a word at a time; sparse ones cost two
/// bytes an id and intersect by galloping search.
///
///     u32 cardinality, u32 container count (bit 31: "continued", below)
///     per container: u16 high bits, u16 count - 1, u32 payload offset
///     payloads: [u16] or [u64 × 1024]
///
/// A long list is stored in chunks of whole containers (ListChunks.swift);
/// the first chunk, under the list's own key, has the "continued" bit set
/// when more follow. A list read whole is the chunks joined.
///
/// Stored bytes are checked once when a view is made (sizes, offsets, order
/// of containers, the total), so a damaged value is an error, never a read
/// out of bounds. All reads are unaligned: LMDB does not align values.
package struct Postings {
    package let bytes: UnsafeRawBufferPointer
    /// The number of ids.
    package let count: Int
    package let containerCount: Int
    /// Whether this is the first chunk of a list continued in others.
    package let continued: Bool
    /// Holds the bytes of a list joined from chunks (nil: they are in the map).
    private let owner: JoinedBytes?

    static let headerSize = 8
    static let entrySize = 8
    static let arrayLimit = 4096
    static let bitmapWords = 1024

    /// The empty list (no bytes behind it).
    package static var empty: Postings { Postings(unchecked: UnsafeRawBufferPointer(start: nil, count: 0), count: 0, containers: 0) }

    private init(unchecked bytes: UnsafeRawBufferPointer, count: Int, containers: Int, owner: JoinedBytes? = nil) {
        self.bytes = bytes
        self.count = count
        self.containerCount = containers
        self.continued = false
        self.owner = owner
    }

    /// A view of stored bytes, or nil when they are not a valid list.
    package init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= Self.headerSize else { return nil }
        let cardinality = Int(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
        let word = bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
        let n = Int(word & ~ListChunks.continuedBit)
        guard n <= 65536, Self.headerSize + n * Self.entrySize <= bytes.count else { return nil }
        self.bytes = bytes
        self.count = cardinality
        self.containerCount = n
        self.continued = word & ListChunks.continuedBit != 0
        self.owner = nil
        var total = 0
        var previous = -1
        for i in 0..<n {
            let c = container(i)
            guard Int(c.high) > previous, c.offset >= Self.headerSize + n * Self.entrySize,
                c.offset + c.byteCount <= bytes.count
            else { return nil }
            previous = Int(c.high)
            total += c.count
        }
        guard total == cardinality else { return nil }
    }

    /// One container's place and size.
    package struct Container {
        package let high: UInt16
        package let count: Int
        let offset: Int
        package var isBitmap: Bool { count > Postings.arrayLimit }
        var byteCount: Int { isBitmap ? Postings.bitmapWords * 8 : count * 2 }
    }

    @inline(__always)
    package func container(_ i: Int) -> Container {
        let base = Self.headerSize + i * Self.entrySize
        let high = bytes.loadUnaligned(fromByteOffset: base, as: UInt16.self).littleEndian
        let count = Int(bytes.loadUnaligned(fromByteOffset: base + 2, as: UInt16.self).littleEndian) + 1
        let offset = Int(bytes.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self).littleEndian)
        return Container(high: high, count: count, offset: offset)
    }

    @inline(__always)
    func low(_ c: Container, _ i: Int) -> UInt16 {
        bytes.loadUnaligned(fromByteOffset: c.offset + 2 * i, as: UInt16.self).littleEndian
    }

    @inline(__always)
    func word(_ c: Container, _ i: Int) -> UInt64 {
        bytes.loadUnaligned(fromByteOffset: c.offset + 8 * i, as: UInt64.self).littleEndian
    }

    /// The index of the container for `high`, or of the first after it.
    func containerIndex(atLeast high: UInt16, from start: Int = 0) -> Int {
        var lo = start
        var hi = containerCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if container(mid).high < high { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    package func contains(_ id: UInt32) -> Bool {
        let high = UInt16(truncatingIfNeeded: id >> 16)
        let low = UInt16(truncatingIfNeeded: id)
        let i = containerIndex(atLeast: high)
        guard i < containerCount else { return false }
        let c = container(i)
        guard c.high == high else { return false }
        return contains(low, in: c)
    }

    @inline(__always)
    func contains(_ low: UInt16, in c: Container) -> Bool {
        if c.isBitmap { return word(c, Int(low >> 6)) & (1 << UInt64(low & 63)) != 0 }
        var lo = 0
        var hi = c.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.low(c, mid) < low { lo = mid + 1 } else { hi = mid }
        }
        return lo < c.count && self.low(c, lo) == low
    }

    /// Calls `body` with every id in ascending order; `false` stops.
    package func forEach(_ body: (UInt32) throws -> Bool) rethrows {
        for i in 0..<containerCount {
            let c = container(i)
            let base = UInt32(c.high) << 16
            if c.isBitmap {
                for w in 0..<Self.bitmapWords {
                    var bits = word(c, w)
                    while bits != 0 {
                        let bit = UInt32(bits.trailingZeroBitCount)
                        if try !body(base | UInt32(w) << 6 | bit) { return }
                        bits &= bits - 1
                    }
                }
            } else {
                for k in 0..<c.count {
                    if try !body(base | UInt32(low(c, k))) { return }
                }
            }
        }
    }

    /// The ids, copied out.
    package var ids: [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(count)
        forEach {
            out.append($0)
            return true
        }
        return out
    }
}

/// The bytes of a list joined from its chunks, freed with the last view.
private final class JoinedBytes {
    let raw: UnsafeMutableRawBufferPointer
    init(_ raw: UnsafeMutableRawBufferPointer) { self.raw = raw }
    deinit { raw.deallocate() }
}

extension Postings {
    /// One list from its chunks in key order: their directories merged, the
    /// payloads copied once. Nil when the chunks' containers do not ascend
    /// (a damaged store).
    package static func joined(_ chunks: [Postings]) -> Postings? {
        guard chunks.count > 1 else { return chunks.first }
        var containers = 0
        var payload = 0
        var count = 0
        var previous = -1
        for chunk in chunks {
            for i in 0..<chunk.containerCount {
                let c = chunk.container(i)
                guard Int(c.high) > previous else { return nil }
                previous = Int(c.high)
                payload += c.byteCount
            }
            containers += chunk.containerCount
            count += chunk.count
        }
        let size = headerSize + containers * entrySize + payload
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        raw.storeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian, toByteOffset: 0, as: UInt32.self)
        raw.storeBytes(of: UInt32(containers).littleEndian, toByteOffset: 4, as: UInt32.self)
        var entry = headerSize
        var offset = headerSize + containers * entrySize
        for chunk in chunks {
            for i in 0..<chunk.containerCount {
                let c = chunk.container(i)
                raw.storeBytes(of: c.high.littleEndian, toByteOffset: entry, as: UInt16.self)
                raw.storeBytes(of: UInt16(c.count - 1).littleEndian, toByteOffset: entry + 2, as: UInt16.self)
                raw.storeBytes(of: UInt32(offset).littleEndian, toByteOffset: entry + 4, as: UInt32.self)
                UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + c.byteCount])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: chunk.bytes[c.offset..<c.offset + c.byteCount]))
                entry += entrySize
                offset += c.byteCount
            }
        }
        return Postings(
            unchecked: UnsafeRawBufferPointer(raw), count: count, containers: containers,
            owner: JoinedBytes(raw))
    }
}

// MARK: - Encoding

extension Postings {
    /// The stored form of `ids`, which must be sorted and distinct.
    package static func encode(sorted ids: some Collection<UInt32>) -> [UInt8] {
        let groups = groups(of: ids)
        var size = headerSize + groups.count * entrySize
        for g in groups { size += payloadSize(g.count) }
        var out = [UInt8](repeating: 0, count: size)
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(ids.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: UInt32(groups.count).littleEndian, toByteOffset: 4, as: UInt32.self)
            var offset = headerSize + groups.count * entrySize
            var iterator = ids.makeIterator()
            for (i, g) in groups.enumerated() {
                writeEntry(raw, i, high: g.high, count: g.count, offset: offset)
                writePayload(raw, at: offset, count: g.count, &iterator)
                offset += payloadSize(g.count)
            }
        }
        return out
    }

    /// Sorted ids grouped by their high 16 bits: each group's high bits,
    /// where it starts and how many ids it has.
    static func groups(of ids: some Collection<UInt32>) -> [(high: UInt16, start: Int, count: Int)] {
        var groups: [(high: UInt16, start: Int, count: Int)] = []
        var index = 0
        for id in ids {
            let high = UInt16(truncatingIfNeeded: id >> 16)
            if let last = groups.last, last.high == high {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((high, index, 1))
            }
            index += 1
        }
        return groups
    }

    @inline(__always)
    static func payloadSize(_ count: Int) -> Int { count > arrayLimit ? bitmapWords * 8 : count * 2 }

    @inline(__always)
    static func writeEntry(_ raw: UnsafeMutableRawBufferPointer, _ i: Int, high: UInt16, count: Int, offset: Int) {
        let entry = headerSize + i * entrySize
        raw.storeBytes(of: high.littleEndian, toByteOffset: entry, as: UInt16.self)
        raw.storeBytes(of: UInt16(count - 1).littleEndian, toByteOffset: entry + 2, as: UInt16.self)
        raw.storeBytes(of: UInt32(offset).littleEndian, toByteOffset: entry + 4, as: UInt32.self)
    }

    /// The payload of a container of `count` ids taken from `ids`, into
    /// zeroed bytes at `offset`.
    static func writePayload(
        _ raw: UnsafeMutableRawBufferPointer, at offset: Int, count: Int,
        _ ids: inout some IteratorProtocol<UInt32>
    ) {
        if count > arrayLimit {
            for _ in 0..<count {
                guard let id = ids.next() else { break }
                setBit(raw, at: offset, UInt16(truncatingIfNeeded: id))
            }
        } else {
            for k in 0..<count {
                guard let id = ids.next() else { break }
                raw.storeBytes(of: UInt16(truncatingIfNeeded: id).littleEndian, toByteOffset: offset + 2 * k, as: UInt16.self)
            }
        }
    }

    /// Sets `low`'s bit in the bitmap at `offset`: bit `low & 63` of
    /// little-endian word `low >> 6` is bit `low & 7` of byte `low >> 3`.
    @inline(__always)
    static func setBit(_ raw: UnsafeMutableRawBufferPointer, at offset: Int, _ low: UInt16) {
        raw[offset + Int(low >> 3)] |= 1 << (low & 7)
    }
}

extension Postings {
    /// The largest id, or nil for the empty list.
    package var lastID: UInt32? {
        guard containerCount > 0 else { return nil }
        let c = container(containerCount - 1)
        let base = UInt32(c.high) << 16
        if !c.isBitmap { return base | UInt32(low(c, c.count - 1)) }
        for w in stride(from: Self.bitmapWords - 1, through: 0, by: -1) {
            let bits = word(c, w)
            if bits != 0 { return base | UInt32(w) << 6 | UInt32(63 - bits.leadingZeroBitCount) }
        }
        return nil
    }

    /// `old` followed by `ids` (sorted, distinct, all above `old`'s last id),
    /// copying the containers `ids` leaves alone instead of decoding them:
    /// a batch adds to a list of a million ids by rewriting its last
    /// container. That one is extended in place too (its bitmap copied and
    /// the new bits set, or its array copied and the new ids after it):
    /// decoding it and encoding it again cost each list a batch added to
    /// up to 65,536 ids' work, and was most of what writing a batch cost.
    package static func encode(appending ids: [UInt32], to old: Postings) -> [UInt8] {
        guard old.containerCount > 0 else { return encode(sorted: ids) }
        let kept = old.containerCount - 1
        let last = old.container(kept)
        var joining = 0
        while joining < ids.count, UInt16(truncatingIfNeeded: ids[joining] >> 16) == last.high { joining += 1 }
        let merged = last.count + joining
        let rest = ids[joining...]
        let groups = groups(of: rest)
        let containers = kept + 1 + groups.count
        var size = headerSize + containers * entrySize + payloadSize(merged)
        for i in 0..<kept { size += old.container(i).byteCount }
        for g in groups { size += payloadSize(g.count) }
        var out = [UInt8](repeating: 0, count: size)
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt32(old.count + ids.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: UInt32(containers).littleEndian, toByteOffset: 4, as: UInt32.self)
            var offset = headerSize + containers * entrySize
            func copy(_ c: Container, bytes: Int) {
                UnsafeMutableRawBufferPointer(rebasing: raw[offset..<offset + bytes])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: old.bytes[c.offset..<c.offset + bytes]))
            }
            for i in 0..<kept {
                let c = old.container(i)
                writeEntry(raw, i, high: c.high, count: c.count, offset: offset)
                copy(c, bytes: c.byteCount)
                offset += c.byteCount
            }
            writeEntry(raw, kept, high: last.high, count: merged, offset: offset)
            if merged > arrayLimit {
                if last.isBitmap {
                    copy(last, bytes: last.byteCount)
                } else {
                    for k in 0..<last.count { setBit(raw, at: offset, old.low(last, k)) }
                }
                for id in ids[..<joining] { setBit(raw, at: offset, UInt16(truncatingIfNeeded: id)) }
            } else {
                copy(last, bytes: last.byteCount)
                for (k, id) in ids[..<joining].enumerated() {
                    raw.storeBytes(
                        of: UInt16(truncatingIfNeeded: id).littleEndian,
                        toByteOffset: offset + 2 * (last.count + k), as: UInt16.self)
                }
            }
            offset += payloadSize(merged)
            var iterator = rest.makeIterator()
            for (j, g) in groups.enumerated() {
                writeEntry(raw, kept + 1 + j, high: g.high, count: g.count, offset: offset)
                writePayload(raw, at: offset, count: g.count, &iterator)
                offset += payloadSize(g.count)
            }
        }
        return out
    }
}

/// Merges sorted id lists: what a batch adds to and removes from a stored
/// list.
package enum PostingsMerge {
    /// `old` plus `added` minus `removed`, sorted and distinct. All inputs
    /// must be sorted; `added` and `removed` may overlap `old`.
    package static func apply(old: [UInt32], added: [UInt32], removed: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(old.count + added.count)
        if removed.isEmpty, let last = old.last, let first = added.first, first > last {
            out.append(contentsOf: old)
            out.append(contentsOf: added)
            return out
        }
        var i = 0
        var j = 0
        var r = 0
        while i < old.count || j < added.count {
            let next: UInt32
            if j >= added.count || (i < old.count && old[i] < added[j]) {
                next = old[i]
                i += 1
            } else if i >= old.count || added[j] < old[i] {
                next = added[j]
                j += 1
            } else {
                next = old[i]
                i += 1
                j += 1
            }
            while r < removed.count, removed[r] < next { r += 1 }
            if r < removed.count, removed[r] == next { continue }
            out.append(next)
        }
        return out
    }
}
