import IsnadStore

/// Errors of the storage layer, as thrown by ``Store``.
public typealias StoreError = IsnadStore.StoreError
