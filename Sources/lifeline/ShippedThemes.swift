import ArgumentParser
import Foundation
import LifelineThemes
import LifelineTUI

/// Where a theme name (`--theme light`, `theme = "light"` in lifeline.toml)
/// is looked up: the user's own folder named by LIFELINE_THEMES first, then
/// the themes shipped with the program, whatever the current directory.
enum ShippedThemes {
    static var directories: [String] {
        var directories: [String] = []
        if let own = ProcessInfo.processInfo.environment["LIFELINE_THEMES"], !own.isEmpty { directories.append(own) }
        if let shipped = ShippedThemeFiles.folder { directories.append(shipped.path) }
        return directories
    }

    /// Every theme name there is, sorted, with the file that defines it; the
    /// built-in `default` and `monochrome` need no file.
    static var available: [(name: String, file: String?)] {
        var files: [String: String] = [:]
        for directory in directories.reversed() {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for entry in entries where entry.hasSuffix(".toml") {
                files[String(entry.dropLast(".toml".count))] = (directory as NSString).appendingPathComponent(entry)
            }
        }
        let names = Set(files.keys).union([Theme.default.name, Theme.monochrome.name])
        return names.sorted().map { ($0, files[$0]) }
    }

    static var names: [String] { available.map(\.name) }

    /// Loads a theme by name or by path (something with a `/` or ending in `.toml`).
    static func load(_ nameOrPath: String) throws -> Theme {
        try Theme.load(nameOrPath, searching: directories)
    }
}

/// `--theme`: the name of a theme there is, or a path to a theme file; a
/// name there is not is a usage error that lists the names there are.
struct ThemeChoice: ExpressibleByArgument {
    let nameOrPath: String

    init?(argument: String) {
        let isPath = argument.contains("/") || argument.hasSuffix(".toml")
        guard isPath || ShippedThemes.names.contains(argument) else { return nil }
        nameOrPath = argument
    }

    static var allValueStrings: [String] { ShippedThemes.names }
}
