import IsnadIndex
import SyntheticCorpus
import Testing

/// The postings codec and the id-set operations against plain sorted
/// arrays and Swift sets, on random lists of every density.
@Suite struct PostingsTests {
    /// Sparse, clustered, dense, across container boundaries, empty.
    static func randomList(_ random: inout SeededGenerator) -> [UInt32] {
        let shape = Int.random(in: 0..<6, using: &random)
        let universe = UInt32([1_000, 70_000, 300_000, 2_000_000][Int.random(in: 0..<4, using: &random)])
        let count: Int
        switch shape {
        case 0: return []
        case 1: count = Int.random(in: 1...20, using: &random)
        case 2: count = Int.random(in: 1...5_000, using: &random)
        case 3: count = min(Int(universe), 300_000) / Int.random(in: 2...10, using: &random)
        case 4: count = Int.random(in: 4_000...9_000, using: &random)
        default: count = min(Int(universe), 300_000) / 40
        }
        var set = Set<UInt32>()
        let span = count > 5_000 ? min(universe, 300_000) : universe
        while set.count < min(count, Int(span)) { set.insert(UInt32.random(in: 0..<span, using: &random)) }
        return set.sorted()
    }

    /// The positions of `id` through a reader (ids asked must ascend).
    static func positions(of id: UInt32, _ cursor: inout PositionsReader) -> [UInt32]? {
        guard let n = cursor.seek(id) else { return nil }
        var buffer = [UInt32](repeating: 0, count: n)
        return buffer.withUnsafeMutableBufferPointer { cursor.decode(n, into: $0) } ? buffer : nil
    }

    @Test func codecRoundTrips() {
        var random = SeededGenerator(state: 1)
        for _ in 0..<200 {
            let ids = PostingsTests.randomList(&random)
            let bytes = Postings.encode(sorted: ids)
            bytes.withUnsafeBytes { raw in
                guard let postings = Postings(raw) else {
                    Issue.record("a list of \(ids.count) ids did not decode")
                    return
                }
                #expect(postings.count == ids.count)
                #expect(postings.ids == ids)
                let set = Set(ids)
                for _ in 0..<200 {
                    let probe =
                        ids.isEmpty || Bool.random(using: &random)
                        ? UInt32.random(in: 0..<2_100_000, using: &random) : ids.randomElement(using: &random)!
                    #expect(postings.contains(probe) == set.contains(probe))
                }
            }
        }
    }

    /// Appending to a stored list copies its untouched containers: the
    /// bytes must be exactly those of encoding the whole list at once.
    @Test func appendingGivesTheBytesOfTheWholeList() {
        var random = SeededGenerator(state: 4)
        for _ in 0..<300 {
            let ids = PostingsTests.randomList(&random)
            guard !ids.isEmpty else { continue }
            let cut = Int.random(in: 0...ids.count, using: &random)
            let head = Array(ids[..<cut])
            let tail = Array(ids[cut...])
            let stored = Postings.encode(sorted: head)
            let appended = stored.withUnsafeBytes { raw -> [UInt8]? in
                guard let old = Postings(raw) else { return nil }
                #expect(old.lastID == head.last)
                return Postings.encode(appending: tail, to: old)
            }
            #expect(appended == Postings.encode(sorted: ids), "\(head.count) + \(tail.count) ids")
        }
    }

    @Test func damagedBytesAreRefusedNotRead() {
        var random = SeededGenerator(state: 2)
        for _ in 0..<300 {
            var bytes = Postings.encode(sorted: PostingsTests.randomList(&random))
            if bytes.isEmpty { continue }
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
            case 1: bytes[Int.random(in: 0..<min(bytes.count, 40), using: &random)] ^= 0xFF
            default: bytes = (0..<Int.random(in: 0..<64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            }
            // Either refused, or a list whose every read stays in bounds.
            bytes.withUnsafeBytes { raw in
                if let postings = Postings(raw) {
                    _ = postings.ids
                    _ = postings.contains(12345)
                }
            }
        }
    }

    @Test func setOperationsMatchSwiftSets() {
        var random = SeededGenerator(state: 3)
        for _ in 0..<300 {
            let a = PostingsTests.randomList(&random)
            let b = PostingsTests.randomList(&random)
            let x = IDSet(sorted: a)
            let y = IDSet(sorted: b)
            let sa = Set(a)
            let sb = Set(b)
            #expect(x.intersection(y).ids == sa.intersection(sb).sorted())
            #expect(x.union(y).ids == sa.union(sb).sorted())
            #expect(x.subtracting(y).ids == sa.subtracting(sb).sorted())
            #expect(x.count == a.count)
            for result in [x.intersection(y), x.union(y), x.subtracting(y)] {
                #expect(result.count == result.ids.count)
            }
            let stored = Postings.encode(sorted: b)
            stored.withUnsafeBytes { raw in
                guard let postings = Postings(raw) else { return }
                // Read in place: galloping probes for a sparse set, word
                // ANDs for a dense one.
                #expect(x.intersection(postings).ids == sa.intersection(sb).sorted())
                #expect(IDSet(postings).ids == b)
            }
        }
    }

    /// Ids handed over out of order or repeated (rows a `sort` reordered,
    /// a damaged column) make the same set as the sorted distinct ids: a
    /// dense list whose last id is not its largest used to be written into
    /// a bitmap sized by that last id, out of bounds.
    @Test func idsInAnyOrderMakeTheSameSet() {
        var random = SeededGenerator(state: 9)
        var lists: [[UInt32]] = [Array(0..<100).reversed(), [5, 3, 3, 1] + Array(10..<80), Array(0..<65) + [2, 0]]
        for _ in 0..<100 { lists.append(PostingsTests.randomList(&random)) }
        for (n, list) in lists.enumerated() {
            var given = list.shuffled(using: &random)
            if n % 2 == 0 { given += given.prefix(n % 7) }
            let expected = Set(given).sorted()
            for set in [IDSet(sorted: given), IDSet(unordered: given)] {
                #expect(set.ids == expected)
                #expect(set.count == expected.count)
                #expect(set == IDSet(sorted: expected))
                if let some = given.first { #expect(set.contains(some)) }
            }
        }
    }

    /// A bitmap result is read out as sorted ids until it holds one id in
    /// 32 of its span; past that it is counted instead. Results on either
    /// side of that line, and on it, keep every id and the right count.
    @Test func bitmapResultsNearTheSortedLimit() {
        var random = SeededGenerator(state: 5)
        let span = 6_400  // 100 words: the line is at 200 ids
        let all = IDSet(sorted: (0..<UInt32(span)).map { $0 })
        for wanted in [1, 2, 150, 199, 200, 201, 260, 3_000] {
            var chosen: Set<UInt32> = [UInt32(span - 1)]
            while chosen.count < wanted { chosen.insert(UInt32.random(in: 0..<UInt32(span), using: &random)) }
            let expected = chosen.sorted()
            // Dense enough to be held as a bitmap, then thinned by an AND.
            let padded = IDSet(sorted: Set(expected + (0..<UInt32(span)).filter { $0 % 3 == 0 }).sorted())
            let result = padded.intersection(all).subtracting(
                IDSet(
                    sorted: (0..<UInt32(span)).filter {
                        $0 % 3 == 0 && !chosen.contains($0)
                    }))
            #expect(result.ids == expected, "\(wanted) ids")
            #expect(result.count == wanted)
            #expect(result == IDSet(sorted: expected))
        }
    }

    @Test func manyListsUniteAtOnce() {
        var random = SeededGenerator(state: 4)
        for _ in 0..<30 {
            let lists = (0..<Int.random(in: 0..<12, using: &random)).map { _ in PostingsTests.randomList(&random) }
            let encoded = lists.map { Postings.encode(sorted: $0) }
            var expected = Set<UInt32>()
            for list in lists { expected.formUnion(list) }
            let buffers = encoded.map { bytes -> UnsafeMutableRawBufferPointer in
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
                buffer.copyBytes(from: bytes)
                return buffer
            }
            defer { buffers.forEach { $0.deallocate() } }
            let views = zip(buffers, encoded).compactMap { buffer, bytes in
                Postings(UnsafeRawBufferPointer(rebasing: buffer[..<bytes.count]))
            }
            #expect(IDSet.union(views).ids == expected.sorted())
        }
    }

    @Test func mergeAppliesAdditionsAndRemovals() {
        var random = SeededGenerator(state: 5)
        for _ in 0..<300 {
            let old = PostingsTests.randomList(&random)
            let added = PostingsTests.randomList(&random)
            let removed = PostingsTests.randomList(&random)
            let expected = Set(old).union(added).subtracting(removed).sorted()
            #expect(PostingsMerge.apply(old: old, added: added, removed: removed) == expected)
        }
    }

    @Test func positionsRoundTripAndSkip() {
        var random = SeededGenerator(state: 6)
        for _ in 0..<50 {
            let ids = PostingsTests.randomList(&random)
            let entries = ids.map { id in
                (id: id, positions: (0..<Int.random(in: 1...5, using: &random)).map { UInt32($0 * 3) })
            }
            let bytes = Positions.encode(entries)
            let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.positions) })
            bytes.withUnsafeBytes { raw in
                guard let positions = Positions(raw) else {
                    Issue.record("positions of \(ids.count) ids did not decode")
                    return
                }
                #expect(positions.entries.map(\.id) == ids)
                // Ask for a random ascending subset, with absent ids between.
                var cursor = PositionsReader(positions)
                let wanted = Set(ids.filter { _ in Int.random(in: 0..<7, using: &random) == 0 })
                var asked = Array(wanted)
                for _ in 0..<20 { asked.append(UInt32.random(in: 0..<2_000_000, using: &random)) }
                for id in Set(asked).sorted() {
                    #expect(PostingsTests.positions(of: id, &cursor) == byID[id])
                }
            }
        }
    }
}

/// Phrase matching over stored positions against a brute-force check of
/// the same entries: words repeated in the phrase, candidates a word lacks,
/// entries with many positions.
@Suite struct PhraseTests {
    @Test func phraseFilterAgreesWithBruteForce() {
        var random = SeededGenerator(state: 9)
        // Every second round is a phrase of two different words, which has
        // its own loop (mostly one position an entry).
        for round in 0..<120 {
            let pair = round % 2 == 0
            let words = pair ? 2 : Int.random(in: 1...3, using: &random)
            var entries: [[(id: UInt32, positions: [UInt32])]] = []
            for _ in 0..<words {
                var list: [(id: UInt32, positions: [UInt32])] = []
                for id in UInt32(0)..<300 where Int.random(in: 0..<3, using: &random) > 0 {
                    let many = Int.random(in: 0..<20, using: &random) == 0 ? 40 : 3
                    let positions = Set(
                        (0..<Int.random(in: 1...many, using: &random)).map { _ in
                            UInt32.random(in: 0..<12, using: &random)
                        }
                    ).sorted()
                    list.append((id, positions))
                }
                entries.append(list)
            }
            let length = Int.random(in: 2...4, using: &random)
            let slots = pair ? [0, 1] : (0..<length).map { _ in Int.random(in: 0..<words, using: &random) }
            let candidates = (UInt32(0)..<300).filter { _ in Int.random(in: 0..<2, using: &random) == 0 }
            let maps = entries.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.id, $0.positions) }) }
            let expected = candidates.filter { id in
                guard let starts = maps[slots[0]][id] else { return false }
                return starts.contains { start in
                    slots.indices.allSatisfy { i in maps[slots[i]][id]?.contains(start + UInt32(i)) ?? false }
                }
            }
            // Each word's entries stored in one to three chunks.
            let chunked = entries.map { list -> [[(id: UInt32, positions: [UInt32])]] in
                let cuts = (0..<Int.random(in: 0...2, using: &random)).map { _ in Int.random(in: 0...list.count, using: &random) }
                let bounds = [0] + cuts.sorted() + [list.count]
                return (0..<bounds.count - 1).map { Array(list[bounds[$0]..<bounds[$0 + 1]]) }.filter { !$0.isEmpty }
            }
            let found = StoredChunks.with(chunked.map { $0.map { Positions.encode($0) } }) { words in
                let lists = words.map { chunks in
                    chunks.isEmpty ? PositionList(joining: [])! : PositionList(joining: chunks.compactMap { Positions($0) })!
                }
                return Phrase.filter(IDSet(sorted: candidates), positions: lists, slots: slots, shouldStop: {}).ids
            }
            let missing = expected.filter { !found.contains($0) }.map { id in maps.map { $0[id] ?? [] } }
            #expect(found == expected, "slots \(slots) missing \(missing)")
        }
    }
}

@Suite struct PositionsAppendTests {
    @Test func appendingGivesTheBytesOfTheWholeList() {
        var random = SeededGenerator(state: 5)
        for _ in 0..<200 {
            var entries: [(id: UInt32, positions: [UInt32])] = []
            var id: UInt32 = UInt32.random(in: 0..<100, using: &random)
            for _ in 0..<Int.random(in: 1..<400, using: &random) {
                id += UInt32.random(in: 1..<(Bool.random(using: &random) ? 3 : 5_000), using: &random)
                var p: UInt32 = 0
                let positions = (0..<Int.random(in: 1..<6, using: &random)).map { _ in
                    p += UInt32.random(in: 0..<300, using: &random) + (p == 0 ? 0 : 1)
                    return p
                }
                entries.append((id, positions))
            }
            let cut = Int.random(in: 0...entries.count, using: &random)
            let runs = entries[cut...].flatMap { [$0.id, UInt32($0.positions.count)] + $0.positions }
            let whole = Positions.encode(entries)
            let appended: [UInt8]
            if cut == 0 {
                appended = Positions.encode(appending: runs, to: nil)
            } else {
                let stored = Positions.encode(Array(entries[..<cut]))
                appended = stored.withUnsafeBytes { raw in
                    guard let old = Positions(raw) else { return [] }
                    #expect(old.lastID == entries[cut - 1].id)
                    return Positions.encode(appending: runs, to: old)
                }
            }
            #expect(appended == whole, "\(cut) of \(entries.count) entries stored")
        }
    }

    /// Chunks as stores before format 6 wrote them (every entry with its
    /// position count, nothing packed) read as they were; appending to one
    /// writes it packed, as a packed chunk of all the entries would be.
    @Test func unpackedChunksStillRead() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var entries: [(id: UInt32, positions: [UInt32])] = []
            var id: UInt32 = 0
            for _ in 0..<Int.random(in: 1..<300, using: &random) {
                id += UInt32.random(in: 1..<2_000, using: &random)
                // Quotes are short: most first positions fit the packed byte.
                var p = UInt32.random(in: 0..<40, using: &random)
                entries.append(
                    (
                        id,
                        [p]
                            + (1..<Int.random(in: 1..<5, using: &random)).map { _ in
                                p += UInt32.random(in: 1..<200, using: &random)
                                return p
                            }
                    ))
            }
            let unpacked = Self.unpacked(entries)
            let packed = Positions.encode(entries)
            // One byte less an entry of one position; no more for the others.
            let singles = entries.filter { $0.positions.count == 1 }.count
            #expect(packed.count <= unpacked.count - singles)
            unpacked.withUnsafeBytes { raw in
                guard let old = Positions(raw) else {
                    Issue.record("unpacked chunk refused")
                    return
                }
                #expect(old.entries.map(\.id) == entries.map(\.id))
                #expect(old.entries.map(\.positions) == entries.map(\.positions))
                // Seeking every other id, as a phrase check does.
                var reader = PositionsReader(old)
                for (k, entry) in entries.enumerated() where k % 2 == 1 {
                    #expect(reader.seek(entry.id) == entry.positions.count)
                    var out = [UInt32](repeating: 0, count: entry.positions.count)
                    #expect(out.withUnsafeMutableBufferPointer { reader.decode(entry.positions.count, into: $0) })
                    #expect(out == entry.positions)
                }
                let more: [(id: UInt32, positions: [UInt32])] = [(id + 5, [3]), (id + 9, [1, 4, 70])]
                let runs = more.flatMap { [$0.id, UInt32($0.positions.count)] + $0.positions }
                #expect(Positions.encode(appending: runs, to: old) == Positions.encode(entries + more))
            }
        }
    }

    /// The layout before format 6: count, then every position as a delta.
    static func unpacked(_ entries: [(id: UInt32, positions: [UInt32])]) -> [UInt8] {
        func varint(_ value: UInt32, _ out: inout [UInt8]) {
            var v = value
            while v >= 0x80 {
                out.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }
        func u32(_ v: UInt32, _ out: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        let blocks = (entries.count + 63) / 64
        var data: [UInt8] = []
        var directory: [(UInt32, Int)] = []
        var previous: UInt32 = 0
        for (k, entry) in entries.enumerated() {
            if k % 64 == 0 {
                directory.append((entry.id, 8 + blocks * 8 + data.count))
                previous = entry.id
            }
            varint(entry.id - previous, &data)
            previous = entry.id
            varint(UInt32(entry.positions.count), &data)
            var last: UInt32 = 0
            for p in entry.positions {
                varint(p - last, &data)
                last = p
            }
        }
        var out: [UInt8] = []
        u32(UInt32(entries.count), &out)
        u32(UInt32(blocks), &out)
        for (first, offset) in directory {
            u32(first, &out)
            u32(UInt32(offset), &out)
        }
        return out + data
    }
}

/// Encoded chunks copied to memory that stays put while `body` reads them,
/// as the memory map does for stored ones.
enum StoredChunks {
    static func with<R>(_ lists: [[[UInt8]]], _ body: ([[UnsafeRawBufferPointer]]) throws -> R) rethrows -> R {
        let buffers = lists.map { list in
            list.map { bytes -> UnsafeMutableRawBufferPointer in
                let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
                raw.copyBytes(from: bytes)
                return UnsafeMutableRawBufferPointer(rebasing: raw[0..<bytes.count])
            }
        }
        defer { for list in buffers { for raw in list { raw.deallocate() } } }
        return try body(buffers.map { $0.map { UnsafeRawBufferPointer($0) } })
    }
}

/// Lists stored in chunks (ListChunks.swift), read back whole.
@Suite struct ChunkedListTests {
    /// `ids` cut at random container boundaries.
    static func chunks(_ ids: [UInt32], _ random: inout SeededGenerator) -> [[UInt32]] {
        var out: [[UInt32]] = [[]]
        for (i, id) in ids.enumerated() {
            if i > 0, id >> 16 != ids[i - 1] >> 16, Bool.random(using: &random) { out.append([]) }
            out[out.count - 1].append(id)
        }
        return out
    }

    @Test func joinedChunksAreTheWholeList() {
        var random = SeededGenerator(state: 12)
        var split = 0
        for _ in 0..<200 {
            let ids = PostingsTests.randomList(&random)
            let parts = ChunkedListTests.chunks(ids, &random)
            if parts.count > 1 { split += 1 }
            StoredChunks.with([parts.map { Postings.encode(sorted: $0) }]) { lists in
                let chunks = lists[0].compactMap { Postings($0) }
                #expect(chunks.count == parts.count)
                guard let joined = Postings.joined(chunks) else {
                    Issue.record("\(parts.count) chunks of \(ids.count) ids did not join")
                    return
                }
                #expect(joined.count == ids.count)
                #expect(joined.ids == ids)
                #expect(IDSet(joined).ids == ids)
                if let id = ids.randomElement(using: &random) { #expect(joined.contains(id)) }
                // Chunks out of order are a damaged list, not a wrong one.
                if chunks.filter({ $0.count > 0 }).count > 1 {
                    #expect(Postings.joined(chunks.reversed()) == nil)
                }
            }
        }
        #expect(split > 50)
    }

    @Test func positionsReadAcrossChunks() {
        var random = SeededGenerator(state: 13)
        for _ in 0..<60 {
            let ids = PostingsTests.randomList(&random)
            let entries = ids.map { id in
                (id: id, positions: (0..<Int.random(in: 1...4, using: &random)).map { UInt32($0 * 2 + 1) })
            }
            let parts = ChunkedListTests.chunks(ids, &random).filter { !$0.isEmpty }
            var start = 0
            let encoded = parts.map { part -> [UInt8] in
                defer { start += part.count }
                return Positions.encode(Array(entries[start..<start + part.count]))
            }
            let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.positions) })
            StoredChunks.with([encoded]) { lists in
                guard let list = PositionList(joining: lists[0].compactMap { Positions($0) }) else {
                    Issue.record("\(parts.count) chunks did not join")
                    return
                }
                #expect(list.count == ids.count)
                #expect(list.entries.map(\.id) == ids)
                #expect(list.entries.map(\.positions) == entries.map(\.positions))
                var cursor = PositionsReader(list)
                var asked = ids.filter { _ in Int.random(in: 0..<5, using: &random) == 0 }
                for _ in 0..<30 { asked.append(UInt32.random(in: 0..<2_000_000, using: &random)) }
                for id in Set(asked).sorted() {
                    #expect(
                        PostingsTests.positions(of: id, &cursor) == byID[id],
                        "id \(id) of \(ids.count) in \(parts.count) chunks")
                }
                if parts.count > 1 {
                    #expect(PositionList(joining: lists[0].compactMap { Positions($0) }.reversed()) == nil)
                }
            }
        }
    }
}
