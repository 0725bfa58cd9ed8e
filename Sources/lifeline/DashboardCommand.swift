import ArgumentParser
import Foundation
import LifelineEngine
import LifelineReports
import LifelineTerminal
import LifelineApp
import LifelineTUI
import LifelineWorkspace

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (what `lifeline [WORKSPACE]` does).",
        discussion: """
        Keys: ? in the dashboard lists them; keys.toml next to lifeline.toml (or ~/.config/lifeline/keys.toml) changes them.
        Data errors do not stop the dashboard: it opens on the rows it could read and `!` lists the rest.
        """
    )

    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String = "."

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this date (YYYY-MM-DD).", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("A theme name from themes/ (default, light, high-contrast, monochrome) or a path to a theme file.", valueName: "THEME"))
    var theme: String?

    func validate() throws {
        if let asOf, CivilDate.parse(asOf) == nil {
            throw ValidationError("--as-of '\(TerminalText.escaped(asOf))' is not a date YYYY-MM-DD")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: workspace) else {
            complain("\(workspace): no such file or directory")
            throw Exit.noInput
        }
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
        } catch let error as TerminalError {
            complain("\(error.description). The headless commands need none: lifeline report \(workspace), lifeline accounts \(workspace) (see lifeline --help).")
            throw Exit.usage
        }
        var outcome: Error?
        do {
            try runDashboard(terminal)
        } catch {
            outcome = error
        }
        terminal.close()
        if let outcome {
            if let message = outcome as? DashboardFailure { complain(message.text); throw message.exit }
            throw outcome
        }
    }

    private struct DashboardFailure: Error {
        var text: String
        var exit: ExitCode
    }

    private func runDashboard(_ terminal: Terminal) throws {
        let ws: Workspace
        do {
            ws = try WorkspaceLoader.load(path: workspace) { what, fraction in
                terminal.draw(LoadingView.render(width: terminal.size.width, height: terminal.size.height, path: workspace, what: what, fraction: fraction))
            }
        } catch let error as WorkspaceLoadError {
            if case .notFound = error { throw DashboardFailure(text: error.description, exit: Exit.noInput) }
            throw DashboardFailure(text: error.description, exit: Exit.ioError)
        }
        let day = ws.asOf(override: asOf.flatMap(CivilDate.parse), today: today())
        terminal.draw(LoadingView.render(width: terminal.size.width, height: terminal.size.height, path: workspace, what: "computing health, risk and value", fraction: 1))
        let analysis = Engine.analyze(ws, asOf: day)
        let chosenTheme: Theme
        do {
            chosenTheme = terminal.colorMode == .none ? .monochrome : try Theme.load(theme ?? ws.config.theme, searching: themeDirectories())
        } catch {
            throw DashboardFailure(text: "\(error)", exit: Exit.dataError)
        }
        let keys: KeyMap
        do {
            keys = try KeyMap.load(searching: KeyMap.searchPaths(workspace: workspace)).0
        } catch {
            throw DashboardFailure(text: "\(error)", exit: Exit.dataError)
        }
        var state = AppState(workspace: ws, analysis: analysis, theme: chosenTheme, keys: keys, width: terminal.size.width, height: terminal.size.height)
        let runner = CommandRunner(path: workspace, workspace: ws, asOf: asOf.flatMap(CivilDate.parse), today: today()) { [workspace] what, fraction in
            terminal.draw(LoadingView.render(width: terminal.size.width, height: terminal.size.height, path: workspace, what: what, fraction: fraction))
        }
        DashboardLoop.run(&state, on: terminal, runner: runner)
    }

    /// themes/ next to the workspace's project: the current folder, then the
    /// checkout the binary was built in, then LIFELINE_THEMES.
    private func themeDirectories() -> [String] {
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["LIFELINE_THEMES"] { dirs.append(env) }
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        dirs.append(exe.deletingLastPathComponent().appendingPathComponent("../../../themes").standardized.path)
        dirs.append(exe.deletingLastPathComponent().appendingPathComponent("../../themes").standardized.path)
        return dirs
    }
}
