import Foundation

/// The theme files of this folder, which SwiftPM copies next to the
/// executable (`Lifeline_LifelineThemes.resources`), so `--theme light` works
/// from any directory. Looking a theme up by name is the command line's job
/// (Sources/lifeline/ShippedThemes.swift).
public enum ShippedThemeFiles {
    /// The folder holding the shipped `NAME.toml` files.
    public static var folder: URL? { Bundle.module.resourceURL }
}
