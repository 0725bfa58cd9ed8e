import Foundation

/// Checks made before the dashboard takes the screen.
enum DashboardPreflight {
    /// A folder without accounts.csv is no workspace: rather than an empty
    /// dashboard, say so and how to open one (exit 66). The headless commands
    /// report the same folder as a data error (65) through the loader.
    static func requireWorkspace(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
              !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("accounts.csv")) else { return }
        if path == "." {
            complain("no workspace here: \(FileManager.default.currentDirectoryPath) holds no accounts.csv")
        } else {
            complain("\(path) is no workspace: it holds no accounts.csv")
        }
        complain("open one with `lifeline PATH` (a folder holding accounts.csv, or an accounts CSV file); "
            + "to try Lifeline, `lifeline generate DIR --accounts 400` writes a sample workspace, then `lifeline DIR`")
        throw Exit.noInput
    }
}
