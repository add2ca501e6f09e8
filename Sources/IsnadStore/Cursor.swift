internal import CLMDB
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a scan callback wants next.
package enum IterationStep: Sendable {
    case next
    case stop
}

/// A range of keys under the unsigned-byte order LMDB sorts by.
package struct KeyRange: Sendable {
    package enum Bound: Sendable {
        case unbounded
        case inclusive([UInt8])
        case exclusive([UInt8])
    }

    package var lower: Bound
    package var upper: Bound

    package init(lower: Bound = .unbounded, upper: Bound = .unbounded) {
        self.lower = lower
        self.upper = upper
    }

    package static let all = KeyRange()

    /// `from...through`, both ends included.
    package static func closed(_ from: [UInt8], _ through: [UInt8]) -> KeyRange {
        KeyRange(lower: .inclusive(from), upper: .inclusive(through))
    }

    /// Every key that starts with `prefix`.
    package static func prefix(_ prefix: [UInt8]) -> KeyRange {
        // The smallest key above all keys with the prefix: drop trailing 0xFF
        // bytes and increment the last remaining one. None exists when the
        // prefix is all 0xFF (or empty), and the range is then unbounded.
        var end = prefix
        while let last = end.last, last == 0xFF { end.removeLast() }
        guard !end.isEmpty else { return KeyRange(lower: .inclusive(prefix)) }
        end[end.count - 1] += 1
        return KeyRange(lower: .inclusive(prefix), upper: .exclusive(end))
    }

    func isAboveLower(_ key: UnsafeRawBufferPointer) -> Bool {
        switch lower {
        case .unbounded: true
        case .inclusive(let bound): compareKeys(key, bound) >= 0
        case .exclusive(let bound): compareKeys(key, bound) > 0
        }
    }

    func isBelowUpper(_ key: UnsafeRawBufferPointer) -> Bool {
        switch upper {
        case .unbounded: true
        case .inclusive(let bound): compareKeys(key, bound) <= 0
        case .exclusive(let bound): compareKeys(key, bound) < 0
        }
    }
}

/// LMDB's default key order: memcmp over the common length, shorter first.
func compareKeys(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
    b.withUnsafeBytes { b in
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmp(pa, pb, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }
}

/// A position in a database, valid only inside the closure of
/// ``ReadableTransaction/withCursor(on:_:)``.
///
/// Moves return the entry they land on, or `nil` when there is none.
package struct Cursor: ~Copyable {
    let handle: OpaquePointer
    let database: Database
    let state: TransactionState?

    private func move(
        _ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil,
        value: UnsafeRawBufferPointer? = nil
    ) throws -> Entry? {
        var k = key.map(MDB_val.init) ?? MDB_val()
        var v = value.map(MDB_val.init) ?? MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get in '\(database.name)'")
        return Entry(key: k.bytes, value: v.bytes)
    }

    package func first() throws -> Entry? { try move(MDB_FIRST) }
    package func last() throws -> Entry? { try move(MDB_LAST) }
    package func next() throws -> Entry? { try move(MDB_NEXT) }
    package func previous() throws -> Entry? { try move(MDB_PREV) }
    package func current() throws -> Entry? { try move(MDB_GET_CURRENT) }

    /// The first entry whose key is at least `key`.
    package func seek(atLeast key: some ContiguousBytes) throws -> Entry? {
        try key.withUnsafeBytes { try move(MDB_SET_RANGE, key: $0) }
    }

    /// The entry whose key is exactly `key` (its first duplicate).
    package func seek(exactly key: some ContiguousBytes) throws -> Entry? {
        try key.withUnsafeBytes { try move(MDB_SET_KEY, key: $0) }
    }

    // MARK: Duplicate-sorted databases

    /// The next value of the current key, or `nil` after its last.
    package func nextDuplicate() throws -> Entry? { try move(MDB_NEXT_DUP) }
    package func previousDuplicate() throws -> Entry? { try move(MDB_PREV_DUP) }
    // LMDB fills only the value for FIRST_DUP and LAST_DUP; GET_CURRENT
    // fetches the key as well.
    package func firstDuplicate() throws -> Entry? { try move(MDB_FIRST_DUP) == nil ? nil : current() }
    package func lastDuplicate() throws -> Entry? { try move(MDB_LAST_DUP) == nil ? nil : current() }
    /// The first value of the next key.
    package func nextKey() throws -> Entry? { try move(MDB_NEXT_NODUP) }
    /// The last value of the previous key.
    package func previousKey() throws -> Entry? { try move(MDB_PREV_NODUP) }

    /// The first value at least `value` under exactly `key`.
    package func seek(key: some ContiguousBytes, valueAtLeast value: some ContiguousBytes) throws -> Entry? {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try move(MDB_GET_BOTH_RANGE, key: k, value: v) }
        }
    }

    /// How many values the current key has.
    package func duplicateCount() throws -> Int {
        var n: Int = 0
        try check(mdb_cursor_count(handle, &n), "mdb_cursor_count in '\(database.name)'")
        return n
    }

    // MARK: Ranges

    /// Calls `body` for every entry in `range`, forwards or backwards, until
    /// it returns ``IterationStep/stop``. Duplicates of a key come in value
    /// order (reversed when `reverse`).
    package func scan(_ range: KeyRange, reverse: Bool = false, _ body: (Entry) throws -> IterationStep) throws {
        if reverse {
            var entry = try startBackward(range)
            while let e = entry, range.isAboveLower(e.key) {
                if try body(e) == .stop { return }
                entry = try previous()
            }
        } else {
            var entry = try startForward(range)
            while let e = entry, range.isBelowUpper(e.key) {
                if try body(e) == .stop { return }
                entry = try next()
            }
        }
    }

    private func startForward(_ range: KeyRange) throws -> Entry? {
        switch range.lower {
        case .unbounded:
            return try first()
        case .inclusive(let key):
            return try seek(atLeast: key)
        case .exclusive(let key):
            var entry = try seek(atLeast: key)
            while let e = entry, compareKeys(e.key, key) == 0 {
                entry = try nextKey()
            }
            return entry
        }
    }

    private func startBackward(_ range: KeyRange) throws -> Entry? {
        let bound: [UInt8]
        let inclusive: Bool
        switch range.upper {
        case .unbounded: return try last()
        case .inclusive(let key): (bound, inclusive) = (key, true)
        case .exclusive(let key): (bound, inclusive) = (key, false)
        }
        guard let e = try seek(atLeast: bound) else { return try last() }
        let c = compareKeys(e.key, bound)
        if c == 0, inclusive {
            return database.options.contains(.duplicateSort) ? try lastDuplicate() : e
        }
        // Positioned on the first value of a key above the bound (or equal
        // and excluded): the previous entry is the last value of the key
        // before it.
        return try previous()
    }

    // MARK: Writing (write transactions only)

    /// Stores `value` under `key` through the cursor.
    package func put(_ value: some ContiguousBytes, for key: some ContiguousBytes, options: PutOptions = []) throws {
        guard state != nil else {
            throw StoreError(.readOnly, operation: "cursor put", message: "the cursor belongs to a read transaction")
        }
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                var k = MDB_val(keyBytes)
                var v = MDB_val(valueBytes)
                try check(
                    mdb_cursor_put(handle, &k, &v, options.lmdbFlags),
                    "mdb_cursor_put in '\(database.name)'", state: state)
            }
        }
    }

    /// Deletes the entry under the cursor. LMDB 0.9.24 has bugs with
    /// repeated cursor deletes in duplicate-sorted databases; there, prefer
    /// ``WriteTransaction/delete(_:value:in:)``.
    package func deleteCurrent() throws {
        guard state != nil else {
            throw StoreError(.readOnly, operation: "cursor delete", message: "the cursor belongs to a read transaction")
        }
        try check(mdb_cursor_del(handle, 0), "mdb_cursor_del in '\(database.name)'", state: state)
    }
}
