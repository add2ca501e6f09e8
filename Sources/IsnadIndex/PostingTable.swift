import Foundation
import IsnadVocabulary

/// The lists one batch changes, by key, as dense slots whose lists grow in
/// place.
///
/// A key's first byte says which database it belongs to (0 fields, 1 dates,
/// 2 terms, as ``BatchWriter/PostingKey``); the rest is the LMDB key.
///
/// The lists live in ``SlotLists`` (a class): a table is one batch's, used
/// by one writer, and never copied.
struct PostingTable {
    private var keys = ByteKeys()
    /// Slot + 1 of keys known by number (field index and value, or a day),
    /// so that the fields of each statement are found without building and
    /// hashing their keys' bytes.
    private var numbers = NumberSlots()

    /// Ids added to each slot's list, in the order met.
    let added: SlotLists
    /// Ids removed from each slot's list.
    var removed: [[UInt32]] = []
    /// Positions added per slot (term keys only), as runs of
    /// `id, count, positions…`, one run per statement.
    let positions: SlotLists
    /// Statements whose positions a slot must drop (replaced or removed).
    var positionRemovals: [Int: Set<UInt32>] = [:]

    var count: Int { keys.count }

    init(arenas: ArenaPool = ArenaPool()) {
        added = SlotLists(arenas: arenas)
        positions = SlotLists(arenas: arenas)
    }

    /// The slot's key: target byte, then the LMDB key.
    /// A slot's database (the key's first byte) and LMDB key (the rest).
    func key(_ slot: Int) -> (database: UInt8, key: [UInt8])? {
        keys.withKey(slot) { bytes in bytes.first.map { ($0, Array(bytes.dropFirst())) } }
    }

    /// The slot of `key`, made when it is new.
    mutating func slot(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let (s, isNew) = keys.number(key)
        if isNew {
            removed.append([])
            added.addSlot()
            positions.addSlot()
        }
        return s
    }

    mutating func slot(_ target: UInt8, _ key: [UInt8]) -> Int {
        var bytes = [target]
        bytes.append(contentsOf: key)
        return bytes.withUnsafeBufferPointer { slot($0) }
    }

    /// The slot of a key that `number` names one to one; `key` makes the
    /// key (target byte and LMDB key) the first time.
    @inline(__always)
    mutating func slot(number: UInt64, key: () -> [UInt8]) -> Int {
        if let known = numbers.find(number) { return known }
        let made = key()
        let s = made.withUnsafeBufferPointer { slot($0) }
        numbers.insert(number, s)
        return s
    }

    /// Slots in key order (target, then LMDB key), so that writes walk each
    /// B-tree forward.
    func orderedSlots() -> [Int] { keys.ordered() }
}

/// A map from 64-bit numbers to slots (dense indexes): open addressing, a multiplicative
/// hash (Swift's Dictionary hashes with SipHash, which is most of the cost
/// of a lookup this small).
struct NumberSlots {
    private var keys = [UInt64](repeating: 0, count: 1 << 10)
    /// Slot + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var count = 0

    @inline(__always)
    private func bucket(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    func find(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var b = bucket(key, mask: mask)
        while slots[b] != 0 {
            if keys[b] == key { return Int(slots[b]) - 1 }
            b = (b + 1) & mask
        }
        return nil
    }

    mutating func insert(_ key: UInt64, _ slot: Int) {
        if (count + 1) * 2 > keys.count {
            let old = zip(keys, slots).filter { $0.1 != 0 }
            keys = [UInt64](repeating: 0, count: keys.count * 2)
            slots = [Int32](repeating: 0, count: keys.count)
            count = 0
            for (k, s) in old { insert(k, Int(s) - 1) }
        }
        let mask = keys.count - 1
        var b = bucket(key, mask: mask)
        while slots[b] != 0 { b = (b + 1) & mask }
        keys[b] = key
        slots[b] = Int32(slot + 1)
        count += 1
    }
}

/// One list of `UInt32` per slot, each growing in place: blocks in one
/// arena, linked, each twice the size of the one before (up to 4,096
/// items). An array of arrays checked each inner array for uniqueness and
/// grew it by reallocating on every few appends; this was a tenth of the
/// writer's time.
///
/// A block is `next, capacity, items…`; index 0 means "no block".
final class SlotLists {
    /// Where a slot's list is: first block, last block, where the next
    /// item goes, where the last block ends.
    private struct Place {
        var head: UInt32 = 0, tail: UInt32 = 0, end: UInt32 = 0, limit: UInt32 = 0
    }

    // Raw buffers, and unchecked: these are touched a hundred million times
    // a batch, and Array's uniqueness checks and the dynamic exclusivity
    // checks of class properties cost more than the appends themselves.
    // The class is private to one writer on one thread.
    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var arenaCapacity = 1 << 16
    @exclusivity(unchecked) private var used = 1
    @exclusivity(unchecked) private var places: UnsafeMutablePointer<Place>
    @exclusivity(unchecked) private var placesCapacity = 1 << 12
    @exclusivity(unchecked) private var count = 0

    private let arenas: ArenaPool

    init(arenas: ArenaPool) {
        self.arenas = arenas
        (arena, arenaCapacity) = arenas.take(atLeast: arenaCapacity)
        places = .allocate(capacity: placesCapacity)
    }

    deinit {
        arenas.give(arena, capacity: arenaCapacity)
        places.deallocate()
    }

    func addSlot() {
        if count == placesCapacity {
            let bigger = UnsafeMutablePointer<Place>.allocate(capacity: placesCapacity * 2)
            bigger.moveInitialize(from: places, count: count)
            places.deallocate()
            places = bigger
            placesCapacity *= 2
        }
        (places + count).initialize(to: Place())
        count += 1
    }

    func isEmpty(_ slot: Int) -> Bool { places[slot].head == 0 }

    @inline(__always)
    func append(_ slot: Int, _ value: UInt32) {
        var end = Int(places[slot].end)
        if end == Int(places[slot].limit) { end = newBlock(slot) }
        arena[end] = value
        places[slot].end = UInt32(end + 1)
    }

    /// Appends a statement's run to a term's positions: `id`, the count,
    /// the positions. One check of the block's room for the three appends
    /// a term of every quote makes.
    @inline(__always)
    func appendRun(_ slot: Int, id: UInt32, positions: UnsafeBufferPointer<UInt32>) {
        let n = positions.count
        let end = Int(places[slot].end)
        guard end + 2 + n <= Int(places[slot].limit) else {
            append(slot, id)
            append(slot, UInt32(n))
            append(slot, contentsOf: positions)
            return
        }
        arena[end] = id
        arena[end + 1] = UInt32(n)
        for k in 0..<n { arena[end + 2 + k] = positions[k] }
        places[slot].end = UInt32(end + 2 + n)
    }

    func append(_ slot: Int, contentsOf values: UnsafeBufferPointer<UInt32>) {
        var from = 0
        while from < values.count {
            var end = Int(places[slot].end)
            if end == Int(places[slot].limit) { end = newBlock(slot) }
            let n = min(values.count - from, Int(places[slot].limit) - end)
            (arena + end).update(from: values.baseAddress! + from, count: n)
            places[slot].end = UInt32(end + n)
            from += n
        }
    }

    /// Starts a block for `slot`; returns where its first item goes.
    private func newBlock(_ slot: Int) -> Int {
        let tail = Int(places[slot].tail)
        let capacity = tail == 0 ? 2 : min(4096, Int(arena[tail + 1]) * 2)
        if used + 2 + capacity > arenaCapacity {
            var bigger = arenaCapacity * 2
            while used + 2 + capacity > bigger { bigger *= 2 }
            let (grown, capacity) = arenas.take(atLeast: bigger)
            grown.update(from: arena, count: used)
            arenas.give(arena, capacity: arenaCapacity)
            arena = grown
            arenaCapacity = capacity
        }
        let block = used
        used += 2 + capacity
        arena[block] = 0
        arena[block + 1] = UInt32(capacity)
        if tail == 0 { places[slot].head = UInt32(block) } else { arena[tail] = UInt32(block) }
        places[slot].tail = UInt32(block)
        places[slot].limit = UInt32(block + 2 + capacity)
        return block + 2
    }

    /// The slot's items, in the order appended.
    func array(_ slot: Int) -> [UInt32] {
        let place = places[slot]
        var out: [UInt32] = []
        // Sized first: grown block by block, the copies cost as much again.
        var total = 0
        var block = Int(place.head)
        while block != 0 {
            total += block == Int(place.tail) ? Int(place.end) - (block + 2) : Int(arena[block + 1])
            block = Int(arena[block])
        }
        out.reserveCapacity(total)
        block = Int(place.head)
        while block != 0 {
            let start = block + 2
            let end = block == Int(place.tail) ? Int(place.end) : start + Int(arena[block + 1])
            out.append(contentsOf: UnsafeBufferPointer(start: arena + start, count: end - start))
            block = Int(arena[block])
        }
        return out
    }
}

/// Memory that ``SlotLists`` grow in, kept from batch to batch of one
/// store's writer. A batch's lists take tens of megabytes: fresh from the
/// system each time, the kernel zeroed them page by page and the lists
/// copied themselves at each doubling, a sixth of indexing a statement.
/// Keeps the two largest blocks given back (a table has two lists).
final class ArenaPool: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [(pointer: UnsafeMutablePointer<UInt32>, capacity: Int)] = []

    init() {}

    deinit {
        for block in blocks { block.pointer.deallocate() }
    }

    /// A block of at least `capacity` items: a kept one if one is as large.
    func take(atLeast capacity: Int) -> (UnsafeMutablePointer<UInt32>, Int) {
        lock.lock()
        defer { lock.unlock() }
        // Largest first: the last that is large enough is the smallest such.
        if let k = blocks.lastIndex(where: { $0.capacity >= capacity }) {
            let block = blocks.remove(at: k)
            return (block.pointer, block.capacity)
        }
        return (.allocate(capacity: capacity), capacity)
    }

    func give(_ pointer: UnsafeMutablePointer<UInt32>, capacity: Int) {
        lock.lock()
        blocks.append((pointer, capacity))
        blocks.sort { $0.capacity > $1.capacity }
        let dropped = blocks.count > 2 ? Array(blocks[2...]) : []
        blocks.removeLast(dropped.count)
        lock.unlock()
        for block in dropped { block.pointer.deallocate() }
    }
}
