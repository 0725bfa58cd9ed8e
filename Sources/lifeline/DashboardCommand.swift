import ArgumentParser
import Foundation
import LifelineEngine
import LifelineReports
import LifelineTerminal
import LifelineViews
import LifelineWorkspace

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (what `lifeline [WORKSPACE]` does).",
        discussion: """
        Keys: Tab/1-4 panes · ↑↓ select · Enter open · a all accounts · / filter · x export · ! problems · ? help · q quit.
        Data errors do not stop the dashboard: it opens on the rows it could read and `!` lists the rest.
        """
    )

    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String = "."

    @OptionGroup var asOf: AsOfOption

    @Option(help: ArgumentHelp("A theme (`lifeline themes` lists them) or a path to a theme file.", valueName: "THEME"))
    var theme: ThemeChoice?

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
        var state = AppState(workspace: ws, analysis: analysis, theme: chosenTheme, width: terminal.size.width, height: terminal.size.height)
        var watch = WorkspaceWatch(state.workspace)
        var lastLook = Date()
        while true {
            terminal.draw(AppView.render(state))
            let event = terminal.nextEvent(timeoutMs: 1000)
            if Date().timeIntervalSince(lastLook) >= 1 {
                lastLook = Date()
                let changed = watch.changedFiles()
                if !changed.isEmpty { try filesChanged(changed, &state, terminal, &watch) }
            }
            guard let event else { continue }
            switch state.update(event) {
            case .quit?: return
            case .exportTiers(let path)?: state.message = export(state, to: path)
            case .save?: save(&state, &watch, elsewhere: nil)
            case .saveAndQuit?:
                if state.hasUnsavedEdits && !save(&state, &watch, elsewhere: nil) { break }
                if state.hasUnsavedSettings && !saveSettings(&state, &watch) { break }
                return
            case .saveElsewhere(let path)?: save(&state, &watch, elsewhere: path)
            case .saveSettings?: saveSettings(&state, &watch)
            case .reload?: try reload(&state, terminal, &watch, because: "Reloaded from disk; unsaved edits were dropped")
            case nil: break
            }
        }
    }

    /// Saves the edits; on a file changed on disk, asks to reload or save elsewhere.
    @discardableResult
    private func save(_ state: inout AppState, _ watch: inout WorkspaceWatch, elsewhere: String?) -> Bool {
        var ws = state.workspace
        do {
            if let elsewhere { try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true) }
            let files = try WorkspaceSaver.save(&ws, to: elsewhere)
            if let elsewhere {
                state.message = "Saved \(files.joined(separator: ", ")) into \(elsewhere); the originals are unchanged"
            } else {
                state.saved(ws, files: files)
                watch.refresh()
            }
            return true
        } catch SaveError.changedOnDisk(let file) {
            state.overlay = .saveConflict(file)
        } catch {
            state.message = "Not saved: \(error)"
        }
        return false
    }

    @discardableResult
    private func saveSettings(_ state: inout AppState, _ watch: inout WorkspaceWatch) -> Bool {
        var ws = state.workspace
        do {
            try WorkspaceSaver.saveSettings(&ws, from: state.savedConfig)
            state.settingsSaved(ws)
            watch.refresh()
            return true
        } catch {
            state.message = "Settings not saved: \(error)"
            return false
        }
    }

    /// A workspace file changed on disk: reload when nothing is unsaved, else say so.
    private func filesChanged(_ files: [String], _ state: inout AppState, _ terminal: Terminal, _ watch: inout WorkspaceWatch) throws {
        let names = files.joined(separator: ", ")
        if state.hasUnsavedEdits || state.hasUnsavedSettings {
            state.message = "\(names) changed on disk; your edits are unsaved (saving will ask what to do)"
        } else {
            try reload(&state, terminal, &watch, because: "\(names) changed on disk: reloaded")
        }
    }

    private func reload(_ state: inout AppState, _ terminal: Terminal, _ watch: inout WorkspaceWatch, because reason: String) throws {
        do {
            let (ws, analysis) = try openShowingProgress(terminal)
            state.reloaded(ws, analysis, because: reason)
        } catch {
            state.message = "Could not reload: \(error)"
        }
        watch.refresh()
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

    /// Writes the tier list; the message for the status line.
    private func export(_ state: AppState, to path: String) -> String {
        let format = TierExport.Format(path: path) ?? .csv
        let (text, rows) = TierExport.render(state.analysis, state.workspace, format: format)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            return "Could not write \(path): \(String(cString: strerror(errno)))"
        }
        return "Exported \(rows) rows (\(format.rawValue)) to \(URL(fileURLWithPath: path).standardized.path)"
    }
}
