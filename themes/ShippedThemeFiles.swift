import Foundation

/// The theme files of this folder, which SwiftPM copies next to the
/// executable (`Lifeline_LifelineThemes.resources`), so `--theme light` works
/// from any directory. Looking a theme up by name is the command line's job
/// (Sources/lifeline/ShippedThemes.swift).
public enum ShippedThemeFiles {
    /// The folder holding the shipped `NAME.toml` files, or nil when the
    /// program was copied somewhere without it. Found by hand rather than
    /// through `Bundle.module`, whose accessor stops the program when the
    /// folder is missing: then only the built-in themes are offered.
    public static var folder: URL? {
        let name = "Lifeline_LifelineThemes.resources"
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(name),
            executable.deletingLastPathComponent().appendingPathComponent(name),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("light.toml").path) }
    }
}
