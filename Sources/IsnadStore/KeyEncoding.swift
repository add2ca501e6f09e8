import IsnadVocabulary

/// Builds keys whose unsigned byte order equals the order of the values they
/// encode, so LMDB's cursors scan them in value order.
///
/// - Unsigned integers: big-endian, fixed width.
/// - Signed integers and day numbers: big-endian with the sign bit flipped,
///   so negative values sort before positive ones.
/// - Strings: UTF-8 with each 0x00 written as 0x00 0xFF and a 0x00 0x01
///   terminator, so that in a composite key `"ab" + x` sorts before
///   `"abc" + y` exactly as "ab" < "abc".
///
/// ```swift
/// var key = KeyBuilder()
/// key.append(actorID)
/// key.append(day: DayNumber(year: 2022, month: 10, day: 5))
/// try txn.put(value, for: key.bytes, in: db)
/// ```
package struct KeyBuilder: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package init(capacity: Int) { bytes.reserveCapacity(capacity) }

    package mutating func append(_ value: UInt8) { bytes.append(value) }

    package mutating func append(_ value: UInt16) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ value: Int32) {
        append(UInt32(bitPattern: value) ^ 0x8000_0000)
    }

    package mutating func append(_ value: Int64) {
        append(UInt64(bitPattern: value) ^ 0x8000_0000_0000_0000)
    }

    package mutating func append(day: DayNumber) { append(day.rawValue) }

    /// Appends a string that may be followed by more key parts.
    package mutating func append(_ string: String) {
        for byte in string.utf8 {
            bytes.append(byte)
            if byte == 0 { bytes.append(0xFF) }
        }
        bytes.append(0x00)
        bytes.append(0x01)
    }

    /// Appends raw bytes as the last part of a key (no terminator).
    package mutating func append(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }
}

/// Reads back the parts a ``KeyBuilder`` wrote, in the same order.
/// Every read returns `nil` when the bytes run out or are malformed.
package struct KeyReader {
    private let bytes: UnsafeRawBufferPointer
    package private(set) var offset = 0

    package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    package var isAtEnd: Bool { offset >= bytes.count }

    private mutating func fixed<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value: T = 0
        for i in 0..<size { value = value << 8 | T(bytes[offset + i]) }
        offset += size
        return value
    }

    package mutating func readUInt8() -> UInt8? { fixed(UInt8.self) }
    package mutating func readUInt16() -> UInt16? { fixed(UInt16.self) }
    package mutating func readUInt32() -> UInt32? { fixed(UInt32.self) }
    package mutating func readUInt64() -> UInt64? { fixed(UInt64.self) }
    package mutating func readInt32() -> Int32? { fixed(UInt32.self).map { Int32(bitPattern: $0 ^ 0x8000_0000) } }
    package mutating func readInt64() -> Int64? {
        fixed(UInt64.self).map { Int64(bitPattern: $0 ^ 0x8000_0000_0000_0000) }
    }
    package mutating func readDay() -> DayNumber? { readInt32().map(DayNumber.init(rawValue:)) }

    package mutating func readString() -> String? {
        var out: [UInt8] = []
        var i = offset
        while i + 1 < bytes.count {
            let b = bytes[i]
            if b == 0 {
                switch bytes[i + 1] {
                case 0x01:
                    offset = i + 2
                    return String(decoding: out, as: UTF8.self)
                case 0xFF:
                    out.append(0)
                    i += 2
                    continue
                default:
                    return nil
                }
            }
            out.append(b)
            i += 1
        }
        return nil
    }

    /// The bytes not read yet.
    package mutating func readRest() -> UnsafeRawBufferPointer {
        defer { offset = bytes.count }
        return UnsafeRawBufferPointer(rebasing: bytes[min(offset, bytes.count)...])
    }
}
