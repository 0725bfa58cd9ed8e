import Dispatch
import Foundation
import LifelineWorkspace

/// A progress line on stderr, drawn only when stderr is a terminal (never
/// into a pipe or a file) and only once the wait passes a quarter of a
/// second: a quick command prints nothing extra.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(2) == 1
    /// Every write to stderr and every change of `shown` happens here.
    private let queue = DispatchQueue(label: "lifeline.progress")
    private var shown = false
    private var timer: DispatchSourceTimer?

    /// Redraws from `progress` ten times a second, from another thread, while
    /// the caller loads the workspace.
    func follow(_ progress: LoadProgress) {
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in
            let s = progress.snapshot
            guard let self, s.file != "done", s.totalBytes > 0 else { return }
            self.draw("Reading \(s.file)… \(Int(s.fraction * 100)) % · \(Self.count(s.rowsRead)) rows")
        }
        queue.sync { self.timer = timer }
        timer.resume()
    }

    /// For work that reports its own progress on the calling thread.
    func update(_ what: String, _ fraction: Double) {
        guard enabled else { return }
        queue.sync { draw("\(what)… \(Int(fraction * 100)) %") }
    }

    func finish() {
        queue.sync {
            timer?.cancel()
            timer = nil
            guard shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }

    /// On `queue` only.
    private func draw(_ line: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        shown = true
    }

    private static func count(_ n: Int) -> String {
        n >= 1_000_000 ? String(format: "%.1fM", Double(n) / 1e6) : n >= 10_000 ? "\(n / 1000)k" : "\(n)"
    }
}
