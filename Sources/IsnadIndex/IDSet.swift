/// A set of dense ids while a query runs: a sorted array when sparse, a
/// bitmap when dense (more than one id in 32 of the ids it spans), so that
/// both a rare actor and a whole stance stay cheap to hold and to combine.
package struct IDSet: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        case sorted([UInt32])
        /// Bit i of word i/64 is id i; `count` is the number of set bits.
        case bitmap(words: [UInt64], count: Int)
    }

    private(set) var storage: Storage

    package static func == (a: IDSet, b: IDSet) -> Bool { a.count == b.count && a.ids == b.ids }

    package static let empty = IDSet(storage: .sorted([]))

    init(storage: Storage) { self.storage = storage }

    /// The set of `ids`, which callers give in ascending order, each once.
    /// That is checked here (one pass), and ids out of order or repeated
    /// are sorted and made distinct: trusted blindly, a dense list whose
    /// last id was not its largest sized its bitmap by that last id and
    /// wrote past the end (`| sort date | articles` crashed the engine).
    package init(sorted ids: [UInt32]) {
        storage = .sorted(IDSet.isStrictlyAscending(ids) ? ids : Array(Set(ids)).sorted())
        self = normalized()
    }

    /// The set of `ids` in any order, repeated or not: rows a stage has
    /// reordered, owners gathered in the order met.
    package init(unordered ids: [UInt32]) {
        self.init(sorted: ids)
    }

    static func isStrictlyAscending(_ ids: [UInt32]) -> Bool {
        ids.withUnsafeBufferPointer { ids in
            guard ids.count > 1 else { return true }
            for i in 1..<ids.count where ids[i - 1] >= ids[i] { return false }
            return true
        }
    }

    /// Every id below `count`.
    package static func all(below count: Int) -> IDSet {
        var words = [UInt64](repeating: ~0, count: (count + 63) / 64)
        if count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
        return IDSet(storage: .bitmap(words: words, count: count)).normalized()
    }

    /// The ids of stored postings, copied out of the map.
    package init(_ postings: Postings) {
        guard postings.count > 0 else {
            self = .empty
            return
        }
        let last = postings.container(postings.containerCount - 1)
        let span = (Int(last.high) + 1) << 16
        if postings.count * 32 < span {
            storage = .sorted(postings.ids)
            return
        }
        var words = [UInt64](repeating: 0, count: span / 64)
        IDSet.set(postings, into: &words)
        storage = .bitmap(words: words, count: postings.count)
    }

    /// ORs the ids of `postings` into `words` (sized to hold them).
    static func set(_ postings: Postings, into words: inout [UInt64]) {
        for i in 0..<postings.containerCount {
            let c = postings.container(i)
            let base = Int(c.high) << 10
            if base + Postings.bitmapWords > words.count {
                words.append(contentsOf: repeatElement(0, count: base + Postings.bitmapWords - words.count))
            }
            if c.isBitmap {
                for w in 0..<Postings.bitmapWords { words[base + w] |= postings.word(c, w) }
            } else {
                for k in 0..<c.count {
                    let low = Int(postings.low(c, k))
                    words[base + low >> 6] |= 1 << UInt64(low & 63)
                }
            }
        }
    }

    /// The union of many stored lists at once (a date range, an entity
    /// group), without building the pairwise unions in between.
    package static func union(_ lists: [Postings]) -> IDSet {
        if lists.isEmpty { return .empty }
        if lists.count == 1 { return IDSet(lists[0]) }
        var words: [UInt64] = []
        for list in lists { set(list, into: &words) }
        return IDSet(words: words)
    }

    /// The set whose bitmap is `words`, in the smaller form. A word with
    /// one bit or none is counted without a population count, which this
    /// target has no instruction for: a sparse result, the common case
    /// after an AND, is counted and read out for less than counting every
    /// word used to cost.
    init(words: [UInt64]) {
        let used = IDSet.used(words)
        let count = words.withUnsafeBufferPointer { words in
            var n = 0
            for w in 0..<used {
                let bits = words[w]
                n += bits & (bits &- 1) == 0 ? (bits == 0 ? 0 : 1) : bits.nonzeroBitCount
            }
            return n
        }
        if count > 0, !IDSet.isSparse(count: count, used: used) {
            storage = .bitmap(words: words, count: count)
            return
        }
        storage = .sorted(IDSet.readOut(words, used: used, count: count))
    }

    /// The words up to the last that holds an id.
    private static func used(_ words: [UInt64]) -> Int {
        var used = words.count
        while used > 0, words[used - 1] == 0 { used -= 1 }
        return used
    }

    /// Whether `count` ids over `used` words are held as a sorted list:
    /// fewer than one in 32 of the ids they span.
    private static func isSparse(count: Int, used: Int) -> Bool { count * 32 < used * 64 }

    /// The set bits of `words[..<used]`, `count` of them, as ascending ids
    /// written in place.
    private static func readOut(_ words: [UInt64], used: Int, count: Int) -> [UInt32] {
        words.withUnsafeBufferPointer { words in
            [UInt32](unsafeUninitializedCapacity: count) { out, n in
                n = 0
                for w in 0..<used {
                    var bits = words[w]
                    while bits != 0, n < count {
                        out[n] = UInt32(w << 6 | bits.trailingZeroBitCount)
                        n += 1
                        bits &= bits &- 1
                    }
                }
            }
        }
    }

    // MARK: - Reading

    package var count: Int {
        switch storage {
        case .sorted(let ids): ids.count
        case .bitmap(_, let count): count
        }
    }

    package var isEmpty: Bool { count == 0 }

    package func contains(_ id: UInt32) -> Bool {
        switch storage {
        case .sorted(let ids):
            let i = ids.lowerBound(of: id, from: 0)
            return i < ids.count && ids[i] == id
        case .bitmap(let words, _):
            let w = Int(id >> 6)
            return w < words.count && words[w] & (1 << UInt64(id & 63)) != 0
        }
    }

    /// Calls `body` with each id in ascending order; `false` stops.
    package func forEach(_ body: (UInt32) throws -> Bool) rethrows {
        switch storage {
        case .sorted(let ids):
            for id in ids {
                if try !body(id) { return }
            }
        case .bitmap(let words, _):
            for (w, word) in words.enumerated() {
                var bits = word
                while bits != 0 {
                    if try !body(UInt32(w << 6 | bits.trailingZeroBitCount)) { return }
                    bits &= bits - 1
                }
            }
        }
    }

    /// The ids in ascending order.
    package var ids: [UInt32] {
        switch storage {
        case .sorted(let ids):
            return ids
        case .bitmap(let words, let count):
            return IDSet.readOut(words, used: words.count, count: count)
        }
    }

    /// The first `n` ids.
    package func prefix(_ n: Int) -> [UInt32] {
        var out: [UInt32] = []
        forEach { id in
            guard out.count < n else { return false }
            out.append(id)
            return true
        }
        return out
    }

    /// A bitmap is kept only while it is the smaller form. A sorted list
    /// here is ascending and distinct (every initializer sees to it), so
    /// its last id is its largest and sizes the bitmap.
    func normalized() -> IDSet {
        switch storage {
        case .sorted(let ids):
            guard let last = ids.last, ids.count * 32 >= Int(last) + 1, ids.count > 64 else { return self }
            var words = [UInt64](repeating: 0, count: Int(last) / 64 + 1)
            for id in ids { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
            return IDSet(storage: .bitmap(words: words, count: ids.count))
        case .bitmap(let words, let count):
            // Trailing zero words are measured, not removed: removing them
            // copied the whole array, which the caller still held.
            return IDSet.isSparse(count: count, used: IDSet.used(words)) ? IDSet(storage: .sorted(ids)) : self
        }
    }

    // MARK: - Combining

    package func intersection(_ other: IDSet) -> IDSet {
        switch (storage, other.storage) {
        case (.sorted(let a), .sorted(let b)):
            return IDSet(storage: .sorted(IDSet.intersect(a, b)))
        case (.sorted(let a), .bitmap), (.bitmap, .sorted(let a)):
            let dense = other.isSorted ? self : other
            return IDSet(storage: .sorted(a.filter { dense.contains($0) }))
        case (.bitmap(let a, _), .bitmap(let b, _)):
            var words = [UInt64](repeating: 0, count: min(a.count, b.count))
            for i in words.indices { words[i] = a[i] & b[i] }
            return IDSet(words: words)
        }
    }

    package func union(_ other: IDSet) -> IDSet {
        switch (storage, other.storage) {
        case (.sorted(let a), .sorted(let b)):
            return IDSet(storage: .sorted(IDSet.merge(a, b))).normalized()
        default:
            var words = bitmapWords(minimumCount: 0)
            other.forEachWord { i, word in
                if i >= words.count { words.append(contentsOf: repeatElement(0, count: i + 1 - words.count)) }
                words[i] |= word
            }
            return IDSet(words: words)
        }
    }

    package func subtracting(_ other: IDSet) -> IDSet {
        if other.isEmpty { return self }
        switch (storage, other.storage) {
        case (.sorted(let a), _):
            return IDSet(storage: .sorted(a.filter { !other.contains($0) }))
        case (.bitmap(var words, _), _):
            other.forEachWord { i, word in
                if i < words.count { words[i] &= ~word }
            }
            return IDSet(words: words)
        }
    }

    /// The ids of this set also in the stored list, read in place: each id
    /// is looked up by galloping forward from the previous one.
    package func intersection(_ postings: Postings) -> IDSet {
        switch storage {
        case .sorted(let ids):
            var out: [UInt32] = []
            var probe = PostingsProbe(postings)
            for id in ids where probe.contains(id) { out.append(id) }
            return IDSet(storage: .sorted(out))
        case .bitmap(let words, _):
            var result = [UInt64](repeating: 0, count: words.count)
            words.withUnsafeBufferPointer { words in
                result.withUnsafeMutableBufferPointer { result in
                    for i in 0..<postings.containerCount {
                        let c = postings.container(i)
                        let base = Int(c.high) << 10
                        guard base < words.count else { break }
                        if c.isBitmap {
                            for w in 0..<min(Postings.bitmapWords, words.count - base) {
                                result[base + w] = words[base + w] & postings.word(c, w)
                            }
                        } else {
                            for k in 0..<c.count {
                                let low = Int(postings.low(c, k))
                                let w = base + low >> 6
                                guard w < words.count else { break }
                                result[w] |= words[w] & (1 << UInt64(low & 63))
                            }
                        }
                    }
                }
            }
            return IDSet(words: result)
        }
    }

    /// The ids for which `keep` holds.
    package func filter(_ keep: (UInt32) throws -> Bool) rethrows -> IDSet {
        var out: [UInt32] = []
        try forEach { id in
            if try keep(id) { out.append(id) }
            return true
        }
        return IDSet(sorted: out)
    }

    // MARK: - Helpers

    private var isSorted: Bool {
        if case .sorted = storage { return true }
        return false
    }

    private func bitmapWords(minimumCount: Int) -> [UInt64] {
        switch storage {
        case .bitmap(let words, _): return words
        case .sorted(let ids):
            var words = [UInt64](repeating: 0, count: max(minimumCount, ids.last.map { Int($0) / 64 + 1 } ?? 0))
            for id in ids { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
            return words
        }
    }

    private func forEachWord(_ body: (Int, UInt64) -> Void) {
        switch storage {
        case .bitmap(let words, _):
            for (i, w) in words.enumerated() where w != 0 { body(i, w) }
        case .sorted(let ids):
            for id in ids { body(Int(id >> 6), 1 << UInt64(id & 63)) }
        }
    }

    /// Galloping when one side is much smaller, a linear merge otherwise.
    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var out: [UInt32] = []
        if small.isEmpty { return out }
        if small.count * 16 < large.count {
            var from = 0
            for id in small {
                from = large.gallop(to: id, from: from)
                if from == large.count { break }
                if large[from] == id { out.append(id) }
            }
            return out
        }
        var i = 0
        var j = 0
        while i < small.count, j < large.count {
            if small[i] < large[j] {
                i += 1
            } else if small[i] > large[j] {
                j += 1
            } else {
                out.append(small[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i >= a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }
}

/// Looks up ascending ids in a stored list, galloping forward from where
/// the last lookup ended, so probing k ids costs O(k log(n/k)).
package struct PostingsProbe {
    let postings: Postings
    var containerIndex = 0
    var position = 0

    package init(_ postings: Postings) { self.postings = postings }

    package mutating func contains(_ id: UInt32) -> Bool {
        let high = UInt16(truncatingIfNeeded: id >> 16)
        let low = UInt16(truncatingIfNeeded: id)
        if containerIndex < postings.containerCount, postings.container(containerIndex).high != high {
            let next = postings.containerIndex(atLeast: high, from: containerIndex)
            if next != containerIndex { position = 0 }
            containerIndex = next
        }
        guard containerIndex < postings.containerCount else { return false }
        let c = postings.container(containerIndex)
        guard c.high == high else { return false }
        if c.isBitmap { return postings.contains(low, in: c) }
        // Gallop: 1, 2, 4, … ahead until past `low`, then binary search.
        var step = 1
        var lo = position
        var hi = position
        while hi < c.count, postings.low(c, hi) < low {
            lo = hi + 1
            hi += step
            step *= 2
        }
        hi = min(hi, c.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if postings.low(c, mid) < low { lo = mid + 1 } else { hi = mid }
        }
        position = lo
        return lo < c.count && postings.low(c, lo) == low
    }
}

extension Array where Element == UInt32 {
    /// The first index at or after `from` whose element is not below `value`.
    func lowerBound(of value: UInt32, from: Int) -> Int {
        var lo = from
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Like `lowerBound`, but searching 1, 2, 4, … ahead first: cheap when
    /// the answer is near `from`.
    func gallop(to value: UInt32, from: Int) -> Int {
        var step = 1
        var lo = from
        var hi = from
        while hi < count, self[hi] < value {
            lo = hi + 1
            hi += step
            step *= 2
        }
        var h = Swift.min(hi, count)
        var l = lo
        while l < h {
            let mid = (l + h) / 2
            if self[mid] < value { l = mid + 1 } else { h = mid }
        }
        return l
    }
}
