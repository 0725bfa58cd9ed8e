import Foundation

/// Notices when a workspace file changes on disk (a fresh export dropped in),
/// by comparing each file's modification time and size with the last look.
public struct WorkspaceWatch: Sendable {
    private struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private let paths: [String: String]
    private var stamps: [String: Stamp?] = [:]

    public init(_ ws: Workspace) {
        if ws.isSingleFile {
            paths = [(ws.path as NSString).lastPathComponent: ws.path]
        } else {
            let names = ["accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv", ConfigFile.name]
            paths = Dictionary(uniqueKeysWithValues: names.map { ($0, (ws.path as NSString).appendingPathComponent($0)) })
        }
        refresh()
    }

    private static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Stamp(seconds: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec, size: Int(st.st_size))
    }

    /// Takes the current state as seen (after reading or saving the files).
    public mutating func refresh() {
        for (name, path) in paths { stamps[name] = Self.stamp(path) }
    }

    /// The files that changed, appeared or vanished since the last look, sorted.
    public mutating func changedFiles() -> [String] {
        var changed: [String] = []
        for (name, path) in paths {
            let now = Self.stamp(path)
            if now != stamps[name] ?? nil {
                changed.append(name)
                stamps[name] = now
            }
        }
        return changed.sorted()
    }
}
