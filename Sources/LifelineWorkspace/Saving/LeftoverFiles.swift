import Foundation

/// A temporary file left by a save that was killed before its rename. The
/// file it was to replace is intact (SPEC §11); this one only takes room.
public struct LeftoverFile: Sendable, Equatable {
    public var path: String
    public var size: Int

    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }
}

extension WorkspaceSaver {
    /// The leftover temporary files in the folders the workspace's saves write
    /// into (its own folder, and the folders of tables that are links), for
    /// `lifeline check` to report. The next save removes them.
    public static func leftoverFiles(_ ws: Workspace) -> [LeftoverFile] {
        let names = ws.isSingleFile ? [ws.path] : ["accounts.csv", "tickets.csv", "surveys.csv", ConfigFile.name].map { (ws.path as NSString).appendingPathComponent($0) }
        var folders = Set<String>()
        for name in names {
            let target = realpath(name, nil).map { resolved in
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? name
            folders.insert((target as NSString).deletingLastPathComponent)
        }
        return folders.sorted().flatMap(leftovers)
    }

    /// Removes the leftovers in folders whose lock this process holds: no
    /// other save can be under way there, so every temporary file is stale.
    static func removeLeftovers(in folders: [String]) {
        for folder in Set(folders) {
            for file in leftovers(in: folder) { unlink(file.path) }
        }
    }

    private static func leftovers(in folder: String) -> [LeftoverFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter(AtomicFile.isTemporary).sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
            return LeftoverFile(path: path, size: Int(st.st_size))
        }
    }
}
