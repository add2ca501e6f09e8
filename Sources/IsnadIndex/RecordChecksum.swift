import Foundation
import IsnadStore
import Synchronization

/// The checksum that ends every record of `articles`, `entities` and
/// `statements` since format 8: four bytes, little-endian, the CRC-32C
/// (``CRC32C``) of the record's id (its key, four bytes big-endian) and
/// then its bytes. A flipped byte anywhere in a record, or a record found
/// under another id, is then an error when the record is read ("store
/// damaged: … does not match its checksum"), never a wrong answer.
///
/// Postings, positions and columns carry none: they are read in place and
/// in part (a galloping probe touches a few containers of a long list),
/// and checking a list would mean reading all of it. Their headers are
/// checked when read, and `isnad check` compares them with the records.
package enum RecordChecksum {
    package static let size = 4

    /// The checksum of a record's bytes stored under `id`.
    package static func of(_ payload: UnsafeRawBufferPointer, id: UInt32) -> UInt32 {
        let key = id.bigEndian
        let seed = withUnsafeBytes(of: key) { CRC32C.update(0, $0) }
        return CRC32C.update(seed, payload)
    }

    /// A record's bytes without the checksum that ends `stored`, or nil
    /// when the checksum does not hold.
    package static func verified(_ stored: UnsafeRawBufferPointer, id: UInt32) -> UnsafeRawBufferPointer? {
        guard stored.count >= size else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: stored[..<(stored.count - size)])
        let recorded = UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: stored.count - size, as: UInt32.self))
        return recorded == of(payload, id: id) ? payload : nil
    }

    /// `payload` with its checksum after it, as stored under `id`.
    package static func sealed(_ payload: some ContiguousBytes, id: UInt32) -> [UInt8] {
        payload.withUnsafeBytes { bytes in
            var out = [UInt8](bytes)
            withUnsafeBytes(of: of(bytes, id: id).littleEndian) { out.append(contentsOf: $0) }
            return out
        }
    }
}

extension IndexStore {
    /// The bytes of the record stored as `stored` under `id` in `database`,
    /// its checksum checked and taken off (a store older than format 8
    /// opened read-only has none).
    @inline(__always)
    package func recordBytes(_ stored: UnsafeRawBufferPointer, id: UInt32, in database: String) throws -> UnsafeRawBufferPointer {
        guard checksums else { return stored }
        guard verifiesChecksums.load(ordering: .relaxed) else {
            return UnsafeRawBufferPointer(rebasing: stored[..<max(0, stored.count - RecordChecksum.size)])
        }
        guard let payload = RecordChecksum.verified(stored, id: id) else {
            throw IndexStore.checksumFailure(database, id)
        }
        return payload
    }

    /// The bytes of the record under `id` in `db`, checked; nil when there
    /// is none.
    package func recordBytes(
        _ id: UInt32, in db: Database, txn: borrowing some ReadableTransaction & ~Copyable
    ) throws -> UnsafeRawBufferPointer? {
        guard let stored = try txn.get(IDKey(id), in: db) else { return nil }
        return try recordBytes(stored, id: id, in: db.name)
    }

    /// Stores a record's bytes under `id` in `db`, with its checksum,
    /// written in place.
    func putRecord(_ payload: some ContiguousBytes, id: UInt32, in db: Database, txn: borrowing WriteTransaction) throws {
        try payload.withUnsafeBytes { bytes in
            let checksum = RecordChecksum.of(bytes, id: id).littleEndian
            try txn.put(reserving: bytes.count + RecordChecksum.size, for: IDKey(id), in: db) { out in
                if !bytes.isEmpty { out.copyMemory(from: bytes) }
                withUnsafeBytes(of: checksum) { sum in
                    UnsafeMutableRawBufferPointer(rebasing: out[bytes.count...]).copyMemory(from: sum)
                }
            }
        }
    }

    /// Adds a checksum to every record of a store older than format 8
    /// (Upgrade.swift): the ids first, then one record copied at a time.
    func addChecksums(txn: borrowing WriteTransaction) throws {
        for db in [entities, articles, statements] {
            var ids: [UInt32] = []
            try txn.scan(db) { entry in
                if let id = IndexKey.readID(entry.key) { ids.append(id) }
                return .next
            }
            for id in ids {
                guard let stored = try txn.getBytes(IDKey(id), in: db) else { continue }
                try putRecord(stored, id: id, in: db, txn: txn)
            }
        }
    }

    static func checksumFailure(_ database: String, _ id: UInt32) -> StoreError {
        StoreError(
            .corrupted, operation: "read '\(database)'",
            message: "store damaged: record \(id) in '\(database)' does not match its checksum; run 'isnad check'")
    }
}
