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

    @OptionGroup var asOf: AsOfOption

    @Option(help: ArgumentHelp("A theme (`lifeline themes` lists them) or a path to a theme file.", valueName: "THEME"))
    var theme: ThemeChoice?

    @Option(help: ArgumentHelp("Show one owner's book: every pane, KPI and export counts only their accounts.", valueName: "NAME"))
    var owner: String?

    func validate() throws {
        try DashboardPreflight.requireWorkspace(workspace)
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
        let opened: (Workspace, Analysis)
        do {
            opened = try openShowingProgress(terminal)
        } catch let error as WorkspaceLoadError {
            if case .notFound = error { throw DashboardFailure(text: error.description, exit: Exit.noInput) }
            throw DashboardFailure(text: error.description, exit: Exit.ioError)
        }
        let (ws, analysis) = opened
        let chosenTheme: Theme
        do {
            chosenTheme = terminal.colorMode == .none ? .monochrome : try ShippedThemes.load(theme?.nameOrPath ?? ws.config.theme)
        } catch {
            throw DashboardFailure(text: "\(error)", exit: Exit.dataError)
        }
        let keys: KeyMap
        do {
            keys = try KeyMap.load(searching: KeyMap.searchPaths(workspace: workspace)).0
        } catch {
            throw DashboardFailure(text: "\(error)", exit: Exit.dataError)
        }
        if let owner, !ws.accounts.contains(where: { $0.owner == owner }) {
            throw DashboardFailure(text: "no account has owner '\(owner)'", exit: Exit.usage)
        }
        let themes = ThemeCatalog(names: ShippedThemes.names) { try ShippedThemes.load($0) }
        var state = AppState(workspace: ws, analysis: analysis, owner: owner, theme: chosenTheme, themes: themes, keys: keys,
                             width: terminal.size.width, height: terminal.size.height)
        let runner = CommandRunner(path: workspace, workspace: ws) { try openShowingProgress(terminal) }
        DashboardLoop.run(&state, on: terminal, runner: runner)
    }

    /// Reads and analyses the workspace on another thread while this one
    /// shows how far it has got (after a quarter of a second, so a quick
    /// open does not flash) and listens for Ctrl-C, q or Esc, which quit at
    /// once with the terminal restored.
    private func openShowingProgress(_ terminal: Terminal) throws -> (Workspace, Analysis) {
        let progress = LoadProgress()
        let done = DispatchSemaphore(value: 0)
        final class Outcome: @unchecked Sendable { var result: Result<(Workspace, Analysis), Error>? }
        let outcome = Outcome()
        let path = workspace, override = asOf.day, now = today()
        DispatchQueue.global(qos: .userInitiated).async {
            outcome.result = Result {
                let ws = try WorkspaceLoader.load(path: path, progress: progress)
                return (ws, Engine.analyze(ws, asOf: ws.asOf(override: override, today: now)))
            }
            done.signal()
        }
        let started = Date()
        while done.wait(timeout: .now()) == .timedOut {
            switch terminal.nextEvent(timeoutMs: 50) {
            case .key(.ctrl("c"))?, .key(.character("q"))?, .key(.escape)?:
                terminal.close()
                Glibc.exit(130)
            default:
                break
            }
            guard Date().timeIntervalSince(started) >= 0.25 else { continue }
            let s = progress.snapshot
            let what = s.file == "done"
                ? "computing health, risk and value for \(s.rowsRead) rows"
                : "reading \(s.file) · \(s.bytesRead / 1_000_000) of \(s.totalBytes / 1_000_000) MB · \(s.rowsRead) rows"
            terminal.draw(LoadingView.render(width: terminal.size.width, height: terminal.size.height, path: workspace, what: what, fraction: s.fraction))
        }
        return try outcome.result!.get()
    }
}
