import IsnadIndex
import IsnadQuery

// The command line renders the engine's tables, so where the public `Isnad`
// module and the engine both name a type, these names mean the engine's.
typealias QueryResult = IsnadQuery.QueryResult
typealias QueryError = IsnadQuery.QueryError
typealias Stance = IsnadIndex.Stance
