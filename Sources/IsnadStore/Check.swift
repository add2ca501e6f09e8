internal import CLMDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place where LMDB return codes become Swift errors.
/// `MDB_NOTFOUND` is not an error for lookups; callers test for it first.
func check(_ rc: Int32, _ operation: @autoclosure () -> String, state: TransactionState? = nil) throws {
    guard rc != 0 else { return }
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
