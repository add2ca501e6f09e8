/// Phrase matching over stored positions, kept in this module so that the
/// loop over candidates, the varint decoding and the position test compile
/// into one piece (across modules each step was a call, and the position
/// arrays paid for growth and uniqueness checks on every statement).
package enum Phrase {
    /// The ids of `candidates` where word i of the phrase stands at
    /// start + i for some start. `positions` holds one list per distinct
    /// word; word i of the phrase is `positions[slots[i]]`. `shouldStop`
    /// is asked every 4,096 candidates.
    package static func filter(
        _ candidates: IDSet, positions: [PositionList], slots: [Int],
        shouldStop: () throws -> Void
    ) rethrows -> IDSet {
        guard let first = slots.first, slots.allSatisfy({ $0 >= 0 && $0 < positions.count }) else { return .empty }
        if slots.count == 2, slots[0] != slots[1] {
            return try pair(candidates, positions[slots[0]], positions[slots[1]], shouldStop: shouldStop)
        }
        var cursors = positions.map(PositionsReader.init)
        let used = positions.indices.filter(slots.contains)
        // Each distinct word's positions in the current statement, in
        // buffers reused from statement to statement.
        var found = [[UInt32]](repeating: [UInt32](repeating: 0, count: 16), count: positions.count)
        var counts = [Int](repeating: 0, count: positions.count)
        var kept: [UInt32] = []
        var seen = 0
        candidate: for id in candidates.ids {
            if seen & 4095 == 0 { try shouldStop() }
            seen += 1
            for k in used {
                guard let n = cursors[k].seek(id) else { continue candidate }
                if n > found[k].count { found[k] = [UInt32](repeating: 0, count: n) }
                let ok = found[k].withUnsafeMutableBufferPointer { cursors[k].decode(n, into: $0) }
                guard ok else { continue candidate }
                counts[k] = n
            }
            if holds(found, counts, slots: slots, first: first) { kept.append(id) }
        }
        return IDSet(sorted: kept)
    }

    /// Two different words, the usual phrase: both cursors and both
    /// position buffers are locals the loop keeps in registers, and an
    /// entry with one position each (most of them) is checked without
    /// buffers at all. Through the arrays of the general case every step
    /// reloaded its cursor from memory.
    static func pair(
        _ candidates: IDSet, _ first: PositionList, _ second: PositionList,
        shouldStop: () throws -> Void
    ) rethrows -> IDSet {
        var a = PositionsReader(first)
        var b = PositionsReader(second)
        var capacity = 64
        var starts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        var nexts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        defer {
            starts.deallocate()
            nexts.deallocate()
        }
        var kept: [UInt32] = []
        kept.reserveCapacity(candidates.count)
        // A plain loop over the ids, not a closure: captured by a closure,
        // the two readers lived in memory and every header step stored them.
        let ids = candidates.ids
        for (seen, id) in ids.enumerated() {
            if seen & 4095 == 0 { try shouldStop() }
            guard let na = a.seek(id), let nb = b.seek(id) else { continue }
            if na == 1, nb == 1 {
                guard let p = a.single(), let q = b.single() else { continue }
                if q == p &+ 1 { kept.append(id) }
                continue
            }
            if max(na, nb) > capacity {
                capacity = max(na, nb)
                starts.deallocate()
                nexts.deallocate()
                starts = .allocate(capacity: capacity)
                nexts = .allocate(capacity: capacity)
            }
            guard a.decode(na, into: starts), b.decode(nb, into: nexts) else { continue }
            // Both ascending: one pass finds a start whose next word follows it.
            var j = 0
            for i in 0..<na {
                let want = starts[i] &+ 1
                while j < nb, nexts[j] < want { j += 1 }
                if j == nb { break }
                if nexts[j] == want {
                    kept.append(id)
                    break
                }
            }
        }
        return IDSet(sorted: kept)
    }

    /// Whether some start in the first word's positions has word i at
    /// start + i for every i (each list is ascending and short).
    @inline(__always)
    static func holds(_ found: [[UInt32]], _ counts: [Int], slots: [Int], first: Int) -> Bool {
        let starts = found[first]
        for s in 0..<counts[first] {
            let start = starts[s]
            var all = true
            for i in 1..<slots.count {
                let list = found[slots[i]]
                let want = start &+ UInt32(i)
                var hit = false
                for j in 0..<counts[slots[i]] where list[j] >= want {
                    hit = list[j] == want
                    break
                }
                if !hit {
                    all = false
                    break
                }
            }
            if all { return true }
        }
        return false
    }
}
