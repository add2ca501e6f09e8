/// An error from the storage layer.
///
/// Every LMDB failure and every refusal to open a path becomes a `StoreError`
/// that names the operation and says what went wrong. Match on the code with
/// the static constants:
///
/// ```swift
/// do { try store.write { … } }
/// catch StoreError.notAStore { … }
/// ```
///
/// `description` is meant for people and may change between versions; match
/// on `code` in programs.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A stable identifier of the kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
    }

    public var code: Code
    /// What the store was doing, e.g. `"mdb_put"` or `"open"`.
    public var operation: String
    /// What went wrong, in words (LMDB's own message where it gave one).
    public var message: String
    /// LMDB's or the system's numeric code, when there was one.
    public var lmdbCode: Int32?

    public init(_ code: Code, operation: String, message: String, lmdbCode: Int32? = nil) {
        self.code = code
        self.operation = operation
        self.message = message
        self.lmdbCode = lmdbCode
    }

    public var description: String {
        "\(operation): \(message)"
    }

}

extension StoreError.Code {
    /// Lets `catch StoreError.notAStore` match any error with that code.
    public static func ~= (pattern: StoreError.Code, error: any Error) -> Bool {
        (error as? StoreError)?.code == pattern
    }
}

extension StoreError.Code {
    /// The path exists but holds no Isnad store (a file, an empty or foreign folder).
    public static let notAStore = StoreError.Code(rawValue: "notAStore")
    /// No store at the path, and the configuration did not ask to create one.
    public static let missing = StoreError.Code(rawValue: "missing")
    /// The store was written in a format this build does not read.
    public static let incompatibleFormat = StoreError.Code(rawValue: "incompatibleFormat")
    /// The map is full and could not grow (the write was not applied).
    public static let mapFull = StoreError.Code(rawValue: "mapFull")
    /// The disk (or the user's quota) has no room for a write; the write
    /// was not applied and the store is as it was before it.
    public static let diskFull = StoreError.Code(rawValue: "diskFull")
    /// A write was attempted on a store opened read-only.
    public static let readOnly = StoreError.Code(rawValue: "readOnly")
    /// A key or value LMDB refuses (empty key, key over 511 bytes, …).
    public static let badValue = StoreError.Code(rawValue: "badValue")
    /// A named database that does not exist and was not created.
    public static let noSuchDatabase = StoreError.Code(rawValue: "noSuchDatabase")
    /// The data file is damaged or not an LMDB file.
    public static let corrupted = StoreError.Code(rawValue: "corrupted")
    /// The reader table is full (too many concurrent read transactions).
    public static let readersFull = StoreError.Code(rawValue: "readersFull")
    /// Any other LMDB or system failure; `lmdbCode` holds the number.
    public static let lmdb = StoreError.Code(rawValue: "lmdb")
}

extension StoreError {
    // The codes again on StoreError itself, for `catch StoreError.mapFull`.
    public static let notAStore = Code.notAStore
    public static let missing = Code.missing
    public static let incompatibleFormat = Code.incompatibleFormat
    public static let mapFull = Code.mapFull
    public static let diskFull = Code.diskFull
    public static let readOnly = Code.readOnly
    public static let badValue = Code.badValue
    public static let noSuchDatabase = Code.noSuchDatabase
    public static let corrupted = Code.corrupted
    public static let readersFull = Code.readersFull
    public static let lmdb = Code.lmdb
}
