import Foundation

/// Results longer than the screen go through a pager in the REPL, as
/// psql's and git's do: `less -SR` (long lines scroll sideways instead of
/// wrapping, colours pass through), or `$ISNAD_PAGER`, else `$PAGER`; an
/// empty value turns paging off. `.pager off` turns it off for the
/// session. Never used when the output is not a terminal.
enum Pager {
    /// The pager when neither `ISNAD_PAGER` nor `PAGER` names one.
    static let defaultCommand = "less -SR"

    /// The command to page through, or nil when the environment turns
    /// paging off (`ISNAD_PAGER=` or `PAGER=`).
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let chosen = environment["ISNAD_PAGER"] ?? environment["PAGER"] ?? defaultCommand
        return chosen.trimmingCharacters(in: .whitespaces).isEmpty ? nil : chosen
    }

    /// Rows of standard output's terminal; 24 when it says none.
    static var height: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let lines = ProcessInfo.processInfo.environment["LINES"].flatMap(Int.init), lines > 0 { return lines }
        return 24
    }

    /// Whether `text` takes more lines than the screen holds with the
    /// prompt below it.
    static func isLonger(_ text: String, than rows: Int = height) -> Bool {
        var lines = 0
        for byte in text.utf8 where byte == 0x0A {
            lines += 1
            if lines > rows - 1 { return true }
        }
        return false
    }

    /// Shows `text` through `command` (run by `/bin/sh -c`, reading
    /// `text` on its standard input, writing to ours) and waits for it to
    /// end. False when the pager could not be started (or the shell found
    /// no such command): the caller prints the text itself.
    static func show(_ text: String, through command: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (reading, writing) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, reading, 0)
        posix_spawn_file_actions_addclose(&actions, reading)
        posix_spawn_file_actions_addclose(&actions, writing)
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(reading)
        guard spawned == 0 else {
            close(writing)
            return false
        }
        // The pager may be left before it has read everything (q in less):
        // then writes fail with EPIPE instead of the signal ending us.
        let previous = signal(SIGPIPE, SIG_IGN)
        let bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                let written = write(writing, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        close(writing)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        signal(SIGPIPE, previous)
        // 127: the shell found no such command, so nothing was shown.
        let exited = status & 0x7F == 0
        return !(exited && (status >> 8) & 0xFF == 127)
    }
}
