import Synchronization

/// How far opening a workspace has got, in bytes of its tables: the loader
/// writes it from every core as chunks are parsed, and whoever shows the wait
/// (the dashboard's loading screen, the headless progress line) reads it from
/// its own thread whenever it likes, so nothing draws from a worker thread.
public final class LoadProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// The table being read now ("" before the first, "done" at the end).
        public var file = ""
        public var bytesRead = 0
        public var totalBytes = 0
        /// Rows parsed so far: what a person can relate to.
        public var rowsRead = 0

        public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }
    }

    private struct State {
        var snapshot = Snapshot()
        /// Bytes of the tables finished before the current one.
        var finishedBytes = 0
        var currentSize = 0
        var currentRead = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0.snapshot } }

    func expect(totalBytes: Int) {
        state.withLock { $0.snapshot.totalBytes = totalBytes }
    }

    /// Starts on a table of `size` bytes; the previous one counts as read whole.
    func begin(_ file: String, size: Int) {
        state.withLock { s in
            s.finishedBytes += s.currentSize
            s.currentSize = size
            s.currentRead = 0
            s.snapshot.file = file
            s.snapshot.bytesRead = s.finishedBytes
        }
    }

    /// `bytes` more of the current table are parsed, holding `rows` rows. A
    /// table read a second time (see CSVReader) never counts past its size.
    func advance(bytes: Int, rows: Int) {
        state.withLock { s in
            s.currentRead = min(s.currentSize, s.currentRead + bytes)
            s.snapshot.bytesRead = s.finishedBytes + s.currentRead
            s.snapshot.rowsRead += rows
        }
    }

    func finish() {
        state.withLock { s in
            s.finishedBytes += s.currentSize
            s.currentSize = 0
            s.snapshot.file = "done"
            s.snapshot.bytesRead = s.snapshot.totalBytes
        }
    }
}
