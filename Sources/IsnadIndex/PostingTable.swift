import Foundation

/// Byte strings numbered densely in the order first met.
///
/// A batch of 100,000 statements meets a few keys millions of times (one
/// per word of every quote). A `Dictionary` keyed by byte arrays hashed every
/// byte with SipHash and allocated an array per lookup; this keeps the keys
/// in one arena and hashes them with FNV-1a.
struct ByteKeys: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt32] = []
    /// Number + 1 per bucket; 0 is empty. The count is a power of two.
    private var buckets = [Int32](repeating: 0, count: 1 << 12)

    var count: Int { hashes.count }

    /// The bytes of key `n`.
    func key(_ n: Int) -> ArraySlice<UInt8> { arena[starts[n]..<starts[n + 1]] }

    /// Calls `body` with the bytes of key `n`, without copying them.
    func withKey<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { a in
            body(UnsafeBufferPointer(rebasing: a[starts[n]..<starts[n + 1]]))
        }
    }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in key {
            h ^= UInt32(b)
            h &*= 16_777_619
        }
        return h
    }

    /// The number of `key`, given it when it is new.
    mutating func number(_ key: UnsafeBufferPointer<UInt8>) -> (Int, isNew: Bool) {
        let h = Self.hash(key)
        var mask = buckets.count - 1
        var b = Int(h) & mask
        while true {
            let entry = Int(buckets[b])
            if entry == 0 { break }
            let s = entry - 1
            if hashes[s] == h, starts[s + 1] - starts[s] == key.count {
                let same = arena.withUnsafeBufferPointer { a in
                    key.count == 0 || memcmp(a.baseAddress! + starts[s], key.baseAddress!, key.count) == 0
                }
                if same { return (s, false) }
            }
            b = (b + 1) & mask
        }
        let s = hashes.count
        hashes.append(h)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        buckets[b] = Int32(s + 1)
        if hashes.count * 2 > buckets.count {
            buckets = [Int32](repeating: 0, count: buckets.count * 2)
            mask = buckets.count - 1
            for (i, h) in hashes.enumerated() {
                var b = Int(h) & mask
                while buckets[b] != 0 { b = (b + 1) & mask }
                buckets[b] = Int32(i + 1)
            }
        }
        return (s, true)
    }

    /// Numbers in key order (bytewise, shorter first).
    func ordered() -> [Int] {
        arena.withUnsafeBufferPointer { a in
            (0..<count).sorted { x, y in
                let xs = starts[x], xn = starts[x + 1] - xs
                let ys = starts[y], yn = starts[y + 1] - ys
                let c = memcmp(a.baseAddress! + xs, a.baseAddress! + ys, min(xn, yn))
                return c != 0 ? c < 0 : xn < yn
            }
        }
    }
}

/// The lists one batch changes, by key, as dense slots whose lists grow in
/// place.
///
/// A key's first byte says which database it belongs to (0 fields, 1 dates,
/// 2 terms, as ``BatchWriter/PostingKey``); the rest is the LMDB key.
struct PostingTable {
    private var keys = ByteKeys()

    /// Ids added to and removed from each slot's list, in the order met.
    var added: [[UInt32]] = []
    var removed: [[UInt32]] = []
    /// Positions added per slot (term keys only), as runs of
    /// `id, count, positions…`, one run per statement.
    var positions: [[UInt32]] = []
    /// Statements whose positions a slot must drop (replaced or removed).
    var positionRemovals: [Int: Set<UInt32>] = [:]

    var count: Int { keys.count }

    /// The slot's key: target byte, then the LMDB key.
    func keyBytes(_ slot: Int) -> ArraySlice<UInt8> { keys.key(slot) }

    /// The slot of `key`, made when it is new.
    mutating func slot(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let (s, isNew) = keys.number(key)
        if isNew {
            added.append([])
            removed.append([])
            positions.append([])
        }
        return s
    }

    mutating func slot(_ target: UInt8, _ key: [UInt8]) -> Int {
        var bytes = [target]
        bytes.append(contentsOf: key)
        return bytes.withUnsafeBufferPointer { slot($0) }
    }

    /// Slots in key order (target, then LMDB key), so that writes walk each
    /// B-tree forward.
    func orderedSlots() -> [Int] { keys.ordered() }
}
