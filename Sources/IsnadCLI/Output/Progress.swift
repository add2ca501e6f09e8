import Foundation

/// A progress bar with rate and time left, drawn on standard error when it
/// is a terminal and not at all otherwise (logs get only the summary).
final class ProgressBar {
    private let label: String
    /// What is counted: nil for bytes (shown as MB/s), else its name
    /// (`entries`: shown as entries/s).
    private let unit: String?
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(_ label: String, unit: String? = nil) {
        self.label = label
        self.unit = unit
        enabled = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// `done` of `total` bytes (or units).
    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let speed = unit.map { String(format: "%.0f %@/s", rate, $0) } ?? String(format: "%.1f MB/s", rate / 1_000_000)
        let line = String(
            format: "\r%@ %@ %3.0f%%  %@  %@ left ", label, bar, fraction * 100, speed, ProgressBar.duration(left))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String(format: "%d:%02d", s / 60, s % 60)
    }
}
