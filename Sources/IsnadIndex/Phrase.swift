/// Phrase matching over stored positions, kept in this module so that the
/// loop over candidates, the varint decoding and the position test compile
/// into one piece (across modules each step was a call, and the position
/// arrays paid for growth and uniqueness checks on every statement).
package enum Phrase {
    /// The ids of `candidates` where word i of the phrase stands at
    /// start + i for some start. `positions` holds one list per distinct
    /// word; word i of the phrase is `positions[slots[i]]`. `shouldStop`
    /// is asked every 4,096 candidates.
    package static func filter(_ candidates: IDSet, positions: [Positions], slots: [Int],
                               shouldStop: () throws -> Void) rethrows -> IDSet {
        guard let first = slots.first, slots.allSatisfy({ $0 >= 0 && $0 < positions.count }) else { return .empty }
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

    /// Whether some start in the first word's positions has word i at
    /// start + i for every i (each list is ascending and short).
    @inline(__always)
    static func holds(_ found: [[UInt32]], _ counts: [Int], slots: [Int], first: Int) -> Bool {
        let starts = found[first]
        for s in 0..<counts[first] {
            let start = starts[s]
            var all = true
            for i in 1..<slots.count {
                let list = found[slots[i]], want = start &+ UInt32(i)
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
