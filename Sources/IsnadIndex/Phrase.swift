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
        var cursors = positions.map(Cursor.init)
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

    /// Walks one word's entries forward, in the layout of ``Positions``.
    package struct Cursor {
        let positions: Positions
        let end: Int
        var offset = 0
        /// Entries whose header was read so far.
        var index = 0
        var previous: UInt32 = 0
        /// Position varints of the last header read and not yet consumed.
        var unread = 0

        package init(_ positions: Positions) {
            self.positions = positions
            end = positions.bytes.count
        }

        @inline(__always)
        mutating func varint() -> UInt32? {
            guard offset < end else { return nil }
            let b = positions.bytes[offset]
            offset += 1
            if b < 0x80 { return UInt32(b) }
            var value = UInt32(b & 0x7F), shift: UInt32 = 7
            while offset < end, shift < 35 {
                let byte = positions.bytes[offset]
                offset += 1
                value |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        @inline(__always)
        mutating func skipUnread() {
            while unread > 0, offset < end {
                if positions.bytes[offset] < 0x80 { unread -= 1 }
                offset += 1
            }
        }

        /// Moves to the entry of `id` and returns its position count, or nil
        /// when the word has no entry for `id` (ids asked must ascend).
        @inline(__always)
        package mutating func seek(_ id: UInt32) -> Int? {
            if index > 0, previous == id, unread > 0 { return unread }
            if index > 0, previous > id { return nil }
            skipUnread()
            // Jump over whole blocks that end before `id`.
            let blockSize = Positions.blockSize
            var b = index / blockSize
            if b + 1 < positions.blockCount, positions.block(b + 1).first <= id {
                while b + 1 < positions.blockCount, positions.block(b + 1).first <= id { b += 1 }
                index = b * blockSize
            }
            while index < positions.count {
                if index % blockSize == 0 {
                    let block = positions.block(index / blockSize)
                    offset = block.offset
                    previous = block.first
                }
                guard let delta = varint(), let n = varint(), n <= 1 << 16 else {
                    index = positions.count
                    return nil
                }
                previous &+= delta
                index += 1
                unread = Int(n)
                if previous == id { return Int(n) }
                if previous > id { return nil }
                skipUnread()
            }
            return nil
        }

        /// Decodes the `n` positions of the entry `seek` stopped at.
        @inline(__always)
        package mutating func decode(_ n: Int, into out: UnsafeMutableBufferPointer<UInt32>) -> Bool {
            var p: UInt32 = 0
            unread = 0
            for k in 0..<n {
                guard let d = varint() else { return false }
                p &+= d
                out[k] = p
            }
            return true
        }
    }
}
