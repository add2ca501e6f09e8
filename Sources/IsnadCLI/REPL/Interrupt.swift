import Foundation

/// Ctrl-C while a query runs or prints: the REPL stops that query and
/// stays open. (While a line is typed, ^C is a key binding instead; see
/// LineEditor.)
enum Interrupt {
    /// Set by the signal handler, cleared before each query. A plain word
    /// written from a signal handler, as C's `volatile sig_atomic_t`.
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static func install() {
        flag = 0
        signal(SIGINT) { _ in Interrupt.flag = 1 }
    }

    static var requested: Bool { flag != 0 }

    static func clear() { flag = 0 }
}
