import ArgumentParser
import Foundation

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the dashboard's themes and the file each comes from.",
        discussion: """
        Open one with `lifeline --theme NAME WORKSPACE`, or set `theme = "NAME"` in lifeline.toml. To make your own, \
        copy a file, change the slots you want, and give its path to --theme, or put it in a folder named by the \
        LIFELINE_THEMES environment variable to use it by name.
        """
    )

    func run() throws {
        let themes = ShippedThemes.available
        let width = themes.map(\.name.count).max() ?? 0
        let lines = themes.map { theme in
            theme.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + (theme.file ?? "(built in)")
        }
        try emit(lines.joined(separator: "\n") + "\n", to: nil)
    }
}
