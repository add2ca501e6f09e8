import IsnadVocabulary
import SyntheticCorpus
import Testing

@testable import IsnadStore

@Suite struct KeyEncodingTests {
    private func lexicographicallyLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.lexicographicallyPrecedes(b)
    }

    @Test(arguments: 0..<5) func integerOrderIsByteOrder(seed: Int) {
        // (The state one step before the seed's, as the generator here was seeded.)
        var rng = SeededGenerator(state: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2000 {
            let a = Int64(bitPattern: rng.next()) >> Int64(rng.next() % 60)
            let b = Int64(bitPattern: rng.next()) >> Int64(rng.next() % 60)
            var ka = KeyBuilder()
            var kb = KeyBuilder()
            ka.append(a)
            kb.append(b)
            #expect(lexicographicallyLess(ka.bytes, kb.bytes) == (a < b), "\(a) vs \(b)")
            let a32 = Int32(truncatingIfNeeded: a)
            let b32 = Int32(truncatingIfNeeded: b)
            var ka32 = KeyBuilder()
            var kb32 = KeyBuilder()
            ka32.append(a32)
            kb32.append(b32)
            #expect(lexicographicallyLess(ka32.bytes, kb32.bytes) == (a32 < b32))
            let u = UInt32(truncatingIfNeeded: rng.next())
            let v = UInt32(truncatingIfNeeded: rng.next())
            var ku = KeyBuilder()
            var kv = KeyBuilder()
            ku.append(u)
            kv.append(v)
            #expect(lexicographicallyLess(ku.bytes, kv.bytes) == (u < v))
        }
    }

    @Test func compositeKeysOrderByTheirParts() {
        let strings = ["", "a", "ab", "abc", "a\u{0}b", "a\u{0}", "b", "كيربي", "Kirby", "z\u{0}\u{0}"]
        for s in strings {
            for t in strings {
                for (x, y) in [(UInt32(1), UInt32(2)), (UInt32(2), UInt32(1)), (UInt32(5), UInt32(5))] {
                    var ka = KeyBuilder()
                    var kb = KeyBuilder()
                    ka.append(s)
                    ka.append(x)
                    kb.append(t)
                    kb.append(y)
                    let expected =
                        Array(s.utf8).lexicographicallyPrecedes(Array(t.utf8))
                        || (s == t && x < y)
                    #expect(lexicographicallyLess(ka.bytes, kb.bytes) == expected, "\(s)/\(x) vs \(t)/\(y)")
                }
            }
        }
    }

    @Test func readerGivesBackWhatBuilderWrote() {
        var key = KeyBuilder()
        key.append("قال\u{0}x")
        key.append(UInt32(7))
        key.append(Int32(-3))
        key.append(day: DayNumber(year: 2022, month: 10, day: 5)!)
        key.append(UInt64.max)
        key.append(UInt16(513))
        key.append("")
        key.bytes.withUnsafeBytes { buffer in
            var reader = KeyReader(buffer)
            #expect(reader.readString() == "قال\u{0}x")
            #expect(reader.readUInt32() == 7)
            #expect(reader.readInt32() == -3)
            #expect(reader.readDay() == DayNumber(year: 2022, month: 10, day: 5))
            #expect(reader.readUInt64() == UInt64.max)
            #expect(reader.readUInt16() == 513)
            #expect(reader.readString() == "")
            #expect(reader.isAtEnd)
            #expect(reader.readUInt32() == nil, "reading past the end is nil, not a crash")
        }
        // A string without its terminator is malformed.
        [UInt8](arrayLiteral: 0x61, 0x62).withUnsafeBytes { buffer in
            var reader = KeyReader(buffer)
            #expect(reader.readString() == nil)
        }
    }

    @Test func dayNumbers() {
        #expect(DayNumber(year: 1970, month: 1, day: 1)?.rawValue == 0)
        #expect(DayNumber(year: 2000, month: 3, day: 1)?.rawValue == 11_017)
        #expect(DayNumber(year: 1969, month: 12, day: 31)?.rawValue == -1)
        #expect(DayNumber(year: 2024, month: 2, day: 29) != nil)
        #expect(DayNumber(year: 2023, month: 2, day: 29) == nil)
        #expect(DayNumber(year: 2022, month: 13, day: 1) == nil)
        #expect(DayNumber(year: 2022, month: 4, day: 31) == nil)
        // Every day from 1900 to 2100 round-trips and follows the previous.
        var previous: DayNumber?
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...DayNumber.daysIn(month: month, year: year) {
                    guard let n = DayNumber(year: year, month: month, day: day) else {
                        Issue.record("\(year)-\(month)-\(day) rejected")
                        return
                    }
                    let back = n.date
                    #expect(back.year == year && back.month == month && back.day == day)
                    if let previous { #expect(n.rawValue == previous.rawValue + 1) }
                    previous = n
                }
            }
        }
    }
}

@Suite struct ChecksumTests {
    /// The check value of CRC-32C (RFC 3720, B.4), and the same in parts.
    @Test func crc32cOfTheStandardInput() {
        let input = Array("123456789".utf8)
        #expect(CRC32C.checksum(input) == 0xE306_9283)
        let parts = input.withUnsafeBytes { all in
            CRC32C.update(CRC32C.update(0, UnsafeRawBufferPointer(rebasing: all[..<5])), UnsafeRawBufferPointer(rebasing: all[5...]))
        }
        #expect(parts == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }
}

extension ChecksumTests {
    /// The processor's CRC-32C (where there is one) and the table agree,
    /// at every length and alignment.
    @Test func hardwareAndTableAgree() {
        var bytes = [UInt8](repeating: 0, count: 300)
        var x: UInt32 = 2_463_534_242
        for i in bytes.indices {
            x ^= x << 13
            x ^= x >> 17
            x ^= x << 5
            bytes[i] = UInt8(truncatingIfNeeded: x)
        }
        bytes.withUnsafeBytes { all in
            for start in 0..<9 {
                for end in stride(from: start, through: all.count, by: 7) {
                    let part = UnsafeRawBufferPointer(rebasing: all[start..<end])
                    #expect(CRC32C.update(7, part) == CRC32C.software(7, part), "\(start)..<\(end)")
                }
            }
        }
    }
}
