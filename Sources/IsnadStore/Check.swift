internal import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place where LMDB return codes become Swift errors.
/// `MDB_NOTFOUND` is not an error for lookups; callers test for it first.
///
/// With `path`, a failed write names a full disk as such (see
/// ``StoreError/fullDisk(_:path:)``).
func check(
    _ rc: Int32, _ operation: @autoclosure () -> String, state: TransactionState? = nil,
    path: String? = nil
) throws {
    guard rc != 0 else { return }
    if let path, let full = StoreError.fullDisk(rc, path: path) { throw full }
    let message = String(cString: mdb_strerror(rc))
    let code: StoreError.Code
    switch rc {
    case MDB_MAP_FULL:
        state?.mapFull = true
        code = StoreError.mapFull
    case MDB_BAD_VALSIZE: code = StoreError.badValue
    case MDB_CORRUPTED, MDB_PAGE_NOTFOUND, MDB_INVALID: code = StoreError.corrupted
    case MDB_READERS_FULL: code = StoreError.readersFull
    case MDB_NOTFOUND: code = StoreError.noSuchDatabase
    case EACCES: code = StoreError.readOnly
    default: code = StoreError.lmdb
    }
    throw StoreError(code, operation: operation(), message: message, lmdbCode: rc)
}

extension StoreError {
    /// The error to report when a write failed with `rc` because the disk
    /// holding `path` is full, or nil when that is not why it failed.
    ///
    /// LMDB passes on `ENOSPC` (and `EDQUOT`, a full quota) when a write
    /// wrote nothing, but reports a short write, which is what a disk
    /// that fills up mid-write gives, as `EIO`; an `EIO` on a file system
    /// with no room left is taken for a full disk too. (`MDB_MAP_FULL` is
    /// another thing: the memory map is full, and the environment grows
    /// it.) LMDB writes a transaction's pages before the meta page that
    /// makes them the store's, so a failed commit leaves the store as it
    /// was before the transaction.
    static func fullDisk(_ rc: Int32, path: String, copying: Bool = false) -> StoreError? {
        let full: Bool
        switch rc {
        case ENOSPC, EDQUOT: full = true
        case EIO: full = freeBytes(path).map { $0 < 1 << 20 } ?? false
        default: full = false
        }
        guard full else { return nil }
        if copying {
            return StoreError(
                .diskFull, operation: "copy",
                message: "the disk holding '\(path)' is full (\(String(cString: strerror(rc)))): no copy "
                    + "was made, and the store itself is unchanged",
                lmdbCode: rc)
        }
        return StoreError(
            .diskFull, operation: "write",
            message: "the disk holding '\(path)' is full (\(String(cString: strerror(rc)))): this write "
                + "was not saved and the store is as it was before it, so nothing already stored was "
                + "lost; free some space and run the command again",
            lmdbCode: rc)
    }

    /// `error` as a full disk when a write under `path` failed because the
    /// disk is full, else `error` itself.
    static func onFullDisk(_ error: any Error, path: String) -> any Error {
        guard let store = error as? StoreError, store.code != .diskFull, let rc = store.lmdbCode,
            let full = fullDisk(rc, path: path)
        else { return error }
        return full
    }
}

/// The bytes an unprivileged user may still write on the file system
/// holding `path`, nil when it cannot be asked.
func freeBytes(_ path: String) -> Int? {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return nil }
    return Int(info.f_bavail) * Int(info.f_frsize)
}
