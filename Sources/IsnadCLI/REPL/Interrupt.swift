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
        // A parent may have started us with SIGINT blocked (the mask is
        // inherited); then Ctrl-C would never arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static var requested: Bool { flag != 0 }

    static func clear() { flag = 0 }
}
