import Foundation
import Testing

/// The real REPL binary on a real terminal: tmux runs it, the test types
/// with `send-keys` and reads the screen with `capture-pane`, as a person
/// would. `make test` installs tmux (Makefile, DEB_PACKAGES).
@Suite(.serialized) struct TerminalTests {
    /// One tmux server of our own (`-L`), so the user's sessions are never
    /// touched, holding one window of 120×40 with the REPL in it.
    final class Terminal {
        let socket = "isnad-test-\(UUID().uuidString.prefix(8))"

        init(_ arguments: [String], environment: [String: String], columns: Int = 120, rows: Int = 40) throws {
            let binary = try CommandLineTests.binary().path
            let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Terminal.quoted($0.value))" }
            // tmux runs this with sh; the last line shows the exit status
            // (remain-on-exit keeps the pane to read it).
            let command =
                (["env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm"] + assignments
                + [Terminal.quoted(binary)] + arguments.map(Terminal.quoted)).joined(separator: " ")
                + "; echo \"[exit $?]\""
            let status = Terminal.spawnAndWait([
                "tmux", "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d",
                "-s", "repl", "-x", String(columns), "-y", String(rows), command,
                ";", "set-option", "-t", "repl", "remain-on-exit", "on",
            ])
            guard status == 0 else { throw CocoaError(.executableLoad) }
        }

        deinit { _ = Terminal.spawnAndWait(["tmux", "-L", socket, "kill-server"]) }

        /// The command that starts the tmux server, which daemonises:
        /// Foundation's Process never sees that client end (its exit
        /// watch waits on descriptors the server inherits), so it is
        /// spawned and reaped here directly, with no descriptor shared.
        static func spawnAndWait(_ arguments: [String]) -> Int32 {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for fd: Int32 in [0, 1, 2] {
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            }
            let argv = arguments.map { strdup($0) } + [nil]
            let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            // The test runner's threads block signals; the terminal's
            // programs must start with none blocked or Ctrl-C is lost.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGINT)
            sigaddset(&defaults, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return -1 }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            return status
        }

        static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        /// Runs a tmux client command against the running server.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tmux", "-u", "-L", socket] + arguments
            return try CommandLineTests.output(of: process)
        }

        /// Types `text` literally (no key names).
        func type(_ text: String) throws { try tmux(["send-keys", "-t", "repl", "-l", text]) }

        /// Presses keys by name: Enter, Tab, C-c, C-d, Up.
        func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "repl"] + keys) }

        var screen: String { (try? tmux(["capture-pane", "-p", "-t", "repl"])) ?? "" }

        var exited: Bool { (try? tmux(["display-message", "-p", "-t", "repl", "#{pane_dead}"]))?.hasPrefix("1") ?? false }

        /// Waits until the screen satisfies `condition`; returns the screen.
        @discardableResult
        func wait(seconds: Double = 20, until condition: (String) -> Bool) -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = screen
            while !condition(last), Date() < deadline {
                usleep(50_000)
                last = screen
            }
            return last
        }

        @discardableResult
        func wait(for text: String, seconds: Double = 20) -> String { wait(seconds: seconds) { $0.contains(text) } }

        /// Waits until the REPL shows an empty prompt as its last line: keys
        /// typed earlier would be echoed by the terminal before libedit
        /// draws the prompt and reads them (on a loaded machine they were).
        func waitForPrompt(seconds: Double = 20) {
            wait(seconds: seconds) { screen in
                let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                return lines.last(where: { !$0.isEmpty }) == "isnad>"
            }
        }

        /// The line the cursor is on: what the prompt holds now.
        var promptLine: String {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.last(where: { $0.hasPrefix("isnad> ") }).map(String.init) ?? ""
        }
    }

    /// A store with the sample corpus, and a data folder for the history.
    func withSampleStore(_ body: (String, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isnad-tty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ingest = try CommandLineTests().isnad(["ingest", "--store", folder + "/store", "examples/corpus"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        try body(folder + "/store", folder + "/data")
    }

    @Test func aSessionAtTheTerminal() throws {
        try withSampleStore { store, data in
            let terminal = try Terminal(["--store", store], environment: ["XDG_DATA_HOME": data])
            // capture-pane drops trailing spaces: the prompt reads "isnad>".
            let welcome = terminal.wait(for: "isnad>")
            #expect(welcome.contains("isnad 0.1.0 — \(store) (12 articles,"), "\(welcome)")

            // A typo: the caret sits under it, with a suggestion.
            try terminal.type("actor:Kirby stanse:deny")
            try terminal.press("Enter")
            let typo = terminal.wait(for: "did you mean")
            #expect(typo.contains("error: unknown field 'stanse'\n  actor:Kirby stanse:deny\n              ^^^^^^\n"), "\(typo)")
            terminal.waitForPrompt()

            // Tab completes a field, then a stance, then an Arabic name.
            try terminal.type("sta")
            try terminal.press("Tab")
            #expect(terminal.wait { $0.contains("isnad> stance:") }.contains("isnad> stance:"))
            try terminal.type("de")
            try terminal.press("Tab")
            let choices = terminal.wait(for: "stance:decline")
            #expect(choices.contains("stance:deny") && choices.contains("stance:demand"), "\(choices)")
            try terminal.type("n")
            try terminal.press("Tab")
            try terminal.type(" actor:بيسك")
            try terminal.press("Tab")
            let completed = terminal.wait { $0.contains("actor:بيسكوف") }
            #expect(completed.contains("isnad> stance:deny actor:بيسكوف"), "\(completed)")
            try terminal.press("C-u")
            terminal.waitForPrompt()

            // The timer, then a query: its table and its time.
            try terminal.type(".timer on")
            try terminal.press("Enter")
            terminal.waitForPrompt()
            try terminal.type("actor:كيربي | count by stance")
            try terminal.press("Enter")
            let timed = terminal.wait(for: "time: ")
            #expect(timed.contains("stance  count"), "\(timed)")
            #expect(timed.contains("(3 rows)"), "\(timed)")
            #expect(timed.range(of: #"time: [0-9]+\.[0-9]+ ms"#, options: .regularExpression) != nil)
            terminal.waitForPrompt()

            // A query over two lines.
            try terminal.type("actor:(Kirby OR")
            try terminal.press("Enter")
            terminal.wait(for: "...>")
            try terminal.type("Peskov) | count by actor")
            try terminal.press("Enter")
            #expect(terminal.wait(for: "Dmitry Peskov ").contains("John Kirby"))
            terminal.waitForPrompt()

            // Ctrl-C abandons a half-typed line and the REPL stays.
            try terminal.type("half typed")
            try terminal.press("C-c")
            terminal.wait(for: "half typed^C")
            try terminal.press("C-d")
            terminal.wait(seconds: 10) { _ in terminal.exited }
            #expect(terminal.exited)
            #expect(terminal.screen.contains("[exit 0]"))

            // The next session finds the history: Up recalls the last query.
            let again = try Terminal(["--store", store], environment: ["XDG_DATA_HOME": data])
            again.wait(for: "isnad>")
            try again.press("Up")
            let recalled = again.wait { $0.contains("isnad> actor:(Kirby OR Peskov) | count by actor") }
            #expect(recalled.contains("isnad> actor:(Kirby OR Peskov) | count by actor"), "\(recalled)")
            let history = try String(contentsOfFile: data + "/isnad/history", encoding: .utf8)
            #expect(history.contains("stanse"))
        }
    }

    /// What a new user met in the first hour (issue 34, section 2, items
    /// 3 to 6), on a terminal of 80 by 24: statements newest first, rows
    /// too wide shown as records with whole ids, a result longer than the
    /// screen in the pager (and not after `.pager off`), Tab after
    /// `actor:` offering only names that statements have, and `help`,
    /// `exit` acting as in a shell.
    @Test func theFirstHourOnANarrowTerminal() throws {
        try withSampleStore { store, data in
            let terminal = try Terminal(
                ["--store", store], environment: ["XDG_DATA_HOME": data, "ISNAD_PAGER": "less -SR"],
                columns: 80, rows: 24)
            terminal.waitForPrompt()
            func lines(_ screen: String) -> [String] {
                screen.split(separator: "\n", omittingEmptySubsequences: false).map {
                    String($0).trimmingCharacters(in: .whitespaces)
                }
            }
            func clear() throws {
                try terminal.press("C-l")
                terminal.waitForPrompt()
            }

            // 3. Newest first, in a table that fits.
            try terminal.type("stance:deny | fields date, actor")
            try terminal.press("Enter")
            let denials = lines(terminal.wait(for: "(8 statements)"))
            let shown = denials.filter { $0.hasPrefix("20") }.map { String($0.prefix(10)) }
            #expect(shown.count == 8 && shown == shown.sorted(by: >), "\(denials)")
            terminal.waitForPrompt()
            try clear()

            // 5. Seven columns cannot fit 80: one block per record, ids whole.
            // (Two records fit the screen; a third would open the pager.)
            try terminal.type("stance:deny date>=2024 -quote:sanctions")
            try terminal.press("Enter")
            let records = lines(terminal.wait(for: "(2 statements)"))
            #expect(records.contains("id: sample-ar-05:3"), "\(records)")
            #expect(records.contains("id: sample-en-06:4"), "\(records)")
            #expect(records.contains("stance: deny"), "\(records)")
            #expect(records.contains { $0.hasPrefix("quote: Iran had delivered ballistic missiles to Russia") }, "\(records)")
            terminal.waitForPrompt()
            try clear()

            // 5. Ten records are longer than the screen: the pager shows
            // them, q leaves it, and the REPL goes on.
            try terminal.type("actor:Kirby")
            try terminal.press("Enter")
            let paged = terminal.wait { screen in lines(screen).last(where: { !$0.isEmpty }) == ":" }
            #expect(lines(paged).first == "id: sample-ar-04:1", "\(paged)")
            #expect(!paged.contains("(10 statements)"), "\(paged)")
            try terminal.press("q")
            terminal.waitForPrompt()
            try terminal.type(".pager off")
            try terminal.press("Enter")
            terminal.waitForPrompt()
            try clear()
            try terminal.type("actor:Kirby")
            try terminal.press("Enter")
            let unpaged = terminal.wait(for: "(10 statements)")
            #expect(unpaged.contains("(10 statements)"), "\(unpaged)")
            terminal.waitForPrompt()
            try clear()

            // 6. Tab after actor: offers names that statements have, not
            // every gazetteer weapon.
            try terminal.type("actor:Kir")
            try terminal.press("Tab")
            #expect(terminal.wait { $0.contains("isnad> actor:Kirby") }.contains("isnad> actor:Kirby"))
            try terminal.press("C-u")
            try terminal.type("actor:Mohaj")
            try terminal.press("Tab")
            usleep(500_000)
            #expect(terminal.promptLine.trimmingCharacters(in: .whitespaces) == "isnad> actor:Mohaj", "\(terminal.screen)")
            try terminal.press("C-u")
            terminal.waitForPrompt()

            // 4. help helps; exit leaves, as in a shell.
            try terminal.type("help")
            try terminal.press("Enter")
            #expect(terminal.wait(for: "leave (also exit, quit, Ctrl-D)").contains(".pager on|off"))
            terminal.waitForPrompt()
            try terminal.type("exit")
            try terminal.press("Enter")
            terminal.wait(seconds: 10) { _ in terminal.exited }
            #expect(terminal.exited)
            #expect(terminal.screen.contains("[exit 0]"), "\(terminal.screen)")
        }
    }

    @Test func ctrlCStopsARunningQueryAndTheREPLStays() throws {
        try withSampleStore { store, data in
            // Each query first waits 30 s (a test hook, checked like a
            // running query checks): only Ctrl-C ends it sooner.
            let terminal = try Terminal(
                ["--store", store],
                environment: ["XDG_DATA_HOME": data, "ISNAD_TEST_QUERY_DELAY_MS": "30000"])
            terminal.wait(for: "isnad>")
            let started = Date()
            try terminal.type("stance:deny | count by actor")
            try terminal.press("Enter")
            usleep(500_000)
            try terminal.press("C-c")
            let stopped = terminal.wait(for: "query interrupted")
            #expect(stopped.contains("query interrupted"), "\(stopped)")
            #expect(Date().timeIntervalSince(started) < 25)
            #expect(!terminal.exited)
            terminal.waitForPrompt()
            try terminal.type(".format")
            try terminal.press("Enter")
            #expect(terminal.wait(for: "format table").contains("format table"))
        }
    }
}
