internal import CChecksum
import Foundation

/// CRC-32C (Castagnoli), the checksum of iSCSI, ext4 and LevelDB's
/// records: it catches every flipped bit, every burst of errors up to 32
/// bits and every error of up to three bits in a record, which a plain
/// 32-bit hash does not promise. The processor computes it where it can
/// (SSE 4.2's `crc32`, ARM's CRC extension: 4.8 GB/s on one core of the
/// build machine); elsewhere a table, eight bytes a step ("slicing by
/// 8": 1.0–1.3 GB/s). Verifying every record read by a query with the
/// table cost up to 8% of the query (`isnad-bench checksums`).
package enum CRC32C {
    /// Whether the processor computes it.
    package static let inHardware = isnad_crc32c_in_hardware() != 0

    /// The checksum of `bytes` continuing from `crc` (0 to start): the
    /// checksum of `a` then `b` is `update(update(0, a), b)`.
    @inline(__always)
    package static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        if inHardware { return isnad_crc32c_hardware(crc, base, bytes.count) }
        return software(crc, bytes)
    }

    /// The same by the table.
    package static func software(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c = ~crc
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return crc }
        return tables.withUnsafeBufferPointer { t in
            var i = 0
            while i + 8 <= n {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let low = UInt32(truncatingIfNeeded: word) ^ c
                let high = UInt32(truncatingIfNeeded: word >> 32)
                c =
                    t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int(low >> 8 & 0xFF)]
                    ^ t[5 * 256 + Int(low >> 16 & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int(high >> 8 & 0xFF)]
                    ^ t[1 * 256 + Int(high >> 16 & 0xFF)] ^ t[Int(high >> 24)]
                i += 8
            }
            while i < n {
                c = t[Int((c ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)] ^ (c >> 8)
                i += 1
            }
            return ~c
        }
    }

    /// The checksum of `bytes`.
    package static func checksum(_ bytes: some ContiguousBytes) -> UInt32 {
        bytes.withUnsafeBytes { update(0, $0) }
    }

    /// Eight tables of 256 entries: table k gives the effect of a byte
    /// followed by k zero bytes.
    private static let tables: [UInt32] = {
        let polynomial: UInt32 = 0x82F6_3B78  // 0x1EDC6F41 reflected
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var c = UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ polynomial : c >> 1 }
            t[b] = c
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = t[(k - 1) * 256 + b]
                t[k * 256 + b] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()
}
