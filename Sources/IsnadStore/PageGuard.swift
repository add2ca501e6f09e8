internal import CLMDB
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What keeps a damaged page from crashing the process, for one
/// transaction (`Sources/CLMDB/shim.h` has the C half).
///
/// Two kinds of damage LMDB does not report as errors:
///
/// - LMDB itself reads through a damaged page: a leaf node whose flags
///   say "duplicates" in a database without them (`mdb_xcursor_init1`
///   then follows a null pointer), an offset or size that leads out of
///   the page. Every LMDB call that reads pages goes through the guard of
///   `shim.h`: in a read-only transaction the SIGSEGV or SIGBUS (or a
///   failed LMDB assertion) becomes ``StoreError/corrupted``; in a write
///   transaction the process leaves with exit code 3 before anything is
///   written.
/// - LMDB returns a key or value whose size runs past the end of
///   `data.mdb` (a flipped size or overflow-page count): the map goes on
///   past the file, so reading it is a SIGBUS in Swift code. Each key and
///   value returned is checked against the file's end before anyone
///   reads it (``bytes(_:passed:operation:)``).
package struct PageGuard: Sendable {
    /// The shim's thread key; -1 when there is none (no guard).
    let key: Int
    /// A read-only transaction: a fault in LMDB is an error, not an exit.
    let recover: Bool
    /// Where `data.mdb` is mapped, and how long it is.
    let window: MapWindow

    var recoverFlag: Int32 { recover ? 1 : 0 }

    /// `value` as bytes, once its end is known to lie inside the file
    /// when it points into the map. `passed` is what the caller handed
    /// LMDB in the same `MDB_val` (LMDB leaves some untouched), never
    /// checked.
    @inline(__always)
    func bytes(_ value: MDB_val, passed: UnsafeMutableRawPointer? = nil, operation: @autoclosure () -> String) throws
        -> UnsafeRawBufferPointer
    {
        if let data = value.mv_data, data != passed, !window.holds(UInt(bitPattern: data), count: value.mv_size) {
            try window.confirmPastEnd(UInt(bitPattern: data), count: value.mv_size, operation: operation())
        }
        return UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
    }
}

/// The mappings of `data.mdb` in this process (usually one: a second
/// open of the same store in one process maps it again) and the file's
/// size. Taken from `/proc/self/maps` when the environment opens and
/// whenever the map is resized; elsewhere than Linux it stays empty and
/// values are not checked (the guard of LMDB's calls still works).
struct MapWindow: Sendable {
    /// Start and end of each mapping.
    var mappings: [(start: UInt, end: UInt)] = []
    /// Bytes of `data.mdb`, as last seen.
    var fileSize: UInt = 0
    /// LMDB's descriptor of `data.mdb`, to see it again when it grew.
    var fd: Int32 = -1

    /// Keys and values point into a page, at most 64 KiB (a page offset)
    /// plus 64 KiB (a key size) past its start; a page near the end of the
    /// map may so point past the map, and such a pointer is still the
    /// map's.
    static let slack: UInt = 1 << 20

    /// Whether `count` bytes at `address` are readable as far as the
    /// map is concerned: outside every mapping (memory of the caller or
    /// of a write transaction's dirty pages), or inside the file.
    @inline(__always)
    func holds(_ address: UInt, count: Int) -> Bool {
        for m in mappings where address >= m.start && address - m.start < m.end - m.start + MapWindow.slack {
            let offset = address - m.start
            return offset <= fileSize && UInt(count) <= fileSize - offset
        }
        return true
    }

    /// Throws unless the file has grown (a write transaction that spilled
    /// pages, another process) to hold the bytes after all.
    func confirmPastEnd(_ address: UInt, count: Int, operation: String) throws {
        var grown = self
        if let size = MapWindow.size(of: fd) { grown.fileSize = size }
        if grown.holds(address, count: count) { return }
        throw StoreError(
            .corrupted, operation: operation,
            message: "store damaged: LMDB returned \(count) bytes that run past the end of data.mdb "
                + "(\(grown.fileSize) bytes); run 'isnad check'")
    }

    static func size(of fd: Int32) -> UInt? {
        var status = stat()
        guard fd >= 0, fstat(fd, &status) == 0, status.st_size >= 0 else { return nil }
        return UInt(status.st_size)
    }

    /// The window of the environment `env` now.
    static func current(_ env: OpaquePointer) -> MapWindow {
        var window = MapWindow()
        var fd: Int32 = -1
        guard mdb_env_get_fd(env, &fd) == 0, fd >= 0, let size = size(of: fd) else { return window }
        window.fd = fd
        window.fileSize = size
        var status = stat()
        guard fstat(fd, &status) == 0 else { return window }
        window.mappings = mappings(inode: UInt64(status.st_ino))
        return window
    }

    /// The mappings of the file with inode `inode` at offset 0, from
    /// `/proc/self/maps` ("start-end perms offset dev inode path"), read
    /// in large blocks and parsed as bytes: this runs at every open.
    static func mappings(inode: UInt64) -> [(start: UInt, end: UInt)] {
        let fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var text: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            text.append(contentsOf: block[0..<n])
        }
        return text.withUnsafeBufferPointer { MapWindow.mappings(of: inode, in: $0) }
    }

    /// The mappings in `maps` of `inode` at offset 0, parsed in place:
    /// this runs at every open, and splitting the few hundred lines into
    /// fields cost a third of a millisecond.
    static func mappings(of inode: UInt64, in maps: UnsafeBufferPointer<UInt8>) -> [(start: UInt, end: UInt)] {
        var found: [(start: UInt, end: UInt)] = []
        var at = 0
        var lineEnd = 0
        /// The number at `at` in `radix`; skips it and the byte after it.
        /// Nil when there is none before the line's end.
        func number(_ radix: UInt) -> UInt? {
            var value: UInt = 0
            var digits = 0
            while at < lineEnd {
                let byte = maps[at]
                let digit: UInt
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt(byte &- UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt(byte &- UInt8(ascii: "a")) &+ 10
                default: digit = radix
                }
                guard digit < radix else { break }
                let (times, o1) = value.multipliedReportingOverflow(by: radix)
                let (sum, o2) = times.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = sum
                digits += 1
                at += 1
            }
            at += 1
            return digits > 0 ? value : nil
        }
        /// Skips one field and the space after it.
        func skipField() {
            while at < lineEnd, maps[at] != UInt8(ascii: " ") { at += 1 }
            at += 1
        }
        var lineStart = 0
        while lineStart < maps.count {
            lineEnd = lineStart
            while lineEnd < maps.count, maps[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            at = lineStart
            // start-end perms offset dev inode path
            if let start = number(16), let end = number(16) {
                skipField()
                if number(16) == 0 {
                    skipField()
                    if let node = number(10), node == UInt(inode), end > start { found.append((start, end)) }
                }
            }
            lineStart = lineEnd + 1
        }
        return found
    }
}

extension StoreError {
    /// The error of a guarded LMDB call that returned `ISNAD_MDB_DAMAGED`.
    static func damagedPage(key: Int, operation: String) -> StoreError {
        let fault = isnad_mdb_last_fault(key)
        let what: String
        switch fault.signal {
        case SIGSEGV: what = "SIGSEGV at 0x\(String(fault.address, radix: 16))"
        case SIGBUS: what = "SIGBUS at 0x\(String(fault.address, radix: 16))"
        default:
            what = withUnsafeBytes(of: fault.assertion) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return StoreError(
            .corrupted, operation: operation,
            message: "store damaged: LMDB met a damaged page (\(what.isEmpty ? "an assertion failed" : what)); "
                + "run 'isnad check'",
            lmdbCode: ISNAD_MDB_DAMAGED)
    }
}
