import Foundation

/// Byte strings numbered densely in the order first met.
///
/// A batch of 100,000 statements meets a few keys millions of times (one
/// per word of every quote), and extraction looks a dozen lexicons up for
/// every word of an article. A `Dictionary` keyed by byte arrays hashed
/// every byte with SipHash and allocated an array per lookup; this keeps
/// the keys in one arena, hashes them eight bytes at a time and compares
/// them in place.
///
/// The memory is one class instance of raw buffers, copied on write:
/// handing the table to a lookup retains one object (four arrays had been
/// retained and released around every lookup from another module), and
/// nothing in a lookup checks exclusivity or bounds.
package struct ByteKeys: Sendable {
    private var storage: Storage

    /// Room for about `capacity` keys before the buckets grow: a batch's
    /// tables start large, a lexicon's as small as it is.
    package init(capacity: Int = 1 << 11) {
        storage = Storage(Table(capacity: capacity))
    }

    package var count: Int { storage.table.pointee.count }

    /// The bytes of key `n`.
    package func key(_ n: Int) -> [UInt8] { withKey(n) { Array($0) } }

    /// Calls `body` with the bytes of key `n`, without copying them.
    package func withKey<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let table = storage.table
        precondition(n >= 0 && n < table.pointee.count, "no key numbered \(n)")
        return body(table.pointee.key(n))
    }

    /// The number of `key`, or nil when it has none.
    package func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        storage.table.pointee.probe(key, Self.hash(key)).found
    }

    /// The number of `key`, given it when it is new.
    package mutating func number(_ key: UnsafeBufferPointer<UInt8>) -> (Int, isNew: Bool) {
        let h = Self.hash(key)
        let (found, bucket) = storage.table.pointee.probe(key, h)
        if let found { return (found, false) }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.table.pointee.copy()) }
        return (storage.table.pointee.insert(key, hash: h, bucket: bucket), true)
    }

    /// Numbers in key order (bytewise, shorter first).
    package func ordered() -> [Int] {
        let table = storage.table.pointee
        // By each key's first eight bytes as a big-endian number (zeros
        // after a short key's end), then by the whole key when those tie: a
        // batch's tens of thousands of list keys are sorted at every write.
        var order: [(prefix: UInt64, n: Int)] = (0..<table.count).map { n in
            let key = table.key(n)
            var prefix: UInt64 = 0
            for k in 0..<8 { prefix = prefix << 8 | UInt64(k < key.count ? key[k] : 0) }
            return (prefix, n)
        }
        order.sort { x, y in
            if x.prefix != y.prefix { return x.prefix < y.prefix }
            let a = table.starts[x.n]
            let an = table.starts[x.n + 1] - a
            let b = table.starts[y.n]
            let bn = table.starts[y.n + 1] - b
            let c = memcmp(table.arena + a, table.arena + b, min(an, bn))
            return c != 0 ? c < 0 : an < bn
        }
        return order.map(\.n)
    }

    /// A multiply-and-shift hash of eight bytes at a time (FNV-1a, a byte at
    /// a time, was most of a lookup's cost for a word of an Arabic text).
    /// Only this process sees it: nothing stored depends on it.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let n = key.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if let base = key.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                i += 8
            }
            if i < n {
                var tail: UInt64 = 0
                if n >= 8 {
                    // The last eight bytes, overlapping those hashed already.
                    tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                } else {
                    for k in 0..<n { tail |= UInt64(base[k]) << (8 * UInt64(k)) }
                }
                h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            }
        }
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

/// Owns a table's buffers; shared between copies of a ``ByteKeys`` until
/// one of them adds a key. Never changed while shared, so any number of
/// threads may read it.
private final class Storage: @unchecked Sendable {
    let table: UnsafeMutablePointer<Table>

    init(_ table: Table) {
        self.table = .allocate(capacity: 1)
        self.table.initialize(to: table)
    }

    deinit {
        table.pointee.free()
        table.deinitialize(count: 1)
        table.deallocate()
    }
}

/// The buffers: the keys' bytes one after another (`starts[n]` to
/// `starts[n + 1]` in `arena`), each key's hash, and open-addressed
/// buckets holding number + 1 (0 empty), a power of two of them.
private struct Table {
    var arena: UnsafeMutablePointer<UInt8>
    var used = 0
    var arenaCapacity: Int
    var starts: UnsafeMutablePointer<Int>
    var hashes: UnsafeMutablePointer<UInt32>
    var count = 0
    var keyCapacity: Int
    var buckets: UnsafeMutablePointer<Int32>
    var mask: Int

    init(capacity: Int) {
        var n = 8
        while n < capacity * 2 { n *= 2 }
        buckets = .allocate(capacity: n)
        buckets.initialize(repeating: 0, count: n)
        mask = n - 1
        keyCapacity = max(capacity, 4)
        starts = .allocate(capacity: keyCapacity + 1)
        starts.initialize(to: 0)
        hashes = .allocate(capacity: keyCapacity)
        arenaCapacity = keyCapacity * 8
        arena = .allocate(capacity: arenaCapacity)
    }

    /// A table with the same keys, numbers and buckets in buffers of its own.
    func copy() -> Table {
        var copy = self
        copy.arena = .allocate(capacity: arenaCapacity)
        copy.arena.initialize(from: arena, count: used)
        copy.starts = .allocate(capacity: keyCapacity + 1)
        copy.starts.initialize(from: starts, count: count + 1)
        copy.hashes = .allocate(capacity: keyCapacity)
        copy.hashes.initialize(from: hashes, count: count)
        copy.buckets = .allocate(capacity: mask + 1)
        copy.buckets.initialize(from: buckets, count: mask + 1)
        return copy
    }

    func free() {
        arena.deallocate()
        starts.deallocate()
        hashes.deallocate()
        buckets.deallocate()
    }

    @inline(__always)
    func key(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena + starts[n], count: starts[n + 1] - starts[n])
    }

    /// Where `key` is (its number), or the empty bucket where it would go.
    @inline(__always)
    func probe(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (found: Int?, bucket: Int) {
        var b = Int(h) & mask
        while true {
            let entry = Int(buckets[b])
            if entry == 0 { return (nil, b) }
            let s = entry - 1
            if hashes[s] == h, starts[s + 1] - starts[s] == key.count, Self.same(arena + starts[s], key) {
                return (s, b)
            }
            b = (b + 1) & mask
        }
    }

    /// Whether the `key.count` bytes at `stored` are `key`'s, eight at a time.
    @inline(__always)
    static func same(_ stored: UnsafePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = key.baseAddress else { return true }
        let n = key.count
        guard n >= 8 else {
            for i in 0..<n where stored[i] != base[i] { return false }
            return true
        }
        let a = UnsafeRawPointer(stored)
        let b = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        // The last eight bytes, overlapping those compared already.
        return i == n || a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    /// Adds `key` (not present; `bucket` from ``probe(_:_:)``) as the next
    /// number and returns it.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32, bucket: Int) -> Int {
        if count == keyCapacity {
            let grown = keyCapacity * 2
            starts = Self.moved(starts, count: count + 1, to: grown + 1)
            hashes = Self.moved(hashes, count: count, to: grown)
            keyCapacity = grown
        }
        if used + key.count > arenaCapacity {
            arenaCapacity = max(arenaCapacity * 2, used + key.count)
            arena = Self.moved(arena, count: used, to: arenaCapacity)
        }
        if let base = key.baseAddress { (arena + used).initialize(from: base, count: key.count) }
        used += key.count
        let s = count
        hashes[s] = h
        starts[s + 1] = used
        count += 1
        buckets[bucket] = Int32(s + 1)
        if count * 2 > mask + 1 { rehash() }
        return s
    }

    /// Twice the buckets, every key placed again.
    private mutating func rehash() {
        let n = (mask + 1) * 2
        buckets.deallocate()
        buckets = .allocate(capacity: n)
        buckets.initialize(repeating: 0, count: n)
        mask = n - 1
        for s in 0..<count {
            var b = Int(hashes[s]) & mask
            while buckets[b] != 0 { b = (b + 1) & mask }
            buckets[b] = Int32(s + 1)
        }
    }

    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
